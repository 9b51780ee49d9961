"""CSV / TSV of the aligned pairs: columns, formula neutralisation, round trip."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from report_samples import FORMULA, IMG, SCRIPT, SIGNATURE, sample_run, waived_run

from aligner.models import RunResult
from aligner.report import render_csv, write_csv, write_tsv
from aligner.report.csv_report import COLUMNS, neutralise


def _read(path: Path, sep: str = ",") -> pd.DataFrame:
    return pd.read_csv(path, sep=sep, encoding="utf-8-sig", keep_default_na=False, dtype=str)


@pytest.fixture()
def table(tmp_path: Path) -> pd.DataFrame:
    write_csv(sample_run(), tmp_path / "out" / "alignments.csv")
    return _read(tmp_path / "out" / "alignments.csv")


def test_one_row_per_bead_in_document_order(table: pd.DataFrame) -> None:
    assert tuple(table.columns) == COLUMNS
    assert list(table["document"]) == ["sports/match.txt"] * 2 + ["politics/budget.txt"] * 6
    assert list(table["row"]) == ["1", "2", "1", "2", "3", "4", "5", "6"]
    assert list(table["shape"][2:]) == ["1-1", "2-1", "1-0", "1-2", "0-1", "1-1"]
    assert set(table["signature"]) == {SIGNATURE}


def test_lines_text_and_similarity(table: pd.DataFrame) -> None:
    merged, gap, split = table.iloc[3], table.iloc[4], table.iloc[5]
    assert (merged["src_lines"], merged["tgt_lines"]) == ("4;5", "3")
    assert merged["src_text"] == "Two a. Two b."
    assert merged["similarity"] == "0.8000"
    assert (gap["tgt_lines"], gap["tgt_text"], gap["similarity"]) == ("", "", "")
    assert split["tgt_text"] == "셋 가 13%. 셋 나."


def test_flags_touching_a_row_are_listed_with_the_worst_severity(table: pd.DataFrame) -> None:
    split = table.iloc[5]
    assert split["flags"] == "number_mismatch;truncated"
    assert split["severity"] == "error"
    assert split["messages"] == "12% vs 13% | KO is <much> shorter & cut"
    # a flag spanning two rows is on both
    assert list(table["flags"][2:4]) == ["reordered", "reordered"]
    assert table.iloc[0]["flags"] == "" and table.iloc[0]["severity"] == ""


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_a_spreadsheet_would_evaluate_get_a_quote(start: str) -> None:
    assert neutralise(f"{start}1+1") == f"'{start}1+1"
    assert neutralise("1+1") == "1+1"
    assert neutralise(0.5) == 0.5


def test_formula_and_mention_cells_are_neutralised_in_the_file(table: pd.DataFrame) -> None:
    hostile = table.iloc[7]
    assert hostile["tgt_text"] == "'" + FORMULA
    assert table.iloc[6]["tgt_text"] == f"'@here {SCRIPT}"
    assert hostile["src_text"] == IMG  # not a formula: left alone
    assert table.iloc[7]["similarity"] == "-0.0500"  # a number, not a formula cell


def test_csv_has_a_bom_for_excel_and_tsv_does_not(tmp_path: Path) -> None:
    write_csv(sample_run(), tmp_path / "a.csv")
    write_tsv(sample_run(), tmp_path / "a.tsv")
    assert (tmp_path / "a.csv").read_bytes().startswith(b"\xef\xbb\xbfdocument,row,")
    assert (tmp_path / "a.tsv").read_bytes().startswith(b"document\trow\t")


def test_tsv_lines_split_on_tabs_into_the_csv_cells(tmp_path: Path, table: pd.DataFrame) -> None:
    """A script splits each line on tabs (breaks inside a cell are spaces), and a CSV
    reader told of tabs reads the same cells, quotes included."""
    run = sample_run()
    doc = run.documents[0]
    src = replace(
        doc.src, sentences=(replace(doc.src.sentences[0], text='"Two\tcells\nand lines'),)
    )
    run.documents[0] = replace(doc, src=src)
    text = render_csv(run, sep="\t")
    rows = [line.split("\t") for line in text.split("\n")[:-1]]
    assert {len(r) for r in rows} == {len(COLUMNS)}
    assert rows[1][COLUMNS.index("src_text")] == '"""Two cells and lines"'
    (tmp_path / "b.tsv").write_text(text, encoding="utf-8")
    assert _read(tmp_path / "b.tsv", sep="\t").iloc[0]["src_text"] == '"Two cells and lines'
    write_tsv(sample_run(), tmp_path / "a.tsv")
    tsv = _read(tmp_path / "a.tsv", sep="\t")
    assert tsv.iloc[7]["tgt_text"] == table.iloc[7]["tgt_text"]  # quotes kept as they are
    assert "\x0c" in table.iloc[1]["src_text"]
    assert tsv.iloc[1]["src_text"] == table.iloc[1]["src_text"].replace("\x0c", " ")


def test_output_is_deterministic_and_an_empty_run_has_a_header() -> None:
    assert render_csv(sample_run()) == render_csv(sample_run())
    assert render_csv(RunResult()) == ",".join(COLUMNS) + "\n"


def test_waived_flags_are_listed_apart_and_do_not_set_the_severity(tmp_path: Path) -> None:
    write_csv(waived_run(), tmp_path / "alignments.csv")
    table = _read(tmp_path / "alignments.csv")
    split = table.iloc[5]
    assert split["flags"] == split["waived"] == "number_mismatch;truncated"
    assert split["severity"] == ""
    assert table.iloc[1]["waived"] == "" and table.iloc[1]["flags"] == "boilerplate"
