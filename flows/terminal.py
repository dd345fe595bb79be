"""A run's progress on the command line: a progress bar in a terminal, plain lines otherwise
(a pipe, a log file, cron), one per finished batch. Both go to stderr, like Prefect's logs, so
that stdout keeps only the result."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Iterator

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Progress as Bar

from flows.progress import DISCOVERED, LANDED, LANDING, PROCESSING, WAITING, Progress, listening

# (to do, doing, done) for each flow
_VERBS = {"ingest": ("process", "processing", "processed"), "reprocess": ("rebuild", "rebuilding", "rebuilt")}


def plain_line(p: Progress) -> str:
    """`ingest: 250/7000 documents processed, 2 failed (12.3 s)`: one line a log can keep."""
    verb, _, verbed = _VERBS.get(p.flow, _VERBS["ingest"])
    if p.phase == WAITING:
        return f"{p.flow}: waiting for {p.waiting_for} to finish writing the warehouse"
    if p.phase == DISCOVERED:
        skipped = f", {p.skipped} unchanged" if p.skipped else ""
        return f"{p.flow}: {p.total} documents to {verb}{skipped}"
    if p.phase == PROCESSING:
        return f"{p.flow}: {p.done}/{p.total} documents {verbed}, {p.failed} failed ({p.seconds:.1f} s)"
    if p.phase == LANDING:
        return f"{p.flow}: landing in the warehouse ({p.seconds:.1f} s)"
    if p.phase == LANDED:
        return f"{p.flow}: landed ({p.seconds:.1f} s)"
    return f"{p.flow}: {p.phase}"


class PlainLines:
    def __init__(self, console: Console):
        self.console = console

    def __call__(self, p: Progress) -> None:
        self.console.print(plain_line(p), highlight=False, markup=False, soft_wrap=True)

    def close(self) -> None:
        pass


class ProgressBar:
    """rich's bar over the documents of the batch phase; the landing shows as its description."""

    def __init__(self, console: Console):
        self.bar = Bar(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("documents, {task.fields[failed]} failed"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
        )
        self.task = None

    def __call__(self, p: Progress) -> None:
        if p.phase == WAITING:
            self.bar.console.print(plain_line(p), highlight=False, markup=False, soft_wrap=True)
        elif p.phase == DISCOVERED:
            self.bar.console.print(plain_line(p), highlight=False, markup=False, soft_wrap=True)
            if p.total:
                self.bar.start()
                self.task = self.bar.add_task(
                    f"{p.flow}: {_VERBS.get(p.flow, _VERBS['ingest'])[1]}", total=p.total, failed=0
                )
        elif self.task is not None:
            description = {LANDING: f"{p.flow}: landing", LANDED: f"{p.flow}: landed"}.get(p.phase)
            self.bar.update(
                self.task, completed=p.done, failed=p.failed, **({"description": description} if description else {})
            )
            if p.phase == LANDED:
                self.close()

    def close(self) -> None:
        self.bar.stop()


@contextmanager
def _logs_above(console: Console) -> Iterator[None]:
    """Prefect's console log lines printed through the bar's console, so they scroll above the
    bar instead of through it (Prefect's handler holds the stderr it was configured with)."""
    from prefect.logging.handlers import PrefectConsoleHandler

    loggers = [logging.getLogger()] + [
        lg for lg in logging.Logger.manager.loggerDict.values() if isinstance(lg, logging.Logger)
    ]
    handlers = {id(h): h for lg in loggers for h in lg.handlers if isinstance(h, PrefectConsoleHandler)}
    saved = {key: h.console for key, h in handlers.items()}
    for h in handlers.values():
        h.console = console
    try:
        yield
    finally:
        for key, h in handlers.items():
            h.console = saved[key]


@contextmanager
def showing_progress(console: Console | None = None) -> Iterator[None]:
    """Show the progress of the runs this process makes while the block runs: a bar when
    `console` (stderr by default) is a terminal, plain lines when it is not."""
    # Log lines and file names are text, not rich markup: "[draft] note.txt" must stay whole.
    console = console or Console(stderr=True, markup=False, highlight=False)
    if console.is_terminal:
        display, logs = ProgressBar(console), _logs_above(console)
    else:
        display, logs = PlainLines(console), _nothing()
    try:
        with logs, listening(display):
            yield
    finally:
        display.close()


@contextmanager
def _nothing() -> Iterator[None]:
    yield


class _NoTracebacks(logging.Filter):
    """Prefect logs a run's crash (its traceback, the failed state of the task and of the flow)
    before the exception reaches the command, which says it in one line: on the console (not in
    the run's logs in the UI) those records go, unless --verbose."""

    def filter(self, record: logging.LogRecord) -> bool:
        crash = record.name in ("prefect.flow_runs", "prefect.task_runs") or record.exc_info
        return not (crash and record.levelno >= logging.ERROR)


@contextmanager
def without_tracebacks() -> Iterator[None]:
    from prefect.logging.handlers import PrefectConsoleHandler

    loggers = [logging.getLogger()] + [
        lg for lg in logging.Logger.manager.loggerDict.values() if isinstance(lg, logging.Logger)
    ]
    handlers = {id(h): h for lg in loggers for h in lg.handlers if isinstance(h, PrefectConsoleHandler)}
    quiet = _NoTracebacks()
    for h in handlers.values():
        h.addFilter(quiet)
    try:
        yield
    finally:
        for h in handlers.values():
            h.removeFilter(quiet)
