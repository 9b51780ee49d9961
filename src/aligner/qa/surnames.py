"""The ``korean_surname`` check: one person by surname in the English, another in the Korean.

A second reference, and in crime and court copy often the only one, gives a
Korean person's surname alone: "Park said", "Park, 45,", "Mr. Park",
"President Yoon"; the Korean writes 박씨, 박모(45)씨, 박 대표, 윤 대통령.
A translator who writes 김씨 for "Park, the alleged ringleader" names the wrong
person, in a sentence the embeddings find faithful and with no full name for
``korean_name`` to read. This check flags a pair when:

* the English refers to someone by a Korean surname alone (a romanization of
  :data:`~aligner.qa.names.SURNAMES` not followed by another capitalised word nor
  after one: not "Park Ji-hoon", "Olympic Park", "Kim Clijsters", "Spike Lee"),
  or by a Korean full name; a surname that is also an English word (Park, Moon,
  Song, So) only after a title, inside a sentence ("arrested Park"), or before
  an age ("Park, 45,"), an apposition ("Park, the alleged ringleader,") or a
  verb ("Park said");
* the story makes it a Korean person's surname: a title or "surnamed" before it,
  a Korean full name of that surname in the English document, or the Korean
  document calling someone of that surname by 씨, a title or a full name
  (박모(45)씨, 박지훈 씨); "Kim" of a story about Kim Kardashian is none of these;
* the Korean of the pair calls someone else by surname: 김씨, 김모(45)씨, 김모
  씨, 김 대표, 김 전 장관, 김국장; or by a full name with a title (주장 임도현은)
  that transcribes no capitalised word of the English (오시마 대사 is "Oshima").
  Syllables that are also words before a title (이 "this", 한 "a", 양 "both", 고
  "the late" ...) count only where the Korean document gives someone of that
  surname a full name or 모, and never glued to the title (이사장, 주지사, 반대표,
  조교수); 전 and 현 are "former" and "current"
  (볼턴 전 대사) unless doubled (전 전 대통령, Chun);
* and neither side names the other's person: no 씨, title, name or 윤 정부 of
  the English surname in the Korean; no romanization of the Korean surname in
  the English ("Park told Kim" is two people). One person left over on each
  side, no more; not a possessive that names a relative ("Yoon's wife" is 김
  여사); not a Korean surname whose title translates a role the English gives
  someone it names elsewhere ("Park criticized the minister's plan" as ``그는 김
  장관의 계획을 비판했다`` in a story with Minister Kim Tae-ho).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from aligner.config import Settings
from aligner.models import Bead, Flag, Severity
from aligner.qa.foreign import sounds_alike
from aligner.qa.names import (
    _EN_SURNAMES,
    _EN_TITLES,
    _ENGLISH_WORDS,
    _ROLES,
    _TITLE,
    _WORD_BEFORE,
    SURNAMES,
    EnglishName,
    KoreanName,
    _looks_like_name,
    english_names,
    person_flag,
    titled_names,
)
from aligner.qa.registry import AlignedDocument, register
from aligner.qa.spans import SideText

__all__ = ["english_surnames", "find_swapped_surnames", "korean_surnames"]

# ------------------------------------------------------------------------ English

# Capitalised words that open a sentence and leave the name after them alone.
_OPENERS = frozenset(
    "And But Then When If After Before While Since Although Though As So Yet Or Also Still "
    "Now Later Earlier Instead Meanwhile Once Until Because Here There Where Why How What "
    "Only Even Neither Nor Under With Without For At In On By From To Like Unlike Against "
    "About Despite".split()
)
# Words before a capitalised word that make it a thing, not a person: "the Moon".
_DETERMINERS = frozenset("the a an this that these those his her their its our my your".split())
# Surname spellings that are English words, and need a title or a person's context.
_WORDLIKE = _ENGLISH_WORDS | frozenset(
    "Park Hong Young Won Yang Min Gil Ji Chi Cha Ra La Na Ko Jo Im Um Wi Ku Gu Tak Gi Rim Yo "
    "Jong Ri Li Yi Ryu Hur Sung Chung Ki Kil Sol Sul Suk Sok Kum Bahk Bak Pae Ro No Noh Rho "
    "Hoh Joh Hahn Yee You Mun".split()
)
_SAYING = (
    "said|says|told|added|noted|explained|stressed|insisted|argued|claimed|denied|admitted|"
    "wrote|asked|replied|warned|urged|announced|pleaded|confessed|testified|recalled|"
    "acknowledged|allegedly|reportedly|was|is|has|had|will|would|also|then|later|met|"
    "won|lost|left|led|took|made|gave|became|spent|sought|faces|remains|[a-z]{2,}ed"
)
# after the surname: an age, an apposition closed by a comma, a verb of saying or doing
_PERSON_AFTER = re.compile(
    rf"\s*\(\d{{1,3}}\)|,\s*\d{{1,3}}\s*[,)]|,\s*(?:the|a|an|who|whose)\b[^,.;]{{1,80}},"
    rf"|\s+(?:{_SAYING})\b|['’]s\s+[a-z]"
)
_SURNAME_WORDS = re.compile(
    r"(?<![\w'’.-])(" + "|".join(sorted(_EN_SURNAMES, key=len, reverse=True)) + r")(?![\w-])"
)
# "Yoon's wife" is 김 여사: a possessive that names someone else
_RELATIVE = re.compile(
    r"['’´`]s?\s+(?:[\w-]+\s+){0,3}?(?:wife|husband|spouse|son|daughter|brother|sister|"
    r"mother|father|parents?|family|children|relatives?|lawyers?|attorneys?|aides?|"
    r"spokes(?:man|woman|person)|secretary|successor|predecessor|rival|opponent|deputy|"
    r"friends?|partner|accomplices?|boss|assistant|driver|bodyguard)\b"
)
_WORD_REACH = 80  # no title is longer: the word before is read in this many characters
_SENTENCE_BREAK = re.compile(r"(?:[.!?:;\"“”‘(—–]|--)$")
_CAPITALISED = re.compile(r"[A-Z][A-Za-z]+")


@dataclass(frozen=True)
class EnglishSurname:
    """A Korean surname alone in English: "Park" of "Park said"."""

    text: str
    surnames: str  # the Hangul syllables it may be written with
    start: int
    titled: bool  # a title or "surname" before it says it is a person's surname
    acting: bool = False  # an age, an apposition or a verb after it: "Kim said"


def _is_start(text: str, at: int) -> bool:
    """Whether ``at`` opens a sentence, a quote or a clause after a dash."""
    # read back over the spaces only: a whole story is read, surname by surname
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at == 0 or _SENTENCE_BREAK.search(text, max(0, at - 2), at) is not None


def _read_surname(text: str, match: re.Match[str]) -> EnglishSurname | None:
    word, start, end = match.group(1), match.start(1), match.end(1)
    after = text[end:]
    if re.match(r"\s[A-Z]|-\w", after):
        return None  # a longer name: Park Ji-hoon, Olympic Park, Kim Clijsters
    reach = max(0, start - _WORD_REACH)
    before = _WORD_BEFORE.search(text, reach, start)
    previous = before.group(1) if before else ""
    bare = previous.rstrip(".").removesuffix("-elect")
    titled = bare in _EN_TITLES or previous.lower() in ("surname", "surnamed", "named")
    acting = _PERSON_AFTER.match(after) is not None
    if not titled:
        if previous.lower() in _DETERMINERS:
            return None
        if re.fullmatch(r"[A-Z]\.", previous):
            return None  # Robert E. Lee
        if previous[:1].isupper() and previous[-1:].isalpha():
            opens = before is not None and _is_start(text, before.start(1))
            if bare not in _OPENERS or not opens:
                return None  # Central Park, Spike Lee, Robert E. Lee
        # a capital inside a sentence makes a name ("arrested Park"), but not of "No. 1"
        inside = previous[-1:].isalpha() and previous.islower() and not re.match(r"\.\s?\d", after)
        if word in _WORDLIKE and not inside and not acting:
            return None  # So, Moon, Song, Park as English words
    return EnglishSurname(word, _EN_SURNAMES[word], start, titled, acting)


def english_surnames(text: str) -> list[EnglishSurname]:
    """The Korean surnames ``text`` refers to people by, given names left out.

    Example:
        >>> [s.text for s in english_surnames("Park, 45, told Mr. Lee that Kim Jong Un lied.")]
        ['Park', 'Lee']
    """
    found = (_read_surname(text, m) for m in _SURNAME_WORDS.finditer(text))
    return [s for s in found if s is not None]


def _english_mentions(text: str) -> set[str]:
    """The Hangul surnames any capitalised word of ``text`` may romanize."""
    return {h for w in _CAPITALISED.findall(text) for h in _EN_SURNAMES.get(w, "")}


# ------------------------------------------------------------------------ Korean

# Surname syllables that are also words before a title: this, a, both, former, current,
# the late, old, new, anti-, holy, full, famous, female/ruling, state, province, public...
_KO_WORDS = frozenset(
    "이 리 한 양 량 전 현 고 구 신 노 남 여 주 성 반 명 위 원 도 차 공 금 하 지 기".split()
)
# Titles that are everyday nouns after such a word: 이 주장 is "this claim", 이 모델 "this
# model"; a captain or a band member goes by the title before the name (주장 김우석)
_NOUN_TITLES = frozenset("주장 모델 멤버 리더 보컬 래퍼 프로듀서".split())
# and syllables that make a title one word: 정교수 (full professor), 조교수, 조사장
_GLUED = frozenset("정 조".split())
_ALL_SURNAMES = "".join(SURNAMES)
# a surname, maybe 모 (a name withheld) and an age, then 씨 or a title: 김씨, 김모(45)씨,
# 김모 씨, 김 대표, 김 전 장관, 김국장; 군 and 양 (boy, girl) only after 모
_KO_SURNAME = re.compile(
    rf"(?<![가-힣])(?P<surname>[{_ALL_SURNAMES}])(?P<mo>\s?모)?(?P<age>\s?\(\d{{1,3}}\))?"
    rf"\s?(?:[전현]\s)?(?P<title>씨(?![앗름족알])|후보자|부장판사|{_TITLE}|(?<=모)군|(?<=모)양"
    rf"|(?<=\))군|(?<=\))양)"
    # the title ends the word, or a particle follows: not 기자단, 대표단, 의원실
    r"(?=[은는이가을를의와과도에께측으로만등처까부조랑한]|[^가-힣]|$)"
)


# a surname as a word of its own: 윤 정부 (the Yoon government), 문 정권, 김·박 의원
_STANDING_ALONE = re.compile(
    rf"(?<![가-힣])([{_ALL_SURNAMES}])(?=\s?[·,]|\s(?:정부|정권|행정부|시절|측|캠프|일가|부부|부인))"
    rf"|(?<![가-힣])([{''.join(sorted(set(SURNAMES) - _KO_WORDS - _GLUED))}])(?=\s)"
)


@dataclass(frozen=True)
class KoreanSurname:
    """Someone the Korean calls by surname: 김 of 김씨, 김모(45)씨 or 김 대표."""

    text: str  # as written, surname to title
    surname: str
    title: str
    start: int
    withheld: bool  # 모 or an age: a person, whatever the syllable


def korean_surnames(text: str) -> list[KoreanSurname]:
    """Every surname-and-title (or 씨) of a Korean text, word-like syllables included.

    Example:
        >>> [s.text for s in korean_surnames("박모(45)씨 등 38명 가운데 김 대표는")]
        ['박모(45)씨', '김 대표']
    """
    return [
        KoreanSurname(m.group(0), m["surname"], m["title"], m.start(), bool(m["mo"] or m["age"]))
        for m in _KO_SURNAME.finditer(text)
    ]


def _persons(text: str) -> set[str]:
    """The surnames a Korean text gives people by a full name with a title, or with 모."""
    named = {n.text[0] for n in titled_names(text)}
    return named | {s.surname for s in korean_surnames(text) if s.withheld}


def _glued_word(name: KoreanSurname) -> bool:
    """Whether a surname-and-title is one word that is no name: 이사장, 주지사, 반대표,
    조교수, 성씨 (a surname)."""
    if name.withheld or " " in name.text:
        return False
    if name.title == "씨":
        return name.surname == "성"
    return name.surname in _KO_WORDS | _GLUED


def _reads_as_person(name: KoreanSurname, persons: set[str]) -> bool:
    """Whether a surname-and-title is a person's, not a word and a title (이 대표 "this
    representative", 한 의원 "a lawmaker", 전 장관 "a former minister", 주지사); 씨
    right after the syllable is a person's (이씨, 한씨)."""
    if _glued_word(name):
        return False
    if name.surname in "전현" and name.title != "씨" and not name.withheld:
        # 볼턴 전 대사 is a former ambassador: Chun is 전 전 대통령, the former president
        return re.match(r"[전현]\s[전현]\s", name.text) is not None
    glued = name.title == "씨" and " " not in name.text
    if name.surname in _KO_WORDS and name.title in _NOUN_TITLES and not name.withheld:
        return False
    return glued or name.withheld or name.surname not in _KO_WORDS or name.surname in persons


