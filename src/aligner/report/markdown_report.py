"""A Markdown summary of a run for ``$GITHUB_STEP_SUMMARY`` or a pull-request comment.

It holds the verdict, one table row per document (worst first), why each failing
document fails the gate, the error and warning flags with their ``file:line`` (at
most ``max_flags`` of them; waived flags are only counted), the input problems,
the stale waivers and the signature. A PR comment is limited to 65,536
characters, so each list stops at its share of :data:`MAX_CHARS` and says how
many it leaves out (worst documents and errors come first).

Corpus text goes through :func:`md_escape`: Markdown and HTML syntax is shown
literally and ``@name`` cannot mention (notify) anyone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from aligner.io import write_atomic
from aligner.models import DocumentResult, RunResult, Severity
from aligner.report.common import count_line, flag_where, verdict
from aligner.report.json_report import severity_counts, waived_count

MAX_FLAGS = 50
MAX_CHARS = 60_000
# each list's share of MAX_CHARS; the heading and the signature take the rest
_BUDGET = {"documents": 0.4, "failures": 0.2, "flags": 0.25, "problems": 0.05, "stale": 0.05}
_ICONS = {"PASS": "✅", "FAIL": "❌", "error": "❌", "warning": "⚠️"}
# Backslash-escaped: everything that can start emphasis, code, links, tables or
# strikethrough inside a line (text never starts a line here: newlines become spaces).
_ESCAPED = "\\`*_[]|~#"
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "@": "&#64;"}
_LIST_START = re.compile(r"^(\d*)([-+.)])(?=\s)")


def md_escape(text: str) -> str:
    """Make corpus text inert in GitHub-flavoured Markdown, on one line.

    Example:
        >>> md_escape("<b>*hi*</b> @team | x")
        '&lt;b&gt;\\\\*hi\\\\*&lt;/b&gt; &#64;team \\\\| x'
    """
    out = []
    for char in " ".join(text.split()):
        if char in _ENTITIES:
            out.append(_ENTITIES[char])
        elif char in _ESCAPED:
            out.append("\\" + char)
        else:
            out.append(char)
    # at the start of a list item, "1. " or "- " would open a nested list
    return _LIST_START.sub(r"\1\\\2", "".join(out), count=1)


def render_markdown(run: RunResult, *, max_flags: int = MAX_FLAGS) -> str:
    """The summary as Markdown text.

    Args:
        run: The checked documents and the files that could not be checked.
        max_flags: List at most this many error and warning flags.
    """
    ordered = sorted(run.documents, key=lambda d: (d.passed, d.score, d.pair.name))
    parts = [
        _heading(run),
        *_document_table(ordered),
        *_failures(ordered),
        *_flag_list(ordered, max_flags),
        *_problems(run),
        *_stale_waivers(run),
        f"<sub>{md_escape(run.signature)}</sub>",
    ]
    return "\n".join(parts) + "\n"


def write_markdown(run: RunResult, path: Path, *, max_flags: int = MAX_FLAGS) -> None:
    """Write the Markdown summary atomically.

    Args:
        run: The run to summarise.
        path: Where to write; parent folders are created.
        max_flags: List at most this many error and warning flags.
    """
    write_atomic(path, render_markdown(run, max_flags=max_flags))


def _heading(run: RunResult) -> str:
    passed = sum(d.passed for d in run.documents)
    flags = [f for d in run.documents for f in d.flags]
    waived = waived_count(flags)
    summary = count_line(flags) + (f", {waived} waived" if waived else "")
    icon = _ICONS["PASS" if run.passed else "FAIL"]
    excluded = f", {run.excluded} file(s) excluded" if run.excluded else ""
    return (
        f"## {icon} aligner: {'passed' if run.passed else 'FAILED'}\n\n"
        f"{passed} of {len(run.documents)} document(s) passed, "
        f"{len(run.problems)} input problem(s){excluded}; flags: {summary}.\n"
    )


def _document_table(docs: Sequence[DocumentResult]) -> Iterator[str]:
    if not docs:
        yield "No documents were checked.\n"
        return
    yield "| verdict | document | score | errors | warnings | info | waived |"
    yield "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
    rows = [_document_row(doc) for doc in docs]
    yield from _capped(rows, "documents", "\n… and {} more documents, left out of this summary.")
    yield ""


def _document_row(doc: DocumentResult) -> str:
    counts = severity_counts(doc.flags)
    word = verdict(doc)
    return (
        f"| {_ICONS[word]} {word} | {md_escape(doc.pair.name)} | {doc.score:.4f} | "
        f"{counts['error']} | {counts['warning']} | {counts['info']} | "
        f"{waived_count(doc.flags)} |"
    )


def _capped(lines: Sequence[str], share: str, more: str, total: int | None = None) -> Iterator[str]:
    """``lines`` up to the list's share of :data:`MAX_CHARS`, then ``more`` with the
    number left out of ``total`` items (default: of ``lines``)."""
    total = len(lines) if total is None else total
    budget, used = _BUDGET[share] * MAX_CHARS, 0
    for k, line in enumerate(lines):
        used += len(line) + 1
        if used > budget:
            yield more.format(total - k)
            return
        yield line
    if total > len(lines):
        yield more.format(total - len(lines))


def _failures(docs: Sequence[DocumentResult]) -> Iterator[str]:
    failed = [doc for doc in docs if doc.failures]
    if not failed:
        return
    yield "### Why documents failed\n"
    lines = [
        f"- {md_escape(doc.pair.name)}: {md_escape('; '.join(doc.failures))}" for doc in failed
    ]
    yield from _capped(lines, "failures", "- … and {} more, left out of this summary.")
    yield ""


def _flag_list(docs: Sequence[DocumentResult], max_flags: int) -> Iterator[str]:
    shown = [
        (doc, flag)
        for doc in docs
        for flag in doc.flags
        if flag.severity in (Severity.ERROR, Severity.WARNING) and not flag.waived
    ]
    if not shown:
        return
    # errors first: a long list of warnings must not hide what fails the gate
    shown.sort(key=lambda shown_flag: shown_flag[1].severity is not Severity.ERROR)
    yield "### Errors and warnings\n"
    lines = [
        f"- {_ICONS[flag.severity.value]} **{md_escape(flag.type)}** "
        f"{md_escape(flag_where(doc, flag) or doc.pair.name)}: {md_escape(flag.message)}"
        for doc, flag in shown[:max_flags]
    ]
    more = "- … and {} more, left out of this summary."
    yield from _capped(lines, "flags", more, total=len(shown))
    yield ""


def _problems(run: RunResult) -> Iterator[str]:
    if not run.problems:
        return
    yield "### Input problems (not checked)\n"
    lines = [f"- {md_escape(p.path)}: {md_escape(p.message)}" for p in run.problems]
    yield from _capped(lines, "problems", "- … and {} more, left out of this summary.")
    yield ""


def _stale_waivers(run: RunResult) -> Iterator[str]:
    if not run.stale_waivers:
        return
    yield "### Stale waivers (match no flag: remove them or run --update-waivers)\n"
    lines = [
        f"- `{waiver.fingerprint}` **{md_escape(waiver.type)}** {md_escape(waiver.document)}: "
        + md_escape(" / ".join(filter(None, (waiver.src, waiver.tgt))))
        for waiver in run.stale_waivers
    ]
    yield from _capped(lines, "stale", "- … and {} more, left out of this summary.")
    yield ""
