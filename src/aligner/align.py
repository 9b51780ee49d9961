"""Sentence alignment: embeddings of sentence windows -> ordered list of beads.

The core is a monotonic dynamic programme over beads of up to ``max_bead``
sentences (1-1, 1-0, 0-1, 1-2, 2-1, 1-3, 3-1, 2-2, ...). A bead's value is the
cosine similarity of the embeddings of its concatenated sentences, minus a
penalty per sentence beyond a 1-1; leaving a sentence unaligned costs the same
penalty. With those two equal, a merge wins exactly when the concatenation is
more similar than the best 1-1 it would replace, which separates true merges
from omissions next to a 1-1 pair (measured on the EN-KO dev set).

Every aligned bead also pays a fixed ``pair_threshold``. Without it a sum of
similarities rewards cutting a passage into more beads: a sentence translated by
two came out as a chain of shifted 1-1 pairs, one of them between unrelated
sentences (measured on the Text+Berg German-French set). The threshold cancels
out of the merge-or-omission choice above, which compares one aligned bead with
one aligned bead, so it leaves omission detection as it was.

A 1-n or n-1 merge is let off part of its penalty when it looks like one: the
joined sentences have the document's own length ratio (learned per document, so
per language pair) and are about as similar as the best single pair inside it.
An omission next to a 1-1 pair fails both tests: it lengthens one side and
dilutes the similarity.

Two more pieces of evidence decide 1-n / n-1 beads. A join after a line that runs
on into the next (it stops short of a sentence end, at a comma, colon or
semicolon, or the next line starts in lower case) is expected: such beads are let
off their merge penalty (a sentence split in two, a German clause the French
translator attached to its neighbour: Text+Berg +0.007 strict F1). Without such a
join, a bead is not allowed when one of its parts scores like an unrelated pair
(below a high quantile of the document's own pair similarities, so calibrated per
document and model), or brings numbers written in digits of which the other side
has none, and joining it adds no similarity: an omitted sentence next to a 1-1
pair, which would otherwise hide inside a 2-1 bead (EN-KO dev).

Long documents are aligned coarse-to-fine: blocks of sentences are averaged,
aligned, and the fine search runs in a band around the coarse path, so time and
memory grow linearly with document length.

After the DP, unaligned sentences on both sides are matched when they are
mutually most similar and at most ``move_window`` beads apart (a sentence moved
within its passage; far apart, a match is more often a similar sentence: Text+Berg
+0.004 strict F1); two on either side of one aligned bead, a swap of neighbours, need
only score above the document's unrelated level, and a run of such pairs, a moved
paragraph, may lie any distance apart. Adjacent 1-1 beads are swapped
when the crossing pairs fit clearly better; beads that cross others are
reported by the QA stage as reordered.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from aligner.embed.base import normalise
from aligner.models import Bead

Matrix = npt.NDArray[np.float32]
Windows = dict[int, Matrix]  # window length k -> (n - k + 1, d) embeddings of k joined sentences

NEG = np.float32(-1e9)
FULL_SEARCH_CELLS = 2_500_000  # up to ~1,600 x 1,600 sentences, search the whole matrix
COARSE_TARGET = 400  # sentences per side at the coarsest level
CHUNK = 64


@dataclass(frozen=True)
class AlignParams:
    """Knobs of the aligner; defaults measured on the EN-KO dev set."""

    max_bead: int = 3
    skip_penalty: float = 0.1  # per unaligned sentence, and per sentence merged beyond 1-1
    pair_threshold: float = 0.15  # paid by every aligned bead (see the module docstring)
    merge_length_tolerance: float = 0.3  # |log length ratio| off the document's: no waiver
    merge_min_gain: float = -0.02  # joined similarity minus the best single pair's
    swap_margin: float = 0.05  # crossing pairs must beat parallel ones by this much
    move_min_similarity: float = 0.45  # a moved sentence must match at least this well
    move_window: int = 20  # ... within this many beads of its old place
    band_margin: int = 8  # extra sentences either side of the coarse path
    # per unit of |log length ratio - document's ratio|; chosen on re-drawn dev faults
    # (benchmarks/resample.py seeds 1-6, confirmed on 7-12): 0.05 let more omissions hide
    # in merges, 0.15 breaks swaps
    length_weight: float = 0.1
    unrelated_quantile: float = 0.9  # of the document's pair similarities: unrelated below
    merge_min_evidence: float = 0.02  # joined minus best single similarity of a supported merge


def bead_shapes(max_bead: int) -> list[tuple[int, int]]:
    """All (src, tgt) sentence counts allowed: nulls plus a-b with a + b <= max_bead + 1."""
    shapes = [(1, 1), (1, 0), (0, 1)]
    for total in range(3, max_bead + 2):
        shapes += [(a, total - a) for a in range(1, total) if max(a, total - a) <= max_bead]
    return shapes


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
    tree for no change on dev and +0.001 strict F1 on Text+Berg.)

    Returns:
        For each side, window length -> sorted window starts.
    """
    near_src: set[int] = set()
    near_tgt: set[int] = set()
    for k, bead in enumerate(beads):
        if len(bead.src) == len(bead.tgt) == 1:
            continue
        for other in beads[max(0, k - radius) : k + radius + 1]:
            near_src.update(other.src)
            near_tgt.update(other.tgt)

    def starts(near: set[int]) -> dict[int, list[int]]:
        return {
            k: sorted(s for s in near if all(s + j in near for j in range(1, k)))
            for k in range(2, max_len + 1)
        }

    return starts(near_src), starts(near_tgt)


