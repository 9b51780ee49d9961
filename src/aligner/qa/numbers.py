"""The ``number_mismatch`` check: a number changed between source and translation.

Both sides are reduced to numeric values after normalising how each language
writes numbers: thousands separators and decimals, percentages, English number
words and scale words ("forty-two", "3.5 million", "$50bn", "a dozen"), month
names and clock times, Korean units (``3만 5천``, ``12조3천억``, ``5백만``,
``1천200``),
batting averages (``2할6푼8리``), Korean native numerals before a counter
(``세 명``, ``두 번``), counters and hedges stripped (``40여 명`` is 40,
about). The values of a bead are matched as multisets.

What is left over is not yet an error: news translations routinely turn a
weekday into a date (``24일``), convert miles to kilometres, add a won amount
in brackets or spell out what the other side writes as a word. A flag needs a
*substitution*: a confident value left on each side, the two close enough to
be one number changed (one digit typed differently, or the same digits at a
power of ten from each other when one side writes a scale unit such as ``만``
or "million"), and with units of one family (never "75 mph" against
"120km", nor a multiplier against a count). Confident means written with
digits or a scale word and not a bracketed currency conversion; number words,
ordinals, a day of the month whose month the other side does not name, and
Korean native numerals help matching but never raise a flag.

Scraped text loses spaces: a number that two consecutive leftovers of the
other side spell when run together, in either order ("6-36-2" for "6-3
6-2", ``보잉 74730대`` for "30 Boeing 747s"), matches them.

Matching goes from the surest readings to the loosest (an uncertain "one"
never takes the partner of ``1월``). A Latin-script gloss in Korean text
("빌딩 2008(Light+Building 2008)") quotes the source, so its numbers are
checked against every source number instead of taking one each.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from aligner.config import Settings
from aligner.models import Bead, Flag, Severity
from aligner.qa.registry import AlignedDocument, register

__all__ = ["Number", "extract_numbers", "find_number_mismatches", "unmatched_numbers"]

_LANG_NAMES = {"en": "English", "ko": "Korean"}


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

# ---------------------------------------------------------------- shared

# 1,500 / 1500 / 3.5; a comma followed by exactly three digits groups thousands.
_DIGITS = r"\d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?|\d+(?:\.\d+)?"
# An amount opening a bracket is a currency conversion the translator may
# add, drop or round: "(약 500원)", "(£27bn)". Unit conversions ("(49 feet)")
# are told apart by their unit family instead.
_BRACKET_BEFORE = re.compile(r"\(\s*(?:about|some|approximately|약|대략)?\s*[$£€¥]?$", re.I)


def _converted(before: str, after: str) -> bool:
    """A number opening a bracket and not closing it: "(£27bn)", not "(63)"."""
    return bool(_BRACKET_BEFORE.search(before)) and not after.lstrip().startswith(")")


def _unit_family(after: str, units: Sequence[tuple[str, re.Pattern[str]]]) -> str:
    return next((family for family, pattern in units if pattern.match(after)), "")


def _parse_digits(text: str) -> float:
    return float(text.replace(",", ""))


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _format(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.10g}"


def _free(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    return all(end <= a or start >= b for a, b in taken)


# ---------------------------------------------------------------- English

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
_EN_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
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
_ROMANS = {"II": 2, "III": 3, "IV": 4, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "XI": 11, "XII": 12}

# A digit number, with a currency or apostrophe before it and a scale after it.
# "$5m" is money, "5m" a length: the one-letter scales need a currency sign.
_EN_NUMBER = re.compile(
    rf"(?:(?P<cur>[$£€¥])|(?P<apos>(?<![\w'’])['’]))?(?P<num>{_DIGITS}|(?<![\w.])\.\d+)"
    r"(?:(?P<suffix>bn|mn|tn)\b|(?(cur)(?P<letter>[kmb])\b|(?!))"
    r"|\s*(?P<scale>hundred|thousand|million|billion|trillion)\b)?",
    re.I,
)
# "12:26 a.m.", "5 p.m.": the hour is also its 24-hour value (Korean writes 0시, 17시).
_EN_CLOCK = re.compile(r"(?::\d{2})?\s*(?P<half>[ap])\.?m\b", re.I)
# "0715", "1215 GMT": four digits of a clock time are an hour and minutes.
_EN_HHMM = re.compile(
    r"\b(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\b(?=\s*(?:GMT|UTC|ET|EST|EDT|PST|PDT|hours|hrs)\b)"
    r"|(?<![\d.,])\b(?P<h0>0\d)(?P<m0>[0-5]\d)\b"
)
_EN_UNITS_AFTER = (
    ("imperial", re.compile(
        r"[\s-]*(?:square[\s-]+)?(?:miles?|mph|feet|foot|ft|inch(?:es)?|yards?|pounds?|lbs?"
        r"|ounces?|oz|gallons?|acres?|degrees?\s+Fahrenheit|°F)\b", re.I)),
    ("metric", re.compile(
        r"[\s-]*(?:square[\s-]+)?(?:km|kilometers?|kilometres?|m|meters?|metres?|cm|mm|kg"
        r"|kgs?|kms?|kilograms?|grams?|tonnes?|hectares?|m²|degrees?\s+Celsius|°C)\b", re.I)),
    ("times", re.compile(r"\s*(?:times\b|-?fold\b)", re.I)),
)  # fmt: skip
_EN_WORD = re.compile(r"[A-Za-z]+")
_EN_DAYS_AFTER = re.compile(r"[\s-]*days?\b", re.I)
_EN_RUN_GAP = re.compile(r"[\s-]*(?:and\s+)?")
_EN_PLAIN_GAP = re.compile(r"[\s-]*")
# Months need a capital; "May" and "March" count only before a day or year.
_EN_MONTH = re.compile(
    r"\b(?P<name>January|February|April|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.|(?:May|March)(?=\s+\d))"
)
_ROMAN = re.compile(rf"\b(?P<roman>{'|'.join(_ROMANS)})\b")


def _en_context(text: str, start: int, end: int, number: Number) -> Number:
    """Set the unit family and confidence from the words around an English number."""
    before, after = text[max(0, start - 24) : start], text[end : end + 24]
    unit = _unit_family(after, _EN_UNITS_AFTER)
    # a bracketed amount without a unit is a currency conversion
    converted = not unit and _converted(before, after)
    kind = "days" if _EN_DAYS_AFTER.match(after) else number.kind
    return replace(number, unit=unit, kind=kind, confident=number.confident and not converted)


def _en_clock_times(text: str) -> Iterator[Found]:
    for m in _EN_HHMM.finditer(text):
        hour, minute = (m["h"], m["m"]) if m["h"] else (m["h0"], m["m0"])
        yield m.start(), m.start() + 2, Number(float(hour), hour)
        yield m.start() + 2, m.end(), Number(float(minute), minute)


def _en_digit_numbers(text: str, taken: list[tuple[int, int]]) -> Iterator[Found]:
    for m in _EN_NUMBER.finditer(text):
        if not _free(m.start(), m.end(), taken):
            continue
        value = _parse_digits(m["num"])
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
        if clock and value <= 12:
            aliases.add((value % 12) + (12 if clock["half"].lower() == "p" else 0))
        yield m.start(), m.end(), Number(value, m.group(), frozenset(aliases), scaled=scaled)


def _en_word_runs(text: str, taken: list[tuple[int, int]]) -> Iterator[tuple[int, int, list[str]]]:
    """Maximal runs of number words ("forty-two", "two hundred and fifty")."""
    run: list[str] = []
    start = end = -1
    for m in _EN_WORD.finditer(text):
        word = m.group().lower()
        if word == "and" and run:
            continue  # "two hundred and fifty": the gap test below allows it
        numeric = (word in _EN_UNITS or word in _EN_SCALES) and _free(m.start(), m.end(), taken)
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


def _en_word_numbers(text: str, taken: list[tuple[int, int]]) -> Iterator[Found]:
    """Number words; confident only with a scale of a thousand or more."""
    for start, end, words in _en_word_runs(text, taken):
        if words[0] in _EN_SCALES:
            article = re.search(r"\ban?\s+$", text[:start], re.I)
            if not article:
                continue  # "hundred" alone is no count
            words, start = ["one", *words], article.start()
        total, current = 0.0, 0.0
        for word in words:
            if word in _EN_UNITS:
                current = current * 12 if word == "dozen" and current else current + _EN_UNITS[word]
            elif _EN_SCALES[word] == 100:
                current = (current or 1) * 100
            else:
                total, current = total + (current or 1) * _EN_SCALES[word], 0.0
        scaled = any(w in _EN_SCALES and _EN_SCALES[w] >= 1e3 for w in words)
        yield start, end, Number(total + current, text[start:end], confident=scaled, scaled=scaled)


def _en_named_numbers(text: str) -> Iterator[Found]:
    """Months, ordinals and Roman numerals: they only ever help matching, except months."""
    for m in _EN_MONTH.finditer(text):
        month = _EN_MONTHS[m["name"].rstrip(".").lower()]
        yield m.start(), m.end(), Number(month, m["name"], kind="month")
    for m in _EN_WORD.finditer(text):
        if m.group().lower() in _EN_ORDINALS:
            value = _EN_ORDINALS[m.group().lower()]
            yield m.start(), m.end(), Number(value, m.group(), confident=False)
    for m in _ROMAN.finditer(text):
        yield m.start(), m.end(), Number(_ROMANS[m["roman"]], m["roman"], confident=False)


def _extract_en(text: str) -> list[Found]:
    found = list(_en_clock_times(text))
    taken = [(s, e) for s, e, _ in found]
    found += _en_digit_numbers(text, taken)
    taken = [(s, e) for s, e, _ in found]
    found += _en_word_numbers(text, taken)
    found += _en_named_numbers(text)
    # "7:00" is "7시" in Korean: zero minutes are no number of their own
    found = [f for f in found if not (f[2].text == "00" and text[: f[0]].endswith(":"))]
    return [(s, e, _en_context(text, s, e, n)) for s, e, n in found]


# ---------------------------------------------------------------- Korean

_KO_SMALL_UNITS = {"십": 10, "백": 100, "천": 1000}
_KO_BIG_UNITS = {"만": 1e4, "억": 1e8, "조": 1e12}
_KO_PIECE = rf"(?:{_DIGITS})[십백천]?[만억조]?"
# Pieces chain after a big unit ("12조 3천억", "3만 5천", "1만8500") or, with no
# space, after a small one as news agencies write ("1천200", "3만5천200"); never
# after plain digits ("3 4분기" is two numbers). _ko_value checks the order.
_KO_CHAINED_PIECE = rf"(?:{_DIGITS})(?:[십백천]?[만억조]\s?|[십백천](?=\d))"
_KO_NUMBER = re.compile(rf"(?<![\d.,])(?:{_KO_CHAINED_PIECE})*{_KO_PIECE}")
_KO_PIECE_RE = re.compile(rf"(?P<digits>{_DIGITS})(?P<small>[십백천])?(?P<big>[만억조])?")
# "2할6푼8리" is a batting average of .268.
_KO_AVERAGE = re.compile(r"(?P<a>\d)할(?:\s?(?P<b>\d)푼)?(?:\s?(?P<c>\d)리)?")
# "6.15 선언", "9·11 테러": month and day, not a decimal.
_KO_DATE_PAIR = re.compile(
    r"(?<![\d.])(?P<m>1[0-2]|0?[1-9])(?:·(?P<d1>[0-3]?\d)|\.(?P<d2>[0-3]?\d)(?=\s+[가-힣]))"
    r"(?![\d.]|\s*(?:달러|원|유로|엔|파운드|배|명|개|퍼센트|km|kg|m\b|톤|도|년|시간|세|살|위|점|초|분))"
)
# A day of the month without its month: news translations turn "Thursday"
# into "24일", so it proves nothing on its own.
# "10일 앞둔", "15일짜리", "3일 동안" are durations, not dates.
_KO_LONE_DAY = re.compile(
    r"일(?!\s*(?:간|동안|째|씩|짜리|앞|후|전|만|뒤|이내|내|여|가량|남짓|이상|정도))"
)
_KO_MONTH_BEFORE = re.compile(r"월\s*$")
_KO_MONTH_AFTER = re.compile(r"\s?월")
_KO_UNITS_AFTER = (
    ("imperial", re.compile(r"\s*(?:마일|피트|인치|야드|파운드|갤런|에이커|온스)")),
    ("metric", re.compile(
        r"\s*(?:km|㎞|킬로미터|m(?![a-z])|미터|cm|mm|밀리|kg|㎏|킬로그램|그램|톤|㎡|m²|헥타르|℃)")),
    ("times", re.compile(r"\s*배")),
)  # fmt: skip
_KO_AFTERNOON = re.compile(r"오후\s*$")
_KO_YEAR_AFTER = re.compile(r"\s*년")
_KO_NATIVE = {
    "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
    "열": 10, "열한": 11, "열두": 12, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50,
}  # fmt: skip
# Native numerals count only before a counter ("세 명" is three people, "세"
# alone is age, tax or world), and the counter must end the word or take a
# particle ("한 대통령" is not "one vehicle").
_KO_COUNTERS = "명|번|개|가지|마리|살|채|곳|군데|대|권|잔|차례|시간|달|해|사람|척|발|장|벌|켤레|분"
_KO_PARTICLES = "이|가|을|를|은|는|의|에|도|만|씩|째|과|와|으로|로|나|부터|까지|쯤|뿐|이다|였|이었"
_KO_NATIVE_RE = re.compile(
    rf"(?<![가-힣])(?P<word>{'|'.join(sorted(_KO_NATIVE, key=len, reverse=True))})"
    rf"\s?(?:{_KO_COUNTERS})(?=[^가-힣]|$|(?:{_KO_PARTICLES})(?:[^가-힣]|$))"
)


def _ko_value(number_text: str) -> float | None:
    """Evaluate "12조3천억", "3만 5천", "5백만"; ``None`` if the units are out of order."""
    total, group, last_big = 0.0, 0.0, math.inf
    for piece in _KO_PIECE_RE.finditer(number_text):
        value = _parse_digits(piece["digits"])
        if piece["small"]:
            value *= _KO_SMALL_UNITS[piece["small"]]
        group += value
        if piece["big"]:
            big = _KO_BIG_UNITS[piece["big"]]
            if big >= last_big:
                return None
            total += group * big
            group, last_big = 0.0, big
    return total + group


def _ko_context(text: str, start: int, end: int, number: Number) -> Number:
    """Set aliases and confidence from the words around a Korean number."""
    before, after = text[max(0, start - 8) : start], text[end : end + 8]
    lone_day = (
        number.value <= 31 and _KO_LONE_DAY.match(after) and not _KO_MONTH_BEFORE.search(before)
    )
    unit = _unit_family(after, _KO_UNITS_AFTER)
    converted = not unit and _converted(before, after)
    month = 1 <= number.value <= 12 and bool(_KO_MONTH_AFTER.match(after))
    aliases = set(number.aliases)
    if _KO_AFTERNOON.search(before) and number.value < 12:
        aliases.add(number.value + 12)
    if re.fullmatch(r"0\d", number.text) and _KO_YEAR_AFTER.match(after):
        aliases.add(2000 + number.value)  # "08년" is 2008
    return replace(
        number,
        aliases=frozenset(aliases),
        confident=number.confident and not (lone_day or converted),
        kind="day" if lone_day else "month" if month else number.kind,
        unit=unit,
    )


def _ko_special(text: str) -> Iterator[Found]:
    """Batting averages and month.day pairs, read before plain digits."""
    for m in _KO_AVERAGE.finditer(text):
        digits = "".join(d or "0" for d in (m["a"], m["b"], m["c"]))
        yield m.start(), m.end(), Number(int(digits) / 1000, m.group())
    for m in _KO_DATE_PAIR.finditer(text):
        day = "d1" if m["d1"] else "d2"
        yield m.start("m"), m.end("m"), Number(float(m["m"]), m["m"], kind="month")
        yield m.start(day), m.end(day), Number(float(m[day]), m[day])


def _ko_digit_numbers(text: str, taken: list[tuple[int, int]]) -> Iterator[Found]:
    for m in _KO_NUMBER.finditer(text):
        if not _free(m.start(), m.end(), taken):
            continue
        pieces = (
            [m]
            if _ko_value(m.group()) is not None
            else list(_KO_PIECE_RE.finditer(text, m.start(), m.end()))
        )
        for piece in pieces:
            value = _ko_value(piece.group())
            assert value is not None
            scaled = bool(re.search("[만억조]", piece.group()))
            yield piece.start(), piece.end(), Number(value, piece.group().strip(), scaled=scaled)


def _ko_native_numbers(text: str) -> Iterator[Found]:
    for m in _KO_NATIVE_RE.finditer(text):
        yield m.start(), m.end(), Number(_KO_NATIVE[m["word"]], m.group(), confident=False)


# "라이트 앤드 빌딩 2008(Light+Building 2008)": a bracket opening on Latin
# script quotes the source's own words, up to the first Korean letter or the
# comma before a Korean gloss ("(Number 16 Bus Shelter, 16번 버스)").
_KO_GLOSS = re.compile(r"\((?=[A-Za-z])(?:[^()가-힣,]|,(?=\d))*")


def _ko_gloss(text: str, start: int, number: Number) -> Number:
    """Mark a number inside a Latin-script gloss: a copy of the source's number."""
    if any(m.start() < start < m.end() for m in _KO_GLOSS.finditer(text)):
        return replace(number, kind="gloss")
    return number


