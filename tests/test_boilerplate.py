from __future__ import annotations

from pathlib import Path

import pytest

from aligner import api
from aligner.boilerplate import blank_markup, mark_boilerplate, strip_emphasis
from aligner.config import BUILTIN_BOILERPLATE, Settings
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
        # Yonhap: the end mark, the agency's notice, bylines, captions credited at the end
        ("(END)", True),
        ("Copyright Yonhap News Agency. All rights reserved.", True),
        ("kcs@yna.co.kr", True),
        ("홍길동 기자 kcs@yna.co.kr", True),
        ("서울 남부의 한 아파트 단지 [연합뉴스 자료사진]", True),
        ("일요일 광주에서 주민들이 잔해를 치우고 있다. (연합뉴스)", True),
        ("시위대가 도심을 행진하고 있다. [AP=연합뉴스]", True),
        ("[AP=연합뉴스]", True),
        ("무너진 다리 (사진=독자 제공)", True),
        ("Residents clear debris in Gwangju on Sunday. (Yonhap)", True),
        ("An apartment complex in southern Seoul (AFP-Yonhap file photo)", True),
        # Korea JoongAng Daily: credits in capitals, bylines, print references, wire notes
        ("Kim Woo-min celebrates after the race in Paris on Saturday. [YONHAP]", True),
        ("Fans cheer in central Seoul on Sunday. [JOONGANG PHOTO]", True),
        ("Police stand guard. [AP/YONHAP]", True),
        ("[NEWS1]", True),
        ("김우민이 경기를 마친 뒤 기뻐하고 있다. [중앙포토]", True),
        ("BY LEE HAE-RIN [lee.haerin@joongang.co.kr]", True),
        ("BY SARAH CHEA, LEE TAE-HEE [chea.sarah@joongang.co.kr]", True),
        ("JoongAng Ilbo, Nov. 29, Page 30", True),
        ("Translation by the Korea JoongAng Daily staff.", True),
        ("Translation by Chae Yun-hwan and edited by Yoon So-yeon.", True),
        ("(ATTN: ADDS KCNA report in paras 5-6; UPDATES with Kim Yo Jong statement)", True),
        ("(LEAD)", True),
        ("(2nd LD)", True),
        ("[2보]", True),
        # real sentences that only start like a credit or a notice
        ("Copyright infringement suits against AI firms surged this year.", False),
        ("Written by hand, the letter reached the embassy on Monday.", False),
        ("Edited by the ministry, the report was released Tuesday.", False),
        ("Written by Kim Il Sung, the book sold millions.", False),
        ("그는 저작권 침해로 기소됐다.", False),
        ("(서울=연합뉴스) 박지원 기자 = 서울 아파트값이 20주 연속 올랐다.", False),
        ("연합뉴스는 (연합뉴스) 사옥에서 기자회견을 열었다고 밝혔다.", False),
        # a paragraph a caption was glued to: its sentences are content
        ("정부는 대책을 발표했다. 시민들이 광장에 모였다. (연합뉴스)", False),
        ("The ministry said so. Residents clear debris. (Yonhap)", False),
        ("원화로 약 13억 원이다(1달러=1,300원)", False),
        ("SEOUL, Aug. 8 (Yonhap) -- Apartment prices rose.", False),
        ("그는 kcs@yna.co.kr로 제보해 달라고 말했다.", False),
        ("The label said all rights reserved for the band were sold.", False),
        ("The court rejected the appeal [of the ruling].", False),
        ("The court rejected the appeal [of the ruling]", False),
        ("He called it a mistake [SIC]. Officials disagreed. [YONHAP]", False),
        ("(LEAD) N. Korea fires ballistic missile into East Sea", False),
        ("BY THE NUMBERS", False),
        ("By Tuesday, the ministry had acted.", False),
        ("Written by the Korea Herald staff, the report was widely read.", False),
        ("The minister cited the report of Nov. 29, page 30, at length.", False),
    ],
)
def test_builtin_rules_on_wire_copy(line: str, marked: bool) -> None:
    text = f"{line}\nThe party met on Monday.\n"
    sentences = mark_boilerplate(split_sentences(text, "en"), text.split("\n"), BUILTIN_BOILERPLATE)
    assert {s.line for s in sentences if s.boilerplate} == ({1} if marked else set())


MARKDOWN = """---
slug: party-officials-punished
tags: [north-korea, politics]
---

The leader spoke to party officials on Monday.
<!-- TODO: check the photo credit -->
<!--
  a comment over
  several lines -->
```python
print("code is no prose")
```
He ordered an investigation. <!-- an inline comment -->
~~~
unclosed fence: the rest is code
"""


def test_markdown_front_matter_code_and_comments_are_blanked_in_place() -> None:
    lines = blank_markup(MARKDOWN).split("\n")
    assert len(lines) == len(MARKDOWN.split("\n"))  # line numbers are kept
    assert [line.rstrip() for line in lines if line.strip()] == [
        "The leader spoke to party officials on Monday.",
        "He ordered an investigation.",
        "~~~",  # a fence that never closes is left as text: it would hide the rest
        "unclosed fence: the rest is code",
    ]


def test_a_rule_without_its_closing_line_is_no_front_matter() -> None:
    text = "---\nThe leader spoke.\n"
    assert blank_markup(text) == text
    ruled = "---\nThe leader spoke.\n---\nHe left.\n"  # horizontal rules, no YAML
    assert blank_markup(ruled) == ruled


