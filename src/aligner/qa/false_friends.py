"""The ``false_friend`` check: an English word of the news put in its everyday sense.

Machine translation renders a word by its commonest sense: "the bill" lawmakers passed
as ``지폐`` (a banknote), "charged with fraud" as ``충전`` (a battery's charge), a prison
"sentence" as ``문장``. Meaning and similarity barely move, and no glossary may list
the word. Each entry below names an English word, the words that fix its news sense
when they stand within :data:`_NEAR` characters of it ("passed", "lawmakers"; "with",
"prosecutors"), those right beside it that give the everyday sense instead ("a
one-dollar bill", "a clinical trial"), the Korean of the news sense, and the Korean of
the sense the English does not mean there. A pair whose English has the word in its
news sense and whose Korean has a wrong rendering and no right one is flagged: a
Korean that also says ``법안`` has the word right wherever else it says ``지폐``. An
adversarial test of faithful pairs (hunt32) drew 13 false warnings from a first version
that read the whole sentence for the sense; "strike" (a missile's, a pitch's, a union's)
is not read.

Flags are of type ``mistranslation`` (subject ``false friend``), a warning by default.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from aligner.config import Settings
from aligner.models import Bead, Flag, Severity
from aligner.qa.alignment import _quote
from aligner.qa.registry import AlignedDocument, register
from aligner.qa.spans import SideText

__all__ = ["find_false_friends"]


@dataclass(frozen=True)
class _Friend:
    """An English word, what fixes its news sense, and its Korean right and wrong."""

    word: re.Pattern[str]
    sense: re.Pattern[str]  # words next to it that fix the sense
    meaning: str  # the sense, for the message
    right: re.Pattern[str]
    wrong: re.Pattern[str]
    wrong_meaning: str
    everyday: re.Pattern[str] | None  # words right around it that mean the everyday sense


def _friend(
    word: str,
    sense: str,
    meaning: str,
    right: str,
    wrong: str,
    wrong_meaning: str,
    everyday: str | None = None,
) -> _Friend:
    return _Friend(
        re.compile(rf"\b(?:{word})\b", re.I),
        re.compile(rf"\b(?:{sense})\b", re.I),
        meaning,
        re.compile(right),
        re.compile(wrong),
        wrong_meaning,
        re.compile(everyday, re.I) if everyday else None,
    )


# how far from the word the words that fix its sense may stand: its phrase, not its
# sentence ("Prosecutors said the suspect used a stolen card to charge his car")
_NEAR = 30


_FRIENDS = (
    _friend(
        "bills?",
        r"pass\w*|approv\w*|vot\w*|lawmakers?|legislat\w*|assembly|parliament\w*|congress"
        r"|senate|veto\w*|sign\w*|introduc\w*|draft\w*|revision|amend\w*",
        "a law",
        r"법안|법률안|개정안|특별법|[가-힣]+법(?:을|은|이|의|안)?|예산안|안건",
        r"지폐|계산서|청구서",
        "a banknote, an invoice",
        r"(?:[$€£¥]\s?[\d,.]+|\d[\d,.]*[-\s]?(?:dollar|won|euro|pound|yen)|(?:one|two|five|ten"
        r"|twenty|fifty|hundred|thousand)[-\s](?:dollar|won|euro|pound))[-\s]+bills?$",
    ),
    _friend(
        r"charged|charges",
        r"with|prosecutors?|police|indicted|counts?|murder|fraud|crime\w*|bribery|embezzl\w*"
        r"|assault|abuse|violat\w*|accused|suspect\w*",
        "accused of a crime",
        # not 혐의: "사기 혐의로 충전했다" keeps the charge and mistranslates the verb
        r"기소|고발|송치|입건|공소",
        r"충전|요금|청구",
        "a battery's charge, a fee",
        r"^charge[sd]?\s+(?:a|the|an|his|her|its|their)?\s*(?:fee|price|rate|battery|phone|car)",
    ),
    _friend(
        r"sentenced?|sentences",
        r"prison|jail|years?|months?|court|judge|death|life|suspended|probation",
        "a court's penalty",
        r"선고|징역|형(?:을|이|은|에)?|금고|집행유예|사형|무기",
        r"문장",
        "a written sentence",
    ),
    _friend(
        r"trial",
        r"court|judge|defendants?|jury|verdict|prosecut\w*|accused|testif\w*|hearing",
        "a court case",
        r"재판|공판|심리|법정",
        r"시험|실험|시도|체험",
        "a test, an experiment",
        r"(?:clinical|drug|vaccine|medical|free|field)\s+trials?$"
        r"|^trials?\s+(?:run|period|version|basis)",
    ),
    _friend(
        r"cabinet",
        r"minister\w*|government|reshuffl\w*|appoint\w*|meetings?|sessions?|resign\w*",
        "the government's ministers",
        r"내각|각료|국무|개각|장관",
        r"캐비닛|찬장|수납장",
        "a cupboard",
        r"(?:antique|kitchen|filing|wooden|display|medicine|steel)\s+cabinets?$",
    ),
    _friend(
        r"bonds?",
        r"yields?|treasur\w*|issu\w*|debt|investors?|market\w*|government|interest",
        "a debt security",
        r"채권|국채|회사채|채무",
        r"유대|접착|결속",
        "a tie, glue",
        r"^bonds?\s+(?:between|with|of\s+(?:trust|friendship))",
    ),
)


def _pair_flag(doc: AlignedDocument, bead: Bead) -> Flag | None:
    en, ko = SideText.content(doc, bead, "src"), SideText.content(doc, bead, "tgt")
    for friend in _FRIENDS:
        word = friend.word.search(en.text)
        if word is None:
            continue
        start, end = max(0, word.start() - _NEAR), min(len(en.text), word.end() + _NEAR)
        if not friend.sense.search(en.text, start, end):
            continue
        if friend.everyday is not None and (
            friend.everyday.search(en.text, start, word.end())
            or friend.everyday.search(en.text[word.start() : end])
        ):
            continue
        wrong = friend.wrong.search(ko.text)
        if wrong is None or friend.right.search(ko.text):
            continue
        return Flag(
            "mistranslation",
            Severity.WARNING,
            bead.src,
            bead.tgt,
            f"false friend: EN “{word.group()}” is {friend.meaning} here, but KO “{wrong.group()}” "
            f"is {friend.wrong_meaning}. EN: {_quote(en.text)} KO: {_quote(ko.text)}",
            subject="false friend",
            spans=(*en.spans(*word.span()), *ko.spans(*wrong.span())),
        )
    return None


@register("false_friend", Severity.WARNING, langs=("en", "ko"))
def find_false_friends(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Pairs whose English uses a news word in its news sense ("the bill" lawmakers
    passed) and whose Korean renders it in its everyday sense (``지폐``) only.

    Args:
        doc: the aligned document.
        settings: run settings (unused: the check has no options).

    Yields:
        One ``mistranslation`` flag (subject ``false friend``) per pair.
    """
    for bead in filter(doc.is_content_pair, doc.beads):
        if (flag := _pair_flag(doc, bead)) is not None:
            yield flag
