"""The HTML report in a real headless browser: Debian's ``chromium`` driven by
Playwright (``playwright install`` is never needed: the system browser is used).

Skipped when chromium or the playwright package is missing; ``.ci/run``
installs both.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from report_samples import IMG, SIGNATURE, document, failing_doc, sample_run

from aligner.models import Bead, DocumentPair, DocumentResult, Flag, Severity, Span
from aligner.report import write_document_html, write_index_html

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian chromium is not installed (apt-get install chromium)"
)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

# Payloads that set a flag (and open a dialog) if they ever run.
PAYLOADS = (
    '<img src=x onerror="window.__pwned=1;alert(1)">',
    "</script><script>window.__pwned=2;alert(2)</script>",
    "<svg onload=\"window.__pwned=3\"></svg><a href='javascript:window.__pwned=4'>x</a>",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class Page:
    """A browser page that records dialogs and console errors."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: Path) -> Page:
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        return self

    def visible_rows(self) -> list[str]:
        ids: list[str] = self.page.evaluate(
            "[...document.querySelectorAll('tbody.bead')].filter(r => !r.hidden).map(r => r.id)"
        )
        return ids

    def shown(self) -> str:
        text: str = self.page.inner_text("#shown")
        return text

    def wait_shown(self, text: str) -> None:
        """Wait for the row count (the search is debounced); polled by Playwright
        itself, as the page's CSP forbids the eval that ``wait_for_function`` uses."""
        sync_api.expect(self.page.locator("#shown")).to_have_text(text)

    def untick(self, kind: str, value: str) -> None:
        self.page.uncheck(f"input[data-kind={kind}][value={value}]")

    def active(self) -> str:
        active: str = self.page.evaluate("document.activeElement.id")
        return active


@pytest.fixture()
def tab(browser: Any) -> Iterator[Page]:
    page = browser.new_page(viewport={"width": 1000, "height": 700})
    yield Page(page)
    page.close()


@pytest.fixture()
def report(tmp_path: Path) -> Path:
    path = tmp_path / "budget.html"
    write_document_html(failing_doc(), path, signature=SIGNATURE)
    return path


def _hostile(tmp_path: Path) -> Path:
    name = PAYLOADS[0]
    src = document(f"en/{name}.txt", "en", [PAYLOADS[0], PAYLOADS[1], PAYLOADS[2]])
    tgt = document(f"ko/{name}.txt", "ko", [PAYLOADS[2], PAYLOADS[1]])
    beads = (Bead((0,), (0,), 0.5), Bead((1,), (1,), 0.9), Bead((2,), (), 0.0))
    flags = (
        Flag("mistranslation", Severity.ERROR, (0,), (0,), f"bad {PAYLOADS[1]}"),
        Flag(PAYLOADS[0], Severity.WARNING, (2,), (), PAYLOADS[2]),
    )
    doc = DocumentResult(
        DocumentPair(name, src.path, tgt.path),
        src,
        tgt,
        beads,
        flags,
        0.1,
        ("1 error flag (fail_on error)",),
    )
    path = tmp_path / "hostile.html"
    write_document_html(doc, path, signature=f"{SIGNATURE} {PAYLOADS[1]}")
    return path


def test_corpus_text_renders_as_text_and_never_runs(tab: Page, tmp_path: Path) -> None:
    tab.open(_hostile(tmp_path))
    tab.page.keyboard.press("j")  # exercise the page script around the payloads
    tab.page.click("#chart")
    tab.page.wait_for_timeout(200)
    assert tab.page.evaluate("typeof window.__pwned") == "undefined"
    assert tab.dialogs == []
    assert tab.page.locator("img, iframe, object, embed").count() == 0
    assert tab.page.locator("main a[href^='javascript']").count() == 0
    assert tab.page.locator("script").count() == 1  # the page's own
    assert tab.page.inner_text("h1") == PAYLOADS[0]
    first = tab.page.inner_text("#r1")
    assert PAYLOADS[0] in first and PAYLOADS[2] in first
    assert PAYLOADS[1] in tab.page.inner_text("#r2")
    assert f"bad {PAYLOADS[1]}" in tab.page.inner_text("#r1")
    assert tab.errors == []  # the page's script ran under its CSP hash without complaint


