"""Per-file work on several cores, results in input order (lint and validate; SPEC §8).

:func:`ordered_map` runs ``work(item)`` for every item and yields the results in the order of the
items, whatever the number of processes, so a command's output is the same with ``--jobs 1`` and
``--jobs N``. Items that ``lookup`` already answers (the lint cache) are never sent to a worker.

A process pool costs a start-up (fork, a pipe per worker, pickling the results back), so it is
used only when enough items are actually left to compute: at least ``threshold`` misses among the
next ``window`` items. Smaller batches, and warm cache runs, stay in this process. The number of
items held at any time is bounded by the window: memory does not grow with the batch.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Estimate for lint on a 2-core machine: starting a fork pool of 2 and shipping results back costs
# about as much as linting 6-12 plans (4 ms each on a quiet machine), so a pool pays off from some
# 24 plans to compute. Spot measurements on a heavily shared machine were too noisy to refine it
# (pool slower at 8-24 plans, faster from 48); bench/run.py measures whole runs.
POOL_THRESHOLD = 24
# Items per task sent to a worker: one task per item cost the parent (which also writes the output)
# some 40 % of a core on lint; a chunk of 8 plans is ~40 ms of work, small enough to keep both
# workers busy to the end of a batch.
CHUNK = 8


def default_jobs() -> int:
    """Every core this process may use (``--jobs`` default of lint, validate)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


_WORK: Callable[[Any], Any] | None = None


def _call_chunk(items: list[Any]) -> list[Any]:
    assert _WORK is not None
    return [_WORK(item) for item in items]


def _init(work: Callable[[Any], Any], initializer: Callable[..., None] | None, initargs: tuple[Any, ...],
          in_worker: bool = False) -> None:
    global _WORK
    _WORK = work
    if in_worker:
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    if initializer is not None:
        initializer(*initargs)


class _Miss:
    __slots__ = ("item", "future", "index", "result", "done", "queued")

    def __init__(self, item: Any):
        self.item = item
        self.future: Any = None  # the future of the chunk this item was sent in
        self.index = 0           # its place in that chunk
        self.result: Any = None
        self.done = False
        self.queued = False      # waiting in the chunk being filled


def ordered_map(work: Callable[[T], R], items: Iterable[T], jobs: int, *,
                lookup: Callable[[T], R | None] | None = None,
                initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = (),
                warm_up: Callable[[], None] | None = None,
                threshold: int = POOL_THRESHOLD, window: int | None = None, chunk_size: int = CHUNK) -> Iterator[R]:
    """``work(item)`` for each item (or ``lookup(item)`` when it answers), yielded in item order.

    ``work`` and ``initializer`` must be module-level functions (they run in worker processes);
    ``initializer(*initargs)`` also runs once here before the first in-process ``work``.
    ``warm_up`` runs here once before the pool forks (imports the workers then inherit).
    ``chunk_size``: items per task sent to a worker (1 for heavy items such as a rendered form).
    """
    window = window or max(64, 32 * jobs)
    pending: deque[Any] = deque()  # results (hits) and _Miss entries, in item order
    unsent: list[_Miss] = []
    chunk: list[_Miss] = []  # misses gathered for the pool, sent CHUNK at a time (one task each)
    pool = None
    local_ready = False

    def send(misses: list[_Miss]) -> None:
        future = pool.submit(_call_chunk, [m.item for m in misses])
        for i, m in enumerate(misses):
            m.future, m.index, m.queued = future, i, False

    def flush() -> None:
        if chunk:
            send(chunk[:])
            chunk.clear()

    def run_here(miss: _Miss) -> None:
        nonlocal local_ready
        if not local_ready:
            _init(work, initializer, initargs)
            local_ready = True
        miss.result, miss.done = work(miss.item), True

    def start_pool() -> Any:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        ctx = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
        if warm_up is not None:
            warm_up()
        return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init,
                                   initargs=(work, initializer, initargs, True))

    def head_ready() -> bool:
        head = pending[0]
        if not isinstance(head, _Miss):
            return True
        if head.done:
            return True
        return head.future is not None and head.future.done()

    def pop() -> Any:
        head = pending.popleft()
        if not isinstance(head, _Miss):
            return head
        if head.done:
            return head.result
        if head.queued:  # still in the chunk being filled: send it now
            flush()
        if head.future is None:  # not sent: compute it here
            run_here(head)
            return head.result
        return head.future.result()[head.index]

    try:
        for item in items:
            hit = lookup(item) if lookup is not None else None
            if hit is not None:
                pending.append(hit)
            else:
                miss = _Miss(item)
                pending.append(miss)
                if pool is not None:
                    miss.queued = True
                    chunk.append(miss)
                    if len(chunk) >= chunk_size:
                        flush()
                elif jobs <= 1:
                    run_here(miss)
                else:
                    unsent.append(miss)
                    if jobs > 1 and len(unsent) >= threshold:
                        pool = start_pool()
                        for start in range(0, len(unsent), chunk_size):
                            send(unsent[start:start + chunk_size])
                        unsent.clear()
            # yield what is ready; block only when the window is full
            while pending and (head_ready() or len(pending) >= window):
                head = pending[0]
                if isinstance(head, _Miss) and head.queued:
                    if len(pending) < window:
                        break  # its chunk is still being filled
                    flush()
                if isinstance(head, _Miss) and head.future is None and not head.done:
                    if len(pending) < window:
                        break  # a miss not yet sent: wait, more misses may justify a pool
                    # the window is full without enough misses for a pool: compute them here
                    for m in unsent:
                        run_here(m)
                    unsent.clear()
                yield pop()
        for m in unsent:
            if m.future is None and not m.done:
                run_here(m)
        unsent.clear()
        flush()
        while pending:
            yield pop()
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


__all__ = ["POOL_THRESHOLD", "default_jobs", "ordered_map"]
