"""A re-run rewrites only the per-document reports whose content changes."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from report_samples import sample_run

from aligner import api, report
from aligner.config import Settings
from aligner.models import RunResult
from aligner.report.manifest import ReportManifest


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The per-document reports written, as ``name.fmt``, in order."""
    seen: list[str] = []
    for fmt in ("json", "html"):
        real = getattr(report, f"write_document_{fmt}")

        def spy(doc: Any, path: Path, *, real: Any = real, **options: Any) -> None:
            seen.append(path.name)
            real(doc, path, **options)

        monkeypatch.setattr(report, f"write_document_{fmt}", spy)
    return seen


def _write(run: RunResult, root: Path) -> None:
    api.write_reports(run, settings=Settings(report_dir=root, formats=("json", "html")))


ALL = ["match.txt.json", "match.txt.html", "budget.txt.json", "budget.txt.html"]


def test_unchanged_reports_are_not_rewritten(tmp_path: Path, writes: list[str]) -> None:
    _write(sample_run(), tmp_path)
    _write(sample_run(), tmp_path)
    assert writes == ALL
    assert (tmp_path / "index.html").is_file() and (tmp_path / "summary.json").is_file()


def test_a_changed_result_rewrites_only_its_own_reports(tmp_path: Path, writes: list[str]) -> None:
    run = sample_run()
    _write(run, tmp_path)
    changed = dataclasses.replace(run.documents[1], score=0.25)
    _write(dataclasses.replace(run, documents=[run.documents[0], changed]), tmp_path)
    assert writes == [*ALL, "budget.txt.json", "budget.txt.html"]
    assert '"score": 0.25' in (tmp_path / "politics/budget.txt.json").read_text("utf-8")


def test_a_deleted_or_edited_report_is_written_again(tmp_path: Path, writes: list[str]) -> None:
    run = sample_run()
    _write(run, tmp_path)
    page = tmp_path / "sports/match.txt.html"
    original = page.read_text("utf-8")
    page.unlink()
    (tmp_path / "politics/budget.txt.json").write_text("{}", "utf-8")
    touched = tmp_path / "politics/budget.txt.html"
    os.utime(touched, ns=(0, 0))  # same size, other time: edited by hand
    _write(run, tmp_path)
    assert writes == [*ALL, "match.txt.html", "budget.txt.json", "budget.txt.html"]
    assert page.read_text("utf-8") == original
    assert (tmp_path / "politics/budget.txt.json").read_text("utf-8") != "{}"


def test_a_new_signature_rewrites_every_report(tmp_path: Path, writes: list[str]) -> None:
    run = sample_run()
    _write(run, tmp_path)
    _write(dataclasses.replace(run, signature=run.signature + "|x"), tmp_path)
    assert writes == ALL + ALL


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_corpus_put_in_git_rewrites_its_json(tmp_path: Path, writes: list[str]) -> None:
    """The JSON names the files from the top of their work tree too (``repo_files``),
    which no result holds: a corpus committed since the last run is not current."""
    _write(sample_run(), tmp_path / "r")  # the samples' files are in corpus/, not in git
    subprocess.run(["git", "init", "-q", "corpus"], cwd=tmp_path, check=True)
    _write(sample_run(), tmp_path / "r")
    assert writes == ALL + ALL
    data = json.loads((tmp_path / "r/politics/budget.txt.json").read_text("utf-8"))
    assert data["repo_files"] == {"src": "en/politics/budget.txt", "tgt": "ko/politics/budget.txt"}


def test_an_unreadable_manifest_only_costs_a_rewrite(tmp_path: Path, writes: list[str]) -> None:
    _write(sample_run(), tmp_path)
    (tmp_path / ".aligner-reports.json").write_text("not json", "utf-8")
    _write(sample_run(), tmp_path)
    _write(sample_run(), tmp_path)
    assert writes == ALL + ALL


def test_a_result_read_back_from_the_cache_has_the_same_digest() -> None:
    from aligner.embed.cache import _decode, _encode, result_digest
    from aligner.models import DocumentResult

    doc = sample_run().documents[1]
    shared = "The same text object, twice."  # a fresh result shares objects; JSON does not
    sentences = tuple(dataclasses.replace(s, text=shared) for s in doc.src.sentences)
    doc = dataclasses.replace(doc, src=dataclasses.replace(doc.src, sentences=sentences))
    cached = _decode(DocumentResult, json.loads(json.dumps(_encode(doc))))
    assert cached == doc
    assert result_digest(cached, "sig") == result_digest(doc, "sig")
    assert result_digest(doc, "sig") != result_digest(doc, "other sig")


