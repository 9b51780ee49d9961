"""The ``name_map`` check: a name the story renders one way, swapped for another's."""

from __future__ import annotations

from pairs import aligned

from aligner.config import Settings
from aligner.models import Severity
from aligner.qa.namemap import find_name_swaps

STORY = [
    (
        "SK hynix said it began supplying HBM3E chips to Nvidia.",
        "SK하이닉스는 엔비디아에 HBM3E 공급을 시작했다고 밝혔다.",
    ),
    ("SK hynix controls half of the HBM market.", "SK하이닉스는 HBM 시장의 절반을 차지한다."),
    ("Shares of SK hynix rose 3 percent.", "SK하이닉스 주가는 3% 올랐다."),
    ("Samsung Electronics is second.", "삼성전자가 2위다."),
    ("Samsung Electronics plans to catch up next year.", "삼성전자는 내년 추격할 계획이다."),
    ("Samsung Electronics shares fell.", "삼성전자 주가는 내렸다."),
    # a pronoun the Korean spells out
    ("The company expects demand to grow.", "SK하이닉스는 수요가 늘 것으로 본다."),
]


def _messages(last: tuple[str, str]) -> list[str]:
    return [f.message for f in find_name_swaps(aligned([*STORY, last]), Settings())]


def test_a_name_swapped_for_another_of_the_story_is_a_warning() -> None:
    last = ("SK hynix began mass production in September.", "삼성전자는 9월 양산을 시작했다.")
    [flag] = find_name_swaps(aligned([*STORY, last]), Settings())
    assert flag.type == "named_entity" and flag.severity == Severity.WARNING
    assert flag.message.startswith(
        "EN names SK (SK하이닉스 in the rest of the Korean) but KO says 삼성전자, "
        "the story's word for Samsung Electronics"
    )


def test_the_name_rendered_or_both_named_is_no_swap() -> None:
    assert _messages(("SK hynix began mass production.", "SK하이닉스는 양산을 시작했다.")) == []
    # glued to its title, as North Korean spacing writes it
    assert _messages(("SK hynix began mass production.", "SK하이닉스측은 양산을 시작했다.")) == []
    both = ("SK hynix leads Samsung Electronics.", "SK하이닉스가 삼성전자를 앞선다.")
    assert _messages(both) == []


def test_a_name_the_story_gives_once_is_not_learned() -> None:
    # Micron appears once: its rendering is unknown, so no word of the Korean is its
    last = ("SK hynix began mass production.", "마이크론은 양산을 시작했다.")
    assert _messages(last) == []
