"""Markdown summary: content, ordering, escaping of corpus text, length cap."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from report_samples import SIGNATURE, failing_doc, sample_run, waived_run

from aligner.models import Flag, InputProblem, RunResult, Severity
from aligner.report import render_markdown, write_markdown
from aligner.report.common import flag_where
from aligner.report.markdown_report import MAX_CHARS, md_escape


def test_heading_says_the_verdict_and_counts() -> None:
    text = render_markdown(sample_run())
    lines = text.splitlines()
    assert lines[0] == "## ❌ aligner: FAILED"
    assert lines[2] == (
        "1 of 2 document(s) passed, 1 input problem(s); flags: 4 error, 2 warning, 1 info."
    )


def test_heading_counts_the_excluded_files() -> None:
    run = replace(sample_run(), excluded=3)
    assert render_markdown(run).splitlines()[2] == (
        "1 of 2 document(s) passed, 1 input problem(s), 3 file(s) excluded; "
        "flags: 4 error, 2 warning, 1 info."
    )


def test_passing_run_says_passed() -> None:
    run = sample_run()
    run.documents, run.problems = run.documents[:1], []
    assert render_markdown(run).startswith("## ✅ aligner: passed\n")


def test_document_table_lists_worst_first() -> None:
    lines = render_markdown(sample_run()).splitlines()
    start = lines.index("| verdict | document | score | errors | warnings | info | waived |")
    assert lines[start + 1] == "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
    assert lines[start + 2 : start + 4] == [
        "| ❌ FAIL | politics/budget.txt | 0.5000 | 4 | 2 | 0 | 0 |",
        "| ✅ PASS | sports/match.txt | 0.9800 | 0 | 0 | 1 | 0 |",
    ]


def test_failing_documents_say_why() -> None:
    lines = render_markdown(sample_run()).splitlines()
    start = lines.index("### Why documents failed")
    assert lines[start + 2 : start + 4] == [
        "- politics/budget.txt: 4 error flags (fail\\_on error); "
        "2 EN sentences without counterpart, more than max\\_missing 1",
        "",
    ]


def test_errors_and_warnings_are_listed_with_file_and_line() -> None:
    lines = render_markdown(sample_run()).splitlines()
    start = lines.index("### Errors and warnings")
    items = [line for line in lines[start:] if line.startswith("- ")]
    assert items[0] == (
        "- ❌ **missing** EN corpus/en/politics/budget.txt:6: EN line 6 has no KO counterpart"
    )
    # errors first, so that warnings never push what fails the gate out of the list
    kinds = [item.split("**")[1] for item in items[:-1]]
    assert kinds == [
        "missing",
        "truncated",
        "extra",
        "mistranslation",
        "number\\_mismatch",
        "reordered",
    ]
    assert items[4].startswith("- ⚠️ **number\\_mismatch** EN corpus/en/politics/budget.txt:7, KO")
    assert not any("caption" in item for item in items)  # info flags are left out
    assert items[-1] == "- corpus/en/scan.txt: corpus/en/scan.txt: looks like a PDF"


def test_corpus_text_is_inert_markdown() -> None:
    text = render_markdown(sample_run())
    assert "<img" not in text and "<script" not in text and "</script" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "@team" not in text and "&#64;team" in text  # no one gets notified
    assert "unrelated: &lt;img src=x onerror=alert(1)&gt; \\| &#64;team" in text


def test_md_escape_flattens_lines_and_escapes_syntax() -> None:
    assert md_escape("a\nb  c") == "a b c"
    assert md_escape("*x* _y_ `z` [l](u) ~s~ | \\") == (
        "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\~s\\~ \\| \\\\"
    )
    assert md_escape("A & B <br>") == "A &amp; B &lt;br&gt;"
    # a document name opening a list item stays text: no heading, no nested list
    assert [md_escape(n) for n in ("# a.txt", "1. b.txt", "- c", "2024-06 d")] == [
        "\\# a.txt",
        "1\\. b.txt",
        "\\- c",
        "2024-06 d",
    ]


def test_flag_list_is_capped() -> None:
    text = render_markdown(sample_run(), max_flags=2)
    items = [line for line in text.splitlines() if line.startswith("- ") and "**" in line]
    assert len(items) == 2
    assert "- … and 4 more, left out of this summary." in text


def test_a_large_run_fits_a_pull_request_comment() -> None:
    """GitHub refuses a comment over 65,536 characters: every list stops in time."""
    failing = failing_doc()
    docs = [
        replace(failing, pair=replace(failing.pair, name=f"desk/{k:04d}-{'long-slug-' * 5}.txt"))
        for k in range(3000)
    ]
    problems = [InputProblem(f"en/{k}.txt", "no Korean counterpart") for k in range(3000)]
    text = render_markdown(RunResult(documents=docs, problems=problems, signature=SIGNATURE))
    assert len(text) <= MAX_CHARS
    assert "more documents, left out of this summary." in text
    assert text.rstrip().endswith(f"<sub>{md_escape(SIGNATURE)}</sub>")
    # the table, the failures, the flags and the problems each say what they leave out
    assert sum("… and" in line for line in text.splitlines()) == 4


def test_signature_closes_the_summary(tmp_path: Path) -> None:
    write_markdown(sample_run(), tmp_path / "summary.md")
    text = (tmp_path / "summary.md").read_text("utf-8")
    assert text.endswith(f"<sub>{md_escape(SIGNATURE)}</sub>\n")


def test_empty_run() -> None:
    text = render_markdown(RunResult(signature=SIGNATURE))
    assert "No documents were checked." in text
    assert "0 of 0 document(s) passed" in text


def test_waived_flags_are_counted_not_listed_and_stale_waivers_are() -> None:
    text = render_markdown(waived_run())
    lines = text.splitlines()
    assert lines[2] == (
        "2 of 2 document(s) passed, 0 input problem(s); flags: 0 error, 0 warning, 1 info, "
        "6 waived."
    )
    assert "| ✅ PASS | politics/budget.txt | 1.0000 | 0 | 0 | 0 | 6 |" in lines
    assert "### Errors and warnings" not in text
    stale = lines.index("### Stale waivers (match no flag: remove them or run --update-waivers)")
    assert lines[stale + 2] == (
        "- `0123456789abcdef` **truncated** politics/old.txt: Cut, . / 잘린"
    )


def test_two_sentences_of_one_line_are_one_place() -> None:
    doc = failing_doc()  # KO sentences 2 and 3 of one line, as a pasted paragraph has them
    one_line = tuple(replace(s, line=9) if s.index in (2, 3) else s for s in doc.tgt.sentences)
    doc = replace(doc, tgt=replace(doc.tgt, sentences=one_line))
    flag = Flag("truncated", Severity.ERROR, (4,), (2, 3), "cut")
    where = "EN corpus/en/politics/budget.txt:7, KO corpus/ko/politics/budget.txt:9"
    assert flag_where(doc, flag) == where