def test_front_matter_is_yaml_and_rules_around_prose_are_not() -> None:
    for front in ("---\n# draft; no keys yet\n---\n", '---\n"title": "A story"\n---\n'):
        assert blank_markup(front + "He left.\n").strip() == "He left."
    ruled = "---\nThe ministry revised its figures on Monday.\n---\nHe left.\n"
    assert blank_markup(ruled) == ruled


def test_a_fence_in_a_list_item_closes_and_an_indented_one_never_hides_the_story() -> None:
    listed = "- Install:\n  ```\n  pip install x\n  ```\n- ```\n  echo hi\n  ```\n\nHe left.\n"
    assert blank_markup(listed).split() == ["-", "Install:", "He", "left."]
    indented = "He spoke.\n\n    ```\n    code\n\nShe left.\n"
    assert blank_markup(indented) == indented


def test_fences_follow_commonmark() -> None:
    inline = "Run ```x``` first.\nThe leader spoke.\n"  # inline code: no fence opens
    assert blank_markup(inline) == inline
    four = "````md\n```\ncode\n````\nHe left.\n"  # an inner ``` does not close ````
    assert [line.strip() for line in blank_markup(four).split("\n")] == [
        "", "", "", "", "He left.", "",
    ]  # fmt: skip


def test_markdown_story_is_checked_without_its_markup(tmp_path: Path) -> None:
    en = MARKDOWN.replace("~~~\nunclosed fence: the rest is code\n", "")
    ko = en.replace(
        "The leader spoke to party officials on Monday.", "지도자는 월요일 당 간부들에게 연설했다."
    ).replace("He ordered an investigation.", "그는 조사를 지시했다.")
    for side, text in (("en", en), ("ko", ko)):
        (tmp_path / side).mkdir()
        (tmp_path / side / "story.md").write_text(text, encoding="utf-8")
    run = api.check_paths(tmp_path / "en", tmp_path / "ko", settings=Settings(cache=False))
    [doc] = run.documents
    assert [s.line for s in doc.src.sentences] == [6, 14]
    assert all(en[s.start : s.end] == s.text for s in doc.src.sentences)  # offsets kept
    assert doc.passed and not doc.flags


def test_a_table_delimiter_row_is_blanked_and_its_other_rows_are_text() -> None:
    for delimiter in ("| --- | :---: |", "|:--|--:|", "--- | ---", "  | - |"):
        table = f"| Rank | Artist |\n{delimiter}\n| 1 | Stray Kids |\n"
        assert blank_markup(table).split("\n") == [
            "| Rank | Artist |",
            " " * len(delimiter),  # line numbers and offsets kept
            "| 1 | Stray Kids |",
            "",
        ]
    for text in ("He left.\n---\nShe stayed.\n", "Seoul | Busan - the trains ran late.\n"):
        assert blank_markup(text) == text  # a rule, and prose with a bar, are no delimiter row


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The group **Stray Kids** topped it.", "The group Stray Kids topped it."),
        ("*Billboard* and __BTS__ and _Jimin_.", "Billboard and BTS and Jimin."),
        ("**He left.** She stayed.", "He left. She stayed."),
        ("**A *nested* one** and ***both***.", "A nested one and both."),
        ("**스트레이 키즈**가 1위를 했다.", "스트레이 키즈가 1위를 했다."),
        # not emphasis (CommonMark): spaced stars, a list marker, _ inside a word, escapes
        ("2 * 3 * 4 = 24", "2 * 3 * 4 = 24"),
        ("* a list item *", "* a list item *"),
        ("snake_case_name and x__init__y", "snake_case_name and x__init__y"),
        ("_스트레이 키즈_는", "_스트레이 키즈_는"),
        (r"\*not emphasis\*", r"\*not emphasis\*"),
        ("Run `a *b* c` or ``x__y__``.", "Run `a *b* c` or ``x__y__``."),
    ],
)
def test_emphasis_markers_are_taken_out_as_commonmark_reads_them(text: str, expected: str) -> None:
    assert strip_emphasis(text) == expected


def test_markdown_markup_stays_out_of_sentences_and_flag_excerpts(tmp_path: Path) -> None:
    en = (
        "The group **Stray Kids** topped the *Billboard 200* again.\n\n"
        "| Rank | Artist |\n| --- | :---: |\n| 1 | Stray Kids |\n\n"
        "**The album sold 300,000 copies.** The tour starts in May.\n"
    )
    ko = "그룹 **스트레이 키즈**가 또다시 *빌보드 200* 정상에 올랐다.\n\n"
    ko += "| 순위 | 가수 |\n| --- | :---: |\n| 1 | 스트레이 키즈 |\n\n투어는 5월에 시작한다.\n"
    for side, text in (("en", en), ("ko", ko)):
        (tmp_path / side).mkdir()
        (tmp_path / side / "story.md").write_text(text, encoding="utf-8")
    run = api.check_paths(tmp_path / "en", tmp_path / "ko", settings=Settings(cache=False))
    [doc] = run.documents
    assert [(s.line, s.text) for s in doc.src.sentences] == [
        (1, "The group Stray Kids topped the Billboard 200 again."),
        (3, "| Rank | Artist |"),
        (5, "| 1 | Stray Kids |"),
        (7, "The album sold 300,000 copies."),  # the emphasis no longer hides the full stop
        (7, "The tour starts in May."),
    ]
    [gap] = doc.flags
    assert gap.type == "unaligned" and gap.message.endswith(
        "“The album sold 300,000 copies.”; expected after KO line 5 and before KO line 7"
    )
