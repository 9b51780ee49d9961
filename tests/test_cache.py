"""The on-disk embedding cache: hits, model separation, damage and concurrency."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import multiprocessing
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from aligner import batch
from aligner.api import check_paths, open_encoder
from aligner.cli import main
from aligner.config import Settings
from aligner.embed import cache, load_encoder
from aligner.embed.base import Encoder, Matrix
from aligner.embed.cache import CACHE_FILE, CachedEncoder, default_cache_dir, result_key
from aligner.models import DocumentPair, Flag, RunResult, Severity, Span
from conftest import DATA, SEED_EN, SEED_KO


class Counting:
    """Records the texts passed to ``inner`` (a stand-in model when ``inner`` is None)."""

    def __init__(self, name: str = "fake@1", inner: Encoder | None = None) -> None:
        self.name = name
        self.inner = inner
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> Matrix:
        self.calls.append(list(texts))
        if self.inner is not None:
            return self.inner.encode(texts)
        seeds = [
            int.from_bytes(hashlib.sha256(f"{self.name}|{t}".encode()).digest()[:4]) for t in texts
        ]
        rows = np.stack([np.random.default_rng(s).standard_normal(8) for s in seeds])
        return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)

    @property
    def encoded(self) -> int:
        return sum(map(len, self.calls))


def test_a_rerun_takes_every_embedding_from_the_cache(tmp_path: Path) -> None:
    inner = _counting_muse()
    runs = []
    # a different gate each time: the document is checked again, not reused whole
    for fail_on in ("error", "warning"):
        encoder = CachedEncoder(inner, tmp_path / "cache")
        settings = Settings(fail_on=fail_on)
        runs.append(check_paths(SEED_EN, SEED_KO, settings=settings, encoder=encoder))
        encoder.close()
    first = inner.encoded
    # checks may look up a text the aligner embedded (``partial`` reads each pair whole)
    assert first > 0 and encoder.hits >= first and encoder.misses == 0
    assert inner.encoded == first  # the second run encoded nothing
    assert runs[0].documents[0].beads == runs[1].documents[0].beads
    assert runs[0].documents[0].flags == runs[1].documents[0].flags


def test_cached_rows_equal_fresh_rows_in_input_order(tmp_path: Path) -> None:
    inner = Counting()
    texts = ["b", "a", "b", "c"]
    fresh = CachedEncoder(inner, tmp_path).encode(texts)
    again = CachedEncoder(inner, tmp_path).encode(["c", *texts])
    assert len(inner.calls) == 1 and sorted(inner.calls[0]) == ["a", "b", "c"]
    assert np.array_equal(fresh, again[1:]) and np.array_equal(again[0], fresh[3])
    assert np.array_equal(fresh, inner.encode(texts))


def test_models_do_not_share_entries(tmp_path: Path) -> None:
    one, two = Counting("model-a@1"), Counting("model-a@2")
    a = CachedEncoder(one, tmp_path).encode(["same text"])
    b = CachedEncoder(two, tmp_path).encode(["same text"])
    assert one.encoded == two.encoded == 1
    assert not np.array_equal(a, b)
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        models = sorted(row[0] for row in db.execute("SELECT model FROM embeddings"))
    assert models == ["model-a@1", "model-a@2"]


def test_a_damaged_row_that_is_not_finite_is_encoded_again(tmp_path: Path) -> None:
    """A NaN row made every later run end in a traceback when its JSON was written."""
    inner = Counting()
    fresh = CachedEncoder(inner, tmp_path).encode(["x", "y"])
    nan = np.full(8, np.nan, dtype=np.float32).tobytes()
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        db.execute("UPDATE embeddings SET vector = ?", (nan,))
    again = CachedEncoder(inner, tmp_path).encode(["x", "y"])
    assert np.array_equal(again, fresh) and inner.encoded == 4


def test_a_corrupt_cache_file_is_recreated(tmp_path: Path) -> None:
    (tmp_path / CACHE_FILE).write_bytes(b"this is not an SQLite database" * 100)
    warnings: list[str] = []
    inner = Counting()
    rows = CachedEncoder(inner, tmp_path, warn=warnings.append).encode(["x", "y"])
    assert rows.shape == (2, 8)
    assert len(warnings) == 1 and "recreated" in warnings[0]
    CachedEncoder(inner, tmp_path).encode(["x", "y"])
    assert inner.encoded == 2  # the recreated cache works


def test_an_unusable_cache_is_bypassed_with_one_warning(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    warnings: list[str] = []
    inner = Counting()
    encoder = CachedEncoder(inner, blocker / "aligner", warn=warnings.append)
    encoder.encode(["x"])
    encoder.encode(["x"])
    assert inner.encoded == 2
    assert encoder.status is not None and len(warnings) == 1
    assert "running without it" in warnings[0] and "\n" not in warnings[0]


def test_a_cache_locked_too_long_is_bypassed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    CachedEncoder(Counting(), tmp_path).encode(["x"])
    monkeypatch.setattr(cache, "_BUSY_TIMEOUT_S", 0.05)
    other = sqlite3.connect(tmp_path / CACHE_FILE, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another run holding the write lock for too long
    try:
        blocked = CachedEncoder(Counting(), tmp_path, warn=warnings.append)
        assert blocked.encode(["x", "y"]).shape == (2, 8)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert len(warnings) == 1 and "locked" in warnings[0]


def _fill(folder: str, start: int) -> int:
    encoder = CachedEncoder(Counting(), Path(folder))
    for call in range(20):
        encoder.encode([f"text {start + call * 10 + i}" for i in range(10)])
    return 0 if encoder.status is None else 1


def test_concurrent_runs_share_the_cache(tmp_path: Path) -> None:
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        failures = pool.starmap(_fill, [(str(tmp_path), 0), (str(tmp_path), 100)])
    assert failures == [0, 0]
    inner = Counting()
    CachedEncoder(inner, tmp_path).encode([f"text {i}" for i in range(300)])
    assert inner.encoded == 0


def test_cache_location_and_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "aligner"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "aligner"
    assert isinstance(open_encoder(Settings(cache_dir=tmp_path / "c")), CachedEncoder)
    assert not isinstance(open_encoder(Settings(cache=False)), CachedEncoder)


def _check(*args: str | Path) -> tuple[int, str]:
    argv = ["check", SEED_EN, SEED_KO, "-q", *args]
    result = CliRunner().invoke(main, [str(a) for a in argv])
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stderr


def test_cli_cache_dir_and_no_cache(tmp_path: Path) -> None:
    code, _ = _check("--report-dir", tmp_path / "r1", "--cache-dir", tmp_path / "c")
    assert code == 1 and (tmp_path / "c" / CACHE_FILE).is_file()
    code, _ = _check("--report-dir", tmp_path / "r2", "--cache-dir", tmp_path / "n", "--no-cache")
    assert code == 1 and not (tmp_path / "n").exists()
    name = "onchon-party-officials.txt.json"
    reports = [json.loads((tmp_path / r / name).read_text(encoding="utf-8")) for r in ("r1", "r2")]
    assert reports[0] == reports[1]


def test_cli_warns_once_and_still_checks_when_the_cache_is_unusable(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    code, stderr = _check("--report-dir", tmp_path / "r", "--cache-dir", tmp_path / "file" / "c")
    assert code == 1
    assert stderr.count("aligner: warning:") == 1 and "embedding cache" in stderr


def test_cache_settings_from_a_config_file(tmp_path: Path) -> None:
    (tmp_path / "aligner.toml").write_text('cache_dir = "my-cache"\n')
    code, _ = _check("--report-dir", tmp_path / "r")
    assert code == 1 and (tmp_path / "my-cache" / CACHE_FILE).is_file()


# ---------------------------------------------------------------- document results


def _tree(root: Path, count: int) -> tuple[Path, Path]:
    """``count`` small stories, each made distinct by its first sentence."""
    for lang in ("en", "ko"):
        story = (DATA / "clean" / lang / "budget.txt").read_text(encoding="utf-8")
        for n in range(count):
            first = f"Story {n} follows." if lang == "en" else f"{n}번 기사입니다."
            (root / lang).mkdir(parents=True, exist_ok=True)
            (root / lang / f"{n}.txt").write_text(f"{first}\n{story}", encoding="utf-8")
    return root / "en", root / "ko"


def _counting_muse() -> Counting:
    muse = load_encoder("muse-v3")
    return Counting(muse.name, inner=muse)


def test_unchanged_documents_reuse_their_results(tmp_path: Path) -> None:
    en, ko = _tree(tmp_path / "corpus", 3)
    inner = _counting_muse()
    settings = Settings(cache_dir=tmp_path / "cache", jobs=1)

    def run(settings: Settings = settings) -> list[str]:
        encoder = CachedEncoder(inner, tmp_path / "cache")
        inner.calls.clear()
        check_paths(en, ko, settings=settings, encoder=encoder)
        encoder.close()
        return [text for call in inner.calls for text in call]

    first = run()
    assert run() == []  # nothing encoded, nothing aligned again
    edited = (en / "1.txt").read_text(encoding="utf-8").replace("follows", "was edited")
    (en / "1.txt").write_text(edited, encoding="utf-8")
    encoded = run()  # the new sentence, and windows of sentences around it
    assert encoded and all("Story 1 was edited." in text for text in encoded)
    assert first and run(dataclasses.replace(settings, fail_on="warning")) == []
    assert run(dataclasses.replace(settings, report_dir=tmp_path / "elsewhere")) == []


def test_results_depend_on_files_settings_and_glossary(tmp_path: Path) -> None:
    en, ko = _tree(tmp_path / "corpus", 1)
    pair = DocumentPair("0.txt", en / "0.txt", ko / "0.txt")
    glossary = tmp_path / "glossary.csv"
    glossary.write_text("en,ko\ncouncil,의회\n", encoding="utf-8")
    base = Settings(glossary=glossary)
    key = result_key(pair, base, "m@1")
    assert key == result_key(pair, base, "m@1")
    assert key != result_key(pair, base, "m@2")
    assert key != result_key(pair, dataclasses.replace(base, min_score=0.5), "m@1")
    assert key == result_key(pair, dataclasses.replace(base, jobs=3, cache=False), "m@1")
    glossary.write_text("en,ko\ncouncil,시의회\n", encoding="utf-8")
    assert key != result_key(pair, base, "m@1")
    assert result_key(DocumentPair("x", en / "missing.txt", ko / "0.txt"), base, "m") is None


def test_a_result_survives_the_round_trip_exactly(tmp_path: Path) -> None:
    settings = Settings(cache_dir=tmp_path / "cache", jobs=1)
    run = check_paths(SEED_EN, SEED_KO, settings=settings)
    encoder = CachedEncoder(Counting(), tmp_path / "other")
    encoder.save_result(b"k", run.documents[0])
    assert encoder.load_result(b"k") == run.documents[0]
    assert encoder.load_result(b"nothing") is None
    # spans take no part in a flag's equality: compared apart, with every other field
    spans = (Span("src", 0, 0, 3), Span("tgt", 1, 2, 5))
    flag = Flag("number_mismatch", Severity.ERROR, (0,), (1,), "3 vs 4", spans=spans)
    spanned = dataclasses.replace(run.documents[0], flags=(flag,))
    encoder.save_result(b"s", spanned)
    assert repr(encoder.load_result(b"s")) == repr(spanned)


def test_worker_processes_give_the_same_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    en, ko = _tree(tmp_path / "corpus", 3)
    monkeypatch.setattr(batch, "POOL_MIN_PAIRS", 2)
    alone = check_paths(en, ko, settings=Settings(cache=False, jobs=1))
    seen: list[str] = []
    pooled = check_paths(
        en,
        ko,
        settings=Settings(cache_dir=tmp_path / "cache", jobs=2),
        progress=lambda pair: seen.append(pair.name),
    )
    assert _outline(pooled) == _outline(alone)
    assert seen == ["0.txt", "1.txt", "2.txt"]
    inner = _counting_muse()
    again = check_paths(
        en, ko, settings=Settings(jobs=2), encoder=CachedEncoder(inner, tmp_path / "cache")
    )
    assert again.documents == pooled.documents and inner.encoded == 0  # stored by workers


def _outline(run: RunResult) -> list[tuple[object, ...]]:
    """What a run found, with similarities to 4 decimals: BLAS sums in another order
    with one thread (workers) than with two, which moves the last float bits."""
    return [
        (
            d.pair,
            [(b.src, b.tgt, round(b.similarity, 4)) for b in d.beads],
            [(f.type, f.src, f.tgt) for f in d.flags],
            round(d.score, 4),
            d.passed,
        )
        for d in run.documents
    ]
