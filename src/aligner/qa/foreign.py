"""The ``foreign_name`` check: a foreign person in the English, another in the Korean.

"Japanese Prime Minister Shigeru Ishiba said" translated ``다카이치 사나에 일본
총리는`` leaves a sentence the embeddings find faithful, no Latin token for the
``named_entity`` check, and no romanized Korean name for ``korean_name``. This
check reads the sounds of both scripts and flags a pair only when all of these
hold:

* the English names a person in a role (:func:`english_persons`): the name after
  a title in its run of capitals ("Prime Minister Shigeru Ishiba", "Secretary of
  State Condoleezza Rice"), after a role in lower case ("IOC spokeswoman Giselle
  Davies", "opposition leader Sam Rainsy") or before an apposition (", the
  agency's director"); not a Korean name (``korean_name`` and ``korean_surname``
  read those), a body or a place of the built-in list;
* no word of the name is transcribed in the Korean: each word, each two in a row
  ("Hun Sen", 훈센) and each part of a hyphenated one, against the start of every
  Hangul word (particles and a glued title after it: 올메르트총리와), by
  :func:`sounds_alike`, a loose match of consonant classes (p/f/b/v, t/d/th,
  k/g/c/q, s/z/sh/ch/j/ts, l/r, m, n; h, w, y and vowels weak);
* the Korean names someone else in the role: words before a title of the
  English role (``총리``, ``대변인``, ``감독``, ``국무장관``), past an affiliation
  (``일본``, ``백악관``, ``IOC``, a ministry) or a modifier (``신임``, ``전``),
  or after the title (``야당 지도자인 모건 창기라이가``), that look like a
  transcription (a syllable of no Sino-Korean reading: 카, 에, 바, 스) and
  transcribe no capitalised word of the English.

A Korean that gives only the title (``일본 총리는``) or leaves the name out is
not flagged, nor is a name whose words have fewer than two consonant classes
("Abe", "Wang Yi": too short to tell a transcription from chance). A Korean
name written in Sino-Korean syllables alone (기시다, 시진핑's 시진) is not read
as a name in the role, so a swap to it is missed.

Measured (``python benchmarks/foreign_on_gold.py --eval-dir ../shared/eval``): no
flag on the benchmark's 2,511 dev pairs with their gold alignments and 2,480
clean pairs, nor on the 1,134 line-parallel pairs of the desk tests' faithful
stories (``--stories benchmarks/desk/huntN``). Replacing the Korean name of each
person the English names in a role by three transcriptions taken from other
pairs, it flags 145 of 201 swaps on dev, 154 of 213 on the clean pairs, and 21
of 21 in the desk stories; the misses are names the Korean writes away from
the title (``대통령을 지낸 X``), Korean titles the role does not list
(``담당자``), and Korean words that happen to sound like the English name.

A warning, not an error: conventional transcriptions no reading of the English
spelling predicts (구테흐스, Guterres; 에르도안, Erdogan; 후렐수흐, Khurelsukh) drew 2
false flags in 59 pairs of well-known names written to test it, and 1 in 50 of a
second list (each reading added since).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from aligner.config import Settings
from aligner.models import Bead, Flag, Severity
from aligner.qa.hangul import jamo
from aligner.qa.institutions import load_institutions
from aligner.qa.names import _EN_SURNAMES, _ROLES, english_names, person_flag
from aligner.qa.registry import AlignedDocument, register
from aligner.qa.spans import SideText

__all__ = ["english_persons", "find_foreign_swaps", "skeleton", "sounds_alike"]

# ------------------------------------------------------------------ sounds

# Consonant classes a transcription keeps: p/f/b/v, t/d/th, k/g/c/q, s/z/sh/ch/j/ts,
# l/r, m, n; h, w, y and vowels are weak and left out. Some letters are read two ways:
# "ch" of Christopher (크리스토퍼) and of Charles (찰스), "g" of Giselle (지젤) and of
# Angela Merkel (앙겔라), "th" of Smith (스미스) and of Thabo (타보), "x" of Xi (시), an
# r after a vowel of Merkel (메르켈) and of Peter (피터), the pinyin q of Zhaoqian (자오첸),
# the n before a k of Blinken (블링컨), a g between vowels (Erdogan, 에르도안; Hagel,
# 헤이글), a double r (Guterres, 구테흐스; Ferrari, 페라리), a kh (Khurelsukh, 후렐수흐) and
# a final v after a vowel (Ukrainian: Terekhov, 테레호우; Russian: Lavrov, 라브로프).
_EN_LETTERS = re.compile(r"sch|tch|ch|sh|zh|ph|th|ts|tz|dz|cz|sz|ck|kh|gh|ng|[a-zǵʀǫɲğřṽ]")
_EN_CLASS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("p", "b", "f", "v", "ph"), ("P",)),
    **dict.fromkeys(("t", "d"), ("T",)),
    **dict.fromkeys(("k", "g", "c", "q", "ck"), ("K",)),
    "kh": ("K", ""),
    **dict.fromkeys(("s", "z", "j", "sh", "tch", "zh", "ts", "tz", "dz", "cz", "sz"), ("S",)),
    **dict.fromkeys(("l", "r"), ("L",)),
    "sch": ("S", "SK"),
    "ch": ("S", "K"),
    "ǵ": ("S", "K"),
    "ʀ": ("L", ""),
    "ǫ": ("K", "S"),
    "ɲ": ("N", "ŋ"),
    "ğ": ("K", ""),
    "ř": ("L", ""),
    "ṽ": ("P", ""),
    "th": ("T", "S"),
    "x": ("KS", "S"),
    "m": ("M",),
    "n": ("N",),
    "ng": ("ŋK", "ŋ"),
}
# initial, final of a Hangul syllable by jamo index; ㅇ and ㅎ are weak, and an ㅇ final
# (ŋ) is the "ng" of English (장, "Jiang"), or nothing at the end (마크롱, "Macron")
_KO_INITIALS = "K K N T T L M P P S S - S S S K T P -".split()
_KO_FINALS = "- K K K N N N T L K M P L L P L M P P T T ŋ S S K T P -".split()
_LATIN_VOWELS = re.compile(r"[aeiouy]+")


def _merged(classes: str) -> str:
    return re.sub(r"(.)\1+", r"\1", classes)


def skeletons(word: str) -> frozenset[str]:
    """The consonant classes a word may be read with, English or Hangul, a class
    doubled with no vowel between written once (Giselle, 앨런).

    Example:
        >>> sorted(skeletons("Davies")), sorted(skeletons("데이비스")), sorted(skeletons("마크롱"))
        (['TPS'], ['TPS'], ['MKL', 'MKLŋ'])
    """
    syllables = [jamo(char) for char in word]
    if all(syllables):
        out = "".join(_KO_INITIALS[p[0]] + "V" + _KO_FINALS[p[2]] for p in syllables if p)
        readings = {out, re.sub("ŋ$", "", out)}
        return frozenset(_merged(r.replace("-", "")).replace("V", "") for r in readings)
    return frozenset(r.replace("V", "") for r in _readings(word))


def _readings(english: str) -> set[str]:
    """The consonant classes of an English word, each vowel sound a V."""
    latin = english.lower()
    latin = re.sub(r"c(?=[eiy])", "s", latin)  # Cecil, Vincent
    latin = re.sub(r"(?<=i)c$", "ch", latin)  # Karadzic: -ić
    latin = re.sub(r"(?<!n)g(?=[eiy])", "ǵ", latin)
    latin = latin.replace("rr", "ř")  # Portuguese: Guterres, 구테흐스
    latin = re.sub(
        r"(?<=[aeiouy])v$", "ṽ", latin
    )  # Ukrainian: Terekhov, 테레호우; Kharkiv, 하르키우
    latin = re.sub(r"(?<=[aeiouy])r(?![aeiouy])", "ʀ", latin)  # Peter, 피터; Merkel, 메르켈
    latin = re.sub(r"q(?!u)", "ǫ", latin)  # pinyin: Zhaoqian, 자오첸
    latin = re.sub(r"n(?=[kcq])", "ɲ", latin)  # Blinken, 블링컨
    latin = re.sub(r"(?<=[aeiou])g(?=[aou])", "ğ", latin)  # Turkish: Erdogan, 에르도안
    readings = {""}
    for letters in _EN_LETTERS.findall(latin):
        options = ("V",) if letters in "aeiouy" else _EN_CLASS.get(letters, ("",))
        readings = {r + o for r in readings for o in options}
    found = {_merged(r) for r in readings}
    # a Portuguese name as Korean hears it: a final m or n nasal (Amorim, 아모링; Ruben,
    # 후벵), an initial r an h (Ronaldo, 호날두), which opens like a vowel
    return found | {re.sub("[MN]$", "ŋ", r) for r in found}


def _portuguese_r(english: str, korean: str) -> bool:
    """Whether an initial r stands for a Korean ㅎ: Ronaldo, 호날두."""
    parts = jamo(korean[0])
    return english[:1] in "Rr" and parts is not None and parts[0] == 18


def _silent(english: str) -> set[str]:
    """The consonant classes of an English word with one left out that a
    transcription may drop: not the first, and only the last or one beside another
    consonant (Tsvangirai, 창기라이), three or more left."""
    found = set()
    for reading in _readings(english):
        for i, char in enumerate(reading):
            if char == "V" or not reading[:i].strip("V"):
                continue
            near = reading[i - 1 : i] + reading[i + 1 : i + 2]
            if near.strip("V") or not reading[i + 1 :].strip("V"):
                rest = _merged(reading[:i] + reading[i + 1 :]).replace("V", "")
                if len(rest) >= 3:
                    found.add(rest)
    return found


def _syllables(english: str) -> int:
    """How few Hangul syllables can write ``english``: one per vowel sound, a final
    silent e left out (Bale, 베일)."""
    count = len(_LATIN_VOWELS.findall(english.lower()))
    return count - 1 if count > 1 and re.search(r"[^aeiouy]e$", english.lower()) else count


def _opens_with_vowel(word: str) -> bool:
    """Whether a word starts with a vowel or a weak h, w, y: "Ishiba", "Hasan" and 이시바,
    하산, not 음베키 (the 으 of "Mbeki")."""
    parts = jamo(word[0])
    if parts:
        return parts[0] in (11, 18) and not (parts[1] == 18 and parts[2])
    return word[0].lower() in "aeiouhwy"


def sounds_alike(english: str, korean: str) -> bool:
    """Whether a Hangul word may transcribe an English one: both start with a vowel or
    neither, it has as many syllables as the English has vowel sounds or more, and
    the same consonant classes, or those of the English with one left out as
    :func:`_silent` says.

    Example:
        >>> sounds_alike("Ishiba", "이시바"), sounds_alike("Ishiba", "다카이치")
        (True, False)
    """
    if len(korean) < _syllables(english):
        return False
    either = english[:2].lower() == "kh"  # Khan, 칸; Khurelsukh, 후렐수흐
    if _portuguese_r(english, korean):
        english = english[1:]  # Ruben read as "uben", 후벵
    elif not either and _opens_with_vowel(english) != _opens_with_vowel(korean):
        return False
    ko = skeletons(korean)
    return bool(skeletons(english) & ko or _silent(english) & ko)


def skeleton(word: str) -> str:
    """The shortest reading of :func:`skeletons`, for a test of its length."""
    return min(skeletons(word), key=len)


# ------------------------------------------------------------------ English

# Roles _ROLES does not give, for people Korean news names by foreign names.
_MORE_ROLES: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = tuple(
    (re.compile(rf"\b(?:{words})(?!\w)", re.IGNORECASE), frozenset(titles.split()))
    for words, titles in (
        ("chancellor", "총리"),
        ("leader", "지도자"),
        ("secretary", "장관 사무총장 총장 비서"),
        ("senator|sen\\.|congressman|congresswoman", "의원"),
        ("king", "국왕 왕"),
        ("queen", "여왕"),
        ("pope", "교황"),
        ("general|gen\\.|commander", "장군 사령관"),
        ("ceo|chief executive", "최고경영자 회장 사장 대표"),
        ("striker|midfielder|defender|goalkeeper|forward|player", "선수"),
    )
)
ROLES = _ROLES + _MORE_ROLES
# A run of capitalised words, maybe joined by a particle, or with an initial: Prime
# Minister Shigeru Ishiba, George W. Bush, Nuri al-Maliki, Ursula von der Leyen.
_WORD = r"(?:(?:al|el|ad|as|bin|abu)-)?(?:[A-Z][a-z]+(?:[-'’][A-Za-z][a-z]+)*|[A-Z]\.)"
_JOINED = r"(?:of|al|bin|van|von|der|de|da|di|la|le|du|del)"
_RUN = re.compile(rf"(?<![\w-]){_WORD}(?:\s+(?:{_JOINED}\s+)*{_WORD})*(?![\w-])")
# Words of a title, not of the name after it: "Prime Minister", "Secretary of State".
_TITLE_WORDS = frozenset(
    "prime foreign defense defence finance interior home state vice deputy assistant under "
    "chief executive senior acting former affairs head press first of secretary-general "
    "elect minister-elect".split()
)
_NOT_NAMES = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December The A An He She It They We "
    "I This That In On At For And But Mr Mrs Ms Dr".split()
)
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_APPOSITION = re.compile(r",\s+(?:the|a|an|its|his|her|their)\s+([^,;.]{0,60})")


@dataclass(frozen=True)
class EnglishPerson:
    """A person the English names in a role: "Prime Minister Shigeru Ishiba"."""

    text: str
    words: tuple[str, ...]
    titles: frozenset[str]  # the Korean titles of the role
    start: int


def _role_titles(context: str) -> frozenset[str]:
    return frozenset(t for role, titles in ROLES if role.search(context) for t in titles)


def _is_title_word(word: str) -> bool:
    return word.lower() in _TITLE_WORDS or any(role.fullmatch(word) for role, _ in ROLES)


def english_persons(text: str) -> list[EnglishPerson]:
    """The people of ``text`` named with a role: a title in the name's run of
    capitals ("Prime Minister Shigeru Ishiba"), a role right before it ("IOC
    spokeswoman Giselle Davies") or in an apposition after it ("Davies, the IOC
    spokeswoman,"); not a body or a place of the built-in list.

    Example:
        >>> [(p.text, sorted(p.titles)) for p in english_persons(
        ...     "IOC spokeswoman Giselle Davies met Chancellor Olaf Scholz.")]
        [('Giselle Davies', ['대변인']), ('Olaf Scholz', ['총리'])]
    """
    found = []
    for run in _RUN.finditer(text):
        words = re.split(r"\s+", run.group())
        titled = [i for i, w in enumerate(words) if _is_title_word(w)]
        first = titled[-1] + 1 if titled else 0
        offset = run.start() + len(" ".join(words[:first])) + (1 if first else 0)
        name = tuple(w for w in words[first:] if w not in _NOT_NAMES and w != "of")
        if not name or " ".join(name) in _english_bodies() or _BODY_WORDS & set(name):
            continue
        before = _ROLE_BEFORE.search(text, 0, run.start())
        titles = _role_titles(" ".join(words[:first]))
        titles |= _last_role(before.group() if before else "")
        after = _APPOSITION.match(text, run.end())
        if not titles and after:
            titles = _role_titles(after.group(1))
        if titles:
            found.append(EnglishPerson(" ".join(words[first:]), name, titles, offset))
    return found


# one or two words in lower case right before a name: "spokeswoman", "chief executive"
_ROLE_BEFORE = re.compile(r"(?:[a-z][\w.-]*\s+){0,1}[a-z][\w.-]*\s+$")
# Words of a body's name, not a person's: "the United Nations", "Bell Laboratories"
_BODY_WORDS = frozenset(
    "Nations Committee University Police Party Congress Commission Council Ministry Office "
    "House Agency Bank Laboratories Motors Times Post Association Union Organization Court "
    "Department Republic Kingdom States Airlines Group Corp Inc Co Institute Center Centre "
    "Foundation Club FC City Cabinet Olympics Games Army Navy Force Forces Network News "
    "Service Board Senate Assembly Parliament Government Administration Authority".split()
)


@functools.cache
def _english_bodies() -> frozenset[str]:
    """The English names of the institutions and countries of the built-in list."""
    return frozenset(_THE.sub("", form) for i in load_institutions() for form in i.en)


def _last_role(words: str) -> frozenset[str]:
    """The Korean titles of the role ``words`` end with ("opposition leader", "chief
    executive"; not "lawyer for")."""
    words = words.rstrip()
    return frozenset(
        title
        for role, titles in ROLES
        if any(m.end() == len(words) for m in role.finditer(words))
        for title in titles
    )


# ------------------------------------------------------------------ Korean

# The Hangul syllables that two or more hanja of Unicode's main CJK block read as (in
# the table of the ``hanja`` package, 0.15.1), but for 카, 터, 픽 and 에, which
# Korean writes foreign names with far more often: a word of these alone may be a
# Sino-Korean word (일본, 신임, 우승), a word with any other (카, 에, 바, 스) reads as a
# transcription.
_SINO = frozenset(
    "가각간갈감갑강개객갱갹거건걸검겁게격견결겸겹경계고곡곤골곳공과곽관괄광괘괴괵굉교구국군굴궁권궐궤귀규균귤극근금급긍기긴길끽나낙난날남납낭내냑녀녁년녈념녑녕노녹농"
    "놜뇌뇨누눈눌뉴뉵니닉닐다단달담답당대덕도독돈돌동두둔득등라락란랄람랍랑래랭략량려력련렬렴렵령례로록론롱뢰료룡루류륙륜률륭륵름릉리린림립마막만말맘망매맥맹며멱면멸"
    "명모목몰몽묘무묵문물미민밀박반발방배백번벌범법벽변별병보복본봉부북분불붕비빈빙뿐사삭산살삼삽상새색생서석선설섬섭성세소속손솔송쇄쇠수숙순술숭쉬슬습승시식신실심십"
    "쌍아악안알암압앙애액앵야약양어억언얼엄업여역연열염엽영예오옥온올옹와완왈왕왜외요욕용우욱운울웅원월위유육윤율융은을음읍응의이익인일임입잉자작잔잘잠잡장재쟁저적전"
    "절점접정제조족존졸종좌죄주죽준줄중즉즐즙증지직진질짐집징차착찬찰참창채책처척천철첨첩청체초촉촌총촬쵀최추축춘출충췌취측층치칙친칠침칩칭쾌타탁탄탈탐탑탕태택탱토톤"
    "통퇴투특틈파판팔패팽편폄평폐포폭표품풍피필핍하학한할함합항해핵행향허헌헐험혁현혈혐협형혜호혹혼홀홍화확환활황홰회획횡효후훈훌훙훤훼휘휴휵휼흉흑흔흘흠흡흥희힐"
)
# Words before a title that say which one, not whose name: former, new, next... (and
# any word of one syllable: 전, 현, 미 of 미 국무장관)
_MODIFIERS = frozenset("신임 전임 후임 차기 초대 당시 수석 대리 임시 공동".split())
# International bodies Korean names by a transcription of their acronym: 유엔 사무총장
_ACRONYMS = frozenset("유엔 나토 아세안 오펙 유네스코 유니세프 피파".split())
# Word endings of an affiliation, not a name: a ministry, office, party, country...
_BODY = re.compile(r"(?:부|청|처|원|관|회|당|국|단|대|소|군|측|실|팀|사|기구|연합|은행)$")
# Words a name before a title does not reach past: a particle or an ending (정부의,
# 치른, 밝혔지만), a conjunction or an adverb (그러나, 이날).
_STOP = re.compile(
    r"(?:의|은|는|을|를|에서|에게|와|과|로|고|며|면|다|된|한|인|던|할|른|운|둔|쁜|지만|했|됐)$"
    r"|^(?:그러나|하지만|그리고|또한|한편|이어|이에|반면|특히|다만|이날)$"
)


def looks_foreign(word: str) -> bool:
    """Whether a Hangul word has a syllable no Sino-Korean word has (다카이치, 이시바).

    Example:
        >>> looks_foreign("다카이치"), looks_foreign("일본")
        (True, False)
    """
    return any(char not in _SINO for char in word)


@functools.cache
def _bodies() -> frozenset[str]:
    """The Korean names of the institutions and countries of the built-in list (not
    their loose forms: a country's are its leaders too, 다카이치 for Japan)."""
    return frozenset(form.replace(" ", "") for i in load_institutions() for form in i.ko)


@dataclass(frozen=True)
class KoreanPerson:
    """The words the Korean writes where a title's person is named: 다카이치 사나에."""

    text: str
    start: int


def _titled_persons(text: str, titles: frozenset[str], echoes: list[str]) -> list[KoreanPerson]:
    """The transcribed names beside one of ``titles`` in ``text`` that transcribe none
    of the English words ``echoes``: the words before the title, past an affiliation
    (일본, 백악관, IOC) or a modifier (신임), that look foreign; or those after the
    title (야당 지도자인 모건 창기라이가, 영화배우 제니퍼 허드슨의)."""
    alternatives = "|".join(sorted(titles, key=len, reverse=True))
    found = []
    for match in re.finditer(rf"(?<![가-힣])([가-힣]*?)(?:{alternatives}){_TITLE_END}", text):
        glued = match.group(1)
        if glued and not looks_foreign(glued):
            glued = ""  # an affiliation glued to the title: 국무장관, 외교부장관
        tokens = [(match.start(1), glued)] if glued else []
        head = text[: match.start()]
        tokens += [(m.start(), m.group()) for m in re.finditer(r"\S+", head)][::-1][:4]
        names = []
        for start, token in tokens:
            kind = _kind(token, echoes)
            if kind == "name":
                names.append((start, token))
            elif kind == "stop":
                break
        if names:
            names.reverse()
            first, last = names[0], names[-1]
            found.append(KoreanPerson(text[first[0] : last[0] + len(last[1])], first[0]))
        elif after := _name_after(text, match.end(), echoes):
            found.append(after)
    return found


def _name_after(text: str, at: int, echoes: list[str]) -> KoreanPerson | None:
    """The transcribed name right after a title (and 인) at ``at``, up to the word
    that ends in a particle: 지도자인 모건 창기라이가 부통령직을 gives 모건 창기라이."""
    opening = re.match(r"인?\s+", text[at:])
    if not opening:
        return None
    start = end = at + opening.end()
    for word in re.finditer(r"\S+", text[start : start + 40]):
        bare = _PARTICLE_END.sub("", word.group())
        if not re.fullmatch("[가-힣]+", bare) or _kind(bare, echoes) != "name":
            break
        end = start + word.start() + len(bare)
        if bare != word.group():
            break  # a particle ends the name
    return KoreanPerson(text[start:end], start) if end > start else None


# A title ends its word, or a particle follows it (not 대사관, an embassy).
_TITLE_END = r"(?=(?:당선인|당선자)?(?:[은는이가을를의와과도에께로측인만]|[^가-힣]|$))"
# the particle that ends a name after its title: 지도자인 모건 창기라이가, 배우 제니퍼 허드슨의
_PARTICLE_END = re.compile(r"(?<=[가-힣])(?:은|는|이|가|을|를|의|와|과|도|에게)$")


def _kind(token: str, echoes: list[str]) -> str:
    """What a word before a title is: part of a "name", a word to "skip" (an
    affiliation, a modifier, a transcription of the English) or one to "stop" at."""
    if not re.search("[가-힣]", token):
        return "skip" if re.fullmatch(r"[A-Z][A-Za-z.&]*", token) else "stop"
    if not re.fullmatch("[가-힣]+", token) or _STOP.search(token):
        return "stop"
    if len(token) == 1 or token in _MODIFIERS | _ACRONYMS or token in _bodies():
        return "skip"
    if _BODY.search(token) or any(sounds_alike(echo, token) for echo in echoes):
        return "skip"
    return "name" if len(token) > 1 and looks_foreign(token) else "stop"


# ------------------------------------------------------------------ pairs


def _parts(person: EnglishPerson) -> list[str]:
    """The words of a name to look for in the Korean: each (hyphenated parts apart,
    "al-" and "bin" left out), and each two in a row (Hun Sen, 훈센; Kar-wai, 가위)."""
    parts = [p for w in person.words for p in w.split("-") if p.lower() not in _PARTICLES]
    return parts + [a + b.lower() for a, b in zip(parts, parts[1:], strict=False)]


_PARTICLES = frozenset("al el ad as bin abu w.".split())


def _transcribed(person: EnglishPerson, korean: str) -> bool | None:
    """Whether the Korean writes the person's name: a word of it in Latin letters, or
    transcribed at the start of a Hangul word (particles and a glued title after it:
    올메르트총리와); None where no word of the name has two consonants to compare."""
    parts = [p for p in _parts(person) if len(skeleton(p)) >= 2]
    if not parts:
        return None
    if any(w in korean for w in person.words):
        return True
    hangul = re.findall("[가-힣]+", korean)
    stems = {h[:n] for h in hangul for n in range(1, len(h) + 1)}
    return any(sounds_alike(p, stem) for p in parts for stem in stems)


def _echoes(english: str) -> list[str]:
    """The capitalised words of the English, alone and two in a row (World Cup)."""
    words = re.findall(r"[A-Z][A-Za-z'-]+", english)
    return words + [a + b for a, b in zip(words, words[1:], strict=False)]


def _korean(person: EnglishPerson, english: str) -> bool:
    """Whether the person's is a Korean name, which ``korean_name`` and
    ``korean_surname`` read."""
    if person.words[0] in _EN_SURNAMES or person.words[-1] in _EN_SURNAMES:
        return True
    return any(person.text in n.text for n in english_names(english))


def _pair_flags(bead: Bead, sides: tuple[SideText, SideText]) -> Iterator[Flag]:
    src, tgt = sides[0].text, sides[1].text
    echoes = _echoes(src)
    for person in english_persons(src):
        if _korean(person, src) or _transcribed(person, tgt) is not False:
            continue
        others = _titled_persons(tgt, person.titles, echoes)
        if others:
            other = others[0]
            yield person_flag(bead, sides, (person.start, person.text), (other.start, other.text))
            return


@register("foreign_name", Severity.WARNING, langs=("en", "ko"))
def find_foreign_swaps(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Foreign people the English names in a role whom the Korean names otherwise.

    Args:
        doc: the aligned document.
        settings: run settings (unused: the check has no options).

    Yields:
        ``named_entity`` flags, at most one per pair.
    """
    for bead in filter(doc.is_content_pair, doc.beads):
        sides = SideText.of(doc.src, "src", bead.src), SideText.of(doc.tgt, "tgt", bead.tgt)
        yield from _pair_flags(bead, sides)
