"""The monotonic dynamic programme over beads, row by row inside a search band."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from aligner.align.clauses import join_mask
from aligner.align.evidence import Evidence, Lengths
from aligner.align.params import AlignParams, Matrix, Windows

NEG = np.float32(-1e9)
CHUNK = 64  # rows whose bead values are computed at once


def find_path(
    src: Windows,
    tgt: Windows,
    lo: np.ndarray,
    width: int,
    shapes: list[tuple[int, int]],
    params: AlignParams,
    lengths: Lengths | None = None,
    evidence: Evidence | None = None,
) -> list[tuple[range, range]]:
    """Best monotonic bead sequence inside the band; returns (src range, tgt range) pairs."""
    n, m = len(src[1]), len(tgt[1])
    skip = params.skip_penalty
    value = np.full((n + 1, width), NEG, dtype=np.float32)
    choice = np.zeros((n + 1, width), dtype=np.int8)
    cols = np.arange(width)
    diagonal = [s for s in shapes if s[0] > 0]
    codes = np.array([shapes.index(s) for s in diagonal], dtype=np.int8)
    insertion = shapes.index((0, 1))
    ramp = skip * np.arange(width, dtype=np.float32)
    cands = np.empty((len(diagonal), width), dtype=np.float32)
    reach = max(max(a for a, _ in shapes), max(b for _, b in shapes))
    for r0 in range(0, n + 1, CHUNK):
        r1 = min(n + 1, r0 + CHUNK)
        single = Singles.of(src, tgt, r0, r1, lo, width, reach)
        scores = [
            _bead_scores(s, src, tgt, lo, width, r0, r1, params, single, lengths, evidence)
            for s in diagonal
        ]
        for i in range(r0, r1):
            cands.fill(NEG)
            for k, (a, b) in enumerate(diagonal):
                if a > i:
                    continue
                # the cell a rows up and b columns left, as a shift between band rows
                shift = int(lo[i] - b - lo[i - a])
                c0, c1 = max(0, -shift), min(width, width - shift)
                if c1 > c0:
                    np.add(
                        value[i - a, c0 + shift : c1 + shift],
                        scores[k][i - r0, c0:c1],
                        out=cands[k, c0:c1],
                    )
            best_k = cands.argmax(axis=0)
            best = cands[best_k, cols]
            arg = codes[best_k]
            if i == 0:
                best[0] = 0.0
            _add_insertions(best, arg, insertion, ramp)
            best[cols + lo[i] > m] = NEG
            value[i], choice[i] = best, arg
    return _trace(choice, lo, shapes, n, m)


@dataclass(frozen=True)
class Singles:
    """Similarities of the single sentence pairs that beads ending at one chunk of rows
    can hold, computed once for every bead shape."""

    block: Matrix  # src sentences s0.. x tgt sentences c0..
    s0: int
    c0: int

    @staticmethod
    def of(
        src: Windows, tgt: Windows, r0: int, r1: int, lo: np.ndarray, width: int, reach: int
    ) -> Singles:
        s0 = max(r0 - reach, 0)
        c0 = max(int(lo[r0:r1].min()) - reach, 0)
        c1 = min(int(lo[r0:r1].max()) + width, len(tgt[1]))
        # a bead ending at row i holds src sentences below i: rows up to r1 - 2
        return Singles(src[1][s0 : r1 - 1] @ tgt[1][c0:c1].T, s0, c0)

    def pairs(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Similarities of src ``rows`` with tgt ``cols``, element by element; columns
        outside the block read its nearest edge (those cells are masked)."""
        c = np.clip(cols - self.c0, 0, self.block.shape[1] - 1)
        result: np.ndarray = self.block[rows - self.s0, c]
        return result

    def at(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Similarities of src ``rows`` (column vector) with tgt ``cols`` (a matrix)."""
        return self.pairs(rows[:, None], cols)


def _add_insertions(best: np.ndarray, arg: np.ndarray, k: int, ramp: np.ndarray) -> None:
    """Apply runs of 0-1 beads within a row: V[j] = max(V[j], V[j-1] - skip), in one
    pass (``ramp`` is skip * column)."""
    # Only earlier columns compete. Comparing a column with itself after adding and
    # subtracting the ramp let float32 rounding (values ~30 on a 300-sentence document)
    # replace the back-pointer of the best bead by a 1-0 + 0-1 pair worth less.
    reach = np.full_like(best, NEG)
    reach[1:] = np.maximum.accumulate(best + ramp)[:-1] - ramp[1:]
    better = reach > best
    best[better], arg[better] = reach[better], k


def _bead_scores(
    shape: tuple[int, int],
    src: Windows,
    tgt: Windows,
    lo: np.ndarray,
    width: int,
    r0: int,
    r1: int,
    params: AlignParams,
    single: Singles,
    lengths: Lengths | None,
    evidence: Evidence | None = None,
) -> Matrix:
    """Values of beads of one shape ending at rows r0..r1-1 and every band column."""
    a, b = shape
    skip = params.skip_penalty
    out = np.full((r1 - r0, width), NEG, dtype=np.float32)
    if b == 0:
        out[:] = -skip * a
        return out
    penalty = skip * (a + b - 2) + params.pair_threshold
    s_rows = np.arange(r0, r1) - a  # first src sentence of the bead
    valid_rows = (s_rows >= 0) & (s_rows < len(src.get(a, ())))
    if not valid_rows.any():
        return out
    t_first = lo[r0:r1, None] + np.arange(width)[None, :] - b  # first tgt sentence
    c0 = max(int(t_first.min()), 0)
    c1 = min(int(t_first.max()) + 1, len(tgt.get(b, ())))
    if c1 <= c0:
        return out
    rows = s_rows[valid_rows]
    t_idx = t_first[valid_rows]
    ok = (t_idx >= c0) & (t_idx < c1)
    if a == b == 1:
        gathered = single.at(rows, t_idx)
    else:
        block = src[a][rows] @ tgt[b][c0:c1].T
        gathered = np.take_along_axis(block, np.clip(t_idx - c0, 0, c1 - c0 - 1), axis=1)
    value = gathered - penalty
    if min(a, b) == 1 < max(a, b):
        best, worst = _part_similarities(shape, single, rows, t_idx)
        waived = np.zeros_like(value)
        if lengths is not None:
            waived = _merge_waiver(shape, rows, t_idx, gathered, best, lengths, params)
        if evidence is not None:
            gain = gathered - best
            joined_open = evidence.open_share(rows, a, t_idx, b)
            # a quotation that goes on is expected to join too, unless joining costs
            # similarity (an omitted quotation dilutes its neighbour's pair)
            quoted = evidence.open_share(rows, a, t_idx, b, quoted=True)
            # ... as many quotations on both sides say they were joined, whatever it costs
            joined = (gain >= params.merge_min_gain) | evidence.same_quotations(rows, a, t_idx, b)
            quoted = np.where(joined, quoted, 0.0)
            joined_open = np.maximum(joined_open, quoted)
            waived = np.maximum(waived, joined_open)
            # a part that scores like an unrelated pair, or whose numbers the other side
            # lacks, and adds no similarity is an omission or an addition next to a 1-1
            # pair, unless the lines run on
            unrelated = worst < evidence.unrelated
            if evidence.numbers:
                unrelated |= evidence.foreign_numbers(rows, a, t_idx, b)
            unsupported = unrelated & (gain < params.merge_min_evidence)
            if evidence.numbers and a + b == 3:
                # ... unless its lone part writes a number of the single sentence the other
                # part does not: a short sentence the other side folded in ('The 2018
                # figure was 727.6 million tons.' in ``2018년(7억2천760만t) 대비``), expected
                # as a vouched join is (read only where refused: it costs time)
                carried = _carried_numbers(evidence, single, (rows, t_idx), shape, unsupported)
                unsupported &= ~carried
                waived = np.maximum(waived, carried)
            if evidence.joins:
                # ... unless clause evidence vouches for the join: then it is expected,
                # as after an open line (only in place of the evidence it lacks: a
                # waiver for every vouched join hid two omissions on re-drawn faults)
                vouched = join_mask(evidence.joins, shape, rows, t_idx) & unsupported
                unsupported &= ~vouched
                waived = np.maximum(waived, vouched)
            value = np.where(unsupported & (joined_open == 0), NEG, value)
            if evidence.refused:
                value = np.where(join_mask(evidence.refused, shape, rows, t_idx), NEG, value)
        value = value + skip * (a + b - 2) * waived
    elif a > 1 and b > 1 and evidence is not None:
        # each join after a line that runs on is let off its share of the penalty, as
        # in a 1-n bead: a sentence cut at a colon or semicolon on one side whose
        # clauses the other side cut elsewhere (Text+Berg's 2-2 beads)
        opened = evidence.open_share(rows, a, t_idx, 1) * (a - 1)
        value = value + skip * (opened + evidence.open_share(rows, 1, t_idx, b) * (b - 1))
    if lengths is not None:
        value = value - lengths.penalty(rows[:, None], a, t_idx, b)
    out[valid_rows] = np.where(ok, value, NEG)
    return out


def _carried_numbers(
    evidence: Evidence,
    single: Singles,
    at: tuple[np.ndarray, np.ndarray],
    shape: tuple[int, int],
    cells: np.ndarray,
) -> np.ndarray:
    """:meth:`Evidence.carried_numbers` of the 1-2 / 2-1 beads starting at src rows
    ``at[0]`` and tgt ``at[1]`` (a matrix), read only in ``cells``; False elsewhere."""
    a, b = shape
    found = np.zeros(cells.shape, dtype=bool)
    r, c = np.nonzero(cells)
    # only where the single sentence writes a number
    singles = evidence.tgt_numbers if a > 1 else evidence.src_numbers
    at_single = np.clip(at[1][r, c] if a > 1 else at[0][r], 0, len(singles) - 1)
    keep = singles[at_single, 0] != 0
    r, c = r[keep], c[keep]
    if r.size:
        s, t = at[0][r], at[1][r, c]
        parts = [single.pairs(s + k, t) if a > 1 else single.pairs(s, t + k) for k in range(2)]
        found[r, c] = evidence.carried_numbers(s, a, t, b, [p < evidence.unrelated for p in parts])
    return found


def _part_similarities(
    shape: tuple[int, int], single: Singles, rows: np.ndarray, t_idx: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Best and worst similarity of the single sentence pairs inside 1-n / n-1 beads
    starting at src ``rows`` and tgt ``t_idx``."""
    a, b = shape
    best = np.full(t_idx.shape, -1.0, dtype=np.float32)
    worst = np.full(t_idx.shape, 1.0, dtype=np.float32)
    for da in range(a):
        for db in range(b):
            part = single.at(rows + da, t_idx + db)
            best, worst = np.maximum(best, part), np.minimum(worst, part)
    return best, worst


def _merge_waiver(
    shape: tuple[int, int],
    rows: np.ndarray,
    t_idx: np.ndarray,
    joined: np.ndarray,
    best: np.ndarray,
    lengths: Lengths,
    params: AlignParams,
) -> np.ndarray:
    """Share (0-1) of the merge penalty waived for 1-n / n-1 beads starting at src
    ``rows`` and tgt ``t_idx``, whose joined similarity is ``joined`` and best single
    pair's ``best``: all of it at the document's length ratio, none
    ``merge_length_tolerance`` away from it, and none unless ``joined`` is at least
    about ``best``."""
    a, b = shape
    deviation = lengths.deviation(rows[:, None], a, t_idx, b)
    waived = np.clip(1 - deviation / params.merge_length_tolerance, 0.0, 1.0)
    result: np.ndarray = np.where(joined - best >= params.merge_min_gain, waived, 0.0)
    return result


def _trace(
    choice: np.ndarray, lo: np.ndarray, shapes: list[tuple[int, int]], n: int, m: int
) -> list[tuple[range, range]]:
    pairs: list[tuple[range, range]] = []
    i, j = n, m
    while i > 0 or j > 0:
        a, b = shapes[int(choice[i, j - lo[i]])] if i > 0 else (0, 1)
        pairs.append((range(i - a, i), range(j - b, j)))
        i, j = i - a, j - b
    return pairs[::-1]
