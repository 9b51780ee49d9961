"""Sentence-boundary precision/recall/F1 of ``split_sentences`` on the dev benchmark.

The benchmark files (``DOCID.en`` / ``DOCID.ko``) hold one sentence per line.
Consecutive lines are joined into paragraphs (``--group`` lines, one space
between them), each paragraph is split again, and the predicted sentence starts
are compared with the true ones.

``lines`` takes the start of every joined line as a true sentence start. Two
faults that the benchmark injects to test alignment change the lines but not
the sentences, and ``DOCID.gold.json`` records them, so the other views undo
them:

* a ``split`` cuts one sentence into two lines at a comma or clause ending:
  the joint between them is no sentence boundary (a split there is a false
  positive, none is no miss);
* a ``merge`` joins two sentences into one line: the line holds one true
  boundary whose offset is not recorded, so the first predicted boundary inside
  the line counts as finding it (a further one is a false positive, none is a
  miss).

The source lines themselves come from scraped news and textbooks and have two
kinds of artefact, which are counted and shown separately rather than worked
around in the splitter:

* a line that ends without terminal punctuation (headline, vocabulary gloss, a
  sentence cut at a comma by a truncation fault) gives a true boundary that no
  punctuation-based splitter can see;
* a line that holds two sentences turns a correct split into a false positive.
  A false positive is counted as such when it follows an ordinary word plus
  ``. ? !`` and precedes a capital, a digit or Hangul: no abbreviation or
  number is involved.

``strict`` scores every source-line boundary, ``punctuated`` drops the first
kind, ``adjusted`` drops both. Use ``--errors N`` to read the errors.

Usage:
    .venv/bin/python benchmarks/segmentation.py [--eval-dir PATH] [--group N] [--errors N]

``--eval-dir`` is the benchmark's folder (its ``dev/`` is read) or one of its sets.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from aligner.segment import split_sentences

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval" / "dev"
LANGS = ("en", "ko")
# A line that ends like a sentence: terminal punctuation, then closing quotes.
_PUNCTUATED_END = re.compile(r"[.?!…。！？](?:\s*[\"'”’」』)\]»˝])*$")
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
    merged: int = 0  # lines merged by a fault, each holding one gold boundary
    merged_found: int = 0
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


@dataclass(frozen=True)
class Faults:
    """Line faults of one document side, by 0-based line index in the paragraph."""

    merged: frozenset[int] = frozenset()  # lines that hold two sentences
    split: frozenset[int] = frozenset()  # lines whose sentence goes on in the next line


def score_paragraph(
    lines: list[str], lang: str, counts: Counts, faults: Faults | None = None
) -> None:
    """Join ``lines`` into one paragraph, split it, and add to ``counts``."""
    faults = faults or Faults()
    paragraph = " ".join(lines)
    gold: dict[int, str] = {}  # start offset of each line after the first -> previous line
    merged: list[tuple[int, int]] = []  # (start, end) of the merged lines
    offset = 0
    for i, line in enumerate(lines):
        if i in faults.merged:
            merged.append((offset, offset + len(line)))
        offset += len(line) + 1
        if i < len(lines) - 1 and i not in faults.split:
            gold[offset] = line
    predicted = {s.start for s in split_sentences(paragraph, lang)[1:]}
    for start, end in merged:
        inside = sorted(p for p in predicted if start < p < end)
        counts.merged += 1
        if inside:
            counts.tp += 1
            counts.merged_found += 1
            predicted.discard(inside[0])
        else:
            counts.fn += 1
            counts.errors.append(f"FN (merged line): {_context(paragraph, start)}")
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


def read_faults(path: Path, lang: str) -> tuple[set[int], set[int]]:
    """Merged lines and first lines of split sentences of ``path`` (``DOCID.{lang}``)."""
    gold_path = path.with_suffix(".gold.json")
    if not gold_path.is_file():
        return set(), set()
    merged: set[int] = set()
    split: set[int] = set()
    for fault in json.loads(gold_path.read_text(encoding="utf-8")).get("faults", []):
        if fault.get("side") == lang and fault.get("type") in ("merge", "split"):
            (merged if fault["type"] == "merge" else split).add(fault[lang][0])
    return merged, split


def score_language(eval_dir: Path, lang: str, group: int, *, faults: bool = True) -> Counts:
    """Score every ``*.{lang}`` file of ``eval_dir`` in paragraphs of ``group`` lines.

    With ``faults`` the merge and split faults of ``DOCID.gold.json`` are undone.
    """
    counts = Counts()
    for path in sorted(eval_dir.glob(f"*.{lang}")):
        raw = path.read_text(encoding="utf-8").splitlines()
        merged, split = read_faults(path, lang) if faults else (set(), set())
        if (merged or split) and any(not line.strip() for line in raw):
            raise ValueError(f"{path}: blank line; the fault line numbers would not match")
        lines = [line.strip() for line in raw if line.strip()]
        for i in range(0, len(lines), group):
            local = Faults(
                frozenset(k - i for k in merged if i <= k < i + group),
                frozenset(k - i for k in split if i <= k < i + group),
            )
            score_paragraph(lines[i : i + group], lang, counts, local)
    return counts


def print_report(lang: str, raw: Counts, counts: Counts, errors: int) -> None:
    rows = [("lines", raw.scores("strict"))]
    rows += [(view, counts.scores(view)) for view in ("strict", "punctuated", "adjusted")]
    for view, (precision, recall, f1) in rows:
        print(f"{lang:4} {view:10} {precision:6.4f} {recall:6.4f} {f1:6.4f}")
    print(
        f"{lang:4} counts: tp={counts.tp} fp={counts.fp} fn={counts.fn}; "
        f"unpunctuated gold lines {counts.unpunctuated} (found {counts.unpunctuated_found}); "
        f"fp in two-sentence gold lines {counts.plain_fp}; "
        f"merged lines {counts.merged} (found {counts.merged_found})"
    )
    for error in counts.errors[:errors]:
        print(f"  {lang} {error}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Sentence-boundary F1 of split_sentences.")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--group", type=int, default=5, help="lines per paragraph (default 5)")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors per language")
    args = parser.parse_args(argv)
    if (args.eval_dir / "dev").is_dir():
        args.eval_dir /= "dev"  # the benchmark's folder, as the other scripts take it
    if not any(args.eval_dir.glob("*.en")):
        print(f"error: no *.en files of the benchmark in {args.eval_dir}", file=sys.stderr)
        return 2
    print(f"eval dir: {args.eval_dir}; paragraphs of {args.group} lines")
    print(f"{'lang':4} {'view':10} {'P':>6} {'R':>6} {'F1':>6}")
    for lang in LANGS:
        raw = score_language(args.eval_dir, lang, args.group, faults=False)
        print_report(lang, raw, score_language(args.eval_dir, lang, args.group), args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
