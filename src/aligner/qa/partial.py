"""The ``partial`` check: a clause of one side that the other does not translate.

"Most of the dead were in Sancheong, where more than 400 millimeters of rain fell
in two days" translated ``사망자는 대부분 경남 산청에서 나왔다`` drops the cause of
the deaths, and ``… 이 남성은 경찰 조사에서 혐의를 인정한 것으로 알려졌다`` adds a
confession the English never reports. Both pairs are still translations (0.38,
0.53), end as finished sentences and keep their numbers, so no other check sees
them. What gives them away is that the pair matches *better* without the clause:
leaving out a clause the other side renders loses similarity, leaving out one it
does not render gains it.

For each pair (above the mistranslation threshold) whose one side is longer than
the document's own length ratio predicts (a robust z-score of at least
:data:`LONGER_Z`, as ``truncated`` measures length), that side is cut into clauses
at punctuation, and every clause of at least :data:`MIN_WORDS` words that stands
on its own is left out in turn: a sentence's first clause, one after a sentence
stop, in English one that a conjunction, a relative or "according to" opens ("…,
where more than 400 millimeters of rain fell", "…, but Park insisted…"), in Korean
one after a clause that joins it (``…보고 있으며, 이 남성은…``). An English
appositive ("…, a traditional Korean hat, …", "…, about 330 kilometers south of
Seoul, …") glosses a word for the English reader, and a Korean translation rightly
leaves it out: it is not read. When the rest matches the other side at least
:data:`MIN_GAIN` better than the whole, the clause is flagged: on the longer source
side as left out of the translation, on the translation's side as added.

Measured with ``python benchmarks/partial_on_gold.py``: on the benchmark's faithful
1-1 pairs, 11 flags (dev gold, 2,453 pairs) and 11 (clean pools, 2,480), each a
clause the corpus's Korean really leaves out or adds ("…, but clipper may not be
the best way to achieve this goal.", ``그는 15일 동안 매일 성폭행을 당했다.``); with one
Korean clause taken out of a faithful pair at random, 82 of 528 pairs flagged (16%:
the English clause it rendered is often an appositive, or not cut off by
punctuation), with one English clause taken out, 89 of 1,353 (the Korean then holds
the clause). On the desk tests' faithful stories: 4 flags in 306 stories. (From a
z-score of 1 rather than 1.5: 86 and 93 caught, 13 flags on dev gold, and twice the
clauses to embed.)

Flags are of type ``partial``, a warning by default (a loose translation may
leave out a clause on purpose); ``truncated`` and ``mistranslation`` flags of the
pair hide them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import numpy as np

from aligner.config import Settings
from aligner.models import Bead, Flag, Severity
from aligner.qa.alignment import _quote
from aligner.qa.registry import AlignedDocument, register
from aligner.qa.spans import SideText
from aligner.qa.truncation import LengthModel, _log_ratio, fit_length_model

__all__ = ["find_partial_translations"]

LONGER_Z = 1.5  # how much longer than predicted a side must be to be read
MIN_WORDS = 3  # a clause shorter than this is a word or a name, not content
MIN_GAIN = 0.08  # how much better the pair must match without the clause


# where a clause ends: the aligner's cut (``aligner.align.clauses.CUT``: a comma,
# semicolon or colon, a dash, a sentence stop inside the text) but not after a capital
# ("U.S.", "No. 1"), whose clause would be a name cut in two
_CUT = re.compile(r"(?:[,;:]|(?<![A-Z])[.!?][\"'”’»)]*)\s+|[，、；：。！？]\s*|\s[—–]\s|\s--\s")
_STOP = re.compile(r"[.!?。！？]")
# what opens an English clause of its own after a comma: a conjunction, a relative, a
# subordinator, an attribution; not an appositive ("a traditional Korean hat", "about
# 330 kilometers south of Seoul"), which glosses a word for the English reader
_EN_OPENER = re.compile(
    r"(?:and|but|or|yet|so|while|whereas|although|though|because|as|since|after|before"
    r"|when|where|which|who|whom|whose|that|if|unless|until|despite|amid|according)\b",
    re.I,
)
# the ending of a Korean clause that joins the next one (있으며, 했고, 했지만, 했는데,
# 했으나, 해서), at the end of a text
_KO_JOINING = re.compile(r"(?:으며|며|고|지만|는데|으나|어서|아서|해서|면서)(?=\s*,?\s*$)")


def _clauses(text: str, lang: str) -> list[tuple[int, int, bool]]:
    """(start, end, whether it stands on its own) of each clause of ``text``, cut after
    punctuation. A clause stands on its own when it is a sentence's first, follows a
    sentence stop, or, in English, a conjunction or a relative opens it, in Korean it
    follows a clause that joins it."""
    core = text.rstrip()
    cuts = [m for m in _CUT.finditer(core) if m.end() < len(core)]
    bounds = [0, *(m.end() for m in cuts), len(core)]
    return [
        (
            start,
            end,
            k == 0
            or bool(_STOP.search(cuts[k - 1].group()))
            or (lang == "en" and bool(_EN_OPENER.match(core, start)))
            or (lang == "ko" and bool(_KO_JOINING.search(core[:start])))
            or lang not in ("en", "ko"),
        )
        for k, (start, end) in enumerate(zip(bounds, bounds[1:], strict=False))
    ]


def _without(text: str, start: int, end: int, lang: str) -> str:
    """``text`` without ``text[start:end]``; a Korean clause left joining nothing (보고
    있으며) is ended (보고 있다.), as the translation would end it."""
    rest = (text[:start] + text[end:]).strip().rstrip(",;:")
    if lang == "ko" and end >= len(text.rstrip()):
        rest = _KO_JOINING.sub("다.", rest)
    return rest


def _unit(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms == 0, 1, norms)


def _longer_side(doc: AlignedDocument, bead: Bead, model: LengthModel) -> str | None:
    ratio = _log_ratio(doc, bead)
    if ratio is None:
        return None
    z, _ = model.shortness(ratio, side_is_src=False)  # positive: the target is shorter
    return "src" if z >= LONGER_Z else "tgt" if -z >= LONGER_Z else None


def _flag(doc: AlignedDocument, bead: Bead, side: str) -> Flag | None:
    assert doc.embed is not None
    longer = SideText.content(doc, bead, side)
    other = SideText.content(doc, bead, "tgt" if side == "src" else "src")
    lang = (doc.src if side == "src" else doc.tgt).lang
    clauses = _clauses(longer.text, lang)
    candidates = [
        (s, e) for s, e, own in clauses if own and len(longer.text[s:e].split()) >= MIN_WORDS
    ]
    if len(clauses) < 2 or not candidates:
        return None
    rest = [_without(longer.text, s, e, lang) for s, e in candidates]
    texts = [longer.text, other.text, *rest]
    vectors = _unit(np.asarray(doc.embed(texts), dtype=np.float64))
    scores = vectors @ vectors[1]
    gains = scores[2:] - scores[0]
    best = int(np.argmax(gains))
    if gains[best] < MIN_GAIN:
        return None
    start, end = candidates[best]
    clause = longer.text[start:end].strip()
    lang = lang.upper()
    other_lang = (doc.tgt if side == "src" else doc.src).lang.upper()
    original = "tgt" if doc.swapped else "src"
    if side == original:
        said = f"{other_lang} leaves out part of {lang}: {_quote(clause)}"
    else:
        said = f"{lang} adds what {other_lang} does not say: {_quote(clause)}"
    return Flag(
        "partial",
        Severity.WARNING,
        bead.src,
        bead.tgt,
        f"{said} (without it the pair matches better: {scores[0]:.2f} → "
        f"{scores[2 + best]:.2f}). {other_lang}: {_quote(other.text)}",
        subject="omission" if side == original else "addition",
        spans=tuple(longer.spans(start, start + len(longer.text[start:end].rstrip()))),
    )


@register("partial", Severity.WARNING)
def find_partial_translations(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Pairs with a clause on their longer side that the other side does not render.

    Args:
        doc: the aligned document, with the run's model (``doc.embed``); without a
            model nothing is read.
        settings: run settings; pairs below ``mistranslation_threshold`` are left to
            that check.

    Yields:
        One ``partial`` flag per pair, on its best clause.
    """
    model = fit_length_model(doc)
    if doc.embed is None or model is None:
        return
    floor = settings.mistranslation_threshold or 0.0
    for bead in filter(doc.is_content_pair, doc.beads):
        side = _longer_side(doc, bead, model) if bead.similarity >= floor else None
        if side is not None and (flag := _flag(doc, bead, side)) is not None:
            yield flag