def _extract_ko(text: str) -> list[Found]:
    found = list(_ko_special(text))
    taken = [(s, e) for s, e, _ in found]
    found += _ko_digit_numbers(text, taken)
    found += _ko_native_numbers(text)
    return [(s, e, _ko_gloss(text, s, _ko_context(text, s, e, n))) for s, e, n in found]


# ---------------------------------------------------------------- matching


def extract_numbers(text: str, lang: str) -> list[Number]:
    """Every number written in ``text``, normalised.

    Args:
        text: a sentence or the joined sentences of one side of a bead.
        lang: ``"en"`` or ``"ko"``; other languages get digits only.

    Returns:
        The numbers in reading order.

    Example:
        >>> [n.value for n in extract_numbers("3만 5천 명이 모였다.", "ko")]
        [35000.0]
    """
    text = html.unescape(text)  # scraped text keeps "&#8212;" and friends
    if lang == "ko":
        found = _extract_ko(text)
    elif lang == "en":
        found = _extract_en(text)
    else:
        found = list(_en_digit_numbers(text, []))
    return [number for _, _, number in sorted(found, key=lambda f: (f[0], f[1]))]


def _decimals(value: float) -> int:
    digits = _digit_string(value)
    return len(digits) - digits.index(".") - 1 if "." in digits else 0


