"""Clause evidence for merges the DP refuses: unit tests on hand-made vectors, and
stories whose Korean turns an English trailing phrase into a sentence of its own."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pytest

from aligner import api
from aligner.align import AlignParams, align_embeddings, align_texts, number_masks
from aligner.align.clauses import near_clauses, vouched_joins
from aligner.config import Settings
from aligner.embed import Encoder, embed_unique, load_encoder
from aligner.models import Bead
from conftest import DATA


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=-1, keepdims=True)).astype(np.float32)


def test_near_clauses_cut_at_punctuation_of_any_script() -> None:
    golf = "Kim won by two strokes, ending an 18-month victory drought."
    assert near_clauses(golf, last=True) == ["ending an 18-month victory drought."]
    assert near_clauses(golf, last=False) == ["Kim won by two strokes,"]
    # a stop inside the line ends a sentence the line joins to the next
    assert near_clauses("이건 운일 리가 없어. 이제 우리는 일한다.", last=True) == [
        "이제 우리는 일한다."
    ]
    assert near_clauses("北京は晴れ、東京は雨。", last=True) == ["東京は雨。"]
    # a decimal point, a comma inside a number and the final stop cut nothing
    assert near_clauses("Shares rose 4.3 percent to 68,500 won.", last=True) == []
    assert near_clauses("One clause only.", last=False) == []


def test_near_clauses_take_the_clauses_inside_but_not_the_far_end_nor_scraps() -> None:
    """A translator may make a sentence of a clause in the middle ('..., extending
    their growth streak to a sixth month, the ministry said.'); a cut inside a date
    leaves a scrap ('erst am 27.') that any number matches."""
    exports = "Exports rose 3.1 percent, extending their streak to a sixth month, it said."
    assert near_clauses(exports, last=True) == [
        "it said.",
        "extending their streak to a sixth month,",
    ]
    skardu = "So wurde Skardu , die Hauptstadt von Baltistan , erst am 27. April erreicht ."
    assert near_clauses(skardu, last=True) == [
        "April erreicht .",
        "die Hauptstadt von Baltistan ,",
    ]


def _vectors() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Three unrelated meanings: a sentence's head, its tail clause, something else."""
    head, tail, other = _unit(np.random.default_rng(5).normal(size=(3, 32)))
    return head, tail, other


def _embedder(table: dict[str, np.ndarray]) -> Callable[[Sequence[str]], np.ndarray]:
    return lambda texts: np.stack([table[t] for t in texts])


def test_a_lone_sentence_matching_its_neighbours_end_clause_vouches_for_the_join() -> None:
    head, tail, other = _vectors()
    src = ["Kim won by two strokes, ending a long drought."]
    tgt = [
        "김효주가 2타 차로 우승했다.",
        "오랜만의 우승이다.",
        "투어는 다음 주 라스베이거스로 옮긴다.",
    ]
    beads = [Bead((0,), (0,), 0.6), Bead((), (1,), 0.0), Bead((), (2,), 0.0)]
    embed = _embedder({"ending a long drought.": tail})
    src_rows = _unit((head + tail)[None, :])

    def joins(tgt_rows: list[np.ndarray]) -> list[tuple[int, ...]]:
        return vouched_joins(beads, (src, tgt), (src_rows, np.stack(tgt_rows)), embed, 0.3, 0.1)

    assert joins([head, tail, other]) == [(0, 1, 0, 2)]
    # a lone sentence that says something else; a neighbour that says the clause too
    # (an omitted sentence restating it); another sentence of its side that says the
    # clause better (an omission on the clause's subject, beside a translation that
    # dropped the clause): no evidence
    assert joins([head, other, other]) == []
    assert joins([_unit(head + tail), tail, other]) == []
    assert joins([head, _unit(tail + 0.5 * other), tail]) == []
    # nor a sentence of one clause, with nothing embedded
    assert (
        vouched_joins(
            beads,
            (["Kim won."], tgt),
            (src_rows, np.stack([head, tail, other])),
            _embedder({}),
            0.3,
            0.1,
        )
        == []
    )


def test_a_sentence_that_matches_its_own_partner_better_is_no_rival_for_the_clause() -> None:
    """Another sentence of the lone one's side that matches the clause better, but its
    own partner better still, translates that partner, not the clause (Text+Berg: a
    'peine perdue .' paired at 0.48 matched 'der reinste Selbstmord .' 0.38, the lone
    sentence that translates it 0.29)."""
    head, tail, other = _vectors()
    src = ["Kim won by two strokes, ending a long drought.", "The tour moves on."]
    tgt = ["김효주가 2타 차로 우승했다.", "오랜만의 우승이다.", "투어는 다음 주에 옮긴다."]
    lone, rival = _unit(tail + 0.8 * other), _unit(tail + 0.4 * other)
    src_rows = _unit(np.stack([head + tail, rival]))
    embed = _embedder({"ending a long drought.": tail})

    def joins(paired_at: float) -> list[tuple[int, ...]]:
        beads = [Bead((0,), (0,), 0.6), Bead((), (1,), 0.0), Bead((1,), (2,), paired_at)]
        tgt_rows = np.stack([head, lone, rival])
        return vouched_joins(beads, (src, tgt), (src_rows, tgt_rows), embed, 0.3, 0.1)

    assert float(rival @ tail) > float(lone @ tail) >= 0.3
    assert joins(0.95) == [(0, 1, 0, 2)]
    assert joins(float(rival @ tail) - 0.01) == []


def test_a_vouched_join_lifts_the_veto_and_the_merge_penalty() -> None:
    """A short part whose numbers the whole sentence lacks ('1년 6개월' against
    '18-month'), which joining makes no more similar: the veto leaves it a gap, unless
    clause evidence vouches for the join; then it is let off the merge penalty too."""
    rng = np.random.default_rng(7)
    meanings = _unit(rng.normal(size=(30, 48)))
    head, tail = meanings[10], _unit(rng.normal(size=48))
    src = np.concatenate([meanings[:10], _unit(head + 0.35 * tail)[None, :], meanings[11:]])
    tgt = np.concatenate([meanings[:10], head[None, :], tail[None, :], meanings[11:]])
    src_numbers = number_masks(["72" if i == 10 else "" for i in range(len(src))])
    tgt_numbers = number_masks(["1년 6개월" if j == 11 else "" for j in range(len(tgt))])

    def align(joins: list[tuple[int, int, int, int]]) -> list[tuple[tuple[int, ...], ...]]:
        beads = align_embeddings(
            _windows(src),
            _windows(tgt),
            params=AlignParams(max_bead=2),
            src_numbers=src_numbers,
            tgt_numbers=tgt_numbers,
            joins=joins,
        )
        return [(b.src, b.tgt) for b in beads if 10 in b.src or 11 in b.tgt]

    assert align([]) == [((10,), (10,)), ((), (11,))]
    assert align([(10, 1, 10, 2)]) == [((10,), (10, 11))]


def _windows(rows: np.ndarray) -> dict[int, np.ndarray]:
    return {
        k: _unit(np.stack([rows[i : i + k].sum(0) for i in range(len(rows) - k + 1)]))
        for k in (1, 2)
    }


@pytest.fixture(scope="module")
def muse() -> Encoder:
    return load_encoder("muse-v3")


def _story(name: str) -> tuple[str, str]:
    folder = DATA / "trailing-clauses"
    en, ko = (
        folder.joinpath(f"{name}.{lang}.txt").read_text(encoding="utf-8") for lang in ("en", "ko")
    )
    return en, ko


def _gaps(en: str, ko: str, muse: Encoder) -> list[str]:
    result = api.check_texts(en, ko, settings=Settings(cache=False), encoder=muse)
    return [f.message for f in result.flags if f.type in ("missing", "extra", "unaligned")]


@pytest.mark.parametrize(
    ("name", "clause", "sentence"),
    [
        (
            "golf",
            ", ending an 18-month victory drought on the LPGA Tour",
            "1년 6개월 만의 LPGA 투어 우승이다.",
        ),
        (
            "chart",
            ", the group's second appearance on the singles chart",
            "이 팀이 싱글 차트에 오른 것은 이번이 두 번째다.",
        ),
    ],
)
def test_a_trailing_clause_translated_as_a_sentence_of_its_own_is_no_gap(
    muse: Encoder, name: str, clause: str, sentence: str
) -> None:
    """'…by two strokes, ending an 18-month victory drought on the LPGA Tour.' / '…2타
    차로 우승했다. 1년 6개월 만의 LPGA 투어 우승이다.': the short Korean sentence scores
    like an unrelated pair against the whole English sentence (and its numbers are not
    the English digits), so the merge was refused and the sentence reported unpaired."""
    en, ko = _story(name)
    assert _gaps(en, ko, muse) == []
    # without the English clause, the Korean sentence is an addition
    assert clause in en
    [gap] = _gaps(en.replace(clause, ""), ko, muse)
    assert sentence in gap


def test_a_sentence_paired_elsewhere_that_matches_the_clause_better_does_not_stop_it(
    muse: Encoder,
) -> None:
    """'..., der reinste Selbstmord .' / '... balayée par les avalanches de glace .' +
    'Tenter une voie de ce côté serait un pur suicide .' (0.29 with the clause): 'peine
    perdue .', in its bead with '..., aber alle Mühe war umsonst .', matches the clause
    better (0.38), and the French sentence was left unpaired."""
    folder = DATA / "clause-rival-paired-elsewhere"
    de, fr = (folder.joinpath(f"{lang}.txt").read_text(encoding="utf-8") for lang in ("de", "fr"))
    beads, _, _ = align_texts(
        de.splitlines(),
        fr.splitlines(),
        embed=lambda texts: embed_unique(muse, texts),
        params=AlignParams(),
    )
    assert [(b.src, b.tgt) for b in beads][2:4] == [((2,), (2, 3)), ((3,), (4,))]
