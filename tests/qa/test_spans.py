"""From what a check reads back to the sentences: :mod:`aligner.qa.spans`."""

from __future__ import annotations

import html
import random
from dataclasses import replace

import pytest
from pairs import document

from aligner.models import Bead, Span
from aligner.qa.registry import AlignedDocument
from aligner.qa.spans import SideText, _unescaped, squeezed_find


def test_a_side_joins_its_sentences_as_checks_read_them() -> None:
    doc = AlignedDocument(
        document("en", ["Prices rose.", "Exports fell 3%.", "Imports fell 5%."]),
        document("ko", ["물가가 올랐다."]),
        (Bead((1, 2), (0,), 0.8),),
    )
    side = SideText.of(doc.src, "src", (1, 2))
    assert side.text == "Exports fell 3%. Imports fell 5%." == doc.src_text(doc.beads[0])
    start = side.text.index("5%")
    assert side.spans(start, start + 2) == (Span("src", 2, 13, 15),)
    # words across the two sentences: one span in each, the space between in neither
    start = side.text.index("3%.")
    assert side.spans(start, start + 11) == (Span("src", 1, 13, 16), Span("src", 2, 0, 7))
    assert side.spans(3, 3) == () and side.spans(0, 999) == ()


def test_content_leaves_out_boilerplate_and_datelines_and_unescapes() -> None:
    en = document("en", ["SEOUL, May 2 (Yonhap) -- AT&amp;T rose 3%.", "Photo: AP", "It fell."])
    caption = replace(en.sentences[1], boilerplate=True)
    en = replace(en, sentences=(en.sentences[0], caption, en.sentences[2]))
    doc = AlignedDocument(en, document("ko", ["올랐다."]), (Bead((0, 1, 2), (0,), 0.8),))
    side = SideText.content(doc, doc.beads[0], "src")
    assert side.text == "AT&T rose 3%. It fell."
    start = side.text.index("3%")
    [span] = side.spans(start, start + 2)
    assert en.sentences[0].text[span.start : span.end] == "3%"
    # a reference is marked whole: "&" is written "&amp;"
    [span] = side.spans(2, 3)
    assert en.sentences[0].text[span.start : span.end] == "&amp;"
    assert side.written(start, "3%") == side.spans(start, start + 2)
    assert side.written(start, "4%") == ()  # not what is written there: no span


@pytest.mark.parametrize(
    "raw",
    ["AT&amp;T", "&#8212;x&#x2014;", "&ampx &amp &notit; &notin;", "a & b &; &#;", "&&amp;&"],
)
def test_unescaping_keeps_where_each_character_came_from(raw: str) -> None:
    text, origin = _unescaped(raw)
    assert text == html.unescape(raw)
    assert len(origin) == len(text)
    for char, (start, end) in zip(text, origin, strict=True):
        assert html.unescape(raw[start:end]).find(char) >= 0


def test_unescaping_agrees_with_html_unescape_on_random_text() -> None:
    rng = random.Random(7)
    pieces = ["&", "amp", ";", "#", "x", "41", "lt", "a", " ", "가", "notit", "&#"]
    for _ in range(500):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _unescaped(raw)[0] == html.unescape(raw), raw


def test_squeezed_find_ignores_spaces_and_the_words_that_hide_it() -> None:
    assert squeezed_find("조선 노동당은", "노동당") == (3, 6)
    assert squeezed_find("로동 당은", "로동당") == (0, 4)
    # inside an accepted variant that contains it: the next one, or none
    assert squeezed_find("조선노동당과 노동당", "노동당", ["조선노동당"]) == (7, 10)
    assert squeezed_find("조선노동당은", "노동당", ["조선노동당"]) is None
    assert squeezed_find("노동당", "") is None
