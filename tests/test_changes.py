"""``--changed-since``: the git query and the documents it selects, in a temporary repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path, PurePosixPath
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from referencing import Registry, Resource

from aligner import changes
from aligner.api import changed_documents
from aligner.changes import WorkTrees, changed_files
from aligner.cli import main
from aligner.errors import InputError
from aligner.report import load_schema
from conftest import DATA

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """A corpus of three pairs (one in a Korean-named folder), committed once."""
    root = tmp_path / "repo"
    for name in ("a.txt", "b.txt", "뉴스/c.txt"):
        for lang in ("en", "ko"):
            (root / lang / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(DATA / "clean" / lang / "budget.txt", root / lang / name)
    _git(root.parent, "init", "-q", str(root))
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "corpus")
    return root


def test_committed_staged_and_untracked_changes_are_found(repo: Path) -> None:
    (repo / "ko" / "b.txt").write_text("바뀐 문장입니다.\n", encoding="utf-8")
    (repo / "en" / "뉴스" / "c.txt").write_text("Changed.\n", encoding="utf-8")
    _git(repo, "add", "en/뉴스/c.txt")
    (repo / "en" / "new.txt").write_text("New.\n", encoding="utf-8")
    assert changed_files(repo / "en", "HEAD") == {
        (repo / "ko" / "b.txt").resolve(),
        (repo / "en" / "뉴스" / "c.txt").resolve(),
        (repo / "en" / "new.txt").resolve(),
    }
    # both sides of a pair are checked when either changed; a new file without a
    # counterpart is reported as an input problem
    assert changed_documents(repo / "en", repo / "ko", "HEAD") == {
        "b.txt",
        "뉴스/c.txt",
        str(repo / "en" / "new.txt"),
    }


def test_changes_since_an_older_commit(repo: Path) -> None:
    (repo / "en" / "a.txt").write_text("Edited.\n", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "edit a")
    assert changed_documents(repo / "en", repo / "ko", "HEAD") == set()
    assert changed_documents(repo / "en", repo / "ko", "HEAD~1") == {"a.txt"}
    assert changed_documents(repo / "en" / "a.txt", repo / "ko" / "a.txt", "HEAD~1") == {"a.txt"}


def test_not_a_git_repository(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    with pytest.raises(InputError, match="not inside a git work tree"):
        changed_files(tmp_path / "en", "HEAD")


@pytest.mark.parametrize("rev", ["no-such-branch", "--output=x", "HEAD~5"])
def test_unknown_revision(repo: Path, rev: str) -> None:
    with pytest.raises(InputError, match="unknown git revision"):
        changed_files(repo / "en", rev)


def _check(repo: Path, *args: str) -> tuple[int, str, str]:
    argv = ["check", str(repo / "en"), str(repo / "ko"), "--report-dir", str(repo.parent / "r")]
    result = CliRunner().invoke(main, [*argv, *args])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout, result.stderr


def test_cli_checks_only_the_changed_pair(repo: Path) -> None:
    (repo / "ko" / "b.txt").write_text(
        (repo / "ko" / "b.txt").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    code, stdout, stderr = _check(repo, "--changed-since", "HEAD", "-v")
    assert code == 0, stdout + stderr
    assert "checking b.txt" in stderr and "checking a.txt" not in stderr
    assert "1/1 documents passed" in stdout


def test_cli_with_nothing_changed_passes(repo: Path) -> None:
    code, stdout, stderr = _check(repo, "--changed-since", "HEAD", "--format", "junit")
    assert code == 0
    assert "no document changed since HEAD" in stderr and "0/0 documents" in stdout
    # Jenkins' junit step rejects a file of no tests
    junit = (repo.parent / "r" / "junit.xml").read_text("utf-8")
    assert 'tests="1"' in junit and '<testcase classname="aligner" name="no documents' in junit


@pytest.mark.parametrize("changed", ["aligner.toml", "qa/waivers.json"])
def test_a_changed_config_or_waiver_file_checks_every_document(repo: Path, changed: str) -> None:
    """A new threshold or a waiver removed can change the verdict of any document."""
    (repo / "qa").mkdir()
    (repo / "qa" / "waivers.json").write_text('{"version": 1, "waivers": []}\n', "utf-8")
    (repo / "aligner.toml").write_text('waivers = "qa/waivers.json"\n', "utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "config")
    args = ["--config", str(repo / "aligner.toml"), "--changed-since", "HEAD", "-v"]
    code, stdout, stderr = _check(repo, *args)
    assert code == 0 and "0/0 documents" in stdout  # unchanged: nothing to check
    with (repo / changed).open("a", encoding="utf-8") as edited:
        edited.write("\n" if changed.endswith(".json") else "min_score = 0.5\n")
    code, stdout, stderr = _check(repo, *args)
    assert code == 0 and "3/3 documents passed" in stdout
    [note] = [line for line in stderr.splitlines() if not line.startswith("checking ")]
    assert note == f"aligner: {repo / changed} changed since HEAD: checking every document"


def test_reports_of_a_deleted_story_go_with_the_next_full_run(repo: Path) -> None:
    """A run of the changed stories leaves the others' reports, which are current; a
    run of the whole corpus removes those of a story no longer in it; a run that
    could check nothing leaves the last good run's."""
    reports = repo.parent / "r"
    assert _check(repo)[0] == 0
    page = reports / "a.txt.html"
    assert page.is_file()
    _git(repo, "rm", "-q", "en/a.txt", "ko/a.txt")
    code, stdout, stderr = _check(repo, "--changed-since", "HEAD")
    assert code == 0 and "0/0 documents" in stdout and "removed" not in stderr
    assert page.is_file() and (reports / "b.txt.html").is_file()
    code, stdout, stderr = _check(repo)
    assert code == 0 and "2/2 documents passed" in stdout
    assert stderr == (
        f"aligner: removed 2 report file(s) an earlier run wrote into {reports} and this "
        "one did not (a.txt.html, a.txt.json)\n"
    )
    assert not page.exists() and (reports / "b.txt.html").is_file()
    for story in (repo / "en").rglob("*.txt"):  # a run that can check nothing (exit 2)
        story.write_bytes(b"\0\0")
    code, _, stderr = _check(repo)
    assert code == 2 and "removed" not in stderr and (reports / "b.txt.html").is_file()


