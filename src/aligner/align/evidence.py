"""What the text and the document say about a bead beyond its similarity: length
ratios, lines that run on, numbers in digits, the document's level of unrelated pairs."""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from aligner.align.clauses import Join
from aligner.align.params import Matrix


@dataclass(frozen=True)
class Lengths:
    """Cumulative character lengths and the document's typical log length ratio."""

    src: np.ndarray
    tgt: np.ndarray
    ratio: float
    weight: float

    @staticmethod
    def of(src: Sequence[int] | None, tgt: Sequence[int] | None, weight: float) -> Lengths | None:
        if src is None or tgt is None or weight == 0:
            return None
        cs, ct = np.concatenate([[0], np.cumsum(src)]), np.concatenate([[0], np.cumsum(tgt)])
        ratio = float(np.log((ct[-1] + 1) / (cs[-1] + 1)))
        return Lengths(cs, ct, ratio, weight)

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
class Evidence:
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
    src_quoted: np.ndarray  # cumulative counts of lines whose quotation goes on
    tgt_quoted: np.ndarray
    src_quotations: np.ndarray  # cumulative counts of quotations (see ``quotation_counts``)
    tgt_quotations: np.ndarray
    joins: tuple[Join, ...] = ()  # 1-2 / 2-1 beads clause evidence vouches for (see ``clauses``)
    refused: tuple[Join, ...] = ()  # 1-2 / 2-1 beads carrying one part only (see ``pieces``)

    @staticmethod
    def of(
        src: Matrix,
        tgt: Matrix,
        open_lines: tuple[Sequence[bool] | None, Sequence[bool] | None],
        numbers: tuple[np.ndarray | None, np.ndarray | None],
        quantile: float,
        quoted_lines: tuple[Sequence[bool] | None, Sequence[bool] | None] = (None, None),
        quotations: tuple[Sequence[int] | None, Sequence[int] | None] = (None, None),
        joins: Sequence[Join] = (),
        refused: Sequence[Join] = (),
    ) -> Evidence:
        unrelated = unrelated_level(src, tgt, quantile)

        def cumulative(flags: Sequence[bool] | Sequence[int] | None, count: int) -> np.ndarray:
            opened = np.zeros(count, dtype=np.int64) if flags is None else np.asarray(flags)
            return np.concatenate([[0], np.cumsum(opened, dtype=np.int64)])

        def masks(given: np.ndarray | None, count: int) -> np.ndarray:
            return np.zeros((count, 2), dtype=np.uint64) if given is None else np.asarray(given)

        src_numbers, tgt_numbers = masks(numbers[0], len(src)), masks(numbers[1], len(tgt))
        return Evidence(
            cumulative(open_lines[0], len(src)),
            cumulative(open_lines[1], len(tgt)),
            unrelated,
            src_numbers,
            tgt_numbers,
            bool(src_numbers.any() and tgt_numbers.any()),
            cumulative(quoted_lines[0], len(src)),
            cumulative(quoted_lines[1], len(tgt)),
            cumulative(quotations[0], len(src)),
            cumulative(quotations[1], len(tgt)),
            tuple(joins),
            tuple(refused),
        )

    def open_share(
        self, s: np.ndarray, a: int, t: np.ndarray, b: int, quoted: bool = False
    ) -> np.ndarray:
        """Share of the joins inside beads (src ``s``, a lines; tgt ``t``, b lines)
        that follow an open line (``quoted``: a line whose quotation goes on)."""
        if a > 1:
            c = self.src_quoted if quoted else self.src_open
            start = np.broadcast_to(np.clip(s, 0, len(c) - a)[:, None], t.shape)
            joins = a - 1
        else:
            c = self.tgt_quoted if quoted else self.tgt_open
            start = np.clip(t, 0, len(c) - b)
            joins = b - 1
        result: np.ndarray = (c[start + joins] - c[start]) / joins
        return result

    def same_quotations(self, s: np.ndarray, a: int, t: np.ndarray, b: int) -> np.ndarray:
        """Whether beads (src ``s``, a lines; tgt ``t``, b lines) quote as many
        quotations on both sides, two or more: the speaker's line and the quotation
        that goes on, both in the joined translation ("…"며 "…"고 밝혔다)."""
        s = np.broadcast_to(np.clip(s, 0, len(self.src_quotations) - 1 - a)[:, None], t.shape)
        t = np.clip(t, 0, len(self.tgt_quotations) - 1 - b)
        on_src = self.src_quotations[s + a] - self.src_quotations[s]
        on_tgt = self.tgt_quotations[t + b] - self.tgt_quotations[t]
        result: np.ndarray = (on_src == on_tgt) & (on_src >= 2)
        return result

    def carried_numbers(
        self, s: np.ndarray, a: int, t: np.ndarray, b: int, weak: list[np.ndarray]
    ) -> np.ndarray:
        """Whether every joined part of 1-n / n-1 beads (src ``s``, a lines; tgt ``t``, b
        lines; ``s`` and ``t`` of one shape) that scores like an unrelated pair
        (``weak[k]`` for part k) writes a number the single sentence on the other side
        writes and no other part does: the single sentence carries it ('Retail
        investors sold a net 1.75 trillion won.' in ``…, 개인은 1조7천500억 원어치를
        순매도했다``); at least one part does."""
        single, parts = _single_and_parts((self.src_numbers, self.tgt_numbers), s, a, t, b)
        carried = np.ones(t.shape, dtype=bool)
        some = np.zeros(t.shape, dtype=bool)
        for k, part in enumerate(parts):
            others = np.zeros_like(part)
            for j, other in enumerate(parts):
                if j != k:
                    others |= other
            own = _shares(part & ~others, single)
            carried &= own | ~weak[k]
            some |= own & weak[k]
        result: np.ndarray = carried & some
        return result

    def foreign_numbers(self, s: np.ndarray, a: int, t: np.ndarray, b: int) -> np.ndarray:
        """Whether a joined part of 1-n / n-1 beads (src ``s``, a lines; tgt ``t``, b lines)
        has numbers and shares none with the single sentence on the other side (read in
        the first word of the masks alone: the DP asks it of every cell, and a number
        seemingly shared only spares a join)."""
        s = np.broadcast_to(s[:, None], t.shape)
        words = (self.src_numbers[:, 0], self.tgt_numbers[:, 0])
        single, parts = _single_and_parts(words, s, a, t, b)
        result = np.zeros(t.shape, dtype=bool)
        for part in parts:
            result |= (part != 0) & ((part & single) == 0)
        return result