def _rounded_alike(x: float, other: float) -> float:
    """``x`` at the precision of ``other`` when both have decimals ("3.0344" ~ "3.034")."""
    if not (_decimals(x) and _decimals(other)):
        return x
    return round(x, min(_decimals(x), _decimals(other)))


def _matches(a: Number, b: Number) -> bool:
    if any(_same(x, y) for x in a.values for y in b.values):
        return True
    return _same(_rounded_alike(a.value, b.value), _rounded_alike(b.value, a.value))


def _same_kind(a: Number, b: Number) -> bool:
    return (a.kind == "month") == (b.kind == "month")


# Matching goes from the surest readings to the loosest, so that "one of the
# games ... August 8" cannot give "one" the partner of "1월" in "1월 8일". A
# month pairs with a plain number only when both are confident ("September
# 11" and "9/11").
_MATCH_PASSES: tuple[Callable[[Number, Number], bool], ...] = (
    lambda a, b: a.confident and b.confident and _same_kind(a, b),
    _same_kind,
    lambda a, b: a.confident and b.confident,
)


def unmatched_numbers(
    src: Sequence[Number], tgt: Sequence[Number]
) -> tuple[list[Number], list[Number]]:
    """Match two multisets of numbers; return what is left on each side.

    Two numbers match if any of their readings agree, decimals at the
    precision of the shorter one ("3.0344" and "3.034"); a number that two
    consecutive leftovers of the other side spell when written without the
    space between them, in either order ("36" against "3" and "6") matches them. Hedges play no
    part: "about 40" and ``40여`` agree as 40 and 40, while "about 400" and
    ``407여`` are worth a translator's look.

    Args:
        src: the numbers of one side.
        tgt: the numbers of the other side.

    Returns:
        ``(src_left, tgt_left)``.
    """
    src_left, tgt_left = list(src), list(tgt)
    for allowed in _MATCH_PASSES:
        for a in list(src_left):
            partner = next((b for b in tgt_left if allowed(a, b) and _matches(a, b)), None)
            if partner is not None:
                src_left.remove(a)
                tgt_left.remove(partner)
    _drop_glued(src_left, tgt_left)
    _drop_glued(tgt_left, src_left)
    return src_left, tgt_left


