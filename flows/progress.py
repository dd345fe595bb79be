"""How far a run has got, told twice: a progress artifact for the Prefect UI, and events for
whoever listens in this process (the `consultations` command's progress bar, flows/terminal.py).

A deployment run has no listener; the artifact is all it needs. The events are plain data, so a
display never touches Prefect, and a display that breaks never stops a run."""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterator

from prefect import get_run_logger
from prefect.artifacts import create_progress_artifact, update_progress_artifact

log = logging.getLogger(__name__)

# The phases of a run, in order; "waiting" only when another run is writing the warehouse,
# "processing" once per finished batch.
WAITING, DISCOVERED, PROCESSING, LANDING, LANDED = "waiting", "discovered", "processing", "landing", "landed"


@dataclass(frozen=True)
class Progress:
    flow: str  # "ingest" or "reprocess"
    phase: str  # one of the phases above
    done: int  # documents through the batch phase so far
    total: int  # documents the run processes (new and changed, or outdated)
    failed: int = 0  # documents failed so far
    skipped: int = 0  # documents seen and left alone (unchanged, or up to date)
    seconds: float = 0.0  # since the run started
    worker: str = ""  # host:pid of the process that ran the last batch
    waiting_for: str = ""  # the run this one waits for, while "waiting"


Listener = Callable[[Progress], None]
_listeners: list[Listener] = []


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Send this process's run progress to `listener` while the block runs."""
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)


def _announce(progress: Progress) -> None:
    for listener in tuple(_listeners):
        try:
            listener(progress)
        except Exception:  # a display must never cost a run
            log.warning("progress listener %r failed", listener, exc_info=True)


class RunProgress:
    """One run's progress: `found` once the work is known, `advance` per finished batch,
    `landing` and `landed` around the commit."""

    def __init__(self, flow: str):
        self.flow = flow
        self.started = time.perf_counter()
        self.total = self.done = self.failed = self.skipped = 0
        self._artifact = None

    def _tell(self, phase: str, worker: str = "", waiting_for: str = "") -> None:
        _announce(
            Progress(
                self.flow,
                phase,
                self.done,
                self.total,
                self.failed,
                self.skipped,
                round(time.perf_counter() - self.started, 3),
                worker,
                waiting_for,
            )
        )

    def waiting(self, holder: str) -> None:
        """Another run (`holder`) is writing the warehouse; this one waits for it to finish."""
        get_run_logger().info("waiting for %s to finish writing the warehouse", holder)
        self._tell(WAITING, waiting_for=holder)

    def found(self, total: int, skipped: int = 0) -> None:
        self.total, self.skipped = total, skipped
        if total:
            self._artifact = create_progress_artifact(0.0, description=f"{self.flow}: documents processed")
        self._tell(DISCOVERED)

    def advance(self, documents: int, failed: int = 0, worker: str = "") -> None:
        """A batch of `documents` is back from `worker` (host:pid), `failed` of them failed."""
        self.done, self.failed = self.done + documents, self.failed + failed
        if self._artifact is not None:
            update_progress_artifact(self._artifact, 100.0 * self.done / self.total)
        get_run_logger().info(
            "%d/%d documents %s, %d failed so far; the last %d on %s",
            self.done,
            self.total,
            "rebuilt" if self.flow == "reprocess" else "processed",
            self.failed,
            documents,
            worker or "this process",
        )
        self._tell(PROCESSING, worker)

    def landing(self) -> None:
        self._tell(LANDING)

    def landed(self) -> None:
        self._tell(LANDED)
