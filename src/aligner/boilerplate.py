"""Marking non-content lines (captions, credits, link lists) before alignment."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from aligner.models import Sentence

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
