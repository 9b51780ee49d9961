"""The ``aligner`` command line: a thin layer over :mod:`aligner.api`."""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import shutil
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from enum import IntEnum
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

import click

from aligner import __version__
from aligner.config import (
    RANGES,
    Settings,
    encoding_problem,
    find_config_file,
    load_config_file,
    make_settings,
)
from aligner.errors import AlignerError, ConfigError
from aligner.io import printable

if TYPE_CHECKING:  # models pulls in numpy: keep `aligner --help` fast
    from aligner.calibration import Calibration
    from aligner.models import Document, DocumentPair, DocumentResult, Flag, RunResult

DEFAULTS = Settings()
# expected precision or recall below this: the model cannot check for mistranslations
POOR_SEPARATION = 0.8
# a calibrated threshold that moves more than this over resamples of its pairs
UNSTABLE_SPREAD = 0.05


class ExitStatus(IntEnum):
    PASSED = 0
    GATE_FAILED = 1
    ERROR = 2
    INTERRUPTED = 128 + signal.SIGINT  # 130, as shells report Ctrl-C
    TERMINATED = 128 + signal.SIGTERM  # 143


class _Interrupted(KeyboardInterrupt):
    """SIGTERM delivered as an exception, so that ``finally`` blocks and
    :func:`aligner.io.write_atomic` clean up exactly as they do for Ctrl-C."""


def _raise_interrupted(signum: int, frame: FrameType | None) -> None:
    raise _Interrupted(signum)


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Turn SIGTERM into :class:`_Interrupted` while a command runs (the default
    action would kill the process mid-write, leaving a temp file behind)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return
    previous = signal.signal(signal.SIGTERM, _raise_interrupted)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class _UsageError(click.UsageError):
    """A command-line mistake in one line, like every other input error (click's own
    shows the usage, a hint and the error on four)."""

    def __init__(self, message: str, command: str) -> None:
        super().__init__(message)
        self.command = command

    def show(self, file: Any = None) -> None:
        message = printable(self.format_message())
        click.echo(f"{self.command}: error: {message} (see '{self.command} --help')", err=True)


@contextmanager
def _one_line_usage(group: click.Context | None = None) -> Iterator[None]:
    """Re-raise click's usage errors as :class:`_UsageError`; ``group`` names the
    subcommand being parsed when click's error does not (a missing option value)."""
    try:
        yield
    except click.UsageError as exc:
        if isinstance(exc, _UsageError):
            raise
        if exc.ctx is not None:
            command = exc.ctx.command_path
        elif group is not None and group.invoked_subcommand:
            command = f"{group.command_path} {group.invoked_subcommand}"
        else:
            command = "aligner"
        raise _UsageError(exc.format_message(), command) from None