def test_index_names_cannot_inject_either(tab: Page, tmp_path: Path) -> None:
    doc = failing_doc(PAYLOADS[0])
    from aligner.models import RunResult

    run = RunResult(documents=[doc], signature=SIGNATURE)
    write_index_html(
        run, tmp_path / "index.html", links={PAYLOADS[0]: "javascript:window.__pwned=5"}
    )
    tab.open(tmp_path / "index.html")
    tab.page.click("#documents a")
    tab.page.wait_for_timeout(200)
    assert tab.page.evaluate("typeof window.__pwned") == "undefined"
    assert tab.dialogs == []


def test_all_rows_show_until_a_filter_changes(tab: Page, report: Path) -> None:
    tab.open(report)
    assert tab.visible_rows() == ["r1", "r2", "r3", "r4", "r5", "r6"]
    assert tab.shown() == "6 of 6 rows shown"


def test_severity_filter_hides_rows_with_only_that_severity(tab: Page, report: Path) -> None:
    tab.open(report)
    tab.untick("severity", "error")
    # r4 keeps its number_mismatch warning; r3, r5, r6 had only errors
    assert tab.visible_rows() == ["r1", "r2", "r4"]
    assert tab.shown() == "3 of 6 rows shown"
    tab.page.check("input[data-kind=severity][value=error]")
    assert tab.shown() == "6 of 6 rows shown"


def test_type_filter_and_rows_without_flags(tab: Page, report: Path) -> None:
    tab.open(report)
    for flag_type in ("missing", "number_mismatch", "truncated", "extra", "mistranslation"):
        tab.untick("type", flag_type)
    assert tab.visible_rows() == ["r1", "r2"]  # the reordered pair
    tab.untick("type", "reordered")
    assert tab.visible_rows() == []
    assert tab.shown() == "0 of 6 rows shown"


def test_unflagged_rows_can_be_hidden(tab: Page, tmp_path: Path) -> None:
    path = tmp_path / "long.html"
    write_document_html(_long_document(40, flagged=(10, 30)), path, signature=SIGNATURE)
    tab.open(path)
    tab.page.uncheck("#show-plain")
    assert tab.visible_rows() == ["r11", "r31"]


def test_search_filters_rows_in_either_language(tab: Page, report: Path) -> None:
    tab.open(report)
    tab.page.fill("#search", "lost")
    tab.wait_shown("1 of 6 rows shown")
    assert tab.visible_rows() == ["r3"]
    tab.page.fill("#search", "셋 나")
    sync_api.expect(tab.page.locator("#r4")).to_be_visible()
    assert tab.visible_rows() == ["r4"]
    tab.page.fill("#search", "")
    tab.wait_shown("6 of 6 rows shown")


def test_esc_in_the_search_box_keeps_the_query_and_its_rows_in_step(
    tab: Page, report: Path
) -> None:
    tab.open(report)
    tab.page.keyboard.press("/")
    tab.page.keyboard.type("lost")
    tab.wait_shown("1 of 6 rows shown")
    tab.page.keyboard.press("Escape")  # Chrome's own Esc emptied the box, rows stayed hidden
    assert tab.page.input_value("#search") == "lost"
    assert tab.shown() == "1 of 6 rows shown"


def test_keys_move_to_the_next_and_previous_flagged_row(tab: Page, report: Path) -> None:
    tab.open(report)
    keys = tab.page.keyboard
    seen = []
    for key in ("j", "j", "n", "k", "p"):
        keys.press(key)
        seen.append(tab.active())
    assert seen == ["r1", "r2", "r3", "r2", "r1"]
    assert tab.page.evaluate("document.querySelectorAll('tbody.current').length") == 1
    tab.untick("severity", "warning")  # navigation skips hidden rows
    tab.page.focus("body")
    keys.press("j")
    assert tab.active() == "r3"


