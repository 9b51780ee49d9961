"""JUnit XML: one test case per document, gate failures, input problems as errors."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from report_samples import IMG, SCRIPT, SIGNATURE, WAIVER_REASON, sample_run, waived_run

from aligner.models import RunResult
from aligner.report import render_junit, write_junit


@pytest.fixture()
def root(tmp_path: Path) -> ET.Element:
    write_junit(sample_run(), tmp_path / "junit.xml")
    return ET.parse(tmp_path / "junit.xml").getroot()


def test_suite_counts(root: ET.Element) -> None:
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "1", "1")
    suites = root.findall("testsuite")
    assert len(suites) == 1
    suite = suites[0]
    assert suite.attrib == {
        "name": "aligner",
        "tests": "3",
        "failures": "1",
        "errors": "1",
        "skipped": "0",
    }
    props = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert props["signature"] == SIGNATURE


def test_one_case_per_document_and_problem(root: ET.Element) -> None:
    cases = root.findall("testsuite/testcase")
    assert [(c.get("classname"), c.get("name")) for c in cases] == [
        ("aligner", "sports/match.txt"),
        ("aligner", "politics/budget.txt"),
        ("aligner.input", "corpus/en/scan.txt"),
    ]
    assert cases[1].get("file") == "corpus/en/politics/budget.txt"


def test_passing_document_lists_its_flags_as_output(root: ET.Element) -> None:
    case = root.findall("testsuite/testcase")[0]
    assert case.find("failure") is None and case.find("error") is None
    assert case.findtext("system-out") == (
        "INFO boilerplate EN corpus/en/sports/match.txt:2: caption"
    )


def test_failing_document_has_a_gate_failure_listing_every_flag(root: ET.Element) -> None:
    failure = root.findall("testsuite/testcase")[1].find("failure")
    assert failure is not None
    assert failure.get("type") == "gate"
    assert failure.get("message") == (
        "FAIL: 4 error flags (fail_on error); 2 EN sentences without counterpart, more than "
        "max_missing 1 (score 0.5000; 4 error, 2 warning, 0 info)"
    )
    lines = (failure.text or "").splitlines()
    assert len(lines) == 6
    assert (
        lines[0]
        == "ERROR missing EN corpus/en/politics/budget.txt:6: EN line 6 has no KO counterpart"
    )
    # the worst first: the errors, then the warnings
    assert [line.split()[0] for line in lines] == ["ERROR"] * 4 + ["WARNING"] * 2
    # corpus text comes back exactly, escaped in the file
    assert lines[2].endswith(f"KO line 6 has no EN counterpart: {SCRIPT}")
    assert IMG in lines[3]


def test_input_problem_is_an_error(root: ET.Element) -> None:
    error = root.findall("testsuite/testcase")[2].find("error")
    assert error is not None
    assert error.get("type") == "input"
    assert error.get("message") == error.text == "corpus/en/scan.txt: looks like a PDF"


def test_markup_in_corpus_text_is_escaped() -> None:
    text = render_junit(sample_run())
    assert "<img" not in text and "<script>" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text


def test_control_characters_become_a_visible_marker(tmp_path: Path) -> None:
    run = sample_run()
    doc = run.documents[0]
    flag = doc.flags[0]
    bell = type(flag)(flag.type, flag.severity, flag.src, flag.tgt, "bell\x07here")
    run.documents[0] = type(doc)(
        doc.pair, doc.src, doc.tgt, doc.beads, (bell,), 0.1, ("1 error flag (fail_on error)",)
    )
    path = tmp_path / "junit.xml"
    write_junit(run, path)
    failure = ET.parse(path).getroot().find("testsuite/testcase/failure")
    assert failure is not None
    assert (failure.text or "").endswith("bell\ufffdhere")


def test_empty_run_is_one_passing_case_and_output_is_deterministic() -> None:
    """``--changed-since`` with nothing changed: Jenkins' junit step rejects a file
    of no tests, so the run is one passing case saying why nothing was checked."""
    empty = ET.fromstring(render_junit(RunResult()))
    assert (empty.get("tests"), empty.get("failures"), empty.get("errors")) == ("1", "0", "0")
    [case] = empty.findall("testsuite/testcase")
    assert case.get("name") == "no documents changed"
    assert case.find("failure") is None and case.find("error") is None
    assert "none changed" in (case.findtext("system-out") or "")
    assert render_junit(sample_run()) == render_junit(sample_run())


def test_waived_flags_do_not_fail_their_document() -> None:
    root = ET.fromstring(render_junit(waived_run()))
    assert root.get("failures") == "0"
    case = root.findall("testsuite/testcase")[1]
    assert case.get("name") == "politics/budget.txt"
    assert case.find("failure") is None
    lines = (case.findtext("system-out") or "").splitlines()
    assert len(lines) == 6
    # each with the editor's reason, which a CI log reader needs as much as SARIF's
    assert all(line.startswith(f"WAIVED ({WAIVER_REASON}) ") for line in lines)
