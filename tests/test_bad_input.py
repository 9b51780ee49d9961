"""Bad input never crashes a run, hangs it, or loses a report (issue 7).

``tests/data/bad/`` is a committed corpus of messy files (made by its
``generate.py``); ``tests/data/bad/EXPECTED.tsv`` says, file by file, whether it
is checked or listed as an input problem, and with which message. Cases too big
to commit (a 10 MB line, 200,000 lines) or that need the file system or the
process to misbehave (symlinks, permissions, report folders, signals) are made
here; ``GENERATED`` holds their messages. The README's Troubleshooting section
must list every case of both (see the last test).
"""

from __future__ import annotations

import errno
import json
import os
import re
import runpy
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from aligner.cli import main
from aligner.report import FORMATS, RUN_FORMATS, load_schema
from conftest import DATA, ROOT

BAD = DATA / "bad"
EN = "The city council approved a budget for new parks on Monday.\n"
KO = "시의회는 월요일 새 공원 조성을 위한 예산을 승인했다.\n"


@dataclass(frozen=True)
class Case:
    """One row of EXPECTED.tsv: a file of the bad corpus and what the user sees."""

    file: str  # relative to tests/data/bad, e.g. "ko/empty.txt"
    case: str  # the label used in the README
    outcome: str  # "checked" or "problem"
    message: str  # for problems: a fragment of the message

    @property
    def path(self) -> Path:
        return BAD / self.file

    @property
    def document(self) -> str:
        """The pair's name: the path relative to the side's folder."""
        return self.file.split("/", 1)[1]


def _load_expected() -> list[Case]:
    rows = (BAD / "EXPECTED.tsv").read_text(encoding="utf-8").splitlines()
    return [Case(*row.split("\t")) for row in rows if row and not row.startswith("#")]


EXPECTED = _load_expected()
PROBLEMS = [case for case in EXPECTED if case.outcome == "problem"]
CHECKED = [case for case in EXPECTED if case.outcome == "checked"]

# Cases made by the tests below: README label -> a fragment of the message.
GENERATED = {
    "10 MB single line": "a sentence of 10,000,000 characters, over the limit of 20,000",
    "200,000-line file": "200,000 sentences, over the limit of 50,000 per document",
    "file over 50 MiB": "over the size limit of 50.0 MiB",
    "symbolic link pointing outside the tree": "symbolic link points outside",
    "broken symbolic link": "broken symbolic link",
    "symbolic link loop": "symbolic link loop; not checked",
    "named pipe": "not a regular file (device, pipe or socket)",
    "unreadable file (permissions)": "permission denied; make the file readable",
    "report folder under a regular file": "is a file, not a directory); pass a writable",
    "read-only report folder": "cannot write reports there (no write permission in",
    "disk full while writing reports": "cannot write the report (No space left on device)",
    "unknown model": "cannot load model 'no-such-org/no-such-model'",
    "config: TOML syntax error": "cannot read config: Invalid value (at line 1, column 12)",
    "config: value of the wrong type": (
        "bad.toml: setting 'max_bead' has an invalid value 'three' (expected a whole number)"
    ),
    "config: number out of range": "bad.toml: setting 'min_score' must be between 0 and 1; got 1.5",
    "config: invalid regex": (
        "bad.toml: setting 'extra_boilerplate' has an invalid regex '([unclosed': "
        "unterminated character set at position 1"
    ),
    "config: unknown check": "bad.toml: setting 'disabled_checks' names an unknown check 'nosuch'",
    "config: unknown encoding": (
        "bad.toml: setting 'encoding' has an unknown text encoding 'latin-9' (use auto, a "
        "codec name such as utf-8, utf-16, cp949, euc-kr, or one per language: en=cp1252)"
    ),
    "config: unknown setting": "bad.toml: unknown setting 'fail_onn'",
    "missing path": "no such file or directory; check the path",
    "no file pairs up": "no file has the same relative path in both directories",
    "the same folder on both sides": "the same directory on both sides; pass the English",
    "one tree: no two files differ only in their language tag": (
        "no two files differ only in their language tag (like story.en.txt and story.ko.txt"
    ),
    "one file: no language tag in its name": (
        "no 'en' language tag in the file name (like story.en.txt) to find its translation by"
    ),
    "one file: its tagged translation is missing": "no translation (expected ",
    "report folder is a corpus tree": "the report folder is the English tree itself",
    "misspelt option": (
        "aligner check: error: No such option '--fail-onn'. Did you mean '--fail-on'? "
        "(see 'aligner check --help')"
    ),
    "missing argument": (
        "aligner check: error: Missing argument 'SRC'. (see 'aligner check --help')"
    ),
    "Ctrl-C or SIGTERM": "aligner: interrupted",
    "one side only boilerplate": "every content sentence of the other side flagged missing",
    "file name not valid UTF-8 (CP949 from a Windows zip)": r"\xb1\xe2\xbb\xe7.txt",
}


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    reports: Path

    def summary(self) -> dict[str, Any]:
        data = json.loads((self.reports / "summary.json").read_text(encoding="utf-8"))
        assert isinstance(data, dict)
        return data

    def problem_lines(self) -> list[str]:
        """Each problem of summary.json as ``path: message``."""
        return [f"{p['path']}: {p['message']}" for p in self.summary()["problems"]]


