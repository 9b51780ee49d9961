"""The ``number_mismatch`` check: a number changed between source and translation.

Both sides are reduced to numeric values by ``aligner.qa.numerals``, which
normalises how each language writes numbers: thousands separators and decimals,
percentages, English number words and scale words ("forty-two", "3.5 million",
"$50bn", "a dozen"), month names and clock times, fractions ("two-thirds",
"2/3", ``3분의 2``, ``절반``, "6 1/2" and ``6.5``), Korean units (``3만 5천``,
``12조3천억``, ``5백만``, ``1천200``), batting averages (``2할6푼8리``), Korean
native numerals before a counter (``세 명``, ``두 번``, ``열아홉 살``), counters and
hedges stripped (``40여 명`` is 40, about), a share of a whole as the percentage it
makes ("eight in 10", ``10명 중 8명`` and "80 percent"), a decade as any figure
inside it ("mid-30s" and ``35세``), a range of months as a range ("July-September"
and ``7~9월``), a minute of a football match's second half or extra time as the
minute of the match (``후반 27분`` is the 72nd minute, ``후반 추가시간 3분`` the 93rd),
``1∼3분기`` as nine months, a
figure written with a scale word as what rounds to it ("35.8 million" and ``3천577만``).
A count implied by a word
("a week", "a decade", the 兩 of ``양당``) matches only a number that writes it out
(``1주``, ``10년``, "the two parties") and needs no partner.
The values of a bead are matched as multisets; a temperature in
Fahrenheit also matches its conversion to Celsius within a degree ("95 degrees"
and ``35도``; a bare "degrees" or ``도`` may be either scale), a quantity in
units that convert exactly matches its value in another unit of its measure
(``numerals.MEASURES``: "2.21 meters" and ``221㎝``, "12 months" and ``1년``,
"25 basis points" and ``0.25%포인트``), and clock times match as times of day
("7 p.m." is ``19시`` and ``저녁 7시``, not ``오전 7시``). A duration written in
parts is one value (``1년 6개월`` is 18 months); one that matches nothing whole
is read as its parts if one of them matches ("21:30" against ``21시간 30분``).
A wire dateline is left out: one edition drops it.

What is left over is not yet an error: news translations routinely turn a
weekday into a date (``24일``), convert miles to kilometres or a clock time to
Korea time, add a won amount in brackets or spell out what the other side
writes as a word (but the other end of a range the other side gives one end of,
"3 to 5 percent" and ``5%``, is a range cut). A flag needs a
*substitution*: a confident value left on each side, the two close enough to
be one number changed (one digit typed differently, two neighbouring digits
swapped, the same digits at a power of ten from each other when one side
writes a scale unit such as ``만`` or "million", or one of ``만``, ``억``, ``조``
written for another: ``1조2천만`` against "1.2 trillion" is ``1조2천억``; in units
that convert, as either side would write the other: "18 months" is ``1년 6개월``,
so ``1년 8개월`` is one digit off; any two months, "June" and ``10월``), and with
units of one family (never "75 mph" against "120km", nor a multiplier against a
count). Confident
means written with digits or a scale word, or an English number word from two
up that counts the noun after it ("seven people", "three of them": AP style
spells out one to nine), and not a bracketed currency conversion (a share or an
age in brackets is the sentence's own); other number words ("one", "a dozen"),
a day of the month whose month the other side does not name, and Korean native
numerals from one to nine help matching but never raise a flag (with tens,
``열한 살``, or counting people from two up, ``세 명``, they are as sure as
digits), nor do ordinals in words and
``제N`` (``제1야당``) but against another place in a series ("finished third"
and ``4위``, "third straight" and ``4연승``). A clock time in the other half of
the day is one changed ("7:10 a.m." and ``오후 7시 10분``), one that differs
from the other side's by the offset between the time zones the sides name is
not ("10 p.m. ET" and ``한국시간 오전 11시``), nor is the day of the month it
carries across midnight ("2 p.m. ET on Sept. 18" and ``한국시간 19일 오전 3시``);
a zone named without its offset
("local time", ``현지시간``) excuses any clock time.

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
from dataclasses import replace

from aligner.config import Settings, language_name
from aligner.models import Bead, Flag, Severity, Span
from aligner.qa.currency import amount_currency, amount_word
from aligner.qa.holders import (
    changed_casualties,
    changed_children,
    changed_split,
    changed_tally,
    swapped_holders,
)
from aligner.qa.numerals import ANY_ZONE, LOCAL, Number, extract_numbers, time_zones
from aligner.qa.numerals.common import MEASURES, VULGAR_FRACTIONS, measure, unit_size
from aligner.qa.numerals.korean import unit_slips
from aligner.qa.registry import AlignedDocument, register
from aligner.qa.scores import reversed_change, reversed_score
from aligner.qa.spans import SideText
from aligner.segment import strip_dateline

__all__ = [
    "Number",
    "bead_numbers",
    "extract_numbers",
    "find_number_mismatches",
    "is_substitution",
    "matched_numbers",
    "number_spans",
    "unmatched_numbers",
]


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _format(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.10g}"


def _decimals(value: float) -> int:
    digits = _digit_string(value)
    return len(digits) - digits.index(".") - 1 if "." in digits else 0


def _rounded_alike(x: float, other: float) -> float:
    """``x`` at the precision of ``other`` when both have two decimals or more
    ("3.0344" ~ "3.034"; a rate of "3.25" percent is not "3.2%")."""
    if min(_decimals(x), _decimals(other)) < 2:
        return x
    return round(x, min(_decimals(x), _decimals(other)))


def _matches(a: Number, b: Number) -> bool:
    if not (_writes_out(a, b) and _writes_out(b, a)):
        return False
    if a.is_range or b.is_range:  # "July-September" is 7~9월, and no single month
        return a.is_range and b.is_range and all(map(_matches, a.parts, b.parts))
    if _hours(a) and _hours(b):  # times of day: "7 a.m." is not ``오후 7시``
        return bool(_hours(a) & _hours(b))
    if _convertible(a, b):
        return any(_same(x, b.value) for x in _in_units_of(a, b))
    if any(_same(x, y) for x in a.values for y in b.values) or _same_temperature(a, b):
        return True
    if _rounds_to(a, b.value) or _rounds_to(b, a.value):
        return True
    return _same(_rounded_alike(a.value, b.value), _rounded_alike(b.value, a.value))


# a figure written as a few digits and a scale word: "35.8 million", "$3.5bn", ``1.5억``
_SCALED_FIGURE = re.compile(
    r"[^\d]*(?P<digits>\d+(?:\.\d+)?)\s*(?:million|billion|trillion|[mb]n|tn|[kmb]|[만억조])\W*",
    re.I,
)


def _rounds_to(rounded: Number, exact: float) -> bool:
    """Whether ``exact`` rounds to ``rounded`` at the precision it is written to: wire
    copy gives "35.8 million" for ``3천577만``, ``1.5억`` for "148 million"."""
    written = _SCALED_FIGURE.fullmatch(rounded.text) if rounded.scaled else None
    if written is None or not exact:
        return False
    mantissa = float(written["digits"])
    decimals = len(written["digits"].partition(".")[2])
    step = rounded.value / mantissa * 10.0**-decimals if mantissa else 0.0
    # half rounds up, as wire copy does: 125만 is "1.3 million"
    return abs(exact - rounded.value) <= step / 2 + 1e-9 * step


def _writes_out(implied: Number, other: Number) -> bool:
    """Whether ``other`` can be the count ``implied`` implies, if it is one: "a week" is
    a number of its measure (``1주``, ``7일``), not the 1 of ``1%``; ``양당`` a number
    word ("the two parties"), not the 2 of "2 percent"."""
    if implied.kind != "implied":
        return True
    if implied.unit:
        return measure(implied.unit) == measure(other.unit)
    return other.text[:1].isalpha() and not other.unit


def _convertible(a: Number, b: Number) -> bool:
    """Two units of one measure that translators convert exactly ("2.21 meters" and
    ``221㎝``, "18 months" and ``1년 6개월``): compared by value, not as written."""
    converted = all(unit.rpartition("+")[2] in MEASURES for unit in (a.unit, b.unit))
    return converted and a.unit != b.unit and measure(a.unit) == measure(b.unit)


def _in_units_of(a: Number, b: Number) -> list[float]:
    """The values of ``a`` in the (last) unit of ``b``."""
    return [x * unit_size(a.unit) / unit_size(b.unit) for x in a.values]


def _same_temperature(a: Number, b: Number) -> bool:
    """One temperature in Fahrenheit and in Celsius, within the degree a conversion
    rounds to ("95 degrees" is ``35도``), or 2.5% of an oven's heat, which a recipe rounds
    to its dial ("400 F" is ``200도``, 204.4). A bare "degrees" may be either scale."""
    return any(
        abs((f - 32) * 5 / 9 - c) <= max(1.0, 0.025 * abs(c))
        for fahrenheit, celsius in ((a, b), (b, a))
        if fahrenheit.unit in ("fahrenheit", "degrees") and celsius.unit in ("celsius", "degrees")
        for f in fahrenheit.values
        for c in celsius.values
    )


_CLOCK = ("am", "pm", "clock")


def _counts_no_hours(number: Number) -> bool:
    """A count or a measure other than time: "21:30 hours" written ``21시간 30분`` is still
    one figure of hours, and a slip in it a slip."""
    if number.unit:
        return measure(number.unit) != "time"
    return number.kind == "count"


def _same_kind(a: Number, b: Number) -> bool:
    if {a.kind, b.kind} == {"ordinal", "day"}:  # "the 12th straight month" is no 1일
        return False
    # a count is no day of the month: "nine people were killed" is not the 9일 of
    # ``9일 새벽 … 7명이 숨졌다`` (a toll that happens to equal the date)
    if {a.kind, b.kind} == {"", "day"}:
        return False
    if _hour_and_count(a, b):
        return False
    return (a.kind == "month") == (b.kind == "month")


def _both_hours_or_not(a: Number, b: Number) -> bool:
    return (a.kind in _CLOCK) == (b.kind in _CLOCK)


def _hour_and_count(a: Number, b: Number) -> bool:
    """An hour of the day and a count or measure: "8:07 p.m." is no ``2년``, "7:42 a.m."
    no "14 of the 198" (7%): an hour of the day counts nothing."""
    return any(
        x.kind in _CLOCK and y.kind not in _CLOCK and _counts_no_hours(y)
        for x, y in ((a, b), (b, a))
    )


def _month_and_day(a: Number, b: Number) -> bool:
    """A month and a day of a month: "Nov." is no 11일, though both read 11."""
    return {a.kind, b.kind} in ({"month", "day"}, {"month", "date"})


def _countable(a: Number, b: Number) -> bool:
    """Whether ``a`` and ``b`` could be one count changed: a number word counts things,
    so its partner must count something too (``8명``, ``징역 6년``), not be a day
    ("the two leaders met in early June": ``6월 4일``) or a name (``6자회담``). A
    Korean native numeral counts with its counter: "at 19" is ``열아홉 살``."""
    return not any(
        x.text[:1].isalpha()
        and x.kind not in ("month", "am", "pm")
        and x.unit != "share"  # "eight in 10" is 80 percent
        and y.text[:1].isdigit()
        and not _in_words(y)  # "a third" is 3분의 1
        and y.kind not in ("count", "ordinal", *([""] if x.kind == "count" else []))
        for x, y in ((a, b), (b, a))
    )


def _sure(a: Number, b: Number) -> bool:
    """Whether ``a`` and ``b`` are sure enough to be one number changed: both
    confident, or two places in a series ("third" and ``4위``, "3rd" and
    ``제2차``), which are sure of each other though not of a plain number."""
    return (a.confident and b.confident) or a.kind == b.kind == "ordinal"


# Matching goes from the surest readings to the loosest, so that "one of the
# games ... August 8" cannot give "one" the partner of "1월" in "1월 8일". A
# month pairs with a plain number only when both are confident ("September
# 11" and "9/11"), never with a day. A day of a month pairs with a day first: the 3 of "7-3 on
# Oct. 3" is not that of ``10월 3일``.
_MATCH_PASSES: tuple[Callable[[Number, Number], bool], ...] = (
    lambda a, b: a.kind == b.kind == "date",
    # an hour of the day with an hour first: the "12" of "12 more hospitals" is no 자정
    lambda a, b: a.confident and b.confident and _same_kind(a, b) and _both_hours_or_not(a, b),
    lambda a, b: a.confident and b.confident and _same_kind(a, b),
    _same_kind,
    lambda a, b: (
        a.confident and b.confident and not (_month_and_day(a, b) or _hour_and_count(a, b))
    ),
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
    src_left, tgt_left = _matched_away(list(src), list(tgt))
    # one after the other: a side read in parts may show the other's parts ("2 hours 33
    # minutes, 41 seconds behind" / ``2시간33분 만에 ... 41초 뒤졌다``)
    src_left = _in_parts(src_left, tgt_left)
    tgt_left = _in_parts(tgt_left, src_left)
    src_left, tgt_left = _matched_away(src_left, tgt_left)
    _drop_glued(src_left, tgt_left)
    _drop_glued(tgt_left, src_left)
    return src_left, tgt_left


def matched_numbers(src: Sequence[Number], tgt: Sequence[Number]) -> list[tuple[Number, Number]]:
    """The pairs of equal numbers that :func:`unmatched_numbers` matches first: one
    number of each side, each used once, from the surest readings to the loosest.

    Args:
        src: the numbers of one side.
        tgt: the numbers of the other side.

    Returns:
        ``(src number, tgt number)`` pairs, in the order they were matched.
    """
    return _match(list(src), list(tgt))


def _match(src_left: list[Number], tgt_left: list[Number]) -> list[tuple[Number, Number]]:
    """Remove the pairs that match from both lists, pass by pass; return them."""
    pairs = []
    for allowed in _MATCH_PASSES:
        for a in list(src_left):
            partner = next((b for b in tgt_left if allowed(a, b) and _matches(a, b)), None)
            if partner is not None:
                src_left.remove(a)
                tgt_left.remove(partner)
                pairs.append((a, partner))
    return pairs


def _matched_away(
    src_left: list[Number], tgt_left: list[Number]
) -> tuple[list[Number], list[Number]]:
    """Remove the pairs that match, pass by pass; return what is left on each side."""
    _match(src_left, tgt_left)
    return src_left, tgt_left


def _in_parts(left: list[Number], other: Sequence[Number]) -> list[Number]:
    """``left`` with a quantity in parts that is left over read as its parts if one of
    them matches a leftover of ``other``: "21:30" against ``21시간 30분``, "10 years,
    5 months later" against ``10년 ... 5개월``, but not "18 months" against ``1년 8개월``.
    A range of months is read as its two months unless ``other`` has a range left:
    "July-September" against ``7월과 9월`` or ``6월``, not against ``4~6월``."""
    ranges = any(b.is_range for b in other)

    def apart(n: Number) -> bool:
        if n.is_range and not ranges:
            return True
        return any(_matches(p, b) for p in n.parts for b in other)

    return [part for n in left for part in (n.parts if apart(n) else (n,))]


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
            # a day of the month is never glued: "1일 5명" is no "15"
            dated = "day" in (a.kind, b.kind)
            if a.text.isdigit() and b.text.isdigit() and glued.text in joined and not dated:
                left.remove(glued)
                other.remove(a)
                other.remove(b)
                break


def _digit_string(value: float) -> str:
    return _format(value).replace(",", "")


def _comparable_units(a: str, b: str) -> bool:
    """One measure or family, or a unit on one side only; never imperial against
    metric, length against mass, nor Fahrenheit against Celsius (a bare "degrees"
    may be either)."""
    temperatures = {a, b} <= {"fahrenheit", "celsius", "degrees"} and "degrees" in (a, b)
    same = measure(a) == measure(b)
    return same or temperatures or (not (a and b) and "times" not in (a, b))


def _written_digits(number: Number) -> str:
    """The digits as written ("131.00" stays "131.00", ``1년 6개월`` is "16"), or of
    the value if the writing hides it."""
    if number.parts and number.unit != "share":
        return "".join(_written_digits(part) for part in number.parts)
    plain = re.sub(r"[$£€¥,'’]", "", number.text)
    if re.fullmatch(r"\d*\.?\d+", plain) and _same(float(plain), number.value):
        return plain
    return _digit_string(number.value)  # "3만 5천", and "1.5" for ``1년 반``


def _digits_in_units_of(a: Number, b: Number) -> str:
    """The digits ``a`` is written with in the units of ``b``: 18 months in years and
    months is "16" (1 and 6), 1.2 km in metres "1200"."""
    units = b.unit.split("+")
    left = a.value * unit_size(a.unit)  # in the measure's base unit
    digits = ""
    for unit in units[:-1]:
        whole = math.floor(left / unit_size(unit) + 1e-9)
        digits += str(whole) if whole or digits else ""
        left -= whole * unit_size(unit)
    return digits + _digit_string(round(left / unit_size(units[-1]), 9))


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by changing, adding or dropping one character, or
    by swapping two neighbours ("304" and "340")."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            i = diff[0]
            return a[i : i + 2] == b[i + 1] + b[i]
        return len(diff) <= 1
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
        for "1.2 trillion" vs ``1조2천만`` (``1조2천억`` with 억 written 만);
        for "18 months" vs ``1년 8개월`` (written as ``1년 6개월``, one digit off);
        for any two months ("June" vs ``10월``) and any two days of dated months
        ("Aug. 21" vs ``8월 19일``);
        False for unrelated figures such as "75" vs "120".
    """
    if a.is_range and b.is_range:  # one of them changed: "July-September" and 4~6월
        return True
    if a.kind == b.kind == "month":
        return True  # a month is a name, not digits to slip: "June" is no nearer 5월 than 10월
    if a.kind == b.kind == "date":
        # nor is the day of a date: "Aug. 21" against 8월 19일 is another day (but a bare
        # 8일 may be the day the story ran, beside a "March 31" the Korean leaves out)
        return True
    if not _comparable_units(a.unit, b.unit):
        return False  # "75 mph" and "120km" are one speed
    if _in_words(a) and _in_words(b) and (a.value < 1) == (b.value < 1):
        return True  # "a third" against 3분의 2, "doubled" against 세 배: no digits to slip
    if _one_edit_apart(_written_digits(a), _written_digits(b)):
        return True
    if _convertible(a, b) and (
        _one_edit_apart(_digits_in_units_of(a, b), _written_digits(b))
        or _one_edit_apart(_written_digits(a), _digits_in_units_of(b, a))
    ):
        return True  # "18 months" against 1년 8개월 (1년 6개월), "1.2 km" against 1천300m
    if any(
        _same(x, y)
        for m, n in ((a, b), (b, a))
        if m.scaled
        for x in unit_slips(m.text)
        for y in n.values
    ):
        return True  # "1.2 trillion" against 1조2천만 (1조2천억 with 억 written 만)
    if not (a.scaled or b.scaled) or a.value <= 0 or b.value <= 0:
        return False
    exponent = math.log10(max(a.value, b.value) / min(a.value, b.value))
    return _same(exponent, round(exponent)) and 1 <= round(exponent) <= 4


