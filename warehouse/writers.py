"""One writing run at a time per warehouse on this machine.

A run decides what to write when it starts (discover: what is new; reprocess: what is stale)
and writes it when it ends. Two such runs on one warehouse at once would both see the same file
as new and land it twice, or a reprocess would bring back a document an ingest had just
superseded. So a run holds an exclusive lock on `<warehouse>/.writer.lock` from its first read to
its commit; the next one waits. The operating system drops the lock when a process dies, so a
crashed run never blocks the next. Across machines (a shared catalog), Prefect's concurrency
limits keep the scheduled runs apart (prefect.yaml)."""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from typing import Callable, Iterator

from warehouse.connection import WarehouseLocation

LOCK_NAME = ".writer.lock"


@contextmanager
def writing_run(location: WarehouseLocation, who: str,
                on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the warehouse's writer lock while the block runs; if another run holds it, call
    `on_wait` with that run's description (`who` it gave, and its pid), then wait for it."""
    location.root.mkdir(parents=True, exist_ok=True)
    with open(location.root / LOCK_NAME, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            if on_wait is not None:
                on_wait(handle.read().strip() or "another run")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"{who} (pid {os.getpid()})")
            handle.flush()
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
