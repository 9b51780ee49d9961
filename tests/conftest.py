"""Shared fixtures: repository paths, and isolation from the developer's config."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_EN = ROOT / "corpora" / "en"
SEED_KO = ROOT / "corpora" / "ko"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test from an empty folder so no aligner.toml or pyproject leaks in."""
    (tmp_path / "aligner.toml").write_text("")
    monkeypatch.chdir(tmp_path)