def _korean_mentions(text: str, names: list[EnglishName]) -> set[str]:
    """The surnames a Korean text names anyone by: a title, 씨, a full name (with a
    title, or one the English document gives), or three syllables of a name."""
    called = korean_surnames(text)
    words = {s.start for s in called if _glued_word(s)}
    found = {s.surname for s in called if s.start not in words}
    found |= {n.text[0] for n in titled_names(text)}
    found |= {m.group(1) or m.group(2) for m in _STANDING_ALONE.finditer(text)}
    for match in re.finditer(r"(?<![가-힣])(?=([가-힣]{3}))", text):
        word = match.group(1)
        if match.start() in words:
            continue
        if _looks_like_name(word) or any(n.sounds_like(word) for n in names):
            found.add(word[0])
    return found


# ------------------------------------------------------------------------ pairs


@dataclass(frozen=True)
class _Story:
    """What the whole document says about its people."""

    en_korean: set[str]  # surnames of the Korean full names of the English
    en_people: set[str]  # surnames of anyone the English names, in full or by surname
    ko_persons: set[str]  # surnames the Korean gives a full name with a title, or 모
    ko_called: set[str]  # surnames the Korean calls anyone by, with a title or 씨
    names: list[EnglishName]  # the Korean full names of the English
    en_alone: set[str]  # the surname words the English never writes in a longer name


