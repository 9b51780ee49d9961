"""Numbers as English writes them: digits with separators and scale words ("3.5
million", "$50bn"), number words ("forty-two", "a dozen"), counts the article
implies ("a week", "a decade"), ordinals, month names and their ranges, clock times
and Roman numerals."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from aligner.qa.numerals.common import (
    DIGITS,
    MEASURES,
    MIXED_WHOLE,
    SLASH_FRACTION,
    Found,
    Number,
    currency_conversion,
    free,
    join_parts,
    join_ranges,
    join_shares,
    parse_digits,
    read_unit,
    slash_fraction,
    with_year_ends,
    zones_named,
)

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
_EN_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_EN_MULTIPLIERS = frozenset({"twice", "double", "triple"})  # in _EN_ORDINALS, but no place
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20,
    "twice": 2, "double": 2, "triple": 3,
}  # fmt: skip
_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1,
    "feb": 2, "mar": 3, "apr": 4, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_EN_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_ROMANS = {"II": 2, "III": 3, "IV": 4, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "XI": 11, "XII": 12}

_BARE, _END = "(?-i:", r")(?![\w'’-])"  # a capital letter alone, as a unit

# A digit number, with a currency or apostrophe before it and a scale after it.
# "$5m" is money, "5m" a length: the one-letter scales need a currency sign.
_EN_NUMBER = re.compile(
    rf"(?:(?P<cur>[$£€¥])|(?P<apos>(?<![\w'’])['’]))?(?P<num>{DIGITS}|(?<![\w.])\.\d+)"
    r"(?:(?P<suffix>bn|mn|tn)\b|(?(cur)(?P<letter>[kmb])\b|(?!))"
    r"|\s*(?P<scale>hundred|thousand|million|billion|trillion)(?:th)?\b)?",  # "6 millionth"
    re.I,
)

# "12:26 a.m.", "5 p.m.", "12 noon": the hour is also its 24-hour value (Korean writes 0시, 17시).
_EN_CLOCK = re.compile(
    r"(?::\d{2})?\s*(?:(?P<half>[ap])\.?m\b|(?P<noon>noon)\b|(?P<midnight>midnight)\b)", re.I
)
_EN_NOON = re.compile(r"(?<!\d )\b(?:(?P<noon>noon)|(?P<midnight>midnight))\b")  # not "12 noon"

# "0715", "1215 GMT": four digits of a clock time are an hour and minutes.
_EN_HHMM = re.compile(
    r"\b(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\b(?=\s*(?:GMT|UTC|ET|EST|EDT|PST|PDT|hours|hrs)\b)"
    r"|(?<![\d.,])\b(?P<h0>0\d)(?P<m0>[0-5]\d)\b"
)
_EN_AFTER_HOUR = re.compile(r":\d{2}\b")  # "14:30", "7:00"

# Time zones ("10 p.m. ET", "0100 GMT", "Seoul time"); "local time" and an
# unknown "<Place> time" may be any, but not "This time" opening a sentence.
_EN_AT_CLOCK = r"(?:[ap]\.?m\.?|\d)\s*\(?"
_EN_ZONE_TIME = r"(?:\s+(?:Standard|Daylight))?\s+[Tt]ime\b"
_EN_TIME_ZONE = re.compile(
    rf"(?P<eastern>{_EN_AT_CLOCK}E[SD]?T\b|\bEastern{_EN_ZONE_TIME}|\b(?:Washington|New\s+York)\s+time\b)"
    rf"|(?P<central>{_EN_AT_CLOCK}C[SD]?T\b|\bCentral{_EN_ZONE_TIME}|\bChicago\s+time\b)"
    rf"|(?P<mountain>{_EN_AT_CLOCK}M[SD]?T\b|\bMountain{_EN_ZONE_TIME})"
    rf"|(?P<pacific>{_EN_AT_CLOCK}P[SD]?T\b|\bPacific{_EN_ZONE_TIME}|\bLos\s+Angeles\s+time\b)"
    r"|(?P<utc>\b(?:GMT|UTC)\b|\bGreenwich\s+Mean\s+Time\b)"
    r"|(?P<london>\bBST\b|\bLondon\s+time\b)"
    r"|(?P<paris>\bCEST?\b|\b(?:Paris|Berlin|Brussels)\s+time\b)"
    r"|(?P<moscow>\bMoscow\s+time\b)"
    r"|(?P<china>\b(?:Beijing|China|Hong\s+Kong|Taipei)\s+time\b)"
    r"|(?P<korea>\b(?:KST|JST)\b|\b(?:Seoul|Korea|Korean|Pyongyang|Tokyo|Japan)\s+time\b)"
    r"|(?P<local>\blocal\s+time\b|(?:(?<=[a-z,]\s)|\(|(?<=[ap]\.m\.\s))(?:[A-Z][a-z]+\s+)+time\b)"
)
_EN_METRES = r"met(?:er|re)s?"
_EN_UNITS_AFTER = (
    ("imperial", re.compile(
        r"[\s-]*(?:square[\s-]+)?(?:miles?|mph|feet|foot|ft|inch(?:es)?|yards?|pounds?|lbs?"
        r"|ounces?|oz|gallons?|acres?)\b", re.I)),
    ("m³", re.compile(rf"[\s-]*(?:cubic[\s-]+{_EN_METRES}\b|m³)", re.I)),
    ("nm", re.compile(rf"[\s-]*(?:nm|nano{_EN_METRES})\b", re.I)),
    ("µm", re.compile(rf"[\s-]*(?:[µμ]m|micro{_EN_METRES}|microns?)\b", re.I)),
    # energy, power and data: the symbol's case tells (MB is bytes, Mb bits; mW no MW)
    *(
        (unit, re.compile(rf"[\s-]*(?:(?-i:{unit})\b|{words}\b)", re.I))
        for unit, words in (
            ("kWh", r"kilowatt[\s-]hours?"), ("MWh", r"megawatt[\s-]hours?"),
            ("GWh", r"gigawatt[\s-]hours?"), ("TWh", r"terawatt[\s-]hours?"),
            ("Wh", r"watt[\s-]hours?"),
            ("kW", r"kilowatts?"), ("MW", r"megawatts?"), ("GW", r"gigawatts?"), ("W", r"watts?"),
            ("kbps", r"kilobits?\s+per\s+second"), ("Mbps", r"megabits?\s+per\s+second"),
            ("Gbps", r"gigabits?\s+per\s+second"),
            ("kb", r"kilobits?"), ("Mb", r"megabits?"), ("Gb", r"gigabits?"), ("Tb", r"terabits?"),
            ("KB", r"kilobytes?"), ("MB", r"megabytes?"), ("GB", r"gigabytes?"),
            ("TB", r"terabytes?"),
        )
    ),
    ("km²", re.compile(rf"[\s-]*(?:(?:square|sq\.?)[\s-]*(?:km|kilo{_EN_METRES})\b|km²)", re.I)),
    ("m²", re.compile(rf"[\s-]*(?:(?:square|sq\.?)[\s-]*(?:m|{_EN_METRES})\b|m²)", re.I)),
    ("ha", re.compile(r"[\s-]*hectares?\b", re.I)),
    ("km", re.compile(rf"[\s-]*(?:kms?|kilo{_EN_METRES})\b", re.I)),
    ("cm", re.compile(rf"[\s-]*(?:cm|centi{_EN_METRES})\b", re.I)),
    ("mm", re.compile(rf"[\s-]*(?:mm|milli{_EN_METRES})\b", re.I)),
    ("m", re.compile(rf"[\s-]*(?:m|{_EN_METRES})\b", re.I)),
    ("kg", re.compile(r"[\s-]*(?:kgs?|kilograms?|kilos?)\b", re.I)),
    ("µg", re.compile(r"[\s-]*(?:[µμ]g|mcg|micrograms?)\b", re.I)),
    ("mg", re.compile(r"[\s-]*(?:mg|milligrams?)\b", re.I)),
    ("g", re.compile(r"[\s-]*(?:grams?\b|(?-i:g)\b)", re.I)),
    ("t", re.compile(r"[\s-]*(?:metric\s+)?(?:tonnes?|tons?)\b", re.I)),
    ("ml", re.compile(r"[\s-]*(?:ml|millilit(?:er|re)s?)\b", re.I)),
    ("tsp", re.compile(r"[\s-]*(?:tsp|teaspoons?|teaspoonfuls?)\b", re.I)),
    ("tbsp", re.compile(r"[\s-]*(?:tbsp|tablespoons?|tablespoonfuls?)\b", re.I)),
    ("cup", re.compile(r"[\s-]*cups?\b", re.I)),
    ("l", re.compile(r"[\s-]*lit(?:er|re)s?\b", re.I)),
    # a bare capital letter too, as Korean English-language papers write it: "hits 118 F"
    ("fahrenheit", re.compile(rf"[\s-]*(?:degrees?\s+Fahrenheit\b|°\s?F\b|{_BARE}F{_END})", re.I)),
    ("celsius", re.compile(
        rf"[\s-]*(?:degrees?\s+(?:Celsius|centigrade)\b|°\s?C\b|{_BARE}C{_END})", re.I
    )),
    # "three times as large", "-fold": a multiple; "met three times" counts occasions
    ("times", re.compile(
        r"\s*(?:times\b(?=\s+(?:as|more|less|higher|lower|larger|bigger|greater|smaller|faster"
        r"|slower|longer|shorter|cheaper|the|that|than|over|its|their|what)\b)|-?fold\b)", re.I)),
    # bare "degrees": Fahrenheit in American copy, Celsius in British, or an angle
    ("degrees", re.compile(r"[\s-]*(?:degrees?\b|°)", re.I)),
    ("bp", re.compile(r"[\s-]*(?:basis[\s-]+points?|bps?)\b", re.I)),
    ("%p", re.compile(r"[\s-]*percentage[\s-]+points?\b", re.I)),
    ("year", re.compile(r"[\s-]*years?\b", re.I)),
    ("month", re.compile(r"[\s-]*months?\b", re.I)),
    ("week", re.compile(r"[\s-]*weeks?\b", re.I)),
    ("day", re.compile(r"[\s-]*days?\b", re.I)),
    ("hour", re.compile(r"[\s-]*(?:hours?|hrs?)\b", re.I)),
    ("minute", re.compile(r"[\s-]*(?:minutes?|mins?)\b", re.I)),
    ("second", re.compile(r"[\s-]*(?:seconds?|secs?)\b", re.I)),
)  # fmt: skip
# "1 year and 6 months", "2 hours, 15 minutes": one duration in parts
_EN_PARTS_GAP = re.compile(r",?\s+(?:and\s+)?")
# "July-September", "from July to September": a range of months
_EN_RANGE_BETWEEN = re.compile(r"\s*[-–—]\s*|\s+(?:to|through|thru)\s+", re.I)
# "eight in 10", "3 out of 10", "one of every five": a share of a whole
_EN_SHARE_BETWEEN = re.compile(r"\s+(?:in|out\s+of|of\s+every)\s+", re.I)
# "in their 30s" is 30대; "mid-30s" is about 35 (35도, 35세 안팎), as a hedge is
# read as the figure it hedges: an age or temperature inside the decade's part
_EN_DECADE = re.compile(
    r"(?<!['’])\b(?:(?P<part>mid|upper|high|late|lower|low|early)[\s-]+)?(?P<d>[1-9]0)s\b", re.I
)
_EN_DECADE_PARTS = {
    "": (0, 9), "mid": (3, 7), "upper": (7, 9), "high": (7, 9), "late": (7, 9),
    "lower": (0, 3), "low": (0, 3), "early": (0, 3),
}  # fmt: skip
_EN_DECADES_AFTER = re.compile(r"[\s-]+decades?\b", re.I)  # "five decades" is 50년
_EN_MINUS = re.compile(r"(?:\bminus\s+|(?<![\w-])-)$", re.I)
_EN_WORD = re.compile(r"[A-Za-z]+")
_EN_DAYS_AFTER = re.compile(r"[\s-]*days?\b", re.I)
_EN_MONTH_BEFORE = re.compile(rf"\b(?:{'|'.join(map(str.capitalize, _EN_MONTHS))})\.?\s+$")
_EN_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b")  # "3rd", "16th"
# "on the 5th", "by the 21st of this month": a day of the month, as MT gives 5일
_EN_DAY_OF_MONTH = re.compile(
    r"(?:st|nd|rd|th)(?=\s*(?:$|[.,;:)]|of\s+(?:this|last|next|the)\s+month\b|of\s+[A-Z][a-z]+))"
)
_EN_THE_BEFORE = re.compile(r"\b(?:on|by|until|till|since|from|to|before|after)\s+the\s+$", re.I)
# a number that labels a place in a series, as 제N does: "Article 7", "No. 8"
_EN_TALLY_WORDS = re.compile(
    r"\b(?:ruled|rule|voted|vote|votes|passed|approved|adopted|rejected|defeated|decision|majority"
    r"|margin|unanimously|split|verdict)\b",
    re.I,
)
_EN_DASHED = re.compile(r"\d\s?[-–]\s?\d")
_EN_STREAK_AFTER = re.compile(r"\s+(?:straight|consecutive|successive)\b", re.I)
_EN_LABEL_BEFORE = re.compile(
    r"\b(?:Article|Chapter|Section|Clause|Paragraph|No\.|Round|Phase|Stage|Part|Vol\.|Volume)\s*$",
    re.I,
)
# Ordinal words that give no place in a series: compounds ("third-party",
# "first-hand"; "second-largest", "third-place" and "ninth-ranked" rank),
# phrases ("at first", "first lady", "for the first time", "second half",
# "Third World", "per second") and fractions with no noun after them ("cut by a
# third.").
_EN_UNRANKED = re.compile(
    r"\w+-(?!\w+est\b|place\b|ranked\b|quarter\b|half\b|round\b|term\b)\w+|\bat\s+first\b|\bfirst\s+(?:time|lady|of\s+all)\b"
    r"|\b\w+\s+(?:half|hand)\b|\bthird\s+world\b|\bper\s+second\b"
    r"|\ban?\s+\w+(?=\s*(?:[^\w\s-]|$))",
    re.I,
)
_EN_RUN_GAP = re.compile(r"[\s-]*(?:and\s+)?")
_EN_PLAIN_GAP = re.compile(r"[\s-]*")

# Months need a capital and a word end ("Augustus" is a name); "May" and "March"
# count only before a day or year.
_EN_MONTH = re.compile(
    r"\b(?P<name>(?:January|February|April|June|July|August|September|October|November"
    r"|December)\b|(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.|(?:May|March)(?=\s+\d))"
)
# "two-thirds", "a third of", "three quarters of", "half", "2/3", AP style's "6 1/2"
# and "3-1/2" (6½); not "a third straight day" (an ordinal) or "three quarters" of
# a fiscal year
_EN_FRACTION = re.compile(
    r"\b(?P<m>an?|one|two|three|four|five|six|seven|eight|nine)"
    r"(?:-|\s+(?=\w+\s+of\b)|\s+(?=half\b))"
    r"(?P<n>half|halves|(?:third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)s?)\b"
    rf"|\b(?P<half>half)\b|{MIXED_WHOLE}{SLASH_FRACTION}",
    re.I,
)
# a figure multiplied, as sure as 2배, 세 배: "doubled", "threefold"; "halved" is 절반
_EN_MULTIPLES = {
    "doubl": 2, "two": 2, "tripl": 3, "three": 3, "quadrupl": 4, "four": 4, "five": 5,
    "ten": 10, "halv": 0.5,
}  # fmt: skip
_EN_MULTIPLIED = re.compile(
    r"\b(?P<times>doubl|tripl|quadrupl|halv)(?:ed|ing)\b|\b(?P<times2>two|three|four|five|ten)fold\b",
    re.I,
)
_EN_HALF_A_SCALE = re.compile(r"\s+an?\s+(?:hundred|thousand|million|billion|trillion)\b", re.I)
_ROMAN = re.compile(rf"\b(?P<roman>{'|'.join(_ROMANS)})\b")
# "a week earlier", "an hour", "for nearly a decade": a count the article implies, as
# Korean writes it (1주 전, 1시간, 10년 가까이) or not at all ("a year ago" is 지난해)
_EN_ARTICLE_COUNTS = {
    "day": (1, "day"), "week": (1, "week"), "month": (1, "month"), "year": (1, "year"),
    "hour": (1, "hour"), "decade": (10, "year"), "century": (100, "year"),
}  # fmt: skip
_EN_ARTICLE_COUNT = re.compile(
    rf"\b(?P<a>an?)(?P<unit>\s+(?P<word>{'|'.join(_EN_ARTICLE_COUNTS)}))\b", re.I
)


def _en_context(text: str, start: int, end: int, number: Number) -> Number:
    """Set the unit family and confidence from the words around an English number."""
    before, after = text[max(0, start - 24) : start], text[end : end + 24]
    # the minutes of a clock time are no duration: "21:30 hours"
    unit, written = read_unit(after, _EN_UNITS_AFTER) if before[-1:] != ":" else ("", "")
    unit = unit or number.unit  # "doubled" multiplies, a race time is seconds
    # a bracketed amount without a unit is a currency conversion
    converted = not unit and currency_conversion(before, after)
    # "minus 4 degrees" against "영하 20도"
    below_zero = unit in ("fahrenheit", "celsius", "degrees") and _EN_MINUS.search(before)
    aliases = number.aliases | {-number.value} if below_zero else number.aliases
    if _EN_DECADES_AFTER.match(after):
        aliases |= {number.value * 10}
    kind = "days" if _EN_DAYS_AFTER.match(after) else number.kind
    if not kind and number.value <= 31 and _EN_MONTH_BEFORE.search(before):
        kind = "date"  # "Oct. 3"
    if not kind and number.value <= 24 and _EN_AFTER_HOUR.match(after):
        kind = "clock"
    in_series = _EN_ORDINAL_AFTER.match(after) or _EN_LABEL_BEFORE.search(before)
    if not kind and number.value <= 31 and _EN_THE_BEFORE.search(before):
        kind = "date" if _EN_DAY_OF_MONTH.match(after) else kind
    if not kind and number.text[-1:].isdigit() and in_series:
        kind = "ordinal"
    # a vote's or a court's tally ("ruled 6-3", "passed 250-0", "a 53-47 majority") says
    # who decided, not figures Korean must give as such (9명 중 6명, 전원 찬성)
    tally = (
        number.value < 1000  # not a year range beside "the decision" (2019-2023)
        and _EN_TALLY_WORDS.search(before + " " + after)
        and _EN_DASHED.search(before[-2:] + number.text + after[:2])
    )
    confident = number.confident and not converted and not tally
    unit_text = written if unit in MEASURES else ""
    return replace(
        number, aliases=aliases, unit=unit, kind=kind, confident=confident, unit_text=unit_text
    )


def _en_clock_times(text: str) -> Iterator[Found]:
    for m in _EN_HHMM.finditer(text):
        hour, minute = (m["h"], m["m"]) if m["h"] else (m["h0"], m["m0"])
        yield m.start(), m.start() + 2, Number(float(hour), hour, kind="clock")
        yield m.start() + 2, m.end(), Number(float(minute), minute)


def time_zones_en(text: str) -> frozenset[int]:
    return zones_named(_EN_TIME_ZONE, text)


def digit_numbers(text: str, taken: list[tuple[int, int]]) -> Iterator[Found]:
    for m in _EN_NUMBER.finditer(text):
        if not free(m.start(), m.end(), taken):
            continue
        value = parse_digits(m["num"])
        aliases: set[float] = set()
        suffix, scale = m["suffix"] or m["letter"], m["scale"]
        scaled = False
        if suffix:
            value, scaled = value * _EN_SUFFIXES[suffix.lower()], True
        elif scale:
            value, scaled = value * _EN_SCALES[scale.lower()], scale.lower() != "hundred"
        if m["apos"] and len(m["num"]) == 2:
            aliases = {1900 + value, 2000 + value}  # '08 is 2008 (or 1908)
        clock = _EN_CLOCK.match(text, m.end())
        kind = ""
        # not the minutes of "7:10 a.m."
        if clock and value <= 12 and text[m.start() - 1 : m.start()] != ":":
            kind = _half_of_day(clock)
            aliases.add((value % 12) + (12 if kind == "pm" else 0))
        number = Number(value, m.group(), frozenset(aliases), scaled=scaled, kind=kind)
        yield m.start(), m.end(), number


def _half_of_day(clock: re.Match[str]) -> str:
    """``"am"`` or ``"pm"`` from an ``_EN_CLOCK`` or ``_EN_NOON`` match."""
    if clock["noon"] or clock["midnight"]:
        return "pm" if clock["noon"] else "am"
    return clock["half"].lower() + "m"


def _en_decades(text: str) -> Iterator[Found]:
    for m in _EN_DECADE.finditer(text):
        decade = int(m["d"])
        low, high = _EN_DECADE_PARTS[(m["part"] or "").lower()]
        inside = frozenset(float(decade + k) for k in range(low, high + 1))
        yield m.start(), m.end(), Number(float(decade), m.group(), inside)


def _en_fractions(text: str) -> Iterator[Found]:
    for m in _EN_FRACTION.finditer(text):
        if m["sm"] or m["vulgar"]:
            value = slash_fraction(m)
            start = m.start("whole" if m["whole"] else "vulgar" if m["vulgar"] else "sm")
            if value is not None:
                yield start, m.end(), Number(value, text[start : m.end()])
            continue
        if m["half"]:
            if not _EN_HALF_A_SCALE.match(text, m.end()):  # "half a million" is one number
                yield m.start(), m.end(), Number(0.5, m.group(), confident=False)
            continue
        numerator = 1 if m["m"].lower() in ("a", "an") else _EN_UNITS[m["m"].lower()]
        plural = m["n"].lower()
        denominator = _EN_DENOMINATORS.get(plural) or _EN_DENOMINATORS[plural.removesuffix("s")]
        value = numerator / denominator
        # "a third of", "two-thirds" are shares as sure as 3분의 1; "half" is also a half
        sure = denominator > 2
        yield m.start(), m.end(), Number(value, m.group(), confident=sure)


def _en_word_runs(text: str, taken: list[tuple[int, int]]) -> Iterator[tuple[int, int, list[str]]]:
    """Maximal runs of number words ("forty-two", "two hundred and fifty")."""
    run: list[str] = []
    start = end = -1
    for m in _EN_WORD.finditer(text):
        word = m.group().lower()
        if word == "and" and run:
            continue  # "two hundred and fifty": the gap test below allows it
        numeric = (word in _EN_UNITS or word in _EN_SCALES) and free(m.start(), m.end(), taken)
        # "and" continues a number only after a scale: "two hundred and fifty",
        # not "forty-two and twenty-one"
        gap = _EN_RUN_GAP if run and run[-1] in _EN_SCALES else _EN_PLAIN_GAP
        if run and not (numeric and gap.fullmatch(text, end, m.start())):
            yield start, end, run
            run = []
        if numeric:
            start = m.start() if not run else start
            run.append(word)
            end = m.end()
    if run:
        yield start, end, run


# What may follow a number word that counts nothing: "two or three", "the two met"
_EN_NOT_COUNTED = frozenset(
    "and or to of in on at by for from with as than more less is are was were be been "
    "have has had will would could should may might can did do does said says say also still "
    "both each all who whom which that this these those it its they them we us he him she "
    "her you i a an the apiece o'clock percent per but if when while after before then so "
    "not no nor".split()
)
_EN_COUNTED_AFTER = re.compile(r"(?:-|\s+)(?P<word>[A-Za-z]+)")
_EN_OF_GROUP = re.compile(r"\s+of\s+(?:them|us|you|those|these|whom|the)\b", re.I)


def _in_a_name(text: str, start: int) -> bool:
    """Capitalised inside a sentence: "the Big Three", "Third World"."""
    return text[start].isupper() and text[:start].rstrip()[-1:] not in ("", ".", '"', "“", "(")


def _counts_something(text: str, start: int, end: int, words: list[str]) -> bool:
    """Whether a number word from two up counts the noun after it ("seven people",
    "three of them", "five-year"): as sure as digits, in AP copy that spells out one
    to nine. Not "one" or "a dozen", and not a name ("the Big Three")."""
    tens_and_unit = len(words) == 2 and _EN_UNITS[words[0]] in range(20, 100, 10)
    if not (len(words) == 1 or tens_and_unit) or words in (["zero"], ["one"], ["dozen"]):
        return False  # not "fifty-fifty", "one" or "a dozen"
    if _in_a_name(text, start):
        return False
    if _EN_OF_GROUP.match(text, end):
        return True
    after = _EN_COUNTED_AFTER.match(text, end)
    if not after:
        return False
    word = after["word"].lower()
    # "twenty-first" is an ordinal, "three seriously" counts no noun
    number_word = word in _EN_UNITS or word in _EN_ORDINALS
    return word not in _EN_NOT_COUNTED and not word.endswith("ly") and not number_word


def _en_word_numbers(text: str, taken: list[tuple[int, int]]) -> Iterator[Found]:
    """Number words; confident with a scale of a thousand or more, or counting a noun."""
    for start, end, words in _en_word_runs(text, taken):
        half = 1.0
        if words[0] in _EN_SCALES:
            article = re.search(r"\b(?P<half>half\s+)?an?\s+$", text[:start], re.I)
            if not article:
                continue  # "hundred" alone is no count
            words, start = ["one", *words], article.start()
            half = 0.5 if article["half"] else 1.0
        total, current = 0.0, 0.0
        for word in words:
            if word in _EN_UNITS:
                current = current * 12 if word == "dozen" and current else current + _EN_UNITS[word]
            elif _EN_SCALES[word] == 100:
                current = (current or 1) * 100
            else:
                total, current = total + (current or 1) * _EN_SCALES[word], 0.0
        scaled = any(w in _EN_SCALES and _EN_SCALES[w] >= 1e3 for w in words)
        confident = scaled or _counts_something(text, start, end, words)
        value = (total + current) * half
        yield start, end, Number(value, text[start:end], confident=confident, scaled=scaled)


def _en_named_numbers(text: str, taken: list[tuple[int, int]]) -> Iterator[Found]:
    """Months, noon and midnight, ordinals and Roman numerals: ordinals and Roman
    numerals only help matching, except an ordinal against another place in a series."""
    for m in _EN_MONTH.finditer(text):
        month = _EN_MONTHS[m["name"].rstrip(".").lower()]
        yield m.start(), m.end(), Number(month, m["name"], kind="month")
    for m in _EN_NOON.finditer(text):
        hour = Number(12, m.group(), frozenset({12 if m["noon"] else 0}), kind=_half_of_day(m))
        yield m.start(), m.end(), hour
    unranked = [m.span() for m in _EN_UNRANKED.finditer(text)]
    for m in _EN_WORD.finditer(text):
        word = m.group().lower()
        if word in _EN_ORDINALS and free(m.start(), m.end(), taken):
            ranks = word not in _EN_MULTIPLIERS and not _in_a_name(text, m.start())
            kind = "ordinal" if ranks and free(m.start(), m.end(), unranked) else ""
            # "a third straight meeting" is as sure a count as 네 차례 연속
            streak = bool(kind and _EN_STREAK_AFTER.match(text, m.end()))
            number = Number(_EN_ORDINALS[word], m.group(), confident=streak, kind=kind)
            yield m.start(), m.end(), number
    for m in _ROMAN.finditer(text):
        yield m.start(), m.end(), Number(_ROMANS[m["roman"]], m["roman"], confident=False)
    for m in _EN_MULTIPLIED.finditer(text):
        if free(m.start(), m.end(), taken):
            times = _EN_MULTIPLES[(m["times"] or m["times2"]).lower()]
            unit = "" if times < 1 else "times"  # halved is 절반, 2배 is twice
            yield m.start(), m.end(), Number(times, m.group(), unit=unit)


def _en_article_counts(text: str, taken: list[tuple[int, int]]) -> Iterator[Found]:
    """Counts the article implies: never sure, and matching only a number of their
    measure (``1주``, ``7일``; see :class:`Number`)."""
    for m in _EN_ARTICLE_COUNT.finditer(text):
        value, unit = _EN_ARTICLE_COUNTS[m["word"].lower()]
        if free(m.start(), m.end(), taken):
            # "a year" is written in its unit and may go on ("a year and six months")
            written = m["unit"] if unit == m["word"].lower() else ""
            count = Number(value, m["a"], confident=False, kind="implied", unit=unit)
            yield m.start(), m.end("a"), replace(count, unit_text=written)


# a race time, minutes, seconds and their fraction: "1:08.21" is 68.21 seconds
_EN_RACE_TIME = re.compile(r"(?<![\d:.])(\d{1,2}):([0-5]\d)\.(\d{1,3})(?![\d:])")


def _en_race_times(text: str) -> Iterator[Found]:
    for m in _EN_RACE_TIME.finditer(text):
        seconds = int(m[1]) * 60 + int(m[2]) + int(m[3]) / 10 ** len(m[3])
        yield m.start(), m.end(), Number(round(seconds, 3), m.group(), unit="second")


# a relay: "4x200m" is the 800m Korean calls it (계영 800m)
_EN_RELAY = re.compile(
    r"\b([2-9])\s?(?:[x×]|-by-)\s?(\d{2,4})\s?(?:m\b|-?met(?:er|re)s?\b|(?=\s+(?:relay|freestyle|medley)))",
    re.I,
)


def _en_relays(text: str) -> Iterator[Found]:
    for m in _EN_RELAY.finditer(text):
        legs, leg = int(m[1]), float(m[2])
        yield m.start(), m.end(), Number(legs * leg, m.group().strip(), unit="m")


def extract_en(text: str) -> list[Found]:
    found = list(_en_race_times(text)) + list(_en_relays(text))
    taken = [(s, e) for s, e, _ in found]
    found += [f for f in _en_clock_times(text) if free(f[0], f[1], taken)]
    found += _en_decades(text)
    taken = [(s, e) for s, e, _ in found]
    found += [f for f in _en_fractions(text) if free(f[0], f[1], taken)]
    taken = [(s, e) for s, e, _ in found]
    found += digit_numbers(text, taken)
    taken = [(s, e) for s, e, _ in found]
    found += _en_word_numbers(text, taken)
    found += _en_named_numbers(text, taken)
    # "7:00" is "7시" in Korean: zero minutes are no number of their own
    found = [f for f in found if not (f[2].text == "00" and text[: f[0]].endswith(":"))]
    found = [(s, e, _en_context(text, s, e, n)) for s, e, n in found]
    found += _en_article_counts(text, [(s, e) for s, e, _ in found])
    found = join_parts(sorted(found, key=lambda f: f[:2]), text, _EN_PARTS_GAP)
    found = join_shares(found, text, _EN_SHARE_BETWEEN, whole_first=False)
    return with_year_ends(join_ranges(found, text, _EN_RANGE_BETWEEN), text)
