"""Checks read off the alignment itself: gaps, reordering, boilerplate."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np
import numpy.typing as npt

from aligner.align.params import COPY_SIMILARITY, AlignParams
from aligner.config import Settings
from aligner.models import Bead, Document, Flag, Severity
from aligner.qa.registry import AlignedDocument, register
from aligner.qa.truncation import continues_on_next_line

# A lone sentence is judged by how well it fits its neighbours, relative to how
# well neighbouring sentences fit each other in this document (robust z-score).
COHERENT_Z = 0.5
INCOHERENT_Z = -0.5
# ...and an insertion must also fit the other side's sentences there clearly worse
# (in cosine) than aligned sentences fit the neighbours of their partners.
FOREIGN_FIT = -0.2
MIN_DOCUMENT_COHERENCE = 0.12  # below this, sentences are unrelated and the test says nothing


# every double-quote character counts as one kind: corpora mix them (“…")
DOUBLE_QUOTES = re.compile(r"``|''|[\"“”„‟˝〝〞＂]")


def _quote(text: str, limit: int = 80) -> str:
    """``text`` in quotation marks, cut to ``limit`` characters when longer: at a word
    boundary in its second half, and before a quotation that the cut would leave open.

    Example:
        >>> _quote('Kim warned that the North would take "overwhelming" action.', 50)
        '“Kim warned that the North would take…”'
        >>> _quote('A "drill" that the North called "a rehearsal for invasion".', 50)
        '“A "drill" that the North called…”'
    """
    if len(text) > limit:
        half = limit // 2
        space = text.rfind(" ", half, limit)
        cut = text[: space if space > 0 else limit - 1]
        quotes = [found.start() for found in DOUBLE_QUOTES.finditer(cut)]
        if len(quotes) % 2 and quotes[-1] >= half:
            cut = cut[: quotes[-1]]
        text = cut.rstrip() + "…"
    return f"“{text}”"


def _landmarks(doc: AlignedDocument) -> frozenset[int]:
    """The pairs (bead indices) that keep the order of both sides: a moved pair beside a
    gap says nothing of where it belongs ("after KO line 10 and before KO line 5")."""
    pairs = [k for k, bead in enumerate(doc.beads) if bead.src and bead.tgt]
    pairs.sort(key=lambda k: doc.beads[k].src[0])
    out_of_order = moved([doc.beads[k].tgt[0] for k in pairs])
    return frozenset(k for rank, k in enumerate(pairs) if rank not in out_of_order)


def _neighbour_context(doc: AlignedDocument, k: int, landmarks: frozenset[int]) -> str:
    """Where a gap sits on the other side: between which of its ``landmarks``."""
    other, side = (doc.tgt, "tgt") if doc.beads[k].src else (doc.src, "src")

    def edge(bead: Bead, last: bool) -> str:
        indices = bead.tgt if side == "tgt" else bead.src
        return other.place(indices[-1] if last else indices[0])

    # walked by index: slicing the beads copied them for every gap
    beads = doc.beads
    before = next((beads[i] for i in range(k - 1, -1, -1) if i in landmarks), None)
    after = next((beads[i] for i in range(k + 1, len(beads)) if i in landmarks), None)
    parts = []
    if before:
        parts.append(f"after {other.lang.upper()} {edge(before, True)}")
    if after:
        parts.append(f"before {other.lang.upper()} {edge(after, False)}")
    return " and ".join(parts)


@dataclass(frozen=True)
class _Side:
    """What every lone sentence of one side is judged against, computed once per
    document (per gap, it made the check quadratic: 40 s for 1,000 gaps)."""

    lone: frozenset[int]  # its sentences without counterpart
    centre: float | None  # median similarity of neighbouring sentences (None: no test)
    spread: float
    typical: float | None  # how well aligned sentences fit the other side near their partner

    @staticmethod
    def of(doc: AlignedDocument, on_src: bool) -> _Side:
        lone = frozenset(
            (b.src or b.tgt)[0]
            for b in doc.beads
            if bool(b.src) == on_src and not (b.src and b.tgt)
        )
        vectors = doc.src_vectors if on_src else doc.tgt_vectors
        centre, spread = None, 0.0
        if vectors is not None and len(vectors) >= 6:
            adjacent = np.einsum("ij,ij->i", vectors[1:], vectors[:-1])
            centre = float(np.median(adjacent))
            spread = max(1.4826 * float(np.median(np.abs(adjacent - centre))), 0.05)
            if centre < MIN_DOCUMENT_COHERENCE:
                centre = None
        return _Side(lone, centre, spread, _typical_fit(doc, on_src))


def _near(doc: AlignedDocument, at: int, on_src: bool, skip: Bead | None) -> list[int]:
    """The other side's sentences in the beads within 3 of bead ``at``."""
    beads = doc.beads[max(0, at - 3) : at + 4]
    return [i for b in beads if b is not skip for i in (b.tgt if on_src else b.src)]