class _Group(click.Group):
    """Ctrl-C and SIGTERM end a command with one line and exit code 130 / 143
    (click alone would print "Aborted!" and exit 1, which means "gate failed");
    usage errors take one line."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        with _one_line_usage():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with _sigterm_as_interrupt(), _one_line_usage(ctx):
                return super().invoke(ctx)
        except KeyboardInterrupt as exc:
            click.echo("aligner: interrupted", err=True)
            terminated = isinstance(exc, _Interrupted)
            sys.exit(ExitStatus.TERMINATED if terminated else ExitStatus.INTERRUPTED)


@contextmanager
def _errors(traceback: bool) -> Iterator[None]:
    """Library errors become one-line messages and exit code 2, in one place."""
    try:
        yield
    except AlignerError as exc:
        if traceback:
            raise
        click.echo(f"aligner: error: {printable(str(exc))}", err=True)
        sys.exit(ExitStatus.ERROR)


def _warn(message: str) -> None:
    click.echo(f"aligner: warning: {message}", err=True)


def _settings(config: Path | None, **cli: Any) -> Settings:
    # every name in ``cli`` must be a setting (or no_cache): commands pass their other
    # options by name, so that a new setting needs only its click option
    from aligner import report

    path = _config_path(config)
    try:
        base = make_settings(load_config_file(path)) if path else Settings()
        report.check_formats(base.formats)  # here, to name the file that sets them
    except ConfigError as exc:
        text = str(exc)
        named = text if path is None or text.startswith(str(path)) else f"{path}: {text}"
        raise ConfigError(named) from None
    if cli.pop("no_cache", False):
        cli["cache"] = False
    if "exclude" in cli:  # a repeated option: adds to the config's globs
        cli["exclude"] = (*base.exclude, *cli["exclude"]) if cli["exclude"] else None
    return make_settings({k: v for k, v in cli.items() if v is not None}, base)


def _config_path(config: Path | None) -> Path | None:
    """The config file a command reads: ``--config``, else the nearest one upwards; when
    that folder has both, the user hears which one is read."""
    if config is not None:
        return config
    found = find_config_file(Path.cwd())
    pyproject = found.parent / "pyproject.toml" if found else None
    if found and found.name == "aligner.toml" and pyproject and pyproject.is_file():
        with suppress(ConfigError):  # a pyproject.toml it does not read at all
            if load_config_file(pyproject):
                _warn(
                    f"{printable(found)} is read and the [tool.aligner] of "
                    f"{printable(pyproject)} beside it is not: keep the settings in one of them"
                )
    return found


def _validate_encoding_option(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    if value is not None and (problem := encoding_problem(value)) is not None:
        raise click.BadParameter(problem.removeprefix("an "), ctx, param)
    return value


def _count_type(key: str) -> click.IntRange:
    """A click type for the count setting ``key``, with its range from :data:`RANGES`."""
    low, high = RANGES[key]
    return click.IntRange(int(low), None if high is None else int(high))


def _common(command: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option(
            "--model",
            help=f"Bundled '{DEFAULTS.model}' ('{DEFAULTS.model}-fp32': without int8) or a "
            "sentence-transformers model name (from the local cache) or path.",
        ),
        click.option(
            "--encoding",
            callback=_validate_encoding_option,
            help="Input encoding: auto (default; detects UTF-8, UTF-16, UTF-32 with a "
            "byte-order mark and CP949), a Python codec name such as utf-8, utf-16, "
            "cp949, euc-kr, or one per language, e.g. en=cp1252 (the other side: auto).",
        ),
        click.option(
            "--src-lang",
            metavar="LANG",
            help=f"Language of SRC, the original (default: {DEFAULTS.src_lang}; ko for a desk "
            "translating Korean, with --tgt-lang en).",
        ),
        click.option(
            "--tgt-lang",
            metavar="LANG",
            help=f"Language of TGT, the translation (default: {DEFAULTS.tgt_lang}).",
        ),
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
        click.option(
            "--cache-dir",
            type=click.Path(path_type=Path, file_okay=False),
            help="Cache of embeddings and document results (default: "
            "$XDG_CACHE_HOME/aligner or ~/.cache/aligner).",
        ),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the cache."),
        click.option("--traceback", is_flag=True, help="Show the full error on failure."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="aligner")
def main() -> None:
    """Align English and Korean news stories sentence by sentence and flag
    translation problems (missing or extra sentences, truncation,
    mistranslation, changed numbers, reordering)."""


@main.command()
@click.argument("src", type=click.Path(path_type=Path))
@click.argument("tgt", type=click.Path(path_type=Path), required=False)
@click.option(
    "--report-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help=f"Where reports go (default: {DEFAULTS.report_dir}/); - prints one report "
    "to standard output.",
)
@click.option(
    "--format",
    "formats",
    metavar="LIST",
    callback=lambda ctx, param, value: value and tuple(v.strip() for v in value.split(",")),
    help="Report formats, comma-separated: html, json, csv, tsv, md, junit, sarif, "
    f"codequality (GitLab), tmx, xliff (default: {','.join(DEFAULTS.formats)}).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    help=f"Fail on flags of this severity or worse (default: {DEFAULTS.fail_on}).",
)
@click.option(
    "--min-score",
    type=click.FloatRange(*RANGES["min_score"]),
    metavar="FLOAT",
    help="Fail a document scoring below this.",
)
@click.option(
    "--max-missing",
    type=_count_type("max_missing"),
    metavar="N",
    help="Fail a document with more than N source sentences left untranslated.",
)
@click.option(
    "--max-extra",
    type=_count_type("max_extra"),
    metavar="N",
    help="Fail a document with more than N translated sentences without a source sentence.",
)
@click.option("--exit-zero", is_flag=True, help="Report, but exit 0 even if the gate fails.")
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="Print only input problems, the verdict of the run and where the reports are.",
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Name each document as it is checked (a terminal shows a progress line anyway).",
)
@click.option(
    "--changed-since",
    metavar="REV",
    help="Check only documents whose EN or KO file changed in git since REV "
    "(e.g. origin/main), untracked files included; all of them when the config, "
    "waiver or glossary file changed.",
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="Leave out the files whose path in the tree matches GLOB (world/*-en-only.txt, "
    "drafts/**); repeatable, added to the config's exclude.",
)
@click.option(
    "--annotations",
    type=click.Choice(["github"]),
    help="Also print error and warning flags as GitHub Actions annotations.",
)
@click.option(
    "-j",
    "--jobs",
    type=_count_type("jobs"),
    metavar="N",
    help="Worker processes for many documents (default: 0, one per CPU core).",
)
@click.option(
    "--glossary",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Terminology glossary, CSV or TSV with the header en,ko,forbidden.",
)
@click.option(
    "--waivers",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Waiver file (JSON) of accepted flags: reported as waived, never failing.",
)
@click.option(
    "--update-waivers",
    is_flag=True,
    help="Rewrite the --waivers file to accept every flag that now fails the gate, "
    "keeping the reasons of matching waivers and dropping stale ones.",
)
@_common
def check(
    src: Path,
    tgt: Path | None,
    *,
    exit_zero: bool,
    quiet: bool,
    verbose: bool,
    changed_since: str | None,
    annotations: str | None,
    update_waivers: bool,
    config: Path | None,
    traceback: bool,
    **options: Any,
) -> None:
    """Check SRC, the original (English unless --src-lang), against TGT, its
    translation (Korean unless --tgt-lang): two files, or two directories paired by
    relative path; or, TGT left out, one directory (or source file) whose file names
    carry the language: story.en.txt / story.ko.txt. Writes
    reports (HTML and JSON by default); exits 0 if the QA gate passes, 1 if it
    fails, 2 on bad input."""
    from aligner import api

    with _errors(traceback):
        settings = _settings(config, **options)
        to_stdout = api.stdout_format(settings)  # checks the formats; "-": print one
        if to_stdout is None:
            api.check_report_dir(settings)  # fail now, not after checking every document
        only = _changed(src, tgt, changed_since, settings, _config_path(config))
        with _progress(quiet=quiet, verbose=verbose) as progress:
            run = api.check_paths(
                src,
                tgt,
                settings=settings,
                progress=progress,
                only=only,
                warn=_warn,
                update_waivers=update_waivers,
            )
        written = [] if to_stdout else api.write_reports(run, settings=settings)
        # a run of the changed documents leaves the others' reports, still current, and
        # one that could check nothing (exit 2) leaves the last good run's
        full = only is None and run.documents
        removed = (
            api.remove_stale_reports(written, settings=settings, inputs=(src, tgt)) if full else []
        )
        text = api.render_report(run, to_stdout) if to_stdout else None
    notes = [
        *_removed_notes(removed, settings.report_dir),
        *_waiver_notes(run, settings.waivers, update_waivers),
        *_swap_notes(run),
        *_unrelated_notes(run),
    ]
    _print_outcome(
        run, text, written, notes, quiet=quiet, annotations=annotations, fail_on=settings.fail_on
    )
    # a corpus of which nothing could be checked is bad input; a --changed-since
    # selection holding only unreadable or unpaired files fails like a full run's would
    if not run.documents and only is None:
        sys.exit(ExitStatus.ERROR)
    sys.exit(ExitStatus.PASSED if run.passed or exit_zero else ExitStatus.GATE_FAILED)


def _print_outcome(
    run: RunResult,
    text: str | None,
    written: list[Path],
    notes: list[str],
    *,
    quiet: bool,
    annotations: str | None,
    fail_on: str,
) -> None:
    """The summary (on stderr when stdout holds the report) and notes, then the
    report or where the reports went."""
    echo = functools.partial(click.echo, err=text is not None)
    for line in _summary_lines(run, quiet, show_info=fail_on == "info"):
        echo(line)
    for line in github_annotations(run) if annotations == "github" else ():
        echo(line)
    for line in notes:
        click.echo(line, err=True)
    if text is not None:
        click.echo(text, nl=False)
    else:
        click.echo(f"reports: {_reports_line(written)}")


def _reports_line(written: list[Path]) -> str:
    """The run's index page, else its folder and the run's own report files, not one
    per document: with ``md,sarif`` the line named ``summary.md`` alone, and with
    ``sarif,md`` ``results.sarif`` alone."""
    from aligner.report import RUN_FORMATS

    if not written:
        return "none"
    if written[-1].name == "index.html":
        return printable(written[-1])
    run_files = {"summary.json", *(f.filename for f in RUN_FORMATS.values())}
    root = min((p.parent for p in written), key=lambda p: len(p.parts))
    names = sorted(p.name for p in written if p.parent == root and p.name in run_files)
    return f"{printable(root)} ({', '.join(names)})"


@contextmanager
def _progress(*, quiet: bool, verbose: bool) -> Iterator[Callable[[DocumentPair], None] | None]:
    """A self-erasing count of checked documents on a terminal; elsewhere (CI logs,
    pipes) a line per document with --verbose, else nothing."""
    if verbose and not quiet:
        yield lambda pair: click.echo(f"checking {pair.name}", err=True)
        return
    if quiet or not sys.stderr.isatty():
        yield None
        return
    done = 0
    width = shutil.get_terminal_size().columns - 1

    def show(pair: DocumentPair) -> None:
        nonlocal done
        done += 1
        click.echo(f"\r\x1b[K{f'{done} checked: {pair.name}'[:width]}", nl=False, err=True)

    try:
        yield show
    finally:
        if done:
            click.echo("\r\x1b[K", nl=False, err=True)


def _changed(
    src: Path, tgt: Path | None, rev: str | None, settings: Settings, config: Path | None
) -> set[str] | None:
    """The documents ``--changed-since REV`` checks, or None for all of them: also
    when the config, waiver or glossary file changed, which can change any verdict."""
    from aligner import api

    if rev is None:
        return None
    only = api.changed_documents(src, tgt, rev, settings=settings)
    if changed := api.changed_settings_files(rev, [config, settings.waivers, settings.glossary]):
        names = ", ".join(printable(path) for path in changed)
        click.echo(f"aligner: {names} changed since {rev}: checking every document", err=True)
        return None
    if not only:
        click.echo(f"aligner: no document changed since {rev}", err=True)
    return only


def _swap_notes(run: RunResult) -> Iterator[str]:
    """A hint when the sides look swapped: the flood of untranslated flags that
    ``check ko en`` raises does not say so by itself."""
    from aligner.qa.untranslated import script_profile

    def latin_share(doc: Document) -> float:
        # the opening of a story tells its script; whole texts took a second a 1,000 pairs
        opening = " ".join(s.text for s in doc.sentences[:20])[:2000]
        return script_profile(opening).latin_share

    swapped = [
        d
        for d in run.documents
        if (d.src.lang, d.tgt.lang) == ("en", "ko")
        and latin_share(d.src) < 0.2
        and latin_share(d.tgt) > 0.8
    ]
    if swapped:
        yield (
            f"aligner: warning: {len(swapped)} of {len(run.documents)} document(s) have "
            "Korean on the English side and English on the Korean side: are SRC and TGT "
            "swapped? (aligner check EN KO); a desk whose source is Korean sets "
            'src_lang = "ko" and tgt_lang = "en" in its config (aligner.toml or --config), '
            "or runs aligner check --src-lang ko --tgt-lang en KO EN"
        )


def _unrelated_notes(run: RunResult) -> Iterator[str]:
    """A hint when a translation is of another story: its flags (mistranslations,
    gaps, numbers) do not say so by themselves."""
    unrelated = [
        printable(doc.pair.name)
        for doc in run.documents
        if (pairs := sum(1 for b in doc.beads if b.src and b.tgt)) >= 3
        # a negation one side lost is one word of a good translation: not counted
        and 2 * sum(1 for f in doc.flags if f.type == "mistranslation" and not f.subject) >= pairs
    ]
    if unrelated:
        names = ", ".join(unrelated[:3]) + (", ..." if len(unrelated) > 3 else "")
        yield (
            f"aligner: warning: {len(unrelated)} of {len(run.documents)} document(s) pair "
            f"unrelated sentences at least half the time ({names}): is the Korean file the "
            "translation of another story?"
        )


def _removed_notes(removed: list[Path], root: Path) -> Iterator[str]:
    if removed:
        names = [printable(path.relative_to(root).as_posix()) for path in removed]
        listed = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
        yield (
            f"aligner: removed {len(removed)} report file(s) an earlier run wrote into "
            f"{printable(root)} and this one did not ({listed})"
        )


def _waiver_notes(run: RunResult, path: Path | None, updated: bool) -> Iterator[str]:
    if updated:
        waived = [f for d in run.documents for f in d.flags if f.waived]
        removed = len(run.removed_waivers)
        # a waiver nobody justified still passes the gate: say so where it is written
        unexplained = sum(not f.waiver_reason for f in waived)
        yield (
            f"aligner: wrote {path}: {len(waived)} flag(s) of this run waived"
            + (f"; {removed} stale waiver(s) removed" if removed else "")
            + (f"; fill in the 'reason' of {unexplained} of them" if unexplained else "")
        )
    if run.stale_waivers:
        named = [f"{w.document} {w.type}" for w in run.stale_waivers]
        listed = ", ".join(named[:3]) + (", ..." if len(named) > 3 else "")
        yield (
            f"aligner: {len(run.stale_waivers)} stale waiver(s) in {path} match no flag "
            f"({listed}; listed in the reports): remove them or run with --update-waivers"
        )


def _flag_lines(doc: DocumentResult, flag: Flag) -> str:
    """`` (EN 3, KO 3-4)``: the lines a flag names, so that a translator finds every
    flag in the file from the console, not only those whose message names a line."""
    from aligner.report.common import side_lines

    parts = []
    for side, indices in ((doc.src, flag.src), (doc.tgt, flag.tgt)):
        lines = sorted(set(side_lines(side, indices)))
        if lines:
            span = str(lines[0]) if len(lines) == 1 else f"{lines[0]}-{lines[-1]}"
            parts.append(f"{side.lang.upper()} {span}")
    return f" ({', '.join(parts)})" if parts else ""


def _counted(n: int, severity: str) -> str:
    """``2 errors``, ``1 warning``, ``3 info``."""
    return f"{n} {severity}" + ("s" if n != 1 and severity != "info" else "")


def _summary_lines(run: RunResult, quiet: bool, *, show_info: bool = False) -> Iterator[str]:
    """A line per document, why it fails the gate and its flags (info flags only when
    they can fail it), the input problems, and the verdict."""
    for doc in [] if quiet else run.documents:
        live = [f for f in doc.flags if not f.waived]
        worst = {f.severity.value for f in live}
        counts = [
            _counted(sum(f.severity.value == s for f in live), s)
            for s in ("error", "warning", "info")
            if s in worst
        ]
        counts += [f"{len(doc.flags) - len(live)} waived"] if len(live) < len(doc.flags) else []
        summary = ", ".join(counts) or "no flags"
        verdict = "PASS" if doc.passed else "FAIL"
        # rounded down: two errors in 5,000 pairs score 0.9996, which is no 1.000
        score = math.floor(doc.score * 1000 + 1e-9) / 1000
        yield f"{verdict}  {doc.pair.name}  score {score:.3f}  ({summary})"
        if doc.failures:
            yield f"    fails: {'; '.join(doc.failures)}"
        for flag in live:
            if flag.severity.value != "info" or show_info:
                where = _flag_lines(doc, flag)
                yield f"    {flag.severity.value}: {flag.type}{where}: {flag.message}"
    for problem in run.problems:
        yield f"INPUT {problem.path}: {problem.message}"
    passed = sum(d.passed for d in run.documents)
    problems = f"{len(run.problems)} input problem(s)"
    if run.problems and passed == len(run.documents):  # else the FAIL lines say why
        problems = f"but {problems} fail the run"
    excluded = f", {run.excluded} file(s) excluded" if run.excluded else ""
    yield (
        f"{'passed' if run.passed else 'FAILED'}: {passed}/{len(run.documents)} documents "
        f"passed, {problems}{excluded}  [{run.signature}]"
    )


@main.command()
@click.argument("src", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("tgt", type=click.Path(path_type=Path, dir_okay=False), required=False)
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
    src: Path, tgt: Path | None, *, fmt: str, config: Path | None, traceback: bool, **options: Any
) -> None:
    """Align one SRC file with one TGT file (left out: the file named like SRC with
    its language tag changed, story.en.txt -> story.ko.txt) and print the alignment
    (with QA flags in JSON) to standard output."""
    from aligner import api, report

    with _errors(traceback):
        settings = _settings(config, **options)
        [pair] = api.find_pairs(src, tgt, settings=settings).pairs
        encoder = api.open_encoder(settings, warn=_warn)
        if fmt == "json":  # the ladder shows no flags
            api.warn_uncalibrated(settings, encoder.name, _warn)
        src_doc = api.load_document(pair.src_path, settings.src_lang, settings=settings)
        tgt_doc = api.load_document(pair.tgt_path, settings.tgt_lang, settings=settings)
        result = api.check_documents(src_doc, tgt_doc, pair, encoder=encoder, settings=settings)
    if fmt == "ladder":
        for bead in result.beads:
            click.echo(f"{list(bead.src)}:{list(bead.tgt)}:{bead.similarity:.3f}")
    else:
        signature = api.make_signature(settings, encoder.name)
        data = report.document_to_dict(result, signature=signature)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))


@main.command()
@click.argument("src", type=click.Path(path_type=Path))
@click.argument("tgt", type=click.Path(path_type=Path), required=False)
@click.option(
    "--prior",
    type=click.FloatRange(0, 0.5, min_open=True),
    default=0.01,
    show_default=True,
    help="Share of aligned pairs expected to be mistranslations.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the measurements as JSON.")
@_common
def calibrate(
    src: Path,
    tgt: Path | None,
    *,
    prior: float,
    as_json: bool,
    config: Path | None,
    traceback: bool,
    **options: Any,
) -> None:
    """Measure the mistranslation threshold of a model (--model) on stories whose
    translations you trust, given as for check, and print the
    mistranslation_threshold line to put in aligner.toml."""
    from aligner import api

    with _errors(traceback):
        settings = _settings(config, **options)
        with _progress(quiet=False, verbose=False) as progress:
            result = api.calibrate_paths(
                src, tgt, settings=settings, prior=prior, progress=progress, warn=_warn
            )
    if as_json:
        click.echo(json.dumps(dataclasses.asdict(result), indent=2, sort_keys=True))
        return
    for line in _calibration_lines(result):
        click.echo(line)


def _calibration_lines(result: Calibration) -> Iterator[str]:
    def cosines(percentiles: dict[int, float]) -> str:
        return "  ".join(
            f"{'median' if p == 50 else f'p{p}'} {value:.3f}" for p, value in percentiles.items()
        )

    threshold, (low, high) = result.threshold, result.spread
    poor = min(threshold.precision, threshold.recall) < POOR_SEPARATION
    yield (
        f"calibrated {result.model} on {result.translations:,} aligned sentence pairs of "
        f"{result.documents:,} document(s)"
    )
    yield f"  translations      {cosines(result.translation_percentiles)}"
    yield (
        f"  unrelated pairs   {cosines(result.unrelated_percentiles)}  ({result.unrelated:,} "
        "made by replacing one side with a sentence of similar length from elsewhere)"
    )
    if result.suspect and not poor:
        yield (
            f"  about {result.suspect:,} of the pairs score like unrelated sentences "
            "(mistranslated or misaligned in the trusted stories): discounted"
        )
    yield (
        f"threshold {threshold.value:.3f} ({low:.3f} to {high:.3f} over resamples of the "
        f"pairs): expected precision {threshold.precision:.3f} and recall "
        f"{threshold.recall:.3f} when {result.prior * 100:g}% of aligned pairs are "
        f"mistranslations; {result.below:,} of the pairs score below it"
    )
    if poor:
        yield (
            f"warning: {result.model} hardly tells these translations from unrelated "
            "sentences: its mistranslation flags would be mostly wrong or missing"
        )
        return
    if high - low > UNSTABLE_SPREAD:
        yield (
            f"warning: {result.translations:,} pairs leave the threshold uncertain: "
            "calibrate on more stories (a few hundred pairs or more)"
        )
    from aligner.api import calibrated_threshold

    if (bundled := calibrated_threshold(result.model)) is not None:
        # a desk's trusted stories are fewer pairs than the benchmark the bundled value
        # comes from: a workflow tester's 803 gave 0.289 and two false errors
        yield (
            f"note: {result.model.split('@')[0]} ships with threshold {bundled:.3f}, measured on "
            "about 2,400 gold pairs of the benchmark (docs/benchmarks.md); replace it only with "
            "one measured on as many trusted pairs of your own"
        )
    yield "to use it, set in aligner.toml (or [tool.aligner] in pyproject.toml):"
    yield f"mistranslation_threshold = {threshold.value:.3f}"


def github_annotations(run: RunResult) -> Iterator[str]:
    """Error and warning flags as GitHub Actions workflow commands, one per line:
    ``::error file=en/a.txt,line=3,title=aligner%3A missing::message``. A flag points
    at the sentence it is about (:func:`aligner.report.common.flag_anchor`), named
    relative to the top of its git work tree."""
    from aligner.changes import WorkTrees
    from aligner.report.common import flag_anchor

    trees = WorkTrees()
    for doc in run.documents:
        for flag in doc.flags:
            if flag.severity.value == "info" or flag.waived:
                continue
            anchor = flag_anchor(doc, flag)
            if anchor is None:
                continue
            side, index = anchor
            props = {
                "file": trees.name(side.path),
                "line": str(side.sentences[index].line),
                "title": f"aligner: {flag.type}",
            }
            yield _workflow_command(flag.severity.value, props, flag.message)
    for problem in run.problems:
        yield _workflow_command("error", {"file": trees.name(Path(problem.path))}, problem.message)


def _workflow_command(command: str, props: dict[str, str], message: str) -> str:
    # Escaping as in GitHub's @actions/core (toCommandValue/escapeData/escapeProperty).
    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    fields = ",".join(f"{key}={prop(value)}" for key, value in props.items())
    return f"::{command} {fields}::{data(message)}"