def test_typing_in_the_search_box_does_not_navigate(tab: Page, report: Path) -> None:
    tab.open(report)
    keys = tab.page.keyboard
    keys.press("/")
    assert tab.page.evaluate("document.activeElement.id") == "search"
    keys.type("jk")
    assert tab.page.input_value("#search") == "jk"
    assert tab.page.evaluate("document.querySelectorAll('tbody.current').length") == 0
    tab.page.fill("#search", "")
    tab.wait_shown("6 of 6 rows shown")
    keys.press("Escape")  # leaves the search box; keys navigate again
    keys.press("j")
    assert tab.active() == "r1"


def test_navigation_scrolls_a_long_document_to_the_flag(tab: Page, tmp_path: Path) -> None:
    path = tmp_path / "long.html"
    write_document_html(_long_document(300, flagged=(150, 280)), path, signature=SIGNATURE)
    tab.open(path)
    assert tab.page.evaluate("window.scrollY") == 0
    tab.page.keyboard.press("j")
    assert tab.active() == "r151"
    assert tab.page.evaluate("window.scrollY") > 1000
    assert _in_viewport(tab, "r151")
    tab.page.keyboard.press("j")
    assert tab.active() == "r281" and _in_viewport(tab, "r281")


def test_clicking_the_chart_jumps_to_that_row(tab: Page, tmp_path: Path) -> None:
    path = tmp_path / "long.html"
    write_document_html(_long_document(300, flagged=(150,)), path, signature=SIGNATURE)
    tab.open(path)
    box = tab.page.locator("#chart").bounding_box()
    assert box is not None
    tab.page.mouse.click(box["x"] + box["width"] * 150.5 / 300, box["y"] + box["height"] / 2)
    assert tab.active() == "r151" and _in_viewport(tab, "r151")


def _in_viewport(tab: Page, row: str) -> bool:
    inside: bool = tab.page.evaluate(
        "id => { const r = document.getElementById(id).getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }",
        row,
    )
    return inside


def _long_document(n: int, *, flagged: tuple[int, ...]) -> DocumentResult:
    src = document("en/long.txt", "en", [f"English sentence {i}." for i in range(n)])
    tgt = document("ko/long.txt", "ko", [f"한국어 문장 {i}." for i in range(n)])
    beads = tuple(Bead((i,), (i,), 0.8) for i in range(n))
    flags = tuple(Flag("mistranslation", Severity.ERROR, (i,), (i,), "odd") for i in flagged)
    pair = DocumentPair("long.txt", src.path, tgt.path)
    return DocumentResult(pair, src, tgt, beads, flags, 0.9, ("1 error flag (fail_on error)",))


# Contrast ratio (WCAG 2) of an element's text against the first opaque
# background behind it, opacity of the element and its ancestors included.
CONTRAST = r"""sel => {
  const el = document.querySelector(sel);
  const rgba = s => s.match(/[0-9.]+/g).map(Number);
  const lum = c => c.slice(0, 3).map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  let bg = null, opacity = 1;
  for (let n = el; n; n = n.parentElement) {
    const style = getComputedStyle(n);
    opacity *= Number(style.opacity);
    const c = rgba(style.backgroundColor);
    if (!bg && (c.length < 4 || c[3] > 0)) { bg = c; }
  }
  bg = bg || [255, 255, 255];
  const fg = rgba(getComputedStyle(el).color).slice(0, 3)
    .map((v, i) => v * opacity + bg[i] * (1 - opacity));
  const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
  return (hi + 0.05) / (lo + 0.05);
}"""


def _top(tab: Page, selector: str) -> float:
    top: float = tab.page.evaluate(
        "s => document.querySelector(s).getBoundingClientRect().top", selector
    )
    return top


