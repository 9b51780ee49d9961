"""HTML reports for editors: one self-contained page per document and a run index.

Pages are rendered from the Jinja2 templates shipped as package data
(``templates/document.html`` and ``templates/index.html``) with autoescaping on.
Everything a template shows comes from the small frozen view dataclasses below,
so what the templates use is visible and typed in one place. Corpus text is only
ever inserted as escaped text; the one inline script is a constant of
:mod:`aligner.report.html_script`, allowed by a Content-Security-Policy hash so
that nothing else can run.

The document page links back to the run index, opens with an inline-SVG chart
of the similarity of every row (bars) with the flagged rows marked in their
severity's colour in a band below, then filters by severity and flag type, a search of the
sentence text and keyboard navigation between flagged rows (``j``/``n`` next,
``k``/``p`` previous, ``/`` search). Both pages carry a print stylesheet and
a narrow-screen layout (the two languages stacked in each row, the index as
one card per document).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from aligner.io import printable, write_atomic
from aligner.models import Bead, Document, DocumentResult, Flag, RunResult, Severity, Span
from aligner.report.html_script import SCRIPT
from aligner.report.json_report import flag_counts, place_flags, severity_counts, waived_count

# Chart geometry in SVG user units: one unit of width per row, CHART_HEIGHT for
# a similarity of 1, then the flag marks in a band of their own below the bars:
# behind a bar, the mark of a flagged pair that scores high (English pasted into
# the Korean scores 1.000) would be hidden. The SVG is stretched to the page width.
CHART_HEIGHT = 40
_BAND_GAP = 3
_BAND_HEIGHT = 10
# A flag mark is at least 1/_MARKS_PER_WIDTH of the chart wide (2-3 pixels), so
# that a flag stays visible on a document of thousands of rows.
_MARKS_PER_WIDTH = 400
# Korean quoted in an English message: a run of Hangul (syllables and jamo) with
# the spaces, digits and punctuation between them, tagged lang="ko" so that a
# screen reader and the browser's font choice treat it as Korean.
_HANGUL = "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff"
_KOREAN_RUN = re.compile(f"[{_HANGUL}](?:[{_HANGUL}0-9\\s.,!?%~·-]*[{_HANGUL}])?")


@dataclass(frozen=True)
class TextPart:
    """A run of a sentence's text: the words of flags (``mark`` is the class of the
    worst of them, a severity or ``waived``; ``title`` names their types) or plain
    text (``mark`` None)."""

    text: str
    mark: str | None = None
    title: str = ""


@dataclass(frozen=True)
class SentenceView:
    """One sentence in a table cell, with its ``file:line`` reference; ``parts`` is
    its text cut around the words its row's flags are about, empty if there are none."""

    ref: str
    text: str
    boilerplate: bool
    parts: tuple[TextPart, ...] = ()


@dataclass(frozen=True)
class FlagView:
    """One flag; ``row`` is the 1-based table row holding all its sentences,
    None when they span several rows (``rows``) or none."""

    type: str
    severity: str
    message: str
    where: str
    row: int | None
    rows: tuple[int, ...]
    waived: bool
    waiver_reason: str
    spans: tuple[Span, ...] = ()

    @property
    def mark(self) -> str:
        """The class of its words' marks: its severity, or ``waived``."""
        return "waived" if self.waived else self.severity

    @property
    def message_parts(self) -> tuple[tuple[str, str | None], ...]:
        """The message as (text, lang) runs: Korean quoted in it is tagged ``ko``."""
        return split_languages(self.message)

    @property
    def reason_parts(self) -> tuple[tuple[str, str | None], ...]:
        """The waiver reason as (text, lang) runs, as :attr:`message_parts`."""
        return split_languages(self.waiver_reason)

    @property
    def filter_key(self) -> str:
        """``severity:type`` as the page script filters it (``waived:type`` if waived)."""
        return f"{'waived' if self.waived else self.severity}:{self.type}"


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

    @property
    def filter_keys(self) -> str:
        """The ``data-flags`` attribute: each flag's ``severity:type``, deduplicated."""
        return " ".join(dict.fromkeys(f.filter_key for f in self.flags))


