"""The ``name_map`` check: a name the Korean renders one way all through the story,
replaced in one pair by the word of another name of the story.

A company, a group, a film or a club that Korean writes by convention (SK hynix is
``SK하이닉스``, NewJeans ``뉴진스``) has no reading the other checks know, and a swap
keeps the sentence close in meaning: "SK hynix began mass production" as
``삼성전자는 ... 양산을 시작했다`` scores 0.64. But the story itself says how each name
is rendered: over its pairs, the Korean words that come with an English name. A pair
is flagged when its English names X, its Korean has no word that surely renders X
(spells it in Latin letters or transcribes it) and has a word that comes with another
name X' of the story, which this English does not name. A name learned from fewer
than :data:`MIN_PAIRS` pairs says nothing; countries, capitals and the listed
institutions are ``institution``'s (a capital stands for its government).
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from aligner.config import Settings
from aligner.models import Bead, Flag, Severity
from aligner.qa.alignment import _quote
from aligner.qa.foreign import sounds_alike
from aligner.qa.institutions import load_institutions
from aligner.qa.registry import AlignedDocument, register

__all__ = ["find_name_swaps"]

MIN_PAIRS = 2  # pairs a name and its rendering must share to be learned
_SHARE = 0.6  # of a name's pairs, those its rendering must be in
_OWN = 0.75  # of a rendering's pairs, those that name its name

# capitalised words and acronyms, run together: "Samsung Electronics", "HBM3E"
_EN_NAME = re.compile(r"(?<![\w'’-])[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*")
_EN_NOT_NAMES = frozenset(
    "the a an he she it they we i you in on at for and but or this that these those his "
    "her its their our my mr mrs ms dr as by with from after before when while if so not "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december jan feb mar apr jun jul aug "
    "sep sept oct nov dec inc inc. corp corp. co co. ltd ltd. end yonhap no".split()
)
_KO_WORD = re.compile(r"[가-힣A-Za-z0-9]+")
# particles and copulas a Korean name takes: 삼성전자는, 뉴진스와, 이정재를
_KO_PARTICLE = re.compile(
    r"(?:은|는|이|가|을|를|의|에|에서|에게|와|과|로|으로|도|만|까지|부터|보다|처럼|이다|였다|"
    r"이었다|라는|이라는|측은|측)$"
)


def _en_names(text: str) -> tuple[dict[str, str], set[str]]:
    """The capitalised runs of ``text`` and their words, in lower case, as written,
    without the words every sentence capitalises; and of those the heads, which a
    rendering may be checked for: a whole run and its last word ("samsung electronics",
    "electronics"; "obama" of "Barack Obama", never "barack" nor the "white" of "White
    House")."""
    names: dict[str, str] = {}
    heads: set[str] = set()
    for run in _EN_NAME.finditer(text):
        written = [
            w.strip("'’.").removesuffix("'s").removesuffix("’s") for w in run.group().split()
        ]
        written = [w for w in written if w and w.lower() not in _EN_NOT_NAMES]
        names.update((w.lower(), w) for w in written if len(w) > 1)
        if len(written) > 1:
            names[" ".join(written).lower()] = " ".join(written)
            heads.add(" ".join(written).lower())
        if written and len(written[-1]) > 1:
            heads.add(written[-1].lower())
    return names, heads


def _ko_words(text: str) -> set[str]:
    words = set()
    for word in _KO_WORD.findall(text):
        stem = _KO_PARTICLE.sub("", word) if len(word) > 2 else word
        if len(stem) > 1 and not stem.isdigit():
            words.add(stem)
    return words


@dataclass(frozen=True)
class _Pair:
    bead: Bead
    en: dict[str, str]  # the names of the English, as written
    heads: set[str]
    ko: set[str]


class _Story:
    """What a document's pairs say of its names: which pairs name each, which pairs
    hold each Korean word, and how often each name and word come together."""

    def __init__(self, pairs: list[_Pair]) -> None:
        self.with_name: dict[str, set[int]] = defaultdict(set)
        self.with_word: dict[str, set[int]] = defaultdict(set)
        for k, pair in enumerate(pairs):
            for name in pair.en:
                self.with_name[name].add(k)
            for word in pair.ko:
                self.with_word[word].add(k)
        # only the words of a name's own pairs: all the document's would make long ones slow
        self.shared = {
            name: Counter(word for k in named for word in pairs[k].ko)
            for name, named in self.with_name.items()
            if len(named) >= MIN_PAIRS
        }
        self.names_of: dict[str, set[str]] = defaultdict(set)  # the names a word comes with
        for name, counts in self.shared.items():
            for word, count in counts.items():
                if count >= MIN_PAIRS:
                    self.names_of[word].add(name)
        self.sure = {name: found for name in self.shared if (found := self._sure(name))}

    def renders(self, name: str, word: str, leaving_out: int | None = None) -> bool:
        """Whether ``word`` comes with ``name``: together in :data:`MIN_PAIRS` pairs or
        more, in :data:`_SHARE` of its pairs, and seldom without it (:data:`_OWN`), the
        pair ``leaving_out`` aside (the one a swap put it in)."""
        count = self.shared[name][word]
        where = self.with_word[word] - {leaving_out}
        named = self.with_name[name]
        return count >= MIN_PAIRS and count >= _SHARE * len(named) and count >= _OWN * len(where)

    def usual(self, name: str) -> str:
        """The word the story writes ``name`` with most: ``SK하이닉스`` for SK."""
        words = [w for w in self.shared[name] if w.startswith(tuple(self.sure[name]))]
        return max(sorted(words), key=lambda w: self.shared[name][w])

    def _sure(self, name: str) -> set[str]:
        """The parts of the words that come with ``name`` that spell or transcribe it: a
        word that only comes with it may be its topic's ("Japan" with 규모 and 리히터 in
        an earthquake story)."""
        words = {word for word in self.shared[name] if self.renders(name, word)}
        return {part for word in words if (part := _spelling(name, word))}


def _spelling(name: str, word: str) -> str | None:
    """The part of a Korean word that writes an English name: its Latin letters (the SK
    of SK하이닉스 for SK) or the start that transcribes the name's last word (밴쿠버 of
    밴쿠버의, 이라크 of 이라크전 for Iraq); None if no part does."""
    letters = re.findall(r"[A-Za-z][A-Za-z0-9]+", word)  # no bare digit: the 7 of 폴드7
    if letters:
        joined, squeezed = "".join(letters).lower(), name.replace(" ", "")
        spelled = joined.startswith(squeezed[:2]) or joined in squeezed
        return letters[0] if spelled else None
    last = name.split()[-1]
    hangul = re.sub(r"[^가-힣]", "", word)
    ends = range(2, len(hangul) + 1)  # the shortest: 런던 of 런던응급서비스
    return next((hangul[:end] for end in ends if sounds_alike(last, hangul[:end])), None)


@functools.cache
def _listed() -> frozenset[str]:
    """The English names of the built-in list of institutions and countries, in lower
    case: ``institution`` reads those, and a capital stands for its government
    ("Seoul" as ``정부``, ``한국``), which no learned rendering foresees."""
    return frozenset(form.lower() for inst in load_institutions() for form in inst.en)


@functools.cache
def _listed_korean() -> frozenset[str]:
    """The Korean names of the built-in list: a listed company put for another is
    ``institution``'s flag (삼성전자 for SK hynix)."""
    return frozenset(form for inst in load_institutions() for form in inst.ko)


@register("name_map", Severity.WARNING, langs=("en", "ko"))
def find_name_swaps(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Pairs whose Korean gives another name of the story where the English names X.

    Args:
        doc: the aligned document.
        settings: run settings (unused: the check has no options).

    Yields:
        ``named_entity`` flags, at most one per pair.
    """
    pairs = [
        _Pair(bead, *_en_names(doc.src_text(bead)), _ko_words(doc.tgt_text(bead)))
        for bead in doc.beads
        if doc.is_content_pair(bead)
    ]
    story = _Story(pairs)
    for k, pair in enumerate(pairs):
        korean = doc.tgt_text(pair.bead)
        missing = [
            name
            for name in sorted((pair.heads & story.sure.keys()) - _listed())
            # glued ones count: 오바마상원의원의
            if not any(word in korean for word in story.sure[name])
        ]
        if not missing:
            continue
        # the words of this Korean that come with a name its English does not give
        found = [
            (word, names)
            for word in sorted(pair.ko - _listed_korean())
            if (
                names := [
                    n
                    for n in sorted(story.names_of[word] - pair.en.keys() - _listed())
                    if story.renders(n, word, k)
                ]
            )
        ]
        # a word that spells its name first: the story's common words come with a name too
        found = [f for f in found if any(_spelling(n, f[0]) for n in f[1])]
        if found:
            name, (word, names) = missing[0], found[0]
            longest = max(names, key=len)  # "Samsung Electronics", not "Electronics"
            other = next(p.en[longest] for p in pairs if longest in p.en)
            yield Flag(
                "named_entity",
                Severity.WARNING,
                pair.bead.src,
                pair.bead.tgt,
                f"EN names {pair.en[name]} ({story.usual(name)} in the rest of the Korean) "
                f"but KO says {word}, the story's word for {other}: {_quote(korean)}",
                subject=f"name {name}",
            )
