"""The ``dateline`` check: a Korean dateline that names another city than the English's.

Both editions of a wire story open with where it was filed: "BUSAN, Dec. 7
(Yonhap) --" and ``(부산=연합뉴스) 김철수 기자 =``. The comparisons of content leave
datelines out (:func:`aligner.segment.strip_dateline`: one edition often drops
it), so a Korean that files a Busan story from 서울 would pass unseen; a desk
corrects it like any wrong place name. The city is read from the first dateline
of each side, among its first sentences (a dateline may stand on a line of its
own, as boilerplate), and looked up in ``aligner/data/cities.tsv``: only two
cities of that list that are not one are flagged, never a city it does not know.
English wire editions file domestic stories from Seoul whichever bureau wrote the
Korean (a health ministry story is "SEOUL" and ``(세종=연합뉴스)``), so a Korean city
against an English "SEOUL" is no change. Other desks keep other conventions: the
flag is a warning.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from aligner.config import Settings
from aligner.models import Document, Flag, Severity, Span
from aligner.qa.registry import AlignedDocument, register

__all__ = ["dateline_cities", "dateline_city", "find_dateline_changes"]

_FIRST = 3  # a dateline opens the story: its headline and byline may come first
# "SEOUL, Dec. 7 (Yonhap) --", "NEW YORK (AP) —", "BEIJING, China (CNN)", "WASHINGTON --"
_EN_CITY = re.compile(r"^\W*([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)*)(?=,| \(| [-–—])")
# "(서울=연합뉴스)", "[베이징=뉴시스]"
# (서울=연합뉴스), and a foreign wire's (모스크바 AP=연합뉴스, 키이우 로이터=연합뉴스)
_KO_CITY = re.compile(
    r"^\W*[(\[]\s*([가-힣A-Z]{1,12})\s*(?:(?:AP|AFP|로이터|교도|신화|블룸버그|EPA|dpa|타스)\s*)?="
)


@dataclass(frozen=True)
class _City:
    row: int
    in_korea: bool


@functools.cache
def _cities() -> dict[str, _City]:
    """Each English (lower case) and Korean name of the list, to its city."""
    text = resources.files("aligner").joinpath("data/cities.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {
        name.lower(): _City(row, where == "korea")
        for row, (where, *columns) in enumerate(rows)
        for column in columns
        for name in column.split("|")
    }


def dateline_cities() -> frozenset[str]:
    """The English (lower case) and Korean names of the list's cities."""
    return frozenset(_cities())


def dateline_city(text: str, lang: str) -> str | None:
    """The city a dateline at the start of ``text`` names, as written, or None.

    Example:
        >>> dateline_city("SEOUL, Dec. 7 (Yonhap) -- The won fell.", "en")
        'SEOUL'
        >>> dateline_city("(부산=연합뉴스) 김철수 기자 = 원화가 약세를 보였다.", "ko")
        '부산'
    """
    found = (_EN_CITY if lang == "en" else _KO_CITY).match(text)
    return found.group(1) if found else None


def _first_dateline(document: Document) -> tuple[int, str, int] | None:
    """(sentence, city, where it starts) of the document's first dateline."""
    for sentence in document.sentences[:_FIRST]:
        city = dateline_city(sentence.text, document.lang)
        if city is not None:
            return sentence.index, city, sentence.text.index(city)
    return None


@register("dateline", Severity.WARNING, langs=("en", "ko"))
def find_dateline_changes(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
    """A Korean dateline naming a city of the list other than the English's.

    Args:
        doc: the aligned document.
        settings: run settings (unused: the check has no options).

    Yields:
        At most one ``named_entity`` flag, on the two dateline sentences.
    """
    en, ko = _first_dateline(doc.src), _first_dateline(doc.tgt)
    if en is None or ko is None:
        return
    en_city, ko_city = (_cities().get(city.lower()) for _, city, _ in (en, ko))
    if en_city is None or ko_city is None or en_city == ko_city:
        return
    if en_city == _cities()["seoul"] and ko_city.in_korea:
        return
    (i, en_name, en_at), (j, ko_name, ko_at) = en, ko
    yield Flag(
        "named_entity",
        Severity.WARNING,
        (i,),
        (j,),
        f"the English dateline files the story from {en_name}, the Korean from {ko_name}: "
        "one of them names the wrong city",
        subject="dateline",
        spans=(
            Span("src", i, en_at, en_at + len(en_name)),
            Span("tgt", j, ko_at, ko_at + len(ko_name)),
        ),
    )
