"""Institutions Korean news names most, and a translation that names one for another.

A translator who writes ``기획재정부에 따르면`` for "according to the Ministry of
Trade, Industry and Energy" leaves a sentence the embeddings find faithful and
no Latin token behind. The built-in list ``aligner/data/institutions.tsv`` gives
the English and Korean names of the ministries, agencies, courts, regulators,
parties and pollsters Korean news names most (current and former names, short
forms), with the English and Korean words that may stand for one without
naming it (police, the central bank, 방역당국).

:func:`find_substitution` flags only a substitution:

* the English names institution A (not a foreign body of that name: "Japan's
  Foreign Ministry", "the North's Defense Ministry", nor part of a longer name:
  the Liberal Democratic Party is no Democratic Party);
* the Korean has none of A's Korean names or loose renderings;
* the Korean names an institution B of the list, of A's kind (the government's
  bodies stand for one another; a party only for a party, a court for a court),
  as a word of its own (not inside a longer word, 산업부문, nor after a foreign
  country, 미 국방부) that the English neither names nor means with a loose word
  (its acronyms and descriptive forms, "the Cho Kuk-led party", name it).

A Korean that leaves the name out (``정부는``, ``당국은``) or uses a short form
is no substitution, nor is a party where the English names a ministry: it is
the party the English describes some other way.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from aligner.qa.terminology import en_pattern

__all__ = ["KINDS", "Institution", "Substitution", "find_substitution", "load_institutions"]

_FILE = "data/institutions.tsv"
KINDS = frozenset(
    "ministry agency regulator bank presidency court legislature party pollster media".split()
) | {"north-korean body"}
# The government's bodies stand for one another: Statistics Korea put as 보건복지부,
# the Bank of Korea as 금융위원회. Any other kind stands only for its own.
_GOVERNMENT = frozenset("ministry agency regulator bank presidency".split())
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def _patterns(forms: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(en_pattern(_THE.sub("", form)) for form in forms)


def _name_pattern(form: str) -> re.Pattern[str]:
    """A name keeps its capitals ("the little blue house" is no Blue House), but
    news writes a ministry in lower case too ("the finance ministry")."""
    pattern = en_pattern(_THE.sub("", form))
    if form.endswith("Ministry"):
        return pattern
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


@dataclass(frozen=True)
class Institution:
    """One row of the list.

    Attributes:
        kind: what it is (see :data:`KINDS`): only one of its kind may stand for it.
        en: the English names, the first as a message gives it ("the Ministry of
            Trade, Industry and Energy"); a leading "the" is optional in the text.
        ko: the Korean names and short forms, the full name first.
        en_loose: English words that may mean it without naming it.
        ko_loose: Korean words that may render it without naming it.
    """

    kind: str
    en: tuple[str, ...]
    ko: tuple[str, ...]
    en_loose: tuple[str, ...] = ()
    ko_loose: tuple[str, ...] = ()

    def stands_for(self, other: Institution) -> bool:
        """Whether a translator may put this one for ``other``: one of its kind."""
        return self.kind == other.kind or {self.kind, other.kind} <= _GOVERNMENT

    @functools.cached_property
    def names(self) -> tuple[str, ...]:
        """The English names as the text may write them, without "the"."""
        return tuple(_THE.sub("", form) for form in self.en)

    @functools.cached_property
    def _names(self) -> tuple[re.Pattern[str], ...]:
        return tuple(_name_pattern(form) for form in self.en)

    @functools.cached_property
    def _loose(self) -> tuple[re.Pattern[str], ...]:
        return _patterns(self.en_loose)

    @functools.cached_property
    def _korean(self) -> tuple[str, ...]:
        return tuple(_SPACES.sub("", form) for form in self.ko + self.ko_loose)

    def named_in(self, english: str) -> Iterator[re.Match[str]]:
        """Where ``english`` names it."""
        for pattern in self._names:
            yield from pattern.finditer(english)

    def meant_in(self, english: str) -> bool:
        """Whether ``english`` names it or has a word that may mean it."""
        return any(p.search(english) for p in self._names + self._loose)

    def rendered_in(self, korean: str) -> bool:
        """Whether ``korean`` has one of its Korean names or loose renderings
        (anywhere, spaces ignored: 보건복지부를, 방역 당국)."""
        squeezed = _SPACES.sub("", korean)
        return any(form in squeezed for form in self._korean)


def _row(line: str) -> Institution:
    kind, *cells = [*line.split("\t"), "", "", ""][:5]
    names = (tuple(v.strip() for v in cell.split("|") if v.strip()) for cell in cells)
    return Institution(kind.strip(), *names)


@functools.cache
def load_institutions() -> tuple[Institution, ...]:
    """The built-in list, read once.

    Example:
        >>> [i.ko[0] for i in load_institutions() if "Statistics Korea" in i.en]
        ['통계청']
    """
    text = resources.files("aligner").joinpath(_FILE).read_text("utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(_row(line) for line in rows[1:])  # rows[0]: the header


# A Korean name ends where a particle or a title starts (통계청은, 통계청장), not
# inside a longer word (산업부문, 경찰관, 민주당원).
_KO_FOLLOWERS = (
    "은 는 이 가 을 를 의 에 와 과 도 로 으로 만 측 까지 부터 보다 처럼 나 며 고 등 "
    "장 차관 총재 대표 위원장 대변인 관계자 발표 자료 조사"
).split()
# a foreign country before a Korean name: 미 국방부 is the Pentagon, 중국 외교부 Beijing's
_KO_FOREIGN = re.compile(
    r"(?<![가-힣])(?:미|미국|중|중국|일|일본|러|러시아|영|영국|프랑스|독일|대만|유럽|인도|호주|"
    r"캐나다|이란|이스라엘|우크라이나|브라질|튀르키예|터키|美|中|日|英|露|佛|獨)(?:의)?\s+$"
)


@functools.cache
def _korean_names() -> re.Pattern[str]:
    """Every Korean name of the list standing as a word, the longest first."""
    forms = sorted(_owners(), key=lambda form: (-len(form), form))
    followers = "|".join(sorted(_KO_FOLLOWERS, key=len, reverse=True))
    return re.compile(rf"(?<![가-힣])({'|'.join(forms)})(?=(?:{followers})|(?![가-힣]))")


@functools.cache
def _owners() -> dict[str, tuple[Institution, ...]]:
    """The institutions each Korean name stands for (외교통상부: two)."""
    owners: dict[str, list[Institution]] = {}
    for inst in load_institutions():
        for form in inst.ko:
            owners.setdefault(form, []).append(inst)
    return {form: tuple(insts) for form, insts in owners.items()}


# Who owns a body named in English: "Japan's", "North Korea's", "the North's",
# "Japanese", "U.S." make it a foreign one; Korea, Seoul and the South do not.
_EN_OWNER = re.compile(
    r"(?:(?P<acronym>\bU\.S\.|\b(?:US|UK|EU|UN))|(?P<north>North\s+)?(?P<owner>[A-Z][\w.]*?)"
    r"(?P<s>['’]s)?)\s+(?:the\s+)?$"
)
_KOREAN_OWNERS = frozenset({"Korea", "Korean", "Seoul", "South", "Sejong", "The"})
_NATIONALITY = re.compile(r"(?:an|ese|ish|ch|i|ic)$")
_COUNTRIES = frozenset(
    "Japan China Russia Taiwan India Iran Iraq Israel Ukraine France Germany Britain America "
    "Australia Canada Mexico Brazil Turkey Vietnam Thailand Philippines Indonesia Pakistan "
    "Afghanistan Egypt Syria Beijing Tokyo Moscow Washington Pyongyang".split()
)


def _foreign(english: str, start: int) -> bool:
    """Whether the name at ``start`` is another country's body of that name."""
    owner = _EN_OWNER.search(english[max(0, start - 40) : start])
    if owner is None:
        return False
    if owner.group("acronym"):
        return True
    word = owner.group("owner").rstrip(".")
    if owner.group("north"):  # North Korea's, the North Korean
        return True
    if word in _KOREAN_OWNERS:
        return False
    return bool(owner.group("s")) or word in _COUNTRIES or bool(_NATIONALITY.search(word))


@dataclass(frozen=True)
class Substitution:
    """An institution the English names and another the Korean names instead."""

    src: Institution
    written: str  # the English name as the text writes it
    tgt: str  # the Korean name of the other institution, as the text writes it
    src_start: int  # where ``written`` starts in the English
    tgt_start: int  # where ``tgt`` starts in the Korean


def _named(
    english: str, institutions: tuple[Institution, ...]
) -> list[tuple[Institution, re.Match[str]]]:
    """The institutions ``english`` names, by position, with where it names them: not
    a foreign body, not part of a longer name (the Liberal Democratic Party holds no
    Democratic Party)."""
    found = [
        (m.start(), m.end(), inst, m)
        for inst in institutions
        for m in inst.named_in(english)
        if not _foreign(english, m.start())
    ]
    kept = [
        (start, end, inst, written)
        for start, end, inst, written in found
        if not any(
            s <= start and end <= e and e - s > end - start and i is not inst
            for s, e, i, _ in found
        )
    ]
    kept.sort(key=lambda m: (m[0], m[0] - m[1]))  # in text order, the longest first
    return [(inst, written) for _, _, inst, written in kept]


def _named_instead(korean: str, english: str, named: Institution) -> re.Match[str] | None:
    """A Korean name of the list, of an institution that may stand for ``named``,
    that the English neither names nor means."""
    for match in _korean_names().finditer(korean):
        if _KO_FOREIGN.search(korean[: match.start()]):
            continue
        owners = _owners()[match.group(1)]
        if any(inst.meant_in(english) for inst in owners):
            continue
        if any(inst.stands_for(named) for inst in owners):
            return match
    return None


def find_substitution(
    src: str, tgt: str, *, institutions: tuple[Institution, ...] | None = None
) -> Substitution | None:
    """The first institution the English names that the Korean replaces by another.

    Args:
        src: the English of a pair.
        tgt: its Korean.
        institutions: those the English may name (the built-in list by default;
            the caller leaves out those the user's glossary enforces).

    Returns:
        The substitution, or ``None``.

    Example:
        >>> sub = find_substitution(
        ...     "Exports rose, according to the Ministry of Trade, Industry and Energy.",
        ...     "기획재정부에 따르면 수출이 늘었다.",
        ... )
        >>> sub.src.ko[0], sub.tgt
        ('산업통상자원부', '기획재정부')
    """
    listed = load_institutions() if institutions is None else institutions
    for inst, written in _named(src, listed):
        instead = None if inst.rendered_in(tgt) else _named_instead(tgt, src, inst)
        if instead:
            return Substitution(
                inst, written.group(), instead.group(1), written.start(), instead.start(1)
            )
    return None
