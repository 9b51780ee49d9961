"""An on-disk embedding cache: :class:`CachedEncoder` wraps any :class:`Encoder`.

Vectors are stored in one SQLite file, keyed by the model id (name and
version, e.g. ``muse-v3@0.2.1``) and the SHA-256 of the text, as float32 blobs,
so a re-run after editing one story only encodes what changed. WAL mode and a
busy timeout let concurrent runs share the file. The cache never fails a run: a
corrupt file is recreated, and a cache that cannot be opened or written (read-only
folder, full disk, a lock held too long) is bypassed after one warning, passed to
the ``warn`` callback (the core never prints).

The same file keeps each document's result (as compressed JSON, never pickle),
keyed by :func:`result_key`: both files' bytes, the model, every setting that can
change a result (and the contents of files that settings name, e.g. a glossary)
and a fingerprint of the aligner package itself, so a result is reused only when
nothing it depends on has changed.

Example:
    >>> from aligner.embed import load_encoder
    >>> encoder = CachedEncoder(load_encoder("muse-v3"), default_cache_dir())  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import sqlite3
import stat
import threading
import types
import typing
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Any

import numpy as np

import aligner
from aligner.config import Settings
from aligner.embed.base import Encoder, Matrix
from aligner.io import MAX_BYTES
from aligner.models import DocumentPair, DocumentResult

CACHE_FILE = "embeddings.sqlite3"
SCHEMA_VERSION = 3
# Settings that decide where a run writes or how fast it runs, never what it finds.
RUN_ONLY_SETTINGS = frozenset({"report_dir", "formats", "cache", "cache_dir", "jobs"})
# SQLite builds older than 3.32 allow at most 999 parameters per statement.
_LOOKUP_CHUNK = 500
# How long a run waits for another run's write lock before it stops caching.
_BUSY_TIMEOUT_S = 10.0


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/aligner``, else ``~/.cache/aligner``."""
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "aligner"


