"""Move blocks of Korean sentences in dev documents; how many does the tool find?

The benchmark only swaps neighbours. An editor also meets a paragraph moved
further. For each dev document with at least 40 clean 1-1 pairs, the first 40
are taken, a block of 1, 3 or 5 Korean sentences starting at the sixth is moved
5, 15 or 30 sentences later, and the pair is aligned and checked. Printed per
block size and distance: moved pairs found by the aligner, other pairs kept, and
``reordered`` flags raised (ideally one per moved sentence).

    python benchmarks/moves.py [--eval-dir ../shared/eval] [--model NAME]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from aligner import api
from aligner.align import AlignParams, align_texts
from aligner.config import Settings
from aligner.models import Document, Sentence
from aligner.qa.alignment import find_reordered
from aligner.qa.registry import AlignedDocument
from eval_dev import ROOT  # this folder is on sys.path when run as a script

PAIRS, START = 40, 5


def clean_pairs(gold_path: Path) -> list[tuple[str, str]]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    stem = gold_path.name[: -len(".gold.json")]
    en = (gold_path.parent / f"{stem}.en").read_text(encoding="utf-8").splitlines()
    ko = (gold_path.parent / f"{stem}.ko").read_text(encoding="utf-8").splitlines()
    faulted = {i for f in gold["faults"] for i in f.get("en", [])}
    return [
        (en[a["en"][0]], ko[a["ko"][0]])
        for a in gold["alignments"]
        if len(a["en"]) == len(a["ko"]) == 1 and a["en"][0] not in faulted
    ]


def document(lang: str, texts: list[str]) -> Document:
    sentences = tuple(Sentence(i, t, i + 1, 0, len(t)) for i, t in enumerate(texts))
    return Document(Path(f"moved.{lang}"), lang, sentences)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--model", default=Settings().model)
    args = parser.parse_args()
    encoder = api.load_encoder(args.model)
    totals: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for gold_path in sorted((args.eval_dir / "dev").glob("*.gold.json")):
        pairs = clean_pairs(gold_path)[:PAIRS]
        if len(pairs) < PAIRS:
            continue
        en = [e for e, _ in pairs]
        for size in (1, 3, 5):
            for distance in (5, 15, 30):
                block = list(range(START, START + size))
                rest = [k for k in range(PAIRS) if k not in block]
                order = [*rest[: START + distance], *block, *rest[START + distance :]]
                ko = [pairs[k][1] for k in order]
                beads, src_vec, tgt_vec = align_texts(
                    en, ko, embed=encoder.encode, params=AlignParams()
                )
                found = {(b.src, b.tgt) for b in beads}
                doc = AlignedDocument(
                    document("en", en), document("ko", ko), tuple(beads), src_vec, tgt_vec
                )
                flagged = {f.src[0] for f in find_reordered(doc, Settings())}
                right = [((k,), (order.index(k),)) in found for k in range(PAIRS)]
                t = totals[size, distance]
                t[0] += sum(right[k] for k in block)
                t[1] += size
                t[2] += sum(right[k] for k in rest)
                t[3] += len(rest)
                t[4] += len(flagged & set(block))
                t[5] += len(flagged - set(block))
    print("block  moved by  moved pairs found  other pairs kept  reordered flags on moved / others")
    for (size, distance), t in sorted(totals.items()):
        print(
            f"{size:>5}  {distance:>8}  {t[0]:>8} / {t[1]:<7}  {t[2]:>7} / {t[3]:<7}"
            f"  {t[4]:>6} / {t[5]}"
        )


if __name__ == "__main__":
    main()
