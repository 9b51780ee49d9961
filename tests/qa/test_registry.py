"""The check names config accepts are the registry's, and the docs list them all.

``aligner.config`` cannot import the checks (they depend on it), so it names them in
``CHECK_FLAG_TYPES``; these tests keep that list, the registry, the gate, the
report legend and docs/checks.md in step.
"""

from __future__ import annotations

import re

import aligner.api  # noqa: F401  (registers every check)
from aligner.config import CHECK_FLAG_TYPES, FLAG_TYPES
from aligner.gate import GAP_TYPES
from aligner.qa.registry import CHECKS, CROSS_CHECKS
from aligner.report.common import FLAG_DESCRIPTIONS
from conftest import ROOT

_ROW = re.compile(r"^\| `(\w+)` \| ((?:`\w+`(?:, )?)+) \|", re.MULTILINE)


def test_config_names_exactly_the_registered_checks() -> None:
    assert sorted(CHECK_FLAG_TYPES) == sorted([*CHECKS, *CROSS_CHECKS])


def test_flag_types_are_the_gate_gaps_and_the_other_check_names() -> None:
    assert set(CHECK_FLAG_TYPES["gap"]) == GAP_TYPES
    # a wrong person's name is one more kind of named_entity flag, from its own rule,
    # a reversed direction one more kind of number_mismatch flag and a lost negation one
    # more kind of mistranslation flag
    assert CHECK_FLAG_TYPES["korean_name"] == ("named_entity",)
    assert CHECK_FLAG_TYPES["direction"] == ("number_mismatch",)
    assert CHECK_FLAG_TYPES["negation"] == ("mistranslation",)
    others = {"gap", "korean_name", "direction", "negation"}
    assert FLAG_TYPES == GAP_TYPES | (set(CHECK_FLAG_TYPES) - others)
    assert FLAG_TYPES == set(FLAG_DESCRIPTIONS)


def test_docs_checks_table_lists_each_check_with_its_flag_types() -> None:
    text = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    table = {
        name: tuple(re.findall(r"`(\w+)`", types))
        for name, types in _ROW.findall(text.split("## How well", 1)[0])
    }
    assert table == dict(CHECK_FLAG_TYPES)
