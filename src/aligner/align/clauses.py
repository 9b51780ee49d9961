"""Clause evidence for a merge the DP refuses: a lone sentence next to a 1-1 pair
that translates a clause of the pair's other sentence, at that end or inside it.

A translator often turns a trailing phrase into a short sentence of its own ('...
by two strokes, ending an 18-month victory drought.' / '...2타 차로 우승했다.' + '1년
6개월 만의 LPGA 투어 우승이다.'). The short sentence scores like an unrelated pair
against the whole sentence (0.32) but matches its last clause (0.58), which its
neighbour does not translate (0.33): evidence for the 1-2 bead. An omitted sentence
beside a 1-1 pair is no such evidence when it restates what its neighbour already
translates (the neighbour matches the clause too), nor when it only shares the
clause's subject (other sentences of the document match the clause better, and not
their own partners better still). A clause inside the sentence is as often made a
sentence of its own ('..., extending their growth streak to a sixth month, the
ministry said.' / '... 3.1% 증가했다.' + '수출은 6개월 연속 증가세를 이어갔다.': desk test
hunt54, two faithful stories that failed)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from aligner.align.params import Matrix
from aligner.models import Bead

Join = tuple[int, int, int, int]  # src start, src count, tgt start, tgt count

# where a clause ends, in any script: a comma, semicolon or colon, a sentence stop
# inside the line (a space after it, so not a decimal point), a dash between spaces;
# full-width marks need no space
_WORD = re.compile(r"[^\W\d_]+")
CUT = re.compile(r"(?:[,;:]|[.!?][\"'”’»)]*)\s+|[，、；：。！？]\s*|\s[—–]\s|\s--\s")


def near_clauses(text: str, last: bool) -> list[str]:
    """The clauses of ``text`` that a sentence after it (``last``) or before it may have
    taken: the one at that end, and those inside of three words or more (a cut inside a
    date, 'erst am 27.', leaves a scrap any number matches); none if it has one clause."""
    core = text.rstrip()
    cuts = [m for m in CUT.finditer(core) if m.end() < len(core)]
    if not cuts:
        return []
    starts = [0, *(m.end() for m in cuts)]
    ends = [*(m.start() + 1 for m in cuts), len(core)]
    clauses = [core[a:b].strip() for a, b in zip(starts, ends, strict=True)]
    end = clauses.pop() if last else clauses.pop(0)
    inside = clauses[1:] if last else clauses[:-1]
    return [end, *(c for c in inside if len(_WORD.findall(c)) >= 3)]


def vouched_joins(
    beads: Sequence[Bead],
    texts: tuple[Sequence[str], Sequence[str]],
    vectors: tuple[Matrix, Matrix],
    embed: Callable[[Sequence[str]], Matrix],
    level: float,
    margin: float,
) -> list[Join]:
    """The 1-2 / 2-1 beads that join a lone sentence to its neighbouring 1-1 pair and
    that clause evidence vouches for: the lone sentence matches a clause of the
    pair's other sentence (see :func:`near_clauses`) above ``level`` (the document's
    unrelated level), its neighbour does not and ``margin`` less well, and no sentence
    of its side matches the clause better, but for those that match their own partner
    better still. Embeds the clauses of each candidate, nothing when there are none."""
    candidates = _candidates(beads)
    clauses = []
    for lone_src, lone, near, other in candidates:
        side = 1 if lone_src else 0  # the other sentence's side
        clauses.append(near_clauses(texts[side][other], last=lone > near))
    wanted = [c for found in clauses for c in found]
    if not wanted or level < 0:
        return []
    rows = iter(embed(wanted))
    # how well each sentence matches its own partner (-1: none)
    partnered = [np.full(len(v), -1.0, dtype=np.float32) for v in vectors]
    for bead in beads:
        if bead.src and bead.tgt:
            partnered[0][list(bead.src)] = partnered[1][list(bead.tgt)] = bead.similarity
    joins: list[Join] = []
    for (lone_src, lone, near, other), found in zip(candidates, clauses, strict=True):
        mine = 0 if lone_src else 1
        matches = [vectors[mine] @ next(rows) for _ in found]  # consumed for every clause
        if any(_vouches(sims, lone, near, partnered[mine], level, margin) for sims in matches):
            first = min(lone, near)
            joins.append((first, 2, other, 1) if lone_src else (other, 1, first, 2))
    return joins


def _vouches(
    sims: np.ndarray, lone: int, near: int, partnered: np.ndarray, level: float, margin: float
) -> bool:
    """Whether a clause, with similarities ``sims`` to the sentences of the lone one's
    side, is the lone sentence's: it matches it above ``level`` and ``margin`` better
    than the neighbour, which stays below ``level``, and best of its side.

    A clause says one thing: its translation is the sentence of that side most like it
    (an omitted sentence on the same subject as a clause its neighbour dropped matched
    it above the level, behind 351 sentences of its document), leaving out sentences
    that match their own partner better: they translate that (Text+Berg: 'peine perdue
    .', in a bead at 0.48 with '... alle Mühe war umsonst .', matched 'der reinste
    Selbstmord .' 0.38, the lone '... serait un pur suicide .' that translates it 0.29)."""
    alone, beside = sims[lone], sims[near]
    rival = float(np.max(sims, where=sims > partnered, initial=alone))
    return bool(alone >= level > beside and alone - beside >= margin and alone >= rival)


def _candidates(beads: Sequence[Bead]) -> list[tuple[bool, int, int, int]]:
    """(lone on the src side, lone index, neighbour index, other side's index) of each
    lone sentence next to a 1-1 bead whose sentence on its side is adjacent."""
    found = []
    for k, bead in enumerate(beads):
        if len(bead.src) + len(bead.tgt) != 1:
            continue
        lone_src = bool(bead.src)
        lone = (bead.src or bead.tgt)[0]
        for other in (beads[k - 1] if k else None, beads[k + 1] if k + 1 < len(beads) else None):
            if other is None or len(other.src) != 1 or len(other.tgt) != 1:
                continue
            near = other.src[0] if lone_src else other.tgt[0]
            if abs(near - lone) == 1:
                found.append((lone_src, lone, near, other.tgt[0] if lone_src else other.src[0]))
    return found


def join_mask(
    joins: Sequence[Join], shape: tuple[int, int], rows: np.ndarray, cols: np.ndarray
) -> np.ndarray:
    """Which cells of beads of ``shape`` starting at src ``rows`` (a column vector's
    values) and tgt ``cols`` (a matrix) are vouched ``joins``."""
    mask = np.zeros(cols.shape, dtype=bool)
    for s, a, t, b in joins:
        hit = np.flatnonzero(rows == s) if (a, b) == shape else ()
        for r in hit:
            mask[r] |= cols[r] == t
    return mask
