from __future__ import annotations

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
