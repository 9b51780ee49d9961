"""The ``title`` check: a person's title made current, former or acting on one side, or a
person dead in the English ("the late") alive in the Korean.

"Acting Finance Minister Bae Jin-woo" translated ``배진우 기획재정부 장관`` (the
minister himself) or "former President Moon Jae-in" as ``문재인 대통령`` keeps the
name and the title, so no name check and no similarity sees it; an editor would
call it a factual error. For each Korean name the English gives (read as
``korean_name`` reads them: "Bae Jin-woo", the surname of "Moon"), this check
finds where the Korean calls that person by name and title (``배진우 … 장관``,
``문 전 대통령``) and compares what the title says:

* "former" or "ex-" right before the name, against ``전`` (``前``) before the
  Korean title;
* "acting" or "interim" right before the name, against ``대행`` (직무대행,
  권한대행) after it.

A pair is flagged when the English says former (acting) and every title the
Korean gives that person lacks it, or when a title the Korean gives says former
(acting) where the English gives a title (former: "President Kim", not a name alone,
which Korean style calls ``김영삼 전 대통령`` in a history) and the English has no
word for it among the person's own words, from the name before to the name after ("a
former minister", "who served as", "then-", "ex-"; "acting", "interim", "caretaker").
A person the Korean calls by name alone, or by a title without the name, is not
read.

Flags are of type ``named_entity`` (subject ``title``), a warning by default.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from aligner.config import Settings
from aligner.models import Bead, Flag, Severity
from aligner.qa.alignment import _quote
from aligner.qa.foreign import sounds_alike
from aligner.qa.names import EnglishName, english_names, titled_before
from aligner.qa.registry import AlignedDocument, register
from aligner.qa.spans import SideText

__all__ = ["find_title_changes"]

# what stands right before an English name: "former Foreign Minister", "Acting"
_EN_BEFORE = re.compile(
    r"\b(?P<word>former|ex-|acting|interim|caretaker)\s*(?:[A-Z][\w'’.-]*\s+){0,4}$", re.I
)
# anywhere in the English: words that make a title past or temporary
_EN_FORMER = re.compile(
    r"\b(?:former|formerly|ex-|then-?|once|previous|previously|retired|served|had\s+been"
    r"|late|predecessor|outgoing|ousted|impeached|deposed|disgraced)\b",
    re.I,
)
_EN_ACTING = re.compile(r"\b(?:acting|interim|caretaker|stand-in|fill\w*\s+in)\b", re.I)
# offices, which one holds, held or holds for another (not 씨, 교수, 선수)
_OFFICE = "|".join(
    sorted(
        "대통령 총리 부총리 장관 차관 총재 부총재 위원장 국무위원장 부위원장 의원 의장 대표 "
        "대표이사 회장 부회장 사장 총장 원장 국장 실장 청장 처장 본부장 대변인 대사 특사 외무상 "
        "외상 부부장 부장 주석 총비서 비서 지사 도지사 시장 군수 구청장 감독 판사 총통 "
        "부통령 하원의장 상원의장 관방장관 국무장관 총독".split(),
        key=len,
        reverse=True,
    )
)
# up to three words between a Korean name and its title (기획재정부, 전), none of
# them ending on a particle (씨는 이 대통령: another person's title), then the title
_TITLE_AFTER = re.compile(
    r"((?:\s?[가-힣()·]*[가-힣()·](?<![은는이가을를의과와도에로])){0,3}?\s?)"
    rf"(?:{_OFFICE})(?=[은는이가을를의과와도에,\s.]|$)"
)
_KO_FORMER = re.compile(r"(?:^|\s)(?:전|당시)(?:\s|$)|前")
_KO_ACTING = re.compile(r"\s?(?:(?:직무|권한)?\s?대행|직무\s?대리)")
_KO_INTERIM = re.compile(r"비상대책|비대위")
_KO_SERVED_BEFORE = re.compile(r"(?:지낸|역임한|출신인?)\s?$")
# "Former Justice Minister Han Dong-hoon, now the party's leader": a past title beside
# the current one; "In 1993, President Kim Young-sam": a history, which Korean style
# tells with 전 대통령
# "the late composer Han Sang-il" is 고(故) 한상일, or one the Korean says has died
_EN_LATE = re.compile(r"\bthe\s+late\s+(?:[\w'’.-]+\s+){0,4}$", re.I)
_KO_LATE = re.compile(
    r"故|(?<![가-힣])고\s(?=[가-힣]{2,3}(?:\s|$|[은는이가을를의와과도]))"
    r"|별세|작고|타계|숨[진졌지]|사망|고인|생전|유작|유족|선대\s?(?:회장|명예회장)"
    r"|세상을\s?떠|순직|유명을\s?달리|서거|영면"
)
_EN_NOW = re.compile(r"\bnow\b", re.I)
_EN_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True)
class _Titled:
    """Where the Korean calls a person by name and title, and what the title says."""

    start: int
    end: int
    former: bool
    acting: bool


def _titled(name: EnglishName, korean: str) -> list[_Titled]:
    """Each place ``korean`` gives ``name`` a title: the full name or the surname,
    then up to three words (an office: 기획재정부), then a title of the list."""
    found = []
    person = rf"(?<![가-힣])(?:[{name.surnames}][가-힣]{{2}}|[{name.surnames}])(?=\s|{_OFFICE}|前)"
    for match in re.finditer(person, korean):
        if len(match.group()) == 3 and not name.sounds_like(match.group()):
            continue
        after = _TITLE_AFTER.match(korean, match.end())
        if after is None:
            continue
        # 법무부 장관을 지낸 한동훈 대표: a past office named before the person
        served = _KO_SERVED_BEFORE.search(korean, max(0, match.start() - 20), match.start())
        former = bool(_KO_FORMER.search(after.group(1)) or served)
        acting = _KO_ACTING.match(korean, after.end())
        end = acting.end() if acting else after.end()
        interim = acting or _KO_INTERIM.search(after.group())  # 비상대책위원장 leads for a time
        found.append(_Titled(match.start(), end, former, bool(interim)))
    return found


def _named(name: EnglishName, korean: str) -> _Titled | None:
    """Where ``korean`` gives ``name`` in full, title or none."""
    for match in re.finditer(rf"(?<![가-힣])[{name.surnames}][가-힣]{{2}}", korean):
        if name.sounds_like(match.group()):
            return _Titled(match.start(), match.end(), former=False, acting=False)
    return None


def _in_the_past(en: str) -> bool:
    """Whether the English tells of a year before the last: "In 1993, President Kim"."""
    return any(int(year) < date.today().year - 1 for year in _EN_YEAR.findall(en))


def _changes(en: str, ko: str) -> Iterator[tuple[EnglishName, str, _Titled]]:
    names = english_names(en)
    for k, name in enumerate(names):
        if _EN_LATE.search(en, max(0, name.start - 60), name.start):
            # 김대중 전 대통령 in a history need not say 고(故)
            named = _named(name, ko)
            former = any(t.former for t in _titled(name, ko))
            if named and not former and not _KO_LATE.search(ko):
                yield name, "late", named
            continue
        titled = _titled(name, ko)
        # the person's own words: from the name before to the name after ("President
        # Lee nominated Kwon, a former vice minister" calls only Kwon former)
        own = en[names[k - 1].end if k else 0 : names[k + 1].start if k + 1 < len(names) else None]
        if not titled:
            continue
        before = _EN_BEFORE.search(en, max(0, name.start - 60), name.start)
        said = before.group("word").lower() if before else ""
        if said in ("former", "ex-") and not any(t.former for t in titled):
            if not _EN_NOW.search(own):
                yield name, "former", titled[0]
        elif said in ("acting", "interim", "caretaker") and not any(t.acting for t in titled):
            yield name, "acting", titled[0]
        elif (
            not _EN_FORMER.search(own)
            and not _in_the_past(en)
            and titled_before(en, name.start)
            and (t := next((t for t in titled if t.former), None))
        ):
            # a name the English gives bare ("Kim Young-sam held office from 1993") is
            # 김영삼 전 대통령 in Korean style: only a current title made past is a change
            yield name, "former in Korean", t
        elif not _EN_ACTING.search(own) and (t := next((t for t in titled if t.acting), None)):
            yield name, "acting in Korean", t


@dataclass(frozen=True)
class _Foreign:
    """A foreign person the English names with a title: the name as written."""

    text: str
    start: int
    end: int


# a foreign name after its title: "Former Chancellor Olaf Scholz", "Prime Minister Sanae
# Takaichi", "acting President Han"; the last capitalised word is the one Korean writes
_EN_FOREIGN_TITLED = re.compile(
    r"\b(?P<word>(?i:former|ex-|acting|interim)\s+)?"
    r"(?P<title>(?:(?:U\.S\.|[A-Z][a-z]+)\s+){0,2}(?:President|Prime\s+Minister|Chancellor"
    r"|Premier|Secretary\s+of\s+State|Foreign\s+Minister|Defense\s+Minister|Vice\s+President"
    r"|Governor|Mayor|Speaker|Chairman|Chairwoman|Minister|Secretary))"
    r"\s+(?P<name>(?:[A-Z][\w'’-]+\s+){0,2}(?P<last>[A-Z][\w'’-]+))"
)
_HANGUL_WORD = re.compile(r"[가-힣]{2,}")


def _foreign_changes(
    en: str, ko: str, korean: list[EnglishName]
) -> Iterator[tuple[_Foreign, str, _Titled]]:
    """Former or acting made current, or current made former, for the foreign people the
    English titles (the Korean names of ``korean`` aside: the name check reads those),
    each found in the Korean by the sound of its last name."""
    for m in _EN_FOREIGN_TITLED.finditer(en):
        if any(k.start < m.end("name") and m.start("name") < k.end for k in korean):
            continue
        last = m["last"]
        for word in _HANGUL_WORD.finditer(ko):
            # the name, or the name and its particle (메르츠가)
            spelled = word.group()
            if not (sounds_alike(last, spelled) or sounds_alike(last, spelled[:-1])):
                continue
            after = _TITLE_AFTER.match(ko, word.end())
            if after is None:
                continue
            acting = _KO_ACTING.match(ko, after.end())
            titled = _Titled(
                word.start(),
                acting.end() if acting else after.end(),
                former=bool(_KO_FORMER.search(after.group(1))),
                acting=bool(acting),
            )
            person = _Foreign(m["name"], m.start("name"), m.end("name"))
            said = (m["word"] or "").strip().lower()
            own = en[max(0, m.start() - 60) : m.end() + 60]
            if said in ("former", "ex-") and not titled.former:
                yield person, "former", titled
            elif said in ("acting", "interim") and not titled.acting:
                yield person, "acting", titled
            elif not said and titled.former and not _EN_FORMER.search(own) and not _in_the_past(en):
                yield person, "former in Korean", titled
            break


@dataclass(frozen=True)
class _Rank:
    """An office and its deputy, each as the English and the Korean word them."""

    en_full: re.Pattern[str]
    en_deputy: re.Pattern[str]
    ko_full: re.Pattern[str]  # 부장, not 부장판사; read outside a deputy's word
    ko_deputy: re.Pattern[str]  # 부부장


_EN_DEPUTY = r"(?:vice|deputy)[\s-]+(?:[\w'’]+\s+){0,2}?"


def _rank(en: str, ko_full: str, ko_deputy: str) -> _Rank:
    return _Rank(
        re.compile(rf"\b(?:{en})\b", re.I),
        re.compile(rf"\b{_EN_DEPUTY}(?:{en})\b", re.I),
        re.compile(ko_full),
        re.compile(ko_deputy),
    )


# offices whose deputy Korean names with a word of its own: a "vice department
# director" is 부부장, a "vice minister" 차관. A ministry's 부 is no deputy's: 외교부장관
# is the minister, 국무부 부장관 the deputy
_RANKS = (
    _rank(r"department\s+director", r"부장(?!관|판사|검사|급|실|님|대우)", r"부부장"),
    _rank(r"(?<!prime\s)minister", r"장관(?!급)", r"차관(?!보|급)|(?:(?<![가-힣])|(?<=부))부장관"),
    _rank(r"prime\s+minister|premier", r"총리", r"부총리"),
    _rank(r"chair(?:man|woman|person)?", r"회장|위원장|의장", r"부회장|부위원장|부의장"),
    _rank(r"president", r"(?<!검)사장|총재|대통령", r"부사장|부총재|부통령"),
    _rank(r"spokes(?:man|woman|person)", r"대변인", r"(?<![가-힣])부대변인"),
)


def _offices(
    full: re.Pattern[str], deputy: re.Pattern[str], text: str
) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """The deputies ``text`` names, and the offices it names outside their words."""
    deputies = list(deputy.finditer(text))
    inside = [(d.start(), d.end()) for d in deputies]
    return deputies, [
        m for m in full.finditer(text) if not any(a <= m.start() < b for a, b in inside)
    ]


# a party's floor leader (원내대표) and its leader or chair (대표), the offices news
# confuses most
_EN_FLOOR = re.compile(r"\bfloor\s+leaders?\b", re.I)
_EN_PARTY_HEAD = re.compile(
    r"\b(?:party\s+(?:leader|chair(?:man|woman|person)?)"
    r"|chair(?:man|woman|person)\s+of\s+the\s+[\w\s]{0,30}?party)\b",
    re.I,
)
_KO_FLOOR = re.compile(r"원내\s?대표")
_KO_PARTY_HEAD = re.compile(r"(?<!원내)(?<!원내\s)(?:당\s?)?대표(?!단|이사|팀|선수|직|적|성)")


def _floor_change(en: str, ko: str) -> tuple[str, str] | None:
    """A floor leader given as the party's leader, or the other way round."""
    floor, head = _EN_FLOOR.search(en), _EN_PARTY_HEAD.search(en)
    ko_floor, ko_head = _KO_FLOOR.search(ko), _KO_PARTY_HEAD.search(ko)
    if floor and not head and ko_head and not ko_floor:
        return floor.group(), ko_head.group()
    if head and not floor and ko_floor and not ko_head:
        return head.group(), ko_floor.group()
    return None


