"""Many claims at once (`verify -`): on every core once the stream is long, answers in input order.

The first SERIAL_CLAIMS claims are verified in this process: a short batch should not pay for
starting workers (~0.3 s each, to import and open the index). When more keep coming, worker
processes - each with its own read-only handle on the index - take them in tasks of up to
TASK_CLAIMS (only claims already read: a task never waits to be filled), at most IN_FLIGHT
tasks per worker, and each answer is yielded as soon as it and every one before it are done.

A thread reads the input, so a slow producer (`tail -f claims.txt | factcheck verify -`) gets
each answer as soon as it is ready: the loop never sits waiting for more input while an
answer is done. Verifying is a pure function of the index and the claim, so the answers are
the ones a single process gives, in the same order.
"""

from __future__ import annotations

import os
import queue
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .pipeline import Options, verify
from .store import Store, open_index

if TYPE_CHECKING:
    from concurrent.futures import Future

    from .models import Verdict

SERIAL_CLAIMS = 64  # claims answered in-process before workers start (their start-up is ~0.3 s)
TASK_CLAIMS = 8  # claims sent to a worker at once (fewer round trips), if they are there already
IN_FLIGHT = 4  # tasks queued per worker: keeps each busy, bounds memory
MAX_WORKERS = 8
_EOF = object()

_worker_store: Store | None = None
_worker_options: Options | None = None


def default_jobs() -> int:
    """Return how many worker processes a long batch uses: the cores there are (at most MAX_WORKERS)."""
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def verify_stream(store: Store, index_path: str, claims: Iterable[str], options: Options | None = None,
                  jobs: int | None = None, serial_claims: int = SERIAL_CLAIMS) -> Iterator[Verdict]:
    """Yield a verdict per claim, in input order; long streams are shared among `jobs` processes."""
    options = options or Options()
    jobs = default_jobs() if jobs is None else jobs
    source = iter(claims)
    for n, text in enumerate(source):
        yield verify(store, text, options)
        if n + 1 >= serial_claims and jobs > 1:
            break
    else:
        return
    yield from _parallel(store, index_path, source, options, jobs)


def _parallel(store: Store, index_path: str, source: Iterator[str], options: Options, jobs: int) -> Iterator[Verdict]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    lines: queue.Queue[object] = queue.Queue(maxsize=jobs * IN_FLIGHT * TASK_CLAIMS)
    threading.Thread(target=_read_into, args=(source, lines), daemon=True).start()
    pending: deque[tuple[Future[list[Verdict]], list[str]]] = deque()
    leftover: list[str] = []
    unsent: list[str] = []  # a task being handed over when the pool broke
    ended = broke = False
    # "spawn": the parent holds SQLite and search-engine handles (and threads) a fork would copy.
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_start_worker, initargs=(index_path, options)) as pool:
        try:
            while not ended or pending:
                while pending and pending[0][0].done():
                    yield from _oldest(pending)
                if ended or len(pending) >= jobs * IN_FLIGHT:
                    if pending:
                        yield from _oldest(pending)
                    continue
                try:
                    item = lines.get(timeout=0.02 if pending else None)
                except queue.Empty:
                    continue
                task: list[str] = []
                while item is not _EOF:
                    assert isinstance(item, str)
                    task.append(item)
                    if len(task) == TASK_CLAIMS:
                        break
                    try:
                        item = lines.get_nowait()  # only what is already there: never wait to fill a task
                    except queue.Empty:
                        break
                ended = item is _EOF
                if task:
                    unsent = task
                    pending.append((pool.submit(_verify_in_worker, task), task))
                    unsent = []
        except BrokenProcessPool:
            # Workers could not start (e.g. a main module that cannot be imported again): the
            # claims not answered yet are answered here, in order.
            broke = True
            leftover = [text for _, task in pending for text in task] + unsent
    for text in leftover:
        yield verify(store, text, options)
    if broke and not ended:
        while (item := lines.get()) is not _EOF:
            assert isinstance(item, str)
            yield verify(store, item, options)


def _oldest(pending: deque[tuple[Future[list[Verdict]], list[str]]]) -> list[Verdict]:
    """Return the answers of the oldest task, and only then drop it (a broken pool leaves it queued)."""
    answers = pending[0][0].result()
    pending.popleft()
    return answers


def _read_into(source: Iterator[str], lines: queue.Queue[object]) -> None:
    try:
        for text in source:
            lines.put(text)
    finally:
        lines.put(_EOF)


def _start_worker(index_path: str, options: Options) -> None:
    global _worker_store, _worker_options
    _worker_store = open_index(index_path)
    _worker_options = options


def _verify_in_worker(texts: list[str]) -> list[Verdict]:
    assert _worker_store is not None
    return [verify(_worker_store, text, _worker_options) for text in texts]
