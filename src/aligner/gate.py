"""Document scores and the pass/fail decision CI relies on."""

from __future__ import annotations

from collections.abc import Sequence

from aligner.config import Settings
from aligner.models import Document, Flag, Severity

WEIGHTS = {Severity.ERROR: 1.0, Severity.WARNING: 0.5, Severity.INFO: 0.0}


def score_document(src: Document, tgt: Document, flags: Sequence[Flag]) -> float:
    """Share of content sentences (both sides) untouched by flags, each flagged
    sentence counting by its worst severity (error 1, warning 0.5, info 0)."""
    penalty: dict[tuple[int, int], float] = {}
    for flag in flags:
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


def document_passes(score: float, flags: Sequence[Flag], settings: Settings) -> bool:
    """Fails on a flag at or above ``fail_on`` or a score below ``min_score``."""
    if score < settings.min_score:
        return False
    if settings.fail_on == "never":
        return True
    floor = Severity(settings.fail_on).rank
    return all(flag.severity.rank < floor for flag in flags)