def _current(tab: Page) -> list[str]:
    ids: list[str] = tab.page.evaluate(
        "[...document.querySelectorAll('tbody.current')].map(r => r.id)"
    )
    return ids


def _scroll_to_top(tab: Page, row: str) -> None:
    """Scroll as an editor would: ``row`` just below the sticky header."""
    tab.page.evaluate("id => document.getElementById(id).scrollIntoView()", row)


@pytest.fixture()
def long_report(tmp_path: Path) -> Path:
    path = tmp_path / "long.html"
    write_document_html(_long_document(300, flagged=(10, 150, 280)), path, signature=SIGNATURE)
    return path


def test_a_link_to_a_row_lands_below_the_header_and_makes_it_current(
    tab: Page, long_report: Path
) -> None:
    tab.open(long_report)
    tab.page.click("#flags ~ ul.flags a[href='#r151']")
    header = tab.page.locator("table.align > thead").bounding_box()
    assert header is not None
    assert header["y"] + header["height"] <= _top(tab, "#r151") < header["y"] + 60
    assert _current(tab) == ["r151"] and tab.active() == "r151"
    outline = tab.page.eval_on_selector("#r151", "r => getComputedStyle(r).outlineStyle")
    assert outline == "solid"  # the current row is marked, not only by a 4px bar
    tab.page.keyboard.press("j")  # next flag from the row the link went to
    assert tab.active() == "r281"
    # opening the page at a row does the same
    tab.page.goto("about:blank")
    tab.page.goto(long_report.as_uri() + "#r151")
    assert _current(tab) == ["r151"] and _top(tab, "#r151") >= 30
    tab.page.keyboard.press("k")
    assert tab.active() == "r11"


def test_a_link_to_a_filtered_out_row_clears_the_filters(tab: Page, report: Path) -> None:
    tab.open(report)
    tab.untick("severity", "error")
    tab.page.fill("#search", "a")
    tab.wait_shown("1 of 6 rows shown")  # r2: "Two a."
    tab.page.click("#flags ~ ul.flags a[href='#r3']")
    assert "r3" in tab.visible_rows() and _in_viewport(tab, "r3")
    assert tab.shown() == "Filters cleared to show row 3: 6 of 6 rows shown"
    assert tab.page.input_value("#search") == ""
    assert tab.page.locator("#controls input[type=checkbox]:not(:checked)").count() == 0
    assert tab.active() == "r3"


def test_keys_continue_from_where_the_editor_scrolled(tab: Page, long_report: Path) -> None:
    tab.open(long_report)
    _scroll_to_top(tab, "r100")
    tab.page.keyboard.press("j")
    assert tab.active() == "r151"
    tab.page.keyboard.press("j")  # the current row is on screen: on from it
    assert tab.active() == "r281"
    _scroll_to_top(tab, "r100")
    tab.page.keyboard.press("k")
    assert tab.active() == "r11"
    _scroll_to_top(tab, "r200")
    tab.page.keyboard.press("k")
    assert tab.active() == "r151"


def test_keys_work_with_capslock_and_a_korean_layout(tab: Page, report: Path) -> None:
    tab.open(report)
    cdp = tab.page.context.new_cdp_session(tab.page)

    def press(key: str, code: str, modifiers: int = 0) -> None:
        event = {"key": key, "code": code, "text": key, "modifiers": modifiers}
        cdp.send("Input.dispatchKeyEvent", {"type": "keyDown", **event})
        cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", **event})

    press("ㅓ", "KeyJ")  # the J key in a Korean layout
    assert tab.active() == "r1"
    press("J", "KeyJ")  # CapsLock
    assert tab.active() == "r2"
    press("ㅏ", "KeyK")
    assert tab.active() == "r1"
    press("N", "KeyN")
    press("ㅜ", "KeyN")
    assert tab.active() == "r3"
    press("j", "KeyJ", modifiers=2)  # Ctrl+J is the browser's
    press("ㅓ", "KeyJ", modifiers=1)  # Alt+J too
    assert tab.active() == "r3"
    press("/", "Slash")
    assert tab.active() == "search"
    press("ㅓ", "KeyJ")  # typed into the search box, not a command
    assert tab.active() == "search" and _current(tab) == ["r3"]


