"""Choosing report formats: ``api.write_reports``, standard output, and ``check --format``."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pandas as pd
import pytest
from click.testing import CliRunner, Result
from referencing import Registry, Resource
from report_samples import sample_run

from aligner import api
from aligner.cli import main
from aligner.config import Settings
from aligner.errors import ConfigError
from aligner.report import FORMATS, check_formats, load_schema
from conftest import SEED_EN, SEED_KO

STORY = "onchon-party-officials.txt"
RUN_FILES = [
    "alignments.csv",
    "alignments.tsv",
    "summary.md",
    "junit.xml",
    "results.sarif",
    "gl-code-quality-report.json",
    "alignments.tmx",
    "alignments.xlf",
]


def _summary_validator() -> jsonschema.protocols.Validator:
    schema = load_schema()
    registry: Registry[Any] = Registry().with_resource(
        schema["$id"], Resource.from_contents(schema)
    )
    return jsonschema.Draft202012Validator(
        {"$ref": schema["$id"] + "#/$defs/summary"}, registry=registry
    )


def _invoke(*args: str | Path) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_check_formats_validates_and_dedupes() -> None:
    assert check_formats(["sarif", "html", "sarif"]) == ("sarif", "html")
    assert check_formats(["markdown", "MD", "xlf", "HTML"]) == ("md", "xliff", "html")
    with pytest.raises(ConfigError, match="unknown report format 'pdf'.*choose from html, json"):
        check_formats(["html", "pdf"])
    with pytest.raises(ConfigError, match="none given"):
        check_formats([])


def test_write_reports_writes_every_format(tmp_path: Path) -> None:
    settings = Settings(report_dir=tmp_path / "r", formats=FORMATS)
    written = api.write_reports(sample_run(), settings=settings)
    names = [p.relative_to(tmp_path / "r").as_posix() for p in written]
    assert names == [
        "sports/match.txt.json",
        "sports/match.txt.html",
        "politics/budget.txt.json",
        "politics/budget.txt.html",
        "summary.json",
        *RUN_FILES,
        "index.html",
    ]
    assert all(p.is_file() for p in written)


def test_summary_links_each_documents_reports(tmp_path: Path) -> None:
    settings = Settings(report_dir=tmp_path, formats=("json", "html"))
    api.write_reports(sample_run(), settings=settings)
    summary = json.loads((tmp_path / "summary.json").read_text("utf-8"))
    _summary_validator().validate(summary)
    assert summary["documents"][1]["report"] == {
        "json": "politics/budget.txt.json",
        "html": "politics/budget.txt.html",
    }


def test_only_the_chosen_formats_are_written(tmp_path: Path) -> None:
    settings = Settings(report_dir=tmp_path / "r", formats=("sarif", "md"))
    written = api.write_reports(sample_run(), settings=settings)
    assert [p.name for p in written] == ["results.sarif", "summary.md"]
    # and what they are, so that a later run can remove them if it writes others
    assert sorted(p.name for p in (tmp_path / "r").iterdir()) == [
        ".aligner-reports.json",
        ".aligner-reports.lock",
        "results.sarif",
        "summary.md",
    ]


def test_stdout_takes_exactly_one_run_level_format() -> None:
    stdout = Path("-")
    assert api.stdout_format(Settings(formats=("html", "json"))) is None
    assert api.stdout_format(Settings(report_dir=stdout, formats=("sarif",))) == "sarif"
    for formats in [("html",), ("html", "json"), ("csv", "md")]:
        with pytest.raises(ConfigError, match="prints one run-level format"):
            api.stdout_format(Settings(report_dir=stdout, formats=formats))
    with pytest.raises(ConfigError, match="standard output"):
        api.write_reports(sample_run(), settings=Settings(report_dir=stdout, formats=("md",)))


def test_json_on_stdout_is_the_run_summary() -> None:
    summary = json.loads(api.render_report(sample_run(), "json"))
    _summary_validator().validate(summary)
    with pytest.raises(ConfigError, match="cannot be written to standard output"):
        api.render_report(sample_run(), "html")


@pytest.fixture(scope="module")
def seed_all_formats(tmp_path_factory: pytest.TempPathFactory) -> tuple[Result, Path]:
    out = tmp_path_factory.mktemp("all-formats")
    result = _invoke("check", SEED_EN, SEED_KO, "--report-dir", out, "--format", ",".join(FORMATS))
    return result, out


def test_check_writes_every_format_of_the_seed_story(seed_all_formats: tuple[Result, Path]) -> None:
    result, out = seed_all_formats
    assert result.exit_code == 1  # the seed story has a truncated sentence
    assert result.stdout.splitlines()[-1] == f"reports: {out / 'index.html'}"
    assert {p.name for p in out.iterdir()} == {
        f"{STORY}.json",
        f"{STORY}.html",
        "summary.json",
        "index.html",
        ".aligner-reports.json",  # what the document reports hold, for re-runs
        ".aligner-reports.lock",  # taken while a run updates it
        *RUN_FILES,
    }
    for name in ("junit.xml", "alignments.tmx", "alignments.xlf"):
        ET.parse(out / name)  # well-formed
    table = pd.read_csv(out / "alignments.csv", encoding="utf-8-sig", keep_default_na=False)
    truncated = table[table["flags"].str.contains("truncated")]
    assert len(truncated) == 1 and truncated.iloc[0]["severity"] == "error"
    sarif = json.loads((out / "results.sarif").read_text("utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"] if r["level"] == "error"] == [
        "truncated"
    ]


def test_check_prints_one_format_to_stdout(tmp_path: Path) -> None:
    result = _invoke("check", SEED_EN, SEED_KO, "--format", "sarif", "--report-dir", "-")
    assert result.exit_code == 1
    log = json.loads(result.stdout)  # nothing but the report on stdout
    assert log["version"] == "2.1.0"
    assert "FAIL" in result.stderr and "reports:" not in result.stdout + result.stderr
    assert not (tmp_path / "-").exists() and not (tmp_path / "reports").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "html", "--report-dir", "-"], "prints one run-level format"),
        (["--report-dir", "-"], "not html,json: add --format with one of json, csv"),
        (["--format", "csv,pdf"], "unknown report format 'pdf'"),
    ],
)
def test_bad_format_choice_is_a_one_line_usage_error(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = _invoke("check", SEED_EN, SEED_KO, *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("aligner: error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""
    assert not (tmp_path / "reports").exists()


def test_formats_from_the_config_file_are_checked(tmp_path: Path) -> None:
    (tmp_path / "aligner.toml").write_text('formats = ["md", "docx"]\n')
    result = _invoke("check", SEED_EN, SEED_KO)
    assert result.exit_code == 2
    assert "unknown report format 'docx'" in result.stderr
