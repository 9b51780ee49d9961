"""The ``number_mismatch`` check: a number changed between source and translation.

Both sides are reduced to numeric values after normalising how each language
writes numbers: thousands separators and decimals, percentages, English number
words and scale words ("forty-two", "3.5 million", "$50bn", "a dozen"), month
names, Korean units (``3만 5천``, ``12조3천억``, ``5백만``), Korean native
numerals before a counter (``세 명``, ``두 번``), counters and hedges stripped
(``40여 명`` is 40, about). The values of a bead are matched as multisets;
hedged values ("about 400", ``400여``) also match at two significant figures.

What is left over is not yet an error: news translations routinely turn a
weekday into a date (``24일``), drop a conversion ("10 feet (three meters)") or
spell out what the other side writes as a word. A flag needs a substitution:
a *confident* value left over on each side. Confident means written with
digits or a scale word; number words, a lone day of the month and Korean native
numerals are used to match but never to flag, since translators move freely
between "one", "a", ``한`` and nothing at all.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

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
        confident: written in a way that leaves no doubt (digits, scale words);
            only confident numbers can raise a flag.
        approximate: hedged ("about", "some", ``여``, ``약``).
    """

    value: float
    text: str
    aliases: frozenset[float] = frozenset()
    confident: bool = True
    approximate: bool = False

    @property
    def values(self) -> frozenset[float]:
        return self.aliases | {self.value}


# ---------------------------------------------------------------- shared

# 1,500 / 1500 / 3.5; a comma followed by exactly three digits groups thousands.
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"


def _parse_digits(text: str) -> float:
    return float(text.replace(",", ""))


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _round_sig(x: float, figures: int = 2) -> float:
    if x == 0:
        return 0.0
    scale = 10 ** (math.floor(math.log10(abs(x))) - figures + 1)
    return math.floor(x / scale + 0.5) * scale


def _format(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.10g}"


# ---------------------------------------------------------------- English

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_EN_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_EN_MULTIPLES = {"dozen": 12, "twice": 2, "double": 2, "triple": 3}
_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Words that hedge the number after them.
_EN_HEDGES = re.compile(
    r"(?:about|around|approximately|roughly|some|nearly|almost|over|more than|at least|"
    r"up to|less than|fewer than|under|close to|upwards of|an estimated|estimated|"
    r"just over|just under)\s+\W?$",
    re.IGNORECASE,
)

# A digit number, with a currency or apostrophe before it and a scale after it.
_EN_NUMBER = re.compile(
    rf"(?P<pre>[$£€¥]|(?<![\w'’])['’])?(?P<num>{_DIGITS})"
    r"(?:(?P<suffix>bn|mn|tn|[kmb])\b|\s*(?P<scale>hundred|thousand|million|billion|trillion)\b"
    r"|(?P<decade>'?s)\b)?",
    re.IGNORECASE,
)
_EN_WORD = re.compile(r"[A-Za-z]+")
# Ordinal months need a capital; "May" and "March" are also a verb and a
# noun, so they count only next to a day or year.
_EN_MONTH = re.compile(
    r"\b(?P<name>January|February|April|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.|(?:May|March)(?=\s+\d))"
)
# Roman numerals as in "World War II", "Elizabeth II".
_ROMAN = re.compile(r"\b(?P<roman>II|III|IV|VI|VII|VIII|IX|XI|XII)\b")
_ROMAN_VALUES = {"II": 2, "III": 3, "IV": 4, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "XI": 11,
                 "XII": 12}


def _en_hedged(text: str, start: int) -> bool:
    return bool(_EN_HEDGES.search(text[max(0, start - 24) : start]))


def _en_digit_numbers(text: str) -> Iterator[tuple[int, int, Number]]:
    for m in _EN_NUMBER.finditer(text):
        value = _parse_digits(m["num"])
        aliases: set[float] = set()
        suffix, scale, pre = m["suffix"], m["scale"], m["pre"]
        if suffix and (pre in ("$", "£", "€", "¥") or suffix.lower() not in ("m", "b", "k")):
            value *= _EN_SUFFIX_SCALES[suffix.lower()]
        elif scale:
            value *= _EN_SCALES[scale.lower()]
        if pre in ("'", "’") and len(m["num"]) == 2:
            aliases = {1900 + value, 2000 + value}  # '08 = 2008 (or 1908)
        hedged = _en_hedged(text, m.start())
        yield m.start(), m.end(), Number(value, m.group(), frozenset(aliases), True, hedged)