def _single_and_parts(
    masks: tuple[np.ndarray, np.ndarray], s: np.ndarray, a: int, t: np.ndarray, b: int
) -> tuple[np.ndarray, list[np.ndarray]]:
    """The number masks of the single sentence and of each joined part of 1-n / n-1
    beads starting at src ``s`` (a lines) and tgt ``t`` (b lines), of one shape."""
    src, tgt = masks
    if a > 1:
        single, side, first, count = tgt[np.clip(t, 0, len(tgt) - 1)], src, s, a
    else:
        single, side, first, count = src[np.clip(s, 0, len(src) - 1)], tgt, t, b
    return single, [side[np.clip(first + k, 0, len(side) - 1)] for k in range(count)]


def _shares(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Whether number masks ``x`` and ``y`` (last axis: the two words of a mask) share a
    number: both words overlap, as they do for a number in both."""
    result: np.ndarray = ((x[..., 0] & y[..., 0]) != 0) & ((x[..., 1] & y[..., 1]) != 0)
    return result


def unrelated_level(src: Matrix, tgt: Matrix, quantile: float) -> float:
    """The ``quantile`` of the similarities of the sentence pairs off the diagonal
    (-1: too few such pairs to tell)."""
    step = max(1, len(src) // 256)  # a sample of rows keeps long documents cheap
    rows = np.arange(0, len(src), step)
    sims = src[rows] @ tgt.T
    # pairs off the diagonal: in a short document the translations would weigh in
    diagonal = rows[:, None] * len(tgt) / max(len(src), 1)
    off = np.abs(np.arange(len(tgt))[None, :] - diagonal) > 2
    return float(np.quantile(sims[off], quantile)) if off.sum() >= 20 else -1.0


def open_line(text: str) -> bool:
    """Whether a line stops short of a sentence end (a clause cut at a comma, colon or
    semicolon, a heading): it runs on into the next line."""
    core = text.rstrip().rstrip("\"'”’»)]」』").rstrip()
    return bool(core) and core[-1] not in ".!?…。！？"


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


# a language's reading of the numbers of a sentence, as strings both sides write alike
NumberReader = Callable[[str], Iterable[str]]


def number_masks(texts: Sequence[str], read: NumberReader | None = None) -> np.ndarray:
    """Per sentence, the numbers written in digits, each hashed to one bit of each of
    two 64-bit words (0, 0: none; separators dropped, so 1,500 and 1.500 are the same
    number): two sentences share a number when both words overlap, which two different
    numbers seldom do in both (in one word alone, one pair of numbers in 64). Digits
    are the one thing most translations copy as they are, in any language pair. A
    language's own ``read`` of its numbers, where configured, gives each as its value
    ("1.75 trillion" and ``1조7천500억`` alike), on both sides."""
    masks = np.zeros((len(texts), 2), dtype=np.uint64)
    for i, text in enumerate(texts):
        first = second = 0
        for digits in (read or _numbers)(text):
            code = zlib.crc32(digits.encode())
            first |= 1 << (code % 64)
            second |= 1 << ((code >> 6) % 64)
        masks[i] = first, second
    return masks


def number_lengths(texts: Sequence[str]) -> np.ndarray:
    """Per sentence, the digits of the longest number it writes in digits (0: none)."""
    return np.array([max(map(len, _numbers(t)), default=0) for t in texts], dtype=np.int64)


def number_sets(texts: Sequence[str], min_digits: int) -> list[frozenset[str]]:
    """Per sentence, the numbers it writes in at least ``min_digits`` digits."""
    return [frozenset(n for n in _numbers(t) if len(n) >= min_digits) for t in texts]


def _numbers(text: str) -> list[str]:
    """The numbers ``text`` writes in digits, without separators or leading zeros."""
    return [m.replace(",", "").replace(".", "").lstrip("0") or "0" for m in _NUMBER.findall(text)]


# double quotation marks of any language, read without their direction (“ opens an
# English quotation and closes a German one; » opens a German one, closes a French one)
QUOTE = re.compile(r"[\"“”„‟«»「」『』＂]")


def continues_quotation(text: str, following: str) -> bool:
    """Whether ``following`` goes on with the quotation of ``text``: ``text`` quotes a
    speaker it names (words outside its closed quotation marks) and ``following`` is
    all quotation, with no speaker of its own ('"We have consulted experts," an
    official said.' + '"The numbers add up."'). A translator often joins the two."""
    this, that = QUOTE.split(text.strip()), QUOTE.split(following.strip())
    quotes = len(this) > 1 and len(this) % 2 == 1 and _words(this[::2])
    return quotes and len(that) > 1 and not _words(that[::2])


def _words(parts: Sequence[str]) -> bool:
    return any(c.isalpha() for part in parts for c in part)


def runs_on(texts: Sequence[str], finished: Callable[[str], bool] | None = None) -> list[bool]:
    """Whether each line runs on into the next: it stops short of a sentence end (and
    is not ``finished``, a sentence its language may end without a stop), or the next
    line starts in lower case."""
    # the line after each one (none after the last); empty in, empty out
    nexts = [*texts[1:], ""][: len(texts)]
    return [
        (open_line(t) and not (finished and finished(t))) or n[:1].islower()
        for t, n in zip(texts, nexts, strict=True)
    ]


def ends_on_comma(texts: Sequence[str]) -> list[bool]:
    """Whether each line ends on a comma: a clause cut off its sentence, whatever the
    language, where a line without a stop may be a heading or a caption."""
    return [t.rstrip().endswith((",", "，", "、")) for t in texts]


def quotation_counts(texts: Sequence[str]) -> list[int]:
    """How many quotations each line holds: its double quotation marks, in pairs."""
    return [len(QUOTE.findall(t)) // 2 for t in texts]


def quotations_go_on(texts: Sequence[str]) -> list[bool]:
    """Whether each line's quotation goes on in the next (see ``continues_quotation``)."""
    nexts = [*texts[1:], ""][: len(texts)]
    return [continues_quotation(t, n) for t, n in zip(texts, nexts, strict=True)]
