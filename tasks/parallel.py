"""Plain processes for CPU-bound stages inside one task.

Prefect's process pool and Dask cost 140–190 ms per task run: fine for batches, ruinous per
document. Inside a batch task, a process pool splits the documents into a few chunks, one
per core. Workers are spawned (not forked: the flow's threads hold locks) and reused.

Inside a Dask worker (the flow's "dask" runner) the items run in the worker's own process: the
cluster already has a process per core, and a worker's process may not have children."""

from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import Callable, TypeVar

from tasks.domain.batch import Seconds, each
from tasks.domain.models import Failure

In = TypeVar("In")
Out = TypeVar("Out")

# Below this many documents a batch runs in the task's own process: shipping it costs more.
MIN_PARALLEL_ITEMS = 16
_pool: ProcessPoolExecutor | None = None


def workers() -> int:
    configured = os.environ.get("CONSULTATIONS_WORKERS")
    return max(1, int(configured)) if configured else (os.cpu_count() or 1)


def in_dask_worker() -> bool:
    if "distributed" not in sys.modules:  # never imported: not on a Dask worker, and stays cheap
        return False
    from distributed import get_worker

    try:
        get_worker()
    except ValueError:
        return False
    return True


def _shared_pool(n: int) -> ProcessPoolExecutor:
    global _pool
    if _pool is None or _pool._max_workers != n:  # noqa: SLF001 (no public accessor)
        if _pool is not None:
            _pool.shutdown()
        _pool = ProcessPoolExecutor(max_workers=n, mp_context=get_context("spawn"))
    return _pool


def _each_chunk(args) -> tuple[list, list[Failure], Seconds]:
    items, fn, stage, identify = args
    return each(items, fn, stage, identify)


def parallel_each(
    items: list[In], fn: Callable[[In], Out], stage: str, identify: Callable[[In], tuple[str, str]]
) -> tuple[list[Out], list[Failure], Seconds]:
    """`each` over the items on every core, order kept. `fn` and `identify` must be
    module-level functions (they travel to the workers by name)."""
    n = 1 if in_dask_worker() else workers()
    if n == 1 or len(items) < MIN_PARALLEL_ITEMS:
        return each(items, fn, stage, identify)
    size = -(-len(items) // (n * 2))  # two chunks per core evens out slow documents
    chunks = [(items[i : i + size], fn, stage, identify) for i in range(0, len(items), size)]
    done: list[Out] = []
    failed: list[Failure] = []
    seconds: Seconds = {}
    for chunk_done, chunk_failed, chunk_seconds in _shared_pool(n).map(_each_chunk, chunks):
        done += chunk_done
        failed += chunk_failed
        seconds.update(chunk_seconds)
    return done, failed, seconds
