"""Calibrate a model's mistranslation threshold on ../shared/eval dev.

Embeds the gold 1-1 translation pairs and, as unrelated pairs, each English
sentence with a Korean sentence of similar length (within 25%) taken from
another document, as the benchmark's mistranslations are made. Prints
percentiles of both distributions, the equal-error threshold, and the
threshold with the best expected F1 when a share ``--prior`` of aligned pairs
are mistranslations (mistranslations are rare, so false flags on the many
real translations weigh more than the equal-error point suggests).

    python benchmarks/calibrate.py [--model NAME] [--prior 0.01] [--eval-dir ../shared/eval]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from aligner.embed import embed_unique, load_encoder

ROOT = Path(__file__).resolve().parent.parent


def read_pairs(dev: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    true_pairs: list[tuple[str, str]] = []
    docs: list[tuple[list[str], list[str]]] = []
    for gold_path in sorted(dev.glob("*.gold.json")):
        stem = gold_path.name[: -len(".gold.json")]
        en = (dev / f"{stem}.en").read_text(encoding="utf-8").splitlines()
        ko = (dev / f"{stem}.ko").read_text(encoding="utf-8").splitlines()
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for a in gold["alignments"]:
            if len(a["en"]) == len(a["ko"]) == 1 and not a.get("ambiguous"):
                true_pairs.append((en[a["en"][0]], ko[a["ko"][0]]))
        docs.append((en, ko))
    rng = np.random.default_rng(0)
    unrelated: list[tuple[str, str]] = []
    for k, (en, _) in enumerate(docs):
        others = [s for j, (_, ko) in enumerate(docs) if j != k for s in ko]
        lengths = np.array([len(s) for s in others])
        for sentence in en:
            ratio = lengths / max(len(sentence) * 0.45, 1)  # Korean is ~0.45x English chars
            close = np.flatnonzero((ratio > 0.75) & (ratio < 1.25))
            if len(close):
                unrelated.append((sentence, others[int(rng.choice(close))]))
    return true_pairs, unrelated


def similarities(encoder_name: str, pairs: list[tuple[str, str]]) -> np.ndarray:
    encoder = load_encoder(encoder_name)
    src = embed_unique(encoder, [p[0] for p in pairs])
    tgt = embed_unique(encoder, [p[1] for p in pairs])
    return np.einsum("ij,ij->i", src, tgt)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--model", default="muse-v3")
    parser.add_argument("--prior", type=float, default=0.01)
    args = parser.parse_args()
    true_pairs, unrelated = read_pairs(args.eval_dir / "dev")
    good = similarities(args.model, true_pairs)
    bad = similarities(args.model, unrelated)
    pct = [1, 5, 10, 50, 90, 95, 99]
    print(
        f"translations ({len(good)}): "
        + " ".join(f"p{p}={np.percentile(good, p):.3f}" for p in pct)
    )
    print(
        f"unrelated    ({len(bad)}): " + " ".join(f"p{p}={np.percentile(bad, p):.3f}" for p in pct)
    )
    grid = np.linspace(-0.2, 1.0, 1201)
    flagged = np.array([(good < t).mean() for t in grid])
    passed = np.array([(bad >= t).mean() for t in grid])
    k = int(np.argmin(np.abs(flagged - passed)))
    print(
        f"equal-error threshold {grid[k]:.3f}: {flagged[k]:.3%} of translations flagged, "
        f"{passed[k]:.3%} of unrelated pairs passed"
    )
    recall = 1 - passed
    precision = (
        args.prior * recall / np.maximum(args.prior * recall + (1 - args.prior) * flagged, 1e-12)
    )
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-12)
    b = int(np.argmax(f1))
    print(
        f"best-F1 threshold at prior {args.prior}: {grid[b]:.3f} (expected precision "
        f"{precision[b]:.3f}, recall {recall[b]:.3f})"
    )


if __name__ == "__main__":
    main()
