"""XLIFF 2.1 with ITS 2.0 quality issues: parsed back with ElementTree and checked
against the structure of the OASIS XLIFF 2.1 core schema and ITS module (the XSD
files are not in any PyPI package, so these are structural checks written from
the schema: element order, required and NMTOKEN ids, the ITS issue-type
vocabulary, severities, stand-off references)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from report_samples import FORMULA, IMG, SCRIPT, sample_run, waived_run

from aligner.models import RunResult
from aligner.report import render_xliff, write_xliff
from aligner.report.xliff_report import ISSUE_TYPES, issue_type

X = "{urn:oasis:names:tc:xliff:document:2.0}"
ITS = "{http://www.w3.org/2005/11/its}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NMTOKEN = re.compile(r"^[\w.\-:]+$")
# ITS 2.0 locQualityIssueType values (its.xsd of XLIFF 2.1).
ITS_ISSUE_TYPES = {
    "terminology",
    "mistranslation",
    "omission",
    "untranslated",
    "addition",
    "duplication",
    "inconsistency",
    "grammar",
    "legal",
    "register",
    "locale-specific-content",
    "locale-violation",
    "style",
    "characters",
    "misspelling",
    "typographical",
    "formatting",
    "inconsistent-entities",
    "numbers",
    "markup",
    "pattern-problem",
    "whitespace",
    "internationalization",
    "length",
    "non-conformance",
    "uncategorized",
    "other",
}


@pytest.fixture()
def path(tmp_path: Path) -> Path:
    write_xliff(sample_run(), tmp_path / "alignments.xlf")
    return tmp_path / "alignments.xlf"


@pytest.fixture()
def root(path: Path) -> ET.Element:
    return ET.parse(path).getroot()


def _units(root: ET.Element, file: int) -> list[ET.Element]:
    return root.findall(f"{X}file")[file].findall(f"{X}unit")


def _target(unit: ET.Element) -> ET.Element:
    target = unit.find(f"{X}segment/{X}target")
    assert target is not None
    return target


def _mrk(unit: ET.Element) -> ET.Element:
    mrk = _target(unit).find(f"{X}mrk")
    assert mrk is not None
    return mrk


def test_root_declares_xliff_2_1_languages_and_its(root: ET.Element) -> None:
    assert root.tag == f"{X}xliff"
    assert root.attrib == {
        "version": "2.1",
        "srcLang": "en",
        "trgLang": "ko",
        f"{ITS}version": "2.0",
        "{http://www.w3.org/XML/1998/namespace}space": "preserve",
    }


def test_core_structure_follows_the_schema(root: ET.Element) -> None:
    files = root.findall(f"{X}file")
    assert len(files) == len(list(root)) == 2
    assert [f.get("original") for f in files] == ["sports/match.txt", "politics/budget.txt"]
    assert len({f.get("id") for f in files}) == 2
    for file in files:
        assert NMTOKEN.match(file.get("id", ""))
        tags = [child.tag for child in file]
        assert tags[0] == f"{X}notes" and set(tags[1:]) == {f"{X}unit"}  # notes?, unit+
        ids = [unit.get("id", "") for unit in file.findall(f"{X}unit")]
        assert len(set(ids)) == len(ids) and all(NMTOKEN.match(i) for i in ids)
        for unit in file.findall(f"{X}unit"):
            _check_unit(unit)


def _check_unit(unit: ET.Element) -> None:
    tags = [child.tag for child in unit]
    # other-namespace extensions*, notes?, segment+ (in this order)
    order = [0 if t.startswith(ITS) else 1 if t == f"{X}notes" else 2 for t in tags]
    assert order == sorted(order) and tags[-1] == f"{X}segment"
    for segment in unit.findall(f"{X}segment"):
        assert [c.tag for c in segment][:1] == [f"{X}source"]
        assert len(segment) in (1, 2)
        assert segment.get("state", "initial") in {"initial", "translated", "reviewed", "final"}
    for note in unit.iter(f"{X}note"):
        assert note.text


def test_one_unit_per_bead_with_source_and_target_text(root: ET.Element) -> None:
    units = _units(root, 1)
    assert [u.get("id") for u in units] == ["u1", "u2", "u3", "u4", "u5", "u6"]
    assert units[1].findtext(f"{X}segment/{X}source") == "Two a. Two b."
    assert "".join(_target(units[3]).itertext()) == "셋 가 13%. 셋 나."
    assert (
        units[1].findtext(f"{X}notes/{X}note") == "EN line(s) 4, 5; KO line(s) 3; similarity 0.8000"
    )


def test_one_flag_is_marked_inline_with_its_attributes(root: ET.Element) -> None:
    missing = _units(root, 1)[2]  # a 1-0 bead: the omission sits in an empty target
    mrk = _mrk(missing)
    assert mrk.attrib == {
        "id": "m1",
        "type": "its:generic",
        f"{ITS}locQualityIssueType": "omission",
        f"{ITS}locQualityIssueComment": "missing: EN line 6 has no KO counterpart",
        f"{ITS}locQualityIssueSeverity": "100",
    }
    assert mrk.text is None and "".join(_target(missing).itertext()) == ""
    assert missing.find(f"{X}segment").get("state") is None  # type: ignore[union-attr]
    extra = _mrk(_units(root, 1)[4])  # a 0-1 bead: the addition is the target text
    assert extra.get(f"{ITS}locQualityIssueType") == "addition"
    assert extra.text == f"@here {SCRIPT}"


def test_several_flags_use_a_stand_off_list(root: ET.Element) -> None:
    unit = _units(root, 1)[3]
    issues = unit.find(f"{ITS}locQualityIssues")
    assert issues is not None
    assert list(unit).index(issues) == 0
    ref = _mrk(unit).get(f"{ITS}locQualityIssuesRef")
    assert ref == f"#its={issues.get(XML_ID)}"
    assert [(i.get("locQualityIssueType"), i.get("locQualityIssueSeverity")) for i in issues] == [
        ("numbers", "50"),
        ("omission", "100"),
    ]
    assert f"{ITS}locQualityIssueType" not in _mrk(unit).attrib  # ref XOR local attributes


def test_xml_ids_are_unique_and_every_reference_resolves(root: ET.Element) -> None:
    ids = [e.get(XML_ID) for e in root.iter() if e.get(XML_ID)]
    assert len(ids) == len(set(ids)) == 1  # the one row with several flags
    refs = [e.get(f"{ITS}locQualityIssuesRef") for e in root.iter(f"{X}mrk")]
    assert {r.removeprefix("#its=") for r in refs if r} == set(ids)


def test_issue_attributes_use_the_its_vocabulary(root: ET.Element) -> None:
    types = [e.get(f"{ITS}locQualityIssueType") for e in root.iter(f"{X}mrk")]
    types += [e.get("locQualityIssueType") for e in root.iter(f"{ITS}locQualityIssue")]
    assert set(filter(None, types)) <= ITS_ISSUE_TYPES
    severities = [e.get(f"{ITS}locQualityIssueSeverity") for e in root.iter(f"{X}mrk")]
    severities += [e.get("locQualityIssueSeverity") for e in root.iter(f"{ITS}locQualityIssue")]
    assert all(0 <= float(s) <= 100 for s in severities if s)
    assert set(ISSUE_TYPES.values()) <= ITS_ISSUE_TYPES
    assert issue_type("something_new") == "uncategorized"


@pytest.mark.parametrize(
    ("flag", "its"),
    [
        ("missing", "omission"),
        ("extra", "addition"),
        ("mistranslation", "mistranslation"),
        ("untranslated", "untranslated"),
        ("truncated", "omission"),
        ("number_mismatch", "numbers"),
        ("reordered", "other"),
        ("terminology", "terminology"),
    ],
)
def test_flag_types_map_to_its_issue_types(flag: str, its: str) -> None:
    assert issue_type(flag) == its


def test_markup_in_corpus_text_round_trips_as_text(path: Path, root: ET.Element) -> None:
    hostile = _units(root, 1)[5]
    assert hostile.findtext(f"{X}segment/{X}source") == IMG
    assert "".join(_target(hostile).itertext()) == FORMULA
    raw = path.read_text("utf-8")
    assert "<img" not in raw and "<script>" not in raw


def test_control_characters_become_cp_elements(root: ET.Element) -> None:
    unit = _units(root, 0)[1]
    source = unit.find(f"{X}segment/{X}source")
    assert source is not None
    assert [(c.tag, c.get("hex")) for c in source] == [(f"{X}cp", "0007"), (f"{X}cp", "000C")]
    assert source.text == "Bell" and [c.tail for c in source] == [" and form", "feed"]
    target = _target(unit)
    mrk = target.find(f"{X}mrk")  # the boilerplate flag marks the target
    assert mrk is not None
    assert mrk.text == "벨" and [c.get("hex") for c in mrk] == ["0007"]


def test_empty_run_parses_and_output_is_deterministic() -> None:
    empty = ET.fromstring(render_xliff(RunResult()))
    assert empty.tag == f"{X}xliff" and not len(empty)
    assert render_xliff(sample_run()) == render_xliff(sample_run())


def test_waived_flags_are_disabled_issues() -> None:
    root = ET.fromstring(render_xliff(waived_run()))
    inline = [e.get(f"{ITS}locQualityIssueEnabled") for e in root.iter(f"{X}mrk")]
    inline = [v for v in inline if v is not None]
    stand_off = [e.get("locQualityIssueEnabled") for e in root.iter(f"{ITS}locQualityIssue")]
    assert inline and stand_off
    assert set(inline) == set(stand_off) == {"no"}


def test_live_flags_have_no_enabled_attribute(root: ET.Element) -> None:
    attrs = [a for e in root.iter() for a in e.attrib if a.endswith("locQualityIssueEnabled")]
    assert attrs == []
