"""The ``truncated`` check on a whole story, with the real model: a Korean line cut at
its last words, as a desk tester cut it, is flagged; the story as written is not."""

from __future__ import annotations

import pytest

from aligner import api
from aligner.config import Settings
from aligner.embed import Encoder
from conftest import DATA

STORY = DATA / "voice-phishing"
# KO line 6; the English: "One woman in her 70s lost 230 million won, her entire
# retirement savings, after handing cash to a member posing as a ... official."
CUT_AT = "70대 여성 1명은 금융감독원 직원을 사칭한 조직원에게 현금을"
LINE = f"{CUT_AT} 건넸다가 노후 자금 전부인 2억3천만 원을 잃었다."
CHAIN = 'no verb after "건넸다가"'


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return api.load_encoder("muse-v3")


def _truncated(ko_line: str, encoder: Encoder) -> list[str]:
    """The truncated flags of the story with KO line 6 replaced."""
    en = (STORY / "en.txt").read_text("utf-8")
    ko = (STORY / "ko.txt").read_text("utf-8")
    assert LINE in ko
    result = api.check_texts(
        en, ko.replace(LINE, ko_line), settings=Settings(cache=False), encoder=encoder
    )
    return [f.message for f in result.flags if f.type == "truncated"]


def test_the_story_as_written_has_no_cut_line(encoder: Encoder) -> None:
    assert _truncated(LINE, encoder) == []


@pytest.mark.parametrize(
    ("cut", "reason"),
    [
        # a case particle after a number and its unit written apart ends no sentence
        pytest.param(f"{CUT_AT} 건넸다가 노후 자금 전부인 2억3천만 원을", "a particle", id="원을"),
        # an adnominal form, which needs its noun after it
        pytest.param(f"{CUT_AT} 건넨", "an unfinished clause", id="건넨"),
        # a clause in the past ("handed cash, and then ...") and no main verb after it
        pytest.param(f"{CUT_AT} 건넸다가 노후 자금 전부인", CHAIN, id="전부인"),
        pytest.param(f"{CUT_AT} 건넸다가 노후 자금", CHAIN, id="자금"),
    ],
)
def test_a_korean_line_cut_at_its_last_words_is_flagged(
    cut: str, reason: str, encoder: Encoder
) -> None:
    [message] = _truncated(cut, encoder)
    assert reason in message
