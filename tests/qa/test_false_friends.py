"""The ``false_friend`` check: news words put in their everyday sense."""

from __future__ import annotations

import pytest
from pairs import aligned

from aligner.config import Settings
from aligner.models import Flag, Severity
from aligner.qa.false_friends import find_false_friends
from aligner.qa.registry import CHECKS


def _flags(en: str, ko: str) -> list[Flag]:
    return list(find_false_friends(aligned([(en, ko)]), Settings(mistranslation_threshold=0.22)))


@pytest.mark.parametrize(
    ("en", "ko", "word", "wrong"),
    [
        # an MT desk test's drafts (hunt28)
        (
            "The National Assembly passed a bill to extend parental leave to 18 months.",
            "국회는 육아휴직을 18개월로 연장하는 지폐를 통과시켰다.",
            "bill",
            "지폐",
        ),
        (
            "Prosecutors charged the former bank manager with embezzling 3 billion won.",
            "검찰은 전 은행 지점장을 30억 원 횡령으로 충전했다.",
            "charged",
            "충전",
        ),
        (
            "He was sentenced to five years in prison.",
            "그는 감옥에서 5년의 문장을 받았다.",
            "sentenced",
            "문장",
        ),
        # the charge kept, the verb mistranslated (an adversarial tester, hunt32)
        (
            "Prosecutors charged the former mayor with fraud.",
            "검찰은 전 시장을 사기 혐의로 충전했다.",
            "charged",
            "충전",
        ),
    ],
)
def test_a_news_word_in_its_everyday_sense_is_flagged(
    en: str, ko: str, word: str, wrong: str
) -> None:
    [flag] = _flags(en, ko)
    assert (flag.type, flag.severity, flag.subject) == (
        "mistranslation",
        Severity.WARNING,
        "false friend",
    )
    assert f"EN “{word}”" in flag.message and f"KO “{wrong}”" in flag.message


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        # the right rendering
        (
            "The National Assembly passed a bill to extend parental leave to 18 months.",
            "국회는 육아휴직을 18개월로 연장하는 법안을 통과시켰다.",
        ),
        # the everyday sense is meant: no word fixes the news sense
        ("He paid for the meal with a $100 bill.", "그는 100달러 지폐로 식사값을 냈다."),
        ("The clinical trial began in May.", "임상시험은 5월에 시작됐다."),
        # the everyday sense beside the words that fix the news sense elsewhere in the
        # sentence (an adversarial tester's pairs, hunt32)
        (
            "A court allowed the clinical trial to resume after a review.",
            "법원은 검토 후 임상시험 재개를 허용했다.",
        ),
        (
            "Prosecutors said the suspect used a stolen card to charge his electric car.",
            "검찰은 용의자가 훔친 카드로 전기차를 충전했다고 밝혔다.",
        ),
        (
            "Fans lined up to have him sign a one-dollar bill.",
            "팬들은 1달러 지폐에 사인을 받으려고 줄을 섰다.",
        ),
        (
            "Investors praised the strong bond between the two companies.",
            "투자자들은 두 회사의 끈끈한 유대를 칭찬했다.",
        ),
        (
            "The president bought an antique cabinet for the office.",
            "대통령은 집무실에 둘 골동품 캐비닛을 샀다.",
        ),
        # the right rendering beside the everyday word: the word is right
        (
            "Lawmakers passed the bill, which redesigns the 50,000-won bill.",
            "의원들은 5만원권 지폐 도안을 바꾸는 법안을 통과시켰다.",
        ),
    ],
)
def test_the_news_sense_rendered_or_not_meant_is_not_flagged(en: str, ko: str) -> None:
    assert _flags(en, ko) == []


def test_registered_as_a_warning_raising_mistranslation() -> None:
    assert CHECKS["false_friend"].function is find_false_friends
    assert CHECKS["false_friend"].severity == Severity.WARNING
