"""TMX 1.4b: parsed back with ElementTree and checked against the structure the
TMX 1.4b DTD requires (no DTD file can be had offline, so these are structural
checks: required attributes, element order, one seg per tuv)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from report_samples import FORMULA, IMG, SCRIPT, SIGNATURE, sample_run, waived_run

from aligner.models import RunResult
from aligner.report import render_tmx, write_tmx

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HEADER_REQUIRED = {
    "creationtool",
    "creationtoolversion",
    "segtype",
    "o-tmf",
    "adminlang",
    "srclang",
    "datatype",
}


@pytest.fixture()
def path(tmp_path: Path) -> Path:
    write_tmx(sample_run(), tmp_path / "alignments.tmx")
    return tmp_path / "alignments.tmx"


@pytest.fixture()
def root(path: Path) -> ET.Element:
    return ET.parse(path).getroot()


def _tus(root: ET.Element) -> list[ET.Element]:
    return root.findall("body/tu")


def _segs(tu: ET.Element) -> dict[str, str]:
    return {tuv.attrib[XML_LANG]: tuv.findtext("seg") or "" for tuv in tu.findall("tuv")}


def test_prolog_root_and_header(path: Path, root: ET.Element) -> None:
    text = path.read_text("utf-8")
    assert text.startswith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
    )
    assert root.tag == "tmx" and root.attrib == {"version": "1.4"}
    assert [child.tag for child in root] == ["header", "body"]
    header = root.find("header")
    assert header is not None
    assert HEADER_REQUIRED <= set(header.attrib)
    assert header.get("srclang") == "en"
    assert header.get("segtype") == "sentence"
    assert [(p.get("type"), p.text) for p in header] == [("x-signature", SIGNATURE)]


def test_structure_follows_the_dtd(root: ET.Element) -> None:
    for tu in _tus(root):
        tags = [child.tag for child in tu]
        # (note*, prop*, tuv+): properties first, then one tuv per language
        assert tags == sorted(tags, key=lambda t: ("note", "prop", "tuv").index(t))
        assert tags.count("tuv") == 2
        for prop in tu.findall("prop"):
            assert prop.get("type", "").startswith("x-")
        for tuv in tu.findall("tuv"):
            assert XML_LANG in tuv.attrib
            assert [child.tag for child in tuv] == ["seg"]


def test_one_unit_per_bead_with_both_sides(root: ET.Element) -> None:
    tus = _tus(root)
    # 2 beads in the passing document, 6 in the failing one less a 1-0 and a 0-1
    assert [tu.get("tuid") for tu in tus] == [
        "sports/match.txt#1",
        "sports/match.txt#2",
        "politics/budget.txt#1",
        "politics/budget.txt#2",
        "politics/budget.txt#4",
        "politics/budget.txt#6",
    ]
    assert _segs(tus[3]) == {"en": "Two a. Two b.", "ko": "둘."}
    assert _segs(tus[4]) == {"en": "Three 12%.", "ko": "셋 가 13%. 셋 나."}


def test_properties_carry_document_similarity_and_flags(root: ET.Element) -> None:
    tu = _tus(root)[4]
    props = [(p.get("type"), p.text) for p in tu.findall("prop")]
    assert props == [
        ("x-document", "politics/budget.txt"),
        ("x-row", "4"),
        ("x-similarity", "0.5500"),
        ("x-flag-number_mismatch", "warning: 12% vs 13%"),
        ("x-flag-truncated", "error: KO is <much> shorter & cut"),
    ]


def test_markup_in_corpus_text_round_trips_as_text(path: Path, root: ET.Element) -> None:
    assert _segs(_tus(root)[5]) == {"en": IMG, "ko": FORMULA}
    assert _segs(_tus(root)[2])["en"] == "One & only."
    raw = path.read_text("utf-8")
    assert "<img" not in raw and SCRIPT not in raw
    assert "One &amp; only." in raw


def test_control_characters_become_a_visible_marker(root: ET.Element) -> None:
    assert _segs(_tus(root)[1]) == {"en": "Bell\ufffd and form\ufffdfeed", "ko": "벨\ufffd 소리"}


def test_seg_whitespace_is_not_touched_by_indentation() -> None:
    root = ET.fromstring(render_tmx(sample_run()))
    for seg in root.iter("seg"):
        assert seg.text == (seg.text or "").strip()
        assert len(seg) == 0


def test_empty_run_and_determinism() -> None:
    empty = ET.fromstring(render_tmx(RunResult()))
    assert empty.find("body") is not None and not empty.findall("body/tu")
    assert render_tmx(sample_run()) == render_tmx(sample_run())


def test_waived_flag_properties_say_so() -> None:
    root = ET.fromstring(render_tmx(waived_run()).split("\n", 2)[2])
    props = [p.text or "" for p in root.iter("prop") if p.get("type", "").startswith("x-flag-")]
    assert props[0] == "info: caption"  # the passing document's flag is live
    assert len(props) == 6 and all(p.startswith("waived ") for p in props[1:])
    assert "waived warning: 12% vs 13%" in props
