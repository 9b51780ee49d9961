"""The ``mistranslation`` check, with the bundled model: below the threshold, and
just above it when the two sides name and number different things."""

from __future__ import annotations

import pytest

from aligner import api
from aligner.config import Settings
from aligner.embed import Encoder
from aligner.models import DocumentResult
from aligner.qa.negation import MARGIN
from aligner.qa.unrelated import disagreement

THRESHOLD = api.CALIBRATED_MISTRANSLATION["muse-v3"]


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return api.load_encoder("muse-v3")


def _check(en: list[str], ko: list[str], encoder: Encoder) -> DocumentResult:
    settings = Settings(cache=False)
    return api.check_texts("\n".join(en), "\n".join(ko), settings=settings, encoder=encoder)


def test_an_unrelated_sentence_on_the_same_beat_is_flagged_above_the_threshold(
    encoder: Encoder,
) -> None:
    """Another company's news in place of the first line: both business, so the
    model scores the pair above the threshold, but no name or number agrees."""
    en = [
        "Samsung Electronics posted an operating profit of 10 trillion won in the third quarter.",
        "Sales of memory chips rose sharply as prices recovered.",
        "The company said demand for servers would stay strong next year.",
    ]
    ko = [
        "LG전자는 새 스마트폰을 내년 초 미국 시장에 출시할 계획이다.",
        "메모리 반도체 가격이 회복되면서 판매가 크게 늘었다.",
        "회사 측은 내년에도 서버 수요가 견조할 것이라고 밝혔다.",
    ]
    result = _check(en, ko, encoder)
    first = result.beads[0]
    assert (first.src, first.tgt) == ((0,), (0,))
    assert THRESHOLD <= first.similarity < THRESHOLD + MARGIN
    flags = [f for f in result.flags if f.type == "mistranslation"]
    assert [(f.src, f.tgt) for f in flags] == [((0,), (0,))]
    assert "EN 10 trillion, Samsung Electronics; KO LG전자, 미국, LG" in flags[0].message


def test_a_loose_translation_that_keeps_a_name_is_not(encoder: Encoder) -> None:
    """The Korean drops the place, the day and the purpose but keeps Xi (시진핑): a
    loose translation, scored in the same band."""
    en = [
        "President Yoon met Chinese leader Xi Jinping in Lima on Friday to discuss trade.",
        "The two leaders agreed to expand cooperation on supply chains.",
        "They also discussed North Korea's nuclear program.",
    ]
    ko = [
        "윤 대통령은 시진핑 주석과 만났다.",
        "두 정상은 공급망 협력을 확대하기로 합의했다.",
        "두 정상은 북한 핵 문제도 논의했다.",
    ]
    result = _check(en, ko, encoder)
    assert THRESHOLD <= result.beads[0].similarity < THRESHOLD + MARGIN
    assert not [f for f in result.flags if f.type == "mistranslation"]


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        # a number changed (51 -> 41) is the number check's flag
        ("The clashes claimed 51 lives, Pakistani media reported.", "충돌로 41명이 사망했다."),
        # numbers alone, one side naming nothing: no evidence
        ("That was down 12 percent.", "이는 300만 명 수준이다."),
        # the Korean spells a name of the English in Hangul (버지니아 ~ Virginia)
        ("Virginia Tech said 32 people died.", "버지니아공대 측은 5명이 숨졌다고 밝혔다."),
        # another person for the one the English names: korean_name's flag
        ("Governor Rhee Chang-yong said inflation would slow.", "이주열 총재는 물가를 말했다."),
        # "Bush" means the United States, so does 미국
        ("The Bush administration opposed timetables.", "미국은 철군 일정에 반대했다."),
    ],
)
def test_pairs_that_share_something_or_name_nothing_do_not_disagree(en: str, ko: str) -> None:
    assert disagreement(en, ko) is None


def test_names_and_numbers_that_disagree() -> None:
    found = disagreement("The Supreme Court upheld the sentence.", "검찰은 징역 5년을 구형했다.")
    assert found is not None
    assert (found.english, found.korean) == (("Supreme Court",), ("5", "검찰"))
    # another university than the English's
    korean = "조지아공대 측은 5명이 숨졌다고 밝혔다."
    found = disagreement("Virginia Tech said 32 people died.", korean)
    assert found is not None
    assert (found.english, found.korean) == (("32", "Tech"), ("5",))


def test_a_korean_headline_naming_a_country_by_one_hanja_is_read_spelled_out(
    encoder: Encoder,
) -> None:
    """北 for 북한: the model scored the faithful headline 0.20 with the hanja, under the
    threshold; the aligner compares it spelled out (hunt15)."""
    en = [
        "N. Korea sends trash balloons again; no hazardous materials found",
        "North Korea launched hundreds of balloons carrying trash toward South Korea "
        "overnight, the JCS said Sunday.",
        "About 260 balloons were spotted as of 10 a.m., the JCS said.",
    ]
    ko = [
        '北, 또 오물풍선 살포…"위해물질은 없어"',
        "북한이 밤사이 오물을 매단 풍선 수백 개를 남쪽으로 날려 보냈다고 합참이 일요일 밝혔다.",
        "합참에 따르면 오전 10시 현재 식별된 풍선은 약 260개다.",
    ]
    result = _check(en, ko, encoder)
    assert [b.similarity > THRESHOLD for b in result.beads] == [True, True, True]
    assert not [f for f in result.flags if f.type == "mistranslation"]
