"""Calibrate a model's mistranslation threshold on ../shared/eval dev.

Embeds the gold 1-1 translation pairs (not the mistranslations, nor the
truncated sentences, which are reported as truncated) and, as unrelated
pairs, makes every mistranslation the benchmark could make of them: one side
replaced by a sentence of the same language and source, from another
document, whose length is within 25% of the replaced one. Every candidate
counts, each pair side weighing the same, so the figures carry no sampling
noise. Prints percentiles of both distributions, the equal-error threshold,
and, when a share ``--prior`` of aligned pairs are mistranslations
(mistranslations are rare, so false flags on the many real translations weigh
more than the equal-error point suggests), the threshold with the best
expected F1 and the balanced one, where expected precision equals recall. The
balanced one is shipped: the QA targets are floors on both. Few real
translations fall that low, so both distributions are smoothed with a
Gaussian kernel (Silverman's bandwidth) before the curves are read: the
threshold must not sit in a chance gap between two sentences.

    python benchmarks/calibrate.py [--model NAME] [--prior 0.01] [--eval-dir ../shared/eval]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from aligner.calibration import GRID, Distribution, balanced_threshold, translation_tail
from aligner.embed import embed_unique, load_encoder
from aligner.segment import strip_dateline

ROOT = Path(__file__).resolve().parent.parent
Floats = npt.NDArray[np.float64]
PCT = (1, 5, 10, 50, 90, 95, 99)


@dataclass
class Doc:
    source: str  # "news-ko-dev" of "dev-news-ko-dev-003": replacements come from the same
    en: list[str]
    ko: list[str]
    pairs: list[tuple[int, int]]  # gold 1-1 translations


def read_docs(dev: Path) -> list[Doc]:
    docs = []
    for gold_path in sorted(dev.glob("*.gold.json")):
        stem = gold_path.name[: -len(".gold.json")]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        cut = {(f["en"][0], f["ko"][0]) for f in gold["flags"] if f["type"] == "truncated"}
        pairs = [
            (a["en"][0], a["ko"][0])
            for a in gold["alignments"]
            if len(a["en"]) == len(a["ko"]) == 1 and not a.get("ambiguous")
        ]
        docs.append(
            Doc(
                stem.split("-", 1)[1].rsplit("-", 1)[0],
                (dev / f"{stem}.en").read_text(encoding="utf-8").splitlines(),
                (dev / f"{stem}.ko").read_text(encoding="utf-8").splitlines(),
                [p for p in pairs if p not in cut],
            )
        )
    return docs


def similarities(encoder_name: str, docs: list[Doc]) -> tuple[Floats, Floats, Floats]:
    """True-pair cosines, unrelated-pair cosines and the unrelated pairs' weights."""
    encoder = load_encoder(encoder_name)

    def embed(texts: list[str]) -> Floats:  # what the pipeline compares: no datelines
        return embed_unique(encoder, [strip_dateline(t) for t in texts]).astype(np.float64)

    vectors = [(embed(d.en), embed(d.ko)) for d in docs]
    good: list[float] = []
    bad: list[Floats] = []
    weights: list[Floats] = []
    for k, doc in enumerate(docs):
        x, y = vectors[k]
        others = [j for j, d in enumerate(docs) if j != k and d.source == doc.source]
        pools = [
            (
                np.concatenate([vectors[j][side] for j in others]),
                np.array([len(s) for j in others for s in (docs[j].en, docs[j].ko)[side]]),
            )
            for side in (0, 1)
        ]
        for i, j in doc.pairs:
            good.append(float(x[i] @ y[j]))
            # replace the English (keep the Korean), then the Korean
            for (pool, lengths), length, kept in zip(
                pools, (len(doc.en[i]), len(doc.ko[j])), (y[j], x[i]), strict=True
            ):
                close = np.abs(lengths / max(length, 1) - 1) <= 0.25
                if close.any():
                    bad.append(pool[close] @ kept)
                    weights.append(np.full(int(close.sum()), 1 / int(close.sum())))
    w = np.concatenate(weights)
    return np.array(good), np.concatenate(bad), w / w.sum()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--model", default="muse-v3")
    parser.add_argument("--prior", type=float, default=0.01)
    args = parser.parse_args()
    good, bad, bad_w = similarities(args.model, read_docs(args.eval_dir / "dev"))
    translations, unrelated = Distribution(), Distribution()
    translations.add(good, np.full(len(good), 1 / len(good)))
    unrelated.add(bad, bad_w)
    for name, values, distribution in (
        ("translations", good, translations),
        ("unrelated", bad, unrelated),
    ):
        shown = " ".join(f"p{p}={distribution.percentile(p):.3f}" for p in PCT)
        print(f"{name:12} ({len(values)}): {shown}")
    flagged, recall = translations.cdf(), unrelated.cdf()
    k = int(np.argmin(np.abs(flagged - (1 - recall))))
    print(
        f"equal-error threshold {GRID[k]:.3f}: {flagged[k]:.3%} of translations flagged, "
        f"{1 - recall[k]:.3%} of unrelated pairs passed"
    )
    precision = (
        args.prior * recall / np.maximum(args.prior * recall + (1 - args.prior) * flagged, 1e-12)
    )
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-12)
    b = int(np.argmax(f1))
    print(
        f"best-F1 threshold at prior {args.prior}: {GRID[b]:.3f} (expected precision "
        f"{precision[b]:.3f}, recall {recall[b]:.3f}; "
        f"{int((good < GRID[b]).sum())} of {len(good)} dev translations below it)"
    )
    # the targets are floors on both precision and recall: the shipped threshold
    # maximises the smaller of the two
    m = balanced_threshold(flagged, recall, args.prior)
    print(
        f"balanced threshold at prior {args.prior} (shipped): {m.value:.3f} (expected "
        f"precision {m.precision:.3f}, recall {m.recall:.3f}; "
        f"{int((good < m.value).sum())} of {len(good)} dev translations below it)"
    )
    # `aligner calibrate` cannot know which of its pairs are clean: it fits their tail
    fitted = balanced_threshold(translation_tail(translations, unrelated), recall, args.prior)
    print(f"the same from a normal tail, as `aligner calibrate` reads it: {fitted.value:.3f}")


if __name__ == "__main__":
    main()
