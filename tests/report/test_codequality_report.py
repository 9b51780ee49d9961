"""GitLab Code Quality: the issues GitLab's parser accepts, one per live flag, at the
sentence it is about, with fingerprints that stay put and never collide."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from report_samples import document, failing_doc, passing_doc, sample_run, waived_run

from aligner.cli import main
from aligner.models import DocumentPair, DocumentResult, Flag, RunResult, Severity
from aligner.report import render_codequality, run_to_codequality, write_codequality
from aligner.waivers import flag_fingerprint
from conftest import SEED_EN, SEED_KO

# GitLab drops an issue its parser's schema rejects (app/validators/json_schemas/
# codeclimate.json: these four required), sorts by these severities, and shows the
# path from the repository's top and the line.
ISSUE = {
    "type": "object",
    "required": ["description", "check_name", "fingerprint", "severity", "location"],
    "properties": {
        "description": {"type": "string", "minLength": 1},
        "check_name": {"type": "string", "minLength": 1},
        "fingerprint": {"type": "string", "minLength": 1},
        "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
        "location": {
            "type": "object",
            "required": ["path", "lines"],
            "properties": {
                "path": {"type": "string", "pattern": "^[^/.]"},
                "lines": {
                    "type": "object",
                    "required": ["begin"],
                    "properties": {"begin": {"type": "integer", "minimum": 1}},
                },
            },
        },
    },
}


def _valid(issues: list[dict[str, Any]]) -> list[dict[str, Any]]:
    jsonschema.Draft202012Validator({"type": "array", "items": ISSUE}).validate(issues)
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints)  # GitLab keeps one per fingerprint
    return issues


def test_one_issue_per_flag_and_input_problem_at_its_sentence() -> None:
    run = sample_run()
    issues = _valid(run_to_codequality(run))
    doc = run.documents[1]
    # the caption (boilerplate) of the passing document is a line set aside, no issue
    assert [(i["check_name"], i["severity"]) for i in issues] == [
        ("missing", "major"),
        ("number_mismatch", "minor"),
        ("truncated", "major"),
        ("reordered", "minor"),
        ("extra", "major"),
        ("mistranslation", "major"),
        ("input-problem", "critical"),
    ]
    where = [(i["location"]["path"], i["location"]["lines"]["begin"]) for i in issues]
    assert where == [
        ("corpus/en/politics/budget.txt", 6),  # an English sentence the Korean lacks
        ("corpus/ko/politics/budget.txt", 4),  # a changed number: the translation's
        ("corpus/ko/politics/budget.txt", 4),
        ("corpus/ko/politics/budget.txt", 2),
        ("corpus/ko/politics/budget.txt", 6),
        ("corpus/ko/politics/budget.txt", 7),
        ("corpus/en/scan.txt", 1),
    ]
    assert issues[0]["description"] == "EN line 6 has no KO counterpart"
    assert [i["fingerprint"] for i in issues[0:6]] == [
        flag_fingerprint(doc, flag) for flag in doc.flags
    ]


def test_waived_flags_are_left_out() -> None:
    # all but the passing document's caption, which is boilerplate and no issue either
    assert _valid(run_to_codequality(waived_run())) == []


def test_a_flag_repeated_word_for_word_gets_its_own_fingerprint() -> None:
    doc = failing_doc()
    twice = Flag("missing", Severity.ERROR, (3,), (), "again")
    run = RunResult(documents=[replace(doc, flags=(*doc.flags, twice))])
    issues = _valid(run_to_codequality(run))
    first = flag_fingerprint(doc, twice)
    assert [i["fingerprint"] for i in issues if i["check_name"] == "missing"] == [
        first,
        f"{first}:2",
    ]


def test_fingerprints_ignore_lines_and_output_is_deterministic(tmp_path: Path) -> None:
    """A sentence inserted above a flag moves its line, not its fingerprint: GitLab
    must not show it as a new finding and the old one as fixed."""
    space = Flag("whitespace", Severity.INFO, (1,), (), "a doubled space")
    doc = replace(passing_doc(), flags=(space,))
    moved = replace(
        doc.src, sentences=tuple(replace(s, line=s.line + 5) for s in doc.src.sentences)
    )
    [before] = run_to_codequality(RunResult(documents=[doc]))
    [after] = run_to_codequality(RunResult(documents=[replace(doc, src=moved)]))
    assert after["location"]["lines"]["begin"] == before["location"]["lines"]["begin"] + 5
    assert after["fingerprint"] == before["fingerprint"]
    write_codequality(sample_run(), tmp_path / "a.json")
    write_codequality(sample_run(), tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert json.loads((tmp_path / "a.json").read_text("utf-8")) == run_to_codequality(sample_run())
    assert render_codequality(RunResult()) == "[]\n"


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_paths_are_named_from_the_top_of_their_work_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    monkeypatch.chdir(repo / ".git")  # a job run anywhere, with absolute paths
    src = document(str(repo / "corpus/en/a.txt"), "en", ["Cut, ."])
    tgt = document(str(repo / "corpus/ko/a.txt"), "ko", ["잘렸다."])
    flag = Flag("truncated", Severity.ERROR, (0,), (0,), "cut", subject="src")
    pair = DocumentPair("a.txt", src.path, tgt.path)
    run = RunResult(documents=[DocumentResult(pair, src, tgt, (), (flag,), 0.0)])
    [issue] = _valid(run_to_codequality(run))
    assert issue["location"] == {"path": "corpus/en/a.txt", "lines": {"begin": 1}}


def test_check_prints_it_for_gitlab(tmp_path: Path) -> None:
    args = ["check", str(SEED_EN), str(SEED_KO), "--format", "gitlab", "--report-dir", "-"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.stderr
    issues = _valid(json.loads(result.stdout))
    assert [i["check_name"] for i in issues if i["severity"] == "major"] == ["truncated"]