def _in_words(number: Number) -> bool:
    """A share or a multiple written in words: "a third", ``3분의 2``, "doubled", ``세 배``."""
    return (number.unit == "times" or 0 < number.value < 1) and not re.fullmatch(
        r"[\d.,]+", number.text
    )


def _time_of_day(hour: float) -> str:
    hour %= 24
    if hour in (0, 12):
        return "midnight" if hour == 0 else "noon"
    return f"{_format(hour % 12)} {'a.m.' if hour < 12 else 'p.m.'}"


def _describe(number: Number) -> str:
    """The number as written, with its value when the writing hides it ("3만 5천 (35,000)"),
    with a unit that translators convert ("18 months", ``1년 8개월``, ``1천300m (1,300)``),
    or with the time of day when only one is meant ("7 (7 p.m.)")."""
    readings = _hours(number)
    if len(readings) == 1:
        value = _time_of_day(next(iter(readings)))
        return number.text if value == number.text else f"{number.text} ({value})"
    plain = re.sub(r"[$£€¥,'’]", "", number.text)
    digits = plain.replace(".", "", 1).isdigit()
    fraction = re.fullmatch(rf"[\d\s/-]*[/{''.join(VULGAR_FRACTIONS)}]\d*", plain)
    if (
        number.parts
        or fraction
        or (_in_words(number) and number.value < 1)  # "a third", 3분의 2 say their value
        or (digits and (number.unit_text or _same(float(plain), number.value)))
    ):
        return number.text + number.unit_text
    return f"{number.text}{number.unit_text} ({_format(number.value)})"


