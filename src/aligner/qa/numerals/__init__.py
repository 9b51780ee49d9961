"""Reading the numbers of a sentence as values, per language (see ``english`` and
``korean``; other languages get digits only)."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from dataclasses import replace

from aligner.qa.links import without_links
from aligner.qa.numerals.common import ANY_ZONE, LOCAL, Number
from aligner.qa.numerals.english import digit_numbers, extract_en, time_zones_en
from aligner.qa.numerals.korean import extract_ko, time_zones_ko

__all__ = ["ANY_ZONE", "LOCAL", "Number", "extract_numbers", "number_readers", "time_zones"]

_READ_LANGS = ("en", "ko")


def extract_numbers(text: str, lang: str) -> list[Number]:
    """Every number written in ``text``, normalised.

    Args:
        text: a sentence or the joined sentences of one side of a bead.
        lang: ``"en"`` or ``"ko"``; other languages get digits only.

    Returns:
        The numbers in reading order, each with where it starts in
        ``html.unescape(text)``.

    Example:
        >>> [n.value for n in extract_numbers("3만 5천 명이 모였다.", "ko")]
        [35000.0]
    """
    return list(_read(text, lang))


def number_readers(
    src_lang: str, tgt_lang: str
) -> tuple[Callable[[str], list[str]] | None, Callable[[str], list[str]] | None]:
    """For a pair of languages both read here, how each reads a sentence's numbers for
    the aligner: as their values, so that "1.75 trillion" and ``1조7천500억``, "19" and
    ``열아홉`` are one number; (None, None) for other pairs, which compare digits."""
    if src_lang not in _READ_LANGS or tgt_lang not in _READ_LANGS:
        return None, None
    return functools.partial(_values, lang=src_lang), functools.partial(_values, lang=tgt_lang)


# a day, a month and a clock time are told apart from other numbers: the 12 of "1:12
# a.m." is no ``12일``
_VALUE_CLASSES = {"day": "d", "date": "d", "month": "m", "am": "t", "pm": "t", "clock": "t"}


def _values(text: str, lang: str) -> list[str]:
    # a small number in words ("a", "two", 세) says little of which sentence is whose
    return [
        _VALUE_CLASSES.get(number.kind, "") + format(value, ".10g")
        for number in _read(text, lang)
        if (number.value >= 10 or any(c.isdigit() for c in number.text))
        and number.kind not in ("gloss", "implied")
        for value in number.values
    ]


# number_mismatch, direction and consistency read the same sentences: read each once
@functools.lru_cache(maxsize=4096)
def _read(text: str, lang: str) -> tuple[Number, ...]:
    text = html.unescape(text)  # scraped text keeps "&#8212;" and friends
    # an article's id in a link is no figure (the other edition's link has its own)
    text = without_links(text)
    if lang == "ko":
        found = extract_ko(text)
    elif lang == "en":
        found = extract_en(text)
    else:
        found = list(digit_numbers(text, []))
    found.sort(key=lambda f: (f[0], f[1]))
    if lang == "ko":
        found = [(start, end, _match_minute(text, start, n)) for start, end, n in found]
    return tuple(replace(number, start=start) for start, _, number in found)


# Korean counts a football match's minutes from the start of each half (후반 27분, 연장
# 전반 5분) and its stoppage time from the end of one (후반 추가시간 3분); English gives
# the minute of the match (the 72nd, the 95th, the 93rd minute)
_HALF = re.compile(r"(연장\s?)?(전반|후반)전?\s?(추가\s?시간\s?)?$")


def _match_minute(text: str, start: int, number: Number) -> Number:
    """``number`` as the minute of the match when it is a minute of a half other than
    the first or of stoppage time, the minute as written another reading: a changed
    minute is then one digit off ("the 58th minute" and ``후반 14분``, the 59th)."""
    half = _HALF.search(text, max(0, start - 16), start) if number.unit == "minute" else None
    if half is None:
        return number
    extra, second, stoppage = half.group(1), half.group(2) == "후반", half.group(3)
    length = 15 if extra else 45  # of a half
    offset = (90 if extra else 0) + (length if second else 0) + (length if stoppage else 0)
    if not offset:
        return number
    return replace(number, value=number.value + offset, aliases=number.aliases | {number.value})


def time_zones(text: str, lang: str) -> frozenset[int]:
    """The time zones ``text`` names, as hours ahead of UTC mod 24 ("10 p.m. ET" is
    19 and 20, ``한국시간`` 9); every hour for a zone named without its offset
    ("local time", ``현지시간``); empty if it names none."""
    if lang == "ko":
        return time_zones_ko(text)
    return time_zones_en(text) if lang == "en" else frozenset()