def _rank_change(en: str, ko: str) -> tuple[str, str] | None:
    """An office whose deputy one side names and the other the office itself, and
    neither side both: "a vice department director" as ``김여정 노동당 부장``, "Minister
    Ahn" as ``안선미 차관``. The English words and the Korean, or None."""
    for rank in _RANKS:
        deputies, fulls = _offices(rank.en_full, rank.en_deputy, en)
        ko_deputies, ko_fulls = _offices(rank.ko_full, rank.ko_deputy, ko)
        if deputies and not fulls and ko_fulls and not ko_deputies:
            return deputies[0].group(), ko_fulls[0].group()
        if fulls and not deputies and ko_deputies and not ko_fulls:
            return fulls[0].group(), ko_deputies[0].group()
    return None


def _flag(doc: AlignedDocument, bead: Bead) -> Flag | None:
    en, ko = SideText.content(doc, bead, "src"), SideText.content(doc, bead, "tgt")
    found: tuple[EnglishName | _Foreign, str, _Titled] | None = next(
        _changes(en.text, ko.text), None
    ) or next(_foreign_changes(en.text, ko.text, english_names(en.text)), None)
    if found is None:
        return _rank_flag(doc, bead, en, ko)
    name, what, titled = found
    korean = ko.text[titled.start : titled.end]
    if what == "former":
        said = f"EN calls {name.text} former, KO gives the title as current: {_quote(korean)}"
    elif what == "late":
        said = f"EN calls {name.text} the late, KO gives no 고(故) nor a death: {_quote(korean)}"
    elif what == "acting":
        said = f"EN calls {name.text} acting, KO gives the full title: {_quote(korean)}"
    else:
        kind = what.split()[0]
        said = f"KO calls {name.text} {kind} ({_quote(korean)}), EN does not"
    return Flag(
        "named_entity",
        Severity.WARNING,
        bead.src,
        bead.tgt,
        f"title changed: {said}. EN: {_quote(en.text)}",
        subject=f"title {name.text}",
        spans=(*en.spans(name.start, name.end), *ko.spans(titled.start, titled.end)),
    )


def _rank_flag(doc: AlignedDocument, bead: Bead, en: SideText, ko: SideText) -> Flag | None:
    changed = _rank_change(en.text, ko.text)
    offices = "an office and its deputy"
    if changed is None:
        changed, offices = _floor_change(en.text, ko.text), "a floor leader and a party's leader"
    if changed is None:
        return None
    said, korean = changed
    return Flag(
        "named_entity",
        Severity.WARNING,
        bead.src,
        bead.tgt,
        f"title changed: EN says “{said}”, KO says “{korean}”, {offices}. EN: {_quote(en.text)}",
        subject=f"title {said.lower()}",
    )


@register("title", Severity.WARNING, langs=("en", "ko"))
def find_title_changes(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """Paired beads that call a person former or acting on one side only.

    Args:
        doc: the aligned document.
        settings: run settings (unused: names decide, not similarity).

    Yields:
        One ``named_entity`` flag (subject ``title NAME``) per bead.
    """
    for bead in filter(doc.is_content_pair, doc.beads):
        flag = _flag(doc, bead)
        if flag is not None:
            yield flag