_CONTEXT_WORDS = 3
_CONTEXT_CHARS = 30


def _in_context(number: Number, text: str) -> str:
    """The number quoted with a few words either side, for finding it in the
    sentence, and in brackets if the words hold it again: “…Lions 7-[3] on Oct. 3…”."""
    text = html.unescape(text)  # as the number was read: its start is there
    start, end = number.start, number.start + len(number.text)
    before, after = text[:start].split(" "), text[end:].split(" ")
    head = " ".join(before[-_CONTEXT_WORDS - 1 :])
    tail = " ".join(after[: _CONTEXT_WORDS + 1])
    cut_head = len(before) > _CONTEXT_WORDS + 1 or len(head) > _CONTEXT_CHARS
    cut_tail = len(after) > _CONTEXT_WORDS + 1 or len(tail) > _CONTEXT_CHARS
    head, tail = _whole_words(head, -_CONTEXT_CHARS).lstrip(), _whole_words(tail, _CONTEXT_CHARS)
    # only the number itself again, not digits of another ("12.34" in "2,512.34")
    again = re.search(rf"(?<![\d.,]){re.escape(number.text)}(?!\d|[.,]\d)", head + tail)
    written = f"[{number.text}]" if again else number.text
    return f"“{'…' * cut_head}{head}{written}{tail.rstrip()}{'…' * cut_tail}”"


