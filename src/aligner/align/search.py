"""Aligning two documents: the coarse-to-fine search band, then the DP (``dp``) and the
passes after it (``reorder``); and the two-pass embedding of sentence windows."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

import numpy as np

from aligner.align.clauses import Join, vouched_joins
from aligner.align.dp import find_path
from aligner.align.evidence import (
    Evidence,
    Lengths,
    NumberReader,
    ends_on_comma,
    number_lengths,
    number_masks,
    number_sets,
    quotation_counts,
    quotations_go_on,
    runs_on,
    unrelated_level,
)
from aligner.align.params import AlignParams, Matrix, Windows, bead_shapes
from aligner.align.pieces import unlocalized_joins
from aligner.align.reorder import (
    give_partner_to_neighbour,
    join_moved_halves,
    join_open_orphans,
    match_moved,
    pair_adjacent_gaps,
    swap_crossings,
)
from aligner.align.shifted import join_across_numbers, join_shifted_pairs
from aligner.align.windows import approximate_windows, block_means, uncertain_windows, window_text
from aligner.models import Bead

FULL_SEARCH_CELLS = 2_500_000  # up to ~1,600 x 1,600 sentences, search the whole matrix
# sentences averaged into one at the next coarser level of a long document; each level
# is aligned the same way, so the levels form a pyramid down to a whole-matrix search
PYRAMID_BLOCK = 4
# passes that embed exactly the windows around the beads the previous pass chose
MAX_REFINEMENTS = 3


def align_texts(
    src: Sequence[str],
    tgt: Sequence[str],
    *,
    embed: Callable[[Sequence[str]], Matrix],
    params: AlignParams,
    finished: tuple[Callable[[str], bool] | None, Callable[[str], bool] | None] = (None, None),
    realign_moves: bool = True,
    lines: tuple[Sequence[int] | None, Sequence[int] | None] = (None, None),
    numbers: tuple[NumberReader | None, NumberReader | None] = (None, None),
) -> tuple[list[Bead], Matrix, Matrix]:
    """Align two lists of sentences, embedding as little as possible.

    Sentences are embedded once; a first pass uses estimated window embeddings,
    and only the windows around its non-1-1 beads (see :func:`uncertain_windows`)
    are embedded exactly for the next pass, until a pass chooses no bead with a
    window not yet embedded (at most :data:`MAX_REFINEMENTS` times).

    Args:
        src: source sentences.
        tgt: target sentences.
        embed: texts -> L2-normalised rows (called twice; deduplicates itself).
        params: aligner settings.
        finished: per side, whether a line without final punctuation is a whole
            sentence of its language (see ``segment.ends_without_stop``).
        realign_moves: align again without the moved sentences the first
            alignment paired with unrelated ones (see :func:`displaced_pairs`).
        lines: per side, the line of its file each sentence stands on, if known (see
            :func:`aligner.align.pieces.unlocalized_joins`).
        numbers: per side, how its language reads the numbers of a sentence, as
            values both sides write alike (see ``number_masks``); None: digits.

    Returns:
        The beads, and the sentence embeddings of each side.
    """
    single = embed([*src, *tgt])
    src_windows = approximate_windows(single[: len(src)], params.max_bead)
    tgt_windows = approximate_windows(single[len(src) :], params.max_bead)

    # read from the texts once, for both passes
    src_open, tgt_open = runs_on(src, finished[0]), runs_on(tgt, finished[1])
    src_quoted, tgt_quoted = quotations_go_on(src), quotations_go_on(tgt)
    src_numbers, tgt_numbers = number_masks(src, numbers[0]), number_masks(tgt, numbers[1])
    src_digits, tgt_digits = number_lengths(src), number_lengths(tgt)
    src_commas, tgt_commas = ends_on_comma(src), ends_on_comma(tgt)
    quotations = quotation_counts(src), quotation_counts(tgt)

    def align(joins: Sequence[Join] = (), refused: Sequence[Join] = ()) -> list[Bead]:
        return align_embeddings(
            src_windows,
            tgt_windows,
            params=params,
            src_lengths=[len(t) for t in src],
            tgt_lengths=[len(t) for t in tgt],
            src_open=src_open,
            tgt_open=tgt_open,
            src_numbers=src_numbers,
            tgt_numbers=tgt_numbers,
            src_digits=src_digits,
            tgt_digits=tgt_digits,
            src_commas=src_commas,
            tgt_commas=tgt_commas,
            src_quoted=src_quoted,
            tgt_quoted=tgt_quoted,
            quotations=quotations,
            joins=joins,
            refused=refused,
        )

    beads = align()
    if params.max_bead == 1:
        return beads, src_windows[1], tgt_windows[1]
    exact: set[tuple[int, int, int]] = set()  # (side, window length, start) embedded

    def refine(
        beads: list[Bead], joins: Sequence[Join] = (), refused: Sequence[Join] = ()
    ) -> list[Bead]:
        # A pass may choose a bead that only an estimated window made attractive (four
        # joined sentences estimated at 0.52 were 0.36 in fact, hiding three omissions),
        # so the windows around its choices are embedded until it chooses no new ones.
        for _ in range(MAX_REFINEMENTS):
            src_need, tgt_need = uncertain_windows(beads, params.max_bead)
            wanted = [
                (side, windows, k, start, window_text(texts, start, k))
                for side, texts, windows, need in (
                    (0, src, src_windows, src_need),
                    (1, tgt, tgt_windows, tgt_need),
                )
                for k, starts in need.items()
                for start in starts
                if start + k <= len(texts) and (side, k, start) not in exact
            ]
            if not wanted:
                break
            rows = embed([text for *_, text in wanted])
            for row, (side, windows, k, start, _) in zip(rows, wanted, strict=True):
                windows[k][start] = row
                exact.add((side, k, start))
            beads = align(joins, refused)
        return beads

    beads = refine(beads)
    level = unrelated_level(src_windows[1], tgt_windows[1], params.unrelated_quantile)
    vectors = (src_windows[1], tgt_windows[1])
    refused: list[Join] = []
    if params.localize_joins:
        explained = (
            [a or b for a, b in zip(src_open, src_quoted, strict=True)],
            [a or b for a, b in zip(tgt_open, tgt_quoted, strict=True)],
        )
        for _ in range(MAX_REFINEMENTS):
            found = unlocalized_joins(
                beads, (src, tgt), vectors, embed, explained, lines, (src_numbers, tgt_numbers)
            )
            found = [j for j in found if j not in refused]
            if not found:
                break
            refused += found
            beads = refine(align(refused=refused), refused=refused)
    if params.clause_margin is not None:
        joins = vouched_joins(beads, (src, tgt), vectors, embed, level, params.clause_margin)
        # clause evidence speaks for a join where the pieces did not: a trailing clause
        # the other side made a sentence of its own, in other words than the clause's
        refused = [j for j in refused if j not in joins]
        if joins:
            beads = refine(align(joins, refused), joins, refused)
    if params.max_bead >= 3 and params.shift_deviations is not None:
        beads = join_shifted_pairs(
            beads, (src, tgt), embed, params.shift_deviations, params.shift_min_gain
        )
    if params.number_min_digits is not None:
        digits = (
            number_sets(src, params.number_min_digits),
            number_sets(tgt, params.number_min_digits),
        )
        beads = join_across_numbers(beads, (src, tgt), digits, embed)
    if realign_moves:
        moved = displaced_pairs(beads, src_windows[1], tgt_windows[1], level, params)
        if moved:
            again = _without_moved(
                src, tgt, [m for m, _ in moved], embed, params, finished, numbers
            )
            # the move is trusted only if what it leaves behind finds a partner: a
            # sentence replaced by one on another sentence's subject (a mistranslation
            # naming the Smith and the Oxford of an omitted sentence) stays alone
            lone = {(b.src, b.tgt) for b in again if not (b.src and b.tgt)}
            if not any(left in lone for _, left in moved):
                beads = again
    return beads, src_windows[1], tgt_windows[1]


def displaced_pairs(
    beads: Sequence[Bead], src: Matrix, tgt: Matrix, level: float, params: AlignParams
) -> list[tuple[Bead, tuple[tuple[int, ...], tuple[int, ...]]]]:
    """Moved sentences the DP paired with an unrelated one: a 1-1 bead scoring below
    the document's unrelated ``level`` whose sentence on one side and a lone sentence of
    the other side are each other's best match in the whole document, at least
    ``move_min_similarity``. (A paragraph moved away leaves its sentence beside a gap
    the DP fills with whatever sentence comes next: a quote moved to the end of the
    Korean, 0.07 with the sentence put in its place, 0.6 with its translation.) Each
    comes with the sentence the move leaves, as a lone bead's (src, tgt)."""
    lone_src = np.array([b.src[0] for b in beads if b.src and not b.tgt], dtype=np.int64)
    lone_tgt = np.array([b.tgt[0] for b in beads if b.tgt and not b.src], dtype=np.int64)
    if level < 0 or not (len(lone_src) or len(lone_tgt)):
        return []
    # rows compared one at a time: the whole similarity matrix of a 100,000-sentence
    # document would not fit in memory
    found: list[tuple[Bead, tuple[tuple[int, ...], tuple[int, ...]]]] = []
    for bead in beads:
        if not (len(bead.src) == len(bead.tgt) == 1 and bead.similarity < level):
            continue
        i, j = bead.src[0], bead.tgt[0]
        partners = []  # the best lone sentence of the other side, for each side's sentence
        if len(lone_tgt):
            partners.append((i, int(lone_tgt[(tgt[lone_tgt] @ src[i]).argmax()])))
        if len(lone_src):
            partners.append((int(lone_src[(src[lone_src] @ tgt[j]).argmax()]), j))
        for a, b in partners:
            similarity = float(src[a] @ tgt[b])
            if similarity < params.move_min_similarity:
                continue
            if (tgt @ src[a]).argmax() == b and (src @ tgt[b]).argmax() == a:
                left = ((), (j,)) if a == i else ((i,), ())
                found.append((Bead((a,), (b,), round(similarity, 6)), left))
                break
    return found