def _drop_glued(left: list[Number], other: list[Number]) -> None:
    """Remove numbers that two consecutive leftovers of the other side make when
    written together: scraped text loses spaces, and "6-3 6-2" becomes "6-36-2".
    Word order differs between languages, so the two may come in either order
    ("30 Boeing 747s" against ``보잉 74730대``)."""
    for glued in list(left):
        if not glued.text.isdigit():
            continue
        for a, b in zip(other, other[1:], strict=False):
            joined = (a.text + b.text, b.text + a.text)
            if a.text.isdigit() and b.text.isdigit() and glued.text in joined:
                left.remove(glued)
                other.remove(a)
                other.remove(b)
                break


def _digit_string(value: float) -> str:
    return _format(value).replace(",", "")


def _comparable_units(a: str, b: str) -> bool:
    """Same family, or a unit on one side only; never imperial against metric."""
    return a == b or (not (a and b) and "times" not in (a, b))


def _written_digits(number: Number) -> str:
    """The digits as written ("131.00" stays "131.00"), or of the value if scaled."""
    plain = re.sub(r"[$£€¥,'’]", "", number.text)
    return plain if re.fullmatch(r"\d*\.?\d+", plain) else _digit_string(number.value)


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by changing, adding or dropping one character."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = sorted((a, b), key=len)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def is_substitution(a: Number, b: Number) -> bool:
    """Whether ``b`` looks like ``a`` changed: a one-digit slip or a scale slip.

    Args:
        a: a number left unmatched on one side.
        b: a number left unmatched on the other side.

    Returns:
        True for "1,500" vs "1,600" or "1924" vs "1920"; for "50,000" vs
        ``50만`` (a power of ten up to 10^4 with a scale unit on one side);
        False for unrelated figures such as "75" vs "120".
    """
    if not _comparable_units(a.unit, b.unit):
        return False  # "75 mph" and "120km" are one speed
    if _one_edit_apart(_written_digits(a), _written_digits(b)):
        return True
    if not (a.scaled or b.scaled) or a.value <= 0 or b.value <= 0:
        return False
    exponent = math.log10(max(a.value, b.value) / min(a.value, b.value))
    return _same(exponent, round(exponent)) and 1 <= round(exponent) <= 4