def _whole_words(text: str, limit: int) -> str:
    """At most ``abs(limit)`` characters of ``text``, from its end if ``limit`` is
    negative, without a word cut in two (a word longer than that is cut)."""
    if len(text) <= abs(limit):
        return text
    if limit < 0:
        kept = text[limit:]
        space = kept.find(" ")
        return kept[space:] if space >= 0 and text[limit - 1] != " " else kept
    kept = text[:limit]
    space = kept.rfind(" ")
    return kept[:space] if space > 0 and text[limit] != " " else kept


def _message(
    pairs: list[tuple[Number, Number]], texts: tuple[str, str], langs: tuple[str, str]
) -> str:
    src_name, tgt_name = (language_name(lang) for lang in langs)

    def change(a: Number, b: Number) -> str:
        said = (
            f"{_describe(a)} in the {src_name} {_in_context(a, texts[0])} is "
            f"{_describe(b)} in the {tgt_name} {_in_context(b, texts[1])}"
        )
        # the figure kept in another unit of its measure: "43.6-kilometer" / 43.6m
        kept = a.unit != b.unit and measure(a.unit) == measure(b.unit) != ""
        return said + (" (the unit changed)" if kept and _same(a.value, b.value) else "")

    # a day of the month reads as a bare number ("number 1 ... is 3"): name it
    dates = all(_is_day(a) and _is_day(b) for a, b in pairs)
    return ("date " if dates else "number ") + "; ".join(change(a, b) for a, b in pairs)


def _is_day(number: Number) -> bool:
    return number.kind in ("date", "day")


def _substitutions(
    src_left: list[Number], tgt_left: list[Number], shifts: frozenset[int]
) -> list[tuple[Number, Number]]:
    """Pair sure leftovers that look like one number changed, each used once;
    not a clock time and its conversion by one of ``shifts`` hours, nor the day
    of the month that conversion carried across midnight."""
    moves = _day_moves(src_left, tgt_left, shifts)
    pairs: list[tuple[Number, Number]] = []
    tgt_free = list(tgt_left)
    for a in src_left:
        # a month never stands for a plain number: "July" is not the 3 of "3분기"
        candidates = [
            b
            for b in tgt_free
            if _sure(a, b)
            and _same_kind(a, b)
            and _countable(a, b)
            and (is_substitution(a, b) or _other_half(a, b))
            and not _converted(a, b, shifts)
            and not _moved_day(a, b, moves)
        ]
        if candidates:
            # report the nearest candidate: "70 ... 300" against "50 ... 260" pairs 70 with 50;
            # a count before a day ("At least 12" is 최소 21명, not the 15일 of "said Wednesday")
            b = min(
                candidates,
                key=lambda b: (
                    _is_day(a) != _is_day(b),
                    abs(math.log10((b.value + 1) / (a.value + 1))),
                ),
            )
            pairs.append((a, b))
            tgt_free.remove(b)
    return pairs


# an updated figure stays within a factor of four of the old one ("11 killed" became
# 23); farther apart, the one number left on each side is more often two things
UPDATE_FACTOR = 4.0


def _updated(
    src_left: list[Number], tgt_left: list[Number], shifts: frozenset[int]
) -> list[tuple[Number, Number]]:
    """The sure numbers each side has left, when they could be figures updated on one
    side only ("11 killed" / ``23명``, "$65.2 billion" / ``627억 달러``; "11 killed and
    34 injured" / ``7명이 숨지고 21명이 다쳤다``): as many on each side, paired in the
    order the sides write them, each pair of one kind and unit, within a factor of
    :data:`UPDATE_FACTOR` of each other, both scaled or neither. Failing those, the
    places in a series each side has left, which are sure of each other though not of
    a plain number ("the 10th plenary meeting" / ``제9차 전원회의``)."""
    confident = _updated_among(
        [n for n in src_left if n.confident], [n for n in tgt_left if n.confident], shifts
    )
    return confident or _updated_among(
        [n for n in src_left if n.kind == "ordinal"],
        [n for n in tgt_left if n.kind == "ordinal"],
        shifts,
    )


def _updated_among(
    src_sure: list[Number], tgt_sure: list[Number], shifts: frozenset[int]
) -> list[tuple[Number, Number]]:
    src_sure = sorted(src_sure, key=lambda n: n.start)
    tgt_sure = sorted(tgt_sure, key=lambda n: n.start)
    # a day of the month left on one side only is a date a weekday or the dateline
    # gives on the other ("on Monday" / 7일), not one of the figures updated
    if not any(_is_day(n) for n in src_sure):
        tgt_sure = [n for n in tgt_sure if not _is_day(n)]
    if not any(_is_day(n) for n in tgt_sure):
        src_sure = [n for n in src_sure if not _is_day(n)]
    if not src_sure or len(src_sure) != len(tgt_sure):
        return []
    pairs = list(zip(src_sure, tgt_sure, strict=True))
    if not all(_could_be_updated(a, b, shifts) for a, b in pairs):
        return []
    return pairs


def _could_be_updated(a: Number, b: Number, shifts: frozenset[int]) -> bool:
    return (
        (a.kind == b.kind or {a.kind, b.kind} == {"", "count"})
        and _countable(a, b)
        and a.value > 0
        and b.value > 0
        and a.scaled == b.scaled
        and _comparable_units(a.unit, b.unit)
        and max(a.value, b.value) / min(a.value, b.value) <= UPDATE_FACTOR
        and not _converted(a, b, shifts)
    )


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
    """A side's text without its boilerplate sentences, nor a wire dateline: one
    edition drops it, so its date ("SEOUL, April 11 (Yonhap) --") has no partner."""
    side, indices = (doc.src, bead.src) if on_src else (doc.tgt, bead.tgt)
    sentences = (side.sentences[i] for i in indices)
    return " ".join(strip_dateline(s.text) for s in sentences if not s.boilerplate)


def _with_dated_days(numbers: list[Number], other: list[Number]) -> list[Number]:
    """Trust a lone ``24일`` when the other side names a month, counts days or gives a
    day of the month ("on the 24th")."""
    if not any(n.kind in ("month", "days", "date") for n in other):
        return numbers
    return [replace(n, confident=True) if n.kind == "day" else n for n in numbers]


def _without_added_months(numbers: list[Number], other: list[Number]) -> list[Number]:
    """``numbers`` without the month of a date whose day is the other side's bare day:
    "released on Nov. 3" for ``3일 발표했다`` adds the month the Korean leaves to the
    story's dateline, and "Nov." is no number the Korean changed."""
    days = {n.value for n in other if n.kind == "day"}  # a day written without its month
    return [
        n
        for n, after in zip(numbers, [*numbers[1:], None], strict=False)
        if not (n.kind == "month" and after and after.kind == "date" and after.value in days)
    ]


def _clock_shifts(doc: AlignedDocument, src_text: str, tgt_text: str) -> frozenset[int]:
    """The hours (target minus source, mod 24) by which a conversion between the time
    zones the two sides name moves a clock time; none if neither names a zone.

    A side that names no zone keeps the other side's; Korean copy may also give
    Korea's time unmarked, and an English source's own zone is unknown.
    """
    src, tgt = time_zones(src_text, doc.src.lang), time_zones(tgt_text, doc.tgt.lang)
    if src <= {LOCAL} and tgt <= {LOCAL}:
        # no zone, or local time on one side or both: one zone, the story's own
        return frozenset()
    src, tgt = (ANY_ZONE if LOCAL in zones else zones for zones in (src, tgt))
    src = src or (tgt | {9} if doc.src.lang == "ko" else ANY_ZONE)
    tgt = tgt or (src | {9} if doc.tgt.lang == "ko" else ANY_ZONE)
    return frozenset((t - s) % 24 for s in src for t in tgt)


