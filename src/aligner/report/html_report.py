"""HTML reports for editors: one self-contained page per document and a run index.

Pages are rendered from the Jinja2 templates shipped as package data
(``templates/document.html`` and ``templates/index.html``) with autoescaping on.
Everything a template shows comes from the small frozen view dataclasses below,
so what the templates use is visible and typed in one place. Corpus text is only
ever inserted as escaped text; the one inline script is a constant of this
module, allowed by a Content-Security-Policy hash so that nothing else can run.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from aligner.io import write_atomic
from aligner.models import Bead, Document, DocumentResult, Flag, RunResult, Severity
from aligner.report.json_report import flag_counts, place_flags, severity_counts

# "Only flagged rows" toggle. Kept here rather than in the template so that its
# CSP hash is computed from exactly the bytes that are served.
_FILTER_SCRIPT = (
    "document.getElementById('only-flagged').addEventListener('change',"
    "function(e){document.body.classList.toggle('only-flagged',e.target.checked);});"
)


@dataclass(frozen=True)
class SentenceView:
    """One sentence in a table cell, with its ``file:line`` reference."""

    ref: str
    text: str
    boilerplate: bool


@dataclass(frozen=True)
class FlagView:
    """One flag; ``row`` is the 1-based table row it sits under, if any."""

    type: str
    severity: str
    message: str
    where: str
    row: int | None


@dataclass(frozen=True)
class RowView:
    """One bead: a table row with its sentences, similarity and flags."""

    number: int
    src: tuple[SentenceView, ...]
    tgt: tuple[SentenceView, ...]
    shape: str
    similarity: str
    severity: str | None
    flags: tuple[FlagView, ...]


@dataclass(frozen=True)
class DocumentPage:
    """Everything ``document.html`` shows."""

    name: str
    signature: str
    score: str
    passed: bool
    src_lang: str
    tgt_lang: str
    src_file: str
    tgt_file: str
    sentences: tuple[int, int]
    flag_counts: dict[str, int]
    severity_counts: dict[str, int]
    rows: tuple[RowView, ...]
    flags: tuple[FlagView, ...]
    loose_flags: tuple[FlagView, ...]
    script: Markup
    script_hash: str


@dataclass(frozen=True)
class IndexEntry:
    """One document in the run index."""

    name: str
    href: str | None
    score: str
    passed: bool
    sentences: tuple[int, int]
    flag_counts: dict[str, int]
    severity_counts: dict[str, int]


@dataclass(frozen=True)
class IndexPage:
    """Everything ``index.html`` shows."""

    signature: str
    passed: bool
    documents: tuple[IndexEntry, ...]
    problems: tuple[tuple[str, str], ...]
    failed: int


def write_document_html(result: DocumentResult, path: Path, *, signature: str) -> None:
    """Write one document's side-by-side HTML page atomically.

    Args:
        result: The checked document pair.
        path: Where to write; parent folders are created.
        signature: What produced the result, shown in the header.
    """
    page = document_page(result, signature=signature)
    write_atomic(path, _environment().get_template("document.html").render(page=page))


def write_index_html(run: RunResult, path: Path, *, links: dict[str, str]) -> None:
    """Write the run index page atomically: documents worst first, then input problems.

    Args:
        run: The run to list.
        path: Where to write; parent folders are created.
        links: Document name -> path of its HTML page relative to ``path``'s
            folder (a file path, not yet URL-encoded). Documents without an
            entry are listed without a link.
    """
    page = index_page(run, links=links)
    write_atomic(path, _environment().get_template("index.html").render(page=page))


def document_page(result: DocumentResult, *, signature: str) -> DocumentPage:
    """Build the view of one document that ``document.html`` renders."""
    placed = place_flags(result.beads, result.flags)
    views = [_flag_view(result, flag, row) for flag, row in placed]
    rows = tuple(
        _row_view(result, k, bead, [v for v in views if v.row == k + 1])
        for k, bead in enumerate(result.beads)
    )
    return DocumentPage(
        name=result.pair.name,
        signature=signature,
        score=f"{result.score:.4f}",
        passed=result.passed,
        src_lang=result.src.lang,
        tgt_lang=result.tgt.lang,
        src_file=result.pair.src_path.name,
        tgt_file=result.pair.tgt_path.name,
        sentences=(len(result.src.sentences), len(result.tgt.sentences)),
        flag_counts=flag_counts(result.flags),
        severity_counts=severity_counts(result.flags),
        rows=rows,
        flags=tuple(views),
        loose_flags=tuple(v for v in views if v.row is None),
        script=Markup(_FILTER_SCRIPT),  # a constant of this module, never corpus text
        script_hash=_csp_hash(_FILTER_SCRIPT),
    )


def index_page(run: RunResult, *, links: dict[str, str]) -> IndexPage:
    """Build the view of a run that ``index.html`` renders, worst document first."""
    ordered = sorted(run.documents, key=lambda d: (d.passed, d.score, d.pair.name))
    return IndexPage(
        signature=run.signature,
        passed=run.passed,
        documents=tuple(_index_entry(doc, links.get(doc.pair.name)) for doc in ordered),
        problems=tuple((p.path, p.message) for p in run.problems),
        failed=sum(not d.passed for d in run.documents),
    )


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("aligner", "templates"),
        autoescape=True,
        # a misspelt field should fail the tests, not render as an empty cell
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _row_view(result: DocumentResult, k: int, bead: Bead, flags: Sequence[FlagView]) -> RowView:
    worst = max(flags, key=lambda f: Severity(f.severity).rank, default=None)
    return RowView(
        number=k + 1,
        src=tuple(_sentence_view(result.src, result.pair.src_path, i) for i in bead.src),
        tgt=tuple(_sentence_view(result.tgt, result.pair.tgt_path, j) for j in bead.tgt),
        shape=f"{len(bead.src)}-{len(bead.tgt)}",
        # a similarity means nothing when one side is empty
        similarity=f"{bead.similarity:.3f}" if bead.src and bead.tgt else "—",
        severity=worst.severity if worst else None,
        flags=tuple(flags),
    )


def _sentence_view(doc: Document, path: Path, index: int) -> SentenceView:
    if not 0 <= index < len(doc.sentences):  # a bad index must not break the whole report
        return SentenceView(f"{path.name}:?", f"(no sentence {index})", False)
    sentence = doc.sentences[index]
    return SentenceView(f"{path.name}:{sentence.line}", sentence.text, sentence.boilerplate)


def _flag_view(result: DocumentResult, flag: Flag, row: int | None) -> FlagView:
    refs = [_line_ref(result.src, result.pair.src_path, i) for i in flag.src]
    refs += [_line_ref(result.tgt, result.pair.tgt_path, j) for j in flag.tgt]
    return FlagView(
        type=flag.type,
        severity=flag.severity.value,
        message=flag.message,
        where=", ".join(refs),
        row=None if row is None else row + 1,
    )


def _line_ref(doc: Document, path: Path, index: int) -> str:
    """``EN story.txt:12``: the language tells the two sides apart when both
    files have the same name, as paired files usually do."""
    line = doc.sentences[index].line if 0 <= index < len(doc.sentences) else "?"
    return f"{doc.lang.upper()} {path.name}:{line}"


def _index_entry(doc: DocumentResult, href: str | None) -> IndexEntry:
    return IndexEntry(
        name=doc.pair.name,
        href=None if href is None else _relative_href(href),
        score=f"{doc.score:.4f}",
        passed=doc.passed,
        sentences=(len(doc.src.sentences), len(doc.tgt.sentences)),
        flag_counts=flag_counts(doc.flags),
        severity_counts=severity_counts(doc.flags),
    )


def _relative_href(path: str) -> str:
    """URL-encode a relative file path so that a file name can never become a
    ``javascript:`` URL or another host (``%3A``, and ``./`` before a leading ``/``)."""
    href = quote(path, safe="/")
    return "./" + href if href.startswith("/") else href


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