def test_search_looks_only_at_the_sentences(tab: Page, report: Path) -> None:
    """Not at file names, references, severities, flag types, messages, similarities."""
    tab.page.clock.install()  # the search waits for typing to pause: run its timer at once
    tab.open(report)
    for query in ("budget", "txt:5", "warning", "mistranslation", "shorter", "KO", "0.800", "1-2"):
        tab.page.fill("#search", query)
        tab.page.clock.run_for(500)
        assert tab.shown() == "0 of 6 rows shown", query
    tab.page.fill("#search", "TWO B")
    tab.page.clock.run_for(500)
    assert tab.visible_rows() == ["r2"]


def test_print_shows_flags_without_colours_or_controls(tab: Page, report: Path) -> None:
    tab.open(report)
    tab.page.emulate_media(media="print")

    def style(selector: str, prop: str) -> str:
        value: str = tab.page.eval_on_selector(
            selector, "(e, p) => getComputedStyle(e).getPropertyValue(p)", prop
        )
        return value

    for hidden in ("#controls", ".keys"):
        assert style(hidden, "display") == "none"
    for badge in (".verdict", "#r3 .sev.error", "#r1 .sev.warning"):
        assert style(badge, "background-color") == "rgba(0, 0, 0, 0)"
        assert style(badge, "color") != "rgb(255, 255, 255)"
        assert style(badge, "border-top-width") == "1px"
    assert style("#r3 td", "background-color") == "rgba(0, 0, 0, 0)"
    assert style("#r3 td", "border-left-style") == "solid"  # error
    assert style("#r1 td", "border-left-style") == "dashed"  # warning
    assert style("#r1", "break-inside") == "avoid"
    assert style("table.align > thead", "position") == "static"


def test_narrow_screens_stack_the_languages_without_sideways_scrolling(
    tab: Page, tmp_path: Path
) -> None:
    path = tmp_path / "narrow.html"
    name = "politics/the-budget-debate-in-the-national-assembly-on-tuesday.txt"
    write_document_html(failing_doc(name), path, signature=SIGNATURE)
    tab.open(path)
    for width in (768, 400):
        tab.page.set_viewport_size({"width": width, "height": 700})
        assert tab.page.evaluate("document.documentElement.scrollWidth") <= width
    cells = [tab.page.locator(f"#r4 > tr:first-child > td[lang={lang}]") for lang in ("en", "ko")]
    en, ko = (cell.bounding_box() for cell in cells)
    assert en is not None and ko is not None
    assert en["y"] + en["height"] <= ko["y"] and min(en["width"], ko["width"]) > 300
    label = cells[1].evaluate("c => getComputedStyle(c, '::before').content")
    assert label == '"ko"'  # each side says which it is (upper-cased)


def test_index_keeps_figures_and_names_whole_and_says_why_a_document_fails(
    tab: Page, tmp_path: Path
) -> None:
    from aligner.models import RunResult

    long = failing_doc("politics/2024/the-budget-debate-in-the-assembly.txt")
    run = RunResult(documents=[long, *sample_run().documents], signature=SIGNATURE)
    write_index_html(run, tmp_path / "index.html", links={})
    tab.open(tmp_path / "index.html")
    lines = """sel => [...document.querySelectorAll(sel)].map(e => {
      const r = document.createRange(); r.selectNodeContents(e);
      return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size; })"""
    for width in (1366, 400):
        tab.page.set_viewport_size({"width": width, "height": 700})
        assert tab.page.evaluate("document.documentElement.scrollWidth") <= width
        for whole in ("#documents td.n", ".seg", ".t", ".verdict"):
            assert set(tab.page.evaluate(lines, whole)) == {1}, (width, whole)
    first = tab.page.inner_text("#documents tbody tr")
    assert "4 error flags (fail_on error)" in first
    assert "ERROR extra: 1, missing: 1, mistranslation: 1, truncated: 1" in first
    for line in (".g.error", ".g.error .sev", ".g.warning", ".g.warning .sev"):
        assert tab.page.evaluate(CONTRAST, line) >= 4.5, line


