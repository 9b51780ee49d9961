"""Marking non-content lines (captions, credits, link lists) before alignment."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from aligner.config import ORG_CREDIT
from aligner.models import Bead, Document, Sentence

_LIST_HEADER = re.compile(r"(?i)related (stories|articles|coverage|links)\s*:?|관련\s*기사\s*:?")
_TERMINAL = re.compile(r"[.?!…。！？][\"'”’)\]]*$")
_CREDIT_LINE = re.compile(ORG_CREDIT)
_DIGIT = re.compile(r"\d")


def mark_boilerplate(
    sentences: Sequence[Sentence], lines: Sequence[str], patterns: Sequence[str]
) -> list[Sentence]:
    """Flag every sentence on a line that matches a pattern (whole line), the
    headline-like lines (no final punctuation) that follow a related-stories header,
    and a photo credit on a line of its own ("(Jeju Provincial Government)") that
    follows a boilerplate line or that only boilerplate follows.

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
    if compiled:  # no patterns: every line is content (``boilerplate = []``)
        marked_lines |= _credit_lines(lines, marked_lines)
    return [replace(s, boilerplate=s.line in marked_lines) for s in sentences]


def _credit_lines(lines: Sequence[str], marked_lines: set[int]) -> set[int]:
    """The lines that are only a provider's credit in brackets, placed where a credit
    goes: under a caption (a boilerplate line) or at the end of the story. Inside the
    story such a line may be a remark of the text, and is left to the checks."""
    filled = [n for n, raw in enumerate(lines, start=1) if raw.strip()]
    before = dict(zip(filled[1:], filled, strict=False))
    credits: set[int] = set()
    content_follows = False
    for number in reversed(filled):
        if number in marked_lines:
            continue
        if _CREDIT_LINE.fullmatch(lines[number - 1].strip()) and (
            not content_follows or before.get(number) in marked_lines
        ):
            credits.add(number)
        else:
            content_follows = True
    return credits


def paired_boilerplate(
    src: Document,
    tgt: Document,
    embed: Callable[[Sequence[str]], npt.NDArray[np.float32]],
    level: float,
) -> tuple[Bead, ...]:
    """The boilerplate sentences of the two sides that write digits and translate each
    other: each the other's most similar such sentence, at ``level`` or above. A
    caption and its translation, whose numbers a desk still wants compared. Embeds
    nothing when one side has no such sentence."""
    src_rows = [s for s in src.sentences if s.boilerplate and _DIGIT.search(s.text)]
    tgt_rows = [s for s in tgt.sentences if s.boilerplate and _DIGIT.search(s.text)]
    if not (src_rows and tgt_rows):
        return ()
    vectors = embed([s.text for s in (*src_rows, *tgt_rows)])
    sims = vectors[: len(src_rows)] @ vectors[len(src_rows) :].T
    best_tgt, best_src = sims.argmax(axis=1), sims.argmax(axis=0)
    return tuple(
        Bead((s.index,), (tgt_rows[j].index,), float(sims[k, j]))
        for k, (s, j) in enumerate(zip(src_rows, best_tgt, strict=True))
        if best_src[j] == k and sims[k, j] >= level
    )
