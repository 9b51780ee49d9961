"""Whether the single sentence of a merge carries both joined sentences: unit tests on
hand-made vectors, and stories with an omission beside a 1-1 pair and a true merge."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from aligner.align import AlignParams, align_embeddings
from aligner.align.pieces import _carried, cut_pieces, unlocalized_joins
from aligner.embed import Encoder, load_encoder
from aligner.models import Bead


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=-1, keepdims=True)).astype(np.float32)


HEAD, TAIL = _unit(np.random.default_rng(3).normal(size=(2, 32)))


def _embed(texts: Sequence[str]) -> np.ndarray:
    """A piece means the head if it names it, the tail if it names it, or both."""
    return _unit(np.stack([("Kopf" in t) * HEAD + ("Schwanz" in t) * TAIL for t in texts]))


def test_cut_pieces_at_the_parts_share_and_at_clause_boundaries() -> None:
    assert cut_pieces("Der Kopf ist rot, der Schwanz ist blau.", 0.45) == [
        "Der Kopf ist rot,",
        "der Schwanz ist blau.",
    ]
    assert cut_pieces("one two three four", 0.25) == ["one", "two three four"]
    # a script without spaces is cut at a character
    assert cut_pieces("北京晴東京雨", 0.5) == ["北京晴", "東京雨"]


def _refused(src: list[str], tgt: str, tgt_row: np.ndarray, opened: bool = False) -> list[object]:
    beads = [Bead((0, 1), (0,), 0.5)]
    vectors = (np.stack([HEAD, TAIL]), tgt_row[None, :])
    explained = ([opened, False], [False])
    return list(unlocalized_joins(beads, (src, [tgt]), vectors, _embed, explained))


def test_a_merge_whose_single_sentence_carries_only_one_part_is_refused() -> None:
    src = ["The head is red.", "The tail is blue."]
    # a translation of both: the tail sits in a piece of its own, which matches the
    # tail part better than the whole sentence does
    assert _refused(src, "Der Kopf ist rot, der Schwanz ist blau.", _unit(HEAD + 0.8 * TAIL)) == []
    # a translation of the head alone, on the tail's subject: no piece matches the
    # tail better than the whole
    assert _refused(src, "Der Kopf ist rot, der Kopf ist groß.", _unit(HEAD + 0.3 * TAIL)) == [
        (0, 2, 0, 1)
    ]


def test_a_piece_that_gains_more_on_the_stronger_part_carries_only_that_one() -> None:
    """A translation of the head alone with words of its own (an attribution, a quote):
    a piece without those words matches the tail a little better than the whole does,
    and the head much better. It is the head's piece, not the tail's."""
    noise = np.random.default_rng(5).normal(size=32)
    basis = np.linalg.qr(np.stack([HEAD, TAIL]).T)[0]
    rest = _unit(noise - basis @ (basis.T @ noise))  # words about neither part
    tgt = "Der Kopf ist rot, sagte er am Montag."
    rows = {
        tgt: _unit(HEAD + 0.3 * TAIL + 0.6 * rest),
        "Der Kopf ist rot,": _unit(HEAD + 0.3 * TAIL),
    }
    beads = [Bead((0, 1), (0,), 0.5)]
    src = ["The head is red.", "The tail is blue."]
    vectors = (np.stack([HEAD, TAIL]), rows[tgt][None, :])

    def embed(texts: Sequence[str]) -> np.ndarray:
        return np.stack([rows.get(t, rest) for t in texts])

    whole = float(rows[tgt] @ TAIL)
    assert float(rows["Der Kopf ist rot,"] @ TAIL) > whole  # the old test let it through
    refused = unlocalized_joins(beads, (src, [tgt]), vectors, embed, ([False, False], [False]))
    assert refused == [(0, 2, 0, 1)]


def test_a_join_that_something_else_explains_is_not_tested() -> None:
    src = ["The head is red,", "the tail is blue."]
    target = "Der Kopf ist rot, der Kopf ist groß."
    # a line that runs on into the next, or a single side that is two sentences itself
    assert _refused(src, target, _unit(HEAD + 0.3 * TAIL), opened=True) == []
    assert _refused(src, "Der Kopf ist rot. Der Kopf ist groß.", _unit(HEAD + 0.3 * TAIL)) == []


def test_two_sentences_of_one_line_for_a_sentence_alone_on_its_line_are_not_tested() -> None:
    # a headline of two sentences for one Korean headline ("Chip exports are back. Here
    # is why", hunt21): the files pair the lines, so the sentences join
    beads = [Bead((0, 1), (0,), 0.5)]
    src = ["The head is red.", "The tail is blue."]
    vectors = (np.stack([HEAD, TAIL]), _unit(HEAD + 0.3 * TAIL)[None, :])
    explained = ([False, False], [False])
    tgt = ["Der Kopf ist rot, der Kopf ist groß."]
    line_for_line = ([1, 1], [1])
    assert unlocalized_joins(beads, (src, tgt), vectors, _embed, explained, line_for_line) == []
    # one sentence per line, as the benchmark gives them: tested
    refused = unlocalized_joins(beads, (src, tgt), vectors, _embed, explained, ([1, 2], [1]))
    assert refused == [(0, 2, 0, 1)]


def test_numbers_quotations_and_sentences_show_the_single_side_carries_both() -> None:
    lines = ["The 73-year-old is one of the last booksellers there.", "Today, only 14 remain."]
    assert _carried(lines, 1, "지금 남은 곳은 14곳뿐이고, 이씨는 마지막 책방 주인 중 한 명이다.")
    # a number the stronger line writes too says nothing about the weaker one
    both = ["Only 14 of 120 remain.", "Today, only 14 remain."]
    assert not _carried(both, 1, "120곳 가운데 14곳만 남았다.")
    quoted = ["Choi said the budget would be spent from January.", '"We will help shops," he said.']
    assert _carried(quoted, 1, '최 장관은 "소상공인을 돕겠다"며 1월부터 집행하겠다고 말했다.')
    assert _carried(lines, 1, "이씨는 마지막 주인이다. 남은 곳은 열네 곳이다.")
    assert not _carried(lines, 1, "이씨는 마지막 책방 주인 중 한 명이다.")


@pytest.fixture(scope="module")
def muse() -> Encoder:
    return load_encoder("muse-v3")


def _refused_by_muse(muse: Encoder, src: list[str], tgt: str) -> list[object]:
    vectors = (muse.encode(src), muse.encode([tgt]))
    beads = [Bead((0, 1), (0,), 0.5)]
    return list(
        unlocalized_joins(beads, (src, [tgt]), vectors, muse.encode, ([False, False], [False]))
    )


def test_an_omission_beside_its_neighbours_translation_is_no_part_of_it(muse: Encoder) -> None:
    """A Korean sentence that translates the first English sentence only, beside the
    second on the same subject (a restaurant, its owner and her son), against one that
    translates both."""
    src = [
        "Park says her friends are jealous, because she has work where people still need her.",
        "Her son says the restaurant is adapting to an aging neighborhood by opening earlier.",
    ]
    one = "박씨는 나이 든 친구들이 일하는 자신을 부러워한다고 했다."
    assert _refused_by_muse(muse, src, one) == [(0, 2, 0, 1)]
    both = (
        "박씨는 친구들이 일하는 자신을 부러워한다고 했고, "
        "아들은 식당이 고령화된 동네에 맞춰 문을 더 일찍 연다고 말했다."
    )
    assert _refused_by_muse(muse, src, both) == []


def test_a_quote_beside_an_omission_carries_only_its_speaker(muse: Encoder) -> None:
    """A Korean sentence that quotes the mayor, for the English sentence that she spoke
    and the omitted one beside it (what she wants of the council): its piece before the
    quotation matches the omitted sentence a little better than the whole sentence does,
    as a piece without the quotation matches the first sentence much better still."""
    src = [
        "The mayor spoke to reporters at City Hall on Monday.",
        "She wants the council to drop the tram project.",
    ]
    quote = (
        "시장은 월요일 시청에서 기자들에게 "
        '"예산 자체는 충분하지만 집행 과정에 문제가 많다"고 말했다.'
    )
    assert _refused_by_muse(muse, src, quote) == [(0, 2, 0, 1)]
    both = "시장은 월요일 시청에서 기자들에게 시의회가 트램 사업을 철회하기를 바란다고 말했다."
    assert _refused_by_muse(muse, src, both) == []


def test_a_refused_merge_leaves_the_omission_alone() -> None:
    """A sentence on its neighbour's subject that joining makes more similar to the
    neighbour's translation: the DP merges it, unless the join is refused."""
    rng = np.random.default_rng(11)
    meanings = _unit(rng.normal(size=(12, 48)))
    omitted = _unit(meanings[5] + rng.normal(size=48))
    src = np.concatenate([meanings[:6], omitted[None, :], meanings[6:]])
    tgt = meanings.copy()
    tgt[5] = _unit(meanings[5] + 0.5 * omitted)

    def merged(refused: list[tuple[int, int, int, int]]) -> list[tuple[tuple[int, ...], ...]]:
        beads = align_embeddings(
            _windows(src), _windows(tgt), params=AlignParams(max_bead=2), refused=refused
        )
        return [(b.src, b.tgt) for b in beads if 5 in b.src or 6 in b.src]

    assert merged([]) == [((5, 6), (5,))]
    assert merged([(5, 2, 5, 1)]) == [((5,), (5,)), ((6,), ())]


def _windows(rows: np.ndarray) -> dict[int, np.ndarray]:
    return {
        k: _unit(np.stack([rows[i : i + k].sum(0) for i in range(len(rows) - k + 1)]))
        for k in (1, 2)
    }
