"""The ``mistranslation`` check: an aligned pair too dissimilar to be a translation.

A pair scoring below the model's calibrated threshold is flagged. Just above it,
within :data:`~aligner.qa.negation.MARGIN` of it, loose translations and
unrelated sentences on the same beat meet; there an English-Korean 1-1 pair whose
two sides name and number different things (:mod:`aligner.qa.unrelated`) is
flagged too. A bead that joins sentences is left to the threshold: the sentence
a merge adds brings names of its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from aligner.config import Settings
from aligner.models import Bead, Flag, Severity
from aligner.qa.alignment import _quote
from aligner.qa.negation import MARGIN
from aligner.qa.registry import AlignedDocument, register
from aligner.qa.spans import SideText
from aligner.qa.unrelated import Disagreement, disagreement

__all__ = ["find_mistranslations"]


@register("mistranslation", Severity.ERROR)
def find_mistranslations(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Aligned pairs whose meaning differs too much to be a translation: below the
    threshold, or within :data:`~aligner.qa.negation.MARGIN` above it with names
    and numbers that disagree."""
    threshold = settings.mistranslation_threshold
    if threshold is None:
        return
    for bead in doc.beads:
        if not (bead.src and bead.tgt):
            continue
        if any(doc.src.sentences[i].boilerplate for i in bead.src):
            continue
        if bead.similarity < threshold:
            why = f"similarity {_below(bead.similarity, threshold)}"
        elif (found := _unrelated(doc, bead, threshold)) is not None:
            why = (
                f"similarity {bead.similarity:.2f}, and no name or number in common: "
                f"{doc.src.lang.upper()} {', '.join(_side(found, doc.src.lang))}; "
                f"{doc.tgt.lang.upper()} {', '.join(_side(found, doc.tgt.lang))}"
            )
        else:
            continue
        yield Flag(
            "mistranslation",
            Severity.ERROR,
            bead.src,
            bead.tgt,
            f"{doc.tgt.lang.upper()} {_quote(doc.tgt_text(bead))} does not say what "
            f"{doc.src.lang.upper()} {_quote(doc.src_text(bead))} says ({why})",
        )


def _unrelated(doc: AlignedDocument, bead: Bead, threshold: float) -> Disagreement | None:
    """The names and numbers an English-Korean 1-1 pair just above the threshold
    does not share (None: it shares some, or is not such a pair)."""
    langs = (doc.src.lang, doc.tgt.lang)
    if sorted(langs) != ["en", "ko"] or not len(bead.src) == len(bead.tgt) == 1:
        return None
    if bead.similarity >= threshold + MARGIN:
        return None
    src, tgt = SideText.content(doc, bead, "src").text, SideText.content(doc, bead, "tgt").text
    if not (src and tgt):
        return None
    return disagreement(src, tgt) if langs[0] == "en" else disagreement(tgt, src)


def _side(found: Disagreement, lang: str) -> tuple[str, ...]:
    return found.english if lang == "en" else found.korean


def _below(value: float, threshold: float) -> str:
    """``value < threshold`` with as many decimals as it takes to show the difference.

    Example:
        >>> _below(0.061, 0.0649)
        '0.061 < 0.065'
    """
    digits = 2
    while digits < 6 and f"{value:.{digits}f}" == f"{threshold:.{digits}f}":
        digits += 1
    return f"{value:.{digits}f} < {threshold:.{digits}f}"
