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
import hashlib
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from warehouse.connection import WarehouseLocation

LOCK_NAME = ".writer.lock"


# The locks this process holds: flock would make a run inside a run wait for itself forever.
_HELD: set[Path] = set()


def lock_file(location: WarehouseLocation) -> Path:
    """Where the writer lock of this warehouse lives, the same for every `--warehouse` folder that
    names the same catalog."""
    if location.catalog_file is not None:
        return location.catalog_file.parent / LOCK_NAME
    key = hashlib.sha256(location.metadata.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"consultations-{key}{LOCK_NAME}"


@contextmanager
def writing_run(location: WarehouseLocation, who: str, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the warehouse's writer lock while the block runs; if another run holds it, call
    `on_wait` with that run's description (`who` it gave, and its pid), then wait for it."""
    path = lock_file(location)
    if path in _HELD:
        raise RuntimeError(f"this process is already writing {location.label()}: {who} would wait for itself")
    path.parent.mkdir(parents=True, exist_ok=True)
    _HELD.add(path)
    try:
        with _locked(path, who, on_wait):
            yield
    finally:
        _HELD.discard(path)


@contextmanager
def _locked(path: Path, who: str, on_wait: Callable[[str], None] | None) -> Iterator[None]:
    with open(path, "a+", encoding="utf-8") as handle:
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
