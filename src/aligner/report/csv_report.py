"""CSV and TSV of the aligned pairs of a run, one row per bead, for spreadsheets.

Columns: ``document``, ``row`` (1-based, the HTML page's row number), ``shape``
(``1-1``, ``2-1``, ``1-0`` ...), ``src_lines`` / ``tgt_lines`` (1-based line
numbers joined by ``;``), ``src_text`` / ``tgt_text``, ``similarity`` (empty
when one side is empty), ``severity`` (the worst flag touching the row),
``flags`` (their types, joined by ``;``), ``messages`` (joined by `` | ``),
``waived`` (the types of the row's waived flags, which ``severity`` ignores) and
``signature`` (what produced the run, the same on every row).

A cell a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return: corpus text can start that way) gets a ``'``
in front, the usual defence against CSV formula injection. The CSV file starts
with a UTF-8 byte order mark so that Excel reads the Korean correctly; the TSV
file, more often read by scripts, does not. In it a tab or a line break inside a
sentence becomes a space, so that every line splits on tabs into the same columns
(``cut``, ``awk -F'\t'``); a cell holding a double quote is quoted as in CSV, which
CSV readers told of tabs (pandas, spreadsheets) need.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aligner.io import write_atomic
from aligner.models import Bead, DocumentResult, Flag, RunResult
from aligner.report.common import bead_rows, side_lines, side_text, worst

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = (
    "document",
    "row",
    "shape",
    "src_lines",
    "tgt_lines",
    "src_text",
    "tgt_text",
    "similarity",
    "severity",
    "flags",
    "messages",
    "waived",
    "signature",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
# what a TSV reader takes for the end of a cell or a line
_TSV_BREAKS = re.compile("[\t\n\r\x0b\x0c\x85\u2028\u2029]+")


def pairs_frame(run: RunResult) -> pd.DataFrame:
    """The run's beads as a table with the columns of :data:`COLUMNS`, in
    document and bead order; text cells are not yet neutralised."""
    import pandas as pd  # imported here: a second of start-up that only CSV needs

    records = [
        _record(doc, k, bead, flags) | {"signature": run.signature}
        for doc in run.documents
        for k, bead, flags in bead_rows(doc)
    ]
    return pd.DataFrame.from_records(records, columns=list(COLUMNS))


def neutralise(value: Any) -> Any:
    """Prefix ``'`` to a string a spreadsheet would evaluate as a formula.

    Example:
        >>> neutralise("=HYPERLINK(\\"http://x\\")")
        '\\'=HYPERLINK("http://x")'
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def render_csv(run: RunResult, *, sep: str = ",") -> str:
    """The table as CSV text (``sep="\\t"`` for TSV), formulas neutralised, no BOM."""
    frame = pairs_frame(run)
    tsv = sep == "\t"
    for column in frame.columns:
        if column not in ("row", "similarity"):
            if tsv:
                frame[column] = frame[column].map(lambda v: _TSV_BREAKS.sub(" ", v))
            frame[column] = frame[column].map(neutralise)
    text: str = frame.to_csv(sep=sep, index=False, lineterminator="\n", float_format="%.4f")
    return text


def write_csv(run: RunResult, path: Path) -> None:
    """Write the aligned pairs of ``run`` as CSV (UTF-8 with BOM) atomically.

    Args:
        run: The checked documents.
        path: Where to write; parent folders are created.
    """
    write_atomic(path, BOM + render_csv(run))


def write_tsv(run: RunResult, path: Path) -> None:
    """Write the aligned pairs of ``run`` as tab-separated values (UTF-8) atomically.

    Args:
        run: The checked documents.
        path: Where to write; parent folders are created.
    """
    write_atomic(path, render_csv(run, sep="\t"))


def _record(doc: DocumentResult, k: int, bead: Bead, flags: list[Flag]) -> dict[str, Any]:
    severity = worst(f for f in flags if not f.waived)
    return {
        "document": doc.pair.name,
        "row": k + 1,
        "shape": f"{len(bead.src)}-{len(bead.tgt)}",
        "src_lines": ";".join(map(str, side_lines(doc.src, bead.src))),
        "tgt_lines": ";".join(map(str, side_lines(doc.tgt, bead.tgt))),
        "src_text": side_text(doc.src, bead.src),
        "tgt_text": side_text(doc.tgt, bead.tgt),
        # a similarity means nothing when one side is empty
        "similarity": bead.similarity if bead.src and bead.tgt else None,
        "severity": severity.value if severity else "",
        "flags": ";".join(f.type for f in flags),
        "messages": " | ".join(f.message for f in flags),
        "waived": ";".join(f.type for f in flags if f.waived),
    }
