"""Marking non-content lines (captions, credits, link lists) before alignment, and
blanking the lines of a Markdown story that are not text at all."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from aligner.models import Sentence

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdx"})
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)  # unclosed, it hides the rest
_NOT_NEWLINE = re.compile(r"[^\n]")
_YAML_LINE = re.compile(r"\s*(?:$|#|-\s|[\"']?[\w-]+[\"']?\s*:|\s)")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,9}[.)])\s+")
# CommonMark: three or more backticks or tildes; a backtick fence's info string holds
# no backtick (```x``` is inline code), and only as long a run or longer closes it
_FENCE = re.compile(r"(`{3,})(?!.*`)|(~{3,})")
# GFM: the row under a table's header, | --- | :---: |
_TABLE_DELIMITER = re.compile(r"\|?(?:\s*:?-+:?\s*\|)*\s*:?-+:?\s*\|?")
# CommonMark emphasis: a run of one to three * or _ opening before a non-space and
# closed by the same run after one; _ never inside a word (snake_case, 키_값), * may
# be (**스트레이 키즈**가). Code spans are matched first, to be kept as they are.
_EMPHASIS = re.compile(
    r"(?P<code>(?P<ticks>`+).+?(?<!`)(?P=ticks)(?!`))"
    r"|(?<![\\*])(?P<star>\*{1,3})(?=[^\s*])(?P<starred>.*?[^\s*\\])(?P=star)(?!\*)"
    r"|(?<![\\\w])(?P<under>_{1,3})(?=[^\s_])(?P<underlined>.*?[^\s_\\])(?P=under)(?![\w])"
)
_LIST_HEADER = re.compile(r"(?i)related (stories|articles|coverage|links)\s*:?|관련\s*기사\s*:?")
_TERMINAL = re.compile(r"[.?!…。！？][\"'”’)\]]*$")


def mark_boilerplate(
    sentences: Sequence[Sentence], lines: Sequence[str], patterns: Sequence[str]
) -> list[Sentence]:
    """Flag every sentence on a line that matches a pattern (whole line), and the
    headline-like lines (no final punctuation) that follow a related-stories header.

    Args:
        sentences: the document's sentences.
        lines: the document's lines, ``lines[k]`` being line ``k + 1``.
        patterns: regular expressions matched against a whole stripped line.
    """
    compiled = [re.compile(p) for p in patterns]
    marked_lines: set[int] = set()
    in_list = False
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        if any(p.fullmatch(line) for p in compiled):
            marked_lines.add(number)
            in_list = bool(_LIST_HEADER.fullmatch(line))
        elif in_list and not _TERMINAL.search(line):
            marked_lines.add(number)
        else:
            in_list = False
    return [replace(s, boilerplate=s.line in marked_lines) for s in sentences]


def blank_markup(text: str) -> str:
    """``text`` with what a Markdown story holds besides its text turned into spaces,
    so that every sentence keeps its line and offset: HTML comments, YAML front matter
    opening the file (as Jekyll and Hugo write it), fenced code, in a list item
    too (a fence that never closes is left as text: it would hide the rest), and the
    delimiter row of a table (``| --- | :---: |``).

    Example:
        >>> blank_markup("---\\nslug: a\\n---\\nText.<!-- x -->\\n")
        '   \\n       \\n   \\nText.          \\n'
    """
    text = _COMMENT.sub(lambda m: _NOT_NEWLINE.sub(" ", m.group()), text)
    lines = text.split("\n")
    marked: set[int] = set()
    if lines[0].strip() == "---":
        close = next((k for k in range(1, len(lines)) if lines[k].strip() in ("---", "...")), 0)
        # YAML: keys, comments, list items; two rules around prose are no front matter
        if close and all(_YAML_LINE.match(line) for line in lines[1:close]):
            marked.update(range(close + 1))
    opened: tuple[int, str] | None = None  # first line and fence of an open code block
    for k, raw in enumerate(lines):
        line = _LIST_ITEM.sub("", raw.strip(), count=1)
        if opened is not None:
            if line.startswith(opened[1]) and not line.strip(opened[1][0]):
                marked.update(range(opened[0], k + 1))
                opened = None
        elif fence := _FENCE.match(line):
            opened = (k, fence.group(1) or fence.group(2))
        elif "|" in line and _TABLE_DELIMITER.fullmatch(line):
            marked.add(k)
    # an unclosed fence would hide the rest of the story: it is left as text
    return "\n".join(" " * len(line) if k in marked else line for k, line in enumerate(lines))


def strip_emphasis(text: str) -> str:
    """``text`` without the Markdown emphasis markers around its words (``**``, ``*``,
    ``__``, ``_``), as a reader of the story sees it: otherwise they stay in the
    sentences, in every flag's excerpt, and a sentence ending inside them
    (``**He left.** She stayed.``) is not split. Lines keep their numbers, not their
    offsets; code spans keep their text.

    Example:
        >>> strip_emphasis("**Stray Kids** topped the *Billboard 200*; `a*b*` and snake_case_name.")
        'Stray Kids topped the Billboard 200; `a*b*` and snake_case_name.'
        >>> strip_emphasis("**A *nested* one**: **스트레이 키즈**가 ___won___, 2 * 3 * 4")
        'A nested one: 스트레이 키즈가 won, 2 * 3 * 4'
    """

    def unmark(match: re.Match[str]) -> str:
        return match["code"] or match["starred"] or match["underlined"]

    while (stripped := _EMPHASIS.sub(unmark, text)) != text:  # inner emphasis next
        text = stripped
    return text
