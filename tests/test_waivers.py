"""Waiver files: fingerprints, loading (and its one-line errors), applying, merging."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from aligner.config import FLAG_TYPES
from aligner.errors import ConfigError
from aligner.models import (
    Bead,
    Document,
    DocumentPair,
    DocumentResult,
    Flag,
    Sentence,
    Severity,
    Waiver,
)
from aligner.waivers import (
    apply_waivers,
    dumps_waivers,
    fingerprint,
    flag_fingerprint,
    known_as,
    load_waivers,
    merge_waivers,
    waiver_for,
    write_waivers,
)


def _result(name: str, en: list[str], ko: list[str], flags: tuple[Flag, ...]) -> DocumentResult:
    def doc(lang: str, texts: list[str]) -> Document:
        sentences = tuple(Sentence(i, t, i + 1, 0, len(t)) for i, t in enumerate(texts))
        return Document(Path(lang) / name, lang, sentences)

    beads = tuple(Bead((i,), (i,), 0.9) for i in range(min(len(en), len(ko))))
    pair = DocumentPair(name, Path("en") / name, Path("ko") / name)
    return DocumentResult(pair, doc("en", en), doc("ko", ko), beads, flags, 1.0)


CUT = Flag("truncated", Severity.ERROR, (1,), (1,), "cut")
STORY = _result("a.txt", ["Fine.", "Cut short, ."], ["좋다.", "잘렸다."], (CUT,))


def test_fingerprint_ignores_whitespace_but_not_words_type_or_document() -> None:
    base = fingerprint("a.txt", "truncated", "Cut short, .", "잘렸다.")
    assert len(base) == 16 and int(base, 16) >= 0
    assert fingerprint("a.txt", "truncated", " Cut\u00a0 short,\n.", "잘렸다. ") == base
    assert fingerprint("a.txt", "truncated", "Cut shorter, .", "잘렸다.") != base
    assert fingerprint("a.txt", "missing", "Cut short, .", "잘렸다.") != base
    assert fingerprint("b.txt", "truncated", "Cut short, .", "잘렸다.") != base


def test_fingerprint_does_not_depend_on_sentence_positions() -> None:
    moved = _result(
        "a.txt",
        ["New first.", "Fine.", "Cut short, ."],
        ["새 문장.", "좋다.", "잘렸다."],
        (Flag("truncated", Severity.ERROR, (2,), (2,), "cut"),),
    )
    assert flag_fingerprint(moved, moved.flags[0]) == flag_fingerprint(STORY, CUT)


def test_apply_marks_matching_flags_and_lists_stale_waivers() -> None:
    accepted = waiver_for(STORY, CUT, "ok")
    stale = Waiver(fingerprint("a.txt", "missing", "x", ""), "a.txt", "missing", "x", "")
    elsewhere = Waiver(fingerprint("b.txt", "missing", "y", ""), "b.txt", "missing", "y", "")
    outcome = apply_waivers([STORY], [accepted, stale, elsewhere])
    flag = outcome.documents[0].flags[0]
    assert (flag.waived, flag.waiver_reason) == (True, "ok")
    assert outcome.stale == [stale]  # b.txt was not checked: its waiver is not stale


def test_only_waivers_of_checked_documents_can_be_stale() -> None:
    """One waiver file shared by two corpora: a run of one judges none of the other's
    waivers (their documents are not in the run, not gone)."""
    other = Waiver(fingerprint("b.txt", "missing", "y", ""), "b.txt", "missing", "y", "", "why")
    outcome = apply_waivers([STORY], [other])
    assert outcome.stale == []
    assert merge_waivers(outcome.documents, [other], stale=outcome.stale, accept=[]) == [other]


def test_apply_resets_a_flag_whose_waiver_is_gone() -> None:
    waived = apply_waivers([STORY], [waiver_for(STORY, CUT)]).documents
    assert apply_waivers(waived, []).documents[0].flags[0].waived is False


def test_a_story_checked_alone_is_known_by_the_name_its_tree_gives_it(tmp_path: Path) -> None:
    def entry(document: str) -> Waiver:
        return Waiver(fingerprint(document, "missing", "x", ""), document, "missing", "x", "")

    def alone(folder: str) -> str:
        path = tmp_path / "corpus" / folder / "a.en.txt"
        return known_as(DocumentPair("a.txt", path, path.with_name("a.ko.txt")), waivers).key

    waivers = [entry("sport/a.txt"), entry("a.txt"), entry("world/a.txt"), entry("b.txt")]
    assert alone("world") == "world/a.txt"  # not sport/a.txt, nor the top-level a.txt
    assert alone("sport") == "sport/a.txt"
    assert alone("") == "a.txt"
    assert alone("weather") == "a.txt"
    waivers = waivers[:1]
    assert alone("world") == "a.txt"  # no waiver knows it: its own name

    # waivers and fingerprints use that name
    tree_run = replace(STORY, pair=replace(STORY.pair, name="world/a.txt"))
    alone_run = replace(STORY, pair=replace(STORY.pair, tree_name="world/a.txt"))
    waiver = waiver_for(tree_run, CUT)
    assert waiver_for(alone_run, CUT) == waiver
    assert apply_waivers([alone_run], [waiver]).documents[0].flags[0].waived
    assert not apply_waivers([STORY], [waiver]).documents[0].flags[0].waived


def test_merge_keeps_reasons_adds_accepted_drops_stale_keeps_unchecked() -> None:
    extra = Flag("extra", Severity.ERROR, (), (0,), "added")
    story = _result("a.txt", ["Fine.", "Cut short, ."], ["좋다.", "잘렸다."], (CUT, extra))
    old = waiver_for(story, CUT, "desk call")
    stale = Waiver(fingerprint("a.txt", "missing", "x", ""), "a.txt", "missing", "x", "")
    other = Waiver(fingerprint("b.txt", "missing", "y", ""), "b.txt", "missing", "y", "", "why")
    current = apply_waivers([story], [old, stale, other])
    merged = merge_waivers(
        current.documents,
        [old, stale, other],
        stale=current.stale,
        accept=[(current.documents[0], current.documents[0].flags[1])],
    )
    assert [(w.document, w.type, w.reason) for w in merged] == [
        ("a.txt", "extra", ""),
        ("a.txt", "truncated", "desk call"),
        ("b.txt", "missing", "why"),
    ]


def test_a_copy_edited_flag_keeps_the_reason_of_its_stale_waiver() -> None:
    # a workflow tester's editor waived a sentence, then a copy-edit brought the flag
    # back: --update-waivers had written the new waiver with an empty reason
    before = _result(
        "a.txt", ["Fine.", "The bank meets eight times a year, ."], ["좋다.", "잘렸다."], (CUT,)
    )
    after = _result(
        "a.txt", ["Fine.", "The bank meets eight times each year, ."], ["좋다.", "잘렸다."], (CUT,)
    )
    other = _result(
        "a.txt", ["Fine.", "Prices rose sharply in the capital, ."], ["좋다.", "잘렸다."], (CUT,)
    )
    old = waiver_for(before, CUT, "cut in the wire copy too")
    for story, reason in ((after, "cut in the wire copy too"), (other, "")):
        current = apply_waivers([story], [old])
        assert current.stale == [old]
        accept = [(current.documents[0], current.documents[0].flags[0])]
        [new] = merge_waivers(current.documents, [old], stale=current.stale, accept=accept)
        assert (new.src, new.reason) == (story.src.sentences[1].text, reason)


def test_written_file_reads_back(tmp_path: Path) -> None:
    waivers = [waiver_for(STORY, CUT, "ok")]
    write_waivers(tmp_path / "w.json", waivers)
    assert load_waivers(tmp_path / "w.json") == waivers
    data = json.loads(dumps_waivers(waivers))
    assert list(data["waivers"][0]) == ["fingerprint", "document", "type", "src", "tgt", "reason"]
    assert "잘렸다." in (tmp_path / "w.json").read_text("utf-8")  # Korean readable


def test_flags_of_one_type_on_one_pair_are_waived_one_by_one(tmp_path: Path) -> None:
    def term(subject: str) -> Flag:
        return Flag("terminology", Severity.ERROR, (1,), (1,), subject, subject=subject)

    fed, party = term("Fed"), term("Workers' Party")
    story = _result("a.txt", ["Fine.", "Cut short, ."], ["좋다.", "잘렸다."], (fed, party))
    assert flag_fingerprint(story, fed) != flag_fingerprint(story, party)
    accepted = waiver_for(story, fed, "house style")
    assert [f.waived for f in apply_waivers([story], [accepted]).documents[0].flags] == [
        True,
        False,  # a term the glossary gained later is not hidden by the older waiver
    ]
    write_waivers(tmp_path / "w.json", [accepted])
    assert load_waivers(tmp_path / "w.json") == [accepted]
    entry = json.loads(dumps_waivers([accepted]))["waivers"][0]
    assert entry["subject"] == "Fed"
    del entry["fingerprint"]  # a hand-written entry names the subject instead
    (tmp_path / "w.json").write_text(json.dumps({"waivers": [entry]}), "utf-8")
    assert load_waivers(tmp_path / "w.json")[0].fingerprint == accepted.fingerprint


def test_a_waiver_written_before_subjects_still_applies_and_is_replaced() -> None:
    def term(subject: str) -> Flag:
        return Flag("terminology", Severity.ERROR, (1,), (1,), subject, subject=subject)

    story = _result(
        "a.txt", ["Fine.", "Cut short, ."], ["좋다.", "잘렸다."], (term("A"), term("B"))
    )
    older = Waiver(
        fingerprint("a.txt", "terminology", "Cut short, .", "잘렸다."),
        "a.txt", "terminology", "Cut short, .", "잘렸다.", "desk call",
    )  # fmt: skip
    outcome = apply_waivers([story], [older])
    assert [f.waived for f in outcome.documents[0].flags] == [True, True] and not outcome.stale
    merged = merge_waivers(outcome.documents, [older], stale=outcome.stale, accept=[])
    assert [(w.subject, w.reason) for w in merged] == [("A", "desk call"), ("B", "desk call")]


def test_hand_written_entry_may_leave_out_the_fingerprint(tmp_path: Path) -> None:
    entry = {"document": "a.txt", "type": "truncated", "src": "Cut short, .", "tgt": "잘렸다."}
    (tmp_path / "w.json").write_text(json.dumps({"waivers": [entry]}), "utf-8")
    assert load_waivers(tmp_path / "w.json")[0].fingerprint == flag_fingerprint(STORY, CUT)


GOOD = {"document": "a.txt", "type": "truncated", "src": "Cut short, .", "tgt": "잘렸다."}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "{not json",
            "not valid JSON: Expecting property name enclosed in double quotes at line 1",
        ),
        ("[]", 'not a waiver file (expected an object with a "waivers" list)'),
        (json.dumps({"waivers": [], "extra": 1}), "unknown key 'extra' at the top level"),
        (json.dumps({"version": 2, "waivers": []}), "version 2 is not supported"),
        (json.dumps({"waivers": ["x"]}), "waiver 1: not an object"),
        (json.dumps({"waivers": [{"document": "a.txt"}]}), "waiver 1: missing 'type'"),
        (json.dumps({"waivers": [GOOD | {"reason": 3}]}), "waiver 1: 'reason' must be a string"),
        (json.dumps({"waivers": [GOOD | {"reasn": "x"}]}), "waiver 1: unknown key 'reasn'"),
        (
            json.dumps({"waivers": [GOOD, GOOD | {"type": "nosuchtype"}]}),
            "waiver 2: unknown type 'nosuchtype' (flag types: boilerplate, consistency, extra,",
        ),
        # a check's name is not a flag type when its flags have others
        (json.dumps({"waivers": [GOOD | {"type": "gap"}]}), "waiver 1: unknown type 'gap'"),
        (
            json.dumps({"waivers": [GOOD | {"fingerprint": "0" * 16}]}),
            "waiver 1: fingerprint '0000000000000000' does not match",
        ),
        (json.dumps({"waivers": [GOOD, GOOD]}), "waiver 2 repeats waiver 1"),
    ],
)
def test_malformed_file_is_a_one_line_config_error(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "w.json"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_waivers(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and problem in message
    assert "\n" not in message


@pytest.mark.parametrize("flag_type", sorted(FLAG_TYPES))
def test_every_flag_type_can_be_waived(tmp_path: Path, flag_type: str) -> None:
    entry = GOOD | {"type": flag_type}
    (tmp_path / "w.json").write_text(json.dumps({"waivers": [entry]}), "utf-8")
    assert load_waivers(tmp_path / "w.json")[0].type == flag_type


@pytest.mark.parametrize("text", ["", "\n", " \r\n\t\n"])
def test_an_empty_file_holds_no_waivers(tmp_path: Path, text: str) -> None:
    (tmp_path / "w.json").write_text(text, "utf-8")
    assert load_waivers(tmp_path / "w.json") == []


def test_missing_file_says_how_to_create_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="waiver file not found.*--update-waivers"):
        load_waivers(tmp_path / "nope.json")


def test_waivers_of_checks_a_partial_run_cannot_raise_are_kept() -> None:
    """``--changed-since`` or one story: ``consistency`` only saw this run's documents."""
    unmatched = Waiver(
        fingerprint("a.txt", "consistency", "x", "y"), "a.txt", "consistency", "x", "y"
    )
    current = apply_waivers([STORY], [unmatched], unjudged={"consistency"})
    assert current.stale == []
    merged = merge_waivers(current.documents, [unmatched], stale=current.stale, accept=[])
    assert merged == [unmatched]
