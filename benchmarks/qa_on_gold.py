"""Precision and recall of the text-level QA checks on the benchmark's gold alignments.

The ``truncated`` and ``number_mismatch`` checks read only the text of each
bead, so they can be judged apart from the aligner: each dev document is built
from ``DOCID.en`` / ``DOCID.ko`` (one sentence per line) with the beads of
``DOCID.gold.json``, and only these two checks are run, through the registry.
With ``--model``, the beads are embedded (each side's sentences joined, as the
aligner scores a bead) and ``mistranslation`` is judged too, at the model's
calibrated threshold; a truncated pair hides its mistranslation flag, as in a
real run. A predicted flag matches a gold flag of the same type if they share
an English or a Korean index (the rule of ``../shared/eval/score.py``).

Usage:
    .venv/bin/python benchmarks/qa_on_gold.py [--eval-dir PATH] [--model muse-v3] [--verbose]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from aligner.api import CALIBRATED_MISTRANSLATION  # also registers every check
from aligner.boilerplate import mark_boilerplate
from aligner.config import Settings
from aligner.embed import Encoder, embed_unique, load_encoder
from aligner.models import Bead, Document, Flag, Sentence
from aligner.qa.registry import CHECKS, AlignedDocument, run_checks
from aligner.segment import strip_dateline

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval" / "dev"
CHECK_NAMES = ("truncated", "number_mismatch")
EMBEDDED_CHECK_NAMES = ("mistranslation",)

Indices = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass
class Tally:
    """Counts for one flag type, with the texts of the errors for ``--verbose``."""

    gold: int = 0
    gold_found: int = 0
    predicted: int = 0
    predicted_correct: int = 0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    def precision(self) -> float:
        return self.predicted_correct / self.predicted if self.predicted else 1.0

    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 1.0


def read_document(path: Path, lang: str, settings: Settings) -> Document:
    """One sentence per line, with line numbers and character offsets."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    sentences, offset = [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(i, line, i + 1, offset, offset + len(line)))
        offset += len(line) + 1
    marked = mark_boilerplate(sentences, lines, settings.boilerplate_patterns)
    return Document(path, lang, tuple(marked))


def read_gold(path: Path) -> tuple[tuple[Bead, ...], dict[str, list[Indices]]]:
    """Gold beads and gold flags by type."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    beads = tuple(Bead(tuple(a["en"]), tuple(a["ko"]), 1.0) for a in gold["alignments"])
    flags: dict[str, list[Indices]] = {name: [] for name in CHECK_NAMES + EMBEDDED_CHECK_NAMES}
    for flag in gold["flags"]:
        if flag["type"] in flags:
            flags[flag["type"]].append((tuple(flag["en"]), tuple(flag["ko"])))
    return beads, flags


def _overlaps(a: Indices, b: Indices) -> bool:
    return bool(set(a[0]) & set(b[0])) or bool(set(a[1]) & set(b[1]))


def _describe(doc_id: str, doc: AlignedDocument, indices: Indices, message: str = "") -> str:
    en = " | ".join(doc.src.sentences[i].text for i in indices[0])
    ko = " | ".join(doc.tgt.sentences[j].text for j in indices[1])
    head = f"{doc_id} en{list(indices[0])} ko{list(indices[1])}"
    return f"{head}\n    EN: {en}\n    KO: {ko}" + (f"\n    => {message}" if message else "")


def score_document(
    doc_id: str, doc: AlignedDocument, gold: list[Indices], flags: Iterable[Flag], tally: Tally
) -> None:
    """Add one document's matches for one flag type to ``tally``."""
    predicted = [((f.src, f.tgt), f.message) for f in flags]
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    for indices, message in predicted:
        if any(_overlaps(indices, g) for g in gold):
            tally.predicted_correct += 1
        else:
            tally.false_positives.append(_describe(doc_id, doc, indices, message))
    for g in gold:
        if any(_overlaps(indices, g) for indices, _ in predicted):
            tally.gold_found += 1
        else:
            tally.false_negatives.append(_describe(doc_id, doc, g))


def embedded(doc: AlignedDocument, encoder: Encoder) -> AlignedDocument:
    """``doc`` with sentence vectors and each paired bead's similarity (datelines left
    out, as the pipeline compares sentences)."""
    paired = [b for b in doc.beads if b.src and b.tgt]
    src_texts = [strip_dateline(s.text) for s in doc.src.sentences]
    tgt_texts = [strip_dateline(s.text) for s in doc.tgt.sentences]
    src = embed_unique(encoder, src_texts)
    tgt = embed_unique(encoder, tgt_texts)
    joined_src = embed_unique(encoder, [" ".join(src_texts[i] for i in b.src) for b in paired])
    joined_tgt = embed_unique(encoder, [" ".join(tgt_texts[j] for j in b.tgt) for b in paired])
    similarity = dict(zip(paired, np.einsum("ij,ij->i", joined_src, joined_tgt), strict=True))
    beads = tuple(Bead(b.src, b.tgt, float(similarity.get(b, 0.0))) for b in doc.beads)
    return AlignedDocument(doc.src, doc.tgt, beads, src, tgt)


def run(eval_dir: Path, settings: Settings, encoder: Encoder | None = None) -> dict[str, Tally]:
    """Run the checks on every document of ``eval_dir`` (with an encoder, the
    embedding-based ones too)."""
    names = CHECK_NAMES + (EMBEDDED_CHECK_NAMES if encoder else ())
    settings = replace(settings, disabled_checks=frozenset(CHECKS) - set(names))
    tallies = {name: Tally() for name in names}
    for gold_path in sorted(eval_dir.glob("*.gold.json")):
        doc_id = gold_path.name.removesuffix(".gold.json")
        beads, gold = read_gold(gold_path)
        src = read_document(eval_dir / f"{doc_id}.en", "en", settings)
        tgt = read_document(eval_dir / f"{doc_id}.ko", "ko", settings)
        doc = AlignedDocument(src, tgt, beads)
        if encoder:
            doc = embedded(doc, encoder)
        flags = run_checks(doc, settings)
        for name in names:
            found = [f for f in flags if f.type == name]
            score_document(doc_id, doc, gold[name], found, tallies[name])
    return tallies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--model", help="also judge the embedding-based checks with this model")
    parser.add_argument("--verbose", "-v", action="store_true", help="list FP and FN texts")
    args = parser.parse_args()
    settings = Settings()
    encoder = None
    if args.model:
        threshold = CALIBRATED_MISTRANSLATION[args.model.split("@")[0]]
        settings = replace(settings, mistranslation_threshold=threshold)
        encoder = load_encoder(args.model)
    tallies = run(args.eval_dir, settings, encoder)
    print(f"{'flag':<16} {'P':>6} {'R':>6} {'gold':>5} {'found':>5} {'pred':>5} {'right':>5}")
    for name, t in tallies.items():
        print(
            f"{name:<16} {t.precision():6.3f} {t.recall():6.3f} {t.gold:5d} {t.gold_found:5d} "
            f"{t.predicted:5d} {t.predicted_correct:5d}"
        )
    if args.verbose:
        for name, t in tallies.items():
            for label, items in (
                ("false positive", t.false_positives),
                ("false negative", t.false_negatives),
            ):
                for item in items:
                    print(f"\n[{name} {label}] {item}")


if __name__ == "__main__":
    main()