def test_every_field_of_a_result_is_in_its_digest() -> None:
    from aligner import models

    classes = [c for c in vars(models).values() if dataclasses.is_dataclass(c)]
    assert models.DocumentResult in classes and models.Sentence in classes
    for cls in classes:  # the digest is taken over repr(), which skips repr=False fields
        assert all(f.repr for f in dataclasses.fields(cls)), cls


def _formats(root: Path, *formats: str) -> Settings:
    return Settings(report_dir=root, formats=formats)


CORPUS = (Path("corpus/en"), Path("corpus/ko"))  # what the runs below checked


def _check(run: RunResult, settings: Settings, inputs: tuple[Path, ...] = CORPUS) -> list[Path]:
    """Write a run's reports and remove what is stale, as ``aligner check`` does."""
    written = api.write_reports(run, settings=settings)
    return api.remove_stale_reports(written, settings=settings, inputs=inputs)


def test_reports_an_earlier_run_wrote_and_this_one_did_not_are_removed(tmp_path: Path) -> None:
    """A story removed from the corpus leaves no page behind to be taken for current,
    nor does a format no longer asked for; a file aligner did not write stays."""
    root = tmp_path / "reports"
    run = sample_run()
    assert _check(run, _formats(root, "json", "html", "sarif")) == []
    (root / "notes.txt").write_text("the desk's own file", "utf-8")
    (root / "politics" / "draft.html").write_text("<p>mine</p>", "utf-8")
    settings = _formats(root, "json", "html")
    written = api.write_reports(
        dataclasses.replace(run, documents=run.documents[1:]), settings=settings
    )
    removed = api.remove_stale_reports(written, settings=settings, inputs=CORPUS)
    assert sorted(p.relative_to(root).as_posix() for p in removed) == [
        "results.sarif",
        "sports/match.txt.html",
        "sports/match.txt.json",
    ]
    assert not (root / "sports").exists()  # left empty
    left = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert left == [
        ".aligner-reports.json",
        ".aligner-reports.lock",
        "index.html",
        "notes.txt",
        "politics/budget.txt.html",
        "politics/budget.txt.json",
        "politics/draft.html",
        "summary.json",
    ]
    assert api.remove_stale_reports(written, settings=settings, inputs=CORPUS) == []


def test_a_run_of_other_inputs_leaves_the_corpus_runs_reports(tmp_path: Path) -> None:
    """A translator checking one story into the corpus run's folder removes none of the
    other stories' pages; the next run of the corpus rewrites that story's."""
    root, settings = tmp_path / "reports", _formats(tmp_path / "reports", "json", "html")
    run = sample_run()
    _check(run, settings)
    one = dataclasses.replace(run, documents=run.documents[1:])
    story = (Path("corpus/en/politics/budget.txt"), Path("corpus/ko/politics/budget.txt"))
    assert _check(one, settings, story) == []
    assert (root / "sports/match.txt.html").is_file()
    assert _check(one, settings) == [root / "sports/match.txt.html", root / "sports/match.txt.json"]


def test_a_report_edited_or_replaced_since_is_never_removed(tmp_path: Path) -> None:
    root = tmp_path / "reports"
    run = sample_run()
    _check(run, _formats(root, "json", "html"))
    page = root / "sports/match.txt.html"
    with page.open("a", encoding="utf-8") as edited:
        edited.write("<!-- annotated by the desk -->")
    data = root / "sports/match.txt.json"
    data.unlink()
    data.symlink_to(root / "politics/budget.txt.json")
    settings = _formats(root, "json", "html")
    written = api.write_reports(
        dataclasses.replace(run, documents=run.documents[1:]), settings=settings
    )
    assert api.remove_stale_reports(written, settings=settings, inputs=CORPUS) == []
    assert page.is_file() and data.is_symlink()
    # no longer aligner's: a later run leaves them too, even untouched from now on
    assert api.remove_stale_reports([], settings=settings, inputs=CORPUS) == [
        root / "index.html",
        root / "politics/budget.txt.html",
        root / "politics/budget.txt.json",
        root / "summary.json",
    ]
    assert page.is_file() and data.is_symlink()


