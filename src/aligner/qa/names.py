"""The ``korean_name`` check: a Korean name in the English, another person's in the Korean.

English news romanizes Korean names surname first ("Rhee Chang-yong",
"Kim Jong Un", "Ban Ki-moon"); the Korean writes them in three Hangul
syllables (이창용, 김정은, 반기문). A translator who puts the predecessor in
("이주열 총재는" for "Governor Rhee Chang-yong said") leaves a sentence the
embeddings find faithful and no Latin token behind, so the ``named_entity``
check has nothing to see. This one romanizes the Hangul itself and flags a pair
only when all of these hold:

* the English has a Korean-style full name: a known surname romanization
  (:data:`SURNAMES`) followed by a two-syllable given name, hyphenated
  ("Chang-yong"), joined ("Changyong") or spaced in the North Korean way
  ("Jong Un"), each syllable a possible romanization of a Hangul one;
* no three Hangul syllables of the Korean sound like it (:func:`sounds`
  folds the Revised Romanization, McCune-Reischauer and common spellings
  together: eo/o/u, ae/ai, ch/j, k/g, p/b, t/d, Lee/Rhee/Yi for 이);
* the Korean names someone else instead: a three-syllable word with a title
  (``이주열 총재``, ``전영수씨``, ``이주열 한국은행 총재``, ``이영은 건국대 기후학과
  교수``, ``함영진 직방 빅데이터랩장``, ``총재 이주열은``) that no name of the
  English sounds like, with the English name's surname, its given name, or the
  title of its role ("Governor" ~ 총재).

A Korean that gives only the surname and title (``이 총재``) or leaves the name
out is not flagged: that is a choice of style, not another person.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from aligner.config import Settings
from aligner.models import Bead, Flag, Severity
from aligner.qa.alignment import _quote
from aligner.qa.datelines import dateline_cities
from aligner.qa.hangul import jamo
from aligner.qa.registry import AlignedDocument, register
from aligner.qa.spans import SideText

__all__ = [
    "SURNAMES",
    "called_by_title",
    "english_names",
    "korean_spellings",
    "find_swapped_names",
    "sounds",
    "titled_before",
    "titled_names",
]

# Hangul surname -> its romanizations in English news: Revised Romanization,
# McCune-Reischauer, and the spellings families and papers keep (Rhee, Paik, Roh).
SURNAMES: dict[str, tuple[str, ...]] = {
    "김": ("Kim", "Gim"),
    "이": ("Lee", "Yi", "Rhee", "Rhie", "Ri", "Rhi", "Yee"),
    "리": ("Ri", "Rhee", "Lee", "Li", "Yi"),
    "박": ("Park", "Pak", "Bak", "Bahk"),
    "최": ("Choi", "Choe", "Chey"),
    "정": ("Jung", "Chung", "Jeong", "Cheong", "Chong", "Jong", "Joung"),
    "강": ("Kang", "Gang"),
    "조": ("Cho", "Jo", "Joh", "Chough"),
    "윤": ("Yoon", "Yun", "Youn"),
    "장": ("Jang", "Chang"),
    "임": ("Lim", "Im", "Yim", "Rim"),
    "림": ("Rim", "Lim"),
    "한": ("Han", "Hahn"),
    "오": ("Oh",),
    "서": ("Seo", "Suh", "So", "Suhr"),
    "신": ("Shin", "Sin", "Shinn"),
    "심": ("Shim", "Sim"),
    "권": ("Kwon", "Gwon", "Kwun"),
    "황": ("Hwang",),
    "안": ("Ahn", "An"),
    "송": ("Song",),
    "류": ("Ryu", "Yoo", "Yu", "Lyu", "Rhyu", "Ryoo"),
    "유": ("Yoo", "Yu", "You", "Ryu"),
    "홍": ("Hong",),
    "전": ("Jeon", "Chun", "Jun", "Chon", "Jon", "Cheon"),
    "천": ("Cheon", "Chun", "Chon"),
    "고": ("Ko", "Koh", "Go", "Goh"),
    "문": ("Moon", "Mun"),
    "양": ("Yang",),
    "량": ("Ryang", "Yang"),
    "손": ("Son", "Sohn"),
    "배": ("Bae", "Pae"),
    "백": ("Baek", "Paik", "Paek", "Baik", "Back"),
    "허": ("Heo", "Huh", "Hur", "Hoh"),
    "노": ("Noh", "Roh", "No", "Ro", "Rho"),
    "로": ("Ro", "Roh", "Rho"),
    "남": ("Nam",),
    "하": ("Ha",),
    "곽": ("Kwak", "Gwak"),
    "성": ("Sung", "Seong", "Song"),
    "차": ("Cha",),
    "주": ("Joo", "Ju", "Chu", "Choo"),
    "추": ("Choo", "Chu"),
    "우": ("Woo", "Wu"),
    "민": ("Min",),
    "반": ("Ban", "Pan"),
    "여": ("Yeo", "Yuh", "Yo"),
    "려": ("Ryo", "Ryeo", "Yeo"),
    "길": ("Gil", "Kil"),
    "진": ("Jin", "Chin"),
    "나": ("Na", "Ra"),
    "라": ("Ra", "La"),
    "마": ("Ma",),
    "원": ("Won", "Weon"),
    "엄": ("Um", "Eom", "Uhm"),
    "변": ("Byun", "Byeon", "Pyon", "Pyun"),
    "표": ("Pyo",),
    "계": ("Kye", "Gye"),
    "태": ("Thae", "Tae"),
    "현": ("Hyun", "Hyon", "Hyeon"),
    "방": ("Bang", "Pang"),
    "공": ("Kong", "Gong"),
    "석": ("Seok", "Suk", "Sok"),
    "설": ("Seol", "Sul", "Sol"),
    "탁": ("Tak",),
    "지": ("Ji", "Chi"),
    "도": ("Do", "To"),
    "금": ("Geum", "Keum", "Kum"),
    "기": ("Ki", "Gi"),
    "명": ("Myung", "Myeong"),
    "연": ("Yeon", "Yun", "Youn"),
    "염": ("Yeom", "Yum"),
    "육": ("Yook", "Yuk"),
    "함": ("Ham",),
    "위": ("Wi", "Wee"),
    "편": ("Pyeon", "Pyun"),
    "구": ("Koo", "Ku", "Gu"),
    "봉": ("Bong",),
    "채": ("Chae",),
}
_EN_SURNAMES: dict[str, str] = {}
for _hangul, _spellings in SURNAMES.items():
    for _spelling in _spellings:
        _EN_SURNAMES[_spelling] = _EN_SURNAMES.get(_spelling, "") + _hangul

# Korean titles that follow a name (김정은 위원장, 전영수씨, 외교통상부장관): what
# marks three Hangul syllables as a person's name.
_KO_TITLES = (
    "대통령 총리 부총리 장관 차관 총재 부총재 위원장 국무위원장 부위원장 의원 의장 대표 "
    "회장 부회장 사장 총장 원장 국장 실장 청장 처장 본부장 대변인 대사 특사 외무상 외상 "
    "부부장 부장 주석 총비서 비서 지사 시장 교수 박사 감독 코치 선수 기자 판사 여사 총통 씨 "
    "후보 당선인 당선자 위원 연구원 변호사 작가 가수 배우 "
    # a team's captain and players by position (주장 김우석은, 공격수 이동경이)
    "주장 공격수 수비수 미드필더 골키퍼 투수 타자 포수 내야수 외야수 "
    "셰프 요리사 디자이너 건축가 감독관 대표이사 "
    # a band's members and an artist's trade (멤버 장원영은, 작곡가 이재는)
    "멤버 리더 보컬 래퍼 프로듀서 작곡가 작사가 안무가 싱어송라이터 모델"
).split()
# Titles that start longer words which are none: a candidate site or film (후보지,
# 후보작), a committee (위원회).
_TITLE_ENDS = {"후보": "후보(?![지군작생곡])", "위원": "위원(?!회)"}
# Words of three syllables that read like a name before a title and are adjectives or
# superlatives: 강력한 후보, 유력한 대선 후보, 최연소 의원, 최우수 선수.
_NOT_KO_NAMES = frozenset(
    "강력한 유력한 유일한 이러한 상당한 정당한 유명한 유능한 유리한 신속한 신중한 성실한 "
    "최연소 최고령 최우수 노벨상 신인상".split()
)
# An English role beside the name, and the Korean titles it is translated with. A role
# ends where no letter follows: after an abbreviation's full stop ("Gov. Oh") comes a
# space, which a word boundary would not match.
_ROLES: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = tuple(
    (re.compile(rf"\b(?:{words})(?!\w)", re.IGNORECASE), frozenset(titles.split()))
    for words, titles in (
        ("president", "대통령 회장 사장 총장 총통 대표 원장 총재"),
        ("governor|gov\\.", "총재 부총재 지사"),
        ("prime minister|premier", "총리 부총리"),
        ("minister", "장관 총리 부총리 외무상 외상"),
        ("vice|deputy", "차관 부총리 부총재 부위원장 부회장 부부장"),
        ("chairman|chairwoman|chairperson|chair", "위원장 국무위원장 회장 의장"),
        ("leader", "위원장 국무위원장 총비서 대표"),
        ("lawmaker|legislator|assemblyman|assemblywoman|rep\\.", "의원"),
        ("spokesman|spokeswoman|spokesperson", "대변인"),
        ("ambassador|envoy|negotiator", "대사 특사 대표"),
        ("coach|manager", "감독 코치"),
        ("mayor", "시장"),
        ("professor", "교수"),
        ("director", "국장 원장 실장 부장 부부장 감독"),
        ("candidate|rival|contender|challenger|nominee|hopeful|runner-up", "후보"),
        ("president-elect|governor-elect|mayor-elect", "당선인 당선자"),
        ("researcher|research fellow|analyst", "연구원 위원"),
        ("lawyer|attorney", "변호사"),
        ("writer|author|novelist|poet", "작가"),
        ("singer", "가수"),
        ("actor|actress", "배우"),
        ("captain|skipper", "주장"),
        ("chef|cook", "셰프 요리사"),
        ("designer", "디자이너"),
        ("architect", "건축가"),
        ("chief executive|ceo", "대표 대표이사 사장 회장"),
        ("striker|forward", "공격수"),
        ("defender", "수비수"),
        ("midfielder", "미드필더"),
        ("goalkeeper|keeper", "골키퍼"),
        ("pitcher|starter|reliever|closer", "투수"),
        ("batter|hitter|slugger", "타자"),
        ("catcher", "포수"),
        ("infielder", "내야수"),
        ("outfielder", "외야수"),
        ("mr\\.|ms\\.|mrs\\.", "씨"),
    )
)
_PARTICLE = "은|는|이|가|을|를|의|와|과|도|에게|에|측"
# Last syllables that end no name: of organisations a title follows (민주당 대표,
# 통일부 장관, 백악관 대변인), particles and endings (최고의 선수, 현장에 기자).
_NOT_LAST = frozenset("당부청처회관사소국단는를에의와과고을가도며면다게께이로된")
_TITLE = "|".join(_TITLE_ENDS.get(t, t) for t in sorted(_KO_TITLES, key=len, reverse=True))
# 씨 only right after the name: inside a later word it is 날씨, 솜씨
_LONG_TITLE = "|".join(
    _TITLE_ENDS.get(t, t) for t in sorted(_KO_TITLES, key=len, reverse=True) if len(t) > 1
)
# The head of a unit after its affiliation (직방 빅데이터랩장, 삼성전자 반도체연구소장,
# 국토부 주택정책과장): a word in -장, but not a place, a stance or a growth (건설현장,
# 공장, 입장, 주장, 성장, 광장, 극장, 매장, 연장...); 시장 is a title of the list.
# It names someone who speaks or acts: 은, 는, 이, 가 or 도 follow it (not 정류장에).
_HEAD = (
    r"[가-힣]{0,9}(?<![현공입주성광등극매전긴확연저출상개파최가막통도시])장"
    r"(?=[은는이가도](?![가-힣]))"
)
# A word of an affiliation is a name, not a clause: it ends in no particle or ending
# (이들은 또 IOC의 감독하에, 지난주 발간된 민주당 대선후보인, 이백여 년 전에, 작가).
_AFFILIATION = r"\S{0,19}[^\s은는을를에의된던며,.]"
# or a short name of it that ends as a topic would, right before the title (이창용 한은
# 총재는: 한은 is the Bank of Korea)
_SHORT_NAME = r"[가-힣]{1,3}[은는]"
# a name and a title, maybe after 전 or 현 (former, current) and a word or two of its
# affiliation (반기문 전 외교부 장관, 이영은 건국대 기후학과 교수), a title of no group
# (선수들); or a title and a name
_TITLED = re.compile(
    rf"(?<![가-힣])([가-힣]{{3}})(?=\s*((?:{_TITLE})\S{{0,20}})"
    rf"|(?:\s*전|\s+현)?\s+(?:{_AFFILIATION}\s+){{0,2}}?(?:{_SHORT_NAME}\s+)?"
    rf"(\S{{0,20}}?(?:{_LONG_TITLE})(?!들)\S{{0,20}})"
    rf"|(?:\s*전|\s+현)?(?:\s+{_AFFILIATION}){{1,2}}\s+({_HEAD}))"
    rf"|(\S{{0,20}}(?:{_LONG_TITLE}))\s+([가-힣]{{3}})(?:{_PARTICLE})?(?![가-힣])"
)
# The title that closes a name's phrase, when the first word holding one is part of the
# affiliation: 강유정 대통령실 대변인은 is a spokesperson of the presidential office. A
# title closes its word when nothing or a particle follows it (대통령께서, 장관이).
_CLOSED = re.compile(rf"(?:{_TITLE})(?:[은는이가을를의와과도에께로으만까부처며인라측]|$)")
_CLOSING = re.compile(rf"(?:\s+\S+)?\s+(\S{{0,20}}?(?:{_LONG_TITLE})(?:{_PARTICLE})?)(?![가-힣])")
# three syllables and an age are a person's name: 한서준(32)이, 김영수(45)씨
_AGED = re.compile(r"(?<![가-힣])([가-힣]{3})\s?\(\d{1,3}\)")
# words of three syllables listed together: 우홍선, 송상진, 도예종, 및 이수병
_LIST = re.compile(r"(?<![가-힣])[가-힣]{3}(?:\s*[,·]\s*(?:및\s+)?[가-힣]{3}(?![가-힣]))+")
_THREE_SYLLABLES = re.compile(r"[가-힣]{3}")
_WORD_OF_THREE = re.compile(rf"(?<![가-힣])([가-힣]{{3}})(?=(?:{_PARTICLE})?(?![가-힣]))")

# A syllable of a romanized Korean given name: onset, glide, vowel, final ("yi" is
# Chinese, "Ying", never a Korean given name).
_SYLLABLE = (
    r"(?:tch|ch|jj|kk|gg|tt|th|pp|ph|ss|sh|wh|[gkjcdtnrlmbpsh])?(?:w|y(?!i))?"
    r"(?:eui|ae|ai|eo|eu|ee|oe|oi|oo|ou|ui|a|e|i|o|u)(?:ng|ck|[knlmptbgh])?"
)
_ONE_SYLLABLE = re.compile(rf"(?i:{_SYLLABLE})")
_TWO_SYLLABLES = re.compile(rf"(?i:{_SYLLABLE}{_SYLLABLE})")
_SURNAME = "|".join(sorted(_EN_SURNAMES, key=len, reverse=True))
# Surname spellings that are English words: "In Busan", "To Kim Jong Un", "Moon
# Landing". Only a hyphenated given name after them is a name ("Do Ye-jong").
_ENGLISH_WORDS = frozenset(
    "An Back Ban Bang Chin Do Gang Go Ha Ham Kong Ma Moon No Oh Pan Sin So Son Song To "
    "Won Yo".split()
)
# a surname, maybe a nickname in quotes (Lee "Faker" Sang-hyeok), then a hyphenated
# given name, or one word and maybe a second (Jong Un)
# Words before a surname that make it a person's: honorifics, ranks and offices.
_EN_TITLES = frozenset(
    "Mr Mrs Ms Miss Dr Prof Rep Sen Gov Gen Lt Col Sgt Capt Cmdr Adm Amb Rev Det Insp Supt "
    "Judge Justice President Premier Minister Chairman Chairwoman Chairperson Chair Governor "
    "Mayor Coach Manager Director Professor Ambassador Envoy Secretary Commissioner Chief "
    "Commander General Detective Inspector Prosecutor Speaker Leader Officer Senator "
    "Representative Lawmaker Assemblyman Assemblywoman Sergeant Captain Colonel Lieutenant "
    "Admiral Marshal Pastor Father Bishop Cardinal Dean Principal Superintendent CEO "
    "Spokesman Spokeswoman Spokesperson Head Vice Deputy Executive".split()
)

_EN_NAME = re.compile(
    rf"\b({_SURNAME}) (?:[\"“'‘][A-Z][\w -]{{0,20}}[\"”'’] )?"
    rf"([A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)(?![\w-])(?= ([A-Z][a-z]+)(?![\w-]))?"
)

# Sounds romanizations fold together: voiced and voiceless stops, ch/j, r/l, the
# vowels English spells one way or another (eo/o/u/oo, ae/ai/e, ee/i/ui).
_LETTERS = re.compile(
    "tch|eui|ch|sh|hs|ph|th|kh|ck|eo|eu|ou|oo|ae|ai|oe|oi|ui|ee|[a-z]", re.IGNORECASE
)
_FOLD = {
    **dict.fromkeys(("tch", "ch", "j", "z"), "j"),
    **dict.fromkeys(("sh", "hs", "s", "x"), "s"),  # hs: Wade-Giles, Hsien ~ 셴
    **dict.fromkeys(("ph", "p", "b", "f", "v"), "b"),
    **dict.fromkeys(("th", "t", "d"), "d"),
    **dict.fromkeys(("kh", "ck", "k", "g", "c", "q"), "g"),
    **dict.fromkeys(("eo", "eu", "ou", "oo", "o", "u"), "o"),
    **dict.fromkeys(("ae", "ai", "oe", "oi", "e"), "e"),
    **dict.fromkeys(("eui", "ui", "ee", "i"), "i"),
    **dict.fromkeys(("r", "l"), "l"),
    **dict.fromkeys(("w", "y"), ""),
}
# The same sounds for the jamo of a Hangul syllable (initial, vowel, final).
_INITIALS = "g g n d d l m b b s s - j j j g d b h".split()
_VOWELS = "a e a e o e o e o a e e o o o e i o o i i".split()
_FINALS = "- g g g n n n d l g m b l l b l m b b d d ng d d g d b d".split()


# jamo by their index in Unicode's Hangul syllables
_EU = 18  # the vowel ㅡ
_NOT_SINO_INITIALS = frozenset({1, 4, 8, 10, 13, 15})  # ㄲ ㄸ ㅃ ㅆ ㅉ ㅋ
_SINO_FINALS = frozenset({0, 1, 4, 8, 16, 17, 21})  # none, ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ


def sounds(text: str, epenthesis: bool = True) -> str:
    """``text`` (romanized, or Hangul) as the sounds romanizations agree on; without
    ``epenthesis``, the ㅡ Korean adds to a foreign consonant is left out (메르켈).

    Example:
        >>> sounds("Chang-yong"), sounds("창용"), sounds("Myung-Hwan"), sounds("명환")
        ('jangong', 'jangong', 'monghan', 'monghan')
    """
    out = []
    for char in text:
        if parts := jamo(char):
            initial, vowel, final = parts
            out += [_INITIALS[initial], _VOWELS[vowel], _FINALS[final]]
            if vowel == _EU and not epenthesis:
                out[-2] = "-"
    if not out:  # romanized: an "h" closing a word only lengthens its vowel (Suh, Oh)
        latin = re.sub(r"(?<=[aeiou])h\b", "", text.lower())
        latin = re.sub(r"c(?=[eiy])", "s", latin)  # Rice, Cecil
        latin = re.sub(r"a(?=ck\b)", "ae", latin)  # 백 spelled as its owner does: Gyu-back
        out = [_FOLD.get(letters, letters) for letters in _LETTERS.findall(latin)]
    return re.sub(r"(.)\1+", r"\1", "".join(out).replace("-", ""))


def _given_key(text: str) -> str:
    """The sounds of a given name, an initial r, l or n aside (룡 / 용, Ryong / Yong)."""
    key = sounds(text)
    return key[1:] if key[:1] in ("l", "n") else key


@dataclass(frozen=True)
class EnglishName:
    """A Korean name written in English, and what its Hangul would sound like."""

    text: str
    surnames: str  # the Hangul syllables its surname may be written with
    given: str  # :func:`_given_key` of the given name
    start: int
    end: int

    def sounds_like(self, hangul: str) -> bool:
        """Whether three Hangul syllables are this name."""
        return hangul[0] in self.surnames and _given_key(hangul[1:]) == self.given


def _given_name(match: re.Match[str]) -> tuple[str, int] | None:
    """The two-syllable given name after a surname, and where it ends: hyphenated
    ("Chang-yong"), spaced ("Jong Un") or joined ("Changyong")."""
    first, second = match.group(2), match.group(3)
    if "-" in first:
        ok = all(_ONE_SYLLABLE.fullmatch(part) for part in first.split("-"))
        return (first, match.end(2)) if ok else None
    if match.group(1) in _ENGLISH_WORDS:
        return None
    if second and _ONE_SYLLABLE.fullmatch(first) and _ONE_SYLLABLE.fullmatch(second):
        return f"{first} {second}", match.end(3)
    if second:  # a name of three parts, read whole, is no Korean one: Lee Kuan Yew
        return None
    if _TWO_SYLLABLES.fullmatch(first):
        return first, match.end(2)
    # a given name of one syllable (Cho Hyun, Suh Hoon) only after a title: "Cho Won"
    # may be a surname and a word
    if titled_before(match.string, match.start()) and _ONE_SYLLABLE.fullmatch(first):
        return first, match.end(2)
    return None


def titled_before(english: str, at: int) -> bool:
    """Whether the word right before ``at`` is a title ("President Moon", "Mr. Lee")."""
    before = _WORD_BEFORE.search(english, max(0, at - 40), at)
    return before is not None and before.group(1).rstrip(".,") in _EN_TITLES


_WORD_BEFORE = re.compile(r"(\S+)\s$")
_TWO_ALONE = re.compile(r"(?<![가-힣])([가-힣]{2})(?:[은는이가을를의도와과]|에게)?(?![가-힣])")


def english_names(text: str) -> list[EnglishName]:
    """The Korean-style full names of an English text, surname first.

    Example:
        >>> [n.text for n in english_names("Governor Rhee Chang-yong met Kim Jong Un in Seoul.")]
        ['Rhee Chang-yong', 'Kim Jong Un']
    """
    names = []
    match = _EN_NAME.search(text)
    while match:
        if text.startswith(_NOT_NAMES, match.start()):
            match = _EN_NAME.search(text, match.end(1))
            continue
        given = _given_name(match)
        if given is None:  # "To Kim Jong Un": the name may start at the next word
            match = _EN_NAME.search(text, match.end(1))
            continue
        start, end = match.start(), given[1]
        hangul = _EN_SURNAMES[match.group(1)]
        names.append(EnglishName(text[start:end], hangul, _given_key(given[0]), start, end))
        match = _EN_NAME.search(text, end)
    return names


# romanized Korean that reads like a name and is none: the presidential office
_NOT_NAMES = ("Cheong Wa Dae", "Chong Wa Dae")


@dataclass(frozen=True)
class KoreanName:
    """Three Hangul syllables that are a person's name: a title marks them
    (``이주열`` of ``이주열 총재``), or a list with a name the English gives."""

    text: str
    title: str  # the word that holds the title (총재는, 외교통상부장관은); "" in a list
    start: int  # where it starts in the text read


def titled_names(text: str) -> list[KoreanName]:
    """The names of a Korean text a title follows or precedes.

    Example:
        >>> [n.text for n in titled_names("이주열 한국은행 총재는 민주당 대표와 전영수씨를 만났다")]
        ['이주열', '전영수']
    """
    found = []
    for match in _TITLED.finditer(text):
        group = 1 if match.group(1) else 6
        title = match.group(2) or match.group(3) or match.group(4) or match.group(5)
        if group == 1 and not _CLOSED.search(title):
            title_group = next(g for g in (2, 3, 4) if match.group(g))
            if closing := _CLOSING.match(text, match.end(title_group)):
                title = closing.group(1)
        if _looks_like_name(match.group(group)):
            found.append(KoreanName(match.group(group), title, match.start(group)))
    # of two words that read as names before one title, the title's is the later one:
    # in ``연출한 이하늘 감독이`` the first is a verb
    found = [
        n
        for n in found
        if not n.title
        or not any(n.start < m.start < text.find(n.title, n.start) for m in found if m.title)
    ]
    titled = {n.start for n in found}
    aged = (m for m in _AGED.finditer(text) if m.start() not in titled)
    found += [KoreanName(m.group(1), "", m.start()) for m in aged if _looks_like_name(m.group(1))]
    return found


def _listed_names(text: str, names: list[EnglishName]) -> list[KoreanName]:
    """The other names of a Korean list of names where one is a name of the English."""
    found = []
    for match in _LIST.finditer(text):
        items = list(_THREE_SYLLABLES.finditer(text, match.start(), match.end()))
        if any(n.sounds_like(item.group()) for n in names for item in items):
            found += [
                KoreanName(item.group(), "", item.start())
                for item in items
                if _looks_like_name(item.group())
            ]
    return found


def _namesakes(text: str, names: list[EnglishName]) -> list[KoreanName]:
    """Words of the Korean that are a name with the given name of one of ``names`` and
    another surname, title or none ('페이커' 이상혁은 for Kim "Faker" Sang-hyeok)."""
    return [
        KoreanName(m.group(1), "", m.start())
        for m in _WORD_OF_THREE.finditer(text)
        if _looks_like_name(m.group(1))
        and any(_given_key(m.group(1)[1:]) == n.given for n in names)
    ]


@functools.cache
def _place_words() -> frozenset[str]:
    """A city of the datelines' list and its 시, 군, 구 or 도 (서울시 before 부시장 reads
    like a name of three syllables and a title)."""
    return frozenset(
        name + suffix
        for name in dateline_cities()
        if re.fullmatch("[가-힣]{2}", name)
        for suffix in "시군구도"
    )


def _looks_like_name(hangul: str) -> bool:
    """A surname and two syllables a given name can have: Sino-Korean readings have no
    double or ㅋ initial, end in no consonant but ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ, and 으 has one
    (so not 이라크, 라이스, 이끄는)."""
    if hangul[0] not in SURNAMES or hangul[-1] in _NOT_LAST or hangul[:2] in _KO_TITLES:
        return False
    if hangul in _NOT_KO_NAMES or hangul in _place_words():
        return False
    for char in hangul[1:]:
        initial, vowel, final = jamo(char) or (0, 0, 0)
        if initial in _NOT_SINO_INITIALS or final not in _SINO_FINALS:
            return False
        if vowel == _EU and not final:
            return False
    return True


def _roles(name: EnglishName, text: str) -> frozenset[str]:
    """The Korean titles of the roles the English gives ``name``: the words before it
    ("Bank of Korea Governor Rhee") or an apposition after it ("Rhee, the governor")."""
    before = text[max(0, name.start - 40) : name.start].rsplit(",", 1)[-1]
    apposition = re.match(r",[^,;.]{0,60}", text[name.end :])
    context = before + (apposition.group(0) if apposition else "")
    return frozenset(t for role, titles in _ROLES if role.search(context) for t in titles)


def _consonants(text: str, epenthesis: bool = True) -> str:
    return re.sub("[aeio]", "", sounds(text, epenthesis))


def _foreign_spellings(text: str) -> set[str]:
    """The consonants of each capitalised word of ``text`` and of each two and three in
    a row, as a Korean transliteration keeps them (오바마 ~ "Obama", 기시다 ~ "Kishida",
    리셴룽 ~ "Lee Hsien Loong")."""
    words = re.findall(r"[A-Z][A-Za-z'-]+", text)
    spelled = {_consonants(w) for w in words}
    spelled |= {_consonants(a + b) for a, b in itertools.pairwise(words)}
    triples = zip(words, words[1:], words[2:], strict=False)
    return spelled | {_consonants("".join(three)) for three in triples}


def _without_names(text: str, names: list[EnglishName]) -> str:
    """``text`` with the Korean names read in it blanked out."""
    for name in names:
        text = text[: name.start] + " " * (name.end - name.start) + text[name.end :]
    return text


def _transliterates(hangul: str, spelled: set[str]) -> bool:
    """Whether ``hangul`` may spell one of the English words of ``spelled`` (see
    :func:`_foreign_spellings`), the ㅡ Korean adds between foreign consonants left
    out (라이스 ~ "Rice")."""
    return _consonants(hangul, epenthesis=False) in spelled


def _other_person(
    name: EnglishName, roles: frozenset[str], others: list[KoreanName]
) -> KoreanName | None:
    """A titled Korean name that stands where ``name`` should: the same surname, the
    same given name (이영은 for "Choi Young-eun"), or a title of its ``roles``."""
    same_surname = (o for o in others if o.text[0] in name.surnames)
    same_given = (o for o in others if _given_key(o.text[1:]) == name.given)
    same_role = (o for o in others if any(title in o.title for title in roles))
    return next(same_surname, None) or next(same_given, None) or next(same_role, None)


def called_by_title(surnames: str, text: str) -> bool:
    """Whether ``text`` calls someone of one of the Hangul ``surnames`` by surname
    and title (이 총재, 김위원장, 유 전 의원, 김 제1부부장).

    Example:
        >>> called_by_title("김", "김 제1부부장은"), called_by_title("김", "최 부장은")
        (True, False)
    """
    pattern = rf"(?<![가-힣])[{surnames}]\s?(?:[전현]\s)?(?:제1\s?)?(?:{_TITLE})"
    return re.search(pattern, text) is not None


def korean_spellings(korean: str) -> list[str]:
    """Where Korean text may spell a name: every three syllables, and two standing
    alone, particles aside (조현은 for "Cho Hyun")."""
    return re.findall(r"(?=([가-힣]{3}))", korean) + _TWO_ALONE.findall(korean)


def _pair_flags(bead: Bead, sides: tuple[SideText, SideText]) -> Iterator[Flag]:
    src, tgt = sides[0].text, sides[1].text
    names = english_names(src)
    hangul = korean_spellings(tgt)
    absent = [
        n
        for n in names
        if not any(n.sounds_like(h) for h in hangul) and not called_by_title(n.surnames, tgt)
    ]
    if not absent:
        return
    # the Korean names of the English are no foreign ones: 이영은 spells the consonants
    # of "Young-eun" as a transliteration would
    foreign = _foreign_spellings(_without_names(src, names))
    others = [
        t
        for t in titled_names(tgt) + _listed_names(tgt, names) + _namesakes(tgt, absent)
        if not any(n.sounds_like(t.text) for n in names) and not _transliterates(t.text, foreign)
    ]
    absent_names = {n.text: n for n in absent}
    for name in absent_names.values():
        roles = _roles(name, src)
        other = _other_person(name, roles, others)
        # one Korean name missing, its role nowhere in the Korean, one other titled
        # person in its place, in a pair that names no one else: the speaker of a quote
        # changed with their role ("head coach Hong Sang-gyu" / 주장 김우석; not
        # 감독은 손흥민 선수를 for "Coach Kim Pan-gon named his squad")
        if (
            other is None
            and len(absent_names) == len(names) == 1
            and len(others) == 1
            and (roles or _speaker_of_a_quote(src, tgt, others[0]))
            and not any(title in tgt for title in roles)
            and _titled_beside(others[0], tgt)
        ):
            other = others[0]
        if other is not None:
            yield person_flag(bead, sides, (name.start, name.text), (other.start, other.text))


# a quotation said: '"...," said Ahn Sang-mi' and '정수빈씨는 "..."라고 말했다'
_EN_SAID = re.compile(r"[\"“”].*\b(?:said|says|told|added|asked)\b|\b(?:said|says)\b.*[\"“”]")
_KO_QUOTE_AFTER = re.compile(r"\s*[\"“].*[\"”]\s*(?:이?라고|고)\s")


def _speaker_of_a_quote(english: str, korean: str, other: KoreanName) -> bool:
    """Whether both sides report a quotation and the Korean's titled name is who says it,
    named before the quotation opens: the English names its speaker with a role after
    the name as often as before it ('said Ahn Sang-mi, who heads a committee')."""
    after = korean[other.start + len(other.text) + len(other.title) :]
    return bool(_EN_SAID.search(english) and _KO_QUOTE_AFTER.match(after))


def _titled_beside(name: KoreanName, text: str) -> bool:
    """Whether ``name``'s title stands right before or after it (주장 김우석은, 김우석
    주장은), no affiliation between: 진출한 한국 선수 is a verb, not a player."""
    before = text[: name.start].rstrip()
    after = text[name.start + len(name.text) :].lstrip()
    return bool(name.title) and (before.endswith(name.title) or after.startswith(name.title))


def person_flag(
    bead: Bead,
    sides: tuple[SideText, SideText],
    name: tuple[int, str],
    other: tuple[int, str],
    marked: str | None = None,
) -> Flag:
    """The flag of a person the English names (``name``: where in the English side,
    and as written) and the Korean replaces by ``other``; ``marked``: the part of the
    Korean to highlight, if not all of ``other``."""
    (start, text), (other_start, other_text) = name, other
    return Flag(
        "named_entity",
        Severity.WARNING,
        bead.src,
        bead.tgt,
        f"EN {_quote(text)} but KO {_quote(other_text)}: a different person? "
        f"KO: {_quote(sides[1].text)}",
        subject=f"person {text}",
        spans=sides[0].written(start, text) + sides[1].written(other_start, marked or other_text),
    )


@register("korean_name", Severity.ERROR, langs=("en", "ko"))
def find_swapped_names(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Korean names of the English that the Korean replaces by another person's.

    Args:
        doc: the aligned document.
        settings: run settings (unused: the check has no options).

    Yields:
        ``named_entity`` flags, one per English name the Korean replaces.
    """
    for bead in filter(doc.is_content_pair, doc.beads):
        sides = SideText.of(doc.src, "src", bead.src), SideText.of(doc.tgt, "tgt", bead.tgt)
        yield from _pair_flags(bead, sides)
