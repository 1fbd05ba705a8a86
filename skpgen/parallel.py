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


def default_jobs() -> int:
    """Every core this process may use (``--jobs`` default of lint, validate)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


_WORK: Callable[[Any], Any] | None = None


def _call(item: Any) -> Any:
    assert _WORK is not None
    return _WORK(item)


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
    __slots__ = ("item", "future", "result", "done")

    def __init__(self, item: Any):
        self.item = item
        self.future: Any = None
        self.result: Any = None
        self.done = False


def ordered_map(work: Callable[[T], R], items: Iterable[T], jobs: int, *,
                lookup: Callable[[T], R | None] | None = None,
                initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = (),
                warm_up: Callable[[], None] | None = None,
                threshold: int = POOL_THRESHOLD, window: int | None = None) -> Iterator[R]:
    """``work(item)`` for each item (or ``lookup(item)`` when it answers), yielded in item order.

    ``work`` and ``initializer`` must be module-level functions (they run in worker processes);
    ``initializer(*initargs)`` also runs once here before the first in-process ``work``.
    ``warm_up`` runs here once before the pool forks (imports the workers then inherit).
    """
    window = window or max(64, 32 * jobs)
    pending: deque[Any] = deque()  # results (hits) and _Miss entries, in item order
    unsent: list[_Miss] = []
    pool = None
    local_ready = False

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
        if head.future is None:  # not sent: compute it here
            run_here(head)
            return head.result
        return head.future.result()

    try:
        for item in items:
            hit = lookup(item) if lookup is not None else None
            if hit is not None:
                pending.append(hit)
            else:
                miss = _Miss(item)
                pending.append(miss)
                if pool is not None:
                    miss.future = pool.submit(_call, item)
                elif jobs <= 1:
                    run_here(miss)
                else:
                    unsent.append(miss)
                    if jobs > 1 and len(unsent) >= threshold:
                        pool = start_pool()
                        for m in unsent:
                            m.future = pool.submit(_call, m.item)
                        unsent.clear()
            # yield what is ready; block only when the window is full
            while pending and (head_ready() or len(pending) >= window):
                head = pending[0]
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
        while pending:
            yield pop()
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


__all__ = ["POOL_THRESHOLD", "default_jobs", "ordered_map"]
