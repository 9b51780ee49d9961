"""Align the Text+Berg German-French test set and score it as Bertalign/Vecalign do.

A check that the aligner is not tuned to EN-KO: 7 articles from the Swiss Alpine
Club yearbooks (1989/1990), literary and administrative prose with many n-m
beads, gold alignments by Sennrich & Volk. Bertalign reports its results on the
same 7 documents (its ``text+berg`` folder).

Getting the data (it is not shipped here): Bleualign's evaluation files
(https://github.com/rsennrich/Bleualign, GPL; ``eval/`` or ``bleualign/eval/``):
``eval1989.de`` and ``eval1989.fr`` (one sentence per line, articles separated
by ``.EOA``) and the gold alignments in ``goldeval.py`` (the 0-based version,
commit 19609de or later; articles 0..6 of the files are ``gold[9, 15, 3, 6, 13,
17, 19]``, as in Bleualign's own ``gold1990map``). Lay them out as Bertalign
does (its ``data/text+berg`` holds the same 7 documents)::

    DATA/de/001 .. 007        one German sentence per line
    DATA/fr/001 .. 007        one French sentence per line
    DATA/gold/001.align ..    one bead per line: ``[0, 1]:[2]``

``--from-bleualign DIR`` builds that layout from a Bleualign checkout.

The development set (for choosing changes, so the test set above is only the
final check): ``--from-bleualign DIR --dev`` builds the same layout, one
document, from ``eval1957.de``/``eval1957.fr`` (the 1957 "Himalaya-Chronik",
468 German and 554 French lines, 36 of them French captions) and ``golddev.py``
(commit 17be929). That file numbers the German lines from 606 and the French
lines from 1, counts 8 French numbers that no line has, and numbers the
captions, which the French file has after its line 16, 527-562; DATA uses the
files' 0-based line order (checked: the renumbered beads pair translations, and
only French lines 94 and 371 are in no bead, as in the file's gold).

Scores: strict and lax precision / recall / F1 with Vecalign's definitions
(precision over predicted beads including 1-0 / 0-1; recall over gold beads
with both sides non-empty; a lax hit shares a source and a target sentence with
one gold bead), summed over documents. For reference, scored the same way:
Bertalign's own LaBSE output (its ``data/text+berg/auto``) strict F1 0.939, lax
0.992; Bertalign's scoring (margin, length penalty, max_align 5) on mUSE v3
embeddings strict 0.911, lax 0.984.

    python benchmarks/textberg.py DATA [--model NAME] [--src-lang de --tgt-lang fr]
    python benchmarks/textberg.py DEV_DATA --from-bleualign DIR --dev
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import re
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from aligner import api
from aligner.config import Settings
from eval_dev import TimedEncoder  # this folder is on sys.path when run as a script

Alignment = list[tuple[tuple[int, ...], tuple[int, ...]]]
# Bleualign's article order in eval1989.{de,fr} -> key in goldeval.gold
BLEUALIGN_GOLD_KEYS = (9, 15, 3, 6, 13, 17, 19)
# golddev.py's French numbers without a line, and its numbers of the captions
DEV_FR_PHANTOMS = frozenset({43, 78, 119, 153, 223, 333, 458, 505})
DEV_FR_CAPTIONS = range(527, 563)


def read_alignment(path: Path) -> Alignment:
    """``[0, 1]:[2]`` lines (a third ``:score`` field is ignored)."""
    beads = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            src, tgt = line.split(":")[:2]
            beads.append((tuple(ast.literal_eval(src)), tuple(ast.literal_eval(tgt))))
    return beads


def counts(gold: Alignment, test: Alignment) -> tuple[int, int, int, int]:
    """Vecalign's (strict hits, strict misses, lax hits, lax misses) of ``test``."""
    gold_set = {b for b in gold if b[0] or b[1]}
    gold_tgts: dict[int, set[int]] = defaultdict(set)
    for src, tgt in gold_set:
        for i in src:
            gold_tgts[i].update(tgt)
    strict = lax = 0
    tests = {b for b in test if b[0] or b[1]}
    for src, tgt in tests:
        if (src, tgt) in gold_set:
            strict += 1
            lax += 1
        elif set(tgt) & {j for i in src for j in gold_tgts[i]}:
            lax += 1
    return strict, len(tests) - strict, lax, len(tests) - lax


