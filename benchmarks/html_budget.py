"""Size and speed of the HTML report of a long document, against a budget.

Builds a synthetic checked document (N sentences a side, news-length EN and KO
text, 1-1 beads with a merge, a gap and a flag every 50 rows), writes its HTML
page and opens it in headless Chromium (Debian's ``chromium`` via Playwright).
Prints the file size, the write time, the browser's load time (navigation to
the ``load`` event, median of ``--repeat`` loads), the time to apply a filter
(hide the unflagged rows) and to jump to the next flag (``j``), and the mean
frame time while scrolling by mouse wheel and by dragging the scroll bar.
Exits 1 if a figure is over the budget.

    python benchmarks/html_budget.py [--sentences 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from aligner.models import (
    Bead,
    Document,
    DocumentPair,
    DocumentResult,
    Flag,
    Sentence,
    Severity,
    Span,
)
from aligner.report import write_document_html

# The budget for a 10,000-sentence document on a 2-core machine.
BUDGET = {
    "size_mb": 8.0,
    "load_s": 3.0,
    "filter_ms": 1000.0,
    "next_flag_ms": 200.0,
    "wheel_frame_ms": 33.0,
    "drag_frame_ms": 100.0,
}
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
EN = (
    "The ministry said on Tuesday that exports of semiconductors rose {n} percent from a year "
    "earlier, the {n}th straight monthly gain, as demand for servers recovered."
)
KO = "산업통상자원부는 화요일 반도체 수출이 1년 전보다 {n}% 늘어 {n}개월 연속 증가했다고 밝혔다."
# Mean frame time while scrolling: by the mouse wheel (120 px a frame, 100 frames
# from the middle of the page) and by dragging the scroll bar (60 jumps, top to bottom).
FRAMES = """async () => {{
  window.scrollTo(0, {start});
  await new Promise(requestAnimationFrame);
  const frames = [];
  let last = performance.now();
  for (let i = 0; i < {count}; i++) {{
    {move};
    await new Promise(requestAnimationFrame);
    const now = performance.now();
    frames.push(now - last);
    last = now;
  }}
  return frames;
}}"""
WHEEL = FRAMES.format(start="document.body.scrollHeight / 2", count=100, move="scrollBy(0, 120)")
DRAG = FRAMES.format(
    start="0", count=60, move="scrollTo(0, (i + 1) * document.body.scrollHeight / 60)"
)


def synthetic_document(n: int) -> DocumentResult:
    """N sentences a side; every 50th row flagged, with a 2-1 merge and a 1-0 gap, and
    every 50th a changed number, marked."""
    src = _document("en/long.txt", "en", [EN.format(n=i) for i in range(n)])
    tgt = _document("ko/long.txt", "ko", [KO.format(n=i) for i in range(n)])
    beads: list[Bead] = []
    flags: list[Flag] = []
    i = 0
    while i < n:
        if i % 50 == 10 and i + 1 < n:  # a 2-1 merge and a missing sentence
            beads += [Bead((i, i + 1), (i,), 0.71), Bead((), (i + 1,), 0.0)]
            flags.append(Flag("extra", Severity.ERROR, (), (i + 1,), f"KO line {i + 2} extra"))
            i += 2
            continue
        beads.append(Bead((i,), (i,), 0.5 + (i % 7) / 20))
        if i % 50 == 30:  # its numbers marked in both sentences
            spans = tuple(
                Span(side, i, text.index(str(i)), text.index(str(i)) + len(str(i)))
                for side, text in (("src", EN.format(n=i)), ("tgt", KO.format(n=i)))
            )
            flags.append(
                Flag("number_mismatch", Severity.WARNING, (i,), (i,), "12 vs 13", spans=spans)
            )
        i += 1
    pair = DocumentPair("long.txt", src.path, tgt.path)
    return DocumentResult(
        pair, src, tgt, tuple(beads), tuple(flags), 0.9, failures=("error flags (fail_on error)",)
    )


def _document(path: str, lang: str, texts: list[str]) -> Document:
    sentences = tuple(Sentence(i, t, i + 1, 0, len(t)) for i, t in enumerate(texts))
    return Document(Path(path), lang, sentences)


def measure(path: Path, repeat: int) -> dict[str, float]:
    """Load the page ``repeat`` times in headless Chromium and time what an editor does."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        loads = []
        page: Any = None
        for _ in range(repeat):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(path.as_uri(), wait_until="load", timeout=120_000)
            loads.append(
                page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
            )
        filter_ms = page.evaluate(
            "() => { const t = performance.now(); document.getElementById('show-plain').click();"
            " document.body.offsetHeight; const d = performance.now() - t;"
            " document.getElementById('show-plain').click(); return d; }"
        )
        start = page.evaluate("performance.now()")
        page.keyboard.press("j")
        next_flag_ms = page.evaluate("performance.now()") - start
        wheel = page.evaluate(WHEEL)
        drag = page.evaluate(DRAG)
        browser.close()
    return {
        "load_s": statistics.median(loads) / 1000,
        "filter_ms": filter_ms,
        "next_flag_ms": next_flag_ms,
        "wheel_frame_ms": statistics.mean(wheel),
        "drag_frame_ms": statistics.mean(drag),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    doc = synthetic_document(args.sentences)
    with tempfile.TemporaryDirectory() as out:
        path = Path(out) / "long.html"
        start = time.perf_counter()
        write_document_html(doc, path, signature="aligner|benchmark")
        write_s = time.perf_counter() - start
        figures = {"size_mb": path.stat().st_size / 1e6, "write_s": write_s}
        figures |= measure(path, args.repeat)
    flagged = sum(1 for _ in doc.flags)
    print(f"{args.sentences:,} sentences a side, {len(doc.beads):,} rows, {flagged} flags")
    over = []
    for key, value in figures.items():
        limit = BUDGET.get(key)
        verdict = (
            "" if limit is None else f"  (budget {limit:g}: {'ok' if value <= limit else 'OVER'})"
        )
        print(f"{key:>15}: {value:8.2f}{verdict}")
        if limit is not None and value > limit:
            over.append(key)
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
