from __future__ import annotations

from pathlib import Path

from aligner.config import Settings
from aligner.gate import gate_failures, score_document
from aligner.models import Document, Flag, Sentence, Severity


def _doc(n: int, boilerplate: int = 0) -> Document:
    sentences = tuple(
        Sentence(i, f"s{i}", i + 1, 0, 2, boilerplate=i < boilerplate) for i in range(n)
    )
    return Document(Path("x"), "en", sentences)


def test_score_counts_flagged_sentences_by_worst_severity() -> None:
    flags = [
        Flag("truncated", Severity.ERROR, (0,), (0,), "m"),
        Flag("reordered", Severity.WARNING, (0,), (0,), "m"),
        Flag("reordered", Severity.WARNING, (1,), (), "m"),
        Flag("boilerplate", Severity.INFO, (2,), (), "m"),
    ]
    # 10 content sentences; penalties: src0 1 + tgt0 1 + src1 0.5 = 2.5
    assert score_document(_doc(5), _doc(5), flags) == 0.75


def test_boilerplate_is_not_content() -> None:
    assert score_document(_doc(4, boilerplate=4), _doc(0), []) == 1.0


def document_passes(score: float, flags: list[Flag], settings: Settings) -> bool:
    return not gate_failures(score, flags, settings)


def test_gate_fails_on_severity_and_score() -> None:
    error = [Flag("gap", Severity.ERROR, (0,), (), "m")]
    warning = [Flag("reordered", Severity.WARNING, (0,), (0,), "m")]
    assert not document_passes(1.0, error, Settings())
    assert document_passes(1.0, warning, Settings())
    assert not document_passes(1.0, warning, Settings(fail_on="warning"))
    assert document_passes(0.5, error, Settings(fail_on="never"))
    assert not document_passes(0.5, [], Settings(min_score=0.9))


def test_gate_failures_say_why() -> None:
    flags = [
        Flag("truncated", Severity.ERROR, (0,), (0,), "m"),
        Flag("hygiene", Severity.INFO, (1,), (1,), "m"),
        Flag("hygiene", Severity.INFO, (2,), (2,), "m"),
        Flag("missing", Severity.INFO, (3, 4), (), "m"),
    ]
    assert gate_failures(0.5, flags, Settings(fail_on="info", min_score=0.6, max_missing=1)) == (
        "1 error flag (fail_on info)",
        "3 info flags (fail_on info)",
        "score 0.5000 below min_score 0.6",
        "2 EN sentences without counterpart, more than max_missing 1",
    )
    assert gate_failures(0.5, flags, Settings(fail_on="never", max_extra=0)) == ()


def test_waived_flags_count_neither_in_score_nor_verdict() -> None:
    error = Flag("truncated", Severity.ERROR, (0,), (0,), "m")
    waived = Flag("truncated", Severity.ERROR, (0,), (0,), "m", waived=True)
    assert score_document(_doc(5), _doc(5), [error]) == 0.8
    assert score_document(_doc(5), _doc(5), [waived]) == 1.0
    assert not document_passes(1.0, [error], Settings())
    assert document_passes(1.0, [waived], Settings(fail_on="info"))


def test_gate_limits_sentences_without_counterpart_per_side() -> None:
    flags = [
        Flag("missing", Severity.WARNING, (0,), (), "m"),
        Flag("unaligned", Severity.WARNING, (3, 4), (), "m"),  # counts on its side too
        Flag("extra", Severity.WARNING, (), (1,), "m"),
        Flag("missing", Severity.WARNING, (5,), (), "m", waived=True),
    ]
    assert document_passes(1.0, flags, Settings(max_missing=3, max_extra=1))
    assert not document_passes(1.0, flags, Settings(max_missing=2))
    assert not document_passes(1.0, flags, Settings(max_extra=0))
    # the limits hold even when no severity fails the gate
    assert not document_passes(1.0, flags, Settings(fail_on="never", max_extra=0))


def test_severities_order_by_importance() -> None:
    assert Severity.ERROR > Severity.WARNING > Severity.INFO
    assert max([Severity.WARNING, Severity.ERROR, Severity.INFO]) is Severity.ERROR
    assert sorted(Severity) == [Severity.INFO, Severity.WARNING, Severity.ERROR]
    assert Severity.WARNING >= "warning" and Severity.INFO < "error"


def test_a_boilerplate_line_is_no_finding_even_failing_on_info() -> None:
    boilerplate = Flag("boilerplate", Severity.INFO, (9,), (9,), "(END)")
    spaces = Flag("whitespace", Severity.INFO, (0,), (0,), "doubled space")
    assert document_passes(1.0, [boilerplate], Settings(fail_on="info"))
    assert not document_passes(1.0, [boilerplate, spaces], Settings(fail_on="info"))
