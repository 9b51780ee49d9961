"""Choosing an encoder from the ``--model`` setting."""

from __future__ import annotations

from functools import lru_cache

from aligner.embed.base import ClosableEncoder
from aligner.embed.muse import ALIASES, FP32


@lru_cache(maxsize=2)
def load_encoder(name: str, threads: int | None = None) -> ClosableEncoder:
    """The bundled mUSE v3 for its aliases (``muse-v3-fp32``: without int8
    convolutions; on a CUDA GPU when torch sees one, in fp32), else a
    sentence-transformers model.

    Loaded models are kept for the life of the process (encoders are stateless).
    ``threads`` caps the compute threads of the model (default: one per core).

    Raises:
        ModelError: the model cannot be found locally or fails to load.
    """
    if name.lower() in ALIASES | {FP32}:
        from aligner.embed.muse import MuseEncoder
        from aligner.embed.muse_torch import cuda_device

        return MuseEncoder(threads=threads, int8=name.lower() != FP32, device=cuda_device())
    from aligner.embed.transformer import TransformerEncoder

    return TransformerEncoder(name, threads=threads)
