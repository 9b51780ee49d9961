"""Property-based tests: arbitrary Unicode never breaks segmentation, alignment or reports.

Text is drawn from every code point except surrogates (a ``str`` from a decoded
file never holds them) with extra weight on what real corpora contain: Hangul
syllables and jamo, emoji, right-to-left scripts, combining marks, NUL and
other control characters, sentence punctuation, quotes and markup.
"""

from __future__ import annotations

import json
import math
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aligner.align import AlignParams, align_embeddings, approximate_windows
from aligner.embed.base import normalise
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
)
from aligner.report import document_to_dict, load_schema, run_to_dict, write_document_html
from aligner.report.json_report import dumps
from aligner.segment import split_lines, split_sentences, strip_dateline

EXAMPLES = settings(max_examples=50, deadline=None)

SPECIAL = [
    *"가나다한국어서울똠뷁",  # Hangul syllables
    *"\u1100\u1161\u11a8\u3131\u314f",  # conjoining and compatibility jamo
    *"😀🇰🇷👩‍👩‍👧",  # emoji, a flag and a ZWJ sequence
    *"שלוםمرحبا\u200f\u202e",  # Hebrew, Arabic, RLM, RLO
    *"e\u0301\u0308\u20dd",  # combining marks
    *"\x00\x07\x0b\x0c\x1b\x7f\x85\u2028\u2029\ufeff\ufffd",  # controls, separators
    *".?!…。！？,;:\"'“”‘’「」()[]",  # punctuation, quotes, brackets
    *"Mr U.S. 1 2025",
    "<script>alert(1)</script>",
    "&amp;",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "\r",
]
CHARS = st.one_of(st.sampled_from(SPECIAL), st.characters(exclude_categories=("Cs",)).map(str))
TEXT = st.lists(CHARS, max_size=80).map("".join)


def _check_offsets(text: str, sentences: list[Sentence]) -> None:
    """The invariants every report relies on to point at ``file:line``."""
    assert [s.index for s in sentences] == list(range(len(sentences)))
    end = 0
    for s in sentences:
        assert end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and "\n" not in s.text
        assert s.line == text.count("\n", 0, s.start) + 1
        end = s.end


def _uncovered(text: str, sentences: list[Sentence]) -> str:
    kept = list(text)
    for s in sentences:
        kept[s.start : s.end] = [" "] * (s.end - s.start)
    return "".join(kept)


@EXAMPLES
@given(text=TEXT, lang=st.sampled_from(["en", "ko", "fr"]))
def test_split_sentences_keeps_offsets_and_loses_no_text(text: str, lang: str) -> None:
    sentences = split_sentences(text, lang)
    _check_offsets(text, sentences)
    assert _uncovered(text, sentences).strip() == ""  # only whitespace is left out


@EXAMPLES
@given(text=TEXT)
def test_split_lines_is_one_sentence_per_non_blank_line(text: str) -> None:
    sentences = split_lines(text)
    _check_offsets(text, sentences)
    lines = [line.strip() for line in text.split("\n")]
    assert [s.text for s in sentences] == [line for line in lines if line]


@EXAMPLES
@given(text=TEXT, dateline=st.sampled_from(["", "SEOUL, Nov. 28 (Yonhap) -- ", "(CNN) "]))
def test_a_dateline_is_only_ever_cut_from_the_start(text: str, dateline: str) -> None:
    said = strip_dateline(dateline + text)
    assert (dateline + text).endswith(said)
    assert said.strip() or not (dateline + text).strip()  # never empties a sentence


def _rows(rng: np.random.Generator, count: int, dim: int, pool: int | None) -> np.ndarray:
    """Random unit rows; with a pool, rows repeat (ties), and some are zero vectors."""
    if pool is None:
        return normalise(rng.normal(size=(count, dim)))
    choices = normalise(rng.normal(size=(pool, dim)))
    rows = choices[rng.integers(0, pool, size=count)]
    rows[rng.random(count) < 0.1] = 0.0
    return rows


@EXAMPLES
@given(
    n=st.integers(0, 60),
    m=st.integers(0, 60),
    dim=st.integers(2, 32),
    max_bead=st.integers(1, 4),
    pool=st.none() | st.integers(1, 4),
    seed=st.integers(0, 2**32 - 1),
)
def test_alignment_covers_each_sentence_exactly_once(
    n: int, m: int, dim: int, max_bead: int, pool: int | None, seed: int
) -> None:
    rng = np.random.default_rng(seed)
    beads = align_embeddings(
        approximate_windows(_rows(rng, n, dim, pool), max_bead),
        approximate_windows(_rows(rng, m, dim, pool), max_bead),
        params=AlignParams(max_bead=max_bead),
        src_lengths=rng.integers(1, 300, size=n).tolist(),
        tgt_lengths=rng.integers(1, 300, size=m).tolist(),
    )
    assert sorted(i for b in beads for i in b.src) == list(range(n))
    assert sorted(j for b in beads for j in b.tgt) == list(range(m))
    assert all((b.src or b.tgt) and math.isfinite(b.similarity) for b in beads)


