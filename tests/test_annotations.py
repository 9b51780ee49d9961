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
        "::warning file=en/story.txt,line=3,title=aligner%3A reordered::moved",
        "::error file=ko/lonely.txt::no English counterpart",
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
        "::warning file=en/story.txt,line=1,title=aligner%3A reordered::moved"
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
