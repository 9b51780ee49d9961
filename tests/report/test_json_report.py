"""JSON report writers: the contract fields, determinism and the shipped JSON Schema."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource

from aligner.errors import ConfigError
from aligner.models import (
    Bead,
    Document,
    DocumentPair,
    DocumentResult,
    Flag,
    InputProblem,
    RunResult,
    Sentence,
    Severity,
    Span,
    Waiver,
)
from aligner.report import (
    SCHEMA_VERSION,
    document_to_dict,
    load_schema,
    run_to_dict,
    write_document_json,
    write_summary_json,
)
from aligner.waivers import fingerprint, flag_fingerprint

SIGNATURE = "aligner|model:test|max:3|fail:error|v:0.1.0"


def _document(
    path: str, lang: str, texts: list[str], boilerplate: frozenset[int] = frozenset()
) -> Document:
    sentences = tuple(
        Sentence(i, text, line=i + 2, start=0, end=len(text), boilerplate=i in boilerplate)
        for i, text in enumerate(texts)
    )
    return Document(Path(path), lang, sentences)


def _result(
    name: str = "politics/budget.txt",
    *,
    score: float = 0.71428,
    passed: bool = False,
    src_lang: str = "en",
    tgt_lang: str = "ko",
) -> DocumentResult:
    """EN 0-4, KO 0-3: a 1-1, a 2-1 merge, a missing EN sentence, a 1-2 split, boilerplate."""
    src = _document(f"en/{name}", src_lang, ["One.", "Two a.", "Two b.", "Lost.", "Three."])
    tgt = _document(f"ko/{name}", tgt_lang, ["하나.", "둘.", "셋 가.", "셋 나."])
    beads = (
        Bead((0,), (0,), 0.912345),
        Bead((1, 2), (1,), 0.80001),
        Bead((3,), (), 0.0),
        Bead((4,), (2, 3), 0.55556),
    )
    flags = (
        Flag("missing", Severity.ERROR, (3,), (), "EN line 5 has no KO counterpart"),
        Flag("number_mismatch", Severity.WARNING, (4,), (3,), "12 vs 13"),
        Flag("reordered", Severity.WARNING, (0, 1), (0, 1), "spans two beads"),
    )
    pair = DocumentPair(name, src.path, tgt.path)
    failures = () if passed else ("1 error flag (fail_on error)",)
    return DocumentResult(pair, src, tgt, beads, flags, score, failures)


def _run() -> RunResult:
    clean = _result("clean.txt", score=1.0, passed=True)
    clean = DocumentResult(clean.pair, clean.src, clean.tgt, clean.beads, (), 1.0)
    return RunResult(
        documents=[_result(), clean],
        problems=[InputProblem("broken.txt", "broken.txt: file is empty")],
        signature=SIGNATURE,
    )


def _summary_validator() -> jsonschema.protocols.Validator:
    schema = load_schema()
    registry: Registry[Any] = Registry().with_resource(
        schema["$id"], Resource.from_contents(schema)
    )
    return jsonschema.Draft202012Validator(
        {"$ref": schema["$id"] + "#/$defs/summary"}, registry=registry
    )


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION


def test_document_report_validates_against_schema(tmp_path: Path) -> None:
    path = tmp_path / "out" / "budget.txt.json"
    write_document_json(_result(), path, signature=SIGNATURE)
    data = json.loads(path.read_text("utf-8"))
    jsonschema.Draft202012Validator(load_schema()).validate(data)


def test_schema_rejects_a_report_missing_a_contract_field() -> None:
    data = document_to_dict(_result(), signature=SIGNATURE)
    del data["alignments"][0]["score"]
    assert not jsonschema.Draft202012Validator(load_schema()).is_valid(data)


def test_summary_validates_against_schema_defs(tmp_path: Path) -> None:
    path = tmp_path / "summary.json"
    reports = {"clean.txt": {"json": "clean.txt.json", "html": "clean.txt.html"}}
    write_summary_json(_run(), path, reports=reports)
    data = json.loads(path.read_text("utf-8"))
    _summary_validator().validate(data)
    assert data["documents"][1]["report"] == reports["clean.txt"]
    assert "report" not in data["documents"][0]


def test_document_json_is_byte_identical_across_writes(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    write_document_json(_result(), first, signature=SIGNATURE)
    write_document_json(_result(), second, signature=SIGNATURE)
    assert first.read_bytes() == second.read_bytes()
    text = first.read_text("utf-8")
    assert text.endswith("}\n")
    assert "하나." in text  # ensure_ascii=False keeps Korean readable
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_summary_json_is_byte_identical_across_writes(tmp_path: Path) -> None:
    write_summary_json(_run(), tmp_path / "a.json")
    write_summary_json(_run(), tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_document_header_fields() -> None:
    data = document_to_dict(_result(), signature=SIGNATURE)
    assert data["schema_version"] == SCHEMA_VERSION == "1.5"
    assert data["signature"] == SIGNATURE
    assert data["document"] == "politics/budget.txt"
    assert data["languages"] == {"src": "en", "tgt": "ko"}
    assert data["files"] == {"src": "en/politics/budget.txt", "tgt": "ko/politics/budget.txt"}
    assert "repo_files" not in data  # no work tree asked: a story held in memory has none
    assert data["score"] == 0.7143
    assert data["passed"] is False


def test_counts_cover_sentences_flag_types_and_every_severity() -> None:
    counts = document_to_dict(_result(), signature=SIGNATURE)["counts"]
    assert counts["sentences"] == {"src": 5, "tgt": 4}
    assert counts["flags"] == {"missing": 1, "number_mismatch": 1, "reordered": 1}
    assert counts["severities"] == {"error": 1, "warning": 2, "info": 0}


def test_alignments_keep_order_indices_scores_and_bead_flags() -> None:
    alignments = document_to_dict(_result(), signature=SIGNATURE)["alignments"]
    assert [(a["en"], a["ko"]) for a in alignments] == [
        ([0], [0]),
        ([1, 2], [1]),
        ([3], []),
        ([4], [2, 3]),
    ]
    assert [a["score"] for a in alignments] == [0.9123, 0.8, 0.0, 0.5556]
    # the reordered flag spans beads 0 and 1, so it sits on neither
    assert [a["flags"] for a in alignments] == [[], [], ["missing"], ["number_mismatch"]]


def test_flags_are_keyed_by_language_code() -> None:
    flags = document_to_dict(_result(), signature=SIGNATURE)["flags"]
    assert flags[0] == {
        "type": "missing",
        "severity": "error",
        "en": [3],
        "ko": [],
        "message": "EN line 5 has no KO counterpart",
        "fingerprint": fingerprint("politics/budget.txt", "missing", "Lost.", ""),
        "waived": False,
    }
    assert [(f["type"], f["en"], f["ko"]) for f in flags[1:]] == [
        ("number_mismatch", [4], [3]),
        ("reordered", [0, 1], [0, 1]),
    ]


def test_sentences_list_index_line_text_and_boilerplate() -> None:
    result = _result()
    src = _document("en/x.txt", "en", ["Hello.", "Photo: AP"], boilerplate=frozenset({1}))
    result = DocumentResult(result.pair, src, result.tgt, (), (), 1.0)
    sentences = document_to_dict(result, signature=SIGNATURE)["sentences"]
    assert sentences["src"] == [
        {"index": 0, "line": 2, "text": "Hello.", "boilerplate": False},
        {"index": 1, "line": 3, "text": "Photo: AP", "boilerplate": True},
    ]
    assert [s["text"] for s in sentences["tgt"]] == ["하나.", "둘.", "셋 가.", "셋 나."]


def test_other_language_codes_key_the_index_lists() -> None:
    data = document_to_dict(_result(src_lang="ko", tgt_lang="en"), signature=SIGNATURE)
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    assert data["alignments"][1] == {"ko": [1, 2], "en": [1], "score": 0.8, "flags": []}


@pytest.mark.parametrize(("src_lang", "tgt_lang"), [("en", "en"), ("score", "ko")])
def test_unusable_language_codes_raise_config_error(src_lang: str, tgt_lang: str) -> None:
    with pytest.raises(ConfigError, match="language codes"):
        document_to_dict(_result(src_lang=src_lang, tgt_lang=tgt_lang), signature=SIGNATURE)


def test_run_summary_fields() -> None:
    data = run_to_dict(_run())
    assert data["schema_version"] == SCHEMA_VERSION == "1.5"
    assert data["signature"] == SIGNATURE
    assert data["passed"] is False
    assert data["documents"][0] == {
        "document": "politics/budget.txt",
        "score": 0.7143,
        "passed": False,
        "failures": ["1 error flag (fail_on error)"],
        "flags": {"missing": 1, "number_mismatch": 1, "reordered": 1},
        "severities": {"error": 1, "warning": 2, "info": 0},
        "waived": 0,
    }
    assert data["documents"][1]["flags"] == {}
    assert data["problems"] == [{"path": "broken.txt", "message": "broken.txt: file is empty"}]
    assert data["stale_waivers"] == []


def test_run_without_problems_or_failures_passes() -> None:
    run = _run()
    run.documents, run.problems = run.documents[1:], []
    assert run_to_dict(run)["passed"] is True


def test_nan_similarity_is_refused_rather_than_written_as_invalid_json(tmp_path: Path) -> None:
    result = _result()
    beads = (Bead((0, 1, 2, 3, 4), (0, 1, 2, 3), float("nan")),)
    result = DocumentResult(result.pair, result.src, result.tgt, beads, (), 1.0)
    with pytest.raises(ValueError):
        write_document_json(result, tmp_path / "out" / "nan.json", signature=SIGNATURE)
    assert not (tmp_path / "out").exists()  # nothing half-written


def _waived(result: DocumentResult) -> DocumentResult:
    """``result`` with its missing flag waived, as a waiver file would."""
    flags = tuple(
        replace(f, waived=True, waiver_reason="dropped on purpose") if f.type == "missing" else f
        for f in result.flags
    )
    return replace(result, flags=flags)


def test_waived_flag_is_marked_with_its_reason_and_counted_apart() -> None:
    data = document_to_dict(_waived(_result()), signature=SIGNATURE)
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    missing = data["flags"][0]
    assert (missing["waived"], missing["waiver_reason"]) == (True, "dropped on purpose")
    assert "waiver_reason" not in data["flags"][1]
    assert data["counts"]["severities"] == {"error": 0, "warning": 2, "info": 0}
    assert data["counts"]["waived"] == 1
    assert data["counts"]["flags"]["missing"] == 1  # per type: waived flags included


def test_schema_rejects_a_waiver_reason_on_a_live_flag() -> None:
    data = document_to_dict(_result(), signature=SIGNATURE)
    data["flags"][0]["waiver_reason"] = "no waiver"
    del data["flags"][0]["waived"]
    assert not jsonschema.Draft202012Validator(load_schema()).is_valid(data)


def test_summary_lists_stale_waivers_and_validates() -> None:
    run = _run()
    run.documents[0] = _waived(run.documents[0])
    run.stale_waivers = [Waiver("0123456789abcdef", "gone.txt", "truncated", "Cut, .", "", "ok")]
    data = run_to_dict(run)
    _summary_validator().validate(data)
    assert data["documents"][0]["waived"] == 1
    assert data["stale_waivers"] == [
        {
            "fingerprint": "0123456789abcdef",
            "document": "gone.txt",
            "type": "truncated",
            "src": "Cut, .",
            "tgt": "",
            "reason": "ok",
        }
    ]


def _spanned(result: DocumentResult) -> DocumentResult:
    """``result`` with the words of its number flag spanned: "Three." has none, so
    the KO side's "셋 나." is given one: its "나"."""
    flags = tuple(
        replace(f, spans=(Span("src", 4, 0, 5), Span("tgt", 3, 2, 3)))
        if f.type == "number_mismatch"
        else f
        for f in result.flags
    )
    return replace(result, flags=flags)