def _check(src: Path, tgt: Path, reports: Path, *extra: str | Path) -> Run:
    """Run ``aligner check`` in-process; it must end by exiting, never by an exception."""
    args = ["check", src, tgt, "--report-dir", reports, *extra]
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.stdout + result.stderr
    return Run(result.exit_code, result.stdout, result.stderr, reports)


def _one_line_error(run: Run, fragment: str) -> str:
    """The run failed with exit 2 and a single stderr line holding ``fragment``."""
    assert run.code == 2, run.stdout + run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("aligner: error: ")
    assert fragment in lines[0]
    return lines[0]


def _pair(root: Path, name: str, en: bytes | str = EN, ko: bytes | str = KO) -> tuple[Path, Path]:
    """Write one EN/KO pair under ``root/en`` and ``root/ko``; return the two folders."""
    for side, data in (("en", en), ("ko", ko)):
        path = root / side / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    return root / "en", root / "ko"


def _tmp_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.tmp"))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


# --- the committed corpus ------------------------------------------------------


def test_corpus_matches_its_generator() -> None:
    cases: dict[str, bytes] = runpy.run_path(str(BAD / "generate.py"))["CASES"]
    on_disk = {
        p.relative_to(BAD).as_posix(): p.read_bytes()
        for side in ("en", "ko")
        for p in (BAD / side).rglob("*")
        if p.is_file()
    }
    assert on_disk == cases


def test_expected_table_names_existing_files() -> None:
    assert len(EXPECTED) >= 20
    for case in EXPECTED:
        assert case.path.is_file(), case.file
        assert case.outcome in ("checked", "problem")
        assert bool(case.message) == (case.outcome == "problem"), case.file


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """One ``aligner check tests/data/bad/en tests/data/bad/ko`` for all the corpus tests."""
    folder = tmp_path_factory.mktemp("bad-run")
    (folder / "empty.toml").write_text("")  # no developer config may leak in
    return _check(BAD / "en", BAD / "ko", folder / "reports", "--config", folder / "empty.toml")


def test_bad_corpus_run_checks_some_and_lists_the_rest(bad_run: Run) -> None:
    assert bad_run.code == 1  # documents were checked, and there are input problems
    summary = bad_run.summary()
    assert sorted(d["document"] for d in summary["documents"]) == sorted(
        c.document for c in CHECKED
    )
    assert len(summary["problems"]) == len(PROBLEMS)  # nothing unexpected
    schema = load_schema()
    jsonschema.validate(summary, {"$defs": schema["$defs"], "$ref": "#/$defs/summary"})


@pytest.mark.parametrize("case", PROBLEMS, ids=[c.file for c in PROBLEMS])
def test_bad_file_is_listed_with_its_message(bad_run: Run, case: Case) -> None:
    where = str(case.path)
    printed = [line for line in bad_run.stdout.splitlines() if line.startswith("INPUT ")]
    assert any(where in line and case.message in line for line in printed), printed
    listed = bad_run.problem_lines()
    assert any(where in line and case.message in line for line in listed), listed


