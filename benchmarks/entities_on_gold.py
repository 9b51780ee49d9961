"""Run the check ``institution`` (a body or country replaced) on faithful text and list every flag.

The rules flag a pair whose English names a country, court, prosecutors' office or
other institution of the built-in list (``aligner/data/institutions.tsv``) that the
Korean leaves out while naming another of its kind ("the United States and Japan"
as 미국, 중국과; "the Seoul Southern District Prosecutors' Office" as 서울중앙지검),
or a foreign body whose country the Korean changes ("Japan's defense ministry" as
중국 국방부). The benchmark injects no such swap, so on its gold pairs every flag is
either a wrong name in the source corpus or a false error: read them all. Two sets
are checked, as ``direction_on_gold.py`` builds them: the dev documents with their
gold alignments and the clean pairs of the three dev sources that ``resample.py``
rebuilds. The check reads text only: no model.

As a check of recall on real sentences, it then puts another name in the Korean
of every faithful pair where the Korean names a country, a court or a
prosecutors' office as a word of its own (``중국과``, ``서울중앙지검은``): each of
the commonest of its kind that is not the one written nor meant by the English,
one at a time, the pair checked alone (the rules read one pair). A swap of a
name the English does not give (the Korean adds ``일본`` to "the foreign
minister") cannot be caught and is counted apart, and so is a miss where the
Korean still gives the country (a second ``일본``, ``한일``, its capital).

``--stories DIR`` checks the stories of ``DIR/en`` and ``DIR/ko`` the same way
(those whose lines pair one to one; others are skipped), as a third set.

Usage:
    .venv/bin/python benchmarks/entities_on_gold.py [--eval-dir PATH] [--stories DIR]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import aligner.api  # noqa: F401  (registers every check)
from aligner.config import Settings
from aligner.models import Flag
from aligner.qa import institutions
from aligner.qa.registry import CHECKS, AlignedDocument, run_checks
from direction_on_gold import pairs_document  # this folder is on sys.path
from on_gold import described, main

SETTINGS = replace(Settings(), disabled_checks=frozenset(CHECKS) - {"institution"})
# the names put in, by kind: a prosecutors' office is an agency of the list
COMMONEST = {
    "country": "미국 일본 중국 북한 러시아".split(),
    "court": "서울중앙지법 서울남부지법 수원지법 서울고법 대법원".split(),
    "agency": "서울중앙지검 서울남부지검 수원지검 대검".split(),
}


def _substitutions(doc: AlignedDocument) -> list[Flag]:
    return [
        f for f in run_checks(doc, SETTINGS) if f.subject.startswith(("country ", "institution "))
    ]


def flagged(name: str, doc: AlignedDocument, faults: set[int]) -> list[str]:
    """Every substitution flag on ``doc``, with the texts it names."""
    return described(name, doc, _substitutions(doc), faults)


def _kind(owners: tuple[institutions.Institution, ...]) -> str | None:
    """The kind of names put in for a Korean name of the list, if it is one swapped."""
    kinds = {inst.kind for inst in owners}
    if kinds == {"country"} or kinds == {"court"}:
        return kinds.pop()
    if all(any("Prosecut" in name for name in inst.en) for inst in owners):
        return "agency"
    return None


def swaps(doc: AlignedDocument, faults: set[int], tally: Counter[str]) -> list[str]:
    """Swap each country, court or prosecutors' office the Korean names and count the
    swaps flagged; the misses, described."""
    missed = []
    for bead in filter(doc.is_content_pair, doc.beads):
        if len(bead.tgt) != 1 or faults & set(bead.tgt):
            continue
        en, ko = doc.src_text(bead), doc.tgt_text(bead)
        listed = institutions.load_institutions()
        named_in_en = {id(inst) for inst, _ in institutions._named(en, listed)}
        for match in institutions._korean_names().finditer(ko):
            owners = institutions._owners()[match.group(1)]
            kind = _kind(owners)
            if kind is None:
                continue
            named = "named" if any(id(inst) in named_in_en for inst in owners) else "unnamed"
            tally[f"{kind} references"] += 1
            for new in COMMONEST[kind]:
                new_owners = institutions._owners()[new]
                if set(new_owners) & set(owners) or any(i.meant_in(en) for i in new_owners):
                    continue
                swapped = ko[: match.start(1)] + new + ko[match.end(1) :]
                caught = bool(_substitutions(pairs_document([(en, swapped)])))
                for key in (f"{kind} {named}", f"{kind} {named} to {new}"):
                    tally[key] += 1
                    tally[f"{key}, flagged"] += caught
                if named == "named" and not caught:
                    # the Korean names it elsewhere too (일본 ... 한일): nothing is missing
                    kept = any(inst.rendered_in(swapped) for inst in owners)
                    tally[f"{kind} named, missed, still rendered"] += kept
                    why = "still rendered" if kept else "MISSED"
                    missed.append(f"{why} {match.group(1)} -> {new}: EN {en}\n      KO {swapped}")
    return missed


def summary(tally: Counter[str]) -> None:
    """Print how many swaps of Korean names were flagged, of each kind."""
    for kind, new_names in COMMONEST.items():
        print(f"  {tally[f'{kind} references']} Korean {kind} names swapped:")
        for named, what in (("named", "the English names it"), ("unnamed", "it does not")):
            counts = [
                f"to {new} {tally[f'{kind} {named} to {new}, flagged']}"
                f"/{tally[f'{kind} {named} to {new}']}"
                for new in new_names
            ]
            share = f"{tally[f'{kind} {named}, flagged']}/{tally[f'{kind} {named}']}"
            print(f"    {what}: flagged {share} ({', '.join(counts)})")
        kept = tally[f"{kind} named, missed, still rendered"]
        print(f"    swaps of a name the English gives, missed, still in the Korean: {kept}")


if __name__ == "__main__":
    main(__doc__, flagged, swaps, summary)
