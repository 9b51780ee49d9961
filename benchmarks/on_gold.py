"""The main loop that ``entities_on_gold.py`` and ``surname_on_gold.py`` share.

Each reads the benchmark's faithful pairs (the dev documents with their gold
alignments and the clean pools, as ``direction_on_gold.py`` builds them, and with
``--stories DIR`` the line-parallel stories of ``DIR/en`` and ``DIR/ko``), lists
every flag its check raises on them, plants swaps of a name in the Korean and
counts those flagged. A script gives what differs: its flags, its swaps and the
summary of its counts.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from aligner.models import Bead, Flag
from aligner.qa.registry import AlignedDocument
from direction_on_gold import documents, pairs_document  # this folder is on sys.path

ROOT = Path(__file__).resolve().parent.parent
# (name, document, the Korean sentences of injected faults) -> the flags described
Flagged = Callable[[str, AlignedDocument, set[int]], list[str]]
# (document, faults, tally) -> the misses described, the counts added to the tally
Swaps = Callable[[AlignedDocument, set[int], Counter[str]], list[str]]


def gold_faults(eval_dir: Path, name: str) -> set[int]:
    """The Korean sentences of dev document ``name`` that a gold flag (an injected
    fault) names; none for a document of clean pairs."""
    gold_path = eval_dir / "dev" / f"{name}.gold.json"
    if not gold_path.exists():
        return set()
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return {j for flag in gold["flags"] for j in flag["ko"]}


def described(name: str, doc: AlignedDocument, flags: list[Flag], faults: set[int]) -> list[str]:
    """``flags`` of ``doc`` with the texts each names."""
    return [
        f"{name} en{list(f.src)} ko{list(f.tgt)}"
        + (" (an injected fault's pair)" if faults & set(f.tgt) else "")
        + f"\n    EN: {doc.src_text(Bead(f.src, (), 0))}"
        f"\n    KO: {doc.tgt_text(Bead((), f.tgt, 0))}\n    => {f.message}"
        for f in flags
    ]


def stories(tree: Path) -> list[tuple[str, AlignedDocument]]:
    """The stories of ``tree/en`` and ``tree/ko`` whose lines pair one to one."""
    found = []
    for en_path in sorted((tree / "en").glob("*.txt")):
        en = en_path.read_text(encoding="utf-8").splitlines()
        ko = (tree / "ko" / en_path.name).read_text(encoding="utf-8").splitlines()
        if len(en) == len(ko):
            found.append((en_path.stem, pairs_document(list(zip(en, ko, strict=True)))))
    return found


def main(
    doc: str | None, flagged: Flagged, swaps: Swaps, summary: Callable[[Counter[str]], None]
) -> None:
    """Parse the command line, then for each set of pairs print its flags, the
    ``summary`` of the swaps' tally, and the misses."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0] if doc else None)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--stories", type=Path, help="a tree with en/ and ko/ stories")
    args = parser.parse_args()
    if not any((args.eval_dir / "dev").glob("*.gold.json")):
        parser.error(f"no dev documents in {args.eval_dir / 'dev'}: give --eval-dir")
    sets = {label: documents(args.eval_dir, label) for label in ("dev gold", "clean pools")}
    if args.stories:
        sets["stories"] = stories(args.stories)
    for label, docs in sets.items():
        tally: Counter[str] = Counter()
        found: list[str] = []
        missed: list[str] = []
        for name, aligned in docs:
            faults = gold_faults(args.eval_dir, name)
            tally["pairs"] += sum(1 for b in aligned.beads if b.src and b.tgt)
            found += flagged(name, aligned, faults)
            missed += swaps(aligned, faults, tally)
        print(f"{label}: {tally['pairs']} pairs, {len(found)} flags")
        for item in found:
            print(f"  {item}")
        summary(tally)
        for item in missed:
            print(f"  missed: {item}")
