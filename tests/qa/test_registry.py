"""The check names config accepts are the registry's, and the docs list them all; checks
written for English and Korean see a Korean original from the English side.

``aligner.config`` cannot import the checks (they depend on it), so it names them in
``CHECK_FLAG_TYPES``; these tests keep that list, the registry, the gate, the
report legend and docs/checks.md in step.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from pairs import aligned, document

import aligner.api  # noqa: F401  (registers every check)
from aligner.config import CHECK_FLAG_TYPES, FLAG_TYPES, Settings
from aligner.gate import GAP_TYPES
from aligner.models import Bead, Flag, Severity, Span
from aligner.qa.registry import (
    CHECKS,
    CROSS_CHECKS,
    AlignedDocument,
    CheckSpec,
    _run_check,
    run_checks,
)
from aligner.report.common import FLAG_DESCRIPTIONS
from conftest import ROOT

_ROW = re.compile(r"^\| `(\w+)` \| ((?:`\w+`(?:, )?)+) \|", re.MULTILINE)


def test_config_names_exactly_the_registered_checks() -> None:
    assert sorted(CHECK_FLAG_TYPES) == sorted([*CHECKS, *CROSS_CHECKS])


def test_flag_types_are_the_gate_gaps_and_the_other_check_names() -> None:
    assert set(CHECK_FLAG_TYPES["gap"]) == GAP_TYPES
    # a wrong person's name or institution is one more kind of named_entity flag, from
    # its own rule,
    # a reversed direction one more kind of number_mismatch flag, and a lost negation and
    # a reversed outcome more kinds of mistranslation flag
    assert CHECK_FLAG_TYPES["institution"] == ("named_entity",)
    assert CHECK_FLAG_TYPES["korean_name"] == ("named_entity",)
    assert CHECK_FLAG_TYPES["korean_surname"] == ("named_entity",)
    assert CHECK_FLAG_TYPES["foreign_name"] == ("named_entity",)
    assert CHECK_FLAG_TYPES["dateline"] == ("named_entity",)
    assert CHECK_FLAG_TYPES["name_map"] == ("named_entity",)
    assert CHECK_FLAG_TYPES["direction"] == ("number_mismatch",)
    assert CHECK_FLAG_TYPES["negation"] == ("mistranslation",)
    assert CHECK_FLAG_TYPES["opposite"] == ("mistranslation",)
    assert CHECK_FLAG_TYPES["copied_phrase"] == ("untranslated",)
    # and an English sentence explaining a Korean word one more kind of extra, for
    # information
    assert CHECK_FLAG_TYPES["gloss"] == ("extra",)
    others = {"gap", "institution", "korean_name", "korean_surname", "foreign_name", "direction"}
    others |= {"dateline", "name_map", "title", "negation", "opposite", "tense", "gloss"}
    others |= {"false_friend", "copied_phrase"}
    assert FLAG_TYPES == GAP_TYPES | (set(CHECK_FLAG_TYPES) - others)
    assert FLAG_TYPES == set(FLAG_DESCRIPTIONS)


def test_docs_checks_table_lists_each_check_with_its_flag_types() -> None:
    text = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    table = {
        name: tuple(re.findall(r"`(\w+)`", types))
        for name, types in _ROW.findall(text.split("## How well", 1)[0])
    }
    assert table == dict(CHECK_FLAG_TYPES)


# ------------------------------------------------- a Korean original (src_lang = "ko")


def _korean_source(pairs: list[tuple[str, str]]) -> AlignedDocument:
    """``pairs`` of (EN, KO) as a Korean-source run sees them: KO as src."""
    return aligned(pairs).with_sides_swapped()


def _flags(doc: AlignedDocument, glossary: Path | None = None) -> list[Flag]:
    return run_checks(doc, Settings(src_lang="ko", tgt_lang="en", glossary=glossary))


def test_a_faithful_korean_original_raises_no_name_or_term_flag(tmp_path: Path) -> None:
    glossary = tmp_path / "glossary.csv"
    glossary.write_text("en,ko,forbidden\nNational Assembly,국회,\n", encoding="utf-8")
    doc = _korean_source(
        [
            (
                "Rep. Jang Dong-hyeok was elected as the new leader of the main opposition "
                "People Power Party (PPP).",
                "국민의힘 새 당대표에 장동혁 의원이 선출됐다.",
            ),
            (
                "His rival, former Labor Minister Kim Moon-soo, garnered 49.73 percent.",
                "경쟁자인 김문수 전 고용노동부 장관은 49.73%를 얻는 데 그쳤다.",
            ),
            (
                "The National Assembly passed next year's budget at a plenary session on Tuesday.",
                "국회는 2일 본회의를 열어 내년도 예산안을 통과시켰다.",
            ),
        ]
    )
    assert doc.src.lang == "ko"
    assert [f for f in _flags(doc, glossary) if f.type in ("named_entity", "terminology")] == []


def test_a_korean_original_gets_name_term_and_latin_flags_in_its_own_terms(
    tmp_path: Path,
) -> None:
    glossary = tmp_path / "glossary.csv"
    glossary.write_text("en,ko,forbidden\nNational Assembly,국회의사당,\n", encoding="utf-8")
    en = [
        "The drama drew a peak viewership rating of 17.1 percent.",
        "His rival, former Labor Minister Han Dong-hoon, garnered 49.73 percent.",
        "The National Assembly passed next year's budget on Tuesday.",
    ]
    ko = [
        "tvN 주말드라마는 최고 시청률 17.1%를 기록했다.",
        "경쟁자인 김문수 전 고용노동부 장관은 49.73%를 얻는 데 그쳤다.",
        "국회는 2일 본회의를 열어 내년도 예산안을 통과시켰다.",
    ]
    doc = AlignedDocument(
        document("ko", ["그는 웃었다.", *ko]),  # a lone first sentence: KO and EN indices differ
        document("en", en),
        (Bead((0,), (), 0.0), Bead((1,), (0,), 1.0), Bead((2,), (1,), 1.0), Bead((3,), (2,), 1.0)),
    )
    flags = {f.type + " " + f.subject: f for f in _flags(doc, glossary)}
    latin = flags["named_entity latin"]
    assert (latin.src, latin.tgt) == ((1,), (0,))
    assert latin.message.startswith(
        "KO writes “tvN” in Latin script, but the EN document never has it "
        "(misspelt or left out?): EN “The drama"
    )
    person = flags["named_entity person Han Dong-hoon"]
    assert (person.src, person.tgt) == ((2,), (1,))
    assert person.message.startswith("EN “Han Dong-hoon” but KO “김문수”: a different person?")
    term = flags["terminology National Assembly"]
    assert (term.src, term.tgt) == ((3,), (2,))
    assert term.message == (
        "EN “National Assembly” is the glossary's translation of “국회의사당” (glossary line 2), "
        "but KO has none of them: “국회는 2일 본회의를 열어 내년도 예산안을 통과시켰다.”"
    )


def test_the_english_translation_may_leave_a_quotation_open_over_paragraphs() -> None:
    # English convention: a quotation that runs on is not closed at the paragraph's end
    doc = _korean_source(
        [
            (
                'None of us can deny these threats or escape responsibility," he said.',
                "그는 “누구도 이 위협을 부인하거나 책임을 회피할 수 없다”고 말했다.",
            ),
            (
                'He said, "This moment was the worst moment in my life.',
                "그는 “일생에 최악의 순간이었다”고 말했다.",
            ),
        ]
    )
    assert [f for f in _flags(doc) if f.type == "unbalanced"] == []


def test_a_check_for_en_and_ko_sees_a_korean_source_from_the_english_side() -> None:
    seen: list[tuple[str, str]] = []

    def spy(doc: AlignedDocument, settings: Settings) -> Iterator[Flag]:
        seen.append((doc.src.lang, doc.tgt.lang))
        marked = (Span("src", 0, 0, 1), Span("tgt", 1, 0, 1))
        yield Flag("spy", Severity.INFO, (0,), (1,), "EN 0, KO 1", subject="tgt 1", spans=marked)

    spec = CheckSpec("spy", spy, Severity.INFO, langs=("en", "ko"))
    ko_en = AlignedDocument(document("ko", ["가.", "나."]), document("en", ["A.", "B."]), ())
    [flag] = _run_check(spec, ko_en, Settings())
    assert seen == [("en", "ko")]
    assert (flag.src, flag.tgt, flag.subject) == ((1,), (0,), "src 1")
    # the marked words stay on the sentences they were found in
    assert flag.spans == (Span("tgt", 0, 0, 1), Span("src", 1, 0, 1))
    # the default direction and other pairs (de-fr) are checked as they come
    for doc in (ko_en.with_sides_swapped(), _other_pair()):
        [flag] = _run_check(spec, doc, Settings())
        assert (flag.src, flag.tgt, flag.subject) == ((0,), (1,), "tgt 1")
    assert seen[1:] == [("en", "ko"), ("de", "fr")]


def _other_pair() -> AlignedDocument:
    return AlignedDocument(document("de", ["Ja."]), document("fr", ["Oui."]), ())


def test_swapping_sides_twice_gives_the_document_back() -> None:
    doc = aligned([("Seoul is cold.", "서울은 춥다."), ("", "눈이 온다.")])
    assert doc.with_sides_swapped().with_sides_swapped() == doc
    assert doc.with_sides_swapped().beads[1] == Bead((1,), (), 1.0)