def test_cli_errors_are_one_line_with_exit_2(repo: Path, tmp_path: Path) -> None:
    code, _, stderr = _check(repo, "--changed-since", "nope")
    assert code == 2 and stderr.count("\n") == 1
    assert stderr.startswith("aligner: error: --changed-since: unknown git revision 'nope'")
    plain = tmp_path / "plain"
    shutil.copytree(repo / "en", plain / "en")
    shutil.copytree(repo / "ko", plain / "ko")
    code, _, stderr = _check(plain, "--changed-since", "HEAD")
    assert code == 2 and "not inside a git work tree" in stderr and stderr.count("\n") == 1


def _tagged_repo(tmp_path: Path) -> Path:
    """One tree of two tagged pairs (a.en.txt / a.ko.txt, b...), committed once."""
    root = tmp_path / "tagged"
    root.mkdir()
    for name in ("a", "b"):
        for lang in ("en", "ko"):
            shutil.copy(DATA / "clean" / lang / "budget.txt", root / f"{name}.{lang}.txt")
    _git(tmp_path, "init", "-q", str(root))
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "corpus")
    return root


def test_changed_documents_of_one_tagged_tree(tmp_path: Path) -> None:
    root = _tagged_repo(tmp_path)
    (root / "b.ko.txt").write_text("바뀐 문장.\n", encoding="utf-8")
    assert changed_documents(root, None, "HEAD") == {"b.txt"}


def test_a_changed_unpaired_file_whose_name_is_not_utf8_counts(repo: Path) -> None:
    name = os.fsdecode(b"\xb1\xe2\xbb\xe7.txt")  # CP949 bytes, as from a Windows zip
    (repo / "en" / name).write_text("A lone story.\n", encoding="utf-8")
    only = changed_documents(repo / "en", repo / "ko", "HEAD")
    assert only == {str(repo / "en" / "\\xb1\\xe2\\xbb\\xe7.txt")}


def test_a_story_whose_translation_was_deleted_counts(repo: Path, tmp_path: Path) -> None:
    _git(repo, "rm", "-q", "en/a.txt")
    code, stdout, _ = _check(repo, "--changed-since", "HEAD")
    # an input problem fails the run, with the exit code of a full run that meets it
    assert code == 1, stdout
    assert "ko/a.txt: no English counterpart" in stdout
    root = _tagged_repo(tmp_path)
    (root / "a.ko.txt").unlink()
    assert changed_documents(root, None, "HEAD") == {str(root / "a.en.txt")}


