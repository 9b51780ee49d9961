"""Shared fixtures: repository paths, and isolation from the developer's config."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_EN = ROOT / "corpora" / "en"
SEED_KO = ROOT / "corpora" / "ko"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the embedding cache of every test (module fixtures too) out of ~/.cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test from an empty folder so no aligner.toml or pyproject leaks in."""
    (tmp_path / "aligner.toml").write_text("")
    monkeypatch.chdir(tmp_path)
