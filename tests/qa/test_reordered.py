"""The ``reordered`` check: which pairs of a reordered translation were moved."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pairs import document

import aligner.api  # noqa: F401  (registers every check)
from aligner import align
from aligner.config import Settings
from aligner.models import Bead, Document
from aligner.qa.alignment import find_reordered, moved
from aligner.qa.registry import AlignedDocument, run_checks
from aligner.segment import split_sentences


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ([0, 1, 2, 3], []),
        ([0, 2, 1, 3], [1, 2]),  # two swapped neighbours: either could have moved
        ([1, 0], [0, 1]),
        ([0, 4, 5, 1, 2, 3, 6], [1, 2]),  # a paragraph moved back past three sentences
        ([0, 1, 2, 6, 7, 8, 3, 4, 5, 9], [3, 4, 5, 6, 7, 8]),  # two equal blocks swapped
        ([5, 0, 1, 2, 3, 4], [0]),  # the last sentence moved to the top
        ([], []),
    ],
)
def test_moved_marks_the_pairs_outside_every_longest_ordered_run(
    order: list[int], expected: list[int]
) -> None:
    assert list(moved(order)) == expected


@given(st.permutations(range(9)) | st.lists(st.integers(0, 30), unique=True, max_size=12))
def test_a_moved_pair_belongs_between_two_neighbours_of_a_longest_run_without_it(
    order: list[int],
) -> None:
    def increasing(items: list[int]) -> bool:
        return all(order[a] < order[b] for a, b in itertools.pairwise(items))

    longest = max(
        (
            n
            for n in range(len(order) + 1)
            for run in itertools.combinations(range(len(order)), n)
            if increasing(list(run))
        ),
        default=0,
    )
    for k, (before, after) in moved(order).items():
        assert (before, after) != (None, None)
        # a longest run without k passes between them: k sits outside their order
        runs = [
            run
            for run in itertools.combinations([i for i in range(len(order)) if i != k], longest)
            if increasing(list(run))
            and (before is None or before in run)
            and (after is None or after in run)
            and [i for i in run if i < k][-1:] == ([before] if before is not None else [])
            and [i for i in run if i > k][:1] == ([after] if after is not None else [])
        ]
        assert runs, (order, k, before, after)


def test_the_message_says_where_the_translation_belongs() -> None:
    en = [f"Sentence number {k} of the story." for k in range(8)]
    en[2] = (
        "Kim Jong Un's sister, Kim Yo Jong, warned last week that Pyongyang would take "
        '"overwhelming" action against the drills.'
    )
    order = [0, 1, 4, 5, 6, 2, 3, 7]  # EN lines 3-4 translated after EN lines 5-7
    ko = [f"이야기의 {k}번째 문장." for k in order]
    beads = sorted((Bead((i,), (order.index(i),), 1.0) for i in range(8)), key=lambda b: b.tgt)
    doc = AlignedDocument(document("en", en), document("ko", ko), tuple(beads))
    assert [flag.message for flag in find_reordered(doc, Settings())] == [
        "EN line 3 is translated out of order, at KO line 6, expected after KO line 2 and "
        "before KO line 3: “Kim Jong Un's sister, Kim Yo Jong, warned last week that "
        "Pyongyang would take…”",  # cut between words, not inside the quotation
        "EN line 4 is translated out of order, at KO line 7, expected after KO line 2 and "
        "before KO line 3: “Sentence number 3 of the story.”",
    ]


def test_a_pair_that_is_no_translation_says_nothing_of_the_order() -> None:
    """EN 2 and KO 3 lost their counterparts and were put side by side (similarity
    0.05, a mistranslation flag of its own); crossing EN 3 - KO 2 it made both look
    moved."""
    en = [f"Sentence number {k} of the story." for k in range(5)]
    ko = [f"이야기의 {k}번째 문장." for k in range(5)]
    beads = [Bead((0,), (0,), 0.8), Bead((1,), (1,), 0.8), Bead((3,), (2,), 0.7)]
    beads += [Bead((2,), (3,), 0.05), Bead((4,), (4,), 0.8)]
    settings = Settings(mistranslation_threshold=0.22)
    doc = AlignedDocument(document("en", en), document("ko", ko), tuple(beads))
    assert list(find_reordered(doc, settings)) == []
    # a pair that is a translation is moved
    beads[3] = Bead((2,), (3,), 0.6)
    doc = AlignedDocument(document("en", en), document("ko", ko), tuple(beads))
    assert [flag.src for flag in find_reordered(doc, settings)] == [(2,), (3,)]


def test_a_paragraph_moved_far_is_flagged_alone() -> None:
    n = 40
    en = [f"Sentence number {k} of the story." for k in range(n)]
    # the Korean edition moves sentences 5-7 to after sentence 37
    order = [*range(5), *range(8, 38), 5, 6, 7, 38, 39]
    ko = [f"이야기의 {k}번째 문장." for k in order]
    vectors = np.eye(n, dtype=np.float32)
    beads = [Bead((i,), (order.index(i),), 1.0) for i in range(n)]
    beads.sort(key=lambda b: b.tgt[0])
    doc = AlignedDocument(
        document("en", en), document("ko", ko), tuple(beads), vectors, vectors[order]
    )
    flagged = [flag.src[0] for flag in find_reordered(doc, Settings())]
    assert flagged == [5, 6, 7]


def test_aligner_pairs_a_paragraph_moved_beyond_the_move_window() -> None:
    # one-hot sentence vectors: every pair is exactly similar or unrelated
    n = 40
    order = [*range(5), *range(8, 38), 5, 6, 7, 38, 39]
    src = np.eye(n, dtype=np.float32)
    tgt = src[order]
    beads = align.align_embeddings({1: src}, {1: tgt}, params=align.AlignParams(max_bead=1))
    pairs = {(b.src, b.tgt) for b in beads}
    assert all(((i,), (order.index(i),)) in pairs for i in range(n))


def test_messages_name_the_sentence_within_a_paragraph() -> None:
    # prose input: a line is a paragraph of several sentences
    en = split_sentences("The council met. It approved the budget. Parks get more.\nIt ends.", "en")
    ko = split_sentences("시의회가 열렸다. 공원 예산이 늘었다. 예산안을 승인했다.\n끝났다.", "ko")
    src, tgt = Document(Path("en.txt"), "en", tuple(en)), Document(Path("ko.txt"), "ko", tuple(ko))
    assert [src.place(i) for i in range(4)] == [
        "line 1, sentence 1",
        "line 1, sentence 2",
        "line 1, sentence 3",
        "line 2",
    ]
    beads = (
        Bead((0,), (0,), 1.0),
        Bead((1,), (2,), 1.0),
        Bead((2,), (1,), 1.0),
        Bead((3,), (3,), 1.0),
    )
    flags = list(find_reordered(AlignedDocument(src, tgt, beads), Settings()))
    assert flags[0].message.startswith(
        "EN line 1, sentence 2 is translated out of order, at KO line 1, sentence 3, "
        "expected after KO line 1, sentence 1 and before KO line 1, sentence 2: "
    )


def test_a_gap_beside_a_moved_pair_is_placed_between_pairs_in_order() -> None:
    en = document("en", [f"English sentence {i}." for i in range(6)])
    ko = document("ko", [f"한국어 문장 {i}." for i in range(5)])
    # EN 2 has no counterpart; EN 3's counterpart was moved to the end of the Korean
    pairs = [(0, 0), (1, 1), (3, 4), (4, 2), (5, 3)]
    beads = [Bead((s,), (t,), 0.9) for s, t in pairs[:2]]
    beads += [Bead((2,), (), 0.0)] + [Bead((s,), (t,), 0.9) for s, t in pairs[2:]]
    doc = AlignedDocument(en, ko, tuple(beads))
    [gap] = [f for f in run_checks(doc, Settings()) if f.src == (2,) and not f.tgt]
    assert gap.message.endswith("expected after KO line 2 and before KO line 3")
