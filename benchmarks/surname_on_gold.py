"""Run ``korean_surname`` and ``korean_name`` on faithful text and list every flag.

The benchmark injects no swapped surnames, so on its gold pairs every flag of
``korean_surname`` is either a wrong name in the source corpus or a false error:
read them all. Two sets are checked, as ``direction_on_gold.py`` builds them: the
dev documents with their gold alignments and the clean pairs of the three dev
sources that ``resample.py`` rebuilds. The check reads text only: no model.

As a check of recall on real sentences, it then puts another surname in the
Korean of every faithful pair where the Korean calls someone by surname and
title or 씨 (``김씨``, ``반 총장``), once for each of the commonest surnames
(김, 이, 박, 최, 정) that is not the one written nor romanized in the English,
and checks that pair in its own document, the rest left as it was. A swap the
English gives no name for (``한 사장`` for "a boss") cannot be caught and is
counted apart.

``--stories DIR`` checks the stories of ``DIR/en`` and ``DIR/ko`` the same way
(those whose lines pair one to one; others are skipped), as a third set: news
copy calls people by surname far more often than the benchmark's sentences do.

Usage:
    .venv/bin/python benchmarks/surname_on_gold.py [--eval-dir PATH] [--stories DIR]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import aligner.api  # noqa: F401  (registers every check)
from aligner.config import Settings
from aligner.models import Document
from aligner.qa import surnames
from aligner.qa.names import english_names
from aligner.qa.registry import CHECKS, AlignedDocument, run_checks
from on_gold import described, main  # this folder is on sys.path

SETTINGS = replace(Settings(), disabled_checks=frozenset(CHECKS) - {"korean_surname"})
LISTED = replace(Settings(), disabled_checks=frozenset(CHECKS) - {"korean_surname", "korean_name"})
COMMONEST = "김이박최정"


def flagged(name: str, doc: AlignedDocument, faults: set[int]) -> list[str]:
    """Every flag of the check and of ``korean_name`` on ``doc``, with the texts it
    names (no other benchmark lists ``korean_name``'s)."""
    return described(name, doc, run_checks(doc, LISTED), faults)


def _with_sentence(document: Document, index: int, text: str) -> Document:
    sentences = list(document.sentences)
    sentences[index] = replace(sentences[index], text=text, end=sentences[index].start + len(text))
    return replace(document, sentences=tuple(sentences))


def swaps(doc: AlignedDocument, faults: set[int], tally: Counter[str]) -> list[str]:
    """Swap each surname the Korean calls someone by and count the swaps flagged;
    the misses, described."""
    story = surnames._story(doc)
    missed = []
    for bead in filter(doc.is_content_pair, doc.beads):
        if len(bead.tgt) != 1 or faults & set(bead.tgt):
            continue
        en, ko = doc.src_text(bead), doc.tgt_text(bead)
        in_english = surnames._english_mentions(en)
        named = surnames.english_surnames(en) or english_names(en)
        for found in surnames.korean_surnames(ko):
            if not surnames._reads_as_person(found, story.ko_persons):
                continue
            tally["references"] += 1
            for new in COMMONEST:
                if new == found.surname or new in in_english:
                    continue
                swapped = ko[: found.start] + new + ko[found.start + 1 :]
                kind = "named" if named else "unnamed"
                changed = replace(doc, tgt=_with_sentence(doc.tgt, bead.tgt[0], swapped))
                caught = any(f.tgt == bead.tgt for f in run_checks(changed, SETTINGS))
                for key in (kind, f"{kind} to {new}"):
                    tally[key] += 1
                    tally[f"{key}, flagged"] += caught
                if named and not caught:
                    missed.append(f"{found.text} -> {new}: EN {en}\n      KO {swapped}")
    return missed


def summary(tally: Counter[str]) -> None:
    """Print how many swaps of Korean surnames were flagged, of each kind."""
    print(f"  {tally['references']} Korean surnames with a title or 씨, swapped:")
    for kind, what in (("named", "the English names someone"), ("unnamed", "it names nobody")):
        counts = [
            f"to {new} {tally[f'{kind} to {new}, flagged']}/{tally[f'{kind} to {new}']}"
            for new in COMMONEST
        ]
        share = f"{tally[f'{kind}, flagged']}/{tally[kind]}"
        print(f"    {what}: flagged {share} ({', '.join(counts)})")


if __name__ == "__main__":
    main(__doc__, flagged, swaps, summary)
