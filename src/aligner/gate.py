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


def document_passes(score: float, flags: Sequence[Flag], settings: Settings) -> bool:
    """Fails on a live flag at or above ``fail_on``, a score below ``min_score``, or
    more sentences without counterpart than ``max_missing`` (EN) / ``max_extra`` (KO)."""
    if score < settings.min_score:
        return False
    gaps = [f for f in live_flags(flags) if f.type in GAP_TYPES]
    for limit, side in ((settings.max_missing, "src"), (settings.max_extra, "tgt")):
        if limit is not None and sum(len(getattr(f, side)) for f in gaps) > limit:
            return False
    if settings.fail_on == "never":
        return True
    floor = Severity(settings.fail_on).rank
    return all(flag.severity.rank < floor for flag in live_flags(flags))


def regate(result: DocumentResult, settings: Settings) -> DocumentResult:
    """``result`` scored and judged again, after run-level passes changed its flags."""
    score = score_document(result.src, result.tgt, result.flags)
    passed = document_passes(score, result.flags, settings)
    return dataclasses.replace(result, score=score, passed=passed)


def live_flags(flags: Sequence[Flag]) -> list[Flag]:
    """The flags that count: every flag but the waived ones."""
    return [flag for flag in flags if not flag.waived]