def text_key(text: str) -> bytes:
    """The cache key of a text: SHA-256 of its UTF-8 bytes (surrogates escaped)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class CachedEncoder:
    """An encoder that looks texts up in an SQLite cache before encoding them.

    Args:
        inner: the encoder that computes missing vectors; its ``name`` is the model id.
        cache_dir: folder of the cache file (created if missing).
        warn: called once, with a one-line message, if the cache has to be bypassed.

    Attributes:
        status: ``None`` while the cache works, else why it is bypassed.
        hits, misses: texts found in and added to the cache so far.
    """

    def __init__(
        self,
        inner: Encoder,
        cache_dir: Path,
        *,
        warn: Callable[[str], None] | None = None,
    ) -> None:
        self.inner = inner
        self.name = inner.name
        self.path = cache_dir / CACHE_FILE
        self.status: str | None = None
        self.hits = 0
        self.misses = 0
        self._warn = warn
        # one connection shared by the threads that use this encoder (a web server's),
        # one statement at a time
        self._lock = threading.RLock()
        self._db: sqlite3.Connection | None = None
        self._db = self._open()

    def encode(self, texts: Sequence[str]) -> Matrix:
        """Rows for ``texts`` in order: cached ones read back, the others encoded and stored."""
        if self._db is None or not texts:
            return self.inner.encode(texts)
        keys = [text_key(t) for t in texts]
        found = self._lookup(sorted(set(keys)))
        todo = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in found}.items())
        if todo:
            fresh = self.inner.encode([t for _, t in todo])
            new = {k: fresh[i] for i, (k, _) in enumerate(todo)}
            self._store(new)
            found.update(new)
        with self._lock:
            self.hits += len(keys) - len(todo)
            self.misses += len(todo)
        return np.stack([found[k] for k in keys]).astype(np.float32, copy=False)

    def load_result(self, key: bytes) -> DocumentResult | None:
        """A document result stored under ``key`` (see :func:`result_key`), if any."""
        with self._lock:
            if self._db is None:
                return None
            try:
                row = self._db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
            except sqlite3.Error as exc:
                self._failed("read", exc)
                return None
        if row is None:
            return None
        try:
            result: DocumentResult = _decode(DocumentResult, json.loads(zlib.decompress(row[0])))
        except Exception:  # a damaged or foreign row: recompute the document
            return None
        return result

    def save_result(self, key: bytes, result: DocumentResult) -> None:
        # "surrogatepass": a path keeps the bytes of a file name that is not UTF-8
        # (read back by json.loads); the result must name the very same file
        data = json.dumps(_encode(result), ensure_ascii=False).encode("utf-8", "surrogatepass")
        value = zlib.compress(data, 1)
        with self._lock:
            try:
                if self._db is not None:
                    with _transaction(self._db):
                        self._db.execute(
                            "INSERT OR REPLACE INTO results VALUES (?, ?)", (key, value)
                        )
            except sqlite3.Error as exc:
                self._failed("write", exc)

    def close(self) -> None:
        with self._lock:
            db, self._db = self._db, None
            if db is not None:
                try:
                    db.close()
                except sqlite3.Error:  # closing is giving up on it anyway
                    pass

    # ------------------------------------------------------------ storage

    def _open(self) -> sqlite3.Connection | None:
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            if _is_corrupt(exc):
                return self._recreate(exc)
            self._disable(f"cannot open the embedding cache {self.path} ({exc})")
        except OSError as exc:
            self._disable(f"cannot create the embedding cache {self.path} ({exc})")
        return None

    def _recreate(self, exc: sqlite3.DatabaseError) -> sqlite3.Connection | None:
        """Replace a damaged file (e.g. from a run killed while the disk was full)."""
        self.close()
        try:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            db = self._connect()
        except (OSError, sqlite3.Error) as again:
            self._disable(f"the embedding cache {self.path} is damaged ({again})")
            return None
        self._tell(f"the embedding cache {self.path} was damaged ({exc}) and has been recreated")
        return db

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(
            self.path, timeout=_BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        try:
            db.execute("PRAGMA journal_mode=WAL")
            # A crash may lose the last batch of vectors, never corrupt the file.
            db.execute("PRAGMA synchronous=NORMAL")
            if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                with _transaction(db):
                    db.execute("DROP TABLE IF EXISTS embeddings")
                    db.execute("DROP TABLE IF EXISTS results")
                    # a rowid table: 2 KB rows in a WITHOUT ROWID table (the key's
                    # B-tree) made each document's lookup and insert 3x slower
                    db.execute(
                        "CREATE TABLE embeddings (model TEXT NOT NULL, key BLOB NOT NULL, "
                        "vector BLOB NOT NULL, UNIQUE (model, key))"
                    )
                    db.execute("CREATE TABLE results (key BLOB PRIMARY KEY, value BLOB NOT NULL)")
                    db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            db.execute("SELECT 1 FROM embeddings, results LIMIT 1").fetchall()
        except BaseException:
            db.close()
            raise
        return db

    def _lookup(self, keys: Sequence[bytes]) -> dict[bytes, Matrix]:
        found: dict[bytes, bytes] = {}
        with self._lock:
            try:
                for start in range(0, len(keys), _LOOKUP_CHUNK):
                    if self._db is None:  # another thread gave up on the cache
                        return {}
                    chunk = keys[start : start + _LOOKUP_CHUNK]
                    found.update(
                        self._db.execute(
                            "SELECT key, vector FROM embeddings WHERE model = ? AND key IN "
                            f"({','.join('?' * len(chunk))})",
                            (self.name, *chunk),
                        ).fetchall()
                    )
            except sqlite3.Error as exc:
                self._failed("read", exc)
                return {}
        # Rows of another size than most, or not finite (a damaged page), are recomputed.
        sizes = [len(blob) for blob in found.values()]
        size = max(set(sizes), key=sizes.count, default=0)
        rows = {
            key: np.frombuffer(blob, dtype=np.float32)
            for key, blob in found.items()
            if len(blob) == size and size % 4 == 0
        }
        return {key: row for key, row in rows.items() if np.isfinite(row).all()}

    def _store(self, vectors: dict[bytes, Matrix]) -> None:
        rows = [
            (self.name, key, np.ascontiguousarray(v, dtype=np.float32).tobytes())
            for key, v in vectors.items()
        ]
        with self._lock:
            try:
                if self._db is not None:
                    with _transaction(self._db):
                        self._db.executemany(
                            "INSERT OR IGNORE INTO embeddings VALUES (?, ?, ?)", rows
                        )
            except sqlite3.Error as exc:
                self._failed("write", exc)

    def _failed(self, action: str, exc: sqlite3.Error) -> None:
        if isinstance(exc, sqlite3.DatabaseError) and _is_corrupt(exc):
            self._db = self._recreate(exc)
        else:
            self._disable(f"cannot {action} the embedding cache {self.path} ({exc})")

    def _disable(self, reason: str) -> None:
        """Run uncached from now on, and say so once."""
        self.close()
        self.status = f"{reason}; running without it (--no-cache turns it off)"
        self._tell(self.status)

    def _tell(self, message: str) -> None:
        if self._warn is not None:
            self._warn(message)
            self._warn = None  # once per run is enough


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    # BEGIN IMMEDIATE takes the write lock up front, so two runs never deadlock
    # upgrading read locks; the busy timeout makes the second one wait its turn.
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _is_corrupt(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return any(
        sign in text for sign in ("not a database", "malformed", "corrupt", "file is encrypted")
    )


# ---------------------------------------------------------------- document results


def result_key(pair: DocumentPair, settings: Settings, model: str) -> bytes | None:
    """The cache key of a pair's result, or None if a file cannot be read, is no
    regular file or is over the size limit (reading it is then left to the checks
    that say so: a named pipe would block here, an 8 GiB file fill the memory)."""
    digest = hashlib.sha256(_package_fingerprint())
    values = {
        f.name: getattr(settings, f.name)
        for f in dataclasses.fields(settings)
        if f.name not in RUN_ONLY_SETTINGS
    }
    digest.update(json.dumps([model, _encode(values)], sort_keys=True).encode())
    settings_files = [v for v in values.values() if isinstance(v, Path) and v.is_file()]
    try:
        for path in settings_files:
            digest.update(text_key(str(path)) + _file_digest(path, None))
        for path in (pair.src_path, pair.tgt_path):
            digest.update(text_key(str(path)) + _file_digest(path, MAX_BYTES))
    except (OSError, ValueError):
        return None
    return text_key(pair.name) + digest.digest()


def _file_digest(path: Path, max_bytes: int | None) -> bytes:
    """SHA-256 of a regular file's bytes, read in chunks.

    Raises:
        ValueError: not a regular file, or over ``max_bytes``.
    """
    info = path.stat()  # before opening: opening a named pipe blocks
    if not stat.S_ISREG(info.st_mode) or (max_bytes is not None and info.st_size > max_bytes):
        raise ValueError(path)
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").digest()


def result_digest(result: DocumentResult, signature: str) -> str:
    """A digest of everything in ``result`` and of the code that reports it.

    Taken over the result's ``repr``, which shows every field's value (the
    models are dataclasses without hidden fields) and, unlike a pickle, does not
    depend on which objects are shared: a result read back from the cache and
    the same result computed afresh agree. Twice as fast as its JSON.
    """
    digest = hashlib.sha256(_package_fingerprint() + signature.encode())
    digest.update(repr(result).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@functools.cache
def _package_fingerprint() -> bytes:
    """SHA-256 over the aligner package's files: any code change invalidates results."""
    digest = hashlib.sha256(aligner.__version__.encode())
    root = Path(aligner.__file__).parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()