def test_a_flag_lists_its_spans_with_the_text_they_cover() -> None:
    data = document_to_dict(_spanned(_result()), signature=SIGNATURE)
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    assert data["flags"][1]["spans"] == [
        {"side": "src", "sentence": 4, "start": 0, "end": 5, "text": "Three"},
        {"side": "tgt", "sentence": 3, "start": 2, "end": 3, "text": "나"},
    ]
    # a flag without spans has no field, as a report of schema 1.3 had none
    assert "spans" not in data["flags"][0]
    assert all(key in data["sentences"] for key in ("src", "tgt"))  # what "side" names


def test_spans_change_no_fingerprint() -> None:
    result, spanned = _result(), _spanned(_result())
    before = document_to_dict(result, signature=SIGNATURE)["flags"]
    after = document_to_dict(spanned, signature=SIGNATURE)["flags"]
    assert [f["fingerprint"] for f in before] == [f["fingerprint"] for f in after]
    assert [flag_fingerprint(result, f) for f in result.flags] == [
        flag_fingerprint(spanned, f) for f in spanned.flags
    ]
    # spans are where a flag's words are, not what it says: the flags are equal
    assert result.flags == spanned.flags
    # and apart from its spans a report is as before: old readers read it as ever
    for old, new in zip(before, after, strict=True):
        new.pop("spans", None)
        assert old == new


def test_schema_rejects_a_span_of_another_side() -> None:
    data = document_to_dict(_spanned(_result()), signature=SIGNATURE)
    data["flags"][1]["spans"][0]["side"] = "en"
    assert not jsonschema.Draft202012Validator(load_schema()).is_valid(data)
