"""The ``dateline`` check: a Korean dateline naming another city than the English's."""

from __future__ import annotations

import pytest
from pairs import aligned, spanned

from aligner.config import Settings
from aligner.qa.datelines import dateline_city, find_dateline_changes

BODY = "The foreign ministers agreed on Monday to hold a summit in Tokyo early next year."
KO_BODY = "한중일 외교장관은 7일 내년 초 도쿄에서 정상회의를 열기로 합의했다."


def _flags(en_dateline: str, ko_dateline: str) -> list[str]:
    doc = aligned([(f"{en_dateline} {BODY}", f"{ko_dateline} {KO_BODY}")])
    return [f.message for f in find_dateline_changes(doc, Settings())]


@pytest.mark.parametrize(
    ("text", "lang", "city"),
    [
        ("BEIJING, China (CNN) -- Officials said", "en", "BEIJING"),
        ("NEW YORK (AP) — Stocks fell", "en", "NEW YORK"),
        ("WASHINGTON -- The talks", "en", "WASHINGTON"),
        ("Seoul, the capital, is cold.", "en", None),  # no dateline in capitals
        ("[베이징=뉴시스] 김철수 특파원 =", "ko", "베이징"),
        # a foreign wire's dateline (the world news desk test, hunt51)
        ("(모스크바 AP=연합뉴스) 러시아는", "ko", "모스크바"),
        ("(키이우 로이터=연합뉴스) 우크라이나는", "ko", "키이우"),
        ("서울에서 열린 회의", "ko", None),
    ],
)
def test_the_city_of_a_dateline(text: str, lang: str, city: str | None) -> None:
    assert dateline_city(text, lang) == city


def test_a_korean_dateline_of_another_city_is_flagged() -> None:
    [message] = _flags("BUSAN, Dec. 7 --", "(서울=글로벌뉴스) 최윤아 기자 =")
    assert "BUSAN" in message and "서울" in message
    assert _flags("WASHINGTON, Dec. 6 (Yonhap) --", "(도쿄=연합뉴스) 김철수 특파원 =")


def test_one_city_written_either_way_is_no_change() -> None:
    assert _flags("BUSAN, Dec. 7 --", "(부산=글로벌뉴스) 최윤아 기자 =") == []
    assert _flags("KIEV, Ukraine (CNN) --", "(키이우=연합뉴스) 김철수 특파원 =") == []


def test_an_english_seoul_stands_for_any_korean_bureau() -> None:
    # English wire editions file domestic stories from Seoul: a Sejong ministry story too
    assert _flags("SEOUL, Dec. 7 (Yonhap) --", "(세종=연합뉴스) 윤희선 기자 =") == []
    assert _flags("SEOUL, Dec. 7 (Yonhap) --", "(워싱턴=연합뉴스) 김철수 특파원 =")


def test_a_city_not_in_the_list_is_never_compared() -> None:
    assert _flags("DAVOS, Switzerland (AP) --", "(서울=연합뉴스) 김철수 기자 =") == []


def test_a_dateline_on_a_line_of_its_own_after_the_headline() -> None:
    doc = aligned(
        [
            (
                "Three foreign ministers agree to resume summits",
                "한중일 외교장관, 정상회의 재개 합의",
            ),
            ("BUSAN, Dec. 7 --", "(서울=글로벌뉴스) 최윤아 기자 ="),
            (BODY, KO_BODY),
        ]
    )
    [flag] = find_dateline_changes(doc, Settings())
    assert (flag.src, flag.tgt) == ((1,), (1,))
    assert spanned(doc, flag) == [("src", "BUSAN"), ("tgt", "서울")]
