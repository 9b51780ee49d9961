"""Run the ``direction`` check on faithful text and list every flag it raises.

The benchmark injects no reversed directions, so on its gold pairs every flag of
``direction`` is either a reversal in the source corpus or a false error: read
them all. Three sets are checked: the dev documents with their gold alignments
(as ``qa_on_gold.py`` builds them), the clean pairs of the three dev sources
that ``resample.py`` rebuilds (faults undone), one document per source with one
bead per pair, and, as the benchmark holds no exchange rates, the faithful
exchange-rate pairs of ``exchange_rate_pairs.tsv`` beside this script (written
for the check, in the wording of Korean wire news and its variants: the rule was
made on them, so their figures are optimistic).

It also prints how many numbers each side binds to a direction and how many
matched numbers both sides move alike (in a pair about an exchange rate, as the
currency moves, and only those whose quantity both sides tell: ``currency``);
and, as a check of recall on real sentences, turns the Korean word of each of
those around (``상승`` for ``하락``,
``오른`` for ``내린``...) and counts the pairs the check then flags.

Usage:
    .venv/bin/python benchmarks/direction_on_gold.py [--eval-dir PATH] [--verbose]
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import replace
from pathlib import Path

from aligner.config import Settings
from aligner.models import Bead, Document, Sentence
from aligner.qa.direction import Change, read_bead_changes
from aligner.qa.registry import CHECKS, AlignedDocument, run_checks
from qa_on_gold import read_document, read_gold  # this folder is on sys.path as a script
from resample import read_pools

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = replace(Settings(), disabled_checks=frozenset(CHECKS) - {"direction"})
# Korean words of change and their opposites, for turning a direction around
OPPOSITES = dict(
    pair
    for up, down in [
        ("상승", "하락"), ("증가", "감소"), ("급등", "급락"), ("인상", "인하"), ("오른", "내린"),
        ("올랐", "내렸"), ("올라", "내려"), ("늘었", "줄었"), ("늘어", "줄어"),
        ("뛰어올랐", "내려앉았"), ("올라섰", "내려앉았"), ("절상", "절하"),
    ]
    for pair in ((up, down), (down, up))
)  # fmt: skip


def documents(eval_dir: Path, label: str) -> list[tuple[str, AlignedDocument]]:
    """The dev documents with their gold beads, one document per source of clean
    pairs, or the document of exchange-rate pairs."""
    if label == "exchange rates":
        rows = (Path(__file__).parent / "exchange_rate_pairs.tsv").read_text(encoding="utf-8")
        pairs = [line.split("\t") for line in rows.splitlines()[1:]]
        return [("exchange_rate_pairs.tsv", pairs_document([(en, ko) for en, ko in pairs]))]
    if label == "clean pools":
        pools = read_pools(eval_dir / "dev")
        return [(source, pairs_document(list(pool.values()))) for source, pool in pools.items()]
    found = []
    for gold_path in sorted((eval_dir / "dev").glob("*.gold.json")):
        doc_id = gold_path.name.removesuffix(".gold.json")
        beads, _ = read_gold(gold_path)
        src = read_document(eval_dir / "dev" / f"{doc_id}.en", "en", SETTINGS)
        tgt = read_document(eval_dir / "dev" / f"{doc_id}.ko", "ko", SETTINGS)
        found.append((doc_id, AlignedDocument(src, tgt, beads)))
    return found


def pairs_document(pairs: list[tuple[str, str]]) -> AlignedDocument:
    """One document of sentence pairs, one bead per pair."""

    def side(lang: str, k: int) -> Document:
        texts = [pair[k] for pair in pairs]
        sentences = tuple(Sentence(i, t, i + 1, 0, len(t)) for i, t in enumerate(texts))
        return Document(Path(f"pairs.{lang}"), lang, sentences)

    beads = tuple(Bead((i,), (i,), 1.0) for i in range(len(pairs)))
    return AlignedDocument(side("en", 0), side("ko", 1), beads)


def turned_around(text: str, change: Change) -> str | None:
    """``text`` with the Korean word of ``change`` in the other direction."""
    stem = next((s for s in OPPOSITES if change.word.startswith(s)), None)
    if stem is None:
        return None
    word = OPPOSITES[stem] + change.word[len(stem) :]
    start = text.index(change.word, change.number.start)
    return text[:start] + word + text[start + len(change.word) :]


def count_changes(doc: AlignedDocument, tally: Counter[str], verbose: bool) -> None:
    """Add to ``tally`` the numbers each side binds to a direction, how the matched
    ones compare, and how many pairs are flagged with the Korean turned around."""
    for bead in filter(doc.is_content_pair, doc.beads):
        read = read_bead_changes(doc, bead)
        if read is None:
            continue
        texts = read.texts
        src = {c.number.start: c for c in read.src}
        tgt = {c.number.start: c for c in read.tgt}
        tally["en changes"] += len(src)
        tally["ko changes"] += len(tgt)
        for a, b in read.pairs:
            if a.start in src and b.start in tgt:
                alike = src[a.start].currency_direction == tgt[b.start].currency_direction
                tally["matched alike" if alike else "matched opposite"] += 1
                tally["matched, currency"] += src[a.start].quantity is not None
                ko = turned_around(texts[1], tgt[b.start]) if alike else None
                if ko is not None:
                    tally["turned around"] += 1
                    tally["turned around, flagged"] += bool(
                        run_checks(pairs_document([(texts[0], ko)]), SETTINGS)
                    )
        if verbose and (src or tgt):
            en = ", ".join(f"{c.amount} {c.word} ({c.direction})" for c in src.values())
            ko = ", ".join(f"{c.amount} {c.word} ({c.direction})" for c in tgt.values())
            print(f"  EN [{en}] {texts[0]}\n  KO [{ko}] {texts[1]}")


def flagged(name: str, doc: AlignedDocument, tally: Counter[str]) -> list[str]:
    """Every flag of the check on ``doc``, with the texts it names."""
    flags = run_checks(doc, SETTINGS)
    tally["pairs"] += sum(1 for b in doc.beads if b.src and b.tgt)
    tally["flags"] += len(flags)
    return [
        f"{name} en{list(f.src)} ko{list(f.tgt)}\n    EN: {doc.src_text(Bead(f.src, (), 0))}"
        f"\n    KO: {doc.tgt_text(Bead((), f.tgt, 0))}\n    => {f.message}"
        for f in flags
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every change read")
    args = parser.parse_args()
    if not any((args.eval_dir / "dev").glob("*.gold.json")):
        parser.error(f"no dev documents in {args.eval_dir / 'dev'}: give --eval-dir")
    for label in ("dev gold", "clean pools", "exchange rates"):
        tally: Counter[str] = Counter()
        found: list[str] = []
        for name, doc in documents(args.eval_dir, label):
            if args.verbose:
                print(f"[{label}] {name}")
            count_changes(doc, tally, args.verbose)
            found += flagged(name, doc, tally)
        print(f"{label}: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.items())))
        for item in found:
            print(f"  {item}")


if __name__ == "__main__":
    main()
