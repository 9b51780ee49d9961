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
            (``24일``), ``"date"`` for one with it (the 4 of ``6월 4일``),
            ``"am"`` or ``"pm"`` for the hour of a clock time
            that gives its half of the day ("10 p.m.", ``오전 11시``),
            ``"clock"`` for one that does not ("14:30", ``11시``), ``"gloss"``
            for a number inside a
            Latin-script gloss of Korean text ("빌딩 2008(Light+Building
            2008)"), else empty.
        unit: the family of the unit written with it: ``"imperial"``,
            ``"metric"``, ``"fahrenheit"``, ``"celsius"``, ``"degrees"`` (a
            temperature or angle of unwritten scale), ``"times"`` or empty.
            Translators convert miles to kilometres and "doubled" to ``2배``;
            only numbers of one family are compared.
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

# "2/3": a proper fraction with a one-digit denominator (or 10) is one value;
# "9/11" and "24/7" are not fractions
SLASH_FRACTION = r"(?<![\d/.,])(?P<sm>[1-9])/(?P<sn>10|[2-9])(?![\d/])"


def slash_fraction(m: re.Match[str]) -> float | None:
    """The value of a ``SLASH_FRACTION`` match, ``None`` unless below one."""
    numerator, denominator = int(m["sm"]), int(m["sn"])
    return numerator / denominator if numerator < denominator else None


# Hours ahead of UTC of the time zones news copy names, in standard and summer
# time; a zone named without its offset ("local time", "현지시간") may be any.
ZONE_HOURS = {
    "eastern": (-5, -4), "central": (-6, -5), "mountain": (-7, -6), "pacific": (-8, -7),
    "utc": (0,), "london": (0, 1), "paris": (1, 2), "moscow": (3,), "china": (8,), "korea": (9,),
}  # fmt: skip
ANY_ZONE = frozenset(range(24))
LOCAL = -1  # "local time", "현지시간": the story's own zone, whichever it is


def zones_named(pattern: re.Pattern[str], text: str) -> frozenset[int]:
    """The offsets (hours mod 24) of the zones that ``pattern``, one named group per
    key of ``ZONE_HOURS`` and ``local`` (:data:`LOCAL`), finds in ``text``."""
    hours: set[int] = set()
    for m in pattern.finditer(text):
        zone = m.lastgroup or "local"
        hours |= {LOCAL} if zone == "local" else {h % 24 for h in ZONE_HOURS[zone]}
    return frozenset(hours)


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