def _word_value(word: str) -> tuple[str, float] | None:
    """Classify one lower-case word: ``("unit"|"tens"|"scale"|"multiple", value)``."""
    if word in _EN_UNITS:
        return "unit", _EN_UNITS[word]
    if word in _EN_TENS:
        return "tens", _EN_TENS[word]
    if word in _EN_SCALES:
        return "scale", _EN_SCALES[word]
    if word in _EN_MULTIPLES:
        return "multiple", _EN_MULTIPLES[word]
    return None


def _combine_words(kinds: Sequence[tuple[str, float]]) -> float:
    """Value of a run like "two hundred fifty thousand" or "three dozen"."""
    total, current = 0.0, 0.0
    for kind, value in kinds:
        if kind in ("unit", "tens"):
            current += value
        elif kind == "multiple":
            current = (current or 1) * value
        elif value == 100:
            current = (current or 1) * value
        else:
            total += (current or 1) * value
            current = 0.0
    return total + current


def _en_word_numbers(text: str, taken: list[tuple[int, int]]) -> Iterator[tuple[int, int, Number]]:
    """Runs of number words ("forty-two", "a dozen", "three million")."""
    run: list[tuple[str, float]] = []
    start = end = -1
    words = [(m.start(), m.end(), m.group()) for m in _EN_WORD.finditer(text)]
    for k, (s, e, word) in enumerate(words):
        lowered = word.lower()
        kind = _word_value(lowered)
        joined = start >= 0 and re.fullmatch(r"[\s-]*(?:and\s+)?", text[end:s]) is not None
        if kind and any(a <= s < b for a, b in taken):
            kind = None
        if kind and run and not joined:
            yield from _close_run(text, start, end, run)
            run = []
        if kind is None:
            if run:
                yield from _close_run(text, start, end, run)
                run = []
            continue
        if not run:
            start = s
            article = k > 0 and words[k - 1][2].lower() in ("a", "an")
            if article and kind[0] in ("scale", "multiple") and kind[1] != 2:
                start = words[k - 1][0]  # "a dozen", "a million"
        run.append(kind)
        end = e
    if run:
        yield from _close_run(text, start, end, run)


def _close_run(text: str, start: int, end: int, run: list[tuple[str, float]]) -> Iterator[
    tuple[int, int, Number]
]:
    if all(kind == "scale" for kind, _ in run) and not text[start:end].lower().startswith("a"):
        return  # "hundreds", "thousand" alone: not a count
    value = _combine_words(run)
    # Words are confident only with a scale: "three million" cannot be an
    # article or a figure of speech; "one", "two" can.
    confident = any(kind == "scale" and v >= 1000 for kind, v in run)
    yield start, end, Number(value, text[start:end], frozenset(), confident, _en_hedged(text, start))


def _en_months(text: str) -> Iterator[tuple[int, int, Number]]:
    for m in _EN_MONTH.finditer(text):
        name = m["name"].rstrip(".").lower()
        yield m.start(), m.end(), Number(_EN_MONTHS[name], m["name"], frozenset(), True)


def _en_romans(text: str) -> Iterator[tuple[int, int, Number]]:
    for m in _ROMAN.finditer(text):
        yield m.start(), m.end(), Number(_ROMAN_VALUES[m["roman"]], m["roman"], confident=False)


def _extract_en(text: str) -> list[Number]:
    found = list(_en_digit_numbers(text))
    taken = [(s, e) for s, e, _ in found]
    found += _en_word_numbers(text, taken)
    found += _en_months(text)
    found += _en_romans(text)
    return [number for _, _, number in sorted(found, key=lambda t: t[0])]


