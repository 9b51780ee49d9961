"""2-2 beads the DP cut into two 1-1 pairs (content moved across the boundary):
German / French passages on the real model."""

from __future__ import annotations

import dataclasses

import pytest

from aligner.align import AlignParams, align_texts
from aligner.embed import Encoder, embed_unique, load_encoder

PARAMS = AlignParams()


@pytest.fixture(scope="module")
def muse() -> Encoder:
    return load_encoder("muse-v3")


def _beads(src: list[str], tgt: list[str], muse: Encoder, params: AlignParams) -> set:
    beads, _, _ = align_texts(
        src, tgt, embed=lambda texts: embed_unique(muse, texts), params=params
    )
    return {(b.src, b.tgt) for b in beads}


DE = [
    "Am frühen Morgen verlassen wir die Hütte unter einem klaren Himmel .",
    "Der Weg führt zuerst über den breiten , flachen Gletscher zum Fuss der Wand .",
    "Nach sechs Stunden stehen wir endlich auf dem Gipfel und essen unser Brot .",
    "Die Sonne ist hinter dem Grat verschwunden , und es wird sehr schnell kalt .",
    "Die Bewegung auf dem Abstieg wärmt uns aber bald wieder auf .",
    "Am Abend erreichen wir müde , aber glücklich das Dorf im Tal .",
    "Dort feiern wir den schönen Tag mit einem Glas Wein .",
]
FR = [
    "Tôt le matin , nous quittons la cabane sous un ciel tout à fait clair .",
    "Le chemin passe d' abord par le glacier large et plat jusqu' au pied de la paroi .",
    "Après six heures , nous sommes enfin au sommet et mangeons notre pain .",
    "Le soleil a disparu derrière l' arête .",
    "La température baisse très rapidement , mais le mouvement de la descente ne "
    "tarde pas à nous réchauffer .",
    "Le soir , fatigués mais heureux , nous atteignons le village .",
    "Nous y fêtons cette belle journée avec un verre de vin .",
]


def test_a_clause_moved_into_the_next_sentence_makes_one_2_2_bead(muse: Encoder) -> None:
    """'…verschwunden , und es wird sehr schnell kalt .' + 'Die Bewegung …' / '…disparu
    derrière l'arête .' + 'La température baisse …, mais le mouvement …': each pair
    still scores like a translation, so the DP kept two 1-1 pairs, one much shorter
    in French than the document's ratio and the next as much longer."""
    beads = _beads(DE, FR, muse, PARAMS)
    assert ((3, 4), (3, 4)) in beads
    assert {((i,), (i,)) for i in (0, 1, 2, 5, 6)} <= beads
    off = dataclasses.replace(PARAMS, shift_deviations=None)
    assert {((3,), (3,)), ((4,), (4,))} <= _beads(DE, FR, muse, off)


def test_pairs_whose_lengths_do_not_shift_stay_two(muse: Encoder) -> None:
    """The same passage translated sentence by sentence: two 1-1 pairs."""
    fr = [
        *FR[:3],
        "Le soleil a disparu derrière l' arête , et il fait très vite froid .",
        "Mais le mouvement de la descente nous réchauffe bientôt .",
        *FR[5:],
    ]
    assert {((i,), (i,)) for i in range(7)} <= _beads(DE, fr, muse, PARAMS)


YEAR_DE = [
    *DE[:2],
    "Die erste Besteigung gelang im Jahre 1865 einer Seilschaft aus Zermatt .",
    "Seither ist der Gipfel sehr oft besucht worden , meist über den langen Nordgrat .",
    *DE[5:],
]
YEAR_FR = [
    *FR[:2],
    "La première ascension fut réussie par une cordée de Zermatt .",
    "Depuis 1865 , le sommet a été très souvent visité , surtout par la longue arête nord .",
    *FR[5:],
]


def test_a_number_that_crossed_the_boundary_makes_one_bead(muse: Encoder) -> None:
    """'… im Jahre 1865 …' + 'Seither …' / '…' + 'Depuis 1865 , …': the year moved to
    the next sentence; each pair still scores like a translation."""
    beads = _beads(YEAR_DE, YEAR_FR, muse, PARAMS)
    assert ((2, 3), (2, 3)) in beads
    assert {((i,), (i,)) for i in (0, 1, 4, 5)} <= beads
    off = dataclasses.replace(PARAMS, number_min_digits=None)
    assert {((2,), (2,)), ((3,), (3,))} <= _beads(YEAR_DE, YEAR_FR, muse, off)


def test_a_number_both_sides_write_in_the_next_pair_crossed_nothing(muse: Encoder) -> None:
    """The next pair writes the year on both sides ('Seit 1865 …' / 'Depuis 1865 …'):
    the first French sentence only leaves it out. Two 1-1 pairs."""
    src = [
        *YEAR_DE[:3],
        "Seit 1865 ist der Gipfel sehr oft besucht worden , meist über den langen Nordgrat .",
        *YEAR_DE[4:],
    ]
    assert {((i,), (i,)) for i in range(6)} <= _beads(src, YEAR_FR, muse, PARAMS)
