"""Time the gap check (``missing`` / ``extra`` / ``unaligned`` typing) as documents grow.

Each document has N aligned 1-1 pairs and a Korean sentence without counterpart
after every fourth pair, with vectors that drift like a story's (a random walk, so
neighbours are alike and the coherence test runs). The check should grow linearly
with N; computing its per-document facts once per gap made it quadratic (40 s of
CPU for 5,000 beads and 1,000 gaps).

    python benchmarks/gap_scaling.py [N ...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

from aligner.config import Settings
from aligner.models import Bead, Document, Sentence
from aligner.qa.alignment import find_gaps
from aligner.qa.registry import AlignedDocument


def _document(count: int, lang: str) -> Document:
    sentences = tuple(
        Sentence(i, f"Sentence {i}.", line=i + 1, start=0, end=12) for i in range(count)
    )
    return Document(Path(f"story.{lang}"), lang, sentences)


def _walk(rng: np.random.Generator, count: int) -> np.ndarray:
    vectors = np.cumsum(rng.normal(size=(count, 64)), axis=0).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [1000, 2000, 4000, 8000]
    rng = np.random.default_rng(0)
    print(f"{'pairs':>6} {'gaps':>6} {'CPU s':>7}")
    for pairs in sizes:
        beads, j = [], 0
        for i in range(pairs):
            beads.append(Bead((i,), (j,), 0.5))
            j += 1
            if i % 4 == 0:
                beads.append(Bead((), (j,), 0.0))
                j += 1
        doc = AlignedDocument(
            _document(pairs, "en"),
            _document(j, "ko"),
            tuple(beads),
            _walk(rng, pairs),
            _walk(rng, j),
        )
        start = time.process_time()
        flags = list(find_gaps(doc, Settings()))
        print(f"{pairs:>6} {len(flags):>6} {time.process_time() - start:>7.2f}")


if __name__ == "__main__":
    main()