# ---------------------------------------------------------------- Korean

_KO_SMALL_UNITS = {"십": 10, "백": 100, "천": 1000}
_KO_BIG_UNITS = {"만": 1e4, "억": 1e8, "조": 1e12}
# One piece of a Korean number: digits, then optionally 십/백/천, then
# optionally 만/억/조 ("5백만", "3천억", "1만").
_KO_PIECE = rf"(?:{_DIGITS})\s?[십백천]?(?:[만억조](?![가-힣]*[이가을를의]))?"
# Pieces chain while each big unit is smaller than the last ("12조 3천억",
# "3만 5천", "1만8500"); the evaluation below enforces the order.
_KO_NUMBER = re.compile(rf"(?<![\d.,])(?P<num>{_KO_PIECE}(?:\s?{_KO_PIECE})*)")
_KO_PIECE_RE = re.compile(rf"(?P<digits>{_DIGITS})\s?(?P<small>[십백천])?(?P<big>[만억조])?")
_KO_HEDGE_BEFORE = re.compile(r"(?:약|대략|거의|최소|최대|무려|줄잡아)\s*$")
_KO_HEDGE_AFTER = re.compile(r"^\s*(?:여|가량|쯤|정도|남짓|이상|이하|미만|넘|안팎|내외)")
# A day of the month without its month: news translations turn "Thursday"
# into "24일", so it proves nothing on its own.
_KO_LONE_DAY = re.compile(r"^일(?!간|동안|째|씩|\s*동안)")
_KO_MONTH_BEFORE = re.compile(r"월\s*$")
_KO_NATIVE = {
    "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
    "열": 10, "열한": 11, "열두": 12, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50,
}  # fmt: skip
# Native numerals count only before a counter: "세 명" is three people,
# "세" alone is age, tax or world.
_KO_COUNTERS = (
    "명|번|개|가지|마리|살|채|곳|군데|대|권|잔|차례|시간|달|해|사람|척|발|장|벌|켤레|그루|송이|쌍|분"
)
_KO_NATIVE_RE = re.compile(
    rf"(?<![가-힣])(?P<word>{'|'.join(sorted(_KO_NATIVE, key=len, reverse=True))})"
    rf"\s?(?:{_KO_COUNTERS})(?![가-힣]*[가-힣]{{3}})"
)
# "08년" is 2008.
_KO_SHORT_YEAR = re.compile(r"^\s*년")


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


def _ko_pieces(number_text: str) -> list[str]:
    """Split a chain whose big units are out of order back into single pieces."""
    return [p.group() for p in _KO_PIECE_RE.finditer(number_text)]


def _ko_digit_number(text: str, start: int, end: int, number_text: str) -> Number:
    value = _ko_value(number_text)
    assert value is not None
    before, after = text[max(0, start - 6) : start], text[end : end + 6]
    hedged = bool(_KO_HEDGE_BEFORE.search(before) or _KO_HEDGE_AFTER.match(after))
    confident = not (
        value <= 31 and _KO_LONE_DAY.match(after) and not _KO_MONTH_BEFORE.search(before)
    )
    aliases: frozenset[float] = frozenset()
    digits = number_text.strip()
    if len(digits) == 2 and digits.startswith("0") and _KO_SHORT_YEAR.match(after):
        aliases = frozenset({2000 + value})
    return Number(value, number_text.strip(), aliases, confident, hedged)


def _extract_ko(text: str) -> list[Number]:
    found: list[tuple[int, Number]] = []
    for m in _KO_NUMBER.finditer(text):
        if _ko_value(m["num"]) is not None:
            found.append((m.start(), _ko_digit_number(text, m.start(), m.end(), m["num"])))
            continue
        offset = m.start()
        for piece in _ko_pieces(m["num"]):
            at = text.index(piece, offset)
            found.append((at, _ko_digit_number(text, at, at + len(piece), piece)))
            offset = at + len(piece)
    for m in _KO_NATIVE_RE.finditer(text):
        found.append((m.start(), Number(_KO_NATIVE[m["word"]], m.group(), confident=False)))
    return [number for _, number in sorted(found, key=lambda t: t[0])]


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
    if lang == "ko":
        return _extract_ko(text)
    if lang == "en":
        return _extract_en(text)
    return [n for _, _, n in _en_digit_numbers(text)]


