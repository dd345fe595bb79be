"""The per-batch stages shared by the ingest and reprocess flows.

A batch is the unit of work. `ingest_batch` and `reprocess_batch` compose the stage tasks over
one batch and return what the flow collects: its tables, its failures and its timings. The
flow calls them inline (runner "processes": one task per stage per batch, a process pool inside
each task) or submits their task versions to Dask, one task run per batch (flows/runners.py)."""

from __future__ import annotations

import os
import socket
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from time import perf_counter

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from tasks.clean import clean
from tasks.domain.budget import DEFAULT_MEMORY_BUDGET_MB, DEFAULT_TIME_BUDGET_S, Budget
from tasks.domain.cleaning import CleaningConfig
from tasks.domain.models import Failure, RawDocument, SourceFile, StructuredDocument
from tasks.extract import extract
from tasks.land import Tables, tabulate
from tasks.language import detect_languages
from tasks.structure import structure


class StageTimer:
    """Wall time per stage, task overhead included, for the run summary and the benchmark;
    and the seconds each document took in the stages, to name the slowest ones."""

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self.documents: Counter = Counter()

    def __call__(self, stage: str):
        return _Span(self, stage)

    def count(self, per_document: dict[str, float]) -> None:
        self.documents.update(per_document)

    def add(self, other: StageTimer) -> None:
        """Another timer's stages and documents, e.g. a batch's timed on a Dask worker."""
        for stage, seconds in other.seconds.items():
            self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds
        self.documents.update(other.documents)

    def slowest(self, n: int = 10) -> list[tuple[str, float]]:
        return self.documents.most_common(n)


class _Span:
    def __init__(self, timer: StageTimer, stage: str):
        self.timer, self.stage = timer, stage

    def __enter__(self):
        self.t0 = perf_counter()

    def __exit__(self, *exc):
        seconds = self.timer.seconds
        seconds[self.stage] = seconds.get(self.stage, 0.0) + perf_counter() - self.t0


def batches(items, size: int, at_least: int = 1) -> list[list]:
    """Batches of at most `size` items; smaller ones when that makes at least `at_least`
    batches, so that every Dask worker gets one."""
    size = max(1, min(size, -(-len(items) // max(1, at_least))))
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def process(
    raw: list[RawDocument], config: CleaningConfig, timer: StageTimer, failures: list[Failure], budget: Budget
) -> list[StructuredDocument]:
    """clean → structure → language over one batch; failures are appended, never raised. The
    seconds a document took in the stages before (the timer's, this batch's) count against its
    budget in the next."""
    with timer("clean"):
        cleaned, failed, seconds = clean(quote(raw), config, budget, quote(dict(timer.documents)))
    failures += failed
    timer.count(seconds)
    with timer("structure"):
        structured, failed, seconds = structure(quote(cleaned), budget, quote(dict(timer.documents)))
    failures += failed
    timer.count(seconds)
    with timer("language"):
        labelled, failed, seconds = detect_languages(quote(structured), budget, quote(dict(timer.documents)))
    failures += failed
    timer.count(seconds)
    return labelled


@dataclass
class BatchResult:
    tables: Tables
    failures: list[Failure] = field(default_factory=list)
    timer: StageTimer = field(default_factory=StageTimer)
    worker: str = field(default_factory=lambda: f"{socket.gethostname()}:{os.getpid()}")  # who ran it

    @property
    def n_failed_documents(self) -> int:
        return len({f.source_path for f in self.failures})


def ingest_batch(
    inbox: Path,
    files: list[SourceFile],
    config: CleaningConfig,
    time_budget_s: float,
    run_id: str,
    started_at: datetime,
    version: str,
    memory_budget_mb: int = DEFAULT_MEMORY_BUDGET_MB,
) -> BatchResult:
    """extract → clean → structure → language → tabulate over one batch of inbox files. A document
    that takes more than `time_budget_s` seconds across the stages, or more than `memory_budget_mb`
    of memory in one, fails (`time_budget`, `memory_budget`) and the others go on."""
    timer, failures = StageTimer(), []
    budget = Budget(time_budget_s, memory_budget_mb)
    with timer("extract"):
        raw, failed, seconds = extract(inbox, quote(files), budget=budget)
    failures += failed
    timer.count(seconds)
    documents = process(raw, config, timer, failures, budget)
    with timer("tabulate"):
        tables, failed = tabulate(quote(documents), run_id, started_at, version)
    failures += failed
    return BatchResult(tables, failures, timer)


def reprocess_batch(
    raw: list[RawDocument],
    config: CleaningConfig,
    run_id: str,
    started_at: datetime,
    version: str,
    ingested_at: dict[str, datetime],
    time_budget_s: float = DEFAULT_TIME_BUDGET_S,
    memory_budget_mb: int = DEFAULT_MEMORY_BUDGET_MB,
) -> BatchResult:
    """clean → structure → language → tabulate over one batch of stored raw documents, under the
    same per-document budget as an ingest."""
    timer, failures = StageTimer(), []
    documents = process(raw, config, timer, failures, Budget(time_budget_s, memory_budget_mb))
    with timer("tabulate"):
        tables, failed = tabulate(quote(documents), run_id, started_at, version, quote(ingested_at))
    failures += failed
    return BatchResult(tables, failures, timer)


# The same compositions as one task run per batch, for the Dask runner: the stage tasks inside
# run as nested task runs on the Dask worker, each with its own logs in the UI.
ingest_batch_task = task(ingest_batch, name="ingest batch", cache_policy=NO_CACHE)
reprocess_batch_task = task(reprocess_batch, name="reprocess batch", cache_policy=NO_CACHE)
