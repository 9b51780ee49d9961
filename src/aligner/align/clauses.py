"""Clause evidence for a merge the DP refuses: a lone sentence next to a 1-1 pair
that translates the pair's other sentence's clause at that end.

A translator often turns a trailing phrase into a short sentence of its own ('...
by two strokes, ending an 18-month victory drought.' / '...2타 차로 우승했다.' + '1년
6개월 만의 LPGA 투어 우승이다.'). The short sentence scores like an unrelated pair
against the whole sentence (0.32) but matches its last clause (0.58), which its
neighbour does not translate (0.33): evidence for the 1-2 bead. An omitted sentence
beside a 1-1 pair is no such evidence when it restates what its neighbour already
translates (the neighbour matches the clause too), nor when it only shares the
clause's subject (other sentences of the document match the clause better, and not
their own partners better still)."""

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
CUT = re.compile(r"(?:[,;:]|[.!?][\"'”’»)]*)\s+|[，、；：。！？]\s*|\s[—–]\s|\s--\s")


def end_clause(text: str, last: bool) -> str | None:
    """The clause of ``text`` at its end (``last``) or its start; None if it has one clause."""
    core = text.rstrip()
    cuts = [m for m in CUT.finditer(core) if m.end() < len(core)]
    if not cuts:
        return None
    return core[cuts[-1].end() :] if last else core[: cuts[0].start() + 1].rstrip()


def vouched_joins(
    beads: Sequence[Bead],
    texts: tuple[Sequence[str], Sequence[str]],
    vectors: tuple[Matrix, Matrix],
    embed: Callable[[Sequence[str]], Matrix],
    level: float,
    margin: float,
) -> list[Join]:
    """The 1-2 / 2-1 beads that join a lone sentence to its neighbouring 1-1 pair and
    that clause evidence vouches for: the lone sentence matches the clause of the
    pair's other sentence at that end above ``level`` (the document's unrelated
    level), its neighbour does not and ``margin`` less well, and no sentence of its
    side matches the clause better, but for those that match their own partner better
    still. Embeds one clause per candidate, nothing when there is none."""
    candidates = _candidates(beads)
    clauses = []
    for lone_src, lone, near, other in candidates:
        side = 1 if lone_src else 0  # the other sentence's side
        clauses.append(end_clause(texts[side][other], last=lone > near))
    wanted = [c for c in clauses if c]
    if not wanted or level < 0:
        return []
    rows = iter(embed(wanted))
    # how well each sentence matches its own partner (-1: none)
    partnered = [np.full(len(v), -1.0, dtype=np.float32) for v in vectors]
    for bead in beads:
        if bead.src and bead.tgt:
            partnered[0][list(bead.src)] = partnered[1][list(bead.tgt)] = bead.similarity
    joins: list[Join] = []
    for (lone_src, lone, near, other), clause in zip(candidates, clauses, strict=True):
        if not clause:
            continue
        mine = 0 if lone_src else 1
        # a clause says one thing: its translation is the sentence of that side most
        # like it (an omitted sentence on the same subject as a clause its neighbour
        # dropped matched it above the level, behind 351 sentences of its document),
        # leaving out sentences that match their own partner better: they translate
        # that (Text+Berg: 'peine perdue .', in a bead at 0.48 with '... alle Mühe war
        # umsonst .', matched 'der reinste Selbstmord .' 0.38, the lone '... serait un
        # pur suicide .' that translates it 0.29)
        sims = vectors[mine] @ next(rows)
        alone, beside = sims[lone], sims[near]
        rival = float(np.max(sims, where=sims > partnered[mine], initial=alone))
        if alone >= level > beside and alone - beside >= margin and alone >= rival:
            first = min(lone, near)
            joins.append((first, 2, other, 1) if lone_src else (other, 1, first, 2))
    return joins


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
