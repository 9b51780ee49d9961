"""Render the seed story's HTML report in headless Chromium and save docs/report.png.

Runs ``aligner check corpora/en corpora/ko`` into a temporary folder, opens the
document page in Debian's ``chromium`` (driven by Playwright, no browser
download), hides the rows without flags so the flagged ones show under the chart
and the filters, and saves a screenshot for the README. Korean text needs a CJK
font: ``apt-get install chromium fonts-noto-cjk``.

    python docs/screenshot.py [--out docs/report.png]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORY = "onchon-party-officials.txt"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def render_report(out: Path) -> Path:
    """Check the seed story into ``out`` and return its HTML page."""
    command = shutil.which("aligner") or str(Path(sys.executable).parent / "aligner")
    subprocess.run(
        [command, "check", "corpora/en", "corpora/ko", "--report-dir", str(out), "-q"],
        cwd=ROOT,
        check=False,  # the seed story fails the gate on purpose (exit 1)
        capture_output=True,
    )
    page = out / f"{STORY}.html"
    if not page.is_file():
        raise SystemExit(f"no report was written to {page}")
    return page


def screenshot(page_path: Path, png: Path, *, width: int, height: int) -> None:
    """Open the page, show only the flagged rows, and save the top of it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(page_path.as_uri(), wait_until="load")
        page.uncheck("#show-plain")
        page.screenshot(path=str(png))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "report.png")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        screenshot(render_report(Path(tmp)), args.out, width=args.width, height=args.height)
    print(f"saved {args.out}")


if __name__ == "__main__":
    main()