def test_each_header_sits_over_its_figures(tab: Page, tmp_path: Path, report: Path) -> None:
    """Numbers are right-aligned, so are their headers: each header's text starts
    where its column's text starts, or ends where it ends."""
    edges = """sel => [0, 1].map(i => [...document.querySelector(sel).rows[i].cells].map(c => {
      const r = document.createRange(); r.selectNodeContents(c);
      const b = r.getBoundingClientRect(); return [b.left, b.right]; }))"""
    write_index_html(sample_run(), tmp_path / "index.html", links={})
    for page, table in ((tmp_path / "index.html", "#documents"), (report, ".counts")):
        tab.open(page)
        heads, cells = tab.page.evaluate(edges, table)
        assert len(heads) == len(cells) > 3
        for head, cell in zip(heads, cells, strict=True):
            assert min(abs(head[0] - cell[0]), abs(head[1] - cell[1])) < 1, (table, head, cell)


def test_a_document_page_links_back_to_the_index(tab: Page, tmp_path: Path) -> None:
    from aligner import api
    from aligner.config import Settings

    api.write_reports(sample_run(), settings=Settings(report_dir=tmp_path, formats=("html",)))
    tab.open(tmp_path / "politics" / "budget.txt.html")
    tab.page.click("a[rel=index]")
    tab.page.wait_for_load_state("load")
    assert tab.page.url == (tmp_path / "index.html").as_uri()
    assert tab.page.title().startswith("aligner run")


def test_dimmed_and_empty_cells_stay_readable(tab: Page, tmp_path: Path) -> None:
    doc = failing_doc()
    sentences = list(doc.src.sentences)
    sentences[5] = replace(sentences[5], boilerplate=True)  # row 6, an error row
    doc = replace(doc, src=replace(doc.src, sentences=tuple(sentences)))
    path = tmp_path / "boilerplate.html"
    write_document_html(doc, path, signature=SIGNATURE)
    tab.open(path)
    for selector in ("#r6 .boilerplate", "#r6 .boilerplate .ref", "#r3 .gap", "#r3 td.sim"):
        assert tab.page.evaluate(CONTRAST, selector) >= 4.5, selector


def _chart_document() -> DocumentResult:
    """Flagged rows at every height: English pasted into the Korean (similarity
    1.000), a loose pair, a gap, a waived flag on a close pair."""
    en = [
        "The government will spend 656.6 trillion won next year.",
        "The budget is 2.8 percent larger than this year's.",
        "Lawmakers are expected to debate it until December.",
        "The opposition called the plan irresponsible.",
        "Welfare spending rises to 242.9 trillion won.",
        "The ministry said the deficit would narrow.",
    ]
    ko = [
        "정부는 내년에 656조6천억원을 지출한다.",
        "The budget is 2.8 percent larger than this year's.",
        "국회는 예산안을 통과시켰다.",
        "복지 지출은 242조9천억원으로 늘어난다.",
        "기획재정부는 적자가 줄어들 것이라고 밝혔다.",
    ]
    src, tgt = document("en/budget.txt", "en", en), document("ko/budget.txt", "ko", ko)
    beads = (
        Bead((0,), (0,), 0.86),
        Bead((1,), (1,), 1.0),
        Bead((2,), (2,), 0.31),
        Bead((3,), (), 0.0),
        Bead((4,), (3,), 0.95),
        Bead((5,), (4,), 0.83),
    )
    flags = (
        Flag("untranslated", Severity.ERROR, (1,), (1,), "KO line 2 is English"),
        Flag("mistranslation", Severity.WARNING, (2,), (2,), "similarity 0.310"),
        Flag("missing", Severity.ERROR, (3,), (), "EN line 4 has no KO counterpart"),
        Flag("number_mismatch", Severity.ERROR, (4,), (3,), "242.9", True, "rounded"),
    )
    pair = DocumentPair("budget.txt", src.path, tgt.path)
    return DocumentResult(pair, src, tgt, beads, flags, 0.6, ("2 error flags (fail_on error)",))