def align_texts(
    src: Sequence[str],
    tgt: Sequence[str],
    *,
    embed: Callable[[Sequence[str]], Matrix],
    params: AlignParams,
) -> tuple[list[Bead], Matrix, Matrix]:
    """Align two lists of sentences, embedding as little as possible.

    Sentences are embedded once; a first pass uses estimated window embeddings,
    and only the windows around its non-1-1 beads (see :func:`uncertain_windows`)
    are embedded exactly for the second pass.

    Args:
        src: source sentences.
        tgt: target sentences.
        embed: texts -> L2-normalised rows (called twice; deduplicates itself).
        params: aligner settings.

    Returns:
        The beads, and the sentence embeddings of each side.
    """
    single = embed([*src, *tgt])
    src_windows = approximate_windows(single[: len(src)], params.max_bead)
    tgt_windows = approximate_windows(single[len(src) :], params.max_bead)

    # read from the texts once, for both passes
    src_open, tgt_open = runs_on(src), runs_on(tgt)
    src_numbers, tgt_numbers = number_masks(src), number_masks(tgt)

    def align() -> list[Bead]:
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
        )

    beads = align()
    if params.max_bead == 1:
        return beads, src_windows[1], tgt_windows[1]
    src_need, tgt_need = uncertain_windows(beads, params.max_bead)
    wanted = [
        (windows, k, start, window_text(texts, start, k))
        for texts, windows, need in ((src, src_windows, src_need), (tgt, tgt_windows, tgt_need))
        for k, starts in need.items()
        for start in starts
        if start + k <= len(texts)
    ]
    if wanted:
        exact = embed([text for *_, text in wanted])
        for row, (windows, k, start, _) in zip(exact, wanted, strict=True):
            windows[k][start] = row
        beads = align()
    return beads, src_windows[1], tgt_windows[1]


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

    Returns:
        Beads covering every sentence of both sides exactly once, in document order.
    """
    n, m = len(src[1]), len(tgt[1])
    if n == 0 or m == 0:
        return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
    shapes = bead_shapes(params.max_bead)
    lo, width = _search_band(src[1], tgt[1], params)
    lengths = _Lengths.of(src_lengths, tgt_lengths, params.length_weight)
    evidence = _Evidence.of(
        src[1], tgt[1], (src_open, tgt_open), (src_numbers, tgt_numbers), params.unrelated_quantile
    )
    pairs = _dp(src, tgt, lo, width, shapes, params, lengths, evidence)
    beads = [_make_bead(a, b, src, tgt) for a, b in pairs]
    beads = _swap_crossings(beads, src[1], tgt[1], params.swap_margin)
    # a pair around one aligned bead is a swap of neighbours: evidence of a translation
    # (above the document's unrelated level) is enough, as it is for a merge
    swap_level = evidence.unrelated if evidence.unrelated >= 0 else params.move_min_similarity
    beads = _match_moved(
        beads, src[1], tgt[1], (params.move_min_similarity, swap_level), params.move_window
    )
    return _pair_adjacent_gaps(beads, src[1], tgt[1])


def _make_bead(a: range, b: range, src: Windows, tgt: Windows) -> Bead:
    similarity = 0.0
    if len(a) and len(b):
        similarity = float(src[len(a)][a.start] @ tgt[len(b)][b.start])
    return Bead(tuple(a), tuple(b), round(similarity, 6))


# ---------------------------------------------------------------- search band


def _search_band(src: Matrix, tgt: Matrix, params: AlignParams) -> tuple[np.ndarray, int]:
    """Per-row first column and common width of the cells the DP explores."""
    n, m = len(src), len(tgt)
    if n * m <= FULL_SEARCH_CELLS:
        return np.zeros(n + 1, dtype=np.int64), m + 1
    block = max(2, int(np.ceil(max(n, m) / COARSE_TARGET)))
    coarse_src, coarse_tgt = _block_means(src, block), _block_means(tgt, block)
    coarse = align_embeddings(
        approximate_windows(coarse_src, 2),
        approximate_windows(coarse_tgt, 2),
        params=AlignParams(
            max_bead=2, skip_penalty=params.skip_penalty, pair_threshold=params.pair_threshold
        ),
    )
    return _band_from_path(coarse, block, n, m, params.band_margin + block)


def _block_means(vectors: Matrix, block: int) -> Matrix:
    count = -(-len(vectors) // block)
    padded = np.zeros((count * block, vectors.shape[1]), dtype=np.float32)
    padded[: len(vectors)] = vectors
    return normalise(padded.reshape(count, block, -1).sum(axis=1))


def _window_sums(vectors: Matrix, k: int) -> Matrix:
    """Normalised sums of each run of ``k`` consecutive rows."""
    if len(vectors) < k:
        return np.zeros((0, vectors.shape[1]), dtype=np.float32)
    total = vectors[: len(vectors) - k + 1].copy()
    for i in range(1, k):
        total += vectors[i : len(vectors) - k + 1 + i]
    return normalise(total)


def _band_from_path(
    coarse: list[Bead], block: int, n: int, m: int, margin: int
) -> tuple[np.ndarray, int]:
    """Fine rows get the fine columns their coarse block was aligned to, plus a margin."""
    first = np.full(n + 1, m, dtype=np.int64)
    last = np.zeros(n + 1, dtype=np.int64)
    row, col = 0, 0  # coarse position reached so far
    for bead in coarse:
        rows = range(row * block, min(n, (row + len(bead.src)) * block) + 1)
        cols = (col * block, min(m, (col + len(bead.tgt)) * block))
        first[rows.start : rows.stop] = np.minimum(first[rows.start : rows.stop], cols[0])
        last[rows.start : rows.stop] = np.maximum(last[rows.start : rows.stop], cols[1])
        row, col = row + len(bead.src), col + len(bead.tgt)
    lo = np.maximum(first - margin, 0)
    hi = np.minimum(last + margin, m)
    lo = np.minimum.accumulate(lo[::-1])[::-1]  # monotone so that every path stays inside
    hi = np.maximum.accumulate(hi)
    lo[0], hi[-1] = 0, m
    width = int((hi - lo).max()) + 1
    return np.minimum(lo, max(m + 1 - width, 0)), width


# ---------------------------------------------------------------- dynamic programme


@dataclass(frozen=True)
class _Lengths:
    """Cumulative character lengths and the document's typical log length ratio."""

    src: np.ndarray
    tgt: np.ndarray
    ratio: float
    weight: float

    @staticmethod
    def of(src: Sequence[int] | None, tgt: Sequence[int] | None, weight: float) -> _Lengths | None:
        if src is None or tgt is None or weight == 0:
            return None
        cs, ct = np.concatenate([[0], np.cumsum(src)]), np.concatenate([[0], np.cumsum(tgt)])
        ratio = float(np.log((ct[-1] + 1) / (cs[-1] + 1)))
        return _Lengths(cs, ct, ratio, weight)

    def deviation(self, s: np.ndarray, a: int, t: np.ndarray, b: int) -> np.ndarray:
        """|log length ratio - the document's| of beads starting at src ``s`` (a
        sentences) and tgt ``t`` (b sentences)."""
        ls = self.src[np.minimum(s + a, len(self.src) - 1)] - self.src[s]
        lt = self.tgt[np.clip(t + b, 0, len(self.tgt) - 1)] - self.tgt[np.clip(t, 0, None)]
        result: np.ndarray = np.abs(np.log((lt + 10) / (ls + 10)) - self.ratio)
        return result

    def penalty(self, s: np.ndarray, a: int, t: np.ndarray, b: int) -> np.ndarray:
        """Cost of beads starting at src ``s`` (a sentences) and tgt ``t`` (b sentences)."""
        result: np.ndarray = self.weight * self.deviation(s, a, t, b)
        return result


