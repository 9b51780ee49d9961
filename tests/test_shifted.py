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
