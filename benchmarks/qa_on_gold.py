"""Precision and recall of the text-level QA checks on the benchmark's gold alignments.

The ``truncated`` and ``number_mismatch`` checks read only the text of each
bead, so they can be judged apart from the aligner: each dev document is built
from ``DOCID.en`` / ``DOCID.ko`` (one sentence per line) with the beads of
``DOCID.gold.json``, and only these two checks are run, through the registry.
A predicted flag matches a gold flag of the same type if they share an English
or a Korean index (the rule of ``../shared/eval/score.py``).

Usage:
    .venv/bin/python benchmarks/qa_on_gold.py [--eval-dir PATH] [--verbose]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import aligner.qa.numbers  # noqa: F401  (registers the check)
import aligner.qa.truncation  # noqa: F401  (registers the check)
from aligner.boilerplate import mark_boilerplate
from aligner.config import Settings
from aligner.models import Bead, Document, Flag, Sentence
from aligner.qa.registry import CHECKS, AlignedDocument

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval" / "dev"
CHECK_NAMES = ("truncated", "number_mismatch")

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
    flags: dict[str, list[Indices]] = {name: [] for name in CHECK_NAMES}
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


def run(eval_dir: Path, settings: Settings) -> dict[str, Tally]:
    """Run the two checks on every document of ``eval_dir``."""
    tallies = {name: Tally() for name in CHECK_NAMES}
    for gold_path in sorted(eval_dir.glob("*.gold.json")):
        doc_id = gold_path.name.removesuffix(".gold.json")
        beads, gold = read_gold(gold_path)
        src = read_document(eval_dir / f"{doc_id}.en", "en", settings)
        tgt = read_document(eval_dir / f"{doc_id}.ko", "ko", settings)
        doc = AlignedDocument(src, tgt, beads)
        for name in CHECK_NAMES:
            flags = list(CHECKS[name].function(doc, settings))
            score_document(doc_id, doc, gold[name], flags, tallies[name])
    return tallies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--verbose", "-v", action="store_true", help="list FP and FN texts")
    args = parser.parse_args()
    tallies = run(args.eval_dir, Settings())
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
