"""Embeddings of windows of consecutive sentences: estimated from the sentences', and
where the first pass is unsure, embedded exactly."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from aligner.align.params import Matrix, Windows
from aligner.embed.base import normalise
from aligner.models import Bead


def window_text(texts: Sequence[str], start: int, k: int) -> str:
    """The text of ``k`` consecutive sentences from ``start``, joined by a space."""
    return " ".join(texts[start : start + k])


def approximate_windows(single: Matrix, max_len: int) -> Windows:
    """Window embeddings estimated as normalised sums of sentence embeddings: good
    enough to find where merges and gaps might be, not to decide them."""
    windows = {1: single}
    for k in range(2, max_len + 1):
        windows[k] = _window_sums(single, k)
    return windows


def uncertain_windows(
    beads: Sequence[Bead], max_len: int, radius: int = 1
) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """Starts of the windows (length >= 2) made only of sentences within ``radius``
    beads of a non-1-1 bead: only these need exact embeddings for a second pass.
    (Windows reaching further out cost 2.4x the encoding on the batch benchmark's
    tree for no change on dev and +0.001 strict F1 on Text+Berg.) Windows of four
    or more sentences are needed only near a bead already joining one fewer on a
    side: near every gap they added 7% to the characters embedded on the re-drawn
    EN-KO faults, for nothing there and 0.001 of Text+Berg's 0.004 gain from them.

    Returns:
        For each side, window length -> sorted window starts.
    """

    def near(least: int) -> tuple[set[int], set[int]]:
        src: set[int] = set()
        tgt: set[int] = set()
        for k, bead in enumerate(beads):
            if len(bead.src) == len(bead.tgt) == 1 or max(len(bead.src), len(bead.tgt)) < least:
                continue
            for other in beads[max(0, k - radius) : k + radius + 1]:
                src.update(other.src)
                tgt.update(other.tgt)
        return src, tgt

    def starts(near: set[int], k: int) -> list[int]:
        return sorted(s for s in near if all(s + j in near for j in range(1, k)))

    least = {k: 1 if k <= 3 else k - 1 for k in range(2, max_len + 1)}
    sets = {n: near(n) for n in set(least.values())}
    src_need = {k: starts(sets[n][0], k) for k, n in least.items()}
    tgt_need = {k: starts(sets[n][1], k) for k, n in least.items()}
    return src_need, tgt_need


def _window_sums(vectors: Matrix, k: int) -> Matrix:
    """Normalised sums of each run of ``k`` consecutive rows."""
    if len(vectors) < k:
        return np.zeros((0, vectors.shape[1]), dtype=np.float32)
    total = vectors[: len(vectors) - k + 1].copy()
    for i in range(1, k):
        total += vectors[i : len(vectors) - k + 1 + i]
    return normalise(total)


def block_means(vectors: Matrix, block: int) -> Matrix:
    """Normalised means of each run of ``block`` rows (the last run may be shorter)."""
    count = -(-len(vectors) // block)
    padded = np.zeros((count * block, vectors.shape[1]), dtype=np.float32)
    padded[: len(vectors)] = vectors
    return normalise(padded.reshape(count, block, -1).sum(axis=1))
