"""The ``gloss`` check: an English sentence that explains a Korean word the story keeps
in romanization ("Jeonse is a Korean lease system in which tenants pay a lump sum").

An English desk adds such a sentence for readers abroad, and a Korean translation
of an English story drops it, for Korean readers know the word: either way it has
no counterpart, and it is no omission nor an insertion to fix. It is reported for
information as ``extra`` instead of as an error by ``gap``. Read as a gloss: a lone
English sentence, in a pair of English and Korean, that opens with a word and "is
a", "are", "refers to" or "means", the word (four letters or more) written in lower
case elsewhere in the English document, as a common noun (a name is capitalised
everywhere: "Tokuda is a genuine leading man" is no gloss), and sounding like the
start of a Hangul word of the Korean document (:func:`aligner.qa.names.sounds`:
jeonse ~ 전세, chaebol ~ 재벌, hagwon ~ 학원). Measured on the re-drawn EN-KO faults
(seeds 1-24): no gloss read, so no omission hidden.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from aligner.config import Settings
from aligner.models import Bead, Document, Flag, Severity
from aligner.qa.names import sounds
from aligner.qa.registry import AlignedDocument, register

__all__ = ["find_glosses", "glossed_word"]

_DEFINITION = re.compile(
    r"^\W*([A-Za-z]{4,}(?:-[a-z]+)?)\W*\s+(?:is|are|refers\s+to|means)\s+(?:a|an|the)\b"
)
_NOT_TERMS = frozenset("this that there these those which what here such".split())
_HANGUL_RUN = re.compile(r"[가-힣]+")


def glossed_word(doc: AlignedDocument, bead: Bead) -> tuple[str, str] | None:
    """The romanized Korean word a lone English sentence explains and the Hangul it
    stands for, or None (see the module docstring)."""
    if bool(bead.src) == bool(bead.tgt):
        return None
    side, other = (doc.src, doc.tgt) if bead.src else (doc.tgt, doc.src)
    if (side.lang, other.lang) != ("en", "ko"):
        return None
    index = (bead.src or bead.tgt)[0]
    found = _DEFINITION.match(side.sentences[index].text)
    if found is None or found.group(1).lower() in _NOT_TERMS:
        return None
    word = found.group(1)
    # a common noun the story writes in lower case elsewhere ("jeonse rental fraud"); a
    # name is capitalised everywhere ("Tokuda is a genuine leading man", 도쿠다)
    elsewhere = " ".join(s.text for s in side.sentences if s.index != index)
    if not re.search(rf"\b{re.escape(word.lower())}\b", elsewhere):
        return None
    hangul = _hangul_for(sounds(word), _korean_text(other))
    return (word, hangul) if hangul else None


def _korean_text(document: Document) -> str:
    return " ".join(s.text for s in document.sentences)


@functools.lru_cache(maxsize=256)
def _hangul_for(sound: str, korean: str) -> str | None:
    """The start of a Hangul word of ``korean`` that sounds as ``sound``."""
    runs: dict[str, None] = dict.fromkeys(_HANGUL_RUN.findall(korean))
    for run in runs:
        for end in range(1, len(run) + 1):
            if sounds(run[:end]) == sound:
                return run[:end]
    return None


@register("gloss", Severity.INFO)
def find_glosses(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """English sentences that explain a Korean word, with no counterpart: reported for
    information (``gap`` leaves them alone)."""
    for bead in doc.beads:
        if (found := glossed_word(doc, bead)) is None:
            continue
        side = doc.src if bead.src else doc.tgt
        index = (bead.src or bead.tgt)[0]
        word, hangul = found
        yield Flag(
            "extra",
            Severity.INFO,
            bead.src,
            bead.tgt,
            f"{side.lang.upper()} {side.place(index)} explains the Korean word {word} "
            f"({hangul}) for readers abroad; the Korean needs no such sentence: "
            f"“{side.sentences[index].text}”",
        )
