"""The report formats ``--format`` and ``settings.formats`` name, and which file each writes.

``html`` and ``json`` write one file per document plus a run file
(``index.html``, ``summary.json``); every other format writes one file for the
whole run. Every format except ``html`` can also be rendered as text, for
standard output (``json`` then gives the run summary).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from aligner.changes import WorkTrees
from aligner.errors import ConfigError
from aligner.models import RunResult
from aligner.report.codequality_report import render_codequality, write_codequality
from aligner.report.csv_report import render_csv, write_csv, write_tsv
from aligner.report.json_report import dumps, run_to_dict
from aligner.report.junit_report import render_junit, write_junit
from aligner.report.markdown_report import render_markdown, write_markdown
from aligner.report.sarif_report import render_sarif, write_sarif
from aligner.report.tmx_report import render_tmx, write_tmx
from aligner.report.xliff_report import render_xliff, write_xliff

FORMATS = ("html", "json", "csv", "tsv", "md", "junit", "sarif", "codequality", "tmx", "xliff")
# Other names users type for the same formats (file extensions, spelled out, the CI).
ALIASES = {
    "markdown": "md",
    "xlf": "xliff",
    "htm": "html",
    "xml": "junit",
    "gitlab": "codequality",
}
DOCUMENT_FORMATS = ("html", "json")


@dataclass(frozen=True)
class RunFormat:
    """A format written as one file per run."""

    name: str
    filename: str
    write: Callable[[RunResult, Path], None]
    render: Callable[[RunResult], str]


RUN_FORMATS = {
    f.name: f
    for f in (
        RunFormat("csv", "alignments.csv", write_csv, render_csv),
        RunFormat("tsv", "alignments.tsv", write_tsv, lambda run: render_csv(run, sep="\t")),
        RunFormat("md", "summary.md", write_markdown, render_markdown),
        RunFormat("junit", "junit.xml", write_junit, render_junit),
        RunFormat("sarif", "results.sarif", write_sarif, render_sarif),
        RunFormat(
            "codequality", "gl-code-quality-report.json", write_codequality, render_codequality
        ),
        RunFormat("tmx", "alignments.tmx", write_tmx, render_tmx),
        RunFormat("xliff", "alignments.xlf", write_xliff, render_xliff),
    )
}


def check_formats(formats: Sequence[str]) -> tuple[str, ...]:
    """The requested formats, validated, aliases resolved (``markdown`` is ``md``),
    duplicates dropped, order kept.

    Raises:
        ConfigError: A name is not one of :data:`FORMATS` or :data:`ALIASES`, or
            none is given.
    """
    formats = [ALIASES.get(f.lower(), f.lower()) for f in formats]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ConfigError(
            f"unknown report format {', '.join(map(repr, unknown)) or '(none given)'}: "
            f"choose from {', '.join(FORMATS)} (--format or 'formats' in the config)"
        )
    return tuple(dict.fromkeys(formats))


def render_run(run: RunResult, fmt: str) -> str:
    """One run-level format as text, for standard output.

    Raises:
        ConfigError: ``fmt`` is ``html`` (one page per document) or unknown.
    """
    [fmt] = check_formats([fmt])  # "MD" and "markdown" are md
    if fmt == "json":
        return dumps(run_to_dict(run, trees=WorkTrees()))
    if fmt not in RUN_FORMATS:
        raise ConfigError(
            f"format {fmt!r} cannot be written to standard output; "
            f"choose one of json, {', '.join(RUN_FORMATS)}"
        )
    return RUN_FORMATS[fmt].render(run)