@dataclass(frozen=True)
class ChartView:
    """The similarity chart: ``width`` rows, a path of similarity bars and, in
    a band below them, one path of marks per severity (``waived`` included)."""

    width: int
    height: int
    bars: str
    marks: tuple[tuple[str, str], ...]
    mark_width: str
    label: str


@dataclass(frozen=True)
class DocumentPage:
    """Everything ``document.html`` shows."""

    name: str
    signature: str
    score: str
    passed: bool
    failures: str  # why it fails the gate, "" when it passes
    src_lang: str
    tgt_lang: str
    src_file: str
    tgt_file: str
    sentences: tuple[int, int]
    flag_counts: dict[str, int]  # waived flags included: the type filter shows them
    type_counts: tuple[tuple[str, int, int], ...]  # (type, open, waived): the header's table
    severity_counts: dict[str, int]
    waived: int
    rows: tuple[RowView, ...]
    flags: tuple[FlagView, ...]
    loose_flags: tuple[FlagView, ...]
    chart: ChartView
    filter_severities: tuple[tuple[str, int], ...]
    flagged_rows: int
    index_href: str | None  # the run index, relative to this page; None: no link
    script: Markup
    script_hash: str


@dataclass(frozen=True)
class IndexEntry:
    """One document in the run index."""

    name: str
    href: str | None
    score: str
    passed: bool
    failures: tuple[str, ...]  # why it fails the gate, one reason each
    sentences: tuple[int, int]
    flag_groups: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]  # see flag_groups()
    severity_counts: dict[str, int]
    waived: int

    @property
    def name_parts(self) -> tuple[str, ...]:
        """The name cut after each ``/``: the index may wrap a path there, and only there."""
        parts = self.name.split("/")
        return tuple(p + "/" for p in parts[:-1]) + (parts[-1],)


@dataclass(frozen=True)
class StaleWaiverView:
    """A waiver that matched no flag: the editor should drop or update it."""

    document: str
    type: str
    text: str
    reason: str
    fingerprint: str

    @property
    def text_parts(self) -> tuple[tuple[str, str | None], ...]:
        """The waived text as (text, lang) runs: its Korean side is tagged ``ko``."""
        return split_languages(self.text)


@dataclass(frozen=True)
class IndexPage:
    """Everything ``index.html`` shows."""

    signature: str
    passed: bool
    langs: tuple[str, str]  # source and target language codes (of the first document)
    documents: tuple[IndexEntry, ...]
    problems: tuple[tuple[str, str], ...]
    failed: int
    stale_waivers: tuple[StaleWaiverView, ...]


def write_document_html(
    result: DocumentResult, path: Path, *, signature: str, index: str | None = None
) -> None:
    """Write one document's side-by-side HTML page atomically.

    Args:
        result: The checked document pair.
        path: Where to write; parent folders are created.
        signature: What produced the result, shown in the header.
        index: The run index page relative to ``path``'s folder (a file path,
            not yet URL-encoded, e.g. ``../index.html``), for a link back to
            it; None for no link.
    """
    page = document_page(result, signature=signature, index=index)
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


def document_page(
    result: DocumentResult, *, signature: str, index: str | None = None
) -> DocumentPage:
    """Build the view of one document that ``document.html`` renders."""
    placed = place_flags(result.beads, result.flags)
    touched = _rows_touched(result)
    views = [_flag_view(result, flag, row, touched[n]) for n, (flag, row) in enumerate(placed)]
    by_row: dict[int, list[FlagView]] = {}
    for view in views:
        for number in view.rows:
            by_row.setdefault(number, []).append(view)
    rows = tuple(
        _row_view(result, k, bead, by_row.get(k + 1, [])) for k, bead in enumerate(result.beads)
    )
    return DocumentPage(
        name=result.pair.name,
        signature=signature,
        score=f"{result.score:.4f}",
        passed=result.passed,
        failures="; ".join(result.failures),
        src_lang=result.src.lang,
        tgt_lang=result.tgt.lang,
        src_file=printable(result.pair.src_path.name),
        tgt_file=printable(result.pair.tgt_path.name),
        sentences=(len(result.src.sentences), len(result.tgt.sentences)),
        flag_counts=flag_counts(result.flags),
        type_counts=_type_counts(result.flags),
        severity_counts=severity_counts(result.flags),
        waived=waived_count(result.flags),
        rows=rows,
        flags=tuple(views),
        loose_flags=tuple(v for v in views if v.row is None),
        chart=chart_view(rows),
        filter_severities=_filter_severities(views),
        flagged_rows=sum(r.severity is not None for r in rows),
        index_href=None if index is None else _relative_href(index),
        script=Markup(SCRIPT),  # a constant of the package, never corpus text
        script_hash=_csp_hash(SCRIPT),
    )


