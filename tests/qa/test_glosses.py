"""The ``gloss`` check: an English sentence explaining a Korean word, with no counterpart."""

from __future__ import annotations

import pytest
from pairs import aligned

import aligner.api  # noqa: F401  (registers every check)
from aligner.config import Settings
from aligner.models import Severity
from aligner.qa.glosses import find_glosses, glossed_word
from aligner.qa.registry import run_checks

LEAD = (
    "The Assembly passed a revision to the act on victims of jeonse rental fraud.",
    "국회는 전세사기 피해자 지원 특별법 개정안을 통과시켰다.",
)


@pytest.mark.parametrize(
    ("gloss", "word"),
    [
        ("Jeonse is a Korean lease system in which tenants pay a lump-sum deposit.", "Jeonse"),
        ("Jeonse refers to a deposit paid instead of monthly rent.", "Jeonse"),
        # not the story's word, not a definition, a pronoun
        ("Chaebol are family-run conglomerates.", None),
        ("The deposit keeps growing in Seoul.", None),
        ("This is a system in which tenants pay a lump sum.", None),
    ],
)
def test_an_english_sentence_defining_a_korean_word_of_the_story(
    gloss: str, word: str | None
) -> None:
    doc = aligned([LEAD, (gloss, "")])
    found = glossed_word(doc, doc.beads[1])
    assert (found[0] if found else None) == word


def test_a_gloss_is_information_not_a_gap() -> None:
    doc = aligned([LEAD, ("Jeonse is a Korean lease system in which tenants pay a deposit.", "")])
    [flag] = [f for f in run_checks(doc, Settings()) if f.src == (1,)]
    assert (flag.type, flag.severity) == ("extra", Severity.INFO)
    assert "Korean word Jeonse (전세)" in flag.message
    assert list(find_glosses(aligned([LEAD]), Settings())) == []


def test_a_name_is_no_korean_word() -> None:
    """A name is capitalised wherever the story writes it: a sentence about a person
    the Korean leaves out is an omission, not a gloss."""
    lead = ("Shigeo Tokuda, 74, has starred in 200 films.", "도쿠다 시게오(74)는 200편에 출연했다.")
    doc = aligned([lead, ("Tokuda is a genuine leading man of the genre.", "")])
    assert glossed_word(doc, doc.beads[1]) is None