# --- reports -------------------------------------------------------------------------


def _simple_beads(n: int, m: int) -> tuple[Bead, ...]:
    """1-1 beads while both sides last, then 1-0 / 0-1: a valid, complete alignment."""
    pairs = [Bead((i,), (i,), 0.5) for i in range(min(n, m))]
    return tuple(
        pairs
        + [Bead((i,), (), 0.0) for i in range(m, n)]
        + [Bead((), (j,), 0.0) for j in range(n, m)]
    )


@st.composite
def results(draw: st.DrawFn) -> DocumentResult:
    """A checked document built from arbitrary text, names, flags and messages."""
    name = draw(TEXT.filter(bool))
    src = Document(Path("en") / "doc.txt", "en", tuple(split_sentences(draw(TEXT), "en")))
    tgt = Document(Path("ko") / "doc.txt", "ko", tuple(split_sentences(draw(TEXT), "ko")))
    n, m = len(src.sentences), len(tgt.sentences)
    flag = st.builds(
        Flag,
        type=TEXT.filter(bool),
        severity=st.sampled_from(list(Severity)),
        src=st.sets(st.integers(0, max(n - 1, 0)), max_size=min(n, 3)).map(
            lambda s: tuple(sorted(s))
        ),
        tgt=st.sets(st.integers(0, max(m - 1, 0)), max_size=min(m, 3)).map(
            lambda s: tuple(sorted(s))
        ),
        message=TEXT,
    )
    return DocumentResult(
        DocumentPair(name, src.path, tgt.path),
        src,
        tgt,
        _simple_beads(n, m),
        tuple(draw(st.lists(flag, max_size=4))),
        draw(st.floats(0, 1)),
        ("1 error flag (fail_on error)",) if draw(st.booleans()) else (),
    )


@pytest.fixture(scope="module")
def validators() -> tuple[jsonschema.Draft202012Validator, jsonschema.Draft202012Validator]:
    """Document and summary validators, built once (``jsonschema.validate`` re-checks
    the schema itself on every call, which would dominate these tests)."""
    schema = load_schema()
    summary = {"$defs": schema["$defs"], "$ref": "#/$defs/summary"}
    return jsonschema.Draft202012Validator(schema), jsonschema.Draft202012Validator(summary)


Validators = tuple[jsonschema.Draft202012Validator, jsonschema.Draft202012Validator]


@EXAMPLES
@given(result=results(), signature=TEXT)
def test_document_json_always_validates(
    validators: Validators, result: DocumentResult, signature: str
) -> None:
    data = document_to_dict(result, signature=signature)
    text = dumps(data)
    assert json.loads(text) == data
    validators[0].validate(json.loads(text))


@EXAMPLES
@given(result=results(), problems=st.lists(st.tuples(TEXT, TEXT), max_size=3))
def test_summary_json_always_validates(
    validators: Validators, result: DocumentResult, problems: list[tuple[str, str]]
) -> None:
    run = RunResult([result], [InputProblem(p, m) for p, m in problems], signature="sig")
    data = json.loads(dumps(run_to_dict(run)))
    validators[1].validate(data)


class _Tags(HTMLParser):
    """Collects start tags; corpus text must never add one (but the
    ``<span lang="ko">`` that marks Korean quoted in a message)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if (tag, attrs) != ("span", [("lang", "ko")]):
            self.tags.append(tag)


def _tags(html: str) -> list[str]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


@pytest.fixture(scope="module")
def html_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("html")


@EXAMPLES
@given(result=results())
def test_html_report_never_gains_markup_from_text(html_dir: Path, result: DocumentResult) -> None:
    path = html_dir / "doc.html"
    write_document_html(result, path, signature="sig")
    # The same document with every text replaced by "x" gives the reference markup.
    plain = _plain(result)
    write_document_html(plain, html_dir / "plain.html", signature="sig")
    tags = _tags(path.read_text(encoding="utf-8"))
    assert tags == _tags((html_dir / "plain.html").read_text(encoding="utf-8"))


def _plain(result: DocumentResult) -> DocumentResult:
    def doc(d: Document) -> Document:
        return Document(
            d.path, d.lang, tuple(Sentence(s.index, "x", s.line, 0, 1) for s in d.sentences)
        )

    # Distinct flag types stay distinct: the page has one count row per type.
    types = {t: f"t{i}" for i, t in enumerate(sorted({f.type for f in result.flags}))}
    flags = tuple(Flag(types[f.type], f.severity, f.src, f.tgt, "x") for f in result.flags)
    pair = DocumentPair("x", result.pair.src_path, result.pair.tgt_path)
    return DocumentResult(
        pair, doc(result.src), doc(result.tgt), result.beads, flags, result.score, result.failures
    )