def _encode(value: Any) -> Any:
    """Dataclasses, tuples, paths, enums and sets as JSON values (sets sorted)."""
    kind: Any = type(value)  # mypy: type[Any] is hashable at run time
    return _encoder(kind)(value)


@functools.cache
def _encoder(kind: Any) -> Callable[[Any], Any]:
    """The JSON conversion of one type, found once (a result holds thousands of
    sentences, and type tests per value cost more than the conversion)."""
    if dataclasses.is_dataclass(kind):
        names = [f.name for f in dataclasses.fields(kind)]
        return lambda value: {name: _encode(getattr(value, name)) for name in names}
    if issubclass(kind, Enum):
        return lambda value: value.value
    if issubclass(kind, Path):
        return str
    if issubclass(kind, (set, frozenset)):
        return lambda value: sorted(_encode(v) for v in value)
    if issubclass(kind, (tuple, list)):
        return lambda value: [_encode(v) for v in value]
    if issubclass(kind, dict):
        return lambda value: {str(k): _encode(v) for k, v in sorted(value.items())}
    return lambda value: value


def _decode(kind: Any, data: Any) -> Any:
    """The inverse of :func:`_encode`, guided by the type annotations."""
    return _decoder(kind)(data)


@functools.cache
def _decoder(kind: Any) -> Callable[[Any], Any]:
    """A function that rebuilds a ``kind`` from its JSON value (built once per type:
    resolving annotations is far slower than decoding)."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = typing.get_type_hints(kind)
        parts = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(kind) if f.init]
        return lambda data: kind(**{name: part(data[name]) for name, part in parts})
    if origin in (types.UnionType, typing.Union):
        inner = _decoder(next(a for a in args if a is not type(None)))
        return lambda data: None if data is None else inner(data)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        return lambda data: tuple(map(item, data))
    if origin is tuple:
        items = [_decoder(a) for a in args]
        return lambda data: tuple(f(v) for f, v in zip(items, data, strict=True))
    if origin in (list, set, frozenset):
        item = _decoder(args[0])
        return lambda data: origin(map(item, data))
    if origin is dict:
        key, value = _decoder(args[0]), _decoder(args[1])
        return lambda data: {key(k): value(v) for k, v in data.items()}
    if isinstance(kind, type) and issubclass(kind, (Enum, Path, float)):
        return kind
    return lambda data: data