def chart_view(rows: Sequence[RowView]) -> ChartView:
    """The similarity chart of a document's rows.

    Each row with sentences on both sides gets a bar as tall as its similarity;
    each flagged row gets a mark in its worst severity's colour in the band
    below the bars, where no bar can cover it (gaps have no similarity, so the
    mark alone shows them).
    """
    bars = []
    marks: dict[str, list[str]] = {}
    band = CHART_HEIGHT + _BAND_GAP
    for k, row in enumerate(rows):
        x = f"{k + 0.5:g}"
        if row.similarity != "—":
            top = CHART_HEIGHT * (1 - min(max(float(row.similarity), 0.0), 1.0))
            bars.append(f"M{x} {CHART_HEIGHT}V{top:.1f}")
        kind = row.severity or ("waived" if row.flags else None)
        if kind:
            marks.setdefault(kind, []).append(f"M{x} {band}v{_BAND_HEIGHT}")
    order = ("info", "waived", "warning", "error")  # worst drawn last, on top
    counts = ", ".join(f"{len(marks[k])} {k}" for k in reversed(order) if k in marks)
    return ChartView(
        width=max(len(rows), 1),
        height=band + _BAND_HEIGHT,
        bars="".join(bars),
        marks=tuple((k, "".join(marks[k])) for k in order if k in marks),
        mark_width=f"{max(1.0, len(rows) / _MARKS_PER_WIDTH):g}",
        label=f"Similarity of each of {len(rows)} rows; flagged rows: {counts or 'none'}.",
    )


def index_page(run: RunResult, *, links: dict[str, str]) -> IndexPage:
    """Build the view of a run that ``index.html`` renders, worst document first."""
    ordered = sorted(run.documents, key=lambda d: (d.passed, d.score, d.pair.name))
    first = ordered[0] if ordered else None
    return IndexPage(
        signature=run.signature,
        passed=run.passed,
        langs=(first.src.lang, first.tgt.lang) if first else ("", ""),
        documents=tuple(_index_entry(doc, links.get(doc.pair.name)) for doc in ordered),
        problems=tuple((p.path, p.message) for p in run.problems),
        failed=sum(not d.passed for d in run.documents),
        stale_waivers=tuple(
            StaleWaiverView(
                w.document,
                w.type,
                " / ".join(filter(None, (w.src, w.tgt))),
                w.reason,
                w.fingerprint,
            )
            for w in run.stale_waivers
        ),
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
        finalize=show_controls,
    )


# C0 controls (but tab and line breaks), DEL and C1 controls: a browser draws
# nothing for them, so an editor would never see the stray byte in a sentence.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _control_picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # U+2400.. Control Pictures: NUL -> ␀, ESC -> ␛
    return "\u2421" if code == 0x7F else f"[U+{code:04X}]"


