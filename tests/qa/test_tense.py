"""The ``tense`` check: the English tells of an event, the Korean of a plan."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pairs import aligned, spanned

import aligner.api  # noqa: F401  (registers every check)
from aligner.config import Settings
from aligner.models import Bead, Flag, Severity
from aligner.qa.registry import CHECKS, run_checks
from aligner.qa.tense import find_tense_changes

PASSED = (
    "The National Assembly on Monday passed a bill that extends the statute of limitations "
    "for stalking crimes from five years to ten years."
)
PLANNED = (
    "국회는 7일 본회의를 열어 스토킹 범죄의 공소시효를 5년에서 10년으로 늘리는 법안을 "
    "표결에 부칠 예정이다."
)


def _tense(en: str, ko: str, settings: Settings | None = None) -> list[Flag]:
    return [
        f for f in run_checks(aligned([(en, ko)]), settings or Settings()) if f.subject == "tense"
    ]


def test_registered_as_a_warning_raising_mistranslation() -> None:
    assert CHECKS["tense"].function is find_tense_changes
    assert CHECKS["tense"].severity == Severity.WARNING


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        # desk tester's planted fault (hunt22)
        (PASSED, PLANNED),
        (
            "The ministry held talks with the union on Friday.",
            "부처는 금요일 노조와 협상을 할 계획이다.",
        ),
        ("The company has shut the plant.", "회사는 공장 문을 닫을 방침입니다."),
    ],
)
def test_an_event_given_as_a_plan_is_one_mistranslation_warning(en: str, ko: str) -> None:
    [flag] = _tense(en, ko)
    assert (flag.type, flag.severity) == ("mistranslation", Severity.WARNING)
    assert flag.message.startswith("tense: EN says it happened")


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        # a plan in the English too, or nothing told in the past
        (PASSED.replace("on Monday passed", "will vote on Monday on"), PLANNED),
        ("The ministry plans to hold talks with the union.", "부처는 노조와 협상을 할 계획이다."),
        ("The talks are scheduled for Friday.", "협상은 금요일에 열릴 예정이다."),
        ("The exhibition opens on July 24.", "전시회는 7월 24일 열릴 예정이다."),
        ("The verdict is expected next month.", "선고는 다음 달 나올 예정이다."),
        # the Korean tells of something done before its plan
        (
            "Members took a two-day recess yesterday to look over the document.",
            "참석자들은 어제 문서를 검토하기 위해 이틀간 휴회했는데, 화요일까지 마무리될 예정이다.",
        ),
        # a participle after an article is no event
        (
            "The newly elected president takes office in May.",
            "새로 선출된 대통령은 5월 취임할 예정이다.",
        ),
        # the Korean done, as the English
        (PASSED, "국회는 7일 본회의를 열어 스토킹 범죄의 공소시효를 늘리는 법안을 통과시켰다."),
    ],
)
def test_plans_on_both_sides_or_events_on_both_are_not_flagged(en: str, ko: str) -> None:
    assert _tense(en, ko) == []


def test_only_a_pair_well_above_the_mistranslation_threshold_is_read() -> None:
    settings = Settings(mistranslation_threshold=0.22)
    doc = aligned([(PASSED, PLANNED)])
    assert list(find_tense_changes(replace(doc, beads=(Bead((0,), (0,), 0.5),)), settings))
    loose = replace(doc, beads=(Bead((0,), (0,), 0.35),))
    assert list(find_tense_changes(loose, settings)) == []


def test_a_korean_original_is_read_from_the_english_side() -> None:
    doc = aligned([(PASSED, PLANNED)]).with_sides_swapped()
    [flag] = [
        f for f in run_checks(doc, Settings(src_lang="ko", tgt_lang="en")) if f.subject == "tense"
    ]
    assert spanned(doc, flag) == [("tgt", "passed"), ("src", "예정이다")]


def test_disabled_or_made_an_error_by_its_check_name() -> None:
    raised = _tense(PASSED, PLANNED, Settings(severities={"tense": "error"}))
    assert [f.severity for f in raised] == [Severity.ERROR]
    assert _tense(PASSED, PLANNED, Settings(disabled_checks=frozenset({"tense"}))) == []


def test_a_plan_as_a_noun_is_no_word_of_the_future() -> None:
    # the desk tester's probe (hunt24): an approved plan is an event
    en = "The government approved a plan for allocating the funds at a Cabinet meeting."
    [flag] = _tense(en, "정부는 국무회의에서 예산 배정 계획을 의결할 예정이다.")
    assert flag.message.startswith("tense: EN says it happened (“approved”)")
    assert (
        _tense("The government plans to approve the funds.", "정부는 예산을 의결할 예정이다.") == []
    )