def _story(doc: AlignedDocument) -> _Story:
    en = " ".join(s.text for s in doc.src.sentences)
    ko = " ".join(s.text for s in doc.tgt.sentences)
    names = english_names(en)
    persons = _persons(ko)
    called = {s.surname for s in korean_surnames(ko) if _reads_as_person(s, persons)}
    korean = {h for n in names for h in n.surnames}
    alone = english_surnames(en)
    people = korean | {h for n in alone for h in n.surnames}
    # "Kim" of a story that also says "Kim Kardashian" may be her
    words = Counter(m.group(1) for m in _SURNAME_WORDS.finditer(en))
    single = {w for w, n in Counter(s.text for s in alone).items() if words[w] == n}
    return _Story(korean, people, persons, called, names, single)


def _korean_person(surname: EnglishSurname, story: _Story) -> bool:
    """Whether the story makes the English surname a Korean person's."""
    if surname.titled:
        return True
    if surname.acting and surname.text in story.en_alone and story.ko_called:
        return True  # "Kim said" in a story whose Korean calls people by surname
    return bool(set(surname.surnames) & (story.en_korean | story.ko_persons | story.ko_called))


# a role said of the subject, not someone else's: "became the first manager"
_PREDICATE = re.compile(
    r"\b(?:is|was|became|becomes|become|been|remains|remained|named|appointed|elected|as)"
    r"\s+(?:(?:the|a|an|its|his|her|their|first|new|former|current|[\w-]+['’]s)\s+){0,3}$",
    re.IGNORECASE,
)


