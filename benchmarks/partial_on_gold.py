"""Run the ``partial`` check on faithful pairs, and on pairs with a clause taken out.

The benchmark plants no partial omissions, so on its gold pairs every ``partial``
flag is a clause the corpus itself leaves out or adds, or a false flag: all are
listed. Two sets, as ``direction_on_gold.py`` builds them: the dev documents with
their gold alignments and the clean pairs of the three dev sources.

For recall, every faithful 1-1 pair with a clause of at least three words that
the check could cut out (two clauses or more, cut at punctuation) gets it taken
out, one clause chosen at random (seeded): of the Korean (the English then holds
a clause the Korean leaves out) and, separately, of the English (the Korean then
holds one the English does not say). The check runs on each changed pair inside
its own document (so the length ratio is the document's) and counts the pairs it
flags.

Usage:
    .venv/bin/python benchmarks/partial_on_gold.py [--eval-dir PATH] [--model muse-v3]
"""

from __future__ import annotations

import argparse
import functools
import random
from dataclasses import replace
from pathlib import Path

import numpy as np

from aligner.api import (
    CALIBRATED_MISTRANSLATION,  # also registers every check
    open_encoder,
)
from aligner.config import DEFAULT_MODEL, Settings
from aligner.embed import embed_unique
from aligner.models import Bead, Document
from aligner.qa.partial import (
    MIN_WORDS,
    _clauses,
    _flag,
    _longer_side,
    _without,
    find_partial_translations,
)
from aligner.qa.registry import AlignedDocument
from aligner.qa.truncation import fit_length_model
from direction_on_gold import documents  # this folder is on sys.path
from qa_on_gold import embedded

ROOT = Path(__file__).resolve().parent.parent


def _changed(document: Document, index: int, text: str) -> Document:
    sentences = list(document.sentences)
    sentences[index] = replace(sentences[index], text=text, end=sentences[index].start + len(text))
    return replace(document, sentences=tuple(sentences))


def _cut(text: str, lang: str, rng: random.Random) -> str | None:
    """``text`` with one clause of at least :data:`MIN_WORDS` words taken out."""
    clauses = _clauses(text, lang)
    candidates = [(s, e) for s, e, _ in clauses if len(text[s:e].split()) >= MIN_WORDS]
    if len(clauses) < 2 or not candidates:
        return None
    return _without(text, *rng.choice(candidates), lang)


def _flagged(doc: AlignedDocument, bead: Bead, kind: str, settings: Settings) -> bool:
    """Whether the check flags ``bead`` of ``doc`` (one sentence changed) as ``kind``:
    only that pair is read, at its new similarity."""
    assert doc.embed is not None
    en, ko = doc.embed([doc.src_text(bead), doc.tgt_text(bead)])
    similarity = float(en @ ko / (np.linalg.norm(en) * np.linalg.norm(ko)))
    bead = Bead(bead.src, bead.tgt, similarity)
    doc = replace(
        doc, beads=tuple(bead if (b.src, b.tgt) == (bead.src, bead.tgt) else b for b in doc.beads)
    )
    model = fit_length_model(doc)
    side = (
        _longer_side(doc, bead, model)
        if model and similarity >= (settings.mistranslation_threshold or 0)
        else None
    )
    flag = _flag(doc, bead, side) if side else None
    return flag is not None and flag.subject == kind


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()
    encoder = open_encoder(Settings(model=args.model))
    settings = Settings(mistranslation_threshold=CALIBRATED_MISTRANSLATION[DEFAULT_MODEL])
    embed = functools.partial(embed_unique, encoder)

    for label in ("dev", "clean pools"):
        rng = random.Random(0)
        flags, pairs = [], 0
        caught = {"omission": 0, "addition": 0}
        planted = {"omission": 0, "addition": 0}
        for name, gold in documents(args.eval_dir, label):
            doc = replace(embedded(gold, encoder), embed=embed)
            for flag in find_partial_translations(doc, settings):
                flags.append(f"  {name} en{list(flag.src)} ko{list(flag.tgt)}: {flag.message}")
            for bead in doc.beads:
                if not (len(bead.src) == len(bead.tgt) == 1 and doc.is_content_pair(bead)):
                    continue
                pairs += 1
                for kind, side in (("omission", "tgt"), ("addition", "src")):
                    document = doc.tgt if side == "tgt" else doc.src
                    index = (bead.tgt if side == "tgt" else bead.src)[0]
                    cut = _cut(document.sentences[index].text, document.lang, rng)
                    if cut is None:
                        continue
                    planted[kind] += 1
                    changed = replace(doc, **{side: _changed(document, index, cut)})
                    caught[kind] += _flagged(changed, bead, kind, settings)
        print(f"{label}: {len(flags)} flags on {pairs} faithful 1-1 pairs")
        print("\n".join(flags))
        for kind in ("omission", "addition"):
            print(f"  clause taken out ({kind}): {caught[kind]} of {planted[kind]} flagged")


if __name__ == "__main__":
    main()