def _describe(number: Number) -> str:
    """The number as written, with its value when the writing hides it ("3만 5천 (35,000)")."""
    plain = re.sub(r"[$£€¥,'’]", "", number.text)
    if plain.replace(".", "", 1).isdigit() and _same(float(plain), number.value):
        return number.text
    return f"{number.text} ({_format(number.value)})"


def _message(pairs: list[tuple[Number, Number]], src_lang: str, tgt_lang: str) -> str:
    src_name = _LANG_NAMES.get(src_lang, src_lang.upper())
    tgt_name = _LANG_NAMES.get(tgt_lang, tgt_lang.upper())
    a, b = pairs[0]
    message = f"number {_describe(a)} in the {src_name} is {_describe(b)} in the {tgt_name}"
    for a, b in pairs[1:]:
        message += f"; {_describe(a)} is {_describe(b)}"
    return message


def _substitutions(src_left: list[Number], tgt_left: list[Number]) -> list[tuple[Number, Number]]:
    """Pair confident leftovers that look like one number changed, each used once."""
    pairs: list[tuple[Number, Number]] = []
    tgt_free = [b for b in tgt_left if b.confident]
    for a in (a for a in src_left if a.confident):
        candidates = [b for b in tgt_free if is_substitution(a, b)]
        if candidates:
            # report the nearest candidate: "70 ... 300" against "50 ... 260" pairs 70 with 50
            b = min(candidates, key=lambda b: abs(math.log10((b.value + 1) / (a.value + 1))))
            pairs.append((a, b))
            tgt_free.remove(b)
    return pairs


