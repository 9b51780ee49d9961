"""Adjacent beads the DP cut apart: content moved across their boundary, told by the
lengths of two 1-1 pairs or by a number that crossed between two beads.

A translator who ends the first of two sentences later or earlier than the original
('Die Sonne ist hinter dem Lohner verschwunden , und es wird schnell kalt .' + 'Die
Bewegung auf dem Abstieg ...' / 'Le soleil a disparu derrière le Lohner .' + 'La
température baisse rapidement , mais le mouvement ...') leaves two pairs that each
still score like translations, and two pairs outscore one joined bead in the DP. Three
signs together tell the moved clause: one pair is much shorter on one side than the
document's length ratio and the next as much longer on that side (the clause left one
pair for the other), the two together have the document's ratio (nothing is missing:
a truncated sentence beside a long pair leaves them short), and the joined pair is
more similar than either pair. Lengths are measured in units of the document's own
spread of ratios: EN-KO news pairs spread half as much again as Text+Berg's, and a
fixed cut joined an EN-KO pair that its gold keeps as two."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from aligner.align.params import Matrix
from aligner.align.windows import window_text
from aligner.models import Bead


def join_shifted_pairs(
    beads: Sequence[Bead],
    texts: tuple[Sequence[str], Sequence[str]],
    embed: Callable[[Sequence[str]], Matrix],
    shift: tuple[float, float],
    min_gain: float,
) -> list[Bead]:
    """Join two adjacent 1-1 pairs into a 2-2 bead when their log length ratios lie
    ``shift[0]`` typical deviations (the median over the 1-1 beads) or more on opposite
    sides of the document's ratio, together within ``shift[1]`` of it, and the joined
    pair is ``min_gain`` more similar than the better pair. Embeds two texts per
    candidate, nothing without one."""
    src, tgt = texts
    ratio = float(np.log((sum(map(len, tgt)) + 1) / (sum(map(len, src)) + 1)))

    def deviation(s: Sequence[int], t: Sequence[int]) -> float:
        lengths = sum(len(tgt[j]) for j in t) + 10, sum(len(src[i]) for i in s) + 10
        return float(np.log(lengths[0] / lengths[1])) - ratio

    pairs = [b for b in beads if len(b.src) == len(b.tgt) == 1]
    if not pairs:
        return list(beads)
    typical = float(np.median([abs(deviation(b.src, b.tgt)) for b in pairs]))
    candidates = []
    for k in range(len(beads) - 1):
        first, second = beads[k], beads[k + 1]
        if not (len(first.src) == len(first.tgt) == len(second.src) == len(second.tgt) == 1):
            continue
        if (second.src[0], second.tgt[0]) != (first.src[0] + 1, first.tgt[0] + 1):
            continue
        d1, d2 = deviation(first.src, first.tgt), deviation(second.src, second.tgt)
        together = deviation(first.src + second.src, first.tgt + second.tgt)
        if (
            d1 * d2 < 0
            and min(abs(d1), abs(d2)) >= shift[0] * typical
            and abs(together) <= shift[1] * typical
        ):
            candidates.append(k)
    if not candidates:
        return list(beads)
    rows = embed(
        [
            window_text(texts[side], (beads[k].src, beads[k].tgt)[side][0], 2)
            for k in candidates
            for side in (0, 1)
        ]
    )
    joined: dict[int, Bead] = {}
    for n, k in enumerate(candidates):
        similarity = float(rows[2 * n] @ rows[2 * n + 1])
        if similarity - max(beads[k].similarity, beads[k + 1].similarity) < min_gain:
            continue
        if k - 1 in joined:  # two candidates sharing a pair: the more similar
            if joined[k - 1].similarity >= similarity:
                continue
            del joined[k - 1]
        first, second = beads[k], beads[k + 1]
        joined[k] = Bead(first.src + second.src, first.tgt + second.tgt, round(similarity, 6))
    out: list[Bead] = []
    k = 0
    while k < len(beads):
        out.append(joined.get(k, beads[k]))
        k += 2 if k in joined else 1
    return out


def join_across_numbers(
    beads: Sequence[Bead],
    texts: tuple[Sequence[str], Sequence[str]],
    numbers: tuple[Sequence[frozenset[str]], Sequence[frozenset[str]]],
    embed: Callable[[Sequence[str]], Matrix],
) -> list[Bead]:
    """Join adjacent aligned beads when a number that one bead writes on one side is
    written on the other side only by the next bead, and by neither bead's other
    side: the clause that carries it crossed their boundary. Translations copy
    numbers in digits, so this holds where the similarities of a loose translation
    cannot tell the cut (a 2-2 bead the DP cut into two pairs, each scoring like a
    translation). Embeds the joined beads, nothing without one."""

    def written(bead: Bead, side: int) -> set[str]:
        return set().union(*(numbers[side][i] for i in (bead.src, bead.tgt)[side]))

    def crossed(first: Bead, second: Bead) -> bool:
        for side in (0, 1):
            mine, theirs = written(first, side), written(second, side)
            here, there = written(first, 1 - side), written(second, 1 - side)
            if (mine - here - theirs) & there or (theirs - there - mine) & here:
                return True
        return False

    out: list[Bead] = []
    joined: list[int] = []
    for bead in beads:
        last = out[-1] if out else None
        if (
            last is not None
            and last.src
            and last.tgt
            and bead.src
            and bead.tgt
            and (bead.src[0], bead.tgt[0]) == (last.src[-1] + 1, last.tgt[-1] + 1)
            and crossed(last, bead)
        ):
            out[-1] = Bead(last.src + bead.src, last.tgt + bead.tgt, 0.0)
            if not joined or joined[-1] != len(out) - 1:
                joined.append(len(out) - 1)
            continue
        out.append(bead)
    if joined:
        spans = [(out[k].src, out[k].tgt) for k in joined]
        rows = embed(
            [
                window_text(texts[side], span[side][0], len(span[side]))
                for span in spans
                for side in (0, 1)
            ]
        )
        for n, k in enumerate(joined):
            similarity = float(rows[2 * n] @ rows[2 * n + 1])
            out[k] = Bead(out[k].src, out[k].tgt, round(similarity, 6))
    return out
