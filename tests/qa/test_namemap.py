"""The ``name_map`` check: a name the story renders one way, swapped for another's."""

from __future__ import annotations

from pairs import aligned

from aligner.config import Settings
from aligner.models import Severity
from aligner.qa.namemap import find_name_swaps

STORY = [
    (
        "Krafton said it began supplying HBM3E chips to Nvidia.",
        "크래프톤는 엔비디아에 HBM3E 공급을 시작했다고 밝혔다.",
    ),
    ("Krafton controls half of the HBM market.", "크래프톤는 HBM 시장의 절반을 차지한다."),
    ("Shares of Krafton rose 3 percent.", "크래프톤 주가는 3% 올랐다."),
    ("Netmarble is second.", "넷마블가 2위다."),
    ("Netmarble plans to catch up next year.", "넷마블는 내년 추격할 계획이다."),
    ("Netmarble shares fell.", "넷마블 주가는 내렸다."),
    # a pronoun the Korean spells out
    ("The company expects demand to grow.", "크래프톤는 수요가 늘 것으로 본다."),
]


def _messages(last: tuple[str, str]) -> list[str]:
    return [f.message for f in find_name_swaps(aligned([*STORY, last]), Settings())]


def test_a_name_swapped_for_another_of_the_story_is_a_warning() -> None:
    last = ("Krafton began mass production in September.", "넷마블는 9월 양산을 시작했다.")
    [flag] = find_name_swaps(aligned([*STORY, last]), Settings())
    assert flag.type == "named_entity" and flag.severity == Severity.WARNING
    assert flag.message.startswith(
        "EN names Krafton (크래프톤 in the rest of the Korean) but KO says 넷마블, "
        "the story's word for Netmarble"
    )


def test_the_name_rendered_or_both_named_is_no_swap() -> None:
    assert _messages(("Krafton began mass production.", "크래프톤는 양산을 시작했다.")) == []
    # glued to its title, as North Korean spacing writes it
    assert _messages(("Krafton began mass production.", "크래프톤측은 양산을 시작했다.")) == []
    both = ("Krafton leads Netmarble.", "크래프톤가 넷마블를 앞선다.")
    assert _messages(both) == []


def test_a_name_the_story_gives_once_is_not_learned() -> None:
    # Pearl Abyss appears once: its rendering is unknown, so no word of the Korean is its
    last = ("Krafton began mass production.", "펄어비스은 양산을 시작했다.")
    assert _messages(last) == []


def test_a_listed_company_put_for_another_is_left_to_institution() -> None:
    """SK hynix and Samsung Electronics are on the built-in list: ``institution`` flags
    ``삼성전자`` for SK hynix as an error, and this check does not repeat it."""
    story = [
        ("SK hynix supplies HBM chips.", "SK하이닉스는 HBM 칩을 공급한다."),
        ("SK hynix controls half of the market.", "SK하이닉스는 시장의 절반을 차지한다."),
        ("Samsung Electronics is second.", "삼성전자가 2위다."),
        ("Samsung Electronics plans to catch up.", "삼성전자는 추격할 계획이다."),
        ("SK hynix began mass production.", "삼성전자는 양산을 시작했다."),
    ]
    assert list(find_name_swaps(aligned(story), Settings())) == []


def test_a_common_word_that_comes_with_a_name_is_no_rendering_of_it() -> None:
    """The defence desk test (hunt46): 문제 (issue) came with "Koreans" in the story, and
    a pair that dropped Krafton for it read "KO says 문제, the story's word for Koreans"."""
    story = [
        *STORY,
        ("Koreans debated the issue.", "국민들은 이 문제를 논의했다."),
        ("Koreans raised the issue again.", "국민들은 이 문제를 다시 제기했다."),
        ("Many Koreans see the issue differently.", "많은 국민은 이 문제를 달리 본다."),
    ]
    last = ("Krafton said it would study the issue.", "회사는 그 문제를 검토하겠다고 밝혔다.")
    assert list(find_name_swaps(aligned([*story, last]), Settings())) == []
