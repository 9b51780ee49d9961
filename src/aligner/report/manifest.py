"""What each per-document report holds, so a re-run rewrites only those that change.

A warm run over a large tree finds almost every result in the cache, and then
spent most of its time rendering the same pages again. The report folder keeps
``.aligner-reports.json``: per report file, the digest of the result it was
written from (see :func:`aligner.embed.cache.result_digest`) and the file's size
and modification time, so a report edited or deleted by hand is written again.
"""

from __future__ import annotations

import json
from pathlib import Path

from aligner.io import write_atomic

MANIFEST_NAME = ".aligner-reports.json"


class ReportManifest:
    """The manifest of the report folder ``root`` (empty if missing or unreadable)."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._entries: dict[str, list[object]] = {}
        self._changed = False
        try:
            entries = json.loads((root / MANIFEST_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(entries, dict):
            self._entries = entries

    def is_current(self, path: Path, digest: str) -> bool:
        """Whether ``path`` holds what was written for ``digest``, untouched since."""
        entry = self._entries.get(self._name(path))
        return entry is not None and entry == [digest, *self._stat(path)]

    def record(self, path: Path, digest: str) -> None:
        """Note that ``path`` was just written from the result with ``digest``."""
        self._entries[self._name(path)] = [digest, *self._stat(path)]
        self._changed = True

    def save(self) -> None:
        """Write the manifest if a report was recorded."""
        if self._changed:
            write_atomic(self._root / MANIFEST_NAME, json.dumps(self._entries, sort_keys=True))

    def _name(self, path: Path) -> str:
        return path.relative_to(self._root).as_posix()

    @staticmethod
    def _stat(path: Path) -> list[int]:
        try:
            stat = path.stat()
        except OSError:
            return [-1, -1]
        return [stat.st_size, stat.st_mtime_ns]
