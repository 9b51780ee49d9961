"""What the readers of numbers share: the ``Number`` they yield and how digits and
brackets are read in any language."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace


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
            (``24일``), ``"date"`` for one with it (the 4 of ``6월 4일``,
            of "June 4"),
            ``"am"`` or ``"pm"`` for the hour of a clock time
            that gives its half of the day ("10 p.m.", ``오전 11시``),
            ``"clock"`` for one that does not ("14:30", ``11시``),
            ``"ordinal"`` for a place in a series ("3rd", "third", "Article 7",
            ``제3차``, ``4위``, ``6경기 연속``), ``"gloss"`` for a number inside a
            Latin-script gloss of Korean text ("빌딩 2008(Light+Building
            2008)"), ``"count"`` for a Korean number before a counter (``8명``,
            ``열아홉 살``), ``"implied"`` for a count that a word implies
            rather than writes: the article of "a week" or "a decade" (one
            week, ten years), the 兩 of ``양당`` (two), else empty. An implied
            count matches only what writes it out: a number of its measure
            (``1주``, ``7일``, ``10년``), or, without a unit, a number word ("the
            two parties").
        unit: the unit written with it: one of :data:`MEASURES` (``"cm"``,
            ``"month"``), several of one measure joined by ``+`` for a
            quantity written in parts (``"year+month"`` for ``1년 6개월``,
            whose value is then in the last), or the family of a unit that
            is not converted exactly: ``"imperial"``, ``"fahrenheit"``,
            ``"celsius"``, ``"degrees"`` (a temperature or angle of unwritten
            scale), ``"times"``; ``"share"`` for a share of a whole ("eight in
            10", ``10명 중 8명``), whose value is a percentage; else empty.
            Translators convert miles to kilometres and "doubled" to ``2배``;
            only numbers of one measure or family are compared.
        scaled: written with a scale unit ("million", ``만``), where a
            power-of-ten slip is the typical error.
        unit_text: the unit of :data:`MEASURES` as written after it
            ("months", ``㎝``), for messages; else empty.
        parts: the numbers a quantity written in parts is made of (the 1 and
            the 6 of ``1년 6개월``, the 10 and the 8 of ``10명 중 8명``), else empty.
        start: where ``text`` starts in the text read (after HTML unescaping),
            for quoting it.
    """

    value: float
    text: str
    aliases: frozenset[float] = frozenset()
    confident: bool = True
    scaled: bool = False
    kind: str = ""
    unit: str = ""
    unit_text: str = ""
    parts: tuple[Number, ...] = ()
    start: int = 0

    @property
    def values(self) -> frozenset[float]:
        return self.aliases | {self.value}

    @property
    def is_range(self) -> bool:
        """A range of months ("July-September", ``4~6월``), whose parts are its ends."""
        return self.kind == "month" and len(self.parts) == 2


# Units that translators convert exactly within one measure, with their size in
# the measure's base unit: "2.21 meters" is 221㎝, "18 months" 1년 6개월, "25 basis
# points" 0.25%포인트. A month is no fixed number of days: years and months are a
# measure of their own.
MEASURES: dict[str, tuple[str, float]] = {
    "mm": ("length", 1e-3), "cm": ("length", 1e-2), "m": ("length", 1.0), "km": ("length", 1e3),
    "µg": ("mass", 1e-6), "mg": ("mass", 1e-3), "g": ("mass", 1.0), "kg": ("mass", 1e3),
    "t": ("mass", 1e6),
    "m²": ("area", 1.0), "ha": ("area", 1e4), "km²": ("area", 1e6),
    "ml": ("volume", 1e-3), "l": ("volume", 1.0),
    # a recipe's spoons, as Korean recipes measure them: 작은술 5 ml, 큰술 15 ml
    "tsp": ("volume", 5e-3), "tbsp": ("volume", 15e-3), "cup": ("volume", 0.2),
    "second": ("time", 1.0), "minute": ("time", 60.0), "hour": ("time", 3600.0),
    "day": ("time", 86400.0), "week": ("time", 604800.0),
    "month": ("calendar", 1.0), "year": ("calendar", 12.0),
    "bp": ("rate", 0.01), "%p": ("rate", 1.0),
    # the units of the chip, battery, power and network beats
    "nm": ("length", 1e-9), "µm": ("length", 1e-6), "m³": ("volume", 1e3),
    "Wh": ("energy", 1.0), "kWh": ("energy", 1e3), "MWh": ("energy", 1e6),
    "GWh": ("energy", 1e9), "TWh": ("energy", 1e12),
    "W": ("power", 1.0), "kW": ("power", 1e3), "MW": ("power", 1e6), "GW": ("power", 1e9),
    "kb": ("data", 1e3), "Mb": ("data", 1e6), "Gb": ("data", 1e9), "Tb": ("data", 1e12),
    "KB": ("data", 8e3), "MB": ("data", 8e6), "GB": ("data", 8e9), "TB": ("data", 8e12),
    "kbps": ("data rate", 1e3), "Mbps": ("data rate", 1e6), "Gbps": ("data rate", 1e9),
}  # fmt: skip


