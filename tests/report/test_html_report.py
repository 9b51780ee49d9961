"""HTML report writers, checked through a parsed tree rather than byte for byte."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

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
from aligner.report import write_document_html, write_index_html
from aligner.report.html_script import SCRIPT as PAGE_SCRIPT

SIGNATURE = "aligner|model:test|max:3|fail:error|v:0.1.0"
FAILURE = ("1 error flag (fail_on error)",)
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(1)</script>"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str, cls: str | None = None) -> list[Node]:
        return [n for n in self.iter() if n.tag == tag and (cls is None or cls in n.classes)]

    def by_id(self, id_: str) -> Node:
        return next(n for n in self.iter() if n.attrs.get("id") == id_)


class TreeBuilder(HTMLParser):
    """Builds a small element tree with the stdlib parser (script bodies stay raw text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(path: Path) -> Node:
    builder = TreeBuilder()
    builder.feed(path.read_text("utf-8"))
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root


def _document(path: str, lang: str, texts: list[str], boilerplate: frozenset[int]) -> Document:
    sentences = tuple(
        Sentence(i, text, line=10 + i, start=0, end=len(text), boilerplate=i in boilerplate)
        for i, text in enumerate(texts)
    )
    return Document(Path(path), lang, sentences)


def _result(
    name: str = "budget.txt",
    *,
    src_texts: tuple[str, ...] = ("One.", "Two a.", "Two b.", "Lost.", "Three.", "Photo: AP"),
    message: str = "EN line 13 has no KO counterpart",
    score: float = 0.6,
    passed: bool = False,
) -> DocumentResult:
    """EN 0-5, KO 0-3: 1-1, 2-1 merge, 1-0 gap, 1-2 split, boilerplate 1-0."""
    src = _document(f"corpus/en/{name}", "en", list(src_texts), frozenset({5}))
    tgt = _document(f"corpus/ko/{name}", "ko", ["하나.", "둘.", "셋 가.", "셋 나."], frozenset())
    beads = (
        Bead((0,), (0,), 0.91),
        Bead((1, 2), (1,), 0.8),
        Bead((3,), (), 0.0),
        Bead((4,), (2, 3), 0.55),
        Bead((5,), (), 0.0),
    )
    flags = (
        Flag("missing", Severity.ERROR, (3,), (), message),
        Flag("number_mismatch", Severity.WARNING, (4,), (3,), "12 vs 13"),
        Flag("truncated", Severity.ERROR, (4,), (2,), "KO is much shorter"),
        Flag("reordered", Severity.WARNING, (0, 1), (0, 1), "crosses the next pair"),
        Flag("boilerplate", Severity.INFO, (5,), (), "caption"),
    )
    pair = DocumentPair(name, src.path, tgt.path)
    return DocumentResult(pair, src, tgt, beads, flags, score, () if passed else FAILURE)


def _clean(name: str, score: float = 1.0, passed: bool = True) -> DocumentResult:
    doc = _result(name)
    return DocumentResult(
        doc.pair, doc.src, doc.tgt, doc.beads, (), score, () if passed else FAILURE
    )


@pytest.fixture()
def page(tmp_path: Path) -> Node:
    path = tmp_path / "reports" / "budget.txt.html"
    write_document_html(_result(), path, signature=SIGNATURE)
    return parse(path)


def _rows(page: Node) -> list[Node]:
    return page.find_all("tbody", "bead")


def _cells(row: Node) -> list[Node]:
    return row.find_all("tr")[0].find_all("td")


def test_header_shows_name_verdict_score_signature(page: Node) -> None:
    assert page.find_all("h1")[0].text == "budget.txt"
    header = page.find_all("header")[0].text
    assert "FAIL" in header and "PASS" not in header
    assert "0.6000" in header
    assert SIGNATURE in header


def test_header_counts_flags_per_severity_and_type(page: Node) -> None:
    tables = page.find_all("header")[0].find_all("table", "counts")
    severities = [
        [td.text for td in tr.find_all("td") + tr.find_all("th")] for tr in tables[0].find_all("tr")
    ]
    assert severities == [
        ["severity", "error", "warning", "info", "waived"],
        ["flags", "2", "2", "1", "0"],
    ]
    types = [[td.text for td in tr.find_all("td")] for tr in tables[1].find_all("tr")[1:]]
    assert types == [
        ["boilerplate", "1", "0"],
        ["missing", "1", "0"],
        ["number_mismatch", "1", "0"],
        ["reordered", "1", "0"],
        ["truncated", "1", "0"],
    ]


def test_passing_document_says_pass(tmp_path: Path) -> None:
    path = tmp_path / "ok.html"
    write_document_html(_clean("ok.txt"), path, signature=SIGNATURE)
    header = parse(path).find_all("header")[0].text
    assert "PASS" in header and "FAIL" not in header


def test_one_row_per_bead_in_document_order_with_file_line_refs(page: Node) -> None:
    rows = _rows(page)
    assert [r.attrs["id"] for r in rows] == ["r1", "r2", "r3", "r4", "r5"]
    src = [[s.text for s in _cells(r)[1].find_all("span", "ref")] for r in rows]
    tgt = [[s.text for s in _cells(r)[2].find_all("span", "ref")] for r in rows]
    assert src == [
        ["budget.txt:10"],
        ["budget.txt:11", "budget.txt:12"],
        ["budget.txt:13"],
        ["budget.txt:14"],
        ["budget.txt:15"],
    ]
    assert tgt == [["budget.txt:10"], ["budget.txt:11"], [], ["budget.txt:12", "budget.txt:13"], []]
    assert _cells(rows[1])[1].text == "budget.txt:11Two a.budget.txt:12Two b."
    assert [_cells(r)[3].text for r in rows] == ["0.910", "0.800", "—", "0.550", "—"]


def test_merged_split_and_gap_beads_are_badged_and_empty_side_is_a_dash(page: Node) -> None:
    rows = _rows(page)
    badges = [[b.text for b in _cells(r)[0].find_all("span", "badge")] for r in rows]
    assert badges == [[], ["2-1"], ["1-0"], ["1-2"], ["1-0"]]
    gap = _cells(rows[2])[2]
    assert [g.text for g in gap.find_all("span", "gap")] == ["—"]
    assert not gap.find_all("div", "sent")


def test_flagged_rows_take_the_worst_severity_and_show_flags_inline(page: Node) -> None:
    rows = _rows(page)
    severities = [[c for c in r.classes if c.startswith("sev-")] for r in rows]
    assert severities == [
        ["sev-warning"],
        ["sev-warning"],
        ["sev-error"],
        ["sev-error"],
        ["sev-info"],
    ]
    inline = [[li.text for li in r.find_all("li")] for r in rows]
    assert inline[3] == ["warning number_mismatch 12 vs 13", "error truncated KO is much shorter"]
    assert inline[2] == ["error missing EN line 13 has no KO counterpart"]
    # a flag spanning rows 1 and 2 is shown on both, saying so
    spanning = "warning reordered crosses the next pair (spans rows 1, 2)"
    assert inline[0] == inline[1] == [spanning]


def test_rows_carry_their_flags_for_the_page_filters(page: Node) -> None:
    keys = [r.attrs.get("data-flags") for r in _rows(page)]
    assert keys == [
        "warning:reordered",
        "warning:reordered",
        "error:missing",
        "warning:number_mismatch error:truncated",
        "info:boilerplate",
    ]
    boxes = [
        (i.attrs["data-kind"], i.attrs["value"])
        for i in page.find_all("input")
        if "data-kind" in i.attrs
    ]
    assert boxes == [
        ("severity", "error"),
        ("severity", "warning"),
        ("severity", "info"),
        ("type", "boilerplate"),
        ("type", "missing"),
        ("type", "number_mismatch"),
        ("type", "reordered"),
        ("type", "truncated"),
    ]
    assert page.by_id("shown").text == "5 of 5 rows shown"
    assert "next flagged row" in page.find_all("p", "keys")[0].text


def test_flag_spanning_several_beads_links_every_row_it_touches(page: Node) -> None:
    section = page.find_all("main")[0].find_all("ul")[-1]
    items = {li.find_all("span", "ftype")[0].text: li for li in section.find_all("li")}
    assert set(items) == {"missing", "number_mismatch", "truncated", "reordered", "boilerplate"}
    reordered = items["reordered"]
    assert [a.attrs["href"] for a in reordered.find_all("a")] == ["#r1", "#r2"]
    assert "crosses the next pair" in reordered.text
    assert reordered.find_all("span", "ref")[0].text == (
        "EN budget.txt:10, EN budget.txt:11, KO budget.txt:10, KO budget.txt:11"
    )
    assert [a.attrs["href"] for a in items["missing"].find_all("a")] == ["#r3"]


def test_flag_naming_no_sentence_is_listed_only_in_flags_section(tmp_path: Path) -> None:
    doc = _result()
    loose = Flag("extra", Severity.ERROR, (), (), "no sentence named")
    doc = DocumentResult(doc.pair, doc.src, doc.tgt, doc.beads, (loose,), 0.5, FAILURE)
    write_document_html(doc, tmp_path / "x.html", signature=SIGNATURE)
    root = parse(tmp_path / "x.html")
    assert all("data-flags" not in r.attrs for r in _rows(root))
    assert "not tied to one row" in root.find_all("main")[0].find_all("ul")[-1].text


def test_chart_has_a_bar_per_paired_row_and_a_mark_per_flagged_row(page: Node) -> None:
    svg = page.by_id("chart")
    assert svg.attrs["viewbox"] == "0 0 5 53"
    paths = {p.attrs["class"]: p.attrs["d"] for p in svg.find_all("path")}
    assert paths["bars"] == "M0.5 40V3.6M1.5 40V8.0M3.5 40V18.0"
    # the marks in a band of their own, below the bars, which no bar can cover
    assert paths["error"] == "M2.5 43v10M3.5 43v10"
    assert paths["warning"] == "M0.5 43v10M1.5 43v10"
    assert paths["info"] == "M4.5 43v10"
    assert list(paths)[0] == "bars"  # drawn first, under anything else
    assert svg.find_all("title")[0].text == (
        "Similarity of each of 5 rows; flagged rows: 2 error, 2 warning, 1 info."
    )


def test_waived_flag_is_shown_as_such_and_does_not_colour_its_row(tmp_path: Path) -> None:
    doc = _result()
    waived = Flag("missing", Severity.ERROR, (3,), (), "EN 6 missing", True, f"ok {IMG}")
    doc = DocumentResult(doc.pair, doc.src, doc.tgt, doc.beads, (waived,), 0.9)
    write_document_html(doc, tmp_path / "w.html", signature=SIGNATURE)
    root = parse(tmp_path / "w.html")
    row = _rows(root)[2]
    assert "flagged" not in row.classes
    assert row.attrs["data-flags"] == "waived:missing"
    assert [li.attrs.get("class") for li in row.find_all("li")] == ["waived"]
    assert "waived" in row.find_all("li")[0].text
    badge = row.find_all("span", "waived")[0]
    assert badge.attrs["title"] == f"ok {IMG}"  # the reason, as escaped text
    assert row.find_all("span", "reason")[0].text == f"(waived: ok {IMG})"
    tables = root.find_all("header")[0].find_all("table", "counts")
    assert [td.text for td in tables[0].find_all("td")] == ["flags", "0", "0", "0", "1"]
    # the type table counts it apart too, not as an open `missing`
    assert [td.text for td in tables[1].find_all("td")] == ["missing", "0", "1"]
    values = [
        i.attrs["value"] for i in root.find_all("input") if i.attrs.get("data-kind") == "severity"
    ]
    assert values == ["waived"]  # a severity no flag has gets no checkbox


def test_boilerplate_sentences_are_dimmed(page: Node) -> None:
    dimmed = page.find_all("div", "boilerplate")
    assert [d.text for d in dimmed] == ["budget.txt:15Photo: AP"]


def test_page_loads_nothing_external(page: Node) -> None:
    for node in page.iter():
        assert node.tag not in {"link", "iframe", "img", "object", "embed"}
        assert "src" not in node.attrs
        href = node.attrs.get("href")
        assert href is None or href.startswith("#")
    csp = [m for m in page.find_all("meta") if m.attrs.get("http-equiv")]
    assert "default-src 'none'" in (csp[0].attrs["content"] or "")


@pytest.mark.parametrize("hostile", [IMG, SCRIPT])
def test_corpus_text_cannot_inject_markup_into_document_page(tmp_path: Path, hostile: str) -> None:
    result = _result(
        f"{hostile}.txt",
        src_texts=(hostile, "Two a.", "Two b.", "Lost.", "Three.", "Photo: AP"),
        message=f"EN line 13 {hostile}",
    )
    path = tmp_path / "evil.html"
    write_document_html(result, path, signature=f"sig {hostile}")
    root = parse(path)
    assert not root.find_all("img")
    scripts = root.find_all("script")
    assert [s.text for s in scripts] == [PAGE_SCRIPT]
    assert hostile in _cells(_rows(root)[0])[1].text
    assert hostile in root.find_all("h1")[0].text
    assert f"sig {hostile}" in root.find_all("header")[0].text
    assert f"EN line 13 {hostile}" in _rows(root)[2].text


def test_script_is_allowed_by_its_csp_hash_only(page: Node) -> None:
    csp = next(m for m in page.find_all("meta") if m.attrs.get("http-equiv"))
    directives = [d.strip() for d in (csp.attrs["content"] or "").split(";")]
    digest = base64.b64encode(hashlib.sha256(PAGE_SCRIPT.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in directives


def test_document_html_is_deterministic(tmp_path: Path) -> None:
    write_document_html(_result(), tmp_path / "a.html", signature=SIGNATURE)
    write_document_html(_result(), tmp_path / "b.html", signature=SIGNATURE)
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def _run() -> RunResult:
    return RunResult(
        documents=[
            _clean("a-clean.txt"),
            _clean("b-low.txt", score=0.7, passed=True),
            _result("c-bad.txt", score=0.8),
            _result("d-worse.txt", score=0.3),
        ],
        problems=[InputProblem("e-empty.txt", "e-empty.txt: file is empty; add its text")],
        signature=SIGNATURE,
    )


def _index(tmp_path: Path, run: RunResult, links: dict[str, str]) -> Node:
    path = tmp_path / "index.html"
    write_index_html(run, path, links=links)
    return parse(path)


def test_index_lists_documents_worst_first_with_verdict_and_counts(tmp_path: Path) -> None:
    root = _index(tmp_path, _run(), links={})
    rows = root.by_id("documents").find_all("tbody")[0].find_all("tr")
    cells = [[td.text for td in row.find_all("td")] for row in rows]
    assert [c[0] for c in cells] == ["d-worse.txt", "c-bad.txt", "b-low.txt", "a-clean.txt"]
    reason = FAILURE[0]
    assert [c[1] for c in cells] == ["FAIL" + reason, "FAIL" + reason, "PASS", "PASS"]
    assert [c[2] for c in cells] == ["0.3000", "0.8000", "0.7000", "1.0000"]
    assert cells[0][3:8] == ["6 / 4", "2", "2", "1", "0"]
    assert "missing: 1" in cells[0][8] and cells[3][8] == "—"
    assert "FAIL" in root.find_all("h1")[0].text


def test_index_links_documents_to_their_pages(tmp_path: Path) -> None:
    links = {"d-worse.txt": "d-worse.txt.html", "c-bad.txt": "sub dir/c#bad.txt.html"}
    root = _index(tmp_path, _run(), links=links)
    anchors = {a.text: a.attrs["href"] for a in root.find_all("a")}
    assert anchors == {"d-worse.txt": "d-worse.txt.html", "c-bad.txt": "sub%20dir/c%23bad.txt.html"}


def test_index_lists_input_problems(tmp_path: Path) -> None:
    root = _index(tmp_path, _run(), links={})
    rows = root.by_id("problems").find_all("tbody")[0].find_all("tr")
    assert [[td.text for td in r.find_all("td")] for r in rows] == [
        ["e-empty.txt", "e-empty.txt: file is empty; add its text"]
    ]


def test_index_without_problems_says_so(tmp_path: Path) -> None:
    run = _run()
    run.problems = []
    root = _index(tmp_path, run, links={})
    assert not [n for n in root.iter() if n.attrs.get("id") == "problems"]
    assert "every file was checked" in root.text


@pytest.mark.parametrize("hostile", [IMG, SCRIPT])
def test_corpus_names_cannot_inject_markup_into_index(tmp_path: Path, hostile: str) -> None:
    run = RunResult(
        documents=[_result(hostile)],
        problems=[InputProblem(f"{hostile}.txt", f"bad file {hostile}")],
        signature=SIGNATURE,
    )
    root = _index(tmp_path, run, links={hostile: f"javascript:alert(1)//{hostile}"})
    assert not root.find_all("img")
    assert not root.find_all("script")
    anchor = root.find_all("a")[0]
    assert anchor.text == hostile
    assert not (anchor.attrs["href"] or "").lower().startswith("javascript:")
    assert [td.text for td in root.by_id("problems").find_all("td")] == [
        f"{hostile}.txt",
        f"bad file {hostile}",
    ]


def test_protocol_relative_link_stays_on_this_site(tmp_path: Path) -> None:
    root = _index(tmp_path, _run(), links={"d-worse.txt": "//evil.example/x"})
    assert root.find_all("a")[0].attrs["href"] == ".///evil.example/x"


def test_index_lists_stale_waivers_as_text(tmp_path: Path) -> None:
    run = _run()
    run.stale_waivers = [Waiver("0123456789abcdef", "gone.txt", "truncated", IMG, "잘린", "r")]
    root = _index(tmp_path, run, links={})
    rows = root.by_id("stale-waivers").find_all("tbody")[0].find_all("tr")
    cells = [[td.text for td in row.find_all("td")] for row in rows]
    assert cells == [["gone.txt", "truncated", f"{IMG} / 잘린", "r", "0123456789abcdef"]]
    assert root.find_all("img") == []
    assert _tagged(rows[0]) == [("ko", "잘린")]


def test_index_without_stale_waivers_has_no_such_section(tmp_path: Path) -> None:
    root = _index(tmp_path, _run(), links={})
    assert "Stale waivers" not in [h.text for h in root.find_all("h2")]


def test_korean_quoted_in_messages_is_tagged_as_korean(tmp_path: Path) -> None:
    doc = _result()
    message = "KO “셋 가.” does not say what EN “Three.” says"
    flag = Flag("mistranslation", Severity.ERROR, (4,), (2,), message, True, "맞는 번역")
    doc = DocumentResult(doc.pair, doc.src, doc.tgt, doc.beads, (flag,), 0.5, FAILURE)
    write_document_html(doc, tmp_path / "k.html", signature=SIGNATURE)
    root = parse(tmp_path / "k.html")
    messages = root.find_all("span", "msg")
    assert len(messages) == 2  # on the row and in the Flags list
    for msg in messages:
        assert msg.text == message
        assert _tagged(msg) == [("ko", "셋 가")]
    assert _tagged(root.find_all("span", "reason")[0]) == [("ko", "맞는 번역")]


def _tagged(node: Node) -> list[tuple[str | None, str]]:
    return [(n.attrs["lang"], n.text) for n in node.iter() if "lang" in n.attrs]


def test_document_page_links_back_to_the_run_index(tmp_path: Path) -> None:
    path = tmp_path / "sub dir" / "budget.txt.html"
    write_document_html(_result(), path, signature=SIGNATURE, index="../in dex.html")
    links = [a for a in parse(path).find_all("a") if a.attrs.get("rel") == "index"]
    assert [a.attrs["href"] for a in links] == ["../in%20dex.html"]


def test_search_box_says_it_searches_the_sentences(page: Node) -> None:
    assert page.by_id("search").attrs["placeholder"] == "EN or KO sentence text"


def test_index_shows_why_a_document_fails(tmp_path: Path) -> None:
    doc = replace(
        _result("c-bad.txt"), failures=("2 error flags (fail_on error)", "score 0.6 < 0.9")
    )
    root = _index(tmp_path, RunResult(documents=[doc], signature=SIGNATURE), links={})
    why = root.by_id("documents").find_all("div", "why")
    assert [d.text for d in why] == ["2 error flags (fail_on error)", "score 0.6 < 0.9"]
    headers = [th.text for th in root.by_id("documents").find_all("th")]
    assert headers[3] == "EN / KO sentences"


def test_index_lets_a_name_wrap_only_after_a_slash(tmp_path: Path) -> None:
    root = _index(tmp_path, RunResult(documents=[_result("a/b-c/d.txt")], signature=SIGNATURE), {})
    cell = root.by_id("documents").find_all("td", "name")[0]
    assert [s.text for s in cell.find_all("span", "seg")] == ["a/", "b-c/", "d.txt"]
    assert len(cell.find_all("wbr")) == 2


def _groups(root: Node) -> list[list[tuple[str, list[str]]]]:
    """Each document's flags-by-type cell: (severity label, its "type: n" items) per line."""
    return [
        [
            (line.find_all("span", "sev")[0].text, [t.text for t in line.find_all("span", "t")])
            for line in cell.find_all("div")
        ]
        for cell in root.by_id("documents").find_all("td", "types")
    ]


def test_index_counts_flag_types_per_severity_errors_first(tmp_path: Path) -> None:
    doc = _result("02_nk_missile.txt")
    flags = (
        Flag("reordered", Severity.WARNING, (0,), (0,), "crosses the next pair"),
        Flag("mistranslation", Severity.WARNING, (1, 2), (1,), "similarity 0.190"),
        Flag("number_mismatch", Severity.ERROR, (4,), (2, 3), "EN 250 km, KO 205 km"),
        Flag("reordered", Severity.WARNING, (1, 2), (1,), "crosses the next pair"),
        Flag("boilerplate", Severity.INFO, (5,), (), "caption"),
        Flag("untranslated", Severity.ERROR, (0,), (0,), "KO line 1 is English", True, "a quote"),
        Flag("number_mismatch", Severity.WARNING, (0,), (0,), "EN 3, KO three"),
    )
    root = _index(tmp_path, RunResult(documents=[replace(doc, flags=flags)]), links={})
    assert _groups(root) == [
        [
            ("error", ["number_mismatch: 1"]),
            ("warning", ["mistranslation: 1", "number_mismatch: 1", "reordered: 2"]),
            ("info", ["boilerplate: 1"]),
            ("waived", ["untranslated: 1"]),
        ]
    ]
    lines = root.by_id("documents").find_all("td", "types")[0].find_all("div")
    assert [line.classes for line in lines] == [
        ["g", "error"],
        ["g", "warning"],
        ["g", "info"],
        ["g", "waived"],
    ]


def test_index_says_a_passing_story_s_flags_are_waived(tmp_path: Path) -> None:
    doc = _clean("06_defectors.txt")
    waived = Flag("untranslated", Severity.ERROR, (0,), (0,), "KO line 1 is English", True, "ok")
    root = _index(tmp_path, RunResult(documents=[replace(doc, flags=(waived,))]), links={})
    assert _groups(root) == [[("waived", ["untranslated: 1"])]]
    clean = _index(tmp_path, RunResult(documents=[doc]), links={})
    assert [td.text for td in clean.by_id("documents").find_all("td", "types")] == ["—"]


TROOPS_EN = "The exercise runs through March 20 and involves about 19,000 South Korean troops."
TROOPS_KO = "연습은 20일까지 진행되며, 한국군 약 1만6천 명이 참가한다."
JCS_EN = "The JCS said it had detected the launch preparations in advance."
JCS_KO = f"합참은 발사 준비 동향을 사전에 포착하지 못했으며 {IMG} 정보를 공유했다."


def _span(side: str, index: int, text: str, words: str) -> Span:
    start = text.index(words)
    return Span(side, index, start, start + len(words))


def _marked_result() -> DocumentResult:
    """Two 1-1 rows: a changed number, and a flipped negation beside corpus markup,
    with a waived flag whose words overlap it; a third row has no flag."""
    src = _document("en/nk.txt", "en", [TROOPS_EN, JCS_EN, "It fired two missiles."], frozenset())
    tgt = _document("ko/nk.txt", "ko", [TROOPS_KO, JCS_KO, "미사일 두 발을 쐈다."], frozenset())
    beads = (Bead((0,), (0,), 0.6), Bead((1,), (1,), 0.68), Bead((2,), (2,), 0.9))
    number = Flag(
        "number_mismatch",
        Severity.ERROR,
        (0,),
        (0,),
        "number 19,000 in the English is 1만6천 (16,000) in the Korean",
        spans=(_span("src", 0, TROOPS_EN, "19,000"), _span("tgt", 0, TROOPS_KO, "1만6천")),
    )
    negation = Flag(
        "mistranslation",
        Severity.WARNING,
        (1,),
        (1,),
        "negation lost or added",
        subject="negation",
        spans=(_span("tgt", 1, JCS_KO, "포착하지 못했으며"),),
    )
    # overlaps the negation's words and runs on into the corpus markup after them
    waived = Flag(
        "terminology",
        Severity.ERROR,
        (1,),
        (1,),
        "a term",
        True,
        "house style",
        spans=(_span("tgt", 1, JCS_KO, f"못했으며 {IMG}"),),
    )
    pair = DocumentPair("nk.txt", src.path, tgt.path)
    return DocumentResult(pair, src, tgt, beads, (number, negation, waived), 0.7, FAILURE)


def _sentence_parts(cell: Node) -> list[str | tuple[str, str, str]]:
    """A cell's sentence as text and ``(mark class, title, text)`` runs, its reference
    left out."""
    [sentence] = cell.find_all("div", "sent")
    return [
        c if isinstance(c, str) else (c.attrs["class"] or "", c.attrs["title"] or "", c.text)
        for c in sentence.children
        if isinstance(c, str) or c.tag == "mark"
    ]


def test_marks_wrap_exactly_the_words_each_flag_is_about(tmp_path: Path) -> None:
    path = tmp_path / "nk.txt.html"
    write_document_html(_marked_result(), path, signature=SIGNATURE)
    rows = _rows(parse(path))
    number = ("error", "number_mismatch")
    assert _sentence_parts(_cells(rows[0])[1]) == [
        "The exercise runs through March 20 and involves about ",
        (*number, "19,000"),
        " South Korean troops.",
    ]
    assert _sentence_parts(_cells(rows[0])[2]) == [
        "연습은 20일까지 진행되며, 한국군 약 ",
        (*number, "1만6천"),
        " 명이 참가한다.",
    ]
    # overlapping words take the worse mark and both titles; corpus markup stays text
    assert _sentence_parts(_cells(rows[1])[2]) == [
        "합참은 발사 준비 동향을 사전에 ",
        ("warning", "mistranslation", "포착하지 "),
        ("warning", "mistranslation, terminology (waived)", "못했으며"),
        ("waived", "terminology (waived)", f" {IMG}"),
        " 정보를 공유했다.",
    ]
    assert not parse(path).find_all("img")
    # the sentence reads as before, marks aside; rows without spans have no marks
    assert _cells(rows[1])[2].text == f"nk.txt:11{JCS_KO}"
    assert not _cells(rows[1])[1].find_all("mark")
    assert not rows[2].find_all("mark")


def test_a_page_without_spans_has_no_marks(page: Node) -> None:
    assert not page.find_all("mark")