@pytest.mark.parametrize("case", CHECKED, ids=[c.file for c in CHECKED])
def test_good_file_is_checked_and_decoded(bad_run: Run, case: Case) -> None:
    assert any(
        line.split()[:2] in (["PASS", case.document], ["FAIL", case.document])
        for line in bad_run.stdout.splitlines()
    )
    report = json.loads((bad_run.reports / f"{case.document}.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, load_schema())
    src = " ".join(s["text"] for s in report["sentences"]["src"])
    tgt = " ".join(s["text"] for s in report["sentences"]["tgt"])
    assert "city council" in src and "시의회는" in tgt  # decoded, not mojibake
    assert "\ufffd" not in src + tgt  # nothing silently replaced
    assert "\r" not in src + tgt and "\ufeff" not in src + tgt
    assert (bad_run.reports / f"{case.document}.html").is_file()


def test_control_characters_stay_valid_json(bad_run: Run) -> None:
    text = (bad_run.reports / "control-chars.txt.json").read_text(encoding="utf-8")
    assert "\x1b" not in text  # escaped as \u001b by json.dumps
    report = json.loads(text)
    assert "bud\x1bget\x07" in report["sentences"]["src"][0]["text"]


def test_html_residue_is_escaped_in_the_html_report(bad_run: Run) -> None:
    html = (bad_run.reports / "html-residue.txt.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(" in html


def test_control_characters_are_visible_in_the_html_report(bad_run: Run) -> None:
    html = (bad_run.reports / "control-chars.txt.html").read_text(encoding="utf-8")
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", html)
    # Some visible mark (a symbol, an escape, a styled span...) stands where ESC was.
    shown = re.search(r"bud(\S+?)get", re.sub(r"<[^>]*>", "", html))
    assert shown is not None and shown.group(1).strip()


def test_nothing_checkable_exits_2_and_still_lists_everything(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for case in PROBLEMS:
        if "counterpart" in case.message:
            continue  # a lone file on both sides would make "no file pairs up"
        for side in ("en", "ko"):
            source = BAD / side / case.document
            (corpus / side / case.document).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, corpus / side / case.document)
    run = _check(corpus / "en", corpus / "ko", tmp_path / "r")
    assert run.code == 2
    readable = [c for c in PROBLEMS if "counterpart" not in c.message]
    assert len(run.summary()["problems"]) == len(readable)
    assert run.summary()["documents"] == []
    assert "0/0 documents passed" in run.stdout


def test_missing_path_and_no_pairs_are_one_line_errors(tmp_path: Path) -> None:
    run = _check(BAD / "en" / "world", tmp_path / "nothing-here", tmp_path / "r")
    _one_line_error(run, GENERATED["missing path"])
    (tmp_path / "ko").mkdir()
    shutil.copyfile(BAD / "ko" / "only-ko.txt", tmp_path / "ko" / "only-ko.txt")
    run = _check(BAD / "en" / "world", tmp_path / "ko", tmp_path / "r")
    _one_line_error(run, GENERATED["no file pairs up"])
    assert not (tmp_path / "r").exists()
    run = _check(BAD / "en", BAD / "en", tmp_path / "r")
    _one_line_error(run, GENERATED["the same folder on both sides"])
    shutil.copytree(BAD / "en" / "world", tmp_path / "en")
    run = _check(tmp_path / "en", tmp_path / "ko", tmp_path / "en")
    _one_line_error(run, GENERATED["report folder is a corpus tree"])


def test_command_line_mistakes_are_one_line_errors(tmp_path: Path) -> None:
    """Click's own usage errors take four lines; ours name the command and its help."""
    en, ko = _pair(tmp_path, "a.txt")
    for args, case in [
        ([en, ko, "--fail-onn", "error"], "misspelt option"),
        ([], "missing argument"),
    ]:
        result = CliRunner().invoke(main, ["check", *map(str, args)], prog_name="aligner")
        assert result.exit_code == 2
        assert result.stderr.strip().splitlines() == [GENERATED[case]], result.stderr
    for args, line in [
        (["chek"], "aligner: error: No such command 'chek'. Did you mean 'check'?"),
        (["--bogus"], "aligner: error: No such option '--bogus'. (see 'aligner --help')"),
        (["check", "--format"], "aligner check: error: Option '--format' requires an argument."),
        (["calibrate", "a", "b", "c"], "aligner calibrate: error: Got unexpected extra argument"),
    ]:
        result = CliRunner().invoke(main, args, prog_name="aligner")
        assert result.exit_code == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(line), result.stderr


def test_one_tree_or_file_without_tagged_pairs_is_a_one_line_error(tmp_path: Path) -> None:
    def check_one(path: Path) -> Run:
        args = ["check", str(path), "--report-dir", str(tmp_path / "r")]
        result = CliRunner().invoke(main, args)
        assert result.exception is None or isinstance(result.exception, SystemExit)
        return Run(result.exit_code, result.stdout, result.stderr, tmp_path / "r")

    (tmp_path / "story.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "lonely.en.txt").write_text(EN, encoding="utf-8")
    _one_line_error(
        check_one(tmp_path), GENERATED["one tree: no two files differ only in their language tag"]
    )
    _one_line_error(
        check_one(tmp_path / "story.txt"), GENERATED["one file: no language tag in its name"]
    )
    line = _one_line_error(
        check_one(tmp_path / "lonely.en.txt"),
        GENERATED["one file: its tagged translation is missing"],
    )
    assert line.endswith("lonely.ko.txt)")
    assert not (tmp_path / "r").exists()


# --- cases generated here --------------------------------------------------------


STORY_EN = "A typhoon hit Japan on Monday.\nThousands of homes lost power.\nSchools closed.\n"
STORY_KO = "월요일 태풍이 일본을 강타했다.\n수천 가구가 정전됐다.\n학교는 휴교했다.\n"
ALL_FORMATS = ",".join(FORMATS)
RUN_REPORTS = ("index.html", "summary.json", *(f.filename for f in RUN_FORMATS.values()))


def test_one_side_only_boilerplate_is_checked_and_the_others_reported(tmp_path: Path) -> None:
    """A Korean file holding only a related-stories header has no content left after
    boilerplate removal: it is aligned like any other, every English sentence missing."""
    _pair(tmp_path, "good.txt", STORY_EN, STORY_KO)
    en, ko = _pair(tmp_path, "links.txt", STORY_EN, "RELATED STORIES\n")
    run = _check(en, ko, tmp_path / "r", "--format", ALL_FORMATS)
    assert run.code == 1, run.stdout  # the gate fails on the missing sentences
    summary = run.summary()
    passed = {d["document"]: d["passed"] for d in summary["documents"]}
    assert (passed, summary["problems"]) == ({"good.txt": True, "links.txt": False}, [])
    for name in ("good.txt.json", "good.txt.html", "links.txt.html", *RUN_REPORTS):
        assert (run.reports / name).is_file(), name
    report = json.loads((run.reports / "links.txt.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, load_schema())
    flags = sorted((f["type"], f["en"], f["ko"]) for f in report["flags"])
    assert flags == [("boilerplate", [], [0])] + [("missing", [i], []) for i in range(3)]
    # the gate decides, as for any document: three missing sentences are allowed here
    run = _check(en, ko, tmp_path / "r2", "--fail-on", "never", "--max-missing", "3")
    assert run.code == 0, run.stdout


def test_align_with_one_side_or_both_only_boilerplate(tmp_path: Path) -> None:
    en, ko = _pair(tmp_path, "a.txt", STORY_EN, "RELATED STORIES\n")
    args = ["align", en / "a.txt", ko / "a.txt", "--presegmented", "--format", "ladder"]
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == ["[0]:[]:0.000", "[1]:[]:0.000", "[2]:[]:0.000", "[]:[0]:0.000"]
    # a rule that covers every line leaves neither side any content
    _pair(tmp_path, "b.txt", STORY_EN, STORY_KO)
    (tmp_path / "all.toml").write_text('extra_boilerplate = ["^.*$"]\n')
    args = ["align", en / "b.txt", ko / "b.txt", "--config", tmp_path / "all.toml"]
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["passed"] and {f["type"] for f in report["flags"]} == {"boilerplate"}
    assert all(not (a["en"] and a["ko"]) for a in report["alignments"])


def test_file_name_not_valid_utf8_is_checked_and_written_escaped(tmp_path: Path) -> None:
    """Names from a Windows zip are CP949 bytes; reports write each byte as \\xNN."""
    name = os.fsdecode("기사.txt".encode("cp949"))
    try:
        _pair(tmp_path, name, STORY_EN, STORY_KO)
    except (OSError, UnicodeError):
        pytest.skip("this file system accepts only valid UTF-8 names")
    _pair(tmp_path, "ok.txt", STORY_EN, STORY_KO)
    lone = tmp_path / "en" / os.fsdecode("뉴스.txt".encode("cp949"))
    lone.write_text(STORY_EN, encoding="utf-8")
    shown = GENERATED["file name not valid UTF-8 (CP949 from a Windows zip)"]
    args = ("--format", ALL_FORMATS, "--annotations", "github")
    runs = [
        _check(tmp_path / "en", tmp_path / "ko", tmp_path / folder, *args, *extra)
        for folder, extra in (("r1", ()), ("r2", ()), ("r3", ("--no-cache",)))
    ]  # the second reads the results from the cache, the third has none
    verdicts = [run.stdout.rsplit("reports: ", 1)[0] for run in runs]
    assert verdicts == [verdicts[0]] * 3
    run = runs[0]
    assert run.code == 1  # the lone file is an input problem; both pairs pass
    assert f"PASS  {shown}  score 1.000" in run.stdout
    assert rf"INPUT {tmp_path}/en/\xb4\xba\xbd\xba.txt: no Korean counterpart" in run.stdout
    assert r"::error file=en/\xb4\xba\xbd\xba.txt::" in run.stdout  # relative to the work tree
    summary = run.summary()
    assert sorted(d["document"] for d in summary["documents"]) == [shown, "ok.txt"]
    report = json.loads((run.reports / f"{shown}.json").read_text(encoding="utf-8"))
    assert report["files"]["src"] == f"{tmp_path}/en/{shown}"
    for path in run.reports.rglob("*"):
        if path.is_file():
            assert path.name.isprintable(), path.name
            path.read_bytes().decode("utf-8")  # strict: not a byte of the bad name
    index = (run.reports / "index.html").read_text(encoding="utf-8")
    assert 'href="%5Cxb1%5Cxe2%5Cxbb%5Cxe7.txt.html"' in index


def test_10_mb_single_line_is_refused_quickly(tmp_path: Path) -> None:
    words = "the council met again and talked about parks and budgets for the city "
    line = (words * (10_000_000 // len(words) + 1))[:10_000_000]
    en, ko = _pair(tmp_path, "good.txt")
    _pair(tmp_path, "dump.txt", en=line + "\n")
    run = _check(en, ko, tmp_path / "r")
    assert run.code == 1
    message = GENERATED["10 MB single line"]
    assert f"INPUT {en / 'dump.txt'}: line 1: {message}" in run.stdout
    assert any(message in line for line in run.problem_lines())
    assert [d["document"] for d in run.summary()["documents"]] == ["good.txt"]


def test_200000_line_file_is_refused_quickly(tmp_path: Path) -> None:
    lines = "".join(f"Entry {i}: the council approved item {i}.\n" for i in range(200_000))
    en, ko = _pair(tmp_path, "good.txt")
    _pair(tmp_path, "log.txt", ko=lines)
    run = _check(en, ko, tmp_path / "r", "--presegmented")
    assert run.code == 1
    assert f"{ko / 'log.txt'}: {GENERATED['200,000-line file']}" in run.stdout
    assert [d["document"] for d in run.summary()["documents"]] == ["good.txt"]


def test_a_named_pipe_is_a_problem_even_with_the_cache(tmp_path: Path) -> None:
    """The result cache hashed each file before the checks that refuse it: reading a
    named pipe blocked the run for good."""
    en, ko = _pair(tmp_path, "good.txt")
    _pair(tmp_path, "pipe.txt")
    (ko / "pipe.txt").unlink()
    os.mkfifo(ko / "pipe.txt")
    for korean in (ko, ko / "pipe.txt"):  # in a tree, and named as the file to check
        english = en if korean == ko else en / "pipe.txt"
        args = ["check", english, korean, "--report-dir", tmp_path / "r"]
        run = subprocess.run(
            [sys.executable, "-m", "aligner", *args],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert run.returncode in (1, 2)
        assert f"{ko / 'pipe.txt'}: {GENERATED['named pipe']}" in run.stdout + run.stderr


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    en, ko = _pair(tmp_path, "good.txt")
    _pair(tmp_path, "huge.txt")
    with (ko / "huge.txt").open("r+b") as handle:
        handle.truncate(51 * 1024 * 1024)  # sparse: nothing is actually written
    run = _check(en, ko, tmp_path / "r")
    assert run.code == 1
    assert f"{ko / 'huge.txt'}: file is 51.0 MiB" in run.stdout
    assert GENERATED["file over 50 MiB"] in run.stdout


def test_symbolic_links_outside_the_tree_and_broken(tmp_path: Path) -> None:
    en, ko = _pair(tmp_path, "good.txt")
    secret = tmp_path / "secret.txt"
    secret.write_text("outside the corpus\n")
    _pair(tmp_path, "linked.txt")
    (ko / "linked.txt").unlink()
    (ko / "linked.txt").symlink_to(secret)
    _pair(tmp_path, "gone.txt")
    (en / "gone.txt").unlink()
    (en / "gone.txt").symlink_to(en / "missing.txt")
    (ko / "self.txt").symlink_to(ko / "self.txt")  # a loop: resolving it raises
    run = _check(en, ko, tmp_path / "r")
    assert run.code == 1
    problems = run.problem_lines()
    assert any(
        str(ko / "linked.txt") in p and GENERATED["symbolic link pointing outside the tree"] in p
        for p in problems
    )
    assert any(
        str(en / "gone.txt") in p and GENERATED["broken symbolic link"] in p for p in problems
    )
    assert any(str(ko / "self.txt") in p and GENERATED["symbolic link loop"] in p for p in problems)
    assert "outside the corpus" not in (tmp_path / "r" / "index.html").read_text(encoding="utf-8")


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root ignores file modes, so the permission error is simulated (as in test_io.py).
    en, ko = _pair(tmp_path, "good.txt")
    _pair(tmp_path, "locked.txt")
    locked = ko / "locked.txt"
    real_open = Path.open

    def deny_locked(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny_locked)
    run = _check(en, ko, tmp_path / "r")
    assert run.code == 1
    assert f"{locked}: {GENERATED['unreadable file (permissions)']}" in run.stdout
    assert [d["document"] for d in run.summary()["documents"]] == ["good.txt"]


# --- report folders ----------------------------------------------------------------


def test_report_folder_under_a_regular_file(tmp_path: Path) -> None:
    en, ko = _pair(tmp_path / "corpus", "good.txt")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file\n")
    run = _check(en, ko, blocker / "reports")
    line = _one_line_error(run, GENERATED["report folder under a regular file"])
    assert line.startswith(f"aligner: error: {blocker / 'reports'}: ")
    assert run.stdout == ""  # failed before checking anything
    assert sorted(p.name for p in tmp_path.iterdir()) == ["aligner.toml", "corpus", "not-a-folder"]


def test_read_only_report_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    en, ko = _pair(tmp_path / "corpus", "good.txt")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "summary.json").write_text('{"previous": true}\n')
    real_access = os.access

    def read_only(path: Any, mode: int, **kwargs: Any) -> bool:
        if Path(path) == reports and mode & os.W_OK:
            return False  # as on a read-only mount; root passes real mode checks
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", read_only)
    run = _check(en, ko, reports)
    line = _one_line_error(run, GENERATED["read-only report folder"])
    assert str(reports) in line
    assert run.stdout == ""
    assert _snapshot(reports) == {"summary.json": b'{"previous": true}\n'}


def test_disk_full_while_writing_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    en, ko = _pair(tmp_path / "corpus", "a.txt")
    _pair(tmp_path / "corpus", "b.txt")
    reports = tmp_path / "reports"
    reports.mkdir()
    previous = {"summary.json": b"previous summary\n", "b.txt.json": b"previous b\n"}
    for name, data in previous.items():
        (reports / name).write_bytes(data)
    real_replace = os.replace
    calls: list[str] = []

    def fill_disk(src: Any, dst: Any) -> None:
        calls.append(str(dst))
        if len(calls) > 2:  # a.txt's two reports fit, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device", str(src))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", fill_disk)
    run = _check(en, ko, reports, "--no-cache", "--quiet")
    line = _one_line_error(run, GENERATED["disk full while writing reports"])
    assert str(reports / "b.txt.json") in line
    assert _tmp_files(reports) == []
    snapshot = _snapshot(reports)
    assert {name: snapshot[name] for name in previous} == previous  # old files intact
    assert set(snapshot) == {"summary.json", "a.txt.json", "a.txt.html", "b.txt.json"}


# --- model and config --------------------------------------------------------------


def test_unknown_model(tmp_path: Path) -> None:
    en, ko = _pair(tmp_path / "corpus", "good.txt")
    run = _check(en, ko, tmp_path / "r", "--model", "no-such-org/no-such-model")
    _one_line_error(run, GENERATED["unknown model"])
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize(
    ("text", "case"),
    [
        ("max_bead = \n", "config: TOML syntax error"),
        ('max_bead = "three"\n', "config: value of the wrong type"),
        ("fail_onn = 'error'\n", "config: unknown setting"),
        ("min_score = 1.5\n", "config: number out of range"),
        ("extra_boilerplate = ['([unclosed']\n", "config: invalid regex"),
        ("disabled_checks = ['nosuch']\n", "config: unknown check"),
        ("encoding = 'latin-9'\n", "config: unknown encoding"),
    ],
)
def test_malformed_config(tmp_path: Path, text: str, case: str) -> None:
    en, ko = _pair(tmp_path / "corpus", "good.txt")
    config = tmp_path / "bad.toml"
    config.write_text(text)
    run = _check(en, ko, tmp_path / "r", "--config", config)
    _one_line_error(run, GENERATED[case])
    assert not (tmp_path / "r").exists()


# --- interrupts: a real process and a real signal ----------------------------------

# Runs the CLI with os.replace blocked, so that the signal lands while a report's
# temp file exists; the test sees "writing" on stderr when that moment has come.
_BLOCK_WRITES = """
import os, sys, time
_replace = os.replace
def _blocked(src, dst):
    print("writing", dst, file=sys.stderr, flush=True)
    time.sleep(120)
    _replace(src, dst)
os.replace = _blocked
from aligner.cli import main
main(sys.argv[1:], prog_name="aligner")
"""


def _story_corpus(root: Path, documents: int, sentences: int) -> tuple[Path, Path]:
    for i in range(documents):
        _pair(
            root,
            f"doc-{i:03}.txt",
            en="".join(
                f"Story {i}, part {j}: the council met on Monday.\n" for j in range(sentences)
            ),
            ko="".join(
                f"기사 {i}의 {j}번째 문단: 시의회는 월요일에 회의를 열었다.\n"
                for j in range(sentences)
            ),
        )
    return root / "en", root / "ko"


def _previous_reports(reports: Path, names: list[str]) -> dict[str, bytes]:
    reports.mkdir()
    for name in [*names, "summary.json", "index.html"]:
        (reports / name).write_text(f"previous {name}\n")
    return _snapshot(reports)


def _default_sigint() -> None:
    # A shell without job control starts background jobs with SIGINT ignored;
    # the child must get Python's usual Ctrl-C handling whatever ran pytest.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start(args: list[str | Path], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(a) for a in args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_default_sigint,
    )


def _wait_for(process: subprocess.Popen[str], prefix: str) -> list[str]:
    """Read the child's stderr up to a line starting with ``prefix``."""
    assert process.stderr is not None
    watchdog = threading.Timer(120, process.kill)  # never hang the suite
    watchdog.start()
    seen: list[str] = []
    try:
        for line in process.stderr:
            seen.append(line)
            if line.startswith(prefix):
                return seen
    finally:
        watchdog.cancel()
    process.wait()
    pytest.fail(f"the run ended before {prefix!r}: {''.join(seen)}")


def _finish(process: subprocess.Popen[str], seen: list[str]) -> tuple[int, str]:
    try:
        _, rest = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    return process.returncode, "".join(seen) + rest


def _assert_interrupted(code: int, stderr: str, expected: int) -> None:
    assert code == expected, stderr
    assert stderr.strip().splitlines()[-1] == GENERATED["Ctrl-C or SIGTERM"]
    assert "Traceback" not in stderr and "Aborted!" not in stderr


def test_ctrl_c_mid_run_keeps_previous_reports(tmp_path: Path) -> None:
    en, ko = _story_corpus(tmp_path / "corpus", documents=6, sentences=20)
    reports = tmp_path / "reports"
    before = _previous_reports(reports, ["doc-000.txt.json", "doc-000.txt.html"])
    process = _start(
        [sys.executable, "-m", "aligner", "check", en, ko, "-v", "--report-dir", reports]
        + ["--no-cache"],
        cwd=tmp_path,
    )
    seen = _wait_for(process, "checking doc-001.txt")
    process.send_signal(signal.SIGINT)
    _assert_interrupted(*_finish(process, seen), expected=130)
    assert _snapshot(reports) == before


@pytest.mark.parametrize(
    ("sig", "expected"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["SIGINT", "SIGTERM"]
)
def test_a_signal_stops_worker_processes_too(
    tmp_path: Path, sig: signal.Signals, expected: int
) -> None:
    en, ko = _story_corpus(tmp_path / "corpus", documents=40, sentences=40)
    process = _start(
        [sys.executable, "-m", "aligner", "check", en, ko, "-v", "-j", "2", "--no-cache"]
        + ["--report-dir", tmp_path / "reports"],
        cwd=tmp_path,
    )
    seen = _wait_for(process, "checking doc-001.txt")
    children = _children(process.pid)
    assert len([pid for pid in children if _is_worker(pid)]) == 2, children
    process.send_signal(sig)
    _assert_interrupted(*_finish(process, seen), expected=expected)
    deadline = time.monotonic() + 10  # a terminated worker may take a moment to go
    while [pid for pid in children if _running(pid)] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in children if _running(pid)]


def _is_worker(pid: int) -> bool:
    try:
        return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _running(pid: int) -> bool:
    """Whether ``pid`` is a live process (an exited one waiting to be reaped is not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _children(pid: int) -> list[int]:
    """The live child processes of ``pid`` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


@pytest.mark.parametrize(
    ("sig", "expected"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["SIGINT", "SIGTERM"]
)
def test_signal_while_writing_leaves_no_temp_file(
    tmp_path: Path, sig: signal.Signals, expected: int
) -> None:
    en, ko = _story_corpus(tmp_path / "corpus", documents=2, sentences=3)
    reports = tmp_path / "reports"
    before = _previous_reports(reports, ["doc-000.txt.json", "doc-001.txt.json"])
    process = _start(
        [
            sys.executable,
            "-c",
            _BLOCK_WRITES,
            "check",
            en,
            ko,
            "--report-dir",
            reports,
            "--no-cache",
        ],
        cwd=tmp_path,
    )
    seen = _wait_for(process, "writing ")
    assert len(_tmp_files(reports)) == 1  # the signal lands mid-write
    process.send_signal(sig)
    _assert_interrupted(*_finish(process, seen), expected=expected)
    assert _snapshot(reports) == before  # no temp file, no file replaced


# --- docs ------------------------------------------------------------------------


def _troubleshooting_rows() -> Iterator[list[str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Troubleshooting\n", 1)[1].split("\n## ", 1)[0]
    for line in section.splitlines():
        if line.startswith("| ") and not line.startswith("| ---"):
            yield [cell.strip().strip("`") for cell in line.strip("|").split(" | ")]


def test_readme_troubleshooting_lists_every_case() -> None:
    rows = {cells[0]: " | ".join(cells[1:]) for cells in _troubleshooting_rows()}
    cases = {c.case: c.message for c in EXPECTED} | GENERATED
    missing = sorted(case for case in cases if case not in rows)
    assert not missing, f"add these cases to the README's Troubleshooting table: {missing}"
    for case, message in cases.items():
        assert message in rows[case], f"README row {case!r} should show {message!r}"