def score(pairs: Sequence[tuple[Alignment, Alignment]]) -> dict[str, float]:
    """Strict and lax P/R/F1 over (gold, test) pairs, counts summed over documents."""
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for gold, test in pairs:
        p = [a + b for a, b in zip(p, counts(gold, test), strict=True)]
        both = [(s, t) for s, t in gold if s and t], [(s, t) for s, t in test if s and t]
        r = [a + b for a, b in zip(r, counts(both[1], both[0]), strict=True)]
    out = {}
    for name, hit, miss in (("strict", 0, 1), ("lax", 2, 3)):
        prec = p[hit] / max(p[hit] + p[miss], 1)
        rec = r[hit] / max(r[hit] + r[miss], 1)
        out[f"{name}_p"], out[f"{name}_r"] = prec, rec
        out[f"{name}_f1"] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return out


def bleualign_folder(bleualign: Path) -> Path:
    """``eval/`` of a Bleualign checkout (newer ones keep it in ``bleualign/eval/``)."""
    return next(
        (d for d in (bleualign / "eval", bleualign / "bleualign" / "eval") if d.is_dir()),
        bleualign / "eval",
    )


def read_gold_py(path: Path, name: str) -> Any:
    scope: dict[str, Any] = {}
    exec(compile(path.read_text(encoding="utf-8"), path.name, "exec"), {}, scope)  # noqa: S102 - trusted data file
    return scope[name]


def write_layout(data: Path, docs: dict[str, list[list[str]]], golds: list[Alignment]) -> None:
    """DATA/{de,fr}/NNN one sentence per line and DATA/gold/NNN.align."""
    for lang, articles in docs.items():
        (data / lang).mkdir(parents=True, exist_ok=True)
        for k, lines in enumerate(articles, start=1):
            (data / lang / f"{k:03d}").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (data / "gold").mkdir(exist_ok=True)
    for k, beads in enumerate(golds, start=1):
        text = "".join(f"{list(s)}:{list(t)}\n" for s, t in beads)
        (data / "gold" / f"{k:03d}.align").write_text(text, encoding="utf-8")


