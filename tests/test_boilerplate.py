from __future__ import annotations

import pytest

from aligner.boilerplate import mark_boilerplate
from aligner.config import BUILTIN_BOILERPLATE
from aligner.segment import split_sentences

TEXT = """Read a version of this story in Korean
The party met on Monday.
![A caption. With two sentences.](https://example.org/a.jpg)
RELATED STORIES
North Korea cracks down on bribery in prison
Officials said more arrests would follow.
Translated by Claire S. Lee. Edited by Eugene Whong.
"""


def test_builtin_rules_mark_captions_links_and_credits() -> None:
    sentences = mark_boilerplate(split_sentences(TEXT, "en"), TEXT.split("\n"), BUILTIN_BOILERPLATE)
    marked = {s.line for s in sentences if s.boilerplate}
    assert marked == {1, 3, 4, 5, 7}


def test_custom_pattern_replaces_builtins() -> None:
    text = "Photo desk: none\nThe party met.\n"
    sentences = mark_boilerplate(split_sentences(text, "en"), text.split("\n"), [r"Photo desk:.*"])
    assert [s.boilerplate for s in sentences] == [True, False]


@pytest.mark.parametrize(
    ("line", "marked"),
    [
        ("Reporting by Hyonhee Shin; Editing by Lincoln Feast.", True),
        ("(Reporting by Hyonhee Shin in Seoul; Additional reporting by Josh Smith)", True),
        ("Written by Kim Jong-un and Lee Min-ho", True),
        ("Copyright 2024 The Associated Press. All rights reserved.", True),
        ("© 2024 Reuters", True),
        ("‹저작권자(c) 연합뉴스, 무단 전재-재배포 금지>", True),
        ("ⓒ 연합뉴스", True),
        ("[사진=연합뉴스]", True),
        ("[연합뉴스 자료사진]", True),
        ("관련 기사:", True),
        # real sentences that only start like a credit or a notice
        ("Copyright infringement suits against AI firms surged this year.", False),
        ("Written by hand, the letter reached the embassy on Monday.", False),
        ("Edited by the ministry, the report was released Tuesday.", False),
        ("Written by Kim Il Sung, the book sold millions.", False),
        ("그는 저작권 침해로 기소됐다.", False),
    ],
)
def test_builtin_rules_on_wire_copy(line: str, marked: bool) -> None:
    text = f"{line}\nThe party met on Monday.\n"
    sentences = mark_boilerplate(split_sentences(text, "en"), text.split("\n"), BUILTIN_BOILERPLATE)
    assert {s.line for s in sentences if s.boilerplate} == ({1} if marked else set())