def test_files_are_named_from_the_top_of_their_work_tree(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Code scanning and annotations resolve a path from the repository's top, so a
    job run from a subfolder, or given absolute paths, must not name files from where
    it ran (``../ko/b.txt``, ``repo/ko/b.txt``, ``file:///...``)."""
    story = repo / "ko" / "b.txt"
    story.write_text(story.read_text("utf-8").replace("25억", "35억"), "utf-8")
    args = ["--changed-since", "HEAD", "--annotations", "github", "-q"]
    args += ["--format", "sarif", "--report-dir", "-"]
    for cwd, en, ko in ((repo / "en", ".", "../ko"), (tmp_path, "repo/en", str(repo / "ko"))):
        monkeypatch.chdir(cwd)
        result = CliRunner().invoke(main, ["check", en, ko, *args])
        assert result.exit_code == 1, result.stderr
        [annotation] = [line for line in result.stderr.splitlines() if line.startswith("::")]
        assert annotation.startswith(
            "::error file=ko/b.txt,line=1,title=aligner%3A number_mismatch::"
        )
        [found] = json.loads(result.stdout)["runs"][0]["results"]
        [related] = found["relatedLocations"]
        uris = [
            where["physicalLocation"]["artifactLocation"]["uri"]
            for where in (found["locations"][0], related)
        ]
        assert uris == ["ko/b.txt", "en/b.txt"]


def test_junit_and_json_name_files_from_the_top_of_their_work_tree(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CI system links a JUnit case's ``file`` from the repository's top, and a
    script matches the JSON's files against a pull request's: a job run from a
    subfolder must not name them from there (``b.txt``, ``../ko/lonely.txt``). The
    JSON keeps the path as given in ``files``, which a script run there can open."""
    (repo / "ko" / "lonely.txt").write_text("짝이 없는 기사.\n", "utf-8")
    monkeypatch.chdir(repo / "en")
    out = tmp_path / "reports"
    args = ["check", ".", "../ko", "--format", "junit,json", "--report-dir", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    cases = ET.parse(out / "junit.xml").getroot().iter("testcase")
    assert {case.get("name"): case.get("file") for case in cases} == {
        "a.txt": "en/a.txt",
        "b.txt": "en/b.txt",
        "뉴스/c.txt": "en/뉴스/c.txt",
        "../ko/lonely.txt": "ko/lonely.txt",
    }
    validator = jsonschema.Draft202012Validator(load_schema())
    report = json.loads((out / "b.txt.json").read_text("utf-8"))
    validator.validate(report)
    assert report["files"] == {"src": "b.txt", "tgt": "../ko/b.txt"}
    assert report["repo_files"] == {"src": "en/b.txt", "tgt": "ko/b.txt"}
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    schema = load_schema()
    resource = Resource.from_contents(schema)
    registry: Registry[Any] = Registry().with_resource(schema["$id"], resource)
    summary_schema = {"$ref": schema["$id"] + "#/$defs/summary"}
    jsonschema.Draft202012Validator(summary_schema, registry=registry).validate(summary)
    [problem] = summary["problems"]
    assert (problem["path"], problem["repo_path"]) == ("../ko/lonely.txt", "ko/lonely.txt")


def test_git_is_asked_once_per_work_tree_and_never_fails_a_run(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Path] = []
    ask = changes.work_tree_root
    monkeypatch.setattr(
        changes, "work_tree_root", lambda folder: asked.append(folder) or ask(folder)
    )
    trees = WorkTrees()
    assert trees.relative(repo / "en" / "a.txt") == PurePosixPath("en/a.txt")
    assert trees.relative(Path("repo/ko/뉴스/c.txt")) == PurePosixPath("ko/뉴스/c.txt")
    # a file whose folder is gone (a deleted counterpart's) is named all the same
    assert trees.relative(repo / "ko" / "gone" / "x.txt") == PurePosixPath("ko/gone/x.txt")
    assert len(asked) == 1
    nested = repo / "vendor"  # a repository inside the tree (a submodule) is its own
    _git(repo, "init", "-q", "vendor")
    assert trees.relative(nested / "a.txt") == PurePosixPath("a.txt")
    assert len(asked) == 2
    (tmp_path / "plain").mkdir()
    assert trees.relative(tmp_path / "plain" / "a.txt") is None  # not in git: as given
    assert len(asked) == 3
    for desk in ("world", "sport"):  # nor are the other folders of a corpus outside git
        (tmp_path / "plain" / desk).mkdir()
        assert trees.relative(tmp_path / "plain" / desk / "a.txt") is None
    assert len(asked) == 3
    assert trees.relative(repo / "ko" / "b.txt") == PurePosixPath("ko/b.txt")
    assert len(asked) == 3
    monkeypatch.setenv("PATH", "")  # git is not installed
    assert WorkTrees().relative(repo / "en" / "a.txt") is None
