"""Institutions and countries Korean news names most, and a translation that names
one for another.

A translator who writes ``기획재정부에 따르면`` for "according to the Ministry of
Trade, Industry and Energy", or ``미국, 중국과`` for "with the United States and
Japan", leaves a sentence the embeddings find faithful and no Latin token
behind. The built-in list ``aligner/data/institutions.tsv`` gives the English and
Korean names of the ministries, agencies, courts and prosecutors' offices,
regulators, parties, pollsters, business lobbies, companies and countries Korean
news names most (current and former names, short forms, a country's adjective and capital),
with the English and Korean words that may stand for one without naming it
(police, the central bank, 방역당국; Xi, 한미일, 방일).

:func:`find_substitution` flags only a substitution:

* the English names institution A (not a foreign body of that name: "Japan's
  Foreign Ministry", "the North's Defense Ministry", nor part of a longer name:
  the Liberal Democratic Party is no Democratic Party);
* the Korean has none of A's Korean names or loose renderings;
* the Korean names an institution B of the list, of A's kind (the government's
  bodies and news outlets stand for one another; a party only for a party, a court
  for a court, a company for a company),
  as a word of its own (not inside a longer word, 산업부문, nor after a foreign
  country, 미 국방부) that the English neither names nor means with a loose word
  (its acronyms and descriptive forms, "the Cho Kuk-led party", name it).

A Korean that leaves the name out (``정부는``, ``당국은``) or uses a short form
is no substitution, nor is a party where the English names a ministry: it is
the party the English describes some other way. A loose word inside another's
name counts for no other: the "Court" of "the Constitutional Court" means no
Supreme Court, the 지검 of 서울중앙지검 renders no Seoul Southern office.

A country (kind ``country``) is read the same way, from its own forms: the
English names it by name, adjective or capital ("Japanese", "Tokyo"), wherever
it stands ("U.S. ally Japan" is no foreign body); the Korean renders it by name
anywhere (일본인) or by capital, hanja or the abbreviation of a compound where it
starts a word (한미일, 방일), which names no other country. A country word inside the
proper name of a museum, a bank, a university, a firm or a paper ("the National
Museum of Korea", "Korean Air") names no country there. And
:func:`find_substitution` flags a foreign body whose country the Korean changes
("Japan's defense ministry" as 중국 국방부).
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
    "ministry agency regulator bank presidency court legislature party pollster media company "
    "place country sea service".split()
) | {"business lobby", "union", "north-korean body", "foreign agency"}
# The government's bodies stand for one another: Statistics Korea put as 보건복지부,
# the Bank of Korea as 금융위원회. Any other kind stands only for its own.
_GOVERNMENT = frozenset("ministry agency regulator bank presidency".split())
# and a statement's source: the JCS's statement given as KCNA's (조선중앙통신은 … 밝혔다)
_SOURCES = _GOVERNMENT | {"media"}
# and the two sides of labor talks: a union's words given to the employers' lobby
_LABOR_TALKS = frozenset({"union", "business lobby"})
_HOME = "South Korea"  # the English name of the country whose bodies the list names
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_BOUNDARY = r"(?<!\w)"  # how en_pattern starts
_HANGUL = re.compile("[가-힣]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_EVENT = r"(?![\s\-]+(?:Games|Olympics?|Paralympics?|Expo)\b)"
# the dot or hyphen of 한·미·일, 미-중, 韓·美
_DOTS = re.compile(r"(?<=[가-힣\u4e00-\u9fff])[·ㆍ・‧\-](?=[가-힣\u4e00-\u9fff])")


def _patterns(forms: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(en_pattern(_THE.sub("", form)) for form in forms)


def _name_pattern(form: str) -> re.Pattern[str]:
    """A name keeps its capitals ("the little blue house" is no Blue House), all of
    them if it is one word ("LONDON" of a dateline is none), the first if more
    ("Seoul Central District prosecutors"), and a ministry none ("the finance
    ministry")."""
    pattern = en_pattern(_THE.sub("", form))
    body = pattern.pattern.removeprefix(_BOUNDARY)
    if form.endswith("Ministry") or not pattern.flags & re.IGNORECASE:
        return pattern
    if body.startswith("(?-i:"):
        return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
    return re.compile(f"{_BOUNDARY}(?-i:{body[0]}){body[1:]}", pattern.flags)


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
        kinds = {self.kind, other.kind}
        return self.kind == other.kind or kinds <= _SOURCES or kinds <= _LABOR_TALKS

    @functools.cached_property
    def names(self) -> tuple[str, ...]:
        """The English names as the text may write them, without "the"."""
        return tuple(_THE.sub("", form) for form in self.en)

    @functools.cached_property
    def _names(self) -> tuple[re.Pattern[str], ...]:
        patterns = tuple(_name_pattern(form) for form in self.en)
        if self.kind != "country":
            return patterns
        # the "Beijing" of "the Beijing Games" names a city's event, which Korean
        # often leaves at 올림픽
        return tuple(re.compile(p.pattern + _EVENT, p.flags) for p in patterns)

    @functools.cached_property
    def _loose(self) -> tuple[re.Pattern[str], ...]:
        return _patterns(self.en_loose)

    @functools.cached_property
    def _korean(self) -> tuple[str, ...]:
        return tuple(_SPACES.sub("", form) for form in self.ko)

    @functools.cached_property
    def _korean_loose(self) -> tuple[str, ...]:
        return tuple(_SPACES.sub("", form) for form in self.ko_loose)

    @functools.cached_property
    def _country_forms(self) -> re.Pattern[str]:
        """A country's Korean names anywhere (일본인, 대중국), and its other forms: one
        or two Hangul syllables (한미, 방일, 대북) where they start a word, a single
        one (미 국방부, 북 매체) where it is a word of its own."""
        forms = [re.escape(form) for form in sorted(self._korean, key=len, reverse=True)]
        for form in sorted(self._korean_loose, key=len, reverse=True):
            hangul = _HANGUL.fullmatch(form) is not None
            if hangul and len(form) == 1:
                forms.append(rf"(?<!\w){form}(?!\w)")
            else:
                forms.append(rf"(?<!\w){form}" if hangul and len(form) == 2 else re.escape(form))
        return re.compile("|".join(forms))

    @functools.cached_property
    def _keys(self) -> tuple[str, ...]:
        """A word each name must hold, in lower case (its plural too: ministr-)."""
        return tuple(max(_LETTERS.findall(form), key=len).lower().rstrip("y") for form in self.en)

    def named_in(self, english: str) -> Iterator[re.Match[str]]:
        """Where ``english`` names it."""
        present = _keys_in(english)
        for key, pattern in zip(self._keys, self._names, strict=True):
            if key in present:  # most sentences name none: skip the regex
                yield from pattern.finditer(english)

    def meant_in(self, english: str) -> bool:
        """Whether ``english`` names it or has a word that may mean it, not as part
        of another's name (the "Court" of "the Constitutional Court" is no
        Supreme Court; the "Prosecutors' Office" of "the Seoul Southern District
        Prosecutors' Office" no Supreme Prosecutors' Office)."""
        return any(
            not _inside_another(english, self, m.start(), m.end())
            for p in self._names + self._loose
            for m in p.finditer(english)
        )

    def written_in(self, english: str) -> bool:
        """Whether ``english`` has one of its names or loose words, inside another's
        name or not."""
        return any(p.search(english) for p in self._names + self._loose)

    def named_in_korean(self, korean: str) -> bool:
        """Whether ``korean`` has one of its Korean names (spaces ignored)."""
        squeezed = _SPACES.sub("", korean)
        return any(form in squeezed for form in self._korean)

    def rendered_in(self, korean: str) -> bool:
        """Whether ``korean`` has one of its Korean names or loose renderings
        (anywhere, spaces ignored: 보건복지부를, 방역 당국), a loose one not as part of
        another's name (the 지검 of 서울중앙지검 renders no other prosecutors'
        office, the 법원 of 대법원 no other court). A country's forms are read as
        :attr:`_country_forms` says, with the dots of 한·미·일 left out."""
        if self.kind == "country":
            return self._country_forms.search(_DOTS.sub("", korean)) is not None
        if self.named_in_korean(korean):
            return True
        squeezed = _SPACES.sub("", korean)
        return any(form in _without_longer(form, squeezed) for form in self._korean_loose)


@functools.lru_cache(maxsize=256)
def _lower(english: str) -> str:
    return english.lower()


def _row(line: str) -> Institution:
    kind, *cells = [*line.split("\t"), "", "", ""][:5]
    names = (tuple(v.strip() for v in cell.split("|") if v.strip()) for cell in cells)
    return Institution(kind.strip(), *names)


@functools.cache
def _key_scan() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """One pass that finds every key of the list in a lower-cased text: at each
    position the longest key there, and the keys it holds (which then occur too)."""
    keys = {key for inst in load_institutions() for key in inst._keys}
    alternatives = "|".join(map(re.escape, sorted(keys, key=len, reverse=True)))
    held = {key: frozenset(other for other in keys if other in key) for key in keys}
    return re.compile(f"(?=({alternatives}))"), held


@functools.lru_cache(maxsize=1024)
def _keys_in(english: str) -> frozenset[str]:
    """The keys of the list's names that ``english`` holds: every check asks of every
    institution, 180 of them, for every sentence."""
    scan, held = _key_scan()
    return frozenset(key for m in scan.finditer(_lower(english)) for key in held[m.group(1)])


_INDEXES: dict[int, tuple[tuple[Institution, ...], dict[str, tuple[int, ...]]]] = {}


def _by_key(institutions: tuple[Institution, ...]) -> dict[str, tuple[int, ...]]:
    """For each key, the places in ``institutions`` of those whose names hold it (kept
    by the tuple's identity: hashing a tuple of rows costs more than the index saves)."""
    kept = _INDEXES.get(id(institutions))
    if kept is None or kept[0] is not institutions:
        index: dict[str, list[int]] = {}
        for k, inst in enumerate(institutions):
            for key in set(inst._keys):
                index.setdefault(key, []).append(k)
        kept = institutions, {key: tuple(places) for key, places in index.items()}
        _INDEXES[id(institutions)] = kept
    return kept[1]


def _candidates(english: str, institutions: tuple[Institution, ...]) -> list[Institution]:
    """Those of ``institutions`` whose names ``english`` may hold, in their order."""
    present = _keys_in(english)
    if not present:
        return []
    index = _by_key(institutions)
    places = sorted({k for key in present for k in index.get(key, ())})
    return [institutions[k] for k in places]


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


@functools.cache
def _longer(form: str) -> re.Pattern[str] | None:
    """The Korean names of the list that hold ``form`` (서울중앙지검 holds 지검)."""
    names = {name for inst in load_institutions() for name in inst._korean}
    longer = sorted((name for name in names if form in name and name != form), key=len)
    return re.compile("|".join(map(re.escape, reversed(longer)))) if longer else None


def _without_longer(form: str, squeezed: str) -> str:
    """``squeezed`` with the Korean names of the list that hold ``form`` left out."""
    longer = _longer(form)
    return longer.sub("#", squeezed) if longer else squeezed


@functools.lru_cache(maxsize=256)
def _name_spans(english: str) -> tuple[tuple[int, int, Institution], ...]:
    return tuple(
        (m.start(), m.end(), inst)
        for inst in _candidates(english, load_institutions())
        for m in inst.named_in(english)
    )


def _inside_another(english: str, inst: Institution, start: int, end: int) -> bool:
    """Whether ``english[start:end]`` is part of a longer name of another institution."""
    return any(
        s <= start and end <= e and e - s > end - start and other is not inst
        for s, e, other in _name_spans(english)
    )


# A Korean name ends where a particle or a title starts (통계청은, 통계청장), not
# inside a longer word (산업부문, 경찰관, 민주당원).
_KO_FOLLOWERS = (
    "은 는 이 가 을 를 의 에 와 과 도 로 으로 만 측 까지 부터 보다 처럼 나 며 고 등 "
    "장 차관 총재 대표 위원장 대변인 관계자 발표 자료 조사 "
    "인 산 계 군 발 행 정부 내"  # a country's: 일본인, 중국산, 미국발, 한국 정부
).split()


@functools.cache
def _korean_names() -> re.Pattern[str]:
    """Every Korean name of the list standing as a word, the longest first."""
    forms = sorted(_owners(), key=lambda form: (-len(form), form))
    forms = [form + (f"(?!{_HOMOGRAPHS[form]})" if form in _HOMOGRAPHS else "") for form in forms]
    followers = "|".join(sorted(_KO_FOLLOWERS, key=len, reverse=True))
    return re.compile(rf"(?<![가-힣])({'|'.join(forms)})(?=(?:{followers})|(?![가-힣]))")


# names that are also common words, and the words that make them so: 기아 아동 (famine),
# 개성 있는 (personality)
_HOMOGRAPHS = {
    "기아": r"\s?(?:아동|어린이|난민|문제|퇴치|선상|해방|구호|인구|에\s?시달|로\s?고통"
    r"|와\s?(?:빈곤|질병))",
    "개성": r"\s?(?:있|없|을\s?살|을\s?드러|이\s?강|이\s?뚜렷|적|파|넘치|만점|과\s?취향)",
}


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


@functools.cache
def _foreign_words() -> frozenset[str]:
    """The one-word English names of every country but Korea ("Japan", "Tokyo",
    "Soviet"), as an owner before a body's name makes it a foreign one."""
    return frozenset(
        name.rstrip(".")
        for country in _countries()
        if country is not _home()
        for name in country.names
        if " " not in name
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
    return bool(owner.group("s")) or word in _foreign_words() or bool(_NATIONALITY.search(word))


@dataclass(frozen=True)
class Substitution:
    """An institution the English names and another the Korean names instead."""

    src: Institution
    written: str  # the English name as the text writes it
    tgt: str  # the Korean name of the other institution, as the text writes it
    src_start: int  # where ``written`` starts in the English
    tgt_start: int  # where ``tgt`` starts in the Korean


# A country word inside the proper name of a museum, a bank, a university, a firm or
# a paper ("the National Museum of Korea", "the Bank of Korea", "the University of
# Tokyo", "Korea Exchange", "Korean Air") does not name the country the sentence talks
# about, and Korean names most of them without it (국립중앙박물관, 대한항공): such a name
# has a word of these. A state's own bodies and titles keep it the country ("the
# Korean Air Force", "the Japanese Foreign Ministry", "the U.S. Energy Department",
# "Japanese Prime Minister Ishiba"): their Korean gives it (일본 외무성, 미 에너지부).
_NAME_HEADS = frozenset(
    "Museum Gallery Library Bank University College Institute Academy School Exchange Air "
    "Airlines Airways Airport Lines Railroad Railway Railways Corporation Corp Co Company "
    "Group Electric Power Motor Motors Steel Telecom Association Federation Foundation "
    "Society Council Center Centre Hospital Press Times Herald Post Daily News Broadcasting "
    "Party Front League Orchestra Theater Theatre Stadium Gymnasium Church Fund".split()
)
_STATE_WORDS = frozenset(
    "President Presidential Prime Premier Minister Ministry Foreign Defense Defence Department "
    "Agency Administration Bureau Office Service Commission Survey Government Embassy "
    "Ambassador Consulate Consul Envoy Army Navy Force Forces Military Coast Guard Police "
    "Emperor King Queen Prince Princess Crown Parliament Congress Diet Cabinet Chancellor "
    "Secretary State Republic Kingdom".split()
)
_NAME_WORD = r"[A-Z][\w'’.&-]*"
# the capitalised words of a name after the country word, with its small words
_NAME_AFTER = re.compile(rf"\s+({_NAME_WORD}(?:\s+(?:(?:of|for|and|&|the)\s+)*{_NAME_WORD})*)")
# "Museum of", "University of the": the words of a name before the country word
_NAME_BEFORE = re.compile(rf"((?:{_NAME_WORD}\s+)*{_NAME_WORD})\s+of\s+(?:the\s+)?$")


def _inside_a_name(english: str, start: int, end: int) -> bool:
    """Whether the country word at ``start:end`` is part of the proper name of a
    museum, a bank, a university, a firm or a paper rather than the country."""
    after = _NAME_AFTER.match(english, end)
    before = _NAME_BEFORE.search(english[:start])
    words = {word.rstrip(".,") for m in (after, before) if m for word in m.group(1).split()}
    return bool(words & _NAME_HEADS) and not words & _STATE_WORDS


def _named(
    english: str, institutions: tuple[Institution, ...]
) -> list[tuple[Institution, re.Match[str]]]:
    """The institutions ``english`` names, by position, with where it names them: not
    a foreign body, not part of a longer name (the Liberal Democratic Party holds no
    Democratic Party)."""
    found = [
        (m.start(), m.end(), inst, m)
        for inst in _candidates(english, institutions)
        for m in inst.named_in(english)
        if not (
            _inside_a_name(english, m.start(), m.end())
            if inst.kind == "country"
            else _foreign(english, m.start())
        )
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
        # 미 국방부 is the Pentagon, but 러시아의 미국 침공 still names the United States
        if named.kind != "country" and _foreign_before(korean, match.start()):
            continue
        owners = _owners()[match.group(1)]
        if any(inst.meant_in(english) for inst in owners):
            continue
        if _owns_named_body(korean, match.end(), english) and any(
            inst.written_in(english) for inst in owners
        ):
            continue
        if named.kind == "country" and (
            _locates(korean[match.end() :], english)
            or _anothers_nationality(korean, match, english, named)
        ):
            continue
        if any(inst.stands_for(named) for inst in owners):
            return match
    return None


def _owns_named_body(korean: str, end: int, english: str) -> bool:
    """Whether the Korean name ending at ``end`` stands before the name of a body the
    English names (``미국 식품의약국`` for "the U.S. Food and Drug Administration": with
    the English writing the country inside the body's name, its owner)."""
    start = len(korean) - len(korean[end:].lstrip())  # past the spaces after the name
    after = _korean_names().match(korean, start)
    return after is not None and any(i.meant_in(english) for i in _owners()[after.group(1)])


_NEXT_WORD = re.compile(r"\s+([가-힣]{2,})")  # a word of its own, no particle
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
_COMMA = re.compile(r",\s*")


def _locates(after: str, english: str) -> bool:
    """Whether a Korean country name stands before a place the English names, to
    say where it is (``미국 플로리다주 네이플스`` for "Naples, Florida"): the next
    Hangul word, or its start, transcribes a capitalised English word that is no
    part of a name of the list and that the English does not place itself
    ("Dabancheng, China": its country is the one the Korean must give)."""
    # imported here: aligner.qa.foreign reads the list this module loads
    from aligner.qa.foreign import sounds_alike

    found = _NEXT_WORD.match(after)
    if found is None:
        return False
    word = found.group(1)
    return any(
        sounds_alike(place, word[:end])
        for place in _unplaced(english)
        for end in range(len(word), 1, -1)
    )


_HANGUL_BEFORE_BRACKET = re.compile(r"([가-힣]{2,})\s*[(（]\s*$")
_ENGLISH_NAMES_AFTER = re.compile(r"\s*(?:['’]s\s+)?((?:[A-Z][\w'’-]+\s*){1,4})")


def _anothers_nationality(
    korean: str, match: re.Match[str], english: str, named: Institution
) -> bool:
    """Whether the country is a bracket of its own after the name of someone the English
    does not give ``named`` to, as Korean sports copy gives a player's nationality:
    ``넬리 코르다(미국)`` beside "South Korea's Kim Hyo-joo". "Spain's Rafael Nadal" as
    ``라파엘 나달(미국)`` is his nationality changed."""
    # imported here: aligner.qa.foreign reads the list this module loads
    from aligner.qa.foreign import sounds_alike

    name = _HANGUL_BEFORE_BRACKET.search(korean[: match.start(1)])
    if name is None or not korean[match.end(1) :].lstrip().startswith((")", "）")):
        return False
    owners = [
        word
        for mention in named.named_in(english)
        if (after := _ENGLISH_NAMES_AFTER.match(english, mention.end()))
        for word in re.findall(r"[A-Z][\w'’]+", after.group(1))
    ]
    hangul = name.group(1)
    return not any(
        sounds_alike(word, hangul[:end]) for word in owners for end in range(len(hangul), 1, -1)
    )


def _unplaced(english: str) -> Iterator[str]:
    """The capitalised words of ``english`` outside the names of the list, not right
    after one ("the French Open", "the Philippines News Agency": the Korean country
    before ``오픈`` is the English's) and not followed by one after a comma."""
    spans = _name_spans(english)
    for m in _CAPITALISED.finditer(english):
        comma = _COMMA.match(english, m.end())
        if any(s <= m.start() <= e + 1 or (comma and s == comma.end()) for s, e, _ in spans):
            continue
        yield m.group()


@functools.cache
def _countries() -> tuple[Institution, ...]:
    return tuple(inst for inst in load_institutions() if inst.kind == "country")


@functools.cache
def _home() -> Institution:
    """South Korea, the country whose bodies the list names."""
    return next(country for country in _countries() if _HOME in country.en)


@functools.cache
def _owner_patterns() -> tuple[tuple[Institution, re.Pattern[str]], ...]:
    """Each country's English names and words, as the owner before a body's name
    ("Japan's", "Japanese", "Tokyo's", "the North's")."""
    return tuple(
        (country, re.compile(rf"({p.pattern})(?:['’]s)?\s+(?:the\s+)?$", p.flags))
        for country in _countries()
        for p in country._names + country._loose
    )


def _english_owner(english: str, start: int) -> tuple[Institution, int, int] | None:
    """The country whose body the name at ``start`` is, and where the English writes it."""
    window = max(0, start - 40)
    found = [
        (country, window + m.start(1), window + m.end(1))
        for country, pattern in _owner_patterns()
        if (m := pattern.search(english[window:start]))
    ]
    return min(found, key=lambda f: f[1], default=None)  # North Korea's, not Korea's


@functools.cache
def _korean_owner() -> tuple[re.Pattern[str], dict[str, Institution]]:
    """A country's Korean name or one-syllable form right before a body's name
    (중국 국방부, 미 국무부, 日 방위성), and the country of each form."""
    forms = {
        form: country
        for country in _countries()
        for form in country._korean + tuple(f for f in country._korean_loose if len(f) == 1)
    }
    alternatives = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
    return re.compile(rf"(?<![가-힣])({alternatives})(?:의)?\s*$"), forms


def _foreign_before(korean: str, at: int) -> bool:
    """Whether another country's Korean name or one-syllable form stands right before
    ``at``: 미 국방부 is the Pentagon, 중국 외교부 Beijing's."""
    before, countries = _korean_owner()
    owner = before.search(korean[:at])
    return owner is not None and countries[owner.group(1)] is not _home()


_OWNER_GAP = re.compile(r"(?:['’]s)?\s+(?:the\s+)?")


def _owns_a_body_rendered_bare(english: str, korean: str, end: int) -> bool:
    """Whether the home country written up to ``end`` owns the body named or described
    right after it ("South Korea's defense ministry", "South Korea's spy agency") and
    the Korean renders that body with no country before it (국방부, 국가정보원): Korean
    copy leaves its own country unsaid, so another country the sentence mentions (북한의
    주장) stands for nothing it dropped."""
    at = gap.end() if (gap := _OWNER_GAP.match(english, end)) else end
    for body in load_institutions():
        if body.kind == "country" or not any(
            p.match(english, at) for p in body._names + body._loose
        ):
            continue
        for form in body._korean:
            for found in re.finditer(re.escape(form), korean):
                if not _foreign_before(korean, found.start()):
                    return True
    return False


def _owner_changed(english: str, korean: str, body: Institution, at: int) -> Substitution | None:
    """The country of the body named at ``at`` in the English, if the Korean changes
    it: "Japan's defense ministry" as 중국 국방부."""
    owner = _english_owner(english, at)
    if owner is None:
        return None
    country, start, end = owner
    before, countries = _korean_owner()
    owners = [
        (countries[m.group(1)], m)
        for form in body._korean + body._korean_loose
        for found in re.finditer(re.escape(form), korean)
        if (m := before.search(korean[: found.start()]))
    ]
    if any(other is country for other, _ in owners):
        return None
    for other, m in owners:
        if not other.meant_in(english):
            return Substitution(country, english[start:end], m.group(1), start, m.start(1))
    return None


# a body named to name another by it: "the FDA's European counterpart", "Hyundai Motor's
# smaller affiliate"
_COUNTERPART = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:counterparts?|equivalents?|rivals?|affiliates?"
    r"|sister|peers?|parent|subsidiar(?:y|ies)|unit)\b",
    re.I,
)


def find_substitution(
    src: str, tgt: str, *, institutions: tuple[Institution, ...] | None = None
) -> Substitution | None:
    """The first institution or country the English names that the Korean replaces
    by another, or a foreign body whose country the Korean changes.

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
        >>> find_substitution(
        ...     "Seoul shares information with the United States and Japan.",
        ...     "정부는 미국, 중국과 정보를 공유한다.",
        ... ).tgt
        '중국'
    """
    listed = load_institutions() if institutions is None else institutions
    for inst, written in _named(src, listed):
        if _COUNTERPART.match(src, written.end()):
            continue  # "the FDA's European counterpart" names another body
        if inst is _home() and _owns_a_body_rendered_bare(src, tgt, written.end()):
            continue
        rendered = inst.rendered_in(tgt)
        if rendered and inst.kind != "country" and not inst.named_in_korean(tgt):
            # a loose word (재판부, 항소심) renders it only where the Korean names no other
            # body of its kind outright: 대법원은 … 항소심에서 for the Seoul High Court (검찰
            # names the prosecution service, but is also a loose word for this office)
            other = _named_instead(tgt, src, inst)
            rendered = other is None or _SPACES.sub("", other.group(1)) in inst._korean_loose
        instead = None if rendered else _named_instead(tgt, src, inst)
        if instead:
            return Substitution(
                inst, written.group(), instead.group(1), written.start(), instead.start(1)
            )
    bodies = [(body, at) for at, _, body in _name_spans(src) if body.kind != "country"]
    allowed = {id(inst) for inst in listed} if bodies else set()  # ids: a row hashes slowly
    changed = (_owner_changed(src, tgt, body, at) for body, at in bodies if id(body) in allowed)
    return next(filter(None, changed), None)