# measures whose quantities are written in parts: "1년 6개월", "2 hours, 15 minutes", "1m 80㎝"
WRITTEN_IN_PARTS = frozenset({"length", "mass", "time", "calendar"})


def measure(unit: str) -> str:
    """What a unit of :data:`MEASURES` measures, in parts or not; any other unit is its own."""
    last = unit.rpartition("+")[2]
    return MEASURES[last][0] if last in MEASURES else unit


def unit_size(unit: str) -> float:
    """The size of a unit of :data:`MEASURES` (of its last part) in its measure's base unit."""
    return MEASURES[unit.rpartition("+")[2]][1]


Found = tuple[int, int, Number]  # start and end offset in the text, and the number

# 1,500 / 1500 / 3.5; a comma followed by exactly three digits groups thousands.
DIGITS = r"\d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?|\d+(?:\.\d+)?"

# "2/3": a proper fraction with a one-digit denominator (or 10) is one value;
# "9/11" and "24/7" are not fractions; "⅔" is one character (a box score's 5⅔ innings)
VULGAR_FRACTIONS = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}  # fmt: skip
SLASH_FRACTION = (
    r"(?:(?<![\d/.,])(?P<sm>[1-9])/(?P<sn>10|[2-9])(?![\d/])"
    rf"|(?P<vulgar>[{''.join(VULGAR_FRACTIONS)}]))"
)
# the whole number before a fraction: "5 2/3", AP style's "3-1/2", "5⅔"
MIXED_WHOLE = r"(?:(?<![\d/.,-])(?P<whole>\d{1,3})(?:[\s-]|(?=[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])))?"


def slash_fraction(m: re.Match[str]) -> float | None:
    """The value of a ``SLASH_FRACTION`` match (with its ``MIXED_WHOLE``, if the pattern
    has one), ``None`` unless the fraction is below one."""
    if m["vulgar"]:
        value = VULGAR_FRACTIONS[m["vulgar"]]
    else:
        numerator, denominator = int(m["sm"]), int(m["sn"])
        if numerator >= denominator:
            return None
        value = numerator / denominator
    whole = m.groupdict().get("whole")
    return value + int(whole or 0)


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


def read_unit(after: str, units: Sequence[tuple[str, re.Pattern[str]]]) -> tuple[str, str]:
    """The first of ``units`` whose pattern ``after`` starts with, and its text as written."""
    for unit, pattern in units:
        if found := pattern.match(after):
            return unit, found.group()
    return "", ""


def join_parts(found: list[Found], text: str, gap: re.Pattern[str]) -> list[Found]:
    """One quantity written in parts, each in a smaller unit of one measure ("1년 6개월",
    "2 hours and 15 minutes", ``1시간 30분``), as one number in its last unit.

    Args:
        found: numbers read from ``text``, in reading order.
        text: the text they were read from.
        gap: what may stand between one part's unit and the next part.
    """
    joined: list[Found] = []
    for start, end, number in found:
        if joined and _next_part(joined[-1], (start, end, number), text, gap):
            first_start, _, first = joined.pop()
            size = unit_size(first.unit) / unit_size(number.unit)
            whole = replace(
                first,
                value=first.value * size + number.value,
                text=text[first_start:end],
                aliases=frozenset(),
                confident=first.confident or number.confident,
                unit=f"{first.unit}+{number.unit}",
                unit_text=number.unit_text,
                parts=(first.parts or (replace(first, start=first_start),))
                + (replace(number, start=start),),
            )
            joined.append((first_start, end, whole))
        else:
            joined.append((start, end, number))
    return joined