def read_articles(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8")
    return [
        [line.rstrip() for line in article.split("\n")]
        for article in re.split(r"\n\.EOA\n", text.rstrip("\n"))
    ]


def from_bleualign(bleualign: Path, data: Path) -> None:
    """Write DATA/{de,fr,gold} of the test set (eval1989.*, goldeval.py)."""
    folder = bleualign_folder(bleualign)
    gold = read_gold_py(folder / "goldeval.py", "gold")
    docs = {lang: read_articles(folder / f"eval1989.{lang}") for lang in ("de", "fr")}
    golds = [[(tuple(s), tuple(t)) for s, t in gold[key]] for key in BLEUALIGN_GOLD_KEYS]
    write_layout(data, docs, golds)


def dev_from_bleualign(bleualign: Path, data: Path) -> None:
    """Write DATA/{de,fr,gold} of the development set (eval1957.*, golddev.py), its
    gold renumbered to the files' 0-based lines (see the module docstring)."""
    folder = bleualign_folder(bleualign)
    gold = read_gold_py(folder / "golddev.py", "goldalign")
    docs = {lang: read_articles(folder / f"eval1957.{lang}") for lang in ("de", "fr")}
    de_line = {i: n for n, i in enumerate(sorted({i for s, _ in gold for i in s}))}
    text = [j for j in range(1, DEV_FR_CAPTIONS.start) if j not in DEV_FR_PHANTOMS]
    fr_order = text[:16] + list(DEV_FR_CAPTIONS) + text[16:]
    fr_line = {j: n for n, j in enumerate(fr_order)}
    if (len(de_line), len(fr_line)) != (len(docs["de"][0]), len(docs["fr"][0])):
        raise SystemExit("golddev.py does not number eval1957.de/.fr as commit 17be929 does")
    beads = [(tuple(de_line[i] for i in s), tuple(fr_line[j] for j in t)) for s, t in gold]
    write_layout(data, docs, [beads])


def align_one(
    data: Path, doc_id: str, encoder: TimedEncoder, settings: Settings
) -> tuple[Alignment, float, float]:
    """Align one document; returns the beads, total and embedding seconds."""
    start, embed_before = time.perf_counter(), encoder.seconds
    src = api.load_document(data / settings.src_lang / doc_id, settings.src_lang, settings=settings)
    tgt = api.load_document(data / settings.tgt_lang / doc_id, settings.tgt_lang, settings=settings)
    aligned = api.align_documents(src, tgt, encoder=encoder, settings=settings)
    beads = [(tuple(b.src), tuple(b.tgt)) for b in aligned.beads]
    return beads, time.perf_counter() - start, encoder.seconds - embed_before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="Folder with de/, fr/ and gold/ (see above).")
    parser.add_argument("--model", default=Settings().model)
    parser.add_argument("--src-lang", default="de")
    parser.add_argument("--tgt-lang", default="fr")
    parser.add_argument(
        "--default-boilerplate",
        action="store_true",
        help="Keep the default boilerplate patterns (off: every line is content).",
    )
    parser.add_argument("--from-bleualign", type=Path, help="Build DATA from this checkout first.")
    parser.add_argument(
        "--dev", action="store_true", help="With --from-bleualign: build the development set."
    )
    args = parser.parse_args()
    if args.from_bleualign:
        (dev_from_bleualign if args.dev else from_bleualign)(args.from_bleualign, args.data)
    settings = Settings(
        model=args.model, src_lang=args.src_lang, tgt_lang=args.tgt_lang, presegmented=True
    )
    if not args.default_boilerplate:
        settings = dataclasses.replace(settings, boilerplate=())
    encoder = TimedEncoder(api.load_encoder(settings.model))
    pairs, total, embed = [], 0.0, 0.0
    print(f"{'doc':>5} {'src':>5} {'tgt':>5} {'strict F1':>9} {'lax F1':>7} {'seconds':>8}")
    for gold_path in sorted((args.data / "gold").glob("*.align")):
        doc_id = gold_path.name[: -len(".align")]
        test, seconds, embed_seconds = align_one(args.data, doc_id, encoder, settings)
        gold = read_alignment(gold_path)
        pairs.append((gold, test))
        total, embed = total + seconds, embed + embed_seconds
        doc = score([(gold, test)])
        n_src = len({i for s, _ in test for i in s})
        n_tgt = len({j for _, t in test for j in t})
        print(
            f"{doc_id:>5} {n_src:>5} {n_tgt:>5} {doc['strict_f1']:>9.3f} "
            f"{doc['lax_f1']:>7.3f} {seconds:>8.2f}"
        )
    result = score(pairs)
    print(
        f"overall ({len(pairs)} docs, {settings.src_lang}-{settings.tgt_lang}, "
        f"{encoder.name}): strict P {result['strict_p']:.3f} R {result['strict_r']:.3f} "
        f"F1 {result['strict_f1']:.3f} | lax P {result['lax_p']:.3f} "
        f"R {result['lax_r']:.3f} F1 {result['lax_f1']:.3f}"
    )
    print(f"time: total {total:.1f} s = embedding {embed:.1f} s + alignment {total - embed:.1f} s")


if __name__ == "__main__":
    main()
