"""The ``aligner`` command line: a thin layer over :mod:`aligner.api`."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import IntEnum
from pathlib import Path
from typing import Any

import click

from aligner import __version__
from aligner.config import Settings, find_config_file, load_config_file, make_settings
from aligner.errors import AlignerError

DEFAULTS = Settings()


class ExitStatus(IntEnum):
    PASSED = 0
    GATE_FAILED = 1
    ERROR = 2


@contextmanager
def _errors(traceback: bool) -> Iterator[None]:
    """Library errors become one-line messages and exit code 2, in one place."""
    try:
        yield
    except AlignerError as exc:
        if traceback:
            raise
        click.echo(f"aligner: error: {exc}", err=True)
        sys.exit(ExitStatus.ERROR)


def _settings(config: Path | None, **cli: Any) -> Settings:
    path = config or find_config_file(Path.cwd())
    base = make_settings(load_config_file(path)) if path else Settings()
    return make_settings({k: v for k, v in cli.items() if v is not None}, base)


def _common(command: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option(
            "--model",
            help=f"Bundled '{DEFAULTS.model}' or a sentence-transformers "
            "model name (from the local cache) or path.",
        ),
        click.option("--encoding", help="Input encoding: auto (default), utf-8, utf-16, cp949."),
        click.option(
            "--presegmented",
            is_flag=True,
            default=None,
            help="Treat each input line as one sentence.",
        ),
        click.option(
            "--config",
            "config",
            type=click.Path(path_type=Path, dir_okay=False),
            help="Config file (default: aligner.toml or [tool.aligner] in "
            "pyproject.toml, searched upwards).",
        ),
        click.option("--traceback", is_flag=True, help="Show the full error on failure."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="aligner")
def main() -> None:
    """Align English and Korean news stories sentence by sentence and flag
    translation problems (missing or extra sentences, truncation,
    mistranslation, changed numbers, reordering)."""


@main.command()
@click.argument("src", type=click.Path(path_type=Path))
@click.argument("tgt", type=click.Path(path_type=Path))
@click.option(
    "--report-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help=f"Where reports go (default: {DEFAULTS.report_dir}/).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    help=f"Fail on flags of this severity or worse (default: {DEFAULTS.fail_on}).",
)
@click.option("--min-score", type=float, help="Fail a document scoring below this (0-1).")
@click.option("--exit-zero", is_flag=True, help="Report, but exit 0 even if the gate fails.")
@click.option("-q", "--quiet", is_flag=True, help="Print only the verdict line.")
@_common
def check(
    src: Path,
    tgt: Path,
    report_dir: Path | None,
    fail_on: str | None,
    min_score: float | None,
    exit_zero: bool,
    quiet: bool,
    model: str | None,
    encoding: str | None,
    presegmented: bool | None,
    config: Path | None,
    traceback: bool,
) -> None:
    """Check SRC (English) against TGT (Korean): two files, or two directories
    paired by relative path. Writes HTML and JSON reports; exits 0 if the QA gate
    passes, 1 if it fails, 2 on bad input."""
    from aligner import api

    with _errors(traceback):
        settings = _settings(
            config,
            model=model,
            encoding=encoding,
            presegmented=presegmented,
            report_dir=report_dir,
            fail_on=fail_on,
            min_score=min_score,
        )
        run = api.check_paths(
            src,
            tgt,
            settings=settings,
            progress=None if quiet else lambda pair: click.echo(f"checking {pair.name}", err=True),
        )
        written = api.write_reports(run, settings=settings)
    for line in _summary_lines(run, quiet):
        click.echo(line)
    click.echo(f"reports: {written[-1]}" if written else "reports: none")
    if not run.documents:
        sys.exit(ExitStatus.ERROR)
    sys.exit(ExitStatus.PASSED if run.passed or exit_zero else ExitStatus.GATE_FAILED)


def _summary_lines(run: Any, quiet: bool) -> Iterator[str]:
    for doc in [] if quiet else run.documents:
        worst = {f.severity.value for f in doc.flags}
        counts = (
            ", ".join(
                f"{sum(f.severity.value == s for f in doc.flags)} {s}"
                for s in ("error", "warning", "info")
                if s in worst
            )
            or "no flags"
        )
        verdict = "PASS" if doc.passed else "FAIL"
        yield f"{verdict}  {doc.pair.name}  score {doc.score:.3f}  ({counts})"
        for flag in doc.flags:
            if flag.severity.value != "info":
                yield f"    {flag.severity.value}: {flag.type}: {flag.message}"
    for problem in run.problems:
        yield f"INPUT {problem.path}: {problem.message}"
    verdict = "passed" if run.passed else "FAILED"
    yield (
        f"{verdict}: {sum(d.passed for d in run.documents)}/{len(run.documents)} documents "
        f"passed, {len(run.problems)} input problem(s)  [{run.signature}]"
    )


@main.command()
@click.argument("src", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("tgt", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "ladder"]),
    default="json",
    show_default=True,
    help="JSON report of the pair, or vecalign-style ladder lines.",
)
@_common
def align(
    src: Path,
    tgt: Path,
    fmt: str,
    model: str | None,
    encoding: str | None,
    presegmented: bool | None,
    config: Path | None,
    traceback: bool,
) -> None:
    """Align one SRC file with one TGT file and print the alignment (with QA
    flags in JSON) to standard output."""
    from aligner import api, report
    from aligner.models import DocumentPair

    with _errors(traceback):
        settings = _settings(config, model=model, encoding=encoding, presegmented=presegmented)
        encoder = api.load_encoder(settings.model)
        src_doc = api.load_document(src, settings.src_lang, settings=settings)
        tgt_doc = api.load_document(tgt, settings.tgt_lang, settings=settings)
        result = api.check_documents(
            src_doc, tgt_doc, DocumentPair(src.name, src, tgt), encoder=encoder, settings=settings
        )
    if fmt == "ladder":
        for bead in result.beads:
            click.echo(f"{list(bead.src)}:{list(bead.tgt)}:{bead.similarity:.3f}")
    else:
        signature = api.make_signature(settings, encoder.name)
        data = report.document_to_dict(result, signature=signature)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