def _without_moved(
    src: Sequence[str],
    tgt: Sequence[str],
    moved: Sequence[Bead],
    embed: Callable[[Sequence[str]], Matrix],
    params: AlignParams,
    finished: tuple[Callable[[str], bool] | None, Callable[[str], bool] | None],
    numbers: tuple[NumberReader | None, NumberReader | None] = (None, None),
) -> list[Bead]:
    """The beads of the sentences but the ``moved`` pairs, aligned again without them
    (the sentences they left, no longer paired with them, find their own partners), and
    the moved pairs put back in the source's order."""
    gone_src = {i for b in moved for i in b.src}
    gone_tgt = {j for b in moved for j in b.tgt}
    keep_src = [i for i in range(len(src)) if i not in gone_src]
    keep_tgt = [j for j in range(len(tgt)) if j not in gone_tgt]
    rest, _, _ = align_texts(
        [src[i] for i in keep_src],
        [tgt[j] for j in keep_tgt],
        embed=embed,
        params=params,
        finished=finished,
        realign_moves=False,
        numbers=numbers,
    )
    out: list[Bead] = []
    pending = sorted(moved, key=lambda b: b.src[0])
    for bead in rest:
        mapped = Bead(
            tuple(keep_src[i] for i in bead.src),
            tuple(keep_tgt[j] for j in bead.tgt),
            bead.similarity,
        )
        while pending and mapped.src and pending[0].src[0] < mapped.src[0]:
            out.append(pending.pop(0))
        out.append(mapped)
    return out + pending


