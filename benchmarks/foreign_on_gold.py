"""Run ``foreign_name`` on faithful text and list every flag.

The benchmark injects no swapped names, so on its gold pairs every flag of
``foreign_name`` is either a wrong name in the source corpus or a false error:
read them all. Two sets are checked, as ``direction_on_gold.py`` builds them:
the dev documents with their gold alignments and the clean pairs of the three
dev sources that ``resample.py`` rebuilds. The check reads text only: no model.

As a check of recall on real sentences, it then puts another foreign name in
the Korean of every faithful pair where the Korean transcribes the name of a
person the English names in a role (``지젤 데이비스`` for "IOC spokeswoman
Giselle Davies"): every Hangul word of the pair that transcribes the name is
replaced by the transcription of another person, taken from another pair read
before (three of them, each swap checked alone, the pair in a document of its
own). A Korean name before a title whose English names nobody in a role
("Davies said", or no name at all) cannot be caught and is counted apart.

``--stories DIR`` checks the stories of ``DIR/en`` and ``DIR/ko`` the same way
(those whose lines pair one to one; others are skipped), as a third set.

Usage:
    .venv/bin/python benchmarks/foreign_on_gold.py [--eval-dir PATH] [--stories DIR]
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import replace

import aligner.api  # noqa: F401  (registers every check)
from aligner.config import Settings
from aligner.qa import foreign
from aligner.qa.registry import CHECKS, AlignedDocument, run_checks
from direction_on_gold import pairs_document  # this folder is on sys.path
from on_gold import described, main

SETTINGS = replace(Settings(), disabled_checks=frozenset(CHECKS) - {"foreign_name"})
PER_SWAP = 3
# the Korean names of the persons read so far: (the pair's English, the name)
POOL: list[tuple[str, str]] = []
_ALL_TITLES = frozenset(t for _, titles in foreign.ROLES for t in titles)


def flagged(name: str, doc: AlignedDocument, faults: set[int]) -> list[str]:
    """Every flag of the check on ``doc``, with the texts it names."""
    return described(name, doc, run_checks(doc, SETTINGS), faults)


def transcriptions(person: foreign.EnglishPerson, ko: str) -> list[tuple[int, int]]:
    """Where the Korean transcribes the person's name: a Hangul word whose start
    transcribes the surname (the last word of the name), with the words beside it
    that transcribe the name's other words (지젤 데이비스는: 지젤 데이비스; 다카이치
    사나에 for Sanae Takaichi)."""
    *given, surname = person.words
    spans = []
    for word in re.finditer("[가-힣]+", ko):
        end = _transcribing(surname, word.group())
        if not end:
            continue
        start, end = word.start(), word.start() + end
        while (before := re.search(r"([가-힣]+)[\s-]$", ko[:start])) and any(
            foreign.sounds_alike(part, before.group(1)) for part in given
        ):
            start = before.start(1)
        if end == word.end():
            while (after := re.match(r"[\s-]([가-힣]+)", ko[end:])) and (
                n := max((_loosely(part, after.group(1)) for part in given), default=0)
            ):
                end += 1 + n
        spans.append((start, end))
    return spans


def _loosely(english: str, word: str) -> int:
    """How few syllables at the start of ``word`` the check reads as ``english``."""
    ends = [n for n in range(1, len(word) + 1) if foreign.sounds_alike(english, word[:n])]
    return min(ends, default=0)


def _transcribing(english: str, word: str) -> int:
    """How few syllables at the start of ``word`` transcribe ``english`` (0: none):
    a start that looks foreign and has the consonants of the English exactly, to swap
    no word the check's looser reading would take for the name."""
    if len(foreign.skeleton(english)) < 2:
        return 0
    ends = [
        n
        for n in range(1, len(word) + 1)
        if foreign.sounds_alike(english, word[:n])
        and foreign.skeletons(english) & foreign.skeletons(word[:n])
        and foreign.looks_foreign(word[:n])
    ]
    return min(ends, default=0)


def swaps(doc: AlignedDocument, faults: set[int], tally: Counter[str]) -> list[str]:
    """Swap the Korean name of each person the English names in a role and count
    the swaps flagged; the misses, described."""
    missed = []
    found: list[tuple[str, str, str, list[tuple[int, int]], foreign.EnglishPerson]] = []
    for bead in filter(doc.is_content_pair, doc.beads):
        if len(bead.tgt) != 1 or faults & set(bead.tgt):
            continue
        en, ko = doc.src_text(bead), doc.tgt_text(bead)
        persons = [p for p in foreign.english_persons(en) if not foreign._korean(p, en)]
        if not persons and foreign._titled_persons(ko, _ALL_TITLES, foreign._echoes(en)):
            tally["unnamed"] += 1  # a Korean name with a title, and nobody in a role in the English
        for person in persons:
            spans = transcriptions(person, ko)
            if spans:
                found.append((en, ko, person.text, spans, person))
                name = ko[spans[0][0] : spans[0][1]]
                # a name the check would read as one (not a word 그러나 read as "Galliani")
                if all(foreign._kind(word, []) == "name" for word in name.split()):
                    POOL.append((en, name))
    for en, ko, name, spans, person in found:
        tally["references"] += 1
        seed = int(hashlib.sha256(f"{en}{name}".encode()).hexdigest(), 16)
        others = [
            other
            for source, other in POOL
            if source != en and not foreign._transcribed(person, other)
        ]
        if not others:
            continue
        for k in range(PER_SWAP):
            new = others[(seed + k * 7919) % len(others)]
            swapped = ko
            for start, end in reversed(spans):
                swapped = swapped[:start] + new + swapped[end:]
            caught = bool(run_checks(pairs_document([(en, swapped)]), SETTINGS))
            tally["named"] += 1
            tally["named, flagged"] += caught
            if not caught:
                missed.append(f"{name} -> {new}: EN {en}\n      KO {swapped}")
    return missed


def summary(tally: Counter[str]) -> None:
    """Print how many swaps of foreign names were flagged."""
    print(f"  {tally['references']} Korean transcriptions of a person the English names in a role")
    print(
        f"    swapped ({PER_SWAP} others each): flagged {tally['named, flagged']}/{tally['named']}"
    )
    print(f"  {tally['unnamed']} pairs whose Korean gives a foreign name with a title and whose")
    print("    English names nobody in a role: a swap there cannot be caught")


if __name__ == "__main__":
    main(__doc__, flagged, swaps, summary)