def _other_roles(src: str, surname: EnglishSurname) -> set[str]:
    """The Korean titles of roles the English gives anyone but the person named by
    ``surname``: not its own title before it, its apposition, nor a role said of it
    ("Lee, 43, became the first manager")."""
    end = surname.start + len(surname.text)
    before = src[max(0, surname.start - 40) : surname.start].rsplit(",", 1)[-1]
    apposition = re.match(r",[^,;.]{0,60}", src[end:])
    end += apposition.end() if apposition else 0
    rest = src[: surname.start - len(before)] + " " + src[end:]
    return {
        title
        for role, titles in _ROLES
        for found in role.finditer(rest)
        if not _PREDICATE.search(rest[: found.start()])
        for title in titles
    }


def _pair_flags(bead: Bead, sides: tuple[SideText, SideText], story: _Story) -> Iterator[Flag]:
    src, tgt = sides[0].text, sides[1].text
    mentioned = _korean_mentions(tgt, story.names)
    # a full name counts too: the Korean that calls "Rhee Chang-yong" 김 총재 has no
    # name of three syllables for ``korean_name`` to read
    full = [EnglishSurname(n.text, n.surnames, n.start, True) for n in english_names(src)]
    english = {
        s.text: s
        for s in english_surnames(src) + full
        if _korean_person(s, story)
        and not set(s.surnames) & mentioned
        and not _RELATIVE.match(src[s.start + len(s.text) :])
    }
    in_english = _english_mentions(src)
    korean = [
        k
        for k in korean_surnames(tgt)
        if k.surname not in in_english and _reads_as_person(k, story.ko_persons)
    ]
    # a full name with a title, before or after it: "Jeon said" as 주장 임도현은; not a
    # foreign name the English gives (오시마 대사 is "Oshima")
    capitalised = re.findall(r"\b[A-Z][a-z]+", src)
    korean += [
        KoreanSurname(n.text, n.text[0], "", n.start, withheld=False)
        for n in titled_names(tgt)
        if n.text[0] not in in_english
        and _title_beside(n, tgt)
        and not _RESIDENT.match(n.text)
        and not any(k.start == n.start for k in korean)
        and not any(sounds_alike(word, n.text) for word in capitalised)
    ]
    people = {frozenset(s.surnames) for s in english.values()}
    if len(people) != 1 or len({k.surname for k in korean}) != 1:
        return  # nobody left over, or several: which is whom is not for a rule to say
    name, other = next(iter(english.values())), korean[0]
    if other.surname in story.en_people and other.title in _other_roles(src, name):
        return  # the Korean names someone the English names elsewhere and here by role
    yield person_flag(
        bead, sides, (name.start, name.text), (other.start, other.text), other.surname
    )


