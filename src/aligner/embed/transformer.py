"""Any sentence-transformers model, by local path or by name from the user's cache.

The hub is never contacted: a model that is not on disk fails at once with a
``ModelError`` instead of hanging on a network that may not exist.
"""

from __future__ import annotations

import gc
import hashlib
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from aligner.embed.base import Matrix, normalise
from aligner.errors import ModelError


class TransformerEncoder:
    """A sentence-transformers model on the CPU (or GPU when torch sees one)."""

    def __init__(self, name_or_path: str, batch_size: int = 64, threads: int | None = None) -> None:
        self._source = name_or_path
        self._model: Any = _load(name_or_path)  # now, so that a bad model fails at once
        # renamed in sentence-transformers 5 (the old name warns)
        width = getattr(self._model, "get_embedding_dimension", None)
        self._dim: int = (width or self._model.get_sentence_embedding_dimension)() or 0
        if threads:
            # torch keeps its own thread pool, which threadpoolctl does not reach: a
            # worker process must be capped here or two of them share two cores four ways
            import torch

            torch.set_num_threads(threads)
        self.name = model_identity(name_or_path)
        self._batch_size = batch_size
        # fast tokenizers refuse concurrent use ("Already borrowed"): one call at a time
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> Matrix:
        """Unit-length rows for ``texts``; callable from several threads (one runs at
        a time)."""
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32)
        with self._lock:
            if self._model is None:
                self._model = _load(self._source)
            vectors = self._model.encode(
                list(texts),
                batch_size=self._batch_size,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return normalise(vectors)

    def close(self) -> None:
        """Nothing to release: the model stays loaded for the process (see
        :func:`~aligner.embed.loader.load_encoder`)."""

    def release(self) -> None:
        """Drop the weights until the next ``encode``: a process whose workers load
        their own copy need not hold a third (LaBSE: 1.8 GB each)."""
        with self._lock:
            self._model = None
        gc.collect()


def model_identity(name_or_path: str) -> str:
    """What names a model's embeddings in the cache and in signatures: a short name
    (a folder's last two parts, since "model" alone says little, or the hub name) and
    a digest of where its files are and of each one's size and modification time, so
    that another model under a like path, or the same folder fine-tuned again, never
    reads the vectors of the first.

    Example:
        >>> model_identity("models/labse")  # doctest: +SKIP
        'models/labse@1c0ffee2b5e3'
    """
    path = Path(name_or_path).expanduser()
    short = "/".join(path.resolve().parts[-2:]) if path.exists() else name_or_path
    folder = path.resolve() if path.exists() else _cached_snapshot(name_or_path)
    if folder is None:
        return short
    digest = hashlib.sha256(str(folder).encode("utf-8", "surrogateescape"))
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        info = file.stat()
        relative = file.relative_to(folder).as_posix().encode("utf-8", "surrogateescape")
        digest.update(relative + f"\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return f"{short}@{digest.hexdigest()[:12]}"


def _cached_snapshot(name: str) -> Path | None:
    """The folder of a hub model's cached snapshot (its path holds the commit)."""
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(name, local_files_only=True)).resolve()
    except Exception:  # not a hub name, or not cached: the short name must do
        return None


def _load(name_or_path: str) -> Any:
    # Offline mode must be set before huggingface_hub is imported.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    path = Path(name_or_path).expanduser()
    if name_or_path.startswith((".", "/", "~")) and not path.exists():
        raise ModelError(f"model path {name_or_path} does not exist")
    try:
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        # its "Loading weights" bar would land in the middle of our stderr lines
        transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        return SentenceTransformer(
            str(path) if path.exists() else name_or_path, device=None, local_files_only=True
        )
    except Exception as exc:  # library raises OSError, ValueError, HF errors...
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(
            f"cannot load model '{name_or_path}': not a local sentence-transformers model "
            f"directory and not in the Hugging Face cache ({reason[:160]}). Pass a local path "
            "with --model, or omit --model to use the bundled mUSE v3 model"
        ) from None