def _hours(number: Number) -> set[float]:
    """The 24-hour readings of an hour: "5 p.m." is 17, "19:10" 19, ``9시`` 9 or 21."""
    hour = number.value % 12
    if number.kind in ("am", "pm"):
        return {hour + (12 if number.kind == "pm" else 0)}
    if number.kind != "clock":
        return set()
    # "0715", "19:10" and "0시" are on a 24-hour clock; "7:10" and "7시" may be either half
    if number.value % 24 == 0 or number.value % 24 > 12 or number.text.startswith("0"):
        return {number.value % 24}
    return {hour, hour + 12}


def _other_half(a: Number, b: Number) -> bool:
    """One hour in the other half of the day: "7:10 a.m." and ``오후 7시 10분``,
    "19:10" and ``오전 7시``."""
    return any((x - y) % 12 == 0 for x in _hours(a) for y in _hours(b))


def _converted(a: Number, b: Number, shifts: frozenset[int]) -> bool:
    """A clock time and its conversion: "10 p.m. ET" and ``한국시간 오전 11시``."""
    return any((y - x) % 24 in shifts for x in _hours(a) for y in _hours(b))


def _day_moves(
    src_left: list[Number], tgt_left: list[Number], shifts: frozenset[int]
) -> frozenset[int]:
    """The days (target minus source) by which a clock time converted across
    midnight moves the date: 2 p.m. ET is 3 a.m. the next day in Seoul, and 9 a.m.
    in Seoul 8 p.m. the day before in New York. Zones are less than a day apart,
    so an hour that comes out earlier went forward into the next day (or back
    within its own), one that comes out later back into the day before."""
    return frozenset(
        1 if y < x else -1
        for a in src_left
        for b in tgt_left
        for x in _hours(a)
        for y in _hours(b)
        if x != y and (y - x) % 24 in shifts
    )


def _moved_day(a: Number, b: Number, moves: frozenset[int]) -> bool:
    """A day of the month and the day a converted clock time moved it to."""
    return _is_day(a) and _is_day(b) and b.value - a.value in moves


def bead_numbers(
    doc: AlignedDocument, bead: Bead
) -> tuple[tuple[str, str], list[Number], list[Number]] | None:
    """The text each side of a paired bead is checked on (boilerplate and dateline
    left out) and the numbers read from it, as ``number_mismatch`` reads them;
    ``None`` when a side has no such text."""
    src_text, tgt_text = _content(doc, bead, True), _content(doc, bead, False)
    if not (src_text and tgt_text):
        return None
    src_numbers = extract_numbers(src_text, doc.src.lang)
    tgt_numbers = extract_numbers(tgt_text, doc.tgt.lang)
    src_numbers, tgt_numbers = (
        _with_dated_days(src_numbers, tgt_numbers),
        _with_dated_days(tgt_numbers, src_numbers),
    )
    src_numbers, tgt_numbers = (
        _without_added_months(src_numbers, tgt_numbers),
        _without_added_months(tgt_numbers, src_numbers),
    )
    return (src_text, tgt_text), src_numbers, tgt_numbers


def _bead_flag(doc: AlignedDocument, bead: Bead) -> Flag | None:
    read = bead_numbers(doc, bead)
    if read is None:
        return None
    (src_text, tgt_text), src_numbers, tgt_numbers = read
    src_glosses = [n for n in src_numbers if n.kind == "gloss"]
    tgt_glosses = [n for n in tgt_numbers if n.kind == "gloss"]
    src_numbers = [n for n in src_numbers if n.kind != "gloss"]
    tgt_numbers = [n for n in tgt_numbers if n.kind != "gloss"]
    src_left, tgt_left = unmatched_numbers(src_numbers, tgt_numbers)
    _drop_bounds_alike(src_left, tgt_left, (src_text, tgt_text), (doc.src.lang, doc.tgt.lang))
    shifts = _clock_shifts(doc, src_text, tgt_text)
    # figures updated together ("11 killed and 34 injured" / 7명 … 21명) pair in order: a
    # one-digit match across them (11 / 21) would name the wrong pair
    updated = _updated(src_left, tgt_left, shifts)
    substituted = _substitutions(src_left, tgt_left, shifts)
    pairs = updated if len(updated) > len(substituted) else substituted or updated
    pairs += _mistyped_glosses(tgt_glosses, src_numbers)
    pairs += [(a, b) for b, a in _mistyped_glosses(src_glosses, tgt_numbers)]
    langs = (doc.src.lang, doc.tgt.lang)
    if not pairs:
        hidden = _hidden_change(src_numbers, tgt_numbers, (src_text, tgt_text), langs)
        if hidden is None:
            return None
        return Flag("number_mismatch", Severity.ERROR, bead.src, bead.tgt, hidden)
    message = _message(pairs, (src_text, tgt_text), langs)
    spans = number_spans(doc, bead, pairs)
    return Flag("number_mismatch", Severity.ERROR, bead.src, bead.tgt, message, spans=spans)


# a bound that leaves its figure out, and one that takes it in: "below the 16th floor" is
# ``15층 이하``, "more than 300" ``301명 이상``; ``16층 미만`` and ``300명 초과`` keep the figure
_EN_BELOW = re.compile(
    r"\b(?:below|under|(?:fewer|less|younger|shorter|lower)\s+than)\s+(?:the\s+)?$", re.I
)
_EN_ABOVE = re.compile(
    r"\b(?:above|over|(?:more|older|taller|higher|greater)\s+than)\s+(?:the\s+)?$", re.I
)
_KO_BOUND = re.compile(r"[^\s\d]{0,3}\s?(?P<bound>이하|이상)")


def _drop_bounds_alike(
    src: list[Number], tgt: list[Number], texts: tuple[str, str], langs: tuple[str, str]
) -> None:
    """Take out of the leftovers a bound each side draws at its own figure: the English
    "below N" or "above N" and the Korean N-1 ``이하`` or N+1 ``이상``."""
    if langs not in (("en", "ko"), ("ko", "en")):
        return
    en, ko = (src, tgt) if langs[0] == "en" else (tgt, src)
    en_text, ko_text = texts if langs[0] == "en" else texts[::-1]
    for a in list(en):
        before = en_text[max(0, a.start - 20) : a.start]
        step = -1 if _EN_BELOW.search(before) else 1 if _EN_ABOVE.search(before) else 0
        for b in ko if step else ():
            bound = _KO_BOUND.match(ko_text, b.start + len(b.text))
            wanted = "이하" if step < 0 else "이상"
            if bound and bound["bound"] == wanted and _same(b.value, a.value + step):
                en.remove(a)
                ko.remove(b)
                break


