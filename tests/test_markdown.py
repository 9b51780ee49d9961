"""Reading a Markdown story as its reader sees it: each construct, and stories checked
end to end."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner import api
from aligner.cli import main
from aligner.config import Settings
from aligner.markdown import blank_markup, mark_markup, read_markdown, strip_emphasis
from aligner.models import DocumentResult
from aligner.segment import split_sentences

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


def _write_pair(root: Path, en: str, ko: str) -> tuple[Path, Path]:
    for side, text in (("en", en), ("ko", ko)):
        (root / side).mkdir()
        (root / side / "stocks.md").write_text(text, encoding="utf-8")
    return root / "en", root / "ko"


def _check(root: Path, en: str, ko: str) -> list[DocumentResult]:
    en_dir, ko_dir = _write_pair(root, en, ko)
    return list(api.check_paths(en_dir, ko_dir, settings=Settings(cache=False)).documents)


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
    [doc] = _check(tmp_path, en, ko)
    assert [(s.line, s.text) for s in doc.src.sentences] == [
        (6, "The leader spoke to party officials on Monday."),
        (14, "He ordered an investigation."),
    ]
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
    [doc] = _check(tmp_path, en, ko)
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


def _read(text: str) -> list[str]:
    return read_markdown(text).text.split("\n")


@pytest.mark.parametrize(
    ("markdown", "read"),
    [
        # headings, with or without closing #s
        ("## Seoul stocks fall", "Seoul stocks fall"),
        ("### 시장을 움직인 요인 ###", "시장을 움직인 요인"),
        ("# Developers learn C#", "Developers learn C#"),
        # list items (a task box too) and block quotes, nested
        ("- Samsung Electronics dropped 2.3 percent.", "Samsung Electronics dropped 2.3 percent."),
        ("* SK hynix lost 3.1 percent.", "SK hynix lost 3.1 percent."),
        ("+ 삼성전자는 2.3% 떨어졌다.", "삼성전자는 2.3% 떨어졌다."),
        ("1. The won weakened.", "The won weakened."),
        ("  12) 채권 금리는 올랐다.", "채권 금리는 올랐다."),
        ("- [x] Confirm the figures.", "Confirm the figures."),
        ('> "We will act," he said.', '"We will act," he said.'),
        ("> > - Quoted in a quote.", "Quoted in a quote."),
        # links, images, code spans, autolinks, escapes, comments
        (
            "It said so in [the ministry's statement](https://example.org/x).",
            "It said so in the ministry's statement.",
        ),
        ('[A titled link](https://example.org/a "Title") and [none]().', "A titled link and none."),
        ("[KOSPI](https://en.wikipedia.org/wiki/KOSPI_(index)) fell.", "KOSPI fell."),
        ("[**KRX** said](<https://krx.co.kr/a b>) so.", "KRX said so."),
        ("Traders ![at work](https://img.example.org/a.jpg) in Seoul.", "Traders in Seoul."),
        ("![Traders at a dealing room](https://img.example.org/a.jpg)", ""),
        ("[![logo](logo.png)](https://krx.co.kr)", ""),
        ("Use the `KOSPI200` index, or `` `ticks` ``.", "Use the KOSPI200 index, or `ticks`."),
        ("Run `a *b* [c](d) \\*` now.", "Run a *b* [c](d) \\* now."),
        ("See <https://krx.co.kr/a_b_c_>.", "See https://krx.co.kr/a_b_c_."),
        ("\\[Photo\\] in 1986\\. \\*Not\\* emphasis", "[Photo] in 1986. *Not* emphasis"),
        ("He said <!-- check this --> it fell.<!-- x -->", "He said it fell."),
        ("He left.\\", "He left."),  # a hard line break
        # no markup
        ("-5 degrees in Seoul.", "-5 degrees in Seoul."),
        ("2024. 3. 5. 서울중앙지법 판결", "2024. 3. 5. 서울중앙지법 판결"),  # a date, no list
        ("#StopAsianHate trended.", "#StopAsianHate trended."),
        ("[사진=연합뉴스] Prices (in won) rose.", "[사진=연합뉴스] Prices (in won) rose."),
        ("2 * 3 * 4 = 24 and snake_case_name", "2 * 3 * 4 = 24 and snake_case_name"),
        # a run of backticks that nothing closes is literal, and found in linear time
        ("`" * 5000 + " x", "`" * 5000 + " x"),
    ],
)
def test_each_construct_reads_as_the_page_shows_it(markdown: str, read: str) -> None:
    assert _read(markdown) == [read]


def test_headings_list_items_rules_and_underlines_are_known_by_line() -> None:
    story = read_markdown(
        "Court upholds sentence\n=====\n\n## What the court said\n\n- It fell.\n1. It rose.\n"
        "\nHe left.\n---\n\n***\n- - -\n> - A quoted item.\n    continued\n"
    )
    lines = story.text.split("\n")
    assert [k for k, line in enumerate(lines, start=1) if line.strip()] == [1, 4, 6, 7, 9, 14, 15]
    # "He left." over "---" is a heading too, as CommonMark reads it
    assert (story.headings, story.list_items) == ({1, 4, 9}, {6, 7, 14})


def test_reference_links_read_as_their_text_and_definitions_are_left_out() -> None:
    story = read_markdown(
        "Read [the ruling][r], the [Summary][] or the [full text], not [this][none].\n\n"
        '[r]: https://scourt.go.kr/1 "Ruling"\n'
        "[summary]: <https://scourt.go.kr/2>\n"
        "  [Full  Text]: https://scourt.go.kr/3\n"
    )
    assert story.text.split("\n") == [
        "Read the ruling, the Summary or the full text, not [this][none].",
        "", "", "", "", "",
    ]  # fmt: skip
    assert [url for _, url in story.links] == [f"https://scourt.go.kr/{k}" for k in (1, 2, 3)]


def test_each_link_goes_with_the_sentence_its_text_is_in() -> None:
    story = read_markdown(
        "He [left](https://a.org). She [stayed](https://b.org) and [ate](https://c.org).\n"
        "\n[Here](https://d.org) too, and [He left. She stayed.](https://e.org)\n"
    )
    sentences = mark_markup(split_sentences(story.text, "en"), story)
    assert [(s.line, s.text, s.links) for s in sentences] == [
        (1, "He left.", ("https://a.org",)),
        (1, "She stayed and ate.", ("https://b.org", "https://c.org")),
        (3, "Here too, and He left.", ("https://d.org", "https://e.org")),
        (3, "She stayed.", ()),  # no bracket left open or closed by the link
    ]


STORY_EN = """---
title: Seoul stocks fall
---

