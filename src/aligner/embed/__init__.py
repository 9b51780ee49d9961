"""Sentence encoders: the bundled offline mUSE v3 model and any sentence-transformers model."""

from __future__ import annotations

from aligner.embed.base import ClosableEncoder, Encoder, embed_unique
from aligner.embed.loader import load_encoder

__all__ = ["ClosableEncoder", "Encoder", "embed_unique", "load_encoder"]
