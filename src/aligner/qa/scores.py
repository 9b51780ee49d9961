"""A game's score or a record written the other way round: "beat the Lions 3-1" /
``1-3으로 꺾었다``, "went 19-5" / ``5승 19패``.

The two numbers of a score are the same on both sides, so ``number_mismatch``
matches them and sees nothing; but the order says who won. English writes the
winner's score first whatever the verb ("lost to Japan 4-2"), Korean the
subject's (``일본에 2-4로 졌다``, ``1-5로 뒤지던``), so a score reversed on one
side is read as a fault only when neither side words a defeat or a side trailing.
"""

from __future__ import annotations

import re

__all__ = ["reversed_change", "reversed_score"]

# "3-1", "3–1", Korean "3대 1": up to three digits a side, not a year range or a decimal
_SCORE = {
    "en": re.compile(
        r"(?<![\d.,/-])(?P<a>\d{1,3})\s?[-–]\s?(?P<b>\d{1,3})(?![\d/-]|[.,]\d|\s?(?:%|percent))"
    ),
    # and a record, wins first: "went 19-5" is 19승 5패
    "ko": re.compile(
        r"(?<![\d.,/-])(?P<a>\d{1,3})\s?(?:[-–]|대|(?P<won>승)(?=\s?\d{1,3}\s?패))\s?(?P<b>\d{1,3})"
        r"(?(won)\s?패)(?![\d/-]|[.,]\d|\s?%)"
    ),
}
# a defeat, or a side trailing ("rallied from a 5-1 deficit" / ``1-5로 뒤지던``): the
# Korean writes that side's score first
_DEFEAT = {
    "en": re.compile(
        r"\b(?:los(?:e|es|t|ing)|defeat(?:ed)?\s+by|fell\s+(?:\d{1,3}\s?[-–]\s?\d{1,3}\s+)?to"
        r"|beaten\s+by|deficit|trail(?:ed|ing)?"
        r"|behind|rall(?:y|ied|ying)|comeback|came\s+back)\b",
        re.I,
    ),
    "ko": re.compile(r"졌|패(?:했|하|배|전)|역전|완패|석패|덜미|무릎|뒤지|뒤진|끌려|추격|만회"),
}


def _scores(text: str, lang: str) -> list[tuple[str, str, str]]:
    """Each score of ``text``: its two numbers and how it is written."""
    pattern = _SCORE.get(lang)
    return [(m["a"], m["b"], m.group()) for m in pattern.finditer(text)] if pattern else []


def reversed_score(src: str, tgt: str, langs: tuple[str, str]) -> tuple[str, str] | None:
    """The first score of ``src`` that ``tgt`` writes only the other way round, as each
    writes it; None if there is none or either side words a defeat.

    Example:
        >>> en, ko = "The Twins beat the Lions 3-1.", "트윈스는 라이온즈를 1-3으로 꺾었다."
        >>> reversed_score(en, ko, ("en", "ko"))
        ('3-1', '1-3')
    """
    if any(
        lang not in _DEFEAT or _DEFEAT[lang].search(text)
        for text, lang in zip((src, tgt), langs, strict=True)
    ):
        return None
    theirs = {(a, b): written for a, b, written in _scores(tgt, langs[1])}
    for a, b, written in _scores(src, langs[0]):
        if a != b and (b, a) in theirs and (a, b) not in theirs:
            return written, theirs[b, a]
    return None


# a change from one figure to another: "from 47.1 percent to 57.6 percent",
# ``47.1%에서 57.6%로``
_FIGURE = r"(\d[\d,]*(?:\.\d+)?)"
_FROM_TO = {
    "en": re.compile(
        rf"\bfrom\s+(?:a\s+|an\s+)?{_FIGURE}\s*(?:%|percent|per\s+cent)?\s+to\s+(?:a\s+|an\s+)?"
        rf"{_FIGURE}(?![\d,.]\d)(?:\s*(?:%|percent|per\s+cent))?"
    ),
    "ko": re.compile(rf"(?<![\d.,]){_FIGURE}\s*%?\s*에서\s*{_FIGURE}\s*%?\s*(?:로|으로)"),
}
# "revised up to 0.9 percent from 0.5 percent": the English may give the end first
_TO_FROM_EN = re.compile(
    rf"\bto\s+(?:a\s+|an\s+)?{_FIGURE}\s*(?:%|percent|per\s+cent)?,?\s+from\s+(?:a\s+|an\s+)?"
    rf"{_FIGURE}(?![\d,.]\d)(?:\s*(?:%|percent|per\s+cent))?"
)


def _changes(text: str, lang: str) -> list[tuple[float, float, str]]:
    """Each change from one figure to another ``text`` gives: (from, to, as written)."""
    found = [(_plain(m[1]), _plain(m[2]), m.group()) for m in _FROM_TO[lang].finditer(text)]
    if lang == "en":
        found += [(_plain(m[2]), _plain(m[1]), m.group()) for m in _TO_FROM_EN.finditer(text)]
    return found


def reversed_change(src: str, tgt: str, langs: tuple[str, str]) -> tuple[str, str] | None:
    """The first change from one figure to another that ``tgt`` gives the other way
    round, as each writes it; None if there is none.

    Example:
        >>> en = "It raised its stake from 47.1 percent to 57.6 percent."
        >>> reversed_change(en, "지분율을 57.6%에서 47.1%로 낮췄다.", ("en", "ko"))
        ('from 47.1 percent to 57.6 percent', '57.6%에서 47.1%로')
    """
    if any(lang not in _FROM_TO for lang in langs):
        return None
    theirs = {(a, b): written for a, b, written in _changes(tgt, langs[1])}
    for a, b, written in _changes(src, langs[0]):
        if a != b and (b, a) in theirs and (a, b) not in theirs:
            return written, theirs[b, a]
    return None


def _plain(figure: str) -> float:
    return float(figure.replace(",", ""))
