"""The aligner's knobs and the array types its stages share."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float32]
Windows = dict[int, Matrix]  # window length k -> (n - k + 1, d) embeddings of k joined sentences
# No two languages' sentences embed this close (EN-KO translations reach 0.95 under
# mUSE): above it, both sides are the same text, a copy.
COPY_SIMILARITY = 0.99


@dataclass(frozen=True)
class AlignParams:
    """Knobs of the aligner; defaults measured on the EN-KO dev set."""

    max_bead: int = 4  # 1-4 beads are common in literary text (Text+Berg +0.003 over 3)
    skip_penalty: float = 0.1  # per unaligned sentence, and per sentence merged beyond 1-1
    pair_threshold: float = 0.15  # paid by every aligned bead (see the module docstring)
    merge_length_tolerance: float = 0.3  # |log length ratio| off the document's: no waiver
    merge_min_gain: float = -0.02  # joined similarity minus the best single pair's
    swap_margin: float = 0.05  # crossing pairs must beat parallel ones by this much
    move_min_similarity: float = 0.45  # a moved sentence must match at least this well
    move_window: int = 20  # ... within this many beads of its old place
    # the least similarity of a translation under the model (its calibrated mistranslation
    # threshold): enough for two swapped neighbours that are each other's best match in
    # the document (see ``reorder.match_moved``); None: the document's unrelated level
    translation_floor: float | None = None
    band_margin: int = 8  # extra sentences either side of the coarse path
    # per unit of |log length ratio - document's ratio|; chosen on re-drawn dev faults
    # (benchmarks/resample.py seeds 1-6, confirmed on 7-12): 0.05 let more omissions hide
    # in merges, 0.15 breaks swaps
    length_weight: float = 0.1
    unrelated_quantile: float = 0.9  # of the document's pair similarities: unrelated below
    merge_min_evidence: float = 0.02  # joined minus best single similarity of a supported merge
    # a lone sentence matching its neighbour pair's end clause this much better than
    # its neighbour does (and best of its side) vouches for their merge (see
    # ``clauses``); None: off. 0 and 0.1 let an omission through on re-drawn EN-KO
    # seeds 7-12 (a long neighbour, diluted, matched the clause 0.108 less well) and
    # joined no more false gaps on seeds 1-24
    clause_margin: float | None = 0.15
    # two adjacent 1-1 pairs whose length ratios lie this many typical deviations on
    # opposite sides of the document's, together within the second, and whose joined
    # pair is ``shift_min_gain`` more similar are one 2-2 bead (see ``shifted``); None:
    # off. 3.0 joined an EN-KO dev pair its gold keeps as two; without the second, two
    # pairs beside a truncated sentence on re-drawn EN-KO faults
    shift_deviations: tuple[float, float] | None = (3.5, 1.5)
    shift_min_gain: float = 0.05
    # adjacent beads between which a number of at least this many digits crossed are
    # one bead (see ``shifted``); None: off
    number_min_digits: int | None = 4
    # refuse a 1-2 / 2-1 bead whose single sentence has no piece matching the weaker
    # part better than the whole sentence does, unless the text explains the join (see
    # ``pieces``); False: off
    localize_joins: bool = True


def bead_shapes(max_bead: int) -> list[tuple[int, int]]:
    """All (src, tgt) sentence counts allowed: nulls, 1-1, merges 1-n and n-1 up to
    ``max_bead``, 2-2 from ``max_bead`` 3 and 2-3 / 3-2 from 4. (2-3 and 3-2 beads, a
    sentence cut in two on one side and in three on the other, found one more gold
    bead each of Text+Berg's development and test sets, 0.860 -> 0.864 and 0.919 ->
    0.920 strict F1, and changed nothing on EN-KO, for about 6% more DP time: 8.0 ->
    8.5 s on align_scaling's 100,000-sentence document, shortest of two.)"""
    shapes = [(1, 1), (1, 0), (0, 1)]
    for total in range(3, max_bead + 2):
        shapes += [(a, total - a) for a in range(1, total) if min(a, total - a) == 1 or total <= 5]
    return shapes
