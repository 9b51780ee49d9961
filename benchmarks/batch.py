"""Batch speed of ``aligner check`` on a tree of 1,000 document pairs.

The tree is built from the dev documents of ``../shared/eval`` (55 EN/KO
documents, one sentence per line): document ``n`` is dev document ``n % 55``
with its lines joined into prose paragraphs of 5 sentences (so the segmenter
runs) and every line prefixed with ``(n)`` on both sides. The prefix makes
every sentence of the tree distinct, so neither the run's deduplication nor the
embedding cache can reuse a vector from another copy: the cold run encodes as
much as 1,000 different stories would (the prefix adds about 3 tokens to a
sentence of about 36). It is the same number on both sides, so it does not
change what is flagged.

The script then runs the installed ``aligner check EN KO -q`` as a subprocess,
with reports and the embedding cache in temporary folders, and prints

* the cold run's wall time (empty cache; model load included),
* the warm re-run's wall time after one sentence of one document was edited,
* the peak memory (``ru_maxrss``) of each run's process,
* sentence pairs (EN lines of the tree) per second of the cold run.

Targets on a 2-core machine: cold >= 600 sentence pairs/s, warm >= 20x faster
than cold, peak memory <= 1.5 GiB.

Usage:
    .venv/bin/python benchmarks/batch.py [--docs 1000] [--keep DIR] [-- extra check options]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEV = REPO_ROOT.parent / "shared" / "eval" / "dev"
PARAGRAPH = 5  # lines joined into one paragraph
GIB = 1024**3


def build_tree(root: Path, docs: int, dev: Path = DEV) -> int:
    """Write ``root/en/NNNN.txt`` and ``root/ko/NNNN.txt``; returns the EN line count."""
    sources = sorted(p.with_suffix("") for p in dev.glob("*.en"))
    if not sources:
        sys.exit(f"no dev documents in {dev}")
    pairs = 0
    for n in range(docs):
        base = sources[n % len(sources)]
        for lang in ("en", "ko"):
            lines = base.with_suffix(f".{lang}").read_text(encoding="utf-8").splitlines()
            lines = [f"({n}) {line.strip()}" for line in lines if line.strip()]
            pairs += len(lines) if lang == "en" else 0
            paragraphs = [
                " ".join(lines[i : i + PARAGRAPH]) for i in range(0, len(lines), PARAGRAPH)
            ]
            out = root / lang / f"{n:04d}.txt"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    return pairs


def touch_one(root: Path) -> None:
    """Edit one sentence of one document, as an editor fixing a typo would."""
    path = root / "en" / "0000.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(" ", " really ", 1), encoding="utf-8")


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and its workers
    maxrss: int  # bytes: largest single process (ru_maxrss)
    tree_rss: int  # bytes: largest sum of RSS over the process and its workers


def run_check(
    root: Path, reports: Path, cache: Path, extra: list[str], code: Path | None = None
) -> Run:
    """Time one ``aligner check`` process, sampling the memory of its process tree.

    With ``code``, the package is imported from that folder instead of the install.
    """
    command = [sys.executable, "-m", "aligner"]
    if code is None:
        command = [shutil.which("aligner") or str(REPO_ROOT / ".venv" / "bin" / "aligner")]
    argv = [*command, "check", str(root / "en"), str(root / "ko"), "-q"]
    argv += ["--report-dir", str(reports), "--cache-dir", str(cache), *extra]
    env = {**os.environ, "PYTHONPATH": str(code)} if code else None
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=env)
        peak = 0
        while True:
            # wait4's usage covers the process and the workers it reaped
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _tree_rss(child.pid))
            time.sleep(0.5)
        elapsed = time.perf_counter() - start
        child.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            out.seek(0)
            sys.exit(f"aligner check failed (exit {code}):\n{out.read().decode()}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(elapsed, cpu, usage.ru_maxrss * 1024, peak)  # ru_maxrss is in KiB on Linux


def _tree_rss(pid: int) -> int:
    """Sum of the resident memory of ``pid`` and its descendants, from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    tree, grew = {pid}, True
    while grew:
        more = {p for p, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    total = 0
    for member in tree:
        try:
            total += int(Path(f"/proc/{member}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return total * os.sysconf("SC_PAGE_SIZE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="build the tree here and keep it")
    parser.add_argument(
        "--installed",
        action="store_true",
        help="run the installed package; by default a copy of src/aligner taken at the "
        "start is run, so that edits made meanwhile (which invalidate cached results) "
        "do not reach the warm run",
    )
    parser.add_argument("extra", nargs="*", help="more options for aligner check")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="aligner-batch-") as tmp:
        root = args.keep or Path(tmp) / "tree"
        pairs = build_tree(root, args.docs)
        print(f"tree: {args.docs} document pairs, {pairs} EN sentences, in {root}")
        cache = Path(tmp) / "cache"
        code = None
        if not args.installed:
            code = Path(tmp) / "code"
            shutil.copytree(REPO_ROOT / "src" / "aligner", code / "aligner")
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        cold = run_check(root, Path(tmp) / "reports", cache, args.extra, code)
        touch_one(root)
        warm = run_check(root, Path(tmp) / "reports", cache, args.extra, code)
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for name, run in (("cold run", cold), ("warm re-run after editing one document", warm)):
        print(
            f"{name}: {run.wall:.2f} s wall, {run.cpu:.1f} s CPU, peak memory "
            f"{run.tree_rss / GIB:.2f} GiB (all processes), {run.maxrss / GIB:.2f} GiB (largest)"
        )
    print(f"warm re-run: {cold.wall / warm.wall:.1f}x faster than cold")
    print(f"throughput (cold): {pairs / cold.wall:.0f} sentence pairs/s on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
