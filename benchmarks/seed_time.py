"""Wall time of `aligner check corpora/en corpora/ko`, model load included.

Runs the installed command as a user would, several times, and prints each
time and the median. Target: at most 5 s on a 2-core machine.

    python benchmarks/seed_time.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    command = shutil.which("aligner") or str(Path(__file__).parent.parent / ".venv/bin/aligner")
    times = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(args.repeat):
            start = time.perf_counter()
            subprocess.run(
                [command, "check", "corpora/en", "corpora/ko", "--report-dir", out, "-q"],
                cwd=ROOT,
                check=False,
                capture_output=True,
            )
            times.append(time.perf_counter() - start)
    print("runs: " + " ".join(f"{t:.2f}s" for t in times))
    median = statistics.median(times)
    print(f"median wall time of `aligner check corpora/en corpora/ko`: {median:.2f} s")


if __name__ == "__main__":
    main()
