"""The ``direction`` check: a figure that rose in one language and fell in the other.

"Exports rose 2.3 percent" translated ``수출은 2.3% 감소했다`` keeps every
number, so ``number_mismatch`` sees nothing, and the embeddings barely tell
rising from falling. This check reads, on each side, the numbers that a word of
change is bound to, and flags a number that both sides give (matched as
``number_mismatch`` matches them) with opposite directions.

A direction counts only when it is bound to the number, because the words are
polysemous on both sides:

* English: a verb of change right before the number, with "by", "to" or a
  hedge between ("rose 2.3 percent", "fell by about 3%", "climbed to 49"); "up"
  or "down" before it after a form of "be", a market verb or a comma ("was up 3
  percent", "closed down 2%", but not "set up 3 committees", "make up 50
  percent" or "up to 30"); a noun of change after it and its unit, with an
  article before ("a 3 percent rise", "an increase of 5%"). "Lost", "shed" and
  "added" count only for percentages, points and prices ("lost 3 games" is no
  fall, nor "lost $4 billion"), and "cut" only with "by" (a 30 percent cut may
  be a share).
* Korean: the direction word right after the number, its unit and at most two
  particles or hedges (``2.3% 상승``, ``3%나 올랐다``, ``2.16달러 오른``, ``10%
  가량 줄었다``, ``2배 늘었다``, ``12포인트(0.6%) 오른``). ``비가 내린``,
  ``결정을 내린``, ``무대에 오른`` have no number before them; after a length
  or a duration, verbs of motion are distance (``50km 떨어진``, ``10km
  뛰었다``) and do not count.

A number read as a date, a clock time or a year, or as one end of a range or a
score ("3-4 percent", "fell 2-1"), has no direction. When one side gives the
same number with both directions ("rose 3 percent ... fell 3 percent") the
pairing is unsure and nothing is flagged.

A currency falls as its rate rises: "the won fell 10.5 won against the dollar" is
faithfully ``원·달러 환율은 10.5원 올랐다``. In a pair about an exchange rate, a
change counts only where :mod:`aligner.qa.currency` tells what it moves, the
currency's value or its rate, and the two sides are compared as the currency
moves (the won falls, the rate rises: alike); a change it cannot tell is skipped.

Flags are of type ``number_mismatch`` (subject ``direction``), one per pair,
naming every reversed number. A changed number is ``number_mismatch``'s own
flag: only numbers equal on both sides are compared here, so one fault never
raises both.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from aligner.config import Settings, language_name
from aligner.models import Bead, Flag, Severity, Span
from aligner.qa.currency import Quantity, names_a_currency, read_quantity
from aligner.qa.numbers import _in_context, bead_numbers, matched_numbers
from aligner.qa.numerals import Number, extract_numbers
from aligner.qa.numerals.common import measure
from aligner.qa.registry import AlignedDocument, register
from aligner.qa.spans import SideText

__all__ = ["BeadChanges", "Change", "find_reversed_directions", "read_bead_changes", "read_changes"]

UP, DOWN = "up", "down"
_GLOSS = {UP: "rose", DOWN: "fell"}
_OTHER = {UP: DOWN, DOWN: UP}


@dataclass(frozen=True)
class Change:
    """A number that a word of change is bound to.

    Attributes:
        number: the number, as the number readers give it.
        direction: ``"up"`` or ``"down"``.
        word: the word of change as written ("rose", ``감소했다``).
        amount: the number with its unit as written ("2.3 percent", ``2.3%``), from
            where the number starts.
        word_start: where the word starts in the text read.
        quantity: in a pair about an exchange rate, what the change moves (the
            currency's value or its rate), when the sentence tells.
    """

    number: Number
    direction: str
    word: str
    amount: str
    word_start: int
    quantity: Quantity | None = None

    @property
    def currency_direction(self) -> str:
        """Which way the currency moves: a rate rises as it falls."""
        inverse = self.quantity is not None and self.quantity.inverse
        return _OTHER[self.direction] if inverse else self.direction


# kinds of number that name a point in time, never an amount of change
_NO_AMOUNT = frozenset({"month", "day", "date", "am", "pm", "clock", "gloss"})
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_RANGE_BEFORE = re.compile(r"\d\s*[-–~∼〜]\s*$")
_RANGE_AFTER = re.compile(r"^\s*[-–~∼〜]\s*\d")

# ------------------------------------------------------------------------ English

_EN_UP_VERBS = (
    r"rose|rises?|rising|risen|increas(?:e[sd]?|ing)|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?"
    r"|gain(?:s|ed|ing)?|grew|grows?|growing|grown|surg(?:e[sd]?|ing)|soar(?:s|ed|ing)?"
    r"|rall(?:ied|ies|ying)|advanc(?:e[sd]|ing)|spik(?:e[sd]|ing)|(?:sky)?rocket(?:s|ed|ing)"
    r"|lea(?:p(?:s|ed|ing)?|pt)|rais(?:e[sd]|ing)|boost(?:s|ed|ing)|hik(?:e[sd]|ing)"
    r"|expand(?:s|ed|ing)|swell(?:s|ed|ing)|swollen|widen(?:s|ed|ing)?"
    r"|strengthen(?:s|ed|ing)?|appreciat(?:e[sd]?|ing)"
)
_EN_DOWN_VERBS = (
    r"fell|falls?|falling|fallen|drop(?:s|ped|ping)?|declin(?:e[sd]?|ing)"
    r"|decreas(?:e[sd]?|ing)|slip(?:s|ped|ping)?|slid|slides?|sliding|plung(?:e[sd]?|ing)"
    r"|tumbl(?:e[sd]?|ing)|sank|sunk|sinks?|sinking|slump(?:s|ed|ing)?"
    r"|plummet(?:s|ed|ing)?|dip(?:s|ped|ping)|eas(?:e[sd]|ing)|retreat(?:s|ed|ing)"
    r"|shr[au]nk|shrinks?|shrinking|lower(?:s|ed|ing)|reduc(?:e[sd]|ing)|slash(?:es|ed|ing)"
    r"|contract(?:ed|ing)|narrow(?:s|ed|ing)|cut(?:s|ting)?(?=\s+(?:[\w'’-]+\s+){0,4}by\b)"
    r"|weaken(?:s|ed|ing)?|depreciat(?:e[sd]?|ing)"
)
# say a change only of a market figure: "lost 3 percent", not "lost 3 games"
_EN_MARKET_UP = r"added|adds|adding"
_EN_MARKET_DOWN = r"lost|loses|losing|shed|sheds|shedding"
_EN_UP_NOUNS = (
    r"rises?|increases?|gains?|jumps?|growth|hikes?|surges?|climbs?|rall(?:y|ies)|spikes?"
    r"|raises?|boosts?|expansion"
)
_EN_DOWN_NOUNS = (
    r"falls?|drops?|declines?|decreases?|dips?|slumps?|plunges?|slides?|reductions?"
    r"|contraction|downturns?"
)
# nouns that are no verbs: "3 percent growth" needs no article
_EN_ONLY_NOUNS = re.compile(r"growth|expansion|reductions?|contraction|downturns?", re.I)
_EN_HEDGE = (
    r"(?:(?:about|around|roughly|nearly|almost|approximately|some|just|only|over|under"
    r"|at\s+least|more\s+than|less\s+than|as\s+much\s+as|another"
    r"|an?\s+(?:estimated|further|additional|record|whopping|modest|sharp|steep|slight))\s+)*"
)
_EN_UNIT = (
    r"(?:[\s-]*(?:%|(?:percentage[\s-]+points?|basis[\s-]+points?|percent|per[\s-]?cent|pct"
    r"|points?|pts?|bps?|cents?|dollars?|won|yen|euros?|yuan)\b))?"
)
_EN_MARKET_UNIT = re.compile(
    r"[\s-]*(?:%|(?:percent|per[\s-]?cent|pct|points?|pts?|bps?|cents?)\b)", re.I
)
_EN_ADJECTIVES = (
    r"(?:(?:on-year|on-month|on-quarter|year-on-year|year-over-year|month-on-month|annual"
    r"|monthly|quarterly|weekly|daily|overall|average|sharp|steep|slight)[\s-]+)*"
)
_EN_ARTICLE = r"(?:\b(?:a|an|the|its|their|his|her|our|this|that|whose|another)|['’]s)"
# "up" and "down" say a change after these, not in "set up", "make up" or "cut down"
_EN_UP_DOWN_AFTER = (
    r"(?:^|[,;:(—–]\s*|(?:\b(?:is|are|was|were|be|been|being|closed|ended|finished|settled"
    r"|opened|traded|trading|stood|stands|went|goes|going|gone|shot|moved|edged|inched"
    r"|ticked)|['’]s)\s+)"
)

# "cut its key rate by 25 basis points": "by" after the verb's object gives the change
# (a trial's object may run long: "lowered the risk of progression to the next stage
# of the disease by 31 percent");
# "to" gives the new level after an object that opens on a determiner ("lowered its
# growth forecast for this year to 2.5 percent", not "rockets landed up to 70km")
_EN_OBJECT = r"(?:[\w'’-]+\s+){1,12}"
_EN_OBJECT_TO = r"(?:its|their|the|his|her|our|this|that|a|an)\s+(?:[\w'’-]+\s+){0,5}"
_EN_VERB_BEFORE = re.compile(
    rf"\b(?:(?P<up>{_EN_UP_VERBS})|(?P<down>{_EN_DOWN_VERBS})|(?P<market_up>{_EN_MARKET_UP})"
    rf"|(?P<market_down>{_EN_MARKET_DOWN}))\s+(?:(?:by|to)\s+|{_EN_OBJECT}by\s+|{_EN_OBJECT_TO}to\s+)?{_EN_HEDGE}$",
    re.I,
)
_EN_UP_DOWN_BEFORE = re.compile(
    rf"{_EN_UP_DOWN_AFTER}(?:(?P<up>up)|(?P<down>down))\s+(?:by\s+)?{_EN_HEDGE}$", re.I
)
_EN_NOUN_OF_BEFORE = re.compile(
    rf"\ban?\s+{_EN_ADJECTIVES}(?:(?P<up>{_EN_UP_NOUNS})|(?P<down>{_EN_DOWN_NOUNS}))"
    rf"\s+of\s+{_EN_HEDGE}$",
    re.I,
)
_EN_ARTICLE_BEFORE = re.compile(rf"{_EN_ARTICLE}\s+{_EN_HEDGE}$", re.I)
_EN_NOUN_AFTER = re.compile(
    rf"{_EN_UNIT}[\s-]+{_EN_ADJECTIVES}(?:(?P<up>{_EN_UP_NOUNS})|(?P<down>{_EN_DOWN_NOUNS}))\b"
    r"(?P<in>\s+in\b)?",
    re.I,
)
_EN_UNIT_AFTER = re.compile(_EN_UNIT, re.I)
# "rose 12.34 points, or 0.6 percent," and "up 12 points (0.6%)": one change, two figures
_EN_SAME_CHANGE = re.compile(rf"{_EN_UNIT},?\s+or\s+{_EN_HEDGE}$|{_EN_UNIT}\s*\(\s*$", re.I)


def _direction(found: re.Match[str]) -> str:
    return UP if found["up"] or found.groupdict().get("market_up") else DOWN


def _word(found: re.Match[str]) -> str:
    return next(w for w in found.groups() if w)


def _word_start(found: re.Match[str]) -> int:
    """Where :func:`_word` starts in the string ``found`` searched."""
    return next(found.start(k) for k, w in enumerate(found.groups(), 1) if w)


def _market_figure(number: Number, after: str) -> bool:
    """A percentage, points or a price ("lost 3 percent", "shed 11.26 cents", "shed
    $4"), not a count ("lost 3 games") nor a company's loss ("lost $4 billion")."""
    price = number.text[:1] in "$£€¥" and not number.scaled
    return price or bool(_EN_MARKET_UNIT.match(after))


def _en_change(text: str, number: Number) -> Change | None:
    """The change a word of ``text`` binds ``number`` to, if any."""
    before, after = text[: number.start], text[number.start + len(number.text) :]
    unit = _EN_UNIT_AFTER.match(after)
    amount = number.text + (unit.group() if unit else "")
    found = _EN_VERB_BEFORE.search(before) or _EN_UP_DOWN_BEFORE.search(before)
    if found:
        market = found.groupdict().get("market_up") or found.groupdict().get("market_down")
        if market and not _market_figure(number, after):
            return None
        return Change(number, _direction(found), _word(found), amount, _word_start(found))
    if found := _EN_NOUN_OF_BEFORE.search(before):
        noun = "up" if found["up"] else "down"
        return Change(number, _direction(found), found[noun], amount, found.start(noun))
    found = _EN_NOUN_AFTER.match(after)
    if found is None:
        return None
    noun = "up" if found["up"] else "down"
    if _EN_ARTICLE_BEFORE.search(before) or _EN_ONLY_NOUNS.fullmatch(found[noun]) or found["in"]:
        start = number.start + len(number.text) + found.start(noun)
        return Change(number, _direction(found), found[noun], amount, start)
    return None


# ------------------------------------------------------------------------ Korean

_KO_UP = (
    r"상승|증가|급등|폭등|급증|인상|상향|반등|확대|증대|신장|성장|치솟|불어[나났난]"
    r"|오[르를름]|오른(?!쪽|손|발|편)|올[라랐린려렸릴]|늘(?:어|었|린|려|렸|릴|리|고|며|면)"
    r"|뛰[었어]|뛴|높아|높[인였여]|절상|강세"
)
_KO_DOWN = (
    r"하락|감소|급락|폭락|급감|인하|하향|반락|축소|감축|삭감|저하|후퇴|곤두박질"
    r"|내[려렸린릴림]|내리(?!막)|떨어[지진졌져질]|줄(?:어|었|인|여|였|일|이[고며면는기])"
    r"|낮아|낮[춘췄추춰출]|빠[졌진져]|밀[렸린려]|꺾[였인여]|절하|약세"
)
# verbs of motion: after a length or a duration they say distance ("50km 떨어진",
# "10km 뛰었다", "3천m 올랐다" climbing), not a change of the figure
_KO_MOTION = ("떨어", "뛰", "뛴", "내", "오", "올", "빠", "밀", "신장")
_KO_UNIT = (
    r"(?:\s?여)?(?:\s?(?:[%％](?:\s?(?:포인트|[pP](?![A-Za-z])))?|퍼센트(?:\s?포인트)?|포인트|bp"
    r"|달러|센트|원|엔|유로|위안|파운드|배럴|배|명|개|건|곳|가구|대|척|톤|석|표|점|위|계단|단계"
    r"|도|세|살|kg|㎏|km|㎞|cm|㎝|mm|㎜|m|t|ℓ|℃|년|개월|주|일|시간|분|초))?"
)
_KO_HEDGE = (
    r"(?:\s?(?:이나|나|가량|정도|이상|이하|가까이|남짓|안팎|내외|쯤|씩|까지|으로|로|만큼|넘게"
    r"|이|가|을|를|의)){0,2}"
)
_KO_AFTER = re.compile(
    rf"(?P<unit>{_KO_UNIT})\)?(?:\s?\([^()]{{1,20}}\))?{_KO_HEDGE}\s?"
    rf"(?P<word>(?:(?P<up>{_KO_UP})|(?P<down>{_KO_DOWN}))[가-힣]*)"
)


def _ko_change(text: str, number: Number) -> Change | None:
    after = text[number.start + len(number.text) :]
    # a unit the number reader knows ("1미터", "3시간") comes first, as it read it
    unit = number.unit_text if after.startswith(number.unit_text) else ""
    found = _KO_AFTER.match(after, len(unit))
    if found is None:
        return None
    word = found["word"]
    if measure(number.unit) in ("length", "time") and word.startswith(_KO_MOTION):
        return None
    amount = number.text + unit + found["unit"]
    start = number.start + len(number.text) + found.start("word")
    return Change(number, UP if found["up"] else DOWN, word, amount, start)


# ------------------------------------------------------------------------ both

# Market tables and headlines mark a change with an arrow or a sign instead of a word,
# in either language: "코스닥 1.1%↓", "▲1.2%", "(+0.85%)", "(−0.4%)". A sign counts only
# before a percentage or points (a "-5" may be a temperature), and △ not at all: it
# writes a negative number in Korean accounts.
_MARK_UP, _MARK_DOWN = "▲↑", "▼↓"
_MARK_BEFORE = re.compile(r"(?P<mark>[▲↑▼↓])\s?$")
_SIGN_BEFORE = re.compile(r"(?:^|[\s(\[])(?P<mark>[+\-−])$")
_PERCENT_AFTER = re.compile(r"\s?(?:[%％]|퍼센트|포인트|points?\b|percent\b|pct\b|bp\b)")
_MARK_AFTER = re.compile(
    r"(?P<unit>\s?(?:[%％](?:\s?(?:포인트|[pP](?![A-Za-z])))?|퍼센트|포인트|points?|percent"
    r"|bp|달러|원|엔|센트))?\s?(?P<mark>[▲↑▼↓])"
)


def _marked_change(text: str, number: Number) -> Change | None:
    """The change an arrow or a sign beside ``number`` marks, if any."""
    end = number.start + len(number.text)
    before, after = text[: number.start], text[end:]
    percent = _PERCENT_AFTER.match(after)
    if found := _MARK_AFTER.match(after):
        unit, start = found["unit"] or "", end + found.start("mark")
    elif found := _MARK_BEFORE.search(before) or (percent and _SIGN_BEFORE.search(before)):
        unit, start = (percent.group() if percent else ""), found.start("mark")
    else:
        return None
    mark = found["mark"]
    direction = UP if mark in _MARK_UP or mark == "+" else DOWN
    return Change(number, direction, mark, number.text + unit, start)


def _has_amount(text: str, number: Number) -> bool:
    """Whether ``number`` can be an amount of change: not a date, a time, a year, nor
    one end of a range or a score."""
    end = number.start + len(number.text)
    return not (
        number.kind in _NO_AMOUNT
        or (_YEAR.fullmatch(number.text) and number.unit in ("", "year"))
        or _RANGE_BEFORE.search(text[: number.start])
        or _RANGE_AFTER.match(text[end:])
    )


def read_changes(text: str, lang: str, numbers: list[Number] | None = None) -> list[Change]:
    """The numbers of ``text`` that a word of change is bound to, with its direction.

    Args:
        text: a sentence or the joined sentences of one side of a bead.
        lang: ``"en"`` or ``"ko"``; other languages have no changes read.
        numbers: the numbers of ``text`` as :func:`extract_numbers` reads them
            (read here when not given).

    Returns:
        One :class:`Change` per bound number, in reading order.

    Example:
        >>> [(c.amount, c.direction) for c in read_changes("수출은 2.3% 감소했다.", "ko")]
        [('2.3%', 'down')]
    """
    text = html.unescape(text)  # as the numbers were read: their starts are there
    reader = {"en": _en_change, "ko": _ko_change}.get(lang)
    if reader is None:
        return []
    numbers = extract_numbers(text, lang) if numbers is None else numbers
    changes: list[Change] = []
    previous: Change | None = None
    for number in sorted(numbers, key=lambda n: n.start):
        change = None
        if _has_amount(text, number):
            change = reader(text, number) or _marked_change(text, number)
        if change is None and previous is not None and lang == "en":
            change = _same_change(text, previous, number)
        if change is not None:
            changes.append(change)
        previous = change
    return changes


def _same_change(text: str, previous: Change, number: Number) -> Change | None:
    """``number`` as a second figure of ``previous``'s change: "rose 12.34 points, or
    0.6 percent" (Korean writes it ``12.34포인트(0.6%) 오른``, read directly)."""
    gap = text[previous.number.start + len(previous.number.text) : number.start]
    if not _EN_SAME_CHANGE.fullmatch(gap):
        return None
    unit = _EN_UNIT_AFTER.match(text, number.start + len(number.text))
    amount = number.text + (unit.group() if unit else "")
    return Change(number, previous.direction, previous.word, amount, previous.word_start)


def _directions(changes: list[Change], value: float) -> set[str]:
    return {c.currency_direction for c in changes if math.isclose(c.number.value, value)}


def _reversals(
    pairs: list[tuple[Number, Number]], src: list[Change], tgt: list[Change]
) -> list[tuple[Change, Change]]:
    """The matched numbers that the two sides move in opposite directions, one per
    value; not when a side gives the value both directions (its pairing is unsure)."""
    src_at = {c.number.start: c for c in src}
    tgt_at = {c.number.start: c for c in tgt}
    reversed_: dict[float, tuple[Change, Change]] = {}
    for a, b in pairs:
        ca, cb = src_at.get(a.start), tgt_at.get(b.start)
        if ca is None or cb is None or ca.currency_direction == cb.currency_direction:
            continue
        if ca.quantity and cb.quantity and not ca.quantity.agrees_with(cb.quantity):
            continue
        way_a, way_b = ca.currency_direction, cb.currency_direction
        if way_b in _directions(src, a.value) or way_a in _directions(tgt, b.value):
            continue
        reversed_.setdefault(a.value, (ca, cb))
    return list(reversed_.values())


def _message(
    reversals: list[tuple[Change, Change]], texts: tuple[str, str], langs: tuple[str, str]
) -> str:
    src_name, tgt_name = (language_name(lang) for lang in langs)

    def side(change: Change, name: str, lang: str, text: str) -> str:
        gloss = f" ({_GLOSS[change.direction]})" if lang != "en" else ""
        if change.quantity is not None:
            gloss = f" ({_moved(change, change.quantity)})"
        context = _in_context(change.number, text)
        return f"{change.amount} “{change.word}”{gloss} in the {name} {context}"

    return "direction reversed: " + "; ".join(
        f"{side(a, src_name, langs[0], texts[0])} is {side(b, tgt_name, langs[1], texts[1])}"
        for a, b in reversals
    )


def _moved(change: Change, quantity: Quantity) -> str:
    """What moved and how, in English: "the won fell", "the won-dollar rate rose, so
    the won fell"."""
    said = f"{quantity.name} {_GLOSS[change.direction]}"
    if not quantity.inverse:
        return said
    currency = f"the {quantity.currency}" if quantity.currency else "the currency"
    if quantity.name == "the dollar" and not quantity.currency:
        currency = "the other currency"
    return f"{said}, so {currency} {_GLOSS[change.currency_direction]}"


# A currency falls as its exchange rate rises: "the won fell 10.5 won against the
# dollar" is faithfully ``원·달러 환율은 10.5원 올랐다``.
_EXCHANGE_RATE = re.compile(
    r"환율|exchange\s+rates?|(?:against|versus|to|per)\s+the\s+(?:U\.?S\.?\s+)?(?:dollar|yen|euro|yuan)"
    r"|\bthe\s+(?:won|yen|yuan|euro|dollar)\s+(?:rose|fell|gained|lost|weakened|strengthened)",
    re.I,
)


def _with_quantities(changes: list[Change], text: str, lang: str) -> list[Change]:
    """The changes whose quantity the text tells, with it (see :mod:`aligner.qa.currency`)."""
    text = html.unescape(text)  # as the changes were read
    found = []
    for change in changes:
        quantity = read_quantity(text, lang, min(change.word_start, change.number.start))
        if quantity is not None:
            found.append(replace(change, quantity=quantity))
    return found


@dataclass(frozen=True)
class BeadChanges:
    """What the check compares on a paired bead.

    Attributes:
        texts: the text of each side, as :func:`aligner.qa.numbers.bead_numbers` reads it.
        pairs: the numbers both sides give, matched as ``number_mismatch`` matches them.
        src: the changes of the source side; in a pair about an exchange rate, only
            those whose quantity the text tells, with it.
        tgt: the changes of the target side, likewise.
    """

    texts: tuple[str, str]
    pairs: list[tuple[Number, Number]]
    src: list[Change]
    tgt: list[Change]


def read_bead_changes(doc: AlignedDocument, bead: Bead) -> BeadChanges | None:
    """The changes of a paired bead as the check compares them; None when a side
    has no text to read."""
    read = bead_numbers(doc, bead)
    if read is None:
        return None
    texts, src_numbers, tgt_numbers = read
    src_numbers = [n for n in src_numbers if n.kind != "gloss"]
    tgt_numbers = [n for n in tgt_numbers if n.kind != "gloss"]
    src = read_changes(texts[0], doc.src.lang, src_numbers)
    tgt = read_changes(texts[1], doc.tgt.lang, tgt_numbers)
    langs = doc.src.lang, doc.tgt.lang
    if any(
        _EXCHANGE_RATE.search(text) or names_a_currency(text, lang)
        for text, lang in zip(texts, langs, strict=True)
    ):
        src = _with_quantities(src, texts[0], langs[0])
        tgt = _with_quantities(tgt, texts[1], langs[1])
    return BeadChanges(texts, matched_numbers(src_numbers, tgt_numbers), src, tgt)


def _bead_flag(doc: AlignedDocument, bead: Bead) -> Flag | None:
    read = read_bead_changes(doc, bead)
    if read is None or not (read.src and read.tgt):
        return None
    texts = read.texts
    reversals = _reversals(read.pairs, read.src, read.tgt)
    if not reversals:
        return None
    message = _message(reversals, texts, (doc.src.lang, doc.tgt.lang))
    spans = _change_spans(doc, bead, reversals)
    return Flag(
        "number_mismatch",
        Severity.ERROR,
        bead.src,
        bead.tgt,
        message,
        subject="direction",
        spans=spans,
    )


def _change_spans(
    doc: AlignedDocument, bead: Bead, reversals: list[tuple[Change, Change]]
) -> tuple[Span, ...]:
    """Where each reversed change is written: its amount and its word of change, in the
    text :func:`aligner.qa.numbers.bead_numbers` reads (and the sentences it comes from)."""
    sides = SideText.content(doc, bead, "src"), SideText.content(doc, bead, "tgt")
    return tuple(
        dict.fromkeys(  # two figures of one change share its word: "rose 12 points, or 0.6%"
            span
            for pair in reversals
            for change, side in zip(pair, sides, strict=True)
            for start, words in sorted(
                ((change.number.start, change.amount), (change.word_start, change.word))
            )
            for span in side.written(start, words)
        )
    )


@register("direction", Severity.ERROR)
def find_reversed_directions(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Paired beads where a number rises on one side and falls on the other.

    Args:
        doc: the aligned document.
        settings: run settings (unused: the check has no options).

    Yields:
        One ``number_mismatch`` flag (subject ``direction``) per bead, naming every
        reversed number.
    """
    for bead in filter(doc.is_content_pair, doc.beads):
        flag = _bead_flag(doc, bead)
        if flag is not None:
            yield flag