@dataclass(frozen=True)
class _Evidence:
    """What the text and the document say about n-m beads beyond one bead's similarity.

    ``unrelated`` is a high quantile of the similarities of the sentence pairs off the
    document's diagonal, nearly all of them unrelated: a pair below it is no evidence
    of a translation (too few such pairs: no level, the test is off). ``*_open`` mark
    lines that stop short of a sentence end, so that a bead joining them to the next
    line is expected rather than suspicious. ``*_numbers`` let a merge be checked
    against the numbers both sides write in digits."""

    src_open: np.ndarray  # cumulative counts of open lines, with a leading 0
    tgt_open: np.ndarray
    unrelated: float
    src_numbers: np.ndarray  # per sentence, see ``number_masks``
    tgt_numbers: np.ndarray
    numbers: bool  # whether both sides have any

    @staticmethod
    def of(
        src: Matrix,
        tgt: Matrix,
        open_lines: tuple[Sequence[bool] | None, Sequence[bool] | None],
        numbers: tuple[np.ndarray | None, np.ndarray | None],
        quantile: float,
    ) -> _Evidence:
        step = max(1, len(src) // 256)  # a sample of rows keeps long documents cheap
        rows = np.arange(0, len(src), step)
        sims = src[rows] @ tgt.T
        # pairs off the diagonal: in a short document the translations would weigh in
        diagonal = rows[:, None] * len(tgt) / max(len(src), 1)
        off = np.abs(np.arange(len(tgt))[None, :] - diagonal) > 2
        unrelated = float(np.quantile(sims[off], quantile)) if off.sum() >= 20 else -1.0

        def cumulative(flags: Sequence[bool] | None, count: int) -> np.ndarray:
            opened = np.zeros(count, dtype=np.int64) if flags is None else np.asarray(flags)
            return np.concatenate([[0], np.cumsum(opened, dtype=np.int64)])

        def masks(given: np.ndarray | None, count: int) -> np.ndarray:
            return np.zeros(count, dtype=np.uint64) if given is None else np.asarray(given)

        src_numbers, tgt_numbers = masks(numbers[0], len(src)), masks(numbers[1], len(tgt))
        return _Evidence(
            cumulative(open_lines[0], len(src)),
            cumulative(open_lines[1], len(tgt)),
            unrelated,
            src_numbers,
            tgt_numbers,
            bool(src_numbers.any() and tgt_numbers.any()),
        )

    def open_share(self, s: np.ndarray, a: int, t: np.ndarray, b: int) -> np.ndarray:
        """Share of the joins inside beads (src ``s``, a lines; tgt ``t``, b lines)
        that follow an open line."""
        if a > 1:
            c = self.src_open
            start = np.broadcast_to(np.clip(s, 0, len(c) - a)[:, None], t.shape)
            joins = a - 1
        else:
            c = self.tgt_open
            start = np.clip(t, 0, len(c) - b)
            joins = b - 1
        result: np.ndarray = (c[start + joins] - c[start]) / joins
        return result

    def foreign_numbers(self, s: np.ndarray, a: int, t: np.ndarray, b: int) -> np.ndarray:
        """Whether a joined part of 1-n / n-1 beads (src ``s``, a lines; tgt ``t``, b lines)
        has numbers and shares none with the single sentence on the other side."""
        s = np.broadcast_to(s[:, None], t.shape)
        if a > 1:
            single = self.tgt_numbers[np.clip(t, 0, len(self.tgt_numbers) - 1)]
            side, first, count = self.src_numbers, s, a
        else:
            single = self.src_numbers[np.clip(s, 0, len(self.src_numbers) - 1)]
            side, first, count = self.tgt_numbers, t, b
        result = np.zeros(t.shape, dtype=bool)
        for k in range(count):
            part = side[np.clip(first + k, 0, len(side) - 1)]
            result |= (part != 0) & ((part & single) == 0)
        return result


def open_line(text: str) -> bool:
    """Whether a line stops short of a sentence end (a clause cut at a comma, colon or
    semicolon, a heading): it runs on into the next line."""
    core = text.rstrip().rstrip("\"'”’»)]」』").rstrip()
    return bool(core) and core[-1] not in ".!?…。！？"


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def number_masks(texts: Sequence[str]) -> np.ndarray:
    """Per sentence, the numbers written in digits, each hashed to one bit of a 64-bit
    mask (0: none; separators dropped, so 1,500 and 1.500 are the same number). Digits
    are the one thing most translations copy as they are, in any language pair."""
    masks = np.zeros(len(texts), dtype=np.uint64)
    for i, text in enumerate(texts):
        mask = 0
        for match in _NUMBER.findall(text):
            digits = match.replace(",", "").replace(".", "").lstrip("0") or "0"
            mask |= 1 << (zlib.crc32(digits.encode()) % 64)
        masks[i] = mask
    return masks


def runs_on(texts: Sequence[str]) -> list[bool]:
    """Whether each line runs on into the next: it stops short of a sentence end, or
    the next line starts in lower case."""
    nexts = [*texts[1:], ""]
    return [open_line(t) or n[:1].islower() for t, n in zip(texts, nexts, strict=True)]


def _dp(
    src: Windows,
    tgt: Windows,
    lo: np.ndarray,
    width: int,
    shapes: list[tuple[int, int]],
    params: AlignParams,
    lengths: _Lengths | None = None,
    evidence: _Evidence | None = None,
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
    for r0 in range(0, n + 1, CHUNK):
        r1 = min(n + 1, r0 + CHUNK)
        scores = [
            _bead_scores(s, src, tgt, lo, width, r0, r1, params, lengths, evidence)
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
    lengths: _Lengths | None,
    evidence: _Evidence | None = None,
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
    block = src[a][rows] @ tgt[b][c0:c1].T
    t_idx = t_first[valid_rows]
    ok = (t_idx >= c0) & (t_idx < c1)
    gathered = np.take_along_axis(block, np.clip(t_idx - c0, 0, c1 - c0 - 1), axis=1)
    value = gathered - penalty
    if min(a, b) == 1 < max(a, b):
        best, worst = _part_similarities(shape, src, tgt, rows, t_idx)
        waived = np.zeros_like(value)
        if lengths is not None:
            waived = _merge_waiver(shape, rows, t_idx, gathered, best, lengths, params)
        if evidence is not None:
            joined_open = evidence.open_share(rows, a, t_idx, b)
            waived = np.maximum(waived, joined_open)
            # a part that scores like an unrelated pair, or whose numbers the other side
            # lacks, and adds no similarity is an omission or an addition next to a 1-1
            # pair, unless the lines run on
            gain = gathered - best
            unrelated = worst < evidence.unrelated
            if evidence.numbers:
                unrelated |= evidence.foreign_numbers(rows, a, t_idx, b)
            unsupported = unrelated & (gain < params.merge_min_evidence)
            value = np.where(unsupported & (joined_open == 0), NEG, value)
        value = value + skip * (a + b - 2) * waived
    if lengths is not None:
        value = value - lengths.penalty(rows[:, None], a, t_idx, b)
    out[valid_rows] = np.where(ok, value, NEG)
    return out


def _part_similarities(
    shape: tuple[int, int], src: Windows, tgt: Windows, rows: np.ndarray, t_idx: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Best and worst similarity of the single sentence pairs inside 1-n / n-1 beads
    starting at src ``rows`` and tgt ``t_idx``."""
    a, b = shape
    n, m = len(src[1]), len(tgt[1])
    t0, t1 = max(int(t_idx.min()), 0), min(max(int(t_idx.max()), 0) + b, m)
    best = np.full(t_idx.shape, -1.0, dtype=np.float32)
    worst = np.full(t_idx.shape, 1.0, dtype=np.float32)
    for da in range(a):
        block = src[1][np.minimum(rows + da, n - 1)] @ tgt[1][t0:t1].T
        for db in range(b):
            cols = np.clip(t_idx + db - t0, 0, t1 - t0 - 1)
            part = np.take_along_axis(block, cols, axis=1)
            best, worst = np.maximum(best, part), np.minimum(worst, part)
    return best, worst


def _merge_waiver(
    shape: tuple[int, int],
    rows: np.ndarray,
    t_idx: np.ndarray,
    joined: np.ndarray,
    best: np.ndarray,
    lengths: _Lengths,
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


# ---------------------------------------------------------------- reordering


def _swap_crossings(beads: list[Bead], src: Matrix, tgt: Matrix, margin: float) -> list[Bead]:
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


def _pair_adjacent_gaps(beads: list[Bead], src: Matrix, tgt: Matrix) -> list[Bead]:
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


def _match_moved(
    beads: list[Bead],
    src: Matrix,
    tgt: Matrix,
    thresholds: tuple[float, float],
    window: int,
) -> list[Bead]:
    """Pair unaligned sentences of both sides that are each other's best match and lie
    within ``window`` beads of each other (a sentence moved within its passage; far
    apart, a good match is more likely a repeated or similar sentence).

    ``thresholds`` are the least similarity of a move, and of a swap of neighbours: two
    lone sentences on either side of one aligned bead. A swap is far more common than an
    omission and an addition that happen to sit there, so it needs less evidence (the
    EN-KO benchmark's swaps of short sentences score 0.29-0.45 under mUSE)."""
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
    matched = {
        lone_src[r]: Bead((lone_src[r],), (lone_tgt[c],), round(float(sims[r, c]), 6))
        for r, c in _mutual_best(sims)
        if sims[r, c] >= need[r, c]
    }
    matched.update(_moved_blocks(lone_src, lone_tgt, src, tgt, thresholds[0], matched))
    used_tgt = {b.tgt[0] for b in matched.values()}
    out = []
    for bead in beads:
        if not bead.tgt and bead.src[0] in matched:
            out.append(matched[bead.src[0]])
        elif bead.src or bead.tgt[0] not in used_tgt:
            out.append(bead)
    return out


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


def _mutual_best(sims: Matrix) -> list[tuple[int, int]]:
    """(row, column) pairs that are each other's most similar in ``sims``."""
    best_col, best_row = sims.argmax(axis=1), sims.argmax(axis=0)
    return [(r, int(c)) for r, c in enumerate(best_col) if best_row[c] == r]