def _typical_fit(doc: AlignedDocument, on_src: bool) -> float | None:
    """Median of how well each 1-1 sentence fits the other side's sentences near its
    partner (None: too few to tell)."""
    if doc.src_vectors is None or doc.tgt_vectors is None:
        return None
    mine, theirs = (
        (doc.src_vectors, doc.tgt_vectors) if on_src else (doc.tgt_vectors, doc.src_vectors)
    )
    typical = []
    for at, bead in enumerate(doc.beads):
        if len(bead.src) == len(bead.tgt) == 1 and (rows := _near(doc, at, on_src, bead)):
            own = bead.src[0] if on_src else bead.tgt[0]
            typical.append(float((theirs[rows] @ mine[own]).max()))
    return float(np.median(typical)) if len(typical) >= 5 else None


def _cross_fit(doc: AlignedDocument, k: int, side: _Side) -> float | None:
    """How well the lone sentence of bead ``k`` fits the other side's nearby sentences,
    minus how well aligned sentences fit the other side's sentences near their partner."""
    on_src = bool(doc.beads[k].src)
    rows = _near(doc, k, on_src, None)
    if side.typical is None or not rows or doc.src_vectors is None or doc.tgt_vectors is None:
        return None
    mine, theirs = (
        (doc.src_vectors, doc.tgt_vectors) if on_src else (doc.tgt_vectors, doc.src_vectors)
    )
    lone = (doc.beads[k].src or doc.beads[k].tgt)[0]
    return float((theirs[rows] @ mine[lone]).max()) - side.typical


def _coherence(vectors: npt.NDArray[np.float32] | None, index: int, side: _Side) -> float | None:
    """Robust z-score of how well sentence ``index`` fits its neighbours: the aligned
    ones (lone sentences, without counterpart, are left out: an inserted paragraph
    fits itself, not the story)."""
    if vectors is None or side.centre is None:
        return None
    window = [k for k in range(index - 3, index + 4) if 0 <= k < len(vectors) and k != index]
    aligned = [k for k in window if k not in side.lone]
    fit = np.sort(vectors[aligned if len(aligned) >= 2 else window] @ vectors[index])[-2:].mean()
    return (float(fit) - side.centre) / side.spread


def copied_from(doc: AlignedDocument, k: int) -> tuple[Document, int] | None:
    """The sentence within ten beads that the lone sentence of bead ``k`` repeats word
    for word, if any: one of the other side (source text pasted into the translation)
    or a paired one of its own side (a sentence pasted twice: its repeat looked like a
    sentence whose counterpart was dropped)."""
    bead = doc.beads[k]
    own, other = (doc.src, doc.tgt) if bead.src else (doc.tgt, doc.src)
    index = (bead.src or bead.tgt)[0]
    beads = doc.beads[max(0, k - 10) : k + 11]
    if doc.src_vectors is not None and doc.tgt_vectors is not None:
        mine, theirs = (
            (doc.src_vectors, doc.tgt_vectors) if bead.src else (doc.tgt_vectors, doc.src_vectors)
        )
        near = [i for b in beads for i in (b.tgt if bead.src else b.src)]
        if near:
            sims = theirs[near] @ mine[index]
            if sims[best := int(np.argmax(sims))] >= COPY_SIMILARITY:
                return other, near[best]
    words = own.sentences[index].text.split()
    paired = [i for b in beads if b.src and b.tgt for i in (b.src if bead.src else b.tgt)]
    same = next((i for i in paired if own.sentences[i].text.split() == words), None)
    if same is None and len(words) >= 4:
        # ... or another lone one: a sentence pasted three times, an MT engine's loop
        alone = [b.src if bead.src else b.tgt for b in beads if not (b.src and b.tgt)]
        lone = (i for indices in alone for i in indices if i != index)
        same = next((i for i in lone if own.sentences[i].text.split() == words), None)
    return None if same is None else (own, same)