# Seoul stocks fall on chip worries

Seoul shares fell 1.2 percent on Tuesday as investors sold chipmakers.

The benchmark KOSPI closed at 2,480.15 points, according to [the Korea Exchange][krx].

## What moved the market

1. Samsung Electronics dropped 2.3 percent.
1. SK hynix lost 3.1 percent.
1. LG Energy Solution rose 0.8 percent.

> "Foreign investors are worried about chip demand," said analyst Park Ji-hoon.

The ministry said <!-- TODO: link --> in [a statement](https://moef.go.kr/pr?id=123) it would act.

![Traders at a dealing room in Seoul](https://img.example.org/photos/dealing-room.jpg)

Analysts use the `KOSPI200` futures index as a guide.

[krx]: https://global.krx.co.kr/main.jsp
"""
STORY_KO = """---
title: 코스피 하락
---

# 반도체 우려에 코스피 하락

서울 증시는 화요일 투자자들이 반도체주를 팔면서 1.2% 하락했다.

코스피 지수는 [한국거래소][krx]에 따르면 2,480.15포인트에 장을 마쳤다.

## 시장을 움직인 요인

1. 삼성전자는 2.3% 떨어졌다.
2. SK하이닉스는 3.1% 하락했다.
3. LG에너지솔루션은 0.8% 올랐다.

> "외국인 투자자들이 반도체 수요를 걱정하고 있다"고 박지훈 애널리스트는 말했다.

기획재정부는 [성명](https://moef.go.kr/pr?id=123)에서 <!-- 확인 --> 조치하겠다고 밝혔다.

![서울의 한 딜링룸에서 일하는 트레이더들](https://img.example.org/photos/dealing-room.jpg)

애널리스트들은 `KOSPI200` 선물 지수를 지표로 삼는다.

[krx]: https://global.krx.co.kr/main.jsp
"""
# what no sentence may hold once the story is read: markers, link syntax, code ticks
MARKUP = re.compile(r"^(?:#|[-*+>] |\d+[.)] )|\]\(|\]\[|`|<!--|!\[|\[krx\]")


def test_a_markdown_story_checks_clean_with_the_text_its_reader_sees(tmp_path: Path) -> None:
    en, ko = _write_pair(tmp_path, STORY_EN, STORY_KO)
    out = tmp_path / "reports"
    result = CliRunner().invoke(main, ["check", str(en), str(ko), "--report-dir", str(out)])
    # read as text, the story drew number_mismatch errors (list numbers CommonMark
    # renders 1, 2, 3), whitespace (a comment mid-sentence), untranslated (the
    # link definition) and boilerplate (the image)
    assert result.exit_code == 0, result.stdout
    report = json.loads((out / "stocks.md.json").read_text(encoding="utf-8"))
    assert report["flags"] == []
    texts = [s["text"] for side in ("src", "tgt") for s in report["sentences"][side]]
    assert not [text for text in texts if MARKUP.search(text)]
    src = [(s["line"], s["text"]) for s in report["sentences"]["src"]]
    assert src[0] == (5, "Seoul stocks fall on chip worries")
    assert src[4] == (13, "Samsung Electronics dropped 2.3 percent.")
    assert src[-2:] == [
        (19, "The ministry said in a statement it would act."),
        (23, "Analysts use the KOSPI200 futures index as a guide."),
    ]
    page = (out / "stocks.md.html").read_text(encoding="utf-8")
    assert "Seoul stocks fall on chip worries" in page and "# Seoul stocks" not in page


def test_a_link_the_translation_drops_or_changes_is_still_flagged(tmp_path: Path) -> None:
    ko = STORY_KO.replace("[한국거래소][krx]", "한국거래소").replace("id=123", "id=456")
    [doc] = _check(tmp_path, STORY_EN, ko)
    messages = sorted(f.message for f in doc.flags if f.type == "named_entity")
    assert messages == [
        "EN has “https://global.krx.co.kr/main.jsp”, which KO never gives: "
        "“코스피 지수는 한국거래소에 따르면 2,480.15포인트에 장을 마쳤다.”",
        "link changed: EN has “https://moef.go.kr/pr?id=123”, KO has "
        "“https://moef.go.kr/pr?id=456” instead: “기획재정부는 성명에서 조치하겠다고 밝혔다.”",
    ]