def test_a_manifest_never_leads_outside_the_report_folder(tmp_path: Path) -> None:
    root, victim = tmp_path / "reports", tmp_path / "victim.txt"
    root.mkdir()
    victim.write_text("not a report", "utf-8")
    stat = victim.stat()
    entry = ["", stat.st_size, stat.st_mtime_ns]
    names = ["../victim.txt", str(victim), "sub/../../victim.txt"]
    (root / ".aligner-reports.json").write_text(json.dumps(dict.fromkeys(names, entry)), "utf-8")
    assert api.remove_stale_reports([], settings=_formats(root, "json")) == []
    assert victim.is_file()
    assert json.loads((root / ".aligner-reports.json").read_text("utf-8")) == {}


def test_a_damaged_manifest_entry_is_written_again_not_a_crash(tmp_path: Path) -> None:
    root, settings = tmp_path / "reports", _formats(tmp_path / "reports", "json")
    run = sample_run()
    _check(run, settings)
    manifest = root / ".aligner-reports.json"
    entries = json.loads(manifest.read_text("utf-8"))
    entries = dict.fromkeys(entries, 7)  # numbers where lists belong
    manifest.write_text(json.dumps(entries), "utf-8")
    assert _check(run, settings) == []
    assert all(isinstance(e, list) for e in json.loads(manifest.read_text("utf-8")).values())


def _meanwhile(monkeypatch: pytest.MonkeyPatch, other_run: Callable[[], object]) -> None:
    """Run ``other_run`` right after this run's next read of the manifest, before it
    writes the manifest back: two runs writing into one folder at once."""

    class Interrupted(ReportManifest):
        def __init__(self, root: Path) -> None:
            super().__init__(root)
            monkeypatch.setattr(api, "ReportManifest", ReportManifest)
            other_run()

    monkeypatch.setattr(api, "ReportManifest", Interrupted)


def test_reports_a_concurrent_run_writes_are_not_lost_to_this_runs_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another run of the corpus writes the HTML pages while this one writes JSON: its
    entries stay in the manifest, so a later run without HTML removes the pages."""
    root, json_only = tmp_path / "reports", _formats(tmp_path / "reports", "json")
    html = _formats(root, "json", "html")
    run = sample_run()
    _check(run, json_only)
    theirs: list[Path] = []
    _meanwhile(monkeypatch, lambda: theirs.extend(api.write_reports(run, settings=html)))
    _check(run, json_only)
    api.remove_stale_reports(theirs, settings=html, inputs=CORPUS)  # the other run ends
    removed = _check(run, json_only)
    assert sorted(p.relative_to(root).as_posix() for p in removed) == [
        "index.html",
        "politics/budget.txt.html",
        "sports/match.txt.html",
    ]


def test_reports_a_concurrent_run_writes_are_not_lost_to_this_runs_removal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another run rewrites a story's report between this run's read of the manifest and
    its removal of stale files: the new entry stays, so the report goes with the next
    run of a corpus without the story."""
    root, settings = tmp_path / "reports", _formats(tmp_path / "reports", "json")
    run = sample_run()
    _check(run, settings)
    ours = api.write_reports(run, settings=settings)
    changed = dataclasses.replace(run.documents[0], score=0.123456789)  # another size
    other = dataclasses.replace(run, documents=[changed, run.documents[1]])
    theirs: list[Path] = []
    _meanwhile(monkeypatch, lambda: theirs.extend(api.write_reports(other, settings=settings)))
    assert api.remove_stale_reports(ours, settings=settings, inputs=CORPUS) == []
    api.remove_stale_reports(theirs, settings=settings, inputs=CORPUS)  # the other run ends
    one = dataclasses.replace(run, documents=run.documents[1:])
    assert _check(one, settings) == [root / "sports/match.txt.json"]


@pytest.mark.skipif(sys.platform == "win32", reason="no fcntl: runs take no lock")
def test_stale_reports_are_removed_under_the_folders_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    root, settings = tmp_path / "reports", _formats(tmp_path / "reports", "json")
    run = sample_run()
    _check(run, settings)
    locked: list[bool] = []
    unlink = Path.unlink

    def probe(path: Path, missing_ok: bool = False) -> None:
        with (root / ".aligner-reports.lock").open("ab") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                locked.append(True)  # another run would wait here
            else:
                locked.append(False)
        unlink(path, missing_ok)

    monkeypatch.setattr(Path, "unlink", probe)
    assert _check(dataclasses.replace(run, documents=run.documents[1:]), settings) == [
        root / "sports/match.txt.json"
    ]
    assert locked == [True]