def align_embeddings(
    src: Windows,
    tgt: Windows,
    *,
    params: AlignParams,
    src_lengths: Sequence[int] | None = None,
    tgt_lengths: Sequence[int] | None = None,
    src_open: Sequence[bool] | None = None,
    tgt_open: Sequence[bool] | None = None,
    src_numbers: np.ndarray | None = None,
    tgt_numbers: np.ndarray | None = None,
    src_quoted: Sequence[bool] | None = None,
    tgt_quoted: Sequence[bool] | None = None,
    src_digits: np.ndarray | None = None,
    tgt_digits: np.ndarray | None = None,
    src_commas: Sequence[bool] | None = None,
    tgt_commas: Sequence[bool] | None = None,
    quotations: tuple[Sequence[int] | None, Sequence[int] | None] = (None, None),
    joins: Sequence[Join] = (),
    refused: Sequence[Join] = (),
) -> list[Bead]:
    """Align two documents given the embeddings of their sentence windows.

    Args:
        src: window length -> embeddings; ``src[1]`` holds one row per sentence.
        tgt: the same for the target document.
        params: aligner settings.
        src_lengths: character length of each source sentence (for the length prior).
        tgt_lengths: the same for the target side.
        src_open: whether each source line stops short of a sentence end (see ``open_line``).
        tgt_open: the same for the target side.
        src_numbers: the numbers of each source sentence (see ``number_masks``).
        tgt_numbers: the same for the target side.
        src_quoted: whether each source line's quotation goes on in the next (see
            ``continues_quotation``).
        tgt_quoted: the same for the target side.
        src_digits: the digits of each source sentence's longest number (see
            ``number_lengths``).
        tgt_digits: the same for the target side.
        src_commas: whether each source line ends on a comma (see ``ends_on_comma``).
        tgt_commas: the same for the target side.
        quotations: how many quotations each line of each side holds (see
            ``quotation_counts``).
        joins: 1-2 / 2-1 beads that clause evidence vouches for (see ``clauses``).
        refused: 1-2 / 2-1 beads whose single sentence carries one part only (see
            ``pieces``).

    Returns:
        Beads covering every sentence of both sides exactly once, in document order.
    """
    n, m = len(src[1]), len(tgt[1])
    if n == 0 or m == 0:
        return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
    lengths = Lengths.of(src_lengths, tgt_lengths, params.length_weight)
    evidence = Evidence.of(
        src[1],
        tgt[1],
        (src_open, tgt_open),
        (src_numbers, tgt_numbers),
        params.unrelated_quantile,
        (src_quoted, tgt_quoted),
        quotations,
        joins,
        refused,
    )
    pairs = _monotonic_path(src, tgt, params, lengths, evidence)
    beads = [_make_bead(a, b, src, tgt) for a, b in pairs]
    beads = swap_crossings(beads, src[1], tgt[1], params.swap_margin)
    # a pair around one aligned bead is a swap of neighbours: evidence of a translation
    # (above the document's unrelated level) is enough, as it is for a merge
    swap_level = evidence.unrelated if evidence.unrelated >= 0 else params.move_min_similarity
    paired = {(b.src, b.tgt) for b in beads}
    beads = match_moved(
        beads,
        src[1],
        tgt[1],
        (params.move_min_similarity, swap_level),
        params.move_window,
        params.translation_floor,
    )
    moved = {(b.src, b.tgt) for b in beads} - paired
    beads = join_moved_halves(beads, moved, (src, tgt), params.merge_min_evidence)
    if src_digits is not None and tgt_digits is not None:
        beads = give_partner_to_neighbour(
            beads, src[1], tgt[1], (src_digits, tgt_digits), swap_level
        )
    if (
        src_open is not None
        and tgt_open is not None
        and src_commas is not None
        and tgt_commas is not None
    ):
        beads = join_open_orphans(
            beads,
            (src, tgt),
            (src_open, tgt_open),
            swap_level,
            params.max_bead,
            (src_commas, tgt_commas),
        )
    return pair_adjacent_gaps(beads, src[1], tgt[1])