def show_controls(value: object) -> object:
    """Every string a template prints, with invisible control characters drawn."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return _CONTROLS.sub(_control_picture, value)
    return value


def split_languages(text: str) -> tuple[tuple[str, str | None], ...]:
    """``text`` as (text, lang) runs: each run of Korean is ``ko``, the rest None
    (the page's language).

    Example:
        >>> split_languages('KO “하나.” vs EN “One.”')
        (('KO “', None), ('하나', 'ko'), ('.” vs EN “One.”', None))
    """
    parts: list[tuple[str, str | None]] = []
    end = 0
    for match in _KOREAN_RUN.finditer(text):
        if match.start() > end:
            parts.append((text[end : match.start()], None))
        parts.append((match.group(), "ko"))
        end = match.end()
    if end < len(text) or not parts:
        parts.append((text[end:], None))
    return tuple(parts)


def _row_view(result: DocumentResult, k: int, bead: Bead, flags: Sequence[FlagView]) -> RowView:
    live = [f for f in flags if not f.waived]  # a waived flag does not colour its row
    worst = max(live, key=lambda f: Severity(f.severity).rank, default=None)
    marks: dict[tuple[str, int], list[tuple[int, int, str, str]]] = {}
    for flag in flags:
        for span in flag.spans:
            marks.setdefault((span.side, span.sentence), []).append(
                (span.start, span.end, flag.mark, flag.type + " (waived)" * flag.waived)
            )
    return RowView(
        number=k + 1,
        src=tuple(
            _sentence_view(result.src, result.pair.src_path, i, marks.get(("src", i), ()))
            for i in bead.src
        ),
        tgt=tuple(
            _sentence_view(result.tgt, result.pair.tgt_path, j, marks.get(("tgt", j), ()))
            for j in bead.tgt
        ),
        shape=f"{len(bead.src)}-{len(bead.tgt)}",
        # a similarity means nothing when one side is empty
        similarity=f"{bead.similarity:.3f}" if bead.src and bead.tgt else "—",
        severity=worst.severity if worst else None,
        flags=tuple(flags),
    )


def _sentence_view(
    doc: Document, path: Path, index: int, marks: Sequence[tuple[int, int, str, str]]
) -> SentenceView:
    if not 0 <= index < len(doc.sentences):  # a bad index must not break the whole report
        return SentenceView(f"{printable(path.name)}:?", f"(no sentence {index})", False)
    sentence = doc.sentences[index]
    where = f"{printable(path.name)}:{sentence.line}"
    parts = mark_words(sentence.text, marks) if marks else ()
    return SentenceView(where, sentence.text, sentence.boilerplate, parts)


# the classes of marks from the least to the most serious, as the chart draws them
_MARK_ORDER = ("info", "waived", "warning", "error")


def mark_words(text: str, marks: Sequence[tuple[int, int, str, str]]) -> tuple[TextPart, ...]:
    """``text`` cut into runs at the edges of ``marks``, each ``(start, end, class,
    title)``: where marks overlap, the worst class shows and every title is listed.

    Example:
        >>> for part in mark_words("about 19,000 troops", [(6, 12, "error", "number_mismatch")]):
        ...     print(part)
        TextPart(text='about ', mark=None, title='')
        TextPart(text='19,000', mark='error', title='number_mismatch')
        TextPart(text=' troops', mark=None, title='')
    """
    size = len(text)
    edges = sorted({0, size, *(min(max(at, 0), size) for m in marks for at in m[:2])})
    parts: list[TextPart] = []
    for start, end in itertools.pairwise(edges):
        over = [m for m in marks if m[0] <= start and end <= m[1]]
        part = TextPart(text[start:end])
        if over:
            mark = max((m[2] for m in over), key=_MARK_ORDER.index)
            part = TextPart(part.text, mark, ", ".join(dict.fromkeys(m[3] for m in over)))
        if parts and (parts[-1].mark, parts[-1].title) == (part.mark, part.title):
            part = TextPart(parts.pop().text + part.text, part.mark, part.title)
        parts.append(part)
    return tuple(parts)


def _rows_touched(result: DocumentResult) -> list[tuple[int, ...]]:
    """For each flag, the 1-based rows holding any of its sentences."""
    src_row = {i: k + 1 for k, bead in enumerate(result.beads) for i in bead.src}
    tgt_row = {j: k + 1 for k, bead in enumerate(result.beads) for j in bead.tgt}
    return [
        tuple(
            sorted(
                {src_row[i] for i in f.src if i in src_row}
                | {tgt_row[j] for j in f.tgt if j in tgt_row}
            )
        )
        for f in result.flags
    ]


def _flag_view(
    result: DocumentResult, flag: Flag, row: int | None, rows: tuple[int, ...]
) -> FlagView:
    refs = [_line_ref(result.src, result.pair.src_path, i) for i in flag.src]
    refs += [_line_ref(result.tgt, result.pair.tgt_path, j) for j in flag.tgt]
    return FlagView(
        type=flag.type,
        severity=flag.severity.value,
        message=flag.message,
        where=", ".join(refs),
        row=None if row is None else row + 1,
        rows=rows,
        waived=flag.waived,
        waiver_reason=flag.waiver_reason,
        spans=flag.spans,
    )


def _type_counts(flags: Sequence[Flag]) -> tuple[tuple[str, int, int], ...]:
    """``(type, open, waived)`` per flag type, sorted: a waived flag is counted apart, as
    the severity table counts it, so the type table does not add it to what is open.

    >>> from aligner.models import Severity
    >>> _type_counts([Flag("missing", Severity.ERROR, (1,), (), "m"),
    ...               Flag("missing", Severity.ERROR, (2,), (), "m", waived=True),
    ...               Flag("extra", Severity.ERROR, (), (3,), "e", waived=True)])
    (('extra', 0, 1), ('missing', 1, 1))
    """
    counts = Counter((flag.type, flag.waived) for flag in flags)
    types = sorted({flag.type for flag in flags})
    return tuple((t, counts[t, False], counts[t, True]) for t in types)


def _filter_severities(views: Sequence[FlagView]) -> tuple[tuple[str, int], ...]:
    """The severity checkboxes, worst first, then ``waived``: only those some flag has."""
    counts = {s.value: 0 for s in sorted(Severity, key=lambda s: -s.rank)}
    for view in views:
        key = "waived" if view.waived else view.severity
        counts[key] = counts.get(key, 0) + 1
    return tuple((key, n) for key, n in counts.items() if n)


def _line_ref(doc: Document, path: Path, index: int) -> str:
    """``EN story.txt:12``: the language tells the two sides apart when both
    files have the same name, as paired files usually do."""
    line = doc.sentences[index].line if 0 <= index < len(doc.sentences) else "?"
    return f"{doc.lang.upper()} {printable(path.name)}:{line}"


def _index_entry(doc: DocumentResult, href: str | None) -> IndexEntry:
    return IndexEntry(
        name=doc.pair.name,
        href=None if href is None else _relative_href(href),
        score=f"{doc.score:.4f}",
        passed=doc.passed,
        failures=tuple(doc.failures),
        sentences=(len(doc.src.sentences), len(doc.tgt.sentences)),
        flag_groups=flag_groups(doc.flags),
        severity_counts=severity_counts(doc.flags),
        waived=waived_count(doc.flags),
    )


def flag_groups(flags: Iterable[Flag]) -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
    """The number of flags of each type, grouped by severity, worst first, then
    the waived ones (whatever their severity): what fails a document comes first,
    and what an editor accepted is never mistaken for what they must fix.

    Returns:
        ``(group, ((type, count), ...))`` for each group some flag is in; the
        groups are the severities' names and ``"waived"``, the types sorted.

    Example:
        >>> for group in flag_groups([
        ...     Flag("reordered", Severity.WARNING, (0,), (0,), ""),
        ...     Flag("missing", Severity.ERROR, (1,), (), ""),
        ...     Flag("missing", Severity.ERROR, (2,), (), "", True),
        ... ]):
        ...     print(group)
        ('error', (('missing', 1),))
        ('warning', (('reordered', 1),))
        ('waived', (('missing', 1),))
    """
    groups: dict[str, Counter[str]] = {
        s.value: Counter() for s in sorted(Severity, key=lambda s: -s.rank)
    }
    groups["waived"] = Counter()
    for flag in flags:
        groups["waived" if flag.waived else flag.severity.value][flag.type] += 1
    return tuple((group, tuple(sorted(n.items()))) for group, n in groups.items() if n)


def _relative_href(path: str) -> str:
    """URL-encode a relative file path so that a file name can never become a
    ``javascript:`` URL or another host (``%3A``, and ``./`` before a leading ``/``)."""
    href = quote(path, safe="/")
    return "./" + href if href.startswith("/") else href


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
