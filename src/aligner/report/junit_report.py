"""JUnit XML of a run, for CI systems that show test results (GitLab, Jenkins,
Azure DevOps, GitHub test-report actions).

One ``<testcase>`` per checked document, named by its relative path: a
document that fails the QA gate gets a ``<failure type="gate">`` listing its
flags; a passing one lists any flags in ``<system-out>``. Waived flags never
fail a document; they are listed with a ``WAIVED`` prefix. Each input problem
(a file that could not be checked) is a test case with an ``<error
type="input">``. Each case's ``file`` names its English file (for an input
problem, the file itself) relative to the top of its git work tree, as a CI
system links it from the repository (see :class:`aligner.changes.WorkTrees`).
A run with nothing to check (``--changed-since`` when no
document changed) is one passing test case saying so: Jenkins' ``junit`` step and
other readers reject a file of no tests. No timings are written, so the file is
deterministic.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from aligner import __version__
from aligner.changes import WorkTrees
from aligner.io import write_atomic
from aligner.models import DocumentResult, Flag, InputProblem, RunResult
from aligner.report.common import count_line, flag_where, verdict
from aligner.report.xmlutil import element, serialize

SUITE = "aligner"
NOTHING_CHECKED = "no documents changed"


def render_junit(run: RunResult) -> str:
    """The run as JUnit XML text."""
    empty = not run.documents and not run.problems
    counts = {
        "tests": str(len(run.documents) + len(run.problems) or 1),
        "failures": str(sum(not d.passed for d in run.documents)),
        "errors": str(len(run.problems)),
    }
    root = element(None, "testsuites", attrib={"name": SUITE, **counts})
    suite = element(root, "testsuite", attrib={"name": SUITE, **counts, "skipped": "0"})
    properties = element(suite, "properties")
    element(properties, "property", attrib={"name": "signature", "value": run.signature})
    element(properties, "property", attrib={"name": "version", "value": __version__})
    trees = WorkTrees()
    for doc in run.documents:
        _document_case(suite, doc, trees.name(doc.pair.src_path))
    for problem in run.problems:
        _problem_case(suite, problem, trees.name(Path(problem.path)))
    if empty:
        case = element(suite, "testcase", attrib={"classname": SUITE, "name": NOTHING_CHECKED})
        why = "No document was checked: none changed since the --changed-since revision."
        element(case, "system-out", why)
    return serialize(root)


def write_junit(run: RunResult, path: Path) -> None:
    """Write the run as JUnit XML atomically.

    Args:
        run: The checked documents and the files that could not be checked.
        path: Where to write; parent folders are created.
    """
    write_atomic(path, render_junit(run))


def _waived(flag: Flag) -> str:
    """``WAIVED (the editor's reason) ``: what a reviewer of the CI log needs to know."""
    if not flag.waived:
        return ""
    return f"WAIVED ({flag.waiver_reason}) " if flag.waiver_reason else "WAIVED (no reason given) "


def _document_case(suite: ET.Element, doc: DocumentResult, file: str) -> None:
    case = element(
        suite, "testcase", attrib={"classname": SUITE, "name": doc.pair.name, "file": file}
    )
    # the worst first: a CI log shows the top of the failure text (errors before a
    # caption's info line)
    ranked = sorted(doc.flags, key=lambda flag: -flag.severity.rank)
    lines = [
        f"{_waived(flag)}{flag.severity.value.upper()} {flag.type} "
        f"{flag_where(doc, flag)}: {flag.message}"
        for flag in ranked
    ]
    if doc.passed:
        if lines:
            element(case, "system-out", "\n".join(lines))
        return
    why = "; ".join(doc.failures)
    message = f"{verdict(doc)}: {why} (score {doc.score:.4f}; {count_line(doc.flags)})"
    element(case, "failure", "\n".join(lines), attrib={"type": "gate", "message": message})


def _problem_case(suite: ET.Element, problem: InputProblem, file: str) -> None:
    attrib = {"classname": f"{SUITE}.input", "name": problem.path, "file": file}
    case = element(suite, "testcase", attrib=attrib)
    element(case, "error", problem.message, attrib={"type": "input", "message": problem.message})
