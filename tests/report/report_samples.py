"""A small hand-made run that exercises every writer: n-m beads, gaps on both
sides, flags spanning beads, hostile and control-character corpus text, a
passing and a failing document, and an input problem."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from aligner.models import (
    Bead,
    Document,
    DocumentPair,
    DocumentResult,
    Flag,
    InputProblem,
    RunResult,
    Sentence,
    Severity,
    Waiver,
)

SIGNATURE = "aligner|model:test|max:3|mt:0.19|fail:error|min:0|v:0.1.0"
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil.example","click")'
CONTROL = "Bell\x07 and form\x0cfeed"


def document(path: str, lang: str, texts: list[str], first_line: int = 1) -> Document:
    sentences = tuple(
        Sentence(i, text, line=first_line + i, start=0, end=len(text))
        for i, text in enumerate(texts)
    )
    return Document(Path(path), lang, sentences)


def failing_doc(name: str = "politics/budget.txt") -> DocumentResult:
    """EN 0-5, KO 0-4: 1-1, 2-1, 1-0 (missing), 1-2, 0-1 (extra), 1-1 (hostile)."""
    src = document(
        f"corpus/en/{name}",
        "en",
        ["One & only.", "Two a.", "Two b.", "Lost.", "Three 12%.", IMG],
        first_line=3,
    )
    tgt = document(
        f"corpus/ko/{name}",
        "ko",
        ["하나.", "둘.", "셋 가 13%.", "셋 나.", f"@here {SCRIPT}", FORMULA],
        first_line=2,
    )
    beads = (
        Bead((0,), (0,), 0.91),
        Bead((1, 2), (1,), 0.8),
        Bead((3,), (), 0.0),
        Bead((4,), (2, 3), 0.55),
        Bead((), (4,), 0.0),
        Bead((5,), (5,), -0.05),
    )
    flags = (
        Flag("missing", Severity.ERROR, (3,), (), "EN line 6 has no KO counterpart"),
        Flag("number_mismatch", Severity.WARNING, (4,), (2,), "12% vs 13%"),
        Flag("truncated", Severity.ERROR, (4,), (2, 3), "KO is <much> shorter & cut"),
        Flag("reordered", Severity.WARNING, (0, 1), (0, 1), "crosses the next pair"),
        Flag("extra", Severity.ERROR, (), (4,), f"KO line 6 has no EN counterpart: {SCRIPT}"),
        Flag("mistranslation", Severity.ERROR, (5,), (5,), f"unrelated: {IMG} | @team"),
    )
    pair = DocumentPair(name, src.path, tgt.path)
    return DocumentResult(
        pair,
        src,
        tgt,
        beads,
        flags,
        0.5,
        (
            "4 error flags (fail_on error)",
            "2 EN sentences without counterpart, more than max_missing 1",
        ),
    )


def passing_doc(name: str = "sports/match.txt") -> DocumentResult:
    src = document(f"corpus/en/{name}", "en", ["Goal.", CONTROL])
    tgt = document(f"corpus/ko/{name}", "ko", ["골.", "벨\x07 소리"])
    beads = (Bead((0,), (0,), 0.88), Bead((1,), (1,), 0.7))
    flags = (Flag("boilerplate", Severity.INFO, (1,), (), "caption"),)
    pair = DocumentPair(name, src.path, tgt.path)
    return DocumentResult(pair, src, tgt, beads, flags, 0.98)


def sample_run() -> RunResult:
    return RunResult(
        documents=[passing_doc(), failing_doc()],
        problems=[InputProblem("corpus/en/scan.txt", "corpus/en/scan.txt: looks like a PDF")],
        signature=SIGNATURE,
    )


WAIVER_REASON = "Accepted by the desk: <b>editor's</b> call"
STALE = Waiver("0123456789abcdef", "politics/old.txt", "truncated", "Cut, .", "잘린", "fixed since")


def waived_run() -> RunResult:
    """The sample run with every flag of the failing document waived (so it passes)
    and one stale waiver."""
    doc = failing_doc()
    flags = tuple(replace(f, waived=True, waiver_reason=WAIVER_REASON) for f in doc.flags)
    doc = replace(doc, flags=flags, score=1.0, failures=())
    return RunResult(
        documents=[passing_doc(), doc],
        signature=SIGNATURE,
        stale_waivers=[STALE],
    )
