"""Passes after the DP: swapped neighbours, moved sentences and paragraphs, a lone
half of a split sentence, and a lone sentence next to a lone sentence of the other
side."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from aligner.align.params import Matrix, Windows
from aligner.models import Bead


def swap_crossings(beads: list[Bead], src: Matrix, tgt: Matrix, margin: float) -> list[Bead]:
    """Undo a swap of two sentences, which the monotonic DP sees as two parallel
    1-1 beads or one 2-2 bead: cross them when the crossed pairs fit clearly better."""
    out: list[Bead] = []
    for bead in beads:
        last = out[-1] if out else None
        if len(bead.src) == len(bead.tgt) == 2:
            (i, i2), (j, j2) = bead.src, bead.tgt
            out += _crossed(i, i2, j, j2, src, tgt, margin) or [bead]
        elif last and len(last.src) == len(last.tgt) == len(bead.src) == len(bead.tgt) == 1:
            crossed = _crossed(last.src[0], bead.src[0], last.tgt[0], bead.tgt[0], src, tgt, margin)
            out[-1:] = crossed or [last, bead]
        else:
            out.append(bead)
    return out


def _crossed(
    i: int, i2: int, j: int, j2: int, src: Matrix, tgt: Matrix, margin: float
) -> list[Bead] | None:
    parallel = float(src[i] @ tgt[j]), float(src[i2] @ tgt[j2])
    crossed = float(src[i] @ tgt[j2]), float(src[i2] @ tgt[j])
    if min(crossed) > max(parallel) - margin and sum(crossed) > sum(parallel) + margin:
        return [Bead((i,), (j2,), round(crossed[0], 6)), Bead((i2,), (j,), round(crossed[1], 6))]
    return None


def pair_adjacent_gaps(beads: list[Bead], src: Matrix, tgt: Matrix) -> list[Bead]:
    """A 1-0 next to a 0-1 is one sentence translated by an unrelated one: keep them
    together as a 1-1 so the QA stage reports one mistranslation, not two gaps."""
    out: list[Bead] = []
    for bead in beads:
        last = out[-1] if out else None
        if (
            last
            and len(last.src) + len(bead.src) == 1
            and len(last.tgt) + len(bead.tgt) == 1
            and not (last.src and last.tgt)
            and not (bead.src and bead.tgt)
        ):
            i, j = (last.src or bead.src)[0], (last.tgt or bead.tgt)[0]
            out[-1] = Bead((i,), (j,), round(float(src[i] @ tgt[j]), 6))
        else:
            out.append(bead)
    return out


def match_moved(
    beads: list[Bead],
    src: Matrix,
    tgt: Matrix,
    thresholds: tuple[float, float],
    window: int,
    floor: float | None = None,
) -> list[Bead]:
    """Pair unaligned sentences of both sides that are each other's best match and lie
    within ``window`` beads of each other (a sentence moved within its passage; far
    apart, a good match is more likely a repeated or similar sentence).

    ``thresholds`` are the least similarity of a move, and of a swap of neighbours: two
    lone sentences on either side of one aligned bead. A swap is far more common than an
    omission and an addition that happen to sit there, so it needs less evidence (the
    EN-KO benchmark's swaps of short sentences score 0.29-0.45 under mUSE). ``floor``,
    the least similarity of a translation, is enough for a swap whose two sentences are
    each other's best match in the document (see :func:`_best_in_document`)."""
    lone_src = [b.src[0] for b in beads if not b.tgt]
    lone_tgt = [b.tgt[0] for b in beads if not b.src]
    if not lone_src or not lone_tgt:
        return beads
    where = {(b.src, b.tgt): k for k, b in enumerate(beads) if not (b.src and b.tgt)}
    src_at = np.array([where[((i,), ())] for i in lone_src])
    tgt_at = np.array([where[((), (j,))] for j in lone_tgt])
    sims = src[lone_src] @ tgt[lone_tgt].T
    distance = np.abs(src_at[:, None] - tgt_at[None, :])
    sims[distance > window] = -1.0
    aligned = np.array([bool(b.src and b.tgt) for b in beads] + [False])
    between = np.minimum(src_at[:, None], tgt_at[None, :]) + 1
    swapped = (distance == 2) & aligned[np.minimum(between, len(beads))]
    need = np.where(swapped, thresholds[1], thresholds[0])
    if floor is not None:
        # two neighbours swapped that are each other's best match in the whole document,
        # but for sentences matching their own partner better, need only be a translation
        # (a document on one subject puts its unrelated level above a loose one's 0.41)
        best = _best_in_document(beads, lone_src, lone_tgt, src, tgt)
        need[swapped & best] = np.minimum(need[swapped & best], floor)
    matched = {
        lone_src[r]: Bead((lone_src[r],), (lone_tgt[c],), round(float(sims[r, c]), 6))
        for r, c in _mutual_best(sims)
        if sims[r, c] >= need[r, c]
    }
    matched.update(_moved_blocks(lone_src, lone_tgt, src, tgt, thresholds[0], matched))
    _extend_runs(matched, lone_src, lone_tgt, src, tgt, thresholds[1])
    used_tgt = {b.tgt[0] for b in matched.values()}
    out = []
    for bead in beads:
        if not bead.tgt and bead.src[0] in matched:
            out.append(matched[bead.src[0]])
        elif bead.src or bead.tgt[0] not in used_tgt:
            out.append(bead)
    return out


def join_moved_halves(
    beads: list[Bead],
    moved: set[tuple[tuple[int, ...], tuple[int, ...]]],
    windows: tuple[Windows, Windows],
    min_gain: float,
) -> list[Bead]:
    """A sentence moved with its paragraph may have been split in two by the other
    side's translator: the lone half beside the moved pair's sentence joins that pair
    when the two sentences together match the other side by ``min_gain`` better than
    the one alone. Otherwise half the move is reported as a move and half as a gap
    (a Korean translation splitting "Ishiba said … , an apparent reference to …"
    into two sentences: 0.655 for the half that was paired, 0.751 together).
    ``moved``: the (src, tgt) of the 1-1 beads :func:`match_moved` made."""
    lone = (
        {b.src[0]: k for k, b in enumerate(beads) if b.src and not b.tgt},
        {b.tgt[0]: k for k, b in enumerate(beads) if b.tgt and not b.src},
    )
    joined: dict[int, Bead] = {}
    dropped: set[int] = set()
    for k, bead in enumerate(beads):
        if (bead.src, bead.tgt) not in moved:
            continue
        options = []
        for side in (0, 1):
            own, far = windows[side], windows[1 - side]
            x, y = (bead.src[0], bead.tgt[0]) if side == 0 else (bead.tgt[0], bead.src[0])
            for first in (x - 1, x):  # the half before the paired sentence, or after it
                half = first if first != x else x + 1
                if half not in lone[side] or lone[side][half] in dropped or 2 not in own:
                    continue
                if not 0 <= first < len(own[2]):
                    continue
                similarity = float(own[2][first] @ far[1][y])
                if similarity >= bead.similarity + min_gain:
                    options.append((similarity, side, first, lone[side][half]))
        if options:
            similarity, side, first, at = max(options)
            pair, other = (first, first + 1), (bead.tgt if side == 0 else bead.src)
            src, tgt = (pair, other) if side == 0 else (other, pair)
            joined[k] = Bead(src, tgt, round(similarity, 6))
            dropped.add(at)
    return [joined.get(k, b) for k, b in enumerate(beads) if k not in dropped]


def _moved_blocks(
    lone_src: list[int],
    lone_tgt: list[int],
    src: Matrix,
    tgt: Matrix,
    threshold: float,
    matched: dict[int, Bead],
) -> dict[int, Bead]:
    """Pairs of a block of two or more sentences moved any distance: consecutive lone
    sentences that match consecutive lone sentences of the other side in order, each
    pair mutually most similar. One far match alone is more often a similar sentence
    (Text+Berg); a run of them is a moved paragraph."""
    taken = {b.tgt[0] for b in matched.values()}
    rows = [i for i in lone_src if i not in matched]
    cols = [j for j in lone_tgt if j not in taken]
    if not rows or not cols:
        return {}
    sims = src[rows] @ tgt[cols].T
    best = {rows[r]: cols[c] for r, c in _mutual_best(sims) if sims[r, c] >= threshold}
    return {
        i: Bead((i,), (j,), round(float(src[i] @ tgt[j]), 6))
        for i, j in best.items()
        if best.get(i + 1) == j + 1 or best.get(i - 1) == j - 1
    }


def _extend_runs(
    matched: dict[int, Bead],
    lone_src: list[int],
    lone_tgt: list[int],
    src: Matrix,
    tgt: Matrix,
    level: float,
) -> None:
    """Grow each moved pair or block by the lone neighbours beside it on both sides
    that score above the document's unrelated ``level``: a sentence of a moved
    paragraph needs no more evidence than a swapped neighbour (one loose translation
    at 0.44 left its paragraph as a missing + an unaligned sentence)."""
    free_src = set(lone_src) - set(matched)
    free_tgt = set(lone_tgt) - {b.tgt[0] for b in matched.values()}
    todo = [(b.src[0], b.tgt[0]) for b in matched.values()]
    while todo:
        i, j = todo.pop()
        for step in (-1, 1):
            a, b = i + step, j + step
            if a in free_src and b in free_tgt and (similarity := float(src[a] @ tgt[b])) > level:
                matched[a] = Bead((a,), (b,), round(similarity, 6))
                free_src.discard(a)
                free_tgt.discard(b)
                todo.append((a, b))


def _best_in_document(
    beads: list[Bead], rows: list[int], cols: list[int], src: Matrix, tgt: Matrix
) -> np.ndarray:
    """Whether each (row, column) pair is each other's most similar sentence of the
    whole document, leaving out sentences that match their own partner better."""
    partnered = [np.full(len(src), -1.0), np.full(len(tgt), -1.0)]
    for bead in beads:
        if bead.src and bead.tgt:
            partnered[0][list(bead.src)] = partnered[1][list(bead.tgt)] = bead.similarity
    row_sims = src[rows] @ tgt.T
    col_sims = tgt[cols] @ src.T
    row_sims[row_sims < partnered[1][None, :]] = -1.0
    col_sims[col_sims < partnered[0][None, :]] = -1.0
    row_best, col_best = row_sims.argmax(axis=1), col_sims.argmax(axis=1)
    best: np.ndarray = (row_best[:, None] == np.array(cols)[None, :]) & (
        col_best[None, :] == np.array(rows)[:, None]
    )
    return best


def _mutual_best(sims: Matrix) -> list[tuple[int, int]]:
    """(row, column) pairs that are each other's most similar in ``sims``."""
    best_col, best_row = sims.argmax(axis=1), sims.argmax(axis=0)
    return [(r, int(c)) for r, c in enumerate(best_col) if best_row[c] == r]


# digits of a number no translation spells out in words: a year, an amount in thousands
COPIED_NUMBER_DIGITS = 4


def give_partner_to_neighbour(
    beads: list[Bead],
    src: Matrix,
    tgt: Matrix,
    digits: tuple[np.ndarray, np.ndarray],
    level: float,
) -> list[Bead]:
    """A sentence that writes a number of ``COPIED_NUMBER_DIGITS`` or more digits is no
    translation of one that writes no digits at all. When a 1-1 bead pairs two such
    sentences and a lone sentence beside it on the same side, with no digits either,
    matches the partner above ``level``, that one is the translation: the other is an
    addition on the same story (a Korean sentence on the team's 2019 study scored 0.55
    with 'The study was published in Nutrients', its translation 0.48) or the
    neighbour of an omission. ``digits``: per sentence of each side, the digits of its
    longest number (see ``number_lengths``)."""
    out = list(beads)
    for k, bead in enumerate(out):
        if len(bead.src) != 1 or len(bead.tgt) != 1:
            continue
        options = [
            (better, n)
            for n in (k - 1, k + 1)
            if 0 <= n < len(out)
            and (better := _lone_partner(bead, out[n], src, tgt, digits, level))
        ]
        if options:
            better, n = max(options, key=lambda option: option[0].similarity)
            left = Bead((), bead.tgt, 0.0) if better.src == bead.src else Bead(bead.src, (), 0.0)
            out[k], out[n] = (left, better) if n > k else (better, left)
    return out


def _lone_partner(
    pair: Bead,
    lone: Bead,
    src: Matrix,
    tgt: Matrix,
    digits: tuple[np.ndarray, np.ndarray],
    level: float,
) -> Bead | None:
    """The 1-1 bead of ``lone``'s sentence with the other side of ``pair``, when
    ``pair``'s sentence on ``lone``'s side writes a long number, neither sentence of
    the new bead writes digits, and they match above ``level``."""
    src_digits, tgt_digits = digits
    (i,), (j,) = pair.src, pair.tgt
    if lone.src and not lone.tgt:
        long_number = src_digits[i] >= COPIED_NUMBER_DIGITS
        (i,) = lone.src
    elif lone.tgt and not lone.src:
        long_number = tgt_digits[j] >= COPIED_NUMBER_DIGITS
        (j,) = lone.tgt
    else:
        return None
    similarity = float(src[i] @ tgt[j])
    if not long_number or src_digits[i] or tgt_digits[j] or similarity < level:
        return None
    return Bead((i,), (j,), round(similarity, 6))


def join_open_orphans(
    beads: list[Bead],
    windows: tuple[Windows, Windows],
    runs_on: tuple[Sequence[bool], Sequence[bool]],
    level: float,
    max_bead: int,
    commas: tuple[Sequence[bool], Sequence[bool]],
) -> list[Bead]:
    """A lone line that runs on into the next (or follows one that does) is half of a
    split sentence, not an omission: join it to its neighbour's bead when the joined
    lines still match that bead's other side above ``level``. The DP may have left it
    alone because the joined lines score below the neighbour's single pair, as they do
    when the translation is loose (a Korean clause ending in 했고 on a line of its own).

    The lone line must match the other side above ``level`` by itself too (an omitted
    line after a heading only borrows its neighbour's similarity), unless the line
    that runs on ends on a comma (``commas``): a clause, not a heading or a caption,
    and its half of the sentence may score like an unrelated pair ("Wahhaj was the
    first Muslim to lead a prayer before the House of Representatives," 0.07)."""
    out = list(beads)
    k = 0
    while k < len(out):
        joined = _joined_orphan(out, k, windows, runs_on, level, max_bead, commas)
        if joined is None:
            k += 1
            continue
        first, bead = joined
        out[first : first + 2] = [bead]
        k = first + 1  # the bead after the joined one is next, whichever side it joined
    return out


def _joined_orphan(
    beads: list[Bead],
    k: int,
    windows: tuple[Windows, Windows],
    runs_on: tuple[Sequence[bool], Sequence[bool]],
    level: float,
    max_bead: int,
    commas: tuple[Sequence[bool], Sequence[bool]],
) -> tuple[int, Bead] | None:
    lone = beads[k]
    if bool(lone.src) == bool(lone.tgt) or len(lone.src) + len(lone.tgt) != 1:
        return None
    side = 0 if lone.src else 1
    (x,) = lone.src or lone.tgt
    options: list[tuple[int, Bead]] = []
    for n in (k - 1, k + 1):
        if not 0 <= n < len(beads):
            continue
        other = beads[n]
        mine, theirs = (other.src, other.tgt) if side == 0 else (other.tgt, other.src)
        # a counterpart that runs on too is a heading or title like it, not a sentence
        # that one side split
        if not mine or len(theirs) != 1 or len(mine) + 1 > max_bead or runs_on[1 - side][theirs[0]]:
            continue
        before = n < k
        if (before and (mine[-1] != x - 1 or not runs_on[side][x - 1])) or (
            not before and (mine[0] != x + 1 or not runs_on[side][x])
        ):
            continue
        lines = (*mine, x) if before else (x, *mine)
        own, far = windows[side], windows[1 - side]
        similarity = float(own[len(lines)][lines[0]] @ far[1][theirs[0]])
        clause = commas[side][x - 1 if before else x]
        if similarity < level or (float(own[1][x] @ far[1][theirs[0]]) < level and not clause):
            continue
        bead = (
            Bead(lines, theirs, round(similarity, 6))
            if side == 0
            else Bead(theirs, lines, round(similarity, 6))
        )
        options.append((min(n, k), bead))
    return max(options, key=lambda option: option[1].similarity, default=None)