def _copy_beside(doc: AlignedDocument, k: int) -> int | None:
    """The translation's sentence in a pair near the translation's lone sentence of
    bead ``k`` whose two sides are the same sentence (four words or more: a name or a
    title is often the same in both), when the lone sentence translates it (as a moved
    sentence must match): source text pasted next to its translation took the pair.
    Near: in the run of such pairs and lone sentences around bead ``k`` (at most
    ten beads each way), so that two pasted sentences before their two translations
    are found too."""
    lone = doc.beads[k]
    if doc.src_vectors is None or doc.tgt_vectors is None or lone.src:
        return None

    def copy(bead: Bead) -> bool:
        same = len(bead.src) == len(bead.tgt) == 1 and bead.similarity >= COPY_SIMILARITY
        return same and len(doc.src.sentences[bead.src[0]].text.split()) >= 4

    def in_run(n: int) -> bool:
        # bounded: a long run of lone lines would make the check quadratic
        inside = abs(n - k) <= 10 and 0 <= n < len(doc.beads)
        return inside and (copy(doc.beads[n]) or not doc.beads[n].src)

    run = [k]
    for step in (-1, 1):
        n = k + step
        while in_run(n):
            run.append(n)
            n += step
    fits = [
        (float(doc.src_vectors[doc.beads[n].src[0]] @ doc.tgt_vectors[lone.tgt[0]]), n)
        for n in run
        if copy(doc.beads[n])
    ]
    fit, best = max(fits, default=(0.0, -1))
    return doc.beads[best].tgt[0] if fit >= AlignParams.move_min_similarity else None


def classify_gap(doc: AlignedDocument, k: int, side: _Side | None = None) -> str:
    """``missing`` when the lone sentence of bead ``k`` belongs to the story (its
    counterpart was dropped), ``extra`` when it fits neither its own neighbours nor
    the other side there (it was inserted), ``unaligned`` when the evidence is weak
    or the line is half of a sentence split over two lines. When the other side has
    no content at all (empty after boilerplate), nothing there can be a counterpart:
    the whole translation (or original) is missing. ``side``: the facts of the lone
    sentence's side, when the caller has them."""
    bead = doc.beads[k]
    document, index = (doc.src, bead.src[0]) if bead.src else (doc.tgt, bead.tgt[0])
    other = doc.tgt if bead.src else doc.src
    if all(s.boilerplate for s in other.sentences):
        return "missing"
    if continues_on_next_line(document, index) or continues_on_next_line(document, index - 1):
        return "unaligned"  # half of a sentence split over two lines: no sentence of its own
    side = side or _Side.of(doc, bool(bead.src))
    z = _coherence(doc.src_vectors if bead.src else doc.tgt_vectors, index, side)
    if z is None:
        return "unaligned"
    if z >= COHERENT_Z:
        return "missing"
    cross = _cross_fit(doc, k, side)
    if z <= INCOHERENT_Z and cross is not None and cross <= FOREIGN_FIT:
        return "extra"
    return "unaligned"


def _gap_words(kind: str, on_src: bool, src: str, tgt: str) -> str:
    """Why a sentence that may not belong has no counterpart, said from its side: the
    original's sentence was left out of the translation or added to the original
    later; the translation's was added to it or its original dropped.

    Example:
        >>> _gap_words("unaligned", True, "EN", "KO")
        'the KO leaves it out, or it was added to the EN after translation'
        >>> _gap_words("unaligned", False, "EN", "KO")
        'the KO adds it, or its EN sentence was dropped'
    """
    if kind == "extra":
        where = f"added to the {src} after translation?" if on_src else "added to the translation?"
        return f"it does not fit the surrounding story: {where}"
    if on_src:
        return f"the {tgt} leaves it out, or it was added to the {src} after translation"
    return f"the {tgt} adds it, or its {src} sentence was dropped"