# 주 before a country or the U.N. is "resident in" (주유엔 대사, 주미 대사관), no surname
_RESIDENT = re.compile(r"주(?:유엔|미|한|일|중|러|영|독|불|프|EU)")


def _title_beside(name: KoreanName, text: str) -> bool:
    """Whether the title stands right before or after the name (``주장 임도현``, ``최은영
    씨``), not a word away: ``진출한 한국 선수`` and ``주유엔 북한대사`` name nobody."""
    end = name.start + len(name.text)
    after = text.find(name.title, end)
    before = text.rfind(name.title, 0, name.start)
    return bool(name.title) and (
        (after >= 0 and not text[end:after].strip())
        or (before >= 0 and not text[before + len(name.title) : name.start].strip())
    )


@register("korean_surname", Severity.ERROR, langs=("en", "ko"))
def find_swapped_surnames(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """People the English calls by a Korean surname that the Korean calls by another.

    Args:
        doc: the aligned document.
        settings: run settings (unused: the check has no options).

    Yields:
        ``named_entity`` flags, at most one per pair.
    """
    story = _story(doc)
    for bead in filter(doc.is_content_pair, doc.beads):
        sides = SideText.of(doc.src, "src", bead.src), SideText.of(doc.tgt, "tgt", bead.tgt)
        yield from _pair_flags(bead, sides, story)
