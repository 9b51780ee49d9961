"""The ``partial`` check, with the bundled model: a clause one side leaves out or adds."""

from __future__ import annotations

import pytest

from aligner import api
from aligner.config import Settings
from aligner.embed import Encoder
from aligner.models import Flag, Severity
from aligner.qa.partial import _clauses, _without

EN = [
    "Heavy rain lashed the southern part of the country for a third day on Sunday, "
    "triggering landslides and flooding.",
    "At least 14 people have been killed and five others are missing, the interior ministry said.",
    "Most of the deaths occurred in Sancheong, South Gyeongsang Province, where more than "
    "400 millimeters of rain fell in two days.",
    "A landslide buried four houses in a mountain village there early Saturday, killing six "
    "residents.",
    "More than 3,200 people have been evacuated from their homes in six provinces.",
    "Roads and railway lines were cut in several places, and about 9,000 households lost power.",
    "The weather agency said up to 150 millimeters more rain could fall on the region through "
    "Monday.",
]
KO = [
    "남부지방에 사흘째 폭우가 쏟아지면서 일요일 산사태와 침수가 잇따랐다.",
    "행정안전부에 따르면 최소 14명이 숨지고 5명이 실종됐다.",
    "사망자는 대부분 이틀 동안 400㎜가 넘는 비가 내린 경남 산청에서 나왔다.",
    "토요일 새벽에는 산청의 한 산골 마을에서 산사태가 주택 4채를 덮쳐 주민 6명이 숨졌다.",
    "6개 시도에서 3천200명 넘는 주민이 집을 떠나 대피했다.",
    "곳곳에서 도로와 철도가 끊겼고, 약 9천 가구에 전기가 끊겼다.",
    "기상청은 월요일까지 이 지역에 최대 150㎜의 비가 더 내릴 수 있다고 예보했다.",
]


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return api.load_encoder("muse-v3")


def _partial(en: list[str], ko: list[str], encoder: Encoder, **settings: object) -> list[Flag]:
    result = api.check_texts(
        "\n".join(en), "\n".join(ko), settings=Settings(cache=False, **settings), encoder=encoder
    )
    return [f for f in result.flags if f.type == "partial"]


def test_a_faithful_story_has_none(encoder: Encoder) -> None:
    assert _partial(EN, KO, encoder) == []


def test_a_clause_the_korean_leaves_out_is_one_warning(encoder: Encoder) -> None:
    # desk tester's planted fault (hunt23): the cause of the deaths dropped
    ko = [*KO[:2], "사망자는 대부분 경남 산청에서 나왔다.", *KO[3:]]
    [flag] = _partial(EN, ko, encoder)
    assert (flag.src, flag.tgt, flag.severity, flag.subject) == (
        (2,),
        (2,),
        Severity.WARNING,
        "omission",
    )
    assert flag.message.startswith(
        "KO leaves out part of EN: “where more than 400 millimeters of rain fell in two days.”"
    )


def test_a_clause_the_korean_adds_is_one_warning(encoder: Encoder) -> None:
    added = (
        "곳곳에서 도로와 철도가 끊겼고, 약 9천 가구에 전기가 끊겼으며, "
        "이번 폭우로 인한 재산 피해는 아직 집계되지 않았다."
    )
    [flag] = _partial(EN, [*KO[:5], added, KO[6]], encoder)
    assert (flag.src, flag.tgt, flag.subject) == ((5,), (5,), "addition")
    assert flag.message.startswith("KO adds what EN does not say: “이번 폭우로 인한")


def test_a_korean_original_reads_the_english_as_the_translation(encoder: Encoder) -> None:
    en = [*EN[:5], "Roads and railway lines were cut in several places.", EN[6]]
    [flag] = _partial(KO, en, encoder, src_lang="ko", tgt_lang="en")
    assert (flag.src, flag.tgt, flag.subject) == ((5,), (5,), "omission")
    assert flag.message.startswith("EN leaves out part of KO: “약 9천 가구에 전기가 끊겼다.”")


def test_an_english_appositive_is_no_clause_of_its_own() -> None:
    text = "The festival, held in Busan, sold a gat, a traditional Korean hat, where it began."
    own = [text[s:e].strip() for s, e, alone in _clauses(text, "en") if alone]
    assert own == ["The festival,", "where it began."]
    # a stop after a capital ends no sentence
    assert len(_clauses("South Korean and U.S. officials met.", "en")) == 1
    # a Korean clause stands on its own after one that joins it
    ko = "수사당국은 그렇게 보고 있으며, 이 남성은 혐의를 인정했다."
    assert [alone for _, _, alone in _clauses(ko, "ko")] == [True, True]


def test_a_korean_clause_left_joining_nothing_is_ended() -> None:
    text = "발사는 훈련 하루 만에 이뤄졌으며, 무력시위로 풀이된다."
    assert _without(text, text.index("무력"), len(text), "ko") == "발사는 훈련 하루 만에 이뤄졌다."
    text = "도로가 끊겼고, 전기가 끊겼다."
    assert _without(text, text.index("전기"), len(text), "ko") == "도로가 끊겼다."
