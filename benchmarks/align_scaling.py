"""Alignment time and peak memory versus document length (embeddings excluded).

Each size runs in a fresh process so its peak memory (ru_maxrss) is its own.
Documents are synthetic 512-d unit vectors: the target side is the source plus
noise, with an omission, an insertion, a merge and a swap every 100 sentences,
and window embeddings are normalised sums (as if the encoder were linear).

    python benchmarks/align_scaling.py [--sizes 2000 8000 100000] [--repeat 3] [--exactness]

Each time is the shortest of ``--repeat`` alignments of the same document (one for
50,000 sentences and more): on a shared host a short run is at the mercy of noise.

``--exactness`` instead aligns 8 documents of 3,000 sentences with passages of 20-300
sentences left out and added at random places, once banded and once searching every
cell, and counts the beads in which the two differ.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

import numpy as np

from aligner.align import AlignParams, align_embeddings, approximate_windows

DIM = 512


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=-1, keepdims=True)).astype(np.float32)


def make_pair(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    src = _unit(rng.standard_normal((n, DIM), dtype=np.float32))
    # noise of norm ~1.3 gives cosines around 0.6, as for real EN-KO pairs with mUSE
    noise = rng.standard_normal((n, DIM), dtype=np.float32) * np.float32(1.3 / np.sqrt(DIM))
    tgt = list(_unit(src + noise))
    for start in range(n - 100, 0, -100):  # edit back to front so indices stay valid
        tgt[start + 60], tgt[start + 61] = tgt[start + 61], tgt[start + 60]
        tgt[start + 40 : start + 42] = [_unit(tgt[start + 40] + tgt[start + 41])]
        tgt.insert(start + 20, _unit(rng.standard_normal(DIM, dtype=np.float32)))
        del tgt[start + 5]
    return src, np.stack(tgt)


def run_one(n: int, repeat: int) -> dict[str, float]:
    src, tgt = make_pair(n)
    params = AlignParams()
    sw, tw = approximate_windows(src, params.max_bead), approximate_windows(tgt, params.max_bead)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        beads = align_embeddings(sw, tw, params=params)
        times.append(time.perf_counter() - start)
    seconds = min(times)  # the host's noise only ever adds time
    one_one = sum(len(b.src) == len(b.tgt) == 1 for b in beads)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20  # KiB -> GiB
    return {"n": n, "seconds": seconds, "beads": len(beads), "one_one": one_one, "peak_gib": peak}


def exactness(cases: int = 8, n: int = 3000) -> list[int]:
    """Beads that differ between the banded and the whole-matrix search, per document."""
    from aligner.align import search

    differ = []
    for case in range(cases):
        rng = np.random.default_rng(100 + case)
        src = _unit(rng.standard_normal((n, DIM), dtype=np.float32))
        noise = rng.standard_normal((n, DIM), dtype=np.float32) * np.float32(1.3 / np.sqrt(DIM))
        tgt = list(_unit(src + noise))
        left_out, added = (50, 100, 300, 20)[case % 4], (50, 200, 30, 300)[case % 4]
        at_out, at_added = int(rng.integers(200, 1200)), int(rng.integers(1500, 2600))
        tgt[at_added:at_added] = list(_unit(rng.standard_normal((added, DIM), dtype=np.float32)))
        del tgt[at_out : at_out + left_out]
        params = AlignParams()
        sw = approximate_windows(src, params.max_bead)
        tw = approximate_windows(np.stack(tgt), params.max_bead)
        banded = {(b.src, b.tgt) for b in align_embeddings(sw, tw, params=params)}
        cells, search.FULL_SEARCH_CELLS = search.FULL_SEARCH_CELLS, 10**9
        try:
            whole = {(b.src, b.tgt) for b in align_embeddings(sw, tw, params=params)}
        finally:
            search.FULL_SEARCH_CELLS = cells
        differ.append(len(banded ^ whole))
    return differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 8000, 100000])
    parser.add_argument(
        "--repeat",
        type=lambda text: max(1, int(text)),
        default=3,
        help="Align each document up to this many times and keep the shortest time "
        "(once for 50,000 sentences and more).",
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--exactness", action="store_true", help="See the docstring.")
    args = parser.parse_args()
    if args.exactness:
        differ = exactness()
        print(f"beads differing from the whole-matrix search: {differ} (total {sum(differ)})")
        return
    if args.one:
        print(json.dumps(run_one(args.one, args.repeat if args.one < 50_000 else 1)))
        return
    results = []
    for n in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--repeat", str(args.repeat)],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(out.stdout))
        r = results[-1]
        print(
            f"{n:>7} sentences: align {r['seconds']:.2f} s, peak memory {r['peak_gib']:.2f} GiB "
            f"(process, data included), {r['beads']} beads"
        )
    by_n = {r["n"]: r["seconds"] for r in results}
    if 2000 in by_n and 8000 in by_n:
        print(f"time ratio 8000/2000: {by_n[8000] / by_n[2000]:.2f} (linear would be 4)")


if __name__ == "__main__":
    main()
