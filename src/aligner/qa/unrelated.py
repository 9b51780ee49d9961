"""Whether an English sentence and a Korean one name different things: the hard
content of an unrelated sentence, which a loose translation keeps.

A sentence put in place of the translation (a wrong segment from a translation
memory, a line of another story) can still score a little above the
``mistranslation`` threshold when it is on the same beat: "The Bush
administration has opposed timetables for troop withdrawals." against
``짐바브웨의 야당 지도자인 모간 창기라이가 ...`` (0.29 with ``muse-v3``, the
threshold 0.22). A loose translation in that band drops clauses but keeps what
it renders of the names and numbers, so a pair whose two sides each name or
number something, and share none of it, is unrelated.

:func:`disagreement` reads, on the English side, numbers written with digits (or
a number word that counts), the institutions and countries of the built-in list
it names (:mod:`aligner.qa.institutions`) and its capitalised words after the
first (a name, "Tech", "NHK"); on the Korean side, numbers, the list's Korean
names, Latin-script tokens (``IOC``) and titled Korean names (``오시마 대사``). The
two share one when:

* a number of one matches one of the other (as ``number_mismatch`` matches
  them), or is one changed (``51`` and ``41``: a changed number is that check's
  flag, not an unrelated sentence);
* an institution or country the Korean renders is one the English names or
  means (a loose word: "Bush" means the United States, so does ``오바마``);
* a Latin token of the Korean is a word of the English or its initials;
* the Korean puts one name for another, as a translation that changes a name
  does (a Korean person for the one the English names, an institution of the
  same kind but a company): the ``korean_name`` and ``institution`` checks flag that;
* a Hangul word starts with a transliteration of English capitalised words
  (``오시마대사`` ~ "Oshima", ``버지니아공대`` ~ "Virginia", read as Korean hears
  it), or with a Korean name the English romanizes.

The sharing tests are generous (a consonant skeleton of two letters matches many
words): a false share only loses a flag. Numbers alone on both sides are no
evidence (a changed number), so one side must name something.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aligner.qa.entities import _EnglishIndex, _key, _spelled_out, latin_tokens
from aligner.qa.institutions import (
    Institution,
    _inside_another,
    _korean_names,
    _name_spans,
    _owners,
    find_substitution,
    load_institutions,
)
from aligner.qa.names import _foreign_spellings, _transliterates, english_names, titled_names
from aligner.qa.numbers import extract_numbers, is_substitution, matched_numbers

__all__ = ["Disagreement", "disagreement"]

# a capitalised word inside the sentence: after a lower-case word, a digit, a comma
# or a bracket (not its first word, nor one after a quotation mark or a full stop)
_INNER_CAPITAL = re.compile(r"(?<=[a-z0-9,;)] )[A-Z][A-Za-z'’.&-]*[A-Za-z]")
# capitalised words that name nothing a translation must keep
_NOT_NAMES = frozenset(
    "I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
    "April May June July August September October November December Mr Mrs Ms Dr".split()
)
_HANGUL_WORD = re.compile("[가-힣]{2,}")
_SILENT_H = re.compile(r"(?<=[GgKkRr])h")
_SOFT_G = re.compile(r"[Gg](?=[eiy])")
_SILENT_R = re.compile(r"(?<=[aeiou])r(?=[b-df-hj-np-tv-z])")
# a changed number of one digit (3 and 8) says nothing: any two digits are one edit apart
_CHANGED_FROM = 10


@dataclass(frozen=True)
class Disagreement:
    """What each side names or numbers, none of it shared."""

    english: tuple[str, ...]
    korean: tuple[str, ...]


def _english_content(english: str) -> tuple[list[str], list[str]]:
    """The numbers and the names of an English sentence, as written."""
    numbers = [n.text for n in extract_numbers(english, "en") if n.confident]
    # the spans the institution checks read (cached), but Korea of Bank of Korea
    named = [(s, e) for s, e, i in _name_spans(english) if not _inside_another(english, i, s, e)]
    names = [english[s:e] for s, e in named]
    names += [
        m.group()
        for m in _INNER_CAPITAL.finditer(english)
        if m.group().rstrip(".") not in _NOT_NAMES and not any(s <= m.start() < e for s, e in named)
    ]
    return numbers, list(dict.fromkeys(names))


def _korean_content(korean: str) -> tuple[list[str], list[str]]:
    """The numbers and the names of a Korean sentence, as written."""
    numbers = [n.text for n in extract_numbers(korean, "ko") if n.confident]
    names = [m.group(1) for m in _korean_names().finditer(korean)]
    names += [t.text for t in latin_tokens(korean)]
    names += [n.text for n in titled_names(korean)]
    return numbers, names


def _share_numbers(english: str, korean: str) -> bool:
    src, tgt = extract_numbers(english, "en"), extract_numbers(korean, "ko")
    return bool(matched_numbers(src, tgt)) or any(
        min(a.value, b.value) >= _CHANGED_FROM and is_substitution(a, b) for a in src for b in tgt
    )


def _share_institution(english: str, korean: str) -> bool:
    rendered: list[Institution] = [i for i in load_institutions() if i.rendered_in(korean)]
    rendered += [i for m in _korean_names().finditer(korean) for i in _owners()[m.group(1)]]
    return any(i.meant_in(english) for i in rendered)


def _share_latin(english: str, korean: str) -> bool:
    index = _EnglishIndex(english)
    return any(index.explains(t) or _spelled_out(_key(t), english) for t in latin_tokens(korean))


def _as_heard(english: str) -> tuple[str, ...]:
    """``english`` as spelt, and as Korean hears it: a silent h gone (Ghana ~ 가나,
    Rhodes ~ 로도스), a soft g (Virginia ~ 버지니아), then an r before a consonant
    gone too (Carter ~ 카터)."""
    heard = _SILENT_H.sub("", english)
    heard = _SOFT_G.sub(lambda m: "J" if m.group() == "G" else "j", heard)
    return english, heard, _SILENT_R.sub("", heard)


def _share_spelling(english: str, korean: str) -> bool:
    """A Hangul word that starts with a transliteration of the English's capitalised
    words or with a Korean name it romanizes (particles and titles follow: 오시마대사가)."""
    spelled = {s for text in _as_heard(english) for s in _foreign_spellings(text) if len(s) >= 2}
    names = english_names(english)
    for word in _HANGUL_WORD.findall(korean):
        starts = [word[:k] for k in range(2, len(word) + 1)]
        if any(_transliterates(start, spelled) for start in starts):
            return True
        if len(word) >= 3 and any(n.sounds_like(word[:3]) for n in names):
            return True
    return False


def _put_for(english: str, korean: str) -> bool:
    """Whether the Korean puts one name for another, as a translation that changes a
    name does: another person for a Korean the English names (``korean_name``
    compares them) or an institution of the kind the English names (``institution``)."""
    if english_names(english) and titled_names(korean):
        return True
    # another company's news on the same beat is an unrelated sentence, not a company
    # put for the one the English names: nothing else of it is shared
    put = find_substitution(english, korean)
    return put is not None and put.src.kind != "company"


def disagreement(english: str, korean: str) -> Disagreement | None:
    """What an English sentence and a Korean one name and number, when each side has
    some, one side names something, and they share none of it (see the module).

    Example:
        >>> said = "Broadcaster NHK said 20 people were hurt."
        >>> disagreement(said, "익명의 미국 관계자는 밝혔다.")
        Disagreement(english=('20', 'NHK'), korean=('미국',))
        >>> disagreement(said, "NHK는 20명이 다쳤다고 밝혔다.")
    """
    en_numbers, en_names = _english_content(english)
    ko_numbers, ko_names = _korean_content(korean)
    if not (en_numbers or en_names) or not (ko_numbers or ko_names) or not (en_names or ko_names):
        return None
    shared = (_share_numbers, _share_institution, _share_latin, _share_spelling, _put_for)
    if any(test(english, korean) for test in shared):
        return None
    return Disagreement(tuple(en_numbers + en_names), tuple(ko_numbers + ko_names))
