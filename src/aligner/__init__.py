"""aligner: English-Korean sentence alignment and translation QA."""

from __future__ import annotations

__version__ = "0.1.0"
