"""Report writers, all produced from one :class:`~aligner.models.RunResult`.

Each writer is one small function taking a result and a path, writing
atomically via :func:`aligner.io.write_atomic`; the run-level ones also have a
``render_*`` twin returning the text (for standard output and tests).

- JSON (a versioned contract with its JSON Schema) and HTML for editors, per document;
- CSV / TSV of the aligned pairs, a Markdown summary, JUnit XML, SARIF 2.1.0, a
  GitLab Code Quality report, TMX 1.4b and XLIFF 2.1 with ITS quality issues, per run.

:mod:`aligner.report.formats` maps ``--format`` names to these writers.
"""

from __future__ import annotations

from aligner.report.codequality_report import (
    render_codequality,
    run_to_codequality,
    write_codequality,
)
from aligner.report.csv_report import render_csv, write_csv, write_tsv
from aligner.report.formats import (
    DOCUMENT_FORMATS,
    FORMATS,
    RUN_FORMATS,
    check_formats,
    render_run,
)
from aligner.report.html_report import write_document_html, write_index_html
from aligner.report.json_report import (
    SCHEMA_VERSION,
    document_to_dict,
    load_schema,
    run_to_dict,
    write_document_json,
    write_summary_json,
)
from aligner.report.junit_report import render_junit, write_junit
from aligner.report.markdown_report import render_markdown, write_markdown
from aligner.report.sarif_report import render_sarif, run_to_sarif, write_sarif
from aligner.report.tmx_report import render_tmx, write_tmx
from aligner.report.xliff_report import render_xliff, write_xliff

__all__ = [
    "DOCUMENT_FORMATS",
    "FORMATS",
    "RUN_FORMATS",
    "SCHEMA_VERSION",
    "check_formats",
    "document_to_dict",
    "load_schema",
    "render_codequality",
    "render_csv",
    "render_junit",
    "render_markdown",
    "render_run",
    "render_sarif",
    "render_tmx",
    "render_xliff",
    "run_to_codequality",
    "run_to_dict",
    "run_to_sarif",
    "write_codequality",
    "write_csv",
    "write_document_html",
    "write_document_json",
    "write_index_html",
    "write_junit",
    "write_markdown",
    "write_sarif",
    "write_summary_json",
    "write_tmx",
    "write_tsv",
    "write_xliff",
]
