"""Sentence-boundary precision/recall/F1 of ``split_sentences`` on the dev benchmark.

The benchmark files (``DOCID.en`` / ``DOCID.ko``) hold one sentence per line.
Consecutive lines are joined into paragraphs (``--group`` lines, one space
between them), the paragraphs are split again, and the predicted sentence
starts are compared with the true ones inside each paragraph.

Some gold lines are artefacts of the scraped corpus or of injected faults: a
line that ends without terminal punctuation (a headline, a sentence split at a
comma, a truncated sentence) gives a gold boundary no punctuation-based
splitter can see. Those boundaries are counted in the "strict" score and
excluded from the "punctuated" score, and the artefact count is printed.

Usage:
    .venv/bin/python benchmarks/segmentation.py [--eval-dir PATH] [--group N] [--errors N]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from aligner.segment import split_sentences

DEFAULT_EVAL_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev"
LANGS = ("en", "ko")
# A line that ends like a sentence: terminal punctuation, then closing quotes.
_PUNCTUATED_END = re.compile(r"[.?!…。！？][\"'”’」』)\]»]*$")


@dataclass
class Counts:
    """Boundary counts for one language; ``artefacts`` are unpunctuated gold boundaries."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    artefacts: int = 0
    artefacts_found: int = 0
    errors: list[str] = field(default_factory=list)

    def scores(self, *, punctuated_only: bool) -> tuple[float, float, float]:
        tp, fn = self.tp, self.fn
        if punctuated_only:
            tp -= self.artefacts_found
            fn -= self.artefacts - self.artefacts_found
        precision = tp / (tp + self.fp) if tp + self.fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def score_paragraph(lines: list[str], lang: str, counts: Counts) -> None:
    """Join ``lines`` into one paragraph, split it, and add to ``counts``."""
    paragraph = " ".join(lines)
    gold: dict[int, str] = {}
    offset = 0
    for previous, line in zip(lines, lines[1:], strict=False):
        offset += len(previous) + 1
        gold[offset] = previous
        del line
    predicted = {s.start for s in split_sentences(paragraph, lang)[1:]}
    for start in sorted(predicted | gold.keys()):
        artefact = start in gold and not _PUNCTUATED_END.search(gold[start])
        counts.artefacts += artefact
        if start in gold and start in predicted:
            counts.tp += 1
            counts.artefacts_found += artefact
        elif start in predicted:
            counts.fp += 1
            counts.errors.append(f"FP: {_context(paragraph, start)}")
        else:
            counts.fn += 1
            kind = "FN (artefact)" if artefact else "FN"
            counts.errors.append(f"{kind}: {_context(paragraph, start)}")


def _context(paragraph: str, offset: int, width: int = 50) -> str:
    return f"{paragraph[max(0, offset - width) : offset]}|{paragraph[offset : offset + width]}"


def score_language(eval_dir: Path, lang: str, group: int) -> Counts:
    counts = Counts()
    for path in sorted(eval_dir.glob(f"*.{lang}")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        for i in range(0, len(lines), group):
            score_paragraph(lines[i : i + group], lang, counts)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--group", type=int, default=5, help="lines per paragraph (default 5)")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors per language")
    args = parser.parse_args(argv)
    if not args.eval_dir.is_dir():
        print(f"error: evaluation directory not found: {args.eval_dir}", file=sys.stderr)
        return 2
    print(f"eval dir: {args.eval_dir}  paragraphs of {args.group} lines")
    header = f"{'lang':4} {'score':10} {'P':>6} {'R':>6} {'F1':>6}  tp/fp/fn, artefacts"
    print(header)
    for lang in LANGS:
        counts = score_language(args.eval_dir, lang, args.group)
        for name, only in (("strict", False), ("punctuated", True)):
            p, r, f1 = counts.scores(punctuated_only=only)
            print(f"{lang:4} {name:10} {p:6.4f} {r:6.4f} {f1:6.4f}", end="")
            print(f"  {counts.tp}/{counts.fp}/{counts.fn}, " if not only else "  ", end="")
            print(f"{counts.artefacts_found}/{counts.artefacts} artefacts found" if only else "")
        for error in counts.errors[: args.errors]:
            print(f"  {lang} {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