def _mistyped_glosses(glosses: list[Number], other: list[Number]) -> list[tuple[Number, Number]]:
    """Numbers of one side's Latin-script glosses that are the other side's mistyped.

    A gloss repeats the other side's words, so each of its numbers is one of
    theirs, whether or not the translation writes it too: "2008" in
    "빌딩 2008(Light+Building 2008)" matches the English's single "2008". A
    gloss number found nowhere on the other side but one digit off one of its
    numbers is that number mistyped.

    Returns:
        ``(other side's number, gloss number)`` pairs.
    """
    pairs = []
    for gloss in glosses:
        if gloss.confident and not any(_matches(a, gloss) for a in other):
            slip = next((a for a in other if a.confident and is_substitution(a, gloss)), None)
            if slip is not None:
                pairs.append((slip, gloss))
    return pairs


def _content(doc: AlignedDocument, bead: Bead, on_src: bool) -> str:
    """A side's text without its boilerplate sentences."""
    side, indices = (doc.src, bead.src) if on_src else (doc.tgt, bead.tgt)
    return " ".join(side.sentences[i].text for i in indices if not side.sentences[i].boilerplate)


def _with_dated_days(numbers: list[Number], other: list[Number]) -> list[Number]:
    """Trust a lone ``24일`` when the other side names a month or counts days."""
    if not any(n.kind in ("month", "days") for n in other):
        return numbers
    return [replace(n, confident=True) if n.kind == "day" else n for n in numbers]