# What the chart shows at the middle of each flagged row's mark, and at the top
# of the row's similarity bar: the class of the topmost element painted there.
CHART_AT = """() => {
  const chart = document.getElementById('chart').getBoundingClientRect();
  const rows = [...document.querySelectorAll('tbody.bead')];
  const bars = document.querySelector('#chart .bars').getBoundingClientRect();
  const at = (x, y) => document.elementFromPoint(x, y).getAttribute('class');
  const seen = {};
  rows.forEach((row, i) => {
    if (!row.dataset.flags) { return; }
    const x = chart.left + chart.width * (i + 0.5) / rows.length;
    const kind = row.classList.contains('flagged')
      ? [...row.classList].find(c => c.startsWith('sev-')).slice(4) : 'waived';
    const mark = document.querySelector('#chart .' + kind).getBoundingClientRect();
    seen[row.id] = [at(x, mark.top + mark.height / 2), at(x, bars.top + 2)];
  });
  return seen;
}"""


def test_every_flagged_row_shows_its_severity_in_the_chart_whatever_its_similarity(
    tab: Page, tmp_path: Path
) -> None:
    path = tmp_path / "chart.html"
    write_document_html(_chart_document(), path, signature=SIGNATURE)
    tab.open(path)
    marks = {row: seen[0] for row, seen in tab.page.evaluate(CHART_AT).items()}
    # r2's English pasted into the Korean scores 1.000: a full-height bar over its mark
    assert marks == {"r2": "error", "r3": "warning", "r4": "error", "r5": "waived"}
    tops = {row: seen[1] for row, seen in tab.page.evaluate(CHART_AT).items()}
    assert tops["r2"] == "bars"  # and its similarity still shows


def test_keys_go_on_from_the_current_row_after_the_search_box(tab: Page, long_report: Path) -> None:
    tab.open(long_report)
    keys = tab.page.keyboard
    keys.press("j")
    keys.press("j")
    assert tab.active() == "r151"
    keys.press("/")  # scrolls up to the search box
    assert tab.page.evaluate("window.scrollY") < 1000
    keys.press("Escape")
    keys.press("j")
    assert tab.active() == "r281"
    keys.press("/")
    keys.press("Escape")
    keys.press("k")
    assert tab.active() == "r151"
    # a search typed, then cleared
    keys.press("/")
    keys.type("sentence 15")
    tab.wait_shown("11 of 300 rows shown")
    keys.press("Control+a")
    keys.press("Backspace")
    tab.wait_shown("300 of 300 rows shown")
    keys.press("Escape")
    keys.press("j")
    assert tab.active() == "r281"


def test_keys_go_on_from_the_current_row_after_a_filter(tab: Page, long_report: Path) -> None:
    tab.open(long_report)
    tab.page.goto(long_report.as_uri() + "#r151")
    tab.page.uncheck("#show-plain")
    tab.page.check("#show-plain")  # the editor is up at the filters now
    assert not _in_viewport(tab, "r151")
    tab.page.keyboard.press("k")
    assert tab.active() == "r11"


