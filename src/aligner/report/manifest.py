"""What each report file holds, so a re-run rewrites only the document reports that
change and can remove those an earlier run wrote and this one did not.

A warm run over a large tree finds almost every result in the cache, and then
spent most of its time rendering the same pages again. The report folder keeps
``.aligner-reports.json``: per report file aligner wrote there, the digest of the
result it was written from (see :func:`aligner.embed.cache.result_digest`; empty
for the run's own files, always written) and the file's size and modification
time, so a report edited or deleted by hand is written again, and a file edited
since is never taken for aligner's; and, once a run has pruned the folder, a key of
the inputs of the last run that wrote the file, so that only a run of the same
corpus removes it.

Two runs may write into one folder at once (a CI job and a desk's run of the same
corpus). Each updates the manifest as it is on disk, under an exclusive advisory
lock on ``.aligner-reports.lock`` held while it reads, updates and writes the
manifest and removes the stale files: otherwise a run would write back what it
read before the other's update, losing the other's entries (whose files no run
would then remove) or removing files by entries the other had just replaced.
Where there is no ``fcntl`` (Windows), runs take no lock.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Collection, Iterator
from pathlib import Path, PurePosixPath

from aligner.io import write_atomic

try:
    import fcntl

    _LOCKS = True
except ImportError:  # Windows
    _LOCKS = False

MANIFEST_NAME = ".aligner-reports.json"
LOCK_NAME = ".aligner-reports.lock"


class ReportManifest:
    """The manifest of the report folder ``root`` (empty if missing or unreadable)."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._entries = self._read()
        self._recorded: dict[str, list[object]] = {}

    def is_current(self, path: Path, digest: str) -> bool:
        """Whether ``path`` holds what was written for ``digest``, untouched since."""
        entry = self._entries.get(self._name(path))
        return isinstance(entry, list) and entry[:3] == [digest, *self._stat(path)]

    def record(self, path: Path, digest: str) -> None:
        """Note that ``path`` was just written from the result with ``digest``."""
        name = self._name(path)
        self._entries[name] = self._recorded[name] = [digest, *self._stat(path)]

    def prune(self, keep: Collection[Path], inputs: str) -> list[Path]:
        """Remove the files recorded here and not in ``keep`` that a run of the same
        ``inputs`` (a key of the corpus checked) kept before and that are as aligner
        wrote them, and the folders that leaves empty; forget every such entry (a file
        edited or replaced since is no longer aligner's, and stays). The files of a run
        of other inputs (one story of the corpus checked on its own) are not this run's
        to judge. Reads the manifest again and writes it, under the folder's lock.
        Returns the files removed.
        """
        if not self._recorded and not (self._root / MANIFEST_NAME).exists():
            return []
        with self._locked():
            self._entries = {**self._read(), **self._recorded}
            self._recorded = {}
            if not self._entries:
                return []
            removed = self._prune(keep, inputs)
            self._write()
        return removed

    def _prune(self, keep: Collection[Path], inputs: str) -> list[Path]:
        kept = {self._name(path) for path in keep}
        removed = []
        for name, entry in sorted(self._entries.items()):
            if name in kept:
                self._entries[name] = [*entry[:3], inputs]
            elif not (isinstance(entry, list) and self._holds(name)):
                del self._entries[name]  # from the file, so from anyone: no report here
            elif entry[3:] == [inputs]:
                path = self._root / name
                if self._untouched(path, entry):
                    try:
                        path.unlink()
                    except OSError:
                        continue  # left for a later run to remove
                    removed.append(path)
                    self._remove_empty_folders(path.parent)
                del self._entries[name]
        return removed

    def save(self) -> None:
        """Add the reports recorded to the manifest as it is now (another run's
        entries kept), under the folder's lock."""
        if not self._recorded:
            return
        with self._locked():
            self._entries = {**self._read(), **self._recorded}
            self._write()
        self._recorded = {}

    def _read(self) -> dict[str, list[object]]:
        try:
            entries = json.loads((self._root / MANIFEST_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return entries if isinstance(entries, dict) else {}

    def _write(self) -> None:
        write_atomic(self._root / MANIFEST_NAME, json.dumps(self._entries, sort_keys=True))

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the folder's lock: another run's read-update-write waits for ours."""
        if not _LOCKS:
            yield
            return
        # read-only: another user's lock file in a shared folder locks as well
        lock = os.open(self._root / LOCK_NAME, os.O_RDONLY | os.O_CREAT, 0o666)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield
        finally:
            os.close(lock)  # and the lock with it

    def _name(self, path: Path) -> str:
        return path.relative_to(self._root).as_posix()

    def _holds(self, name: str) -> bool:
        """Whether ``name`` (from the file, so from anyone) is a report inside the folder."""
        parts = PurePosixPath(name).parts
        if not parts or name in (MANIFEST_NAME, LOCK_NAME) or PurePosixPath(name).is_absolute():
            return False
        return ".." not in parts and (self._root / name).resolve().is_relative_to(
            self._root.resolve()
        )

    @staticmethod
    def _untouched(path: Path, entry: object) -> bool:
        """Whether ``path`` is the regular file ``entry`` recorded, same size and time."""
        try:
            found = os.lstat(path)
        except OSError:
            return False
        recorded = entry[1:3] if isinstance(entry, list) else None
        return stat.S_ISREG(found.st_mode) and recorded == [found.st_size, found.st_mtime_ns]

    def _remove_empty_folders(self, folder: Path) -> None:
        while folder != self._root and folder.is_relative_to(self._root):
            try:
                folder.rmdir()  # only an empty folder
            except OSError:
                return
            folder = folder.parent

    @staticmethod
    def _stat(path: Path) -> list[int]:
        try:
            stat = path.stat()
        except OSError:
            return [-1, -1]
        return [stat.st_size, stat.st_mtime_ns]
