"""Report writers: JSON (a versioned contract with its JSON Schema) and HTML for editors.

Each writer is one function taking a result and a path; every file is written
atomically via :func:`aligner.io.write_atomic`.
"""

from __future__ import annotations

from aligner.report.html_report import write_document_html, write_index_html
from aligner.report.json_report import (
    SCHEMA_VERSION,
    document_to_dict,
    load_schema,
    run_to_dict,
    write_document_json,
    write_summary_json,
)

__all__ = [
    "SCHEMA_VERSION",
    "document_to_dict",
    "load_schema",
    "run_to_dict",
    "write_document_html",
    "write_document_json",
    "write_index_html",
    "write_summary_json",
]