def _make_bead(a: range, b: range, src: Windows, tgt: Windows) -> Bead:
    similarity = 0.0
    if len(a) and len(b):
        similarity = float(src[len(a)][a.start] @ tgt[len(b)][b.start])
    return Bead(tuple(a), tuple(b), round(similarity, 6))


def _monotonic_path(
    src: Windows,
    tgt: Windows,
    params: AlignParams,
    lengths: Lengths | None,
    evidence: Evidence,
) -> list[tuple[range, range]]:
    """The DP's best bead sequence, in order (before the passes that cross and move)."""
    lo, width = _search_band(src[1], tgt[1], params)
    shapes = bead_shapes(params.max_bead)
    return find_path(src, tgt, lo, width, shapes, params, lengths, evidence)


def _search_band(src: Matrix, tgt: Matrix, params: AlignParams) -> tuple[np.ndarray, int]:
    """Per-row first column and common width of the cells the DP explores: the whole
    matrix of a short document; for a long one, a band around the path of the means of
    ``PYRAMID_BLOCK`` sentences, itself found this way. For documents of similar length
    the band is then a few dozen cells wide at every level, so time grows linearly.
    (One coarse level of ~400 blocks made the band grow with the document: 100,000
    sentences took 3x as long, and ``benchmarks/align_scaling.py --exactness`` found
    59 beads that differ from the whole-matrix search, against 16.)"""
    n, m = len(src), len(tgt)
    if n * m <= FULL_SEARCH_CELLS:
        return np.zeros(n + 1, dtype=np.int64), m + 1
    block = PYRAMID_BLOCK
    coarse_src, coarse_tgt = block_means(src, block), block_means(tgt, block)
    coarse_params = dataclasses.replace(params, max_bead=2)
    # the path before moved sentences are paired: a pair far apart would drag the
    # band of every block between them off the diagonal
    coarse = _monotonic_path(
        approximate_windows(coarse_src, 2),
        approximate_windows(coarse_tgt, 2),
        coarse_params,
        None,
        Evidence.of(coarse_src, coarse_tgt, (None, None), (None, None), params.unrelated_quantile),
    )
    return _band_from_path(coarse, block, n, m, params.band_margin + block)


def _band_from_path(
    coarse: list[tuple[range, range]], block: int, n: int, m: int, margin: int
) -> tuple[np.ndarray, int]:
    """Fine rows get the fine columns their coarse block was aligned to, plus a margin."""
    first = np.full(n + 1, m, dtype=np.int64)
    last = np.zeros(n + 1, dtype=np.int64)
    for src_blocks, tgt_blocks in coarse:
        rows = range(src_blocks.start * block, min(n, src_blocks.stop * block) + 1)
        cols = (tgt_blocks.start * block, min(m, tgt_blocks.stop * block))
        first[rows.start : rows.stop] = np.minimum(first[rows.start : rows.stop], cols[0])
        last[rows.start : rows.stop] = np.maximum(last[rows.start : rows.stop], cols[1])
    lo = np.maximum(first - margin, 0)
    hi = np.minimum(last + margin, m)
    lo = np.minimum.accumulate(lo[::-1])[::-1]  # monotone so that every path stays inside
    hi = np.maximum.accumulate(hi)
    lo[0], hi[-1] = 0, m
    width = int((hi - lo).max()) + 1
    return np.minimum(lo, max(m + 1 - width, 0)), width
