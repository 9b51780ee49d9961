"""Sentence-boundary precision/recall/F1 of ``split_sentences`` on the dev benchmark.

The benchmark files (``DOCID.en`` / ``DOCID.ko``) hold one sentence per line.
Consecutive lines are joined into paragraphs (``--group`` lines, one space
between them), each paragraph is split again, and the predicted sentence starts
are compared with the true ones (the starts of the joined lines).

The gold lines come from scraped news and have two kinds of artefact, which are
counted and shown separately rather than worked around in the splitter:

* a line that ends without terminal punctuation (headline, vocabulary gloss,
  a sentence cut at a comma by an injected split or truncation fault) gives a
  gold boundary that no punctuation-based splitter can see;
* a line that holds two sentences (source corpus, injected merge faults) turns
  a correct split into a false positive. A false positive is counted as such
  when it follows an ordinary word plus ``. ? !`` and precedes a capital, a
  digit or Hangul: no abbreviation or number is involved.

``strict`` scores against every gold line joint, ``punctuated`` drops the first
kind, ``adjusted`` drops both. Use ``--errors N`` to read the errors.

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

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval" / "dev"
LANGS = ("en", "ko")
# A line that ends like a sentence: terminal punctuation, then closing quotes.
_PUNCTUATED_END = re.compile(r"[.?!…。！？](?:\s*[\"'”’」』)\]»])*$")
# An unmistakable sentence end inside a gold line (see the module docstring).
_PLAIN_END = re.compile(r"(?:\s|^)(?:[a-z]{2,}|[A-Z][a-z]{4,}|[\uac00-\ud7a3]+)[.?!][\"'”’]*\s*$")
_PLAIN_START = re.compile(r"[\"'“‘(]*[A-Z0-9\uac00-\ud7a3]")


@dataclass
class Counts:
    """Boundary counts for one language, with the artefacts counted apart."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    unpunctuated: int = 0  # gold boundaries after a line without final punctuation
    unpunctuated_found: int = 0
    plain_fp: int = 0  # false positives after an unmistakable sentence end
    errors: list[str] = field(default_factory=list)

    def scores(self, view: str) -> tuple[float, float, float]:
        """Precision, recall and F1 for ``strict``, ``punctuated`` or ``adjusted``."""
        tp, fp, fn = self.tp, self.fp, self.fn
        if view in ("punctuated", "adjusted"):
            tp -= self.unpunctuated_found
            fn -= self.unpunctuated - self.unpunctuated_found
        if view == "adjusted":
            fp -= self.plain_fp
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def score_paragraph(lines: list[str], lang: str, counts: Counts) -> None:
    """Join ``lines`` into one paragraph, split it, and add to ``counts``."""
    paragraph = " ".join(lines)
    gold: dict[int, str] = {}  # start offset of each line after the first -> previous line
    offset = 0
    for previous in lines[:-1]:
        offset += len(previous) + 1
        gold[offset] = previous
    predicted = {s.start for s in split_sentences(paragraph, lang)[1:]}
    for start in sorted(predicted | gold.keys()):
        if start in gold:
            _count_gold(
                paragraph,
                start,
                not _PUNCTUATED_END.search(gold[start]),
                start in predicted,
                counts,
            )
        else:
            _count_false_positive(paragraph, start, counts)


def _count_gold(
    paragraph: str, start: int, unpunctuated: bool, found: bool, counts: Counts
) -> None:
    counts.unpunctuated += unpunctuated
    if found:
        counts.tp += 1
        counts.unpunctuated_found += unpunctuated
    else:
        counts.fn += 1
        kind = "FN (unpunctuated line)" if unpunctuated else "FN"
        counts.errors.append(f"{kind}: {_context(paragraph, start)}")


def _count_false_positive(paragraph: str, start: int, counts: Counts) -> None:
    counts.fp += 1
    window = paragraph[max(0, start - 60) : start]
    plain = bool(_PLAIN_END.search(window) and _PLAIN_START.match(paragraph, start))
    counts.plain_fp += plain
    kind = "FP (two-sentence line)" if plain else "FP"
    counts.errors.append(f"{kind}: {_context(paragraph, start)}")


def _context(paragraph: str, offset: int, width: int = 50) -> str:
    return f"{paragraph[max(0, offset - width) : offset]}|{paragraph[offset : offset + width]}"


def score_language(eval_dir: Path, lang: str, group: int) -> Counts:
    """Score every ``*.{lang}`` file of ``eval_dir`` in paragraphs of ``group`` lines."""
    counts = Counts()
    for path in sorted(eval_dir.glob(f"*.{lang}")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        for i in range(0, len(lines), group):
            score_paragraph(lines[i : i + group], lang, counts)
    return counts


def print_report(lang: str, counts: Counts, errors: int) -> None:
    for view in ("strict", "punctuated", "adjusted"):
        precision, recall, f1 = counts.scores(view)
        print(f"{lang:4} {view:10} {precision:6.4f} {recall:6.4f} {f1:6.4f}")
    print(
        f"{lang:4} counts: tp={counts.tp} fp={counts.fp} fn={counts.fn}; "
        f"unpunctuated gold lines {counts.unpunctuated} (found {counts.unpunctuated_found}); "
        f"fp in two-sentence gold lines {counts.plain_fp}"
    )
    for error in counts.errors[:errors]:
        print(f"  {lang} {error}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Sentence-boundary F1 of split_sentences.")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--group", type=int, default=5, help="lines per paragraph (default 5)")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors per language")
    args = parser.parse_args(argv)
    if not args.eval_dir.is_dir():
        print(f"error: evaluation directory not found: {args.eval_dir}", file=sys.stderr)
        return 2
    print(f"eval dir: {args.eval_dir}; paragraphs of {args.group} lines")
    print(f"{'lang':4} {'view':10} {'P':>6} {'R':>6} {'F1':>6}")
    for lang in LANGS:
        print_report(lang, score_language(args.eval_dir, lang, args.group), args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