def _hidden_change(
    src: list[Number], tgt: list[Number], texts: tuple[str, str], langs: tuple[str, str]
) -> str | None:
    """The message of a change the matched numbers hide, if any: a score the other way
    round, percent for percentage points, a figure copied into another unit, measure or
    currency, a temperature's sign, a range cut to one end, a day of the week changed, a
    figure given to another holder, child, choice of a vote, split or casualty role."""
    names = [language_name(lang) for lang in langs]
    matched = matched_numbers(src, tgt)
    plain = (html.unescape(texts[0]), html.unescape(texts[1]))
    if found := reversed_score(*texts, langs):
        name, why = "score ", "the other side won?"
    elif found := reversed_change(*plain, langs):
        name, why = "", "the change reversed?"
    elif found := _percent_for_points(matched, plain):
        name, why = "", "percent or percentage points?"
    elif found := (
        _unit_swap(matched, (src, tgt), plain)
        or _measure_changed(matched, plain)
        or _per_weight_changed(matched, plain)
    ):
        name, why = "", "the unit changed, the figure not converted?"
    elif found := _period_changed(matched, plain, langs):
        name, why = "", "per month or per year?"
    elif found := _currency_changed(matched, plain, langs):
        name, why = "", "the currency changed?"
    elif found := _sign_changed(matched, plain):
        name, why = "", "above or below zero?"
    elif found := _bound_reversed(matched, plain, langs):
        name, why = "", "more or fewer?"
    elif found := _range_cut(matched, (src, tgt), plain):
        name, why = "", "the range cut to one end?"
    elif found := _weekday_changed(plain, langs):
        name, why = "", "the day changed?"
    elif found := swapped_holders(matched, plain, langs):
        name, why = "", "the figures swapped between them?"
    elif found := changed_children(plain, langs):
        name, why = "", "the sons and daughters changed?"
    elif found := changed_tally(plain, langs):
        name, why = "", "the votes for and against swapped?"
    elif found := changed_split(plain, langs):
        name, why = "", "the split changed?"
    elif found := changed_casualties(plain, langs):
        name, why = "", "the dead, injured or missing changed?"
    else:
        return None
    return f"{name}{found[0]} in the {names[0]} is {found[1]} in the {names[1]}: {why}"


# what joins the two ends of a range, with the unit the first end may repeat: "3 to 5
# percent", "3%-5%", ``3~5%``, ``3%에서 5%``
_NAMED = re.compile(r"[A-Za-z]$")  # digits glued to a name's letters
_RANGE_JOIN = re.compile(r"\s*(?:[%％]|percent|per\s+cent)?\s*(?:to|[-–~∼〜]|에서)\s*$")
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_AND = re.compile(r"\s*(?:[%％]|percent|per\s+cent)?\s*and\s*$")


_NOT_RANGE_ENDS = frozenset({"month", "date", "day"})


def _range_cut(
    matched: list[tuple[Number, Number]],
    numbers: tuple[list[Number], list[Number]],
    plain: tuple[str, str],
) -> tuple[str, str] | None:
    """A range on one side whose one end the other side gives alone ("3 to 5 percent" /
    ``5%``), as each writes it: every other number matches, and the range's other end
    is the only one left over. A leftover alone says nothing (a loose translation drops
    figures); beside its partner in a range, the figure changed."""
    matched_ids = ({id(a) for a, _ in matched}, {id(b) for _, b in matched})
    # only figures count ("20-second" is no range of 20 and the ordinal 2)
    left = [
        [n for n in numbers[side] if id(n) not in matched_ids[side] and n.confident]
        for side in (0, 1)
    ]
    for side in (0, 1):
        if len(left[side]) != 1 or left[1 - side]:
            continue
        (end,) = left[side]
        if end.kind in _NOT_RANGE_ENDS:
            continue  # 4월 3.4%에서 5월 3.1%로: the 5 is May's
        if end.value == 0 and end.text[:1].isdigit():
            continue  # "ruled 9-0": no range starts or ends at nought, a score or tally does
        for pair in matched:
            kept, alone = pair[side], pair[1 - side]
            # "a week or two" is 1∼2주, in words; ``40대`` holds "40 to 49"
            if not alone.confident or end.value in alone.aliases:
                continue
            first, second = sorted((end, kept), key=lambda n: n.start)
            between = plain[side][first.start + len(first.text) : second.start]
            if _NAMED.search(plain[side], 0, first.start):  # "CAS500-3" is a name
                continue
            joined = _RANGE_JOIN.fullmatch(between) or (
                _AND.fullmatch(between) and _BETWEEN.search(plain[side][: first.start])
            )
            if not joined:
                continue
            whole = plain[side][first.start : second.start + len(second.text)]
            unit = _PERCENT.match(plain[side], second.start + len(second.text))
            written = whole + (unit.group() if unit else second.unit_text)
            other = alone.text + (
                m.group()
                if (m := _PERCENT.match(plain[1 - side], alone.start + len(alone.text)))
                else alone.unit_text
            )
            return (written, other) if side == 0 else (other, written)
    return None


_WEEKDAYS = {
    "en": re.compile(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE),
    "ko": re.compile(r"([월화수목금토일])요일"),
}
_WEEKDAY_INDEX = {
    **{d: i for i, d in enumerate(("mon", "tues", "wednes", "thurs", "fri", "satur", "sun"))},
    **{d: i for i, d in enumerate("월화수목금토일")},
}


def _weekday_changed(plain: tuple[str, str], langs: tuple[str, str]) -> tuple[str, str] | None:
    """A day of the week that both sides name and no two agree on ("early Monday" /
    ``일요일인 14일 밤``), as each writes it; not where a side names a time zone, whose
    conversion may move the day (``한국시간``). On the benchmark's faithful pairs, 39
    name a weekday on both sides, all the same one."""
    if sorted(langs) != ["en", "ko"]:
        return None
    found = [list(_WEEKDAYS[lang].finditer(text)) for text, lang in zip(plain, langs, strict=True)]
    if not all(found) or any(time_zones(t, lang) for t, lang in zip(plain, langs, strict=True)):
        return None
    days = [{_WEEKDAY_INDEX[m.group(1).lower()] for m in side} for side in found]
    if days[0] & days[1]:
        return None
    return found[0][0].group(), found[1][0].group()


# a percent sign or word, not of percentage points ("7.8%포인트", "7.8%p")
_PERCENT = re.compile(
    r"\s*(?:[%％]|percent\b|per\s+cent\b|퍼센트)(?!\s?(?:포인트|[pP]\b|points?\b))"
)


def _percent_for_points(
    matched: list[tuple[Number, Number]], plain: tuple[str, str]
) -> tuple[str, str] | None:
    """A figure in percentage points on one side and in percent on the other ("up 7.8
    percent" / ``7.8%포인트``), as each writes it: the numbers match, the units do not."""

    def written(number: Number, side: int) -> str:
        after = _PERCENT.match(plain[side], number.start + len(number.text))
        return number.text + (after.group() if after else number.unit_text)

    for a, b in matched:
        for points, percent, side in ((a, b, 1), (b, a, 0)):
            end = percent.start + len(percent.text)
            if points.unit == "%p" and not percent.unit and _PERCENT.match(plain[side], end):
                return written(a, 0), written(b, 1)
    return None


_IMPERIAL_WORD = re.compile(
    r"[\s-]*(?:miles?|feet|foot|inch(?:es)?|yards?|pounds?|lbs?|gallons?|acres?|ounces?|oz"
    r"|마일|피트|인치|야드|파운드|갤런|에이커|온스)",
    re.I,
)


