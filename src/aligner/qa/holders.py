"""Figures given to the wrong holder: every number of a pair matches, but one side
gives a party's seats, a company's rise, a country's growth to another one named in
the same sentence ("the Democratic Party won 37 ..., while the People Power Party took
11" / ``민주당이 11곳, 국민의힘이 37곳``). The numbers match as a bag, so
``number_mismatch`` alone sees nothing.

A figure's holder is the name that stands nearest before it, after the figure before
it: each side writes "A 37, B 11" or "A won 37, while B took 11", whatever order the
translation puts the holders in. Names are the institutions, parties and countries of
the built-in list (:mod:`aligner.qa.institutions`: "the People Power Party" is
``국민의힘``) and Latin-script names both sides write (``SK``, ``LG``). Two figures
whose holders both sides name, one side giving x to A and y to B and the other x to B
and y to A, were swapped. (A holder named before one figure on one side and before
another on the other is no evidence alone: translators reorder a sentence's figures
around a name given once, and the desk tests' faithful stories drew 39 false errors
so.) A name after a preposition ("exports to China") holds a figure only where no other
name does ("China's exports to South Korea rose 7 percent" is China's), and a side
that names someone after its figures ("41 percent backing the Democratic Party") is
not read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from aligner.qa.entities import latin_tokens
from aligner.qa.institutions import Institution, _korean_names, _name_spans, _owners
from aligner.qa.numerals import Number
from aligner.qa.numerals.english import _EN_UNITS
from aligner.qa.numerals.korean import _KO_NATIVE_UNITS

__all__ = [
    "changed_casualties",
    "changed_children",
    "changed_split",
    "changed_tally",
    "swapped_holders",
]


@dataclass(frozen=True)
class _Name:
    """A name written in a sentence: what it may mean, and where it ends."""

    text: str
    end: int
    means: frozenset[Institution | str]  # institutions, or a Latin name's upper case
    destination: bool = False  # after a preposition: "exports to China"


def swapped_holders(
    matched: Sequence[tuple[Number, Number]], texts: tuple[str, str], langs: tuple[str, str]
) -> tuple[str, str] | None:
    """A figure whose holder one side changed, as each side writes it with its holder
    ("37 with the Democratic Party", ``37곳 with 국민의힘``); None if none.

    Args:
        matched: the pairs of equal numbers of an English-Korean pair (either order).
        texts: the two sides' texts the numbers were read from.
        langs: the two sides' languages.
    """
    # figures a party or a country holds: not dates, times, places in a series or years
    matched = [
        pair
        for pair in matched
        if not {pair[0].kind, pair[1].kind} & _NOT_HELD and not _YEAR.fullmatch(pair[0].text)
    ]
    if sorted(langs) != ["en", "ko"] or len(matched) < 2:
        return None
    names = [_names(text, lang) for text, lang in zip(texts, langs, strict=True)]
    last = [max(pair[side].start for pair in matched) for side in (0, 1)]
    if any(n.end > at for side, at in enumerate(last) for n in names[side]):
        return None  # a name after the figures: "41 percent backing the Democratic Party"
    holders = [
        [
            _holder(names[side], [pair[side] for pair in matched], pair[side], texts[side])
            for pair in matched
        ]
        for side in (0, 1)
    ]
    for k, (a, b) in enumerate(matched):
        mine, theirs = holders[0][k], holders[1][k]
        for j, (a2, _) in enumerate(matched):
            back, moved = holders[0][j], holders[1][j]
            if a2.value == a.value or not (mine and theirs and back and moved):
                continue
            # one side gives x to A and y to B, the other x to B and y to A
            if mine.means & moved.means and theirs.means & back.means:
                if not mine.means & back.means:
                    return f"{a.text} with {mine.text}", f"{b.text} with {theirs.text}"
    return None


def _holder(names: list[_Name], numbers: list[Number], number: Number, text: str) -> _Name | None:
    """The name nearest before ``number`` and after the number before it, or the one
    right after it that it is a share of ("63.9 percent of Asiana": ``아시아나 지분 63.9%``)."""
    end = number.start + len(number.text)
    for name in names:
        if _SHARE_OF.fullmatch(text, end, name.end - len(name.text)):
            return name
    before = max((n.start + len(n.text) for n in numbers if n.start < number.start), default=0)
    inside = [n for n in names if before <= n.end - len(n.text) and n.end <= number.start]
    # "China's exports to South Korea rose 7 percent": the owner, not the destination
    return max(inside, key=lambda n: (not n.destination, n.end), default=None)


# what stands between a share and the whole it is a share of: "63.9 percent of Asiana"
_SHARE_OF = re.compile(r"\s*(?:%|percent|per\s+cent)?\s+of\s+(?:the\s+)?", re.I)
_NOT_HELD = frozenset({"month", "date", "day", "am", "pm", "clock", "ordinal"})
_YEAR = re.compile(r"(?:19|20)\d\d")
_DESTINATION = re.compile(
    r"\b(?:to|in|into|from|for|with|against|toward|towards)\s+(?:the\s+)?$", re.I
)


def _names(text: str, lang: str) -> list[_Name]:
    """The institutions a side names, and its Latin-script names outside them."""
    if lang == "en":
        # the longest names only: the "Korea" of "South Korea" is no name of its own
        named = [
            (s, e, inst)
            for s, e, inst in _name_spans(text)
            if inst.kind != "sea"
            and not any(a <= s and e <= b and b - a > e - s for a, b, _ in _name_spans(text))
        ]
        found = [
            _Name(text[s:e], e, frozenset({inst}), bool(_DESTINATION.search(text, 0, s)))
            for s, e, inst in named
        ]
        spans = [(s, e) for s, e, _ in named]
    else:
        owners = _owners()
        matches = [
            m
            for m in _korean_names().finditer(text)
            if any(inst.kind != "sea" for inst in owners[m.group(1)])
        ]
        found = [_Name(m.group(1), m.end(1), frozenset(owners[m.group(1)])) for m in matches]
        spans = [m.span(1) for m in matches]
    for token in latin_tokens(text):
        end = token.start + len(token.text)
        # a name both sides write in capitals (SK, LG, KDI), not a sentence's first word
        acronym = sum(c.isupper() for c in token.text) >= 2
        if acronym and not any(s <= token.start and end <= e for s, e in spans):
            found.append(_Name(token.text, end, frozenset({token.text.replace(".", "").upper()})))
    return found


# Sons and daughters, the figures of an obituary: "survived by two sons and a daughter"
# against ``딸 둘과 아들 하나`` keeps the bag {2, 1} that number_mismatch compares.
_EN_NUMBER_WORDS = {"a": 1, "an": 1, **_EN_UNITS}
# a native count standing alone (아들 둘) or before its noun (두 아들)
_KO_NATIVE = {"하나": 1, "둘": 2, "셋": 3, "넷": 4, **_KO_NATIVE_UNITS}
_EN_KIN = {"son": "son", "daughter": "daughter", "grandson": "grandson"}
_KO_KIN = {"아들": "son", "딸": "daughter", "손자": "grandson"}
_EN_CHILDREN = re.compile(
    rf"\b(?P<n>\d+|{'|'.join(_EN_NUMBER_WORDS)})\s+(?:[a-z-]+\s+)?"
    r"(?P<kin>son|daughter|grandson)s?\b(?!-in-law)",
    re.I,
)
_KO_COUNT = rf"(?:\d+|{'|'.join(_KO_NATIVE)})"
_KO_PARTICLE = r"(?:과|와|이|가|을|를|은|는|도|만|씩)(?:[^가-힣]|$)"
_KO_CHILDREN = re.compile(
    # 2남 1녀, 1녀 2남
    r"(?<!\d)(?P<sons>\d)\s?남\s?(?P<daughters>\d)\s?녀|(?<!\d)(?P<d2>\d)\s?녀\s?(?P<s2>\d)\s?남"
    # 아들 둘, 딸 2명, 손자 하나
    rf"|(?<![가-힣])(?P<kin>아들|딸|손자)\s?(?P<n>{_KO_COUNT})(?:\s?명)?(?=[^가-힣\d]|$|{_KO_PARTICLE})"
    rf"|(?<![가-힣])(?P<kin2>아들|딸|손자)\s?(?P<n2>{_KO_COUNT})\s?명"
    # 두 아들, 2명의 딸
    rf"|(?<![가-힣])(?P<n3>{_KO_COUNT})\s?(?:명의\s?)?(?P<kin3>아들|딸|손자)"
)


def _count(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else _EN_NUMBER_WORDS.get(word) or _KO_NATIVE[word]


def _children(text: str, lang: str) -> tuple[dict[str, int], str]:
    """How many sons, daughters and grandsons ``text`` counts, and its words for them."""
    counts: dict[str, int] = {}
    spans = []
    for m in (_EN_CHILDREN if lang == "en" else _KO_CHILDREN).finditer(text):
        found: list[tuple[str, str]] = []
        if lang == "en":
            found = [(_EN_KIN[m["kin"].lower()], m["n"])]
        elif m["sons"] or m["s2"]:
            found = [("son", m["sons"] or m["s2"]), ("daughter", m["daughters"] or m["d2"])]
        else:
            kin = m["kin"] or m["kin2"] or m["kin3"]
            found = [(_KO_KIN[kin], m["n"] or m["n2"] or m["n3"])]
        # the largest count of a kind: "아들 둘 … 두 아들 모두" names the same two sons
        for kin, number in found:
            counts[kin] = max(counts.get(kin, 0), _count(number))
        spans.append(m.span())
    if not spans:
        return counts, ""
    # "two sons and a daughter" as written, or its counts alone if far apart
    start, end = spans[0][0], spans[-1][1]
    words = text[start:end] if end - start <= 40 else ", ".join(text[a:b] for a, b in spans)
    return counts, words


def changed_children(texts: tuple[str, str], langs: tuple[str, str]) -> tuple[str, str] | None:
    """The sons and daughters each side counts, when both count some and they differ
    ("two sons and a daughter" against ``딸 둘과 아들 하나`` or ``아들 둘``); None if not."""
    if sorted(langs) != ["en", "ko"]:
        return None
    (mine, my_words), (theirs, their_words) = (
        _children(text, lang) for text, lang in zip(texts, langs, strict=True)
    )
    # one child counted on one side is the one the other names without a count ("a
    # daughter, two grandsons" / ``딸 정혜원 씨와 손자 둘``)
    sides = ((mine, theirs, texts[0], langs[0]), (theirs, mine, texts[1], langs[1]))
    for counts, other, text, lang in sides:
        for kin in [k for k, n in other.items() if n == 1 and k not in counts]:
            if _names_kin(text, lang, kin):
                counts[kin] = 1
    if not mine or not theirs or mine == theirs:
        return None
    return my_words, their_words


def _names_kin(text: str, lang: str, kin: str) -> bool:
    """Whether ``text`` names a son, daughter or grandson of the kind ``kin``."""
    if lang == "en":
        return re.search(rf"\b{kin}\b", text, re.I) is not None
    word = next(k for k, v in _KO_KIN.items() if v == kin)
    return (
        re.search(rf"(?<![가-힣]){word}(?![가-힣])|(?<![가-힣]){word}{_KO_PARTICLE}", text)
        is not None
    )


# A vote's tally: "180 voted in favor, 95 against" against ``찬성 95명, 반대 180명`` keeps the
# bag {180, 95}; so does "passed 180-95".
_EN_TALLY = (
    (
        "for",
        re.compile(
            r"\b(\d[\d,]*)\s+(?:lawmakers\s+|members\s+|votes?\s+)?(?:voted\s+)?(?:in\s+favou?r|for)\b",
            re.I,
        ),
    ),
    (
        "against",
        re.compile(
            r"\b(\d[\d,]*)\s+(?:lawmakers\s+|members\s+|votes?\s+)?(?:voted\s+)?against\b", re.I
        ),
    ),
    (
        "abstained",
        re.compile(
            r"\b(\d[\d,]*)\s+(?:lawmakers\s+|members\s+)?(?:abstained|abstentions?)\b", re.I
        ),
    ),
)
_EN_PASSED_BY = re.compile(
    r"\b(?:passed|approved|adopted|endorsed)\s+(?:(?:it|the(?:\s+[\w-]+){1,4}?)\s+)?"
    r"(?:by\s+a\s+vote\s+of\s+)?"
    r"(\d[\d,]*)\s?(?:-|–|to)\s?(\d[\d,]*)\b",
    re.I,
)
_KO_TALLY = (
    ("for", re.compile(r"찬성\s?(\d[\d,]*)")),
    ("against", re.compile(r"반대\s?(\d[\d,]*)")),
    ("abstained", re.compile(r"기권\s?(\d[\d,]*)")),
)


def _tally(text: str, lang: str) -> dict[str, tuple[int, str]]:
    """The votes for, against and abstaining a text counts, each with its words."""
    found: dict[str, tuple[int, str]] = {}
    for side, pattern in _EN_TALLY if lang == "en" else _KO_TALLY:
        if m := pattern.search(text):
            found[side] = int(m[1].replace(",", "")), m.group()
    if lang == "en" and "for" not in found and (m := _EN_PASSED_BY.search(text)):
        found["for"] = int(m[1].replace(",", "")), m.group()
        found["against"] = int(m[2].replace(",", "")), m.group()
    return found


def changed_tally(texts: tuple[str, str], langs: tuple[str, str]) -> tuple[str, str] | None:
    """A vote's tally whose figures one side gives to another choice ("180 voted in favor,
    95 against" / ``찬성 95명, 반대 180명``), when both sides count the votes for and
    against; None if not."""
    if sorted(langs) != ["en", "ko"]:
        return None
    mine, theirs = (_tally(text, lang) for text, lang in zip(texts, langs, strict=True))
    both = [side for side in ("for", "against", "abstained") if side in mine and side in theirs]
    if {"for", "against"} - set(both):
        return None
    if {mine[side][0] for side in both} != {theirs[side][0] for side in both}:
        return None  # other figures: a number changed, number_mismatch's
    changed = [side for side in both if mine[side][0] != theirs[side][0]]
    if not changed:
        return None
    return _tally_words(mine, both), _tally_words(theirs, both)


def _tally_words(tally: dict[str, tuple[int, str]], sides: Sequence[str]) -> str:
    return ", ".join(dict.fromkeys(tally[side][1] for side in sides))


# The dead, the injured and the missing of an accident: "killing two workers and injuring
# seven" against ``7명이 숨지고 2명이 다쳤다`` keeps the bag {2, 7} too.
_EN_COUNT = rf"\d[\d,]*|{'|'.join(w for w in _EN_UNITS if w != 'zero')}"
_EN_ROLES = {
    "kill": "dead", "dead": "dead", "die": "dead", "death": "dead", "fatalit": "dead",
    "injur": "injured", "wound": "injured", "hurt": "injured", "missing": "missing",
}  # fmt: skip
_EN_CASUALTY = re.compile(
    # "two workers were killed", "3 dead", "12 deaths", "seven injured"
    rf"\b(?P<n>{_EN_COUNT})\s+(?:[a-z-]+\s+){{0,2}}?(?:(?:were|was|are|have\s+been|had\s+been"
    r"|remain|remains|remained|are\s+still|were\s+still|still)\s+)?"
    r"(?P<role>killed|dead|died|deaths|fatalities|injured|injuries|wounded|hurt|missing)\b"
    # "killing two", "injuring at least seven", "the death toll rose to 12"
    r"|\b(?P<role2>killing|killed|injuring|injured|wounding|wounded|death\s+toll)\s+"
    rf"(?:(?:rose|climbed|stood|reached|jumped)\s+(?:to\s+)?|at\s+least\s+|about\s+|some\s+)?"
    rf"(?P<n2>{_EN_COUNT})\b(?!\s+(?:percent|per\s+cent|%|years?|hours?|days?|times))",
    re.I,
)
_KO_COUNT_WORD = rf"\d[\d,]*|{'|'.join(_KO_NATIVE_UNITS)}"
_COUNTS = {**_EN_UNITS, **_KO_NATIVE_UNITS}
_EITHER_ROLE = re.compile(
    r"\s+or\s+(?:\w+\s+)?(?:dead|killed|injured|wounded|hurt|missing)\b", re.I
)
_KO_ROLES = {
    "숨": "dead", "사망": "dead", "다치": "injured", "다쳤": "injured", "부상": "injured",
    "중상": "injured", "경상": "injured", "실종": "missing",
}  # fmt: skip
_KO_CASUALTY = re.compile(
    # 7명이 숨지고, 2명이 크게 다쳤다, 12명 사망
    rf"(?<![\d가-힣])(?P<n>{_KO_COUNT_WORD})\s?명(?:이|은|도|가|\s?정도가|\s?이상이)?\s?"
    r"(?:(?!숨|사망|다치|다쳤|부상|중상|경상|실종)[가-힣]+\s)?"
    r"(?P<role>(?:숨|사망|다치|다쳤|부상|중상|경상|실종)[가-힣]*)"
    # 사망 12명, 부상자 3명
    rf"|(?<![가-힣])(?P<role2>사망|부상|중상|경상|실종)자?\s?(?P<n2>{_KO_COUNT_WORD})\s?명"
)


def _casualties(text: str, lang: str) -> tuple[dict[str, set[int]], str]:
    """The counts of the dead, the injured and the missing ``text`` gives, and its words."""
    found: dict[str, set[int]] = {}
    spans = []
    roles = _EN_ROLES if lang == "en" else _KO_ROLES
    for m in (_EN_CASUALTY if lang == "en" else _KO_CASUALTY).finditer(text):
        role, number = (m["role"], m["n"]) if m["role"] else (m["role2"], m["n2"])
        if role.endswith("거나") or _EITHER_ROLE.match(text, m.end()):
            continue  # one count of two roles: "304 people dead or missing", 숨지거나 실종됐다
        kind = next(roles[stem] for stem in roles if role.lower().startswith(stem))
        count = int(number.replace(",", "")) if number[0].isdigit() else _COUNTS[number.lower()]
        found.setdefault(kind, set()).add(count)
        spans.append(m.span())
    return found, ", ".join(text[a:b] for a, b in spans)


def changed_casualties(texts: tuple[str, str], langs: tuple[str, str]) -> tuple[str, str] | None:
    """The dead, injured and missing one side counts as another ("killing two workers and
    injuring seven" / ``7명이 숨지고 2명이 다쳤다``), when both sides count two of them
    with the same figures, or one each, the same figure in another role; None if not."""
    if sorted(langs) != ["en", "ko"]:
        return None
    (mine, my_words), (theirs, their_words) = (
        _casualties(text, lang) for text, lang in zip(texts, langs, strict=True)
    )
    if len(mine) == len(theirs) == 1 and mine.keys() != theirs.keys():
        # one count given another role: "Six people remain missing" / ``6명이 숨졌다``
        same = next(iter(mine.values())) == next(iter(theirs.values()))
        return (my_words, their_words) if same else None
    both = [kind for kind in mine if kind in theirs]
    if len(both) < 2:
        return None
    if set().union(*(mine[k] for k in both)) != set().union(*(theirs[k] for k in both)):
        return None  # other figures: a number changed, number_mismatch's
    if all(mine[k] == theirs[k] for k in both):
        return None
    return my_words, their_words


# A court's or a board's split: "ruled 6-3" against ``5대 4의 의견으로``. English copy gives
# it in dashes, which number_mismatch reads as no figure the Korean must give (``9명 중 6명``
# translates it); where the Korean gives a split too, the two must agree.
_EN_SPLIT = re.compile(r"(?<![\d.-])(\d{1,2})\s?[-–]\s?(\d{1,2})(?![\d.-])")
_EN_SPLIT_WORDS = re.compile(
    r"\b(?:rul(?:ed|ing)|vot(?:ed|e|es|ing)|decision|verdict|majority|justices|judges|board)\b",
    re.I,
)
_KO_SPLIT = re.compile(r"(?<![\d.])(\d{1,2})\s?대\s?(\d{1,2})(?![\d.])")


def changed_split(texts: tuple[str, str], langs: tuple[str, str]) -> tuple[str, str] | None:
    """A ruling's or a vote's split that both sides give and that differs ("ruled 6-3" /
    ``5대 4의 의견으로``), as each writes it; None if not."""
    if sorted(langs) != ["en", "ko"]:
        return None
    en, ko = texts if langs[0] == "en" else texts[::-1]
    if not _EN_SPLIT_WORDS.search(en):
        return None
    english, korean = _EN_SPLIT.findall(en), _KO_SPLIT.findall(ko)
    if len(english) != 1 or len(korean) != 1:
        return None
    if sorted(map(int, english[0])) == sorted(map(int, korean[0])):
        return None
    words = "-".join(english[0]), "대 ".join(korean[0])
    return words if langs[0] == "en" else (words[1], words[0])
