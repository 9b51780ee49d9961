"""The encoder protocol and run-level deduplication of texts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float32]


class Encoder(Protocol):
    """Turns texts into L2-normalised float32 rows."""

    name: str

    def encode(self, texts: Sequence[str]) -> Matrix: ...


class ClosableEncoder(Encoder, Protocol):
    """An encoder that may hold resources (a cache file) until ``close()``."""

    def close(self) -> None: ...


def normalise(vectors: npt.NDArray[np.floating]) -> Matrix:
    """L2-normalise rows; an all-zero row stays zero instead of becoming NaN."""
    out = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    result: Matrix = (out / np.maximum(norms, 1e-12)).astype(np.float32, copy=False)
    return result


def embed_unique(encoder: Encoder, texts: Sequence[str]) -> Matrix:
    """Encode each distinct text once and return one row per input text."""
    unique = sorted(set(texts))
    if not unique:
        return np.zeros((0, 0), dtype=np.float32)
    rows = {text: i for i, text in enumerate(unique)}
    vectors = encoder.encode(unique)
    return vectors[[rows[text] for text in texts]]
