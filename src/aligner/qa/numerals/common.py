"""What the readers of numbers share: the ``Number`` they yield and how digits and
brackets are read in any language."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Number:
    """One number as written in a sentence.

    Attributes:
        value: the normalised value.
        text: the text it was read from, for messages.
        aliases: other values the same text may mean ("'08" is 8 or 2008).
        confident: written in a way that leaves no doubt; only confident
            numbers can raise a flag.
        kind: ``"month"`` for a month name or a Korean month (``6월``),
            ``"day"`` for a Korean day of the month written without its month
            (``24일``), ``"gloss"`` for a number inside a Latin-script gloss of
            Korean text ("빌딩 2008(Light+Building 2008)"), else empty.
        unit: the family of the unit written after it: ``"imperial"``,
            ``"metric"``, ``"times"`` or empty. Translators convert miles to
            kilometres and "doubled" to ``2배``; only numbers of one family
            are compared.
        scaled: written with a scale unit ("million", ``만``), where a
            power-of-ten slip is the typical error.
    """

    value: float
    text: str
    aliases: frozenset[float] = frozenset()
    confident: bool = True
    scaled: bool = False
    kind: str = ""
    unit: str = ""

    @property
    def values(self) -> frozenset[float]:
        return self.aliases | {self.value}


Found = tuple[int, int, Number]  # start and end offset in the text, and the number

# 1,500 / 1500 / 3.5; a comma followed by exactly three digits groups thousands.
DIGITS = r"\d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?|\d+(?:\.\d+)?"

# An amount opening a bracket is a currency conversion the translator may
# add, drop or round: "(약 500원)", "(£27bn)". Unit conversions ("(49 feet)")
# are told apart by their unit family instead.
_BRACKET_BEFORE = re.compile(r"\(\s*(?:about|some|approximately|약|대략)?\s*[$£€¥]?$", re.I)
# ... unless it is the sentence's own figure: a share, an age or a count closing
# the bracket ("12.34포인트(0.6%)", "김모(35세)"), as economy and police copy writes them
_OWN_FIGURE_AFTER = re.compile(r"\s*(?:%|％|퍼센트|percent\b|세|살|명)?\s*\)", re.I)


def currency_conversion(before: str, after: str) -> bool:
    """A number opening a bracket and not closing it: "(£27bn)", not "(63)", "(0.6%)"."""
    return bool(_BRACKET_BEFORE.search(before)) and not _OWN_FIGURE_AFTER.match(after)


def unit_family(after: str, units: Sequence[tuple[str, re.Pattern[str]]]) -> str:
    return next((family for family, pattern in units if pattern.match(after)), "")


def parse_digits(text: str) -> float:
    return float(text.replace(",", ""))


def free(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    return all(end <= a or start >= b for a, b in taken)
