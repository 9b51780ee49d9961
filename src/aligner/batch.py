"""Checking many document pairs: cached results first, the rest in worker processes.

A pair whose result is in the cache (same files, settings, model and aligner
code; see :func:`aligner.embed.cache.result_key`) costs a file read and a
lookup. The others are checked in this process or, when there are at least
``POOL_MIN_PAIRS`` of them, in ``jobs`` worker processes with one BLAS thread
each: alignment, QA and tokenisation are single-threaded Python, so two
processes keep two cores busy where one process with two BLAS threads leaves one
idle half the time (and BLAS threads that spin-wait slow down badly when the
machine is shared). Results come back in pair order; each worker has its own
connection to the cache.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from aligner.config import Settings
from aligner.embed.base import Encoder
from aligner.embed.cache import CachedEncoder, result_key
from aligner.models import DocumentPair, DocumentResult, InputProblem

Outcome = DocumentResult | tuple[InputProblem, ...]  # a result, or why its files are unusable
CheckOne = Callable[[DocumentPair, Encoder, Settings], Outcome]
OpenEncoder = Callable[..., Encoder]

# Below this many documents to encode, starting workers (imports and model load,
# about 2 s each) costs more than it saves.
POOL_MIN_PAIRS = 8


def check_pairs(
    pairs: Sequence[DocumentPair],
    *,
    check_one: CheckOne,
    encoder: Encoder,
    settings: Settings,
    jobs: int,
    open_encoder: OpenEncoder | None = None,
    progress: Callable[[DocumentPair], None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> list[Outcome]:
    """Check ``pairs`` (in order), reusing cached results.

    Args:
        pairs: the document pairs.
        check_one: checks one pair with an encoder (a module-level function, so
            that worker processes can be handed it).
        encoder: the encoder of this process; a :class:`CachedEncoder` also
            stores and reuses document results.
        settings: the run's settings.
        jobs: worker processes (0: one per core; 1: none).
        open_encoder: ``open_encoder(settings, threads=1)`` makes a worker's
            encoder; without it, no workers are used.
        progress: called with each pair when it is checked (or found in the cache).
        warn: hears trouble that workers report (e.g. an unusable cache), once.
    """
    store = encoder if isinstance(encoder, CachedEncoder) else None
    outcomes: list[Outcome | None] = [None] * len(pairs)
    todo: list[int] = []
    for i, pair in enumerate(pairs):
        key = result_key(pair, settings, encoder.name) if store else None
        outcomes[i] = store.load_result(key) if store and key else None
        if outcomes[i] is None:
            todo.append(i)
        elif progress:
            progress(pair)
    workers = min(jobs or os.cpu_count() or 1, len(todo))
    # a daemon process (a worker of a job queue or a web server) may not have children
    pooled = open_encoder is not None and not multiprocessing.current_process().daemon
    if pooled and workers > 1 and len(todo) >= POOL_MIN_PAIRS:
        assert open_encoder is not None
        results = _pooled(
            [pairs[i] for i in todo], check_one, encoder, open_encoder, settings, workers, warn
        )
    else:
        results = _here([pairs[i] for i in todo], check_one, encoder, settings)
    told: set[str] = set()
    for i, (outcome, status) in zip(todo, results, strict=True):
        if progress:
            progress(pairs[i])
        if status and warn and status not in told:
            told.add(status)
            warn(status)
        outcomes[i] = outcome
    return [o for o in outcomes if o is not None]


def _check_and_store(
    pair: DocumentPair, check_one: CheckOne, encoder: Encoder, settings: Settings
) -> tuple[Outcome, str | None]:
    store = encoder if isinstance(encoder, CachedEncoder) else None
    # the key is taken before checking, from the bytes that are about to be read
    key = result_key(pair, settings, encoder.name) if store else None
    outcome = check_one(pair, encoder, settings)
    if store and key and isinstance(outcome, DocumentResult):
        store.save_result(key, outcome)
    return outcome, None


def _here(
    pairs: Sequence[DocumentPair], check_one: CheckOne, encoder: Encoder, settings: Settings
) -> Iterator[tuple[Outcome, str | None]]:
    for pair in pairs:
        yield _check_and_store(pair, check_one, encoder, settings)


def _pooled(
    pairs: Sequence[DocumentPair],
    check_one: CheckOne,
    encoder: Encoder,
    open_encoder: OpenEncoder,
    settings: Settings,
    workers: int,
    warn: Callable[[str], None] | None,
) -> Iterator[tuple[Outcome, str | None]]:
    """The pairs checked in worker processes; if the workers die, the pairs they had
    not finished are checked here."""
    # the workers load their own model; this one's weights would only sit in memory
    # (reloaded should the workers die)
    release = getattr(getattr(encoder, "inner", encoder), "release", None)
    if release is not None:
        release()
    told, finished = False, False
    for pair, result in zip(
        pairs, _in_workers(pairs, check_one, open_encoder, settings, workers), strict=True
    ):
        if result is None:
            if not told and warn is not None:
                warn(
                    "a worker process died (killed, or out of memory?); checking the rest in "
                    "this process"
                    if finished
                    else "worker processes stopped as they started (a script that calls "
                    'aligner must guard its top level with `if __name__ == "__main__":`, '
                    "as they import it); checking in this process"
                )
            told = True
            yield from _here([pair], check_one, encoder, settings)
        else:
            finished = True
            yield result


def _in_workers(
    pairs: Sequence[DocumentPair],
    check_one: CheckOne,
    open_encoder: OpenEncoder,
    settings: Settings,
    workers: int,
) -> Iterator[tuple[Outcome, str | None] | None]:
    """Each pair's outcome from a worker, in order; None for those lost when the
    workers died."""
    # spawn, not fork: the parent may hold BLAS threads and an SQLite connection
    context = multiprocessing.get_context("spawn")
    # unlike multiprocessing.Pool, the executor does not replace workers that die
    # while they start (an unguarded script that calls aligner), it reports them
    executor = ProcessPoolExecutor(
        workers, context, initializer=_start_worker, initargs=(check_one, open_encoder, settings)
    )
    # submitted one by one, not with map(), which cancels the pending documents when
    # left early: that races with the executor failing them once the workers are
    # stopped, and its thread prints a traceback
    futures = [executor.submit(_work, pair) for pair in pairs]
    finished = False
    try:
        for future in futures:
            try:
                yield future.result()
            except BrokenProcessPool:
                yield None
        finished = True
    finally:
        if not finished:  # Ctrl-C, an error: stop the document each worker is on
            # (the executor has no public way to; Python 3.14 adds terminate_workers)
            for process in list(getattr(executor, "_processes", {}).values()):
                process.terminate()
        executor.shutdown(wait=True)


def stop_if_importing_for_a_worker() -> None:
    """Exit quietly when this process is a worker still importing the caller's main
    script: the script called aligner at its top level (no ``__main__`` guard), and
    the parent, told by the dead workers, checks everything itself."""
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        sys.exit(1)


_WORKER: dict[str, Any] = {}


def _start_worker(check_one: CheckOne, open_encoder: OpenEncoder, settings: Settings) -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER.update(check_one=check_one, settings=settings)
    try:
        from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

        threadpool_limits(1)  # the DP's matrix products too, not only the encoder's
    except Exception:  # pragma: no cover - optional: only a speed matter
        pass
    try:
        _WORKER["encoder"] = open_encoder(settings, threads=1)
    except BaseException as exc:  # noqa: B036 - a failing initializer makes Pool respawn forever
        _WORKER["error"] = exc


def _work(pair: DocumentPair) -> tuple[Outcome, str | None]:
    if "error" in _WORKER:
        raise _WORKER["error"]
    encoder = _WORKER["encoder"]
    outcome, _ = _check_and_store(pair, _WORKER["check_one"], encoder, _WORKER["settings"])
    status = encoder.status if isinstance(encoder, CachedEncoder) else None
    return outcome, status
