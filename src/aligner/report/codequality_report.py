"""GitLab Code Quality report of a run (``gl-code-quality-report.json``), which a
merge request's Code Quality widget compares with its target branch's report.

A JSON array of issues, the part of the Code Climate spec GitLab reads: one per
flag but ``boilerplate`` (see :func:`~aligner.report.common.findings`), with its
message as ``description``, its type as ``check_name``, its severity as GitLab's
(error -> ``major``, warning -> ``minor``, info -> ``info``) and as ``location``
the file and 1-based line of the sentence it is about
(:func:`~aligner.report.common.flag_anchor`, as SARIF and annotations), named from
the top of its git work tree, which is how GitLab resolves a path. Waived flags
are left out: GitLab has no state for an accepted finding, and a waiver accepts
it. A file that could not be checked is an issue ``input-problem`` (``critical``:
it fails the run whatever the gate) at its line 1.

``fingerprint``, by which GitLab tells a new finding from one the target branch
already has, is the flag's waiver fingerprint: stable while the flagged text is
unchanged, whatever lines move. GitLab keeps one issue per fingerprint, so a
second flag of the run with the same one (a sentence repeated word for word) gets
``<fingerprint>:2``, as SARIF numbers its ``partialFingerprints``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aligner.changes import WorkTrees
from aligner.io import write_atomic
from aligner.models import DocumentResult, Flag, InputProblem, RunResult, Severity
from aligner.report.common import findings, flag_anchor
from aligner.waivers import flag_fingerprint

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
INPUT_CHECK = "input-problem"
INPUT_SEVERITY = "critical"

Name = Callable[[Path], str]  # a corpus path as GitLab names it, for this run


def run_to_codequality(run: RunResult) -> list[dict[str, Any]]:
    """The run's live flags and input problems as Code Quality issues."""
    name = WorkTrees().name
    issues = [
        _flag_issue(doc, flag, name)
        for doc in run.documents
        for flag in findings(doc.flags)
        if not flag.waived
    ]
    issues += [_problem_issue(problem, name) for problem in run.problems]
    seen: Counter[str] = Counter()
    for issue in issues:
        seen[issue["fingerprint"]] += 1
        if seen[issue["fingerprint"]] > 1:
            issue["fingerprint"] += f":{seen[issue['fingerprint']]}"
    return issues


def render_codequality(run: RunResult) -> str:
    """The Code Quality report as deterministic JSON text."""
    issues = run_to_codequality(run)
    return json.dumps(issues, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_codequality(run: RunResult, path: Path) -> None:
    """Write the run as a GitLab Code Quality report atomically.

    Args:
        run: The checked documents and the files that could not be checked.
        path: Where to write; parent folders are created.
    """
    write_atomic(path, render_codequality(run))


def _flag_issue(doc: DocumentResult, flag: Flag, name: Name) -> dict[str, Any]:
    path, line = doc.src.path, 1  # a flag naming no sentence still points at the document
    if (anchor := flag_anchor(doc, flag)) is not None:
        side, index = anchor
        path, line = side.path, side.sentences[index].line
    return {
        "description": flag.message or flag.type,
        "check_name": flag.type,
        "fingerprint": flag_fingerprint(doc, flag),
        "severity": SEVERITIES[flag.severity],
        "location": {"path": name(path), "lines": {"begin": line}},
    }


def _problem_issue(problem: InputProblem, name: Name) -> dict[str, Any]:
    key = "\0".join([INPUT_CHECK, problem.path, problem.message]).encode("utf-8", "surrogatepass")
    return {
        "description": problem.message,
        "check_name": INPUT_CHECK,
        "fingerprint": hashlib.sha256(key).hexdigest()[:16],
        "severity": INPUT_SEVERITY,
        "location": {"path": name(Path(problem.path)), "lines": {"begin": 1}},
    }