def _unit_swap(
    matched: list[tuple[Number, Number]],
    numbers: tuple[list[Number], list[Number]],
    plain: tuple[str, str],
) -> tuple[str, str] | None:
    """A figure with an imperial unit on one side and a metric one on the other, the same
    number ("42.5 inches" / ``42.5㎝``, "350 miles" / ``350㎞``), or in Celsius on one and
    Fahrenheit on the other, as each writes it: copied without converting, or the unit
    changed. A conversion gives another number."""
    metric = ("length", "mass", "area", "volume")

    def written(number: Number, side: int) -> str:
        unit = _IMPERIAL_WORD.match(plain[side], number.start + len(number.text))
        return number.text + (unit.group() if unit else number.unit_text)

    def converted(imperial: Number, side: int) -> bool:
        # a conversion in brackets ("25 kilometers (15 miles)"), or the figure also given
        # in a metric unit on its own side ("... at a depth of 15 kilometers")
        before = plain[side][: imperial.start]
        return before.rstrip().endswith(("(", "（")) or any(
            _same(n.value, imperial.value) and measure(n.unit) in metric for n in numbers[side]
        )

    # a temperature copied into the other scale: "1.5 degrees Celsius" / ``화씨 1.5도``
    for a in numbers[0]:
        for b in numbers[1]:
            if {a.unit, b.unit} == {"celsius", "fahrenheit"} and _same(a.value, b.value):
                return _degrees(a), _degrees(b)
    for a, b in matched:
        units = {a.unit, b.unit}
        if (
            "imperial" not in units
            or len(units) != 2
            or measure(min(units - {"imperial"})) not in metric
        ):
            continue
        imperial, side = (a, 0) if a.unit == "imperial" else (b, 1)
        if not converted(imperial, side):
            return written(a, 0), written(b, 1)
    return None


# what says a temperature is below zero: a sign word before it, over a range's first end
# ("minus 5 to 10", ``영하 5~10도``), a minus right before it (``-3.2도``; not the 3 of
# ``-5∼3도`` nor the 15 of ``10-15도``), or words after it ("14 degrees below zero")
_BELOW_BEFORE = re.compile(
    r"(?:\b(?:minus|plus)\s|영하\s?|영상\s?)[^a-z가-힣]{0,8}$|(?<![\w.])[-−–]$", re.I
)
_BELOW_AFTER = re.compile(
    r"\s*(?:°\s?[CF]?|degrees?(?:\s+(?:Celsius|Fahrenheit))?)?\s+below\s+(?:zero|freezing)", re.I
)
_TEMPERATURES = ("celsius", "fahrenheit", "degrees")
_DEGREES_WORD = re.compile(
    r"\s?(?:°\s?[CF]?|degrees?(?:\s+(?:Celsius|Fahrenheit))?|[CF]\b|도)", re.I
)


def _sign_before(number: Number, text: str) -> re.Match[str] | None:
    return _BELOW_BEFORE.search(text, max(0, number.start - 14), number.start)


def _below_zero(number: Number, text: str) -> bool:
    if (before := _sign_before(number, text)) is not None:
        return not before.group().lower().startswith(("plus", "영상"))
    return bool(_BELOW_AFTER.match(text, number.start + len(number.text)))


def _sign_changed(
    matched: list[tuple[Number, Number]], plain: tuple[str, str]
) -> tuple[str, str] | None:
    """A temperature below zero on one side and above it on the other, the same figure
    ("minus 14 degrees" / ``14도``, "14 C" / ``영하 14도``), as each writes it."""
    for a, b in matched:
        if a.unit not in _TEMPERATURES or b.unit not in _TEMPERATURES:
            continue
        if not _same(a.value, b.value):
            continue  # converted: "14 degrees" Fahrenheit is ``영하 10도``
        if _below_zero(a, plain[0]) != _below_zero(b, plain[1]):
            return _signed(a, plain[0]), _signed(b, plain[1])
    return None


# a bound before an English figure, and after a Korean one (past its counter) or before
# it: "more than 100" against ``100명 미만`` says the opposite with the same figure
_EN_BOUND_BEFORE = re.compile(
    r"\b(?:(?P<below>no\s+more\s+than|not\s+more\s+than|(?:fewer|less)\s+than|under|below"
    r"|up\s+to|at\s+most|nearly|almost|just\s+(?:under|below))"
    r"|(?P<above>no\s+(?:fewer|less)\s+than|more\s+than|over|above|at\s+least|upwards\s+of"
    r"|in\s+excess\s+of))"
    r"\s+(?:the\s+)?(?:US)?[$€£₩]?$",
    re.IGNORECASE,
)
_KO_BOUND_AFTER = re.compile(
    r"\s?[^\s\d]{0,4}\s?(?:(?:조금|약간|다소|살짝)\s)?"
    r"(?:(?P<above>이상|초과|넘[는게어었은])|(?P<below>미만|이하|못\s?미치|안\s?되))"
)
_KO_BOUND_BEFORE = re.compile(r"(?:(?P<above>최소|적어도)|(?P<below>최대))\s?$")


def _bound_reversed(
    matched: list[tuple[Number, Number]], plain: tuple[str, str], langs: tuple[str, str]
) -> tuple[str, str] | None:
    """The same figure bounded from above on one side and from below on the other
    ("More than 100 workers" / ``근로자 100명 미만``), as each writes it."""
    if langs not in (("en", "ko"), ("ko", "en")):
        return None
    en_first = langs[0] == "en"
    en_text, ko_text = plain if en_first else plain[::-1]
    for pair in matched:
        en, ko = pair if en_first else pair[::-1]
        before = _EN_BOUND_BEFORE.search(en_text, max(0, en.start - 25), en.start)
        after = _KO_BOUND_AFTER.match(ko_text, ko.start + len(ko.text))
        ahead = _KO_BOUND_BEFORE.search(ko_text, max(0, ko.start - 4), ko.start)
        bound = after or ahead
        if before is None or bound is None or bool(before["above"]) == bool(bound["above"]):
            continue
        ko_start, ko_end = (
            (ko.start, bound.end()) if after else (bound.start(), ko.start + len(ko.text))
        )
        found = en_text[before.start() : en.start + len(en.text)], ko_text[ko_start:ko_end]
        return found if en_first else found[::-1]
    return None


def _signed(number: Number, text: str) -> str:
    """The temperature as written with its sign before it and its unit after it."""
    before = _sign_before(number, text)
    start = before.start() if before is not None else number.start
    unit = _DEGREES_WORD.match(text, number.start + len(number.text))
    return text[start : number.start] + number.text + (unit.group() if unit else "")


def _currency_changed(
    matched: list[tuple[Number, Number]], plain: tuple[str, str], langs: tuple[str, str]
) -> tuple[str, str] | None:
    """An amount in one currency on one side and the same figure in another on the
    other ("$6.5 billion" / ``65억 원``), as each writes it: a conversion gives another
    figure, so one of them names the wrong currency."""
    for a, b in matched:
        currencies = [
            amount_currency(plain[side], langs[side], n.start, n.start + len(n.text))
            for side, n in ((0, a), (1, b))
        ]
        if all(currencies) and currencies[0] != currencies[1]:
            return _with_currency(a, plain[0], langs[0]), _with_currency(b, plain[1], langs[1])
    return None


def _with_currency(number: Number, text: str, lang: str) -> str:
    """The figure as written with the currency word after it ("1.5 trillion won")."""
    return number.text + amount_word(text, lang, number.start + len(number.text))


