"""Document scores and the pass/fail decision CI relies on.

Waived flags (accepted in the waiver file, see :mod:`aligner.waivers`) are still
reported but count for nothing here: neither in the score nor in the verdict,
as a linter's baseline hides accepted findings from its exit code.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from aligner.config import Settings
from aligner.models import Document, DocumentResult, Flag, Severity

WEIGHTS = {Severity.ERROR: 1.0, Severity.WARNING: 0.5, Severity.INFO: 0.0}


def score_document(src: Document, tgt: Document, flags: Sequence[Flag]) -> float:
    """Share of content sentences (both sides) untouched by live (not waived) flags,
    each flagged sentence counting by its worst severity (error 1, warning 0.5, info 0)."""
    penalty: dict[tuple[int, int], float] = {}
    for flag in live_flags(flags):
        weight = WEIGHTS[flag.severity]
        for side, indices in ((0, flag.src), (1, flag.tgt)):
            for i in indices:
                penalty[(side, i)] = max(penalty.get((side, i), 0.0), weight)
    content = sum(not s.boilerplate for s in src.sentences) + sum(
        not s.boilerplate for s in tgt.sentences
    )
    if content == 0:
        return 1.0
    return round(max(0.0, 1.0 - sum(penalty.values()) / content), 4)


# Flags of sentences without a counterpart; which side they count on follows
# from the side their sentences are on.
GAP_TYPES = frozenset({"missing", "extra", "unaligned"})


def gate_failures(score: float, flags: Sequence[Flag], settings: Settings) -> tuple[str, ...]:
    """Why a document fails the gate, one phrase per reason (none: it passes): a live
    flag at or above ``fail_on`` (a ``boilerplate`` flag is none), a score below
    ``min_score``, or more sentences without counterpart than ``max_missing`` (source) /
    ``max_extra`` (target)."""
    live = live_flags(flags)
    reasons = []
    if settings.fail_on != "never":
        floor = Severity(settings.fail_on).rank
        # a boilerplate flag marks a line as no content ("(END)", a byline): no finding, so
        # "--fail-on info" fails on hygiene, not on every story that ends with "(끝)"
        findings = [f for f in live if f.type != "boilerplate"]
        for severity in sorted(Severity, key=lambda s: -s.rank):
            count = sum(f.severity is severity for f in findings)
            if count and severity.rank >= floor:
                reasons.append(
                    f"{_count(count, severity.value + ' flag')} (fail_on {settings.fail_on})"
                )
    if score < settings.min_score:
        reasons.append(f"score {score:.4f} below min_score {settings.min_score:g}")
    gaps = [f for f in live if f.type in GAP_TYPES]
    for limit, side, lang, key in (
        (settings.max_missing, "src", settings.src_lang, "max_missing"),
        (settings.max_extra, "tgt", settings.tgt_lang, "max_extra"),
    ):
        count = sum(len(getattr(f, side)) for f in gaps)
        if limit is not None and count > limit:
            noun = f"{lang.upper()} sentence"
            reasons.append(f"{_count(count, noun)} without counterpart, more than {key} {limit}")
    return tuple(reasons)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def regate(result: DocumentResult, settings: Settings) -> DocumentResult:
    """``result`` scored and judged again, after run-level passes changed its flags."""
    score = score_document(result.src, result.tgt, result.flags)
    failures = gate_failures(score, result.flags, settings)
    return dataclasses.replace(result, score=score, failures=failures)


def live_flags(flags: Sequence[Flag]) -> list[Flag]:
    """The flags that count: every flag but the waived ones."""
    return [flag for flag in flags if not flag.waived]
