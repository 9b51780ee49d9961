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
_YAML_KEY = re.compile(r"\s*[\w-]+\s*:")
# CommonMark: three or more backticks or tildes; a backtick fence's info string holds
# no backtick (```x``` is inline code), and only as long a run or longer closes it
_FENCE = re.compile(r"(`{3,})(?!.*`)|(~{3,})")
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
    opening the file (as Jekyll and Hugo write it) and fenced code.

    Example:
        >>> blank_markup("---\\nslug: a\\n---\\nText.<!-- x -->\\n")
        '   \\n       \\n   \\nText.          \\n'
    """
    text = _COMMENT.sub(lambda m: _NOT_NEWLINE.sub(" ", m.group()), text)
    lines = text.split("\n")
    marked: set[int] = set()
    if lines[0].strip() == "---":
        close = next((k for k in range(1, len(lines)) if lines[k].strip() in ("---", "...")), 0)
        # YAML has "key: value" lines; a rule opening the file and the next one do not
        if any(_YAML_KEY.match(line) for line in lines[1:close]):
            marked.update(range(close + 1))
    fence = ""
    for k, raw in enumerate(lines):
        line = raw.strip()
        if fence:
            marked.add(k)
            closing = line.startswith(fence) and not line.strip(fence[0])
            fence = "" if closing else fence
        elif opening := _FENCE.match(line):
            marked.add(k)
            fence = opening.group(1) or opening.group(2)
    return "\n".join(" " * len(line) if k in marked else line for k, line in enumerate(lines))