def join_shares(
    found: list[Found], text: str, between: re.Pattern[str], whole_first: bool
) -> list[Found]:
    """A share of a whole ("eight in 10", ``응답자 10명 중 8명``) as one number: the
    percentage it is (80), also the ratio (0.8); its parts stay for when they, not the
    share, match the other side ("8 of the 10 victims").

    Args:
        found: numbers read from ``text``, in reading order.
        text: the text they were read from.
        between: what stands between the two numbers, matched from the end of the
            first; a group ``tail`` (a counter repeated after the second) extends the
            share's text.
        whole_first: the whole comes first (``10명 중 8명``), not the part ("8 in 10").
    """
    joined: list[Found] = []
    for start, end, number in found:
        if joined and (gap := between.match(text, joined[-1][1])) and gap.end() == start:
            first_start, _, first = joined[-1]
            if _SCORE_BEFORE.search(text, 0, first_start):  # "won 2-1 in 10 innings"
                joined.append((start, end, number))
                continue
            part, whole = (number, first) if whole_first else (first, number)
            if _shares(part, whole):
                end = max(end, gap.end("tail")) if "tail" in gap.groupdict() else end
                percent = 100 * part.value / whole.value
                # "one in three" is reported as 33 percent
                aliases = frozenset({part.value / whole.value, float(round(percent))})
                parts = (replace(first, start=first_start), replace(number, start=start))
                share = Number(percent, text[first_start:end], aliases, unit="share", parts=parts)
                joined[-1] = (first_start, end, share)
                continue
        joined.append((start, end, number))
    return joined


# the second figure of a score or a range, whose part it is
_SCORE_BEFORE = re.compile(r"\d\s?[-–]\s?$")


def join_ranges(
    found: list[Found], text: str, between: re.Pattern[str], tail: re.Pattern[str] | None = None
) -> list[Found]:
    """A range of months ("July-September", "from July to September", ``4~6월``,
    ``7월부터 9월까지``) as one number of kind ``"month"``: its parts are its two ends,
    its value the first.

    Args:
        found: numbers read from ``text``, in reading order.
        text: the text they were read from.
        between: what stands between the two months, matched from the end of the first.
        tail: what the range's text takes after the second (``월``).
    """
    joined: list[Found] = []
    for start, end, number in found:
        first_start, first_end, first = joined[-1] if joined else (0, 0, number)
        gap = between.match(text, first_end) if joined else None
        if gap and gap.end() == start and first.kind == number.kind == "month":
            end = after.end() if tail and (after := tail.match(text, end)) else end
            ends = (replace(first, start=first_start), replace(number, start=start))
            sure = first.confident and number.confident
            months = Number(first.value, text[first_start:end], confident=sure, kind="month")
            joined[-1] = (first_start, end, replace(months, parts=ends))
        else:
            joined.append((start, end, number))
    return joined


def _shares(part: Number, whole: Number) -> bool:
    """Whether ``part`` of ``whole`` can be a share: plain counts, not "3 in 2003"."""
    plain = all(n.kind in ("", "count") and not n.unit for n in (part, whole))
    year = bool(re.fullmatch(r"[12]\d{3}", whole.text))
    return plain and not year and 0 < part.value <= whole.value


def _next_part(first: Found, then: Found, text: str, gap: re.Pattern[str]) -> bool:
    """Whether ``then`` goes on the quantity ``first`` writes, in a smaller unit of its measure."""
    (_, end, a), (start, _, b) = first, then
    return (
        bool(a.unit_text and b.unit_text)
        and not b.parts
        and measure(a.unit) == measure(b.unit) in WRITTEN_IN_PARTS
        and unit_size(a.unit) > unit_size(b.unit)
        and bool(gap.fullmatch(text, end + len(a.unit_text), start))
    )


def parse_digits(text: str) -> float:
    return float(text.replace(",", ""))


def free(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    return all(end <= a or start >= b for a, b in taken)


# a season or a fiscal year over two years, the second in two digits: "the 2026-27
# season", 2026-27 시즌 (27 there is 2027)
_YEAR_END = re.compile(r"(?<!\d)((?:19|20)\d\d)\s?[-–~∼/]\s?$")


def with_year_ends(found: list[Found], text: str) -> list[Found]:
    """Two-digit numbers that end a span of years written from a four-digit one, with
    the year they stand for as an alias."""
    out = []
    for start, end, number in found:
        year = _YEAR_END.search(text[max(0, start - 8) : start])
        if year and len(number.text) == 2 and number.text.isdigit():
            first = int(year.group(1))
            full = first - first % 100 + int(number.text)
            full += 100 if full < first else 0
            number = replace(number, aliases=number.aliases | {float(full)})
        out.append((start, end, number))
    return out