# what a figure measures, where one figure cannot measure two: "84 kWh" is no ``84kW``
_PHYSICAL = frozenset({"length", "mass", "area", "volume", "energy", "power", "data", "data rate"})


def _measure_changed(
    matched: list[tuple[Number, Number]], plain: tuple[str, str]
) -> tuple[str, str] | None:
    """A figure that measures one thing on one side and another on the other, as
    each writes it: energy for power ("84 kWh" / ``84kW``), bytes for bits, a volume
    for a mass (``17만4천㎥`` / ``17만4천t``; not water's, whose tons are its cubic
    metres: "2.9 billion cubic meters of water" is ``29억t``)."""
    water = any(_WATER.search(text) for text in plain)
    for a, b in matched:
        measures = {measure(a.unit), measure(b.unit)}
        if measures == {"mass", "volume"} and water:
            continue
        if len(measures) == 2 and measures <= _PHYSICAL:
            return a.text + a.unit_text, b.text + b.unit_text
    return None


# a dose by body weight: "3 mg/kg", "3 mg per kilogram", ``3㎎/㎏``, ``체중 1㎏당 3㎎``
_PER_WEIGHT_AFTER = re.compile(r"\s?(?:/\s?(?:kg|㎏)|per\s+kilo(?:gram)?|a\s+kilo(?:gram)?)", re.I)
_KO_PER_WEIGHT_BEFORE = re.compile(
    r"(?:\d\s?)?(?:㎏|kg|킬로그램)\s?당(?:\s?[가-힣]{1,3}){0,2}\s?$", re.I
)


def _per_weight_changed(
    matched: list[tuple[Number, Number]], plain: tuple[str, str]
) -> tuple[str, str] | None:
    """A dose by body weight on one side and a flat one on the other, the same figure
    ("3 mg/kg" / ``3㎎``), as each writes it: the patient's weight changes the dose."""
    for a, b in matched:
        if measure(a.unit) == measure(b.unit) == "mass":
            (per_a, written_a), (per_b, written_b) = (
                _per_weight(a, plain[0]),
                _per_weight(b, plain[1]),
            )
            if per_a != per_b:
                return written_a, written_b
    return None


def _per_weight(number: Number, text: str) -> tuple[bool, str]:
    """Whether a mass is given per kilogram of body weight, and the mass as written."""
    end = number.start + len(number.text) + len(number.unit_text)
    after = _PER_WEIGHT_AFTER.match(text, end)
    window = max(0, number.start - 16)
    before = _KO_PER_WEIGHT_BEFORE.search(text[window : number.start])
    start = window + before.start() if before else number.start
    written = text[start : after.end() if after else end]
    return bool(after or before), written


# how often an amount is paid, as each language says it next to the figure: "340,000
# won a month", "a monthly benefit of 340,000 won", "annual premiums of"; ``월 최대 34만
# 원``, ``매년 34만 원``, ``월평균 43만 원`` (not the 월 of a date: ``6월 34만 원``)
_EN_PERIOD_AFTER = re.compile(
    r"(?:\s+[\w.]+){0,3}?\s+"
    # not a comparison's base: "from a year earlier", "than a year ago", "in a year"
    r"(?:(?<!from\s)(?<!than\s)(?<!over\s)(?<!for\s)(?<!in\s)(?:a|per|each|every)\s+"
    r"(?P<a>month|year|week)\b|(?P<b>monthly|annually|yearly|weekly)\b)",
    re.I,
)
_EN_PERIOD_BEFORE = re.compile(
    r"\b(?P<p>monthly|annual|yearly|weekly)\b(?:\s+[\w-]+){0,4}?\s+(?:of\s+)?(?:up\s+to\s+|about\s+)?$",
    re.I,
)
_KO_PERIOD_BEFORE = re.compile(
    r"(?:(?<![가-힣\d])(?P<m>월|매월|매달|월평균|월간)|(?<![가-힣\d])(?P<y>연|연간|매년|연평균|해마다)"
    r"|(?P<w>매주|주당))(?:\s?(?:최대|최소|평균|약|최고|기준|최대치))*\s?$"
)
# the adjectives and adverbs of a period, as the noun ("month", "year", "week") it names
_PERIODS = {
    "monthly": "month",
    "annual": "year",
    "annually": "year",
    "yearly": "year",
    "weekly": "week",
}


def _period_changed(
    matched: list[tuple[Number, Number]], plain: tuple[str, str], langs: tuple[str, str]
) -> tuple[str, str] | None:
    """An amount paid per month on one side and per year on the other, the same figure
    ("up to 340,000 won a month" / ``연 최대 34만 원``), as each writes it: twelve times
    the benefit or the premium."""
    if set(langs) != {"en", "ko"}:
        return None
    for a, b in matched:
        period_a, written_a = _period(a, plain[0], langs[0])
        period_b, written_b = _period(b, plain[1], langs[1])
        if period_a and period_b and period_a != period_b:
            return written_a, written_b
    return None


def _period(number: Number, text: str, lang: str) -> tuple[str, str]:
    """How often an amount is paid ("month", "year", "week"; "" if not said), and the
    amount with those words as written."""
    end = number.start + len(number.text) + len(number.unit_text)
    window = max(0, number.start - 40)
    if lang == "en":
        after = _EN_PERIOD_AFTER.match(text, end)
        before = _EN_PERIOD_BEFORE.search(re.sub(r"[$€£₩]$", "", text[window : number.start]))
        if after:
            word = (after["a"] or after["b"]).lower()
            return _PERIODS.get(word, word), text[number.start : after.end()]
        if before:
            return _PERIODS[before["p"].lower()], text[window + before.start() : end]
        return "", ""
    before = _KO_PERIOD_BEFORE.search(text[window : number.start])
    if before is None:
        return "", ""
    period = "month" if before["m"] else "year" if before["y"] else "week"
    return period, text[window + before.start() : end]


_WATER = re.compile(r"\bwater\b|(?<![가-힣])물(?![가-힣])|물을|물이|용수|저수|담수", re.I)


def _degrees(number: Number) -> str:
    return f"{number.text} °{'C' if number.unit == 'celsius' else 'F'}"


def number_spans(
    doc: AlignedDocument, bead: Bead, pairs: Sequence[tuple[Number, Number]]
) -> tuple[Span, ...]:
    """Where the numbers of ``pairs`` (source, target) are written in the bead's
    sentences, each with the unit written after it ("18 months", ``221㎝``).

    The numbers are those :func:`bead_numbers` read, whose starts are in the text it
    reads; a number not found there as written gets no span rather than a wrong one.
    """
    src, tgt = SideText.content(doc, bead, "src"), SideText.content(doc, bead, "tgt")
    return tuple(
        dict.fromkeys(  # a number of the other side may be the partner of two glosses
            span
            for a, b in pairs
            for number, side in ((a, src), (b, tgt))
            for span in _written_at(number, side)
        )
    )


def _written_at(number: Number, side: SideText) -> tuple[Span, ...]:
    with_unit = number.text + number.unit_text
    return side.written(number.start, with_unit) or side.written(number.start, number.text)


@register("number_mismatch", Severity.ERROR)
def find_number_mismatches(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Paired beads, and paired captions (``doc.boilerplate_pairs``), where a number
    on one side became another number on the other.

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
    # a caption is published copy too: a number it changes is as wrong as one in the text
    captions = doc.boilerplate_as_content()
    for bead in captions.beads:
        flag = _bead_flag(captions, bead)
        if flag is not None:
            yield flag