def test_keys_go_on_from_where_the_editor_read_before_the_search(
    tab: Page, long_report: Path
) -> None:
    tab.open(long_report)
    _scroll_to_top(tab, "r100")  # no current row yet
    tab.page.keyboard.press("/")
    tab.page.keyboard.press("Escape")
    tab.page.keyboard.press("j")
    assert tab.active() == "r151"
    # without the search, the top of the page is where the editor is
    tab.page.evaluate("window.scrollTo(0, 0)")
    tab.page.keyboard.press("j")
    assert tab.active() == "r11"
    # and once the editor has scrolled back into the rows after a search
    tab.page.keyboard.press("j")
    tab.page.keyboard.press("/")
    tab.page.keyboard.press("Escape")
    _scroll_to_top(tab, "r200")
    tab.page.wait_for_timeout(100)  # the scroll event
    tab.page.evaluate("window.scrollTo(0, 0)")
    tab.page.keyboard.press("j")
    assert tab.active() == "r11"


def test_waived_flags_read_as_plainly_as_the_others(tab: Page, tmp_path: Path) -> None:
    path = tmp_path / "waived.html"
    write_document_html(_chart_document(), path, signature=SIGNATURE)
    tab.open(path)
    for item in ("#r5 li.waived", "#flags ~ ul.flags li.waived"):
        for part in (".msg", ".ftype"):
            style = tab.page.eval_on_selector(
                f"{item} {part}", "e => getComputedStyle(e).textDecorationLine"
            )
            assert style == "none", (item, part)
            assert tab.page.evaluate(CONTRAST, f"{item} {part}") >= 7, (item, part)
        assert tab.page.inner_text(f"{item} .sev.waived") == "WAIVED"
        assert "(waived: rounded)" in tab.page.inner_text(item)


def _marked(tmp_path: Path) -> Path:
    """The sample with the words of two flags spanned: "12%" and "13%" of its number
    flag (a warning), and the whole of a hostile sentence of its mistranslation."""
    doc = failing_doc()
    spans = {
        "number_mismatch": (Span("src", 4, 6, 9), Span("tgt", 2, 4, 7)),
        "mistranslation": (Span("src", 5, 0, len(doc.src.sentences[5].text)),),
    }
    flags = tuple(replace(f, spans=spans.get(f.type, ())) for f in doc.flags)
    path = tmp_path / "marked.html"
    write_document_html(replace(doc, flags=flags), path, signature=SIGNATURE)
    return path


def test_marked_words_stand_out_in_their_severity_and_stay_searchable(
    tab: Page, tmp_path: Path
) -> None:
    tab.open(_marked(tmp_path))
    assert tab.page.inner_text("#r4 td[lang=en] mark") == "12%"
    assert tab.page.inner_text("#r4 td[lang=ko] mark") == "13%"
    style = "(e, p) => getComputedStyle(e).getPropertyValue(p)"
    mark = tab.page.eval_on_selector("#r4 mark.warning", style, "background-color")
    cell = tab.page.eval_on_selector("#r4 td[lang=ko]", style, "background-color")
    error = tab.page.eval_on_selector("#r6 mark.error", style, "background-color")
    assert len({mark, cell, error}) == 3  # darker than its row, and by severity
    assert tab.page.evaluate(CONTRAST, "#r4 mark.warning") >= 7
    # a mark cuts no word for the search, and corpus markup in one stays text
    tab.page.fill("#search", "가 13%")
    tab.wait_shown("1 of 6 rows shown")
    assert tab.visible_rows() == ["r4"]
    tab.page.fill("#search", "")
    tab.wait_shown("6 of 6 rows shown")
    assert tab.page.inner_text("#r6 td[lang=en] mark") == IMG
    assert tab.dialogs == [] and tab.page.locator("img").count() == 0
    # printed: underlined in the row bar's style instead of filled
    tab.page.emulate_media(media="print")
    assert tab.page.eval_on_selector("#r4 mark", style, "background-color") == "rgba(0, 0, 0, 0)"
    assert tab.page.eval_on_selector("#r4 mark", style, "text-decoration-line") == "underline"
    assert tab.page.eval_on_selector("#r4 mark", style, "text-decoration-style") == "dashed"
