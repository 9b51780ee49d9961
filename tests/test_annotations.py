"""``check --annotations github``: GitHub Actions workflow commands, escaping included."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.cli import _workflow_command, github_annotations, main
from aligner.models import (
    Document,
    DocumentPair,
    DocumentResult,
    Flag,
    InputProblem,
    RunResult,
    Sentence,
    Severity,
)
from conftest import SEED_EN, SEED_KO


def test_message_escaping() -> None:
    line = _workflow_command("error", {}, "100% sure\r\nsecond line: a, b")
    # the message keeps ':' and ',' but not the characters that end a command
    assert line == "::error ::100%25 sure%0D%0Asecond line: a, b"


def test_property_escaping() -> None:
    line = _workflow_command("warning", {"file": "en/a,b:c%.txt", "title": "x\ny"}, "m")
    assert line == "::warning file=en/a%2Cb%3Ac%25.txt,title=x%0Ay::m"


def _doc(path: str, lang: str, lines: list[int]) -> Document:
    return Document(
        Path(path),
        lang,
        tuple(Sentence(i, f"s{i}", line, 0, 2) for i, line in enumerate(lines)),
    )


def test_each_flag_points_at_its_file_and_line() -> None:
    src, tgt = _doc("en/story.txt", "en", [1, 3, 4]), _doc("ko/story.txt", "ko", [2, 5])
    flags = (
        Flag("missing", Severity.ERROR, (2,), (), "EN sentence 3 has no Korean counterpart"),
        Flag("extra", Severity.ERROR, (), (1,), "KO sentence 2, 50%"),
        Flag("reordered", Severity.WARNING, (1,), (0,), "moved"),
        Flag("boilerplate", Severity.INFO, (0,), (), "caption"),
    )
    pair = DocumentPair("story.txt", src.path, tgt.path)
    run = RunResult(
        documents=[
            DocumentResult(pair, src, tgt, (), flags, 0.5, ("1 error flag (fail_on error)",))
        ],
        problems=[InputProblem("ko/lonely.txt", "no English counterpart")],
    )
    assert list(github_annotations(run)) == [
        "::error file=en/story.txt,line=4,title=aligner%3A missing::"
        "EN sentence 3 has no Korean counterpart",
        "::error file=ko/story.txt,line=5,title=aligner%3A extra::KO sentence 2, 50%25",
        # out of order in the translation: shown where the Korean is
        "::warning file=ko/story.txt,line=2,title=aligner%3A reordered::moved",
        "::error file=ko/lonely.txt::no English counterpart",
    ]


def test_a_flag_points_at_the_side_it_is_about() -> None:
    """A pull request that edits only the Korean file must see the Korean's faults on
    it: a changed number, a cut Korean line, a copy of the English. A cut English
    line, or an English sentence left in Korean script, stays on the English."""
    src, tgt = _doc("en/story.txt", "en", [1, 2, 3]), _doc("ko/story.txt", "ko", [1, 2, 4])
    flags = (
        Flag("number_mismatch", Severity.ERROR, (0,), (0,), "180 is 150"),
        Flag("truncated", Severity.ERROR, (1,), (1,), "KO cut", subject="tgt"),
        Flag("truncated", Severity.ERROR, (1,), (1,), "EN cut", subject="src"),
        Flag("untranslated", Severity.ERROR, (2,), (2,), "KO is a copy of the EN"),
        # the second sentence of a 2-1 pair, by its subject
        Flag("untranslated", Severity.ERROR, (1, 2), (2,), "EN in Hangul", subject="src 1"),
        Flag("named_entity", Severity.WARNING, (0,), (0,), "Kim is Lee", subject="person Kim"),
    )
    pair = DocumentPair("story.txt", src.path, tgt.path)
    run = RunResult(documents=[DocumentResult(pair, src, tgt, (), flags, 0.5)])
    assert [line.split(",title=")[0] for line in github_annotations(run)] == [
        "::error file=ko/story.txt,line=1",
        "::error file=ko/story.txt,line=2",
        "::error file=en/story.txt,line=2",
        "::error file=ko/story.txt,line=4",
        "::error file=en/story.txt,line=3",
        "::warning file=ko/story.txt,line=1",
    ]


def test_waived_flags_are_not_annotated() -> None:
    src, tgt = _doc("en/story.txt", "en", [1]), _doc("ko/story.txt", "ko", [1])
    flags = (
        Flag("truncated", Severity.ERROR, (0,), (0,), "cut", waived=True),
        Flag("reordered", Severity.WARNING, (0,), (0,), "moved"),
    )
    pair = DocumentPair("story.txt", src.path, tgt.path)
    run = RunResult(documents=[DocumentResult(pair, src, tgt, (), flags, 1.0)])
    assert list(github_annotations(run)) == [
        "::warning file=ko/story.txt,line=1,title=aligner%3A reordered::moved"
    ]


@pytest.mark.parametrize("absolute", [False, True])
def test_cli_prints_annotations_for_the_seed_story(tmp_path: Path, absolute: bool) -> None:
    shutil.copytree(SEED_EN, tmp_path / "corpus" / "en")
    shutil.copytree(SEED_KO, tmp_path / "corpus" / "ko")
    en, ko = Path("corpus/en"), Path("corpus/ko")
    if absolute:
        en, ko = tmp_path / en, tmp_path / ko
    args = ["check", str(en), str(ko), "-q", "--annotations", "github"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 1
    assert annotations[0].startswith(
        "::error file=corpus/en/onchon-party-officials.txt,line=9,title=aligner%3A truncated::"
    )


def test_an_unreadable_file_is_annotated_at_its_own_path(tmp_path: Path) -> None:
    for side in ("en", "ko"):
        (tmp_path / side).mkdir()
    shutil.copy(SEED_EN / "onchon-party-officials.txt", tmp_path / "en" / "story.txt")
    (tmp_path / "ko" / "story.txt").write_bytes(b"")  # the Korean file, not the pair, is bad
    args = ["check", "en", "ko", "-q", "--annotations", "github", "--format", "sarif"]
    args += ["--report-dir", "-"]
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        result = CliRunner().invoke(main, args)
    assert result.exit_code == 2  # nothing could be checked
    assert "::error file=ko/story.txt::file is empty; remove it" in result.stderr
    assert "INPUT ko/story.txt: file is empty" in result.stderr
    sarif = json.loads(result.stdout)
    (problem,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "input-problem"]
    location = problem["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert location == "ko/story.txt"


def test_both_unreadable_files_of_a_pair_are_listed(tmp_path: Path) -> None:
    for side in ("en", "ko"):
        (tmp_path / side).mkdir()
        (tmp_path / side / "story.txt").write_bytes(b"")
        shutil.copy(SEED_EN / "onchon-party-officials.txt", tmp_path / side / "ok.txt")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        result = CliRunner().invoke(main, ["check", "en", "ko", "-q", "--report-dir", "r"])
    problems = [line for line in result.stdout.splitlines() if line.startswith("INPUT ")]
    assert problems == [
        "INPUT en/story.txt: file is empty; remove it from the corpus or add its text",
        "INPUT ko/story.txt: file is empty; remove it from the corpus or add its text",
    ]


def test_a_number_changed_in_the_korean_is_annotated_on_the_korean_file(tmp_path: Path) -> None:
    en = [
        "A powerful typhoon hit the southern coast of Japan on Monday.",
        "The storm brought winds of up to 180 kilometres per hour.",
        "Officials ordered residents of low-lying areas to evacuate.",
    ]
    ko = [
        "월요일 강력한 태풍이 일본 남부 해안을 강타했다.",
        "태풍은 최대 시속 150킬로미터의 강풍을 동반했다.",  # 180 in the English
        "당국은 저지대 주민들에게 대피를 명령했다.",
    ]
    for lang, lines in (("en", en), ("ko", ko)):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "storm.txt").write_text("\n".join(lines) + "\n", "utf-8")
    args = ["check", "en", "ko", "-q", "--presegmented", "--annotations", "github"]
    result = CliRunner().invoke(main, [*args, "--format", "json", "--report-dir", "r"])
    assert result.exit_code == 1, result.stdout
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 1  # the faithful lines raise nothing
    assert annotations[0].startswith(
        "::error file=ko/storm.txt,line=2,title=aligner%3A number_mismatch::"
    )