def _bead_flag(doc: AlignedDocument, bead: Bead) -> Flag | None:
    src_text, tgt_text = _content(doc, bead, True), _content(doc, bead, False)
    if not (src_text and tgt_text):
        return None
    src_numbers = extract_numbers(src_text, doc.src.lang)
    tgt_numbers = extract_numbers(tgt_text, doc.tgt.lang)
    src_numbers, tgt_numbers = (
        _with_dated_days(src_numbers, tgt_numbers),
        _with_dated_days(tgt_numbers, src_numbers),
    )
    src_glosses = [n for n in src_numbers if n.kind == "gloss"]
    tgt_glosses = [n for n in tgt_numbers if n.kind == "gloss"]
    src_numbers = [n for n in src_numbers if n.kind != "gloss"]
    tgt_numbers = [n for n in tgt_numbers if n.kind != "gloss"]
    src_left, tgt_left = unmatched_numbers(src_numbers, tgt_numbers)
    pairs = _substitutions(src_left, tgt_left) + _mistyped_glosses(tgt_glosses, src_numbers)
    pairs += [(a, b) for b, a in _mistyped_glosses(src_glosses, tgt_numbers)]
    if not pairs:
        return None
    message = _message(pairs, doc.src.lang, doc.tgt.lang)
    return Flag("number_mismatch", Severity.ERROR, bead.src, bead.tgt, message)


@register("number_mismatch", Severity.ERROR)
def find_number_mismatches(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Paired beads where a number on one side became another number on the other.

    Args:
        doc: the aligned document.
        settings: run settings (unused; the check has no threshold).

    Yields:
        One ``number_mismatch`` flag per bead, naming the changed numbers.
    """
    for bead in doc.beads:
        if bead.src and bead.tgt:
            flag = _bead_flag(doc, bead)
            if flag is not None:
                yield flag
