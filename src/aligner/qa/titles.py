"""The ``title`` check: a person's title made current, former or acting on one side.

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
which Korean style calls ``김영삼 전 대통령`` in a history) and the English sentence has
no word for it anywhere ("a former
minister", "who served as", "then-", "ex-"; "acting", "interim", "caretaker").
A person the Korean calls by name alone, or by a title without the name, is not
read.

Flags are of type ``named_entity`` (subject ``title``), a warning by default.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from aligner.config import Settings
from aligner.models import Bead, Flag, Severity
from aligner.qa.alignment import _quote
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
        "외상 부부장 부장 주석 총비서 비서 지사 도지사 시장 군수 구청장 감독 판사 총통".split(),
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
        former = bool(_KO_FORMER.search(after.group(1)))
        acting = _KO_ACTING.match(korean, after.end())
        end = acting.end() if acting else after.end()
        found.append(_Titled(match.start(), end, former, bool(acting)))
    return found


def _changes(en: str, ko: str) -> Iterator[tuple[EnglishName, str, _Titled]]:
    for name in english_names(en):
        titled = _titled(name, ko)
        if not titled:
            continue
        before = _EN_BEFORE.search(en, max(0, name.start - 60), name.start)
        said = before.group("word").lower() if before else ""
        if said in ("former", "ex-") and not any(t.former for t in titled):
            yield name, "former", titled[0]
        elif said in ("acting", "interim", "caretaker") and not any(t.acting for t in titled):
            yield name, "acting", titled[0]
        elif (
            not _EN_FORMER.search(en)
            and titled_before(en, name.start)
            and (t := next((t for t in titled if t.former), None))
        ):
            # a name the English gives bare ("Kim Young-sam held office from 1993") is
            # 김영삼 전 대통령 in Korean style: only a current title made past is a change
            yield name, "former in Korean", t
        elif not _EN_ACTING.search(en) and (t := next((t for t in titled if t.acting), None)):
            yield name, "acting in Korean", t


def _flag(doc: AlignedDocument, bead: Bead) -> Flag | None:
    en, ko = SideText.content(doc, bead, "src"), SideText.content(doc, bead, "tgt")
    found = next(_changes(en.text, ko.text), None)
    if found is None:
        return None
    name, what, titled = found
    korean = ko.text[titled.start : titled.end]
    if what == "former":
        said = f"EN calls {name.text} former, KO gives the title as current: {_quote(korean)}"
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