def _missing_words(on_src: bool, src: str, tgt: str) -> str:
    """Why a sentence that belongs to the story has no counterpart, said from the
    translator's side: a translation's own sentence is more often added there than
    dropped from the original (desk testers read "dropped" as "left out of my
    translation")."""
    if on_src:
        return f"it belongs to the story; the {tgt} seems to leave it out"
    return (
        f"it fits the story, but the {src} does not say it: the {tgt} adds it, or the {src} lost it"
    )


def _explains_a_korean_word(doc: AlignedDocument, bead: Bead) -> bool:
    """Whether a lone English sentence explains a Korean word: ``gloss`` reports it."""
    # imported here: aligner.qa.glosses reads names, which imports this module
    from aligner.qa.glosses import glossed_word

    return glossed_word(doc, bead) is not None


@register("gap", Severity.ERROR)
def find_gaps(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Sentences with no counterpart, typed ``missing``, ``extra`` or ``unaligned``."""
    sides: dict[bool, _Side] = {}  # computed once per side, when it has a gap
    landmarks: frozenset[int] | None = None  # likewise, when the document has a gap
    for k, bead in enumerate(doc.beads):
        if bead.src and bead.tgt:
            continue
        side, other = (doc.src, doc.tgt) if bead.src else (doc.tgt, doc.src)
        index = (bead.src or bead.tgt)[0]
        sentence = side.sentences[index]
        if sentence.boilerplate or _explains_a_korean_word(doc, bead):
            continue
        if (copied := copied_from(doc, k)) is not None:
            kind = "extra"
            source, at = copied
            why = f"it repeats {source.lang.upper()} {source.place(at)} word for word"
        elif (pasted := _copy_beside(doc, k)) is not None:
            # its counterpart may be the copy's source: the copy took the pair
            kind = "unaligned"
            why = (
                f"{side.lang.upper()} {side.place(pasted)} near it repeats its "
                f"{other.lang.upper()} counterpart word for word; if that line was pasted "
                "untranslated, this is the translation"
            )
        else:
            on_src = bool(bead.src)
            if on_src not in sides:
                sides[on_src] = _Side.of(doc, on_src)
            kind = classify_gap(doc, k, sides[on_src])
            names = doc.src.lang.upper(), doc.tgt.lang.upper()
            words = _missing_words if kind == "missing" else partial(_gap_words, kind)
            why = words(on_src, *names)
        if landmarks is None:
            landmarks = _landmarks(doc)
        where = _neighbour_context(doc, k, landmarks)
        message = (
            f"{side.lang.upper()} {side.place(index)} has no {other.lang.upper()} counterpart "
            f"({why}): {_quote(sentence.text)}" + (f"; expected {where}" if where else "")
        )
        yield Flag(kind, Severity.ERROR, bead.src, bead.tgt, message)


def moved(order: Sequence[int]) -> dict[int, tuple[int | None, int | None]]:
    """Which items of ``order`` (distinct target positions, in source order) were moved,
    and where each belongs. Moved are those missing from some longest increasing
    subsequence; the rest keep their order. Of two swapped neighbours either could have
    moved, so both are marked, while of a paragraph moved past many sentences only the
    paragraph is. Each moved item maps to the items it would sit between in order: its
    neighbours on a longest increasing subsequence without it (None past either end).

    Example:
        >>> moved([0, 2, 1, 3])
        {1: (0, 2), 2: (1, 3)}
        >>> moved([0, 4, 5, 1, 2, 3, 6])
        {1: (0, 3), 2: (0, 3)}
    """

    def ending_lengths(values: Sequence[int]) -> list[int]:
        tails: list[int] = []  # smallest tail of an increasing run of each length
        lengths = []
        for value in values:
            k = bisect_left(tails, value)
            tails[k : k + 1] = [value]
            lengths.append(k + 1)
        return lengths

    ending = ending_lengths(order)
    starting = ending_lengths([-v for v in reversed(order)])[::-1]
    longest = max(ending, default=0)
    on_some = [e + s - 1 == longest for e, s in zip(ending, starting, strict=True)]
    # the items on some longest run by their rank in it, in source order (so each
    # rank's targets decrease: of two, the later would otherwise rank higher)
    ranks: dict[int, list[int]] = {}
    for k, (e, ok) in enumerate(zip(ending, on_some, strict=True)):
        if ok:
            ranks.setdefault(e, []).append(k)
    places = {}
    highest = 0  # the highest rank of an item on a longest run before k
    for k, (e, ok) in enumerate(zip(ending, on_some, strict=True)):
        if not (ok and len(ranks[e]) == 1):
            places[k] = _between(order, ranks, k, highest)
        if ok:
            highest = max(highest, e)
    return places


def _between(
    order: Sequence[int], ranks: dict[int, list[int]], k: int, highest: int
) -> tuple[int | None, int | None]:
    """Item ``k``'s neighbours on a longest increasing run without it: the last item
    of some rank before it and the first of the next rank after it, in order (the
    smallest and the largest target of their ranks there). Ranks are tried from the
    highest before ``k`` down, so the neighbours are the nearest."""
    for rank in range(highest, -1, -1):
        before = None
        if rank:
            i = bisect_left(ranks[rank], k)
            if not i:
                continue
            before = ranks[rank][i - 1]
        if rank + 1 not in ranks:  # ``before`` ends the run
            return before, None
        j = bisect_right(ranks[rank + 1], k)
        after = ranks[rank + 1][j] if j < len(ranks[rank + 1]) else None
        if after is not None and (before is None or order[before] < order[after]):
            return before, after
    return None, None  # not reached: a moved item leaves some longest run


@register("reordered", Severity.WARNING)
def find_reordered(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Pairs translated out of order: missing from some longest run of pairs that keeps the
    source order (see :func:`moved`); the message says where the translation belongs."""
    # a pair below the mistranslation threshold is two sentences without counterparts
    # put side by side (adjacent gaps): it says nothing of the order of translations
    threshold = settings.mistranslation_threshold
    order = sorted(
        (
            b
            for b in doc.beads
            if b.src and b.tgt and (threshold is None or b.similarity >= threshold)
        ),
        key=lambda b: b.src[0],
    )
    tgt = doc.tgt.lang.upper()
    for k, (before, after) in moved([b.tgt[0] for b in order]).items():
        bead = order[k]
        where = []
        if before is not None:
            where.append(f"after {tgt} {doc.tgt.place(order[before].tgt[-1])}")
        if after is not None:
            where.append(f"before {tgt} {doc.tgt.place(order[after].tgt[0])}")
        yield Flag(
            "reordered",
            Severity.WARNING,
            bead.src,
            bead.tgt,
            f"{doc.src.lang.upper()} {doc.src.place(bead.src[0])} is translated out of "
            f"order, at {tgt} {doc.tgt.place(bead.tgt[0])}, expected {' and '.join(where)}: "
            f"{_quote(doc.src_text(bead))}",
        )


@register("boilerplate", Severity.INFO)
def find_boilerplate(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Captions, credits, link lists: reported for information, never as errors."""
    for bead in doc.beads:
        if bead.tgt and not bead.src:
            sentence = doc.tgt.sentences[bead.tgt[0]]
            side = doc.tgt
        elif bead.src and not bead.tgt:
            sentence = doc.src.sentences[bead.src[0]]
            side = doc.src
        else:
            continue
        if sentence.boilerplate:
            yield Flag(
                "boilerplate",
                Severity.INFO,
                bead.src,
                bead.tgt,
                # boilerplate is never aligned: its translation, if any, is boilerplate too
                f"{side.lang.upper()} {side.place(sentence.index)} is boilerplate (a caption, "
                f"credit or link list), not checked: {_quote(sentence.text)}",
            )