def _matches(a: Number, b: Number, *, loose: bool) -> bool:
    if any(_same(x, y) for x in a.values for y in b.values):
        return True
    if loose and (a.approximate or b.approximate):
        return _same(_round_sig(a.value), _round_sig(b.value))
    return False


def unmatched_numbers(src: Sequence[Number], tgt: Sequence[Number]) -> tuple[
    list[Number], list[Number]
]:
    """Match two multisets of numbers; return what is left on each side.

    Exact matches (any alias) are taken first, then hedged numbers match at
    two significant figures ("about 18,500" and ``1만8천``).

    Args:
        src: the numbers of one side.
        tgt: the numbers of the other side.

    Returns:
        ``(src_left, tgt_left)``.
    """
    src_left, tgt_left = list(src), list(tgt)
    for loose in (False, True):
        for a in list(src_left):
            partner = next((b for b in tgt_left if _matches(a, b, loose=loose)), None)
            if partner is not None:
                src_left.remove(a)
                tgt_left.remove(partner)
    return src_left, tgt_left


def _closeness(a: Number, b: Number) -> tuple[int, float]:
    """Rank candidate substitutions: same digit count first, then nearest value."""
    digits_a, digits_b = len(_format(a.value)), len(_format(b.value))
    spread = abs(math.log10(abs(a.value) + 1) - math.log10(abs(b.value) + 1))
    return abs(digits_a - digits_b), spread


def _message(src_left: list[Number], tgt_left: list[Number], src_lang: str,
             tgt_lang: str) -> str:
    src_name = _LANG_NAMES.get(src_lang, src_lang.upper())
    tgt_name = _LANG_NAMES.get(tgt_lang, tgt_lang.upper())
    a, b = min(((a, b) for a in src_left for b in tgt_left), key=lambda p: _closeness(*p))
    message = f"number {a.text} in the {src_name} is {b.text} in the {tgt_name}"
    if not _same(b.value, float(_parse_digits(b.text) if b.text.replace(",", "").replace(
            ".", "").isdigit() else math.nan)):
        message += f" ({_format(b.value)})"
    others_src = [n.text for n in src_left if n is not a]
    others_tgt = [n.text for n in tgt_left if n is not b]
    if others_src:
        message += f"; the {src_name} also has {', '.join(others_src)}, not in the {tgt_name}"
    if others_tgt:
        message += f"; the {tgt_name} also has {', '.join(others_tgt)}, not in the {src_name}"
    return message


def _bead_flag(doc: AlignedDocument, bead: Bead) -> Flag | None:
    src_numbers = extract_numbers(doc.src_text(bead), doc.src.lang)
    tgt_numbers = extract_numbers(doc.tgt_text(bead), doc.tgt.lang)
    src_left, tgt_left = unmatched_numbers(src_numbers, tgt_numbers)
    src_sure = [n for n in src_left if n.confident]
    tgt_sure = [n for n in tgt_left if n.confident]
    if not (src_sure and tgt_sure):
        return None
    message = _message(src_sure, tgt_sure, doc.src.lang, doc.tgt.lang)
    return Flag("number_mismatch", Severity.ERROR, bead.src, bead.tgt, message)


@register("number_mismatch", Severity.ERROR)
def find_number_mismatches(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Paired beads where a number on one side became another number on the other.

    Args:
        doc: the aligned document.
        settings: run settings (unused; the check has no threshold).

    Yields:
        One ``number_mismatch`` flag per bead, naming the changed number.
    """
    for bead in doc.beads:
        if not (bead.src and bead.tgt):
            continue
        sentences = [doc.src.sentences[i] for i in bead.src] + [
            doc.tgt.sentences[j] for j in bead.tgt
        ]
        if any(s.boilerplate for s in sentences):
            continue
        flag = _bead_flag(doc, bead)
        if flag is not None:
            yield flag
