"""The ingest flow: inbox files in, warehouse tables out. It only composes the stages."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from flows.deployed import check_inbox
from flows.outcome import run_outcome
from flows.progress import RunProgress
from flows.runners import PROCESSES, batch_runner, check_runner
from flows.stages import BatchResult, StageTimer, batches, ingest_batch_task
from tasks.discover import discover
from tasks.domain.cleaning import CleaningConfig
from tasks.domain.models import Failure
from tasks.domain.records import pipeline_version
from tasks.domain.run import RunRows, failures_per_path, ingest_batch_rows, ingest_run_rows
from tasks.land import Tables, for_summary, land_batch, land_run
from tasks.readers import DEFAULT_MEMORY_BUDGET_MB, DEFAULT_TIME_BUDGET_S
from tasks.summary import publish_summary
from warehouse.connection import WarehouseLocation, resolve_location
from warehouse.queries import failing_sources
from warehouse.writers import writing_run

# A batch is the unit of work: each Prefect task run costs ~50 ms (~150 ms on Dask), so one task
# per document would cost more than the work on small files. Big task arguments are passed in
# quote(): Prefect would otherwise walk every object inside them, twice per task run.
DEFAULT_BATCH_SIZE = 250


@dataclass
class IngestResult:
    run_id: str
    inbox: str
    warehouse: str
    n_seen: int
    n_new: int
    n_changed: int
    n_unchanged: int
    n_failed: int
    landed: dict[str, int]
    doc_ids: list[str]
    failures: list[Failure]
    # Seconds per stage: "discover", "land", "batches" (the batch phase, wall time) and, inside it,
    # "extract", "clean", "structure", "language", "tabulate" summed over batches; with a Dask
    # runner these are timed on the workers (more than "batches" when batches overlap) and
    # "cluster" is the time to start (or reach) the cluster and shut it down. See flows/runners.py.
    stage_seconds: dict[str, float] = field(default_factory=dict)
    slowest: list[tuple[str, float]] = field(default_factory=list)  # (source_path, seconds), slowest first
    pipeline_version: str = ""  # what made this run's documents
    n_removed: int = 0  # paths gone from the inbox since the run before (marked `removed` in sources)


@dataclass
class Landed:
    """What a run's batches landed, kept as they land: counts, doc_ids, failures and the little
    the summary needs; never their tables, so memory does not grow with the run."""

    counts: Counter = field(default_factory=Counter)
    batches: dict[int, tuple[list[str], list[Failure], Tables]] = field(default_factory=dict)

    def land(
        self,
        location: WarehouseLocation,
        run_id: str,
        i: int,
        result: BatchResult,
        rows: RunRows,
        failures: list[Failure],
        timer: StageTimer,
    ) -> None:
        """Batch `i` landed in its own commit, with `rows` (its sources, failures, superseded
        versions); what the run keeps of it: counts, doc_ids, failures, the summary's columns."""
        with timer("land"):
            self.count(land_batch(location, run_id, quote(rows), quote(result.tables)))
        self.batches[i] = (landed_ids(result), failures, for_summary(result.tables))
        timer.add(result.timer)

    def count(self, counts: dict[str, int]) -> None:
        self.counts.update(counts)

    # in batch order, however the batches completed
    @property
    def doc_ids(self) -> list[str]:
        return [d for i in sorted(self.batches) for d in self.batches[i][0]]

    @property
    def failures(self) -> list[Failure]:
        return [f for i in sorted(self.batches) for f in self.batches[i][1]]

    @property
    def for_summary(self) -> list[Tables]:
        return [self.batches[i][2] for i in sorted(self.batches)]


def landed_ids(result: BatchResult) -> list[str]:
    """The doc_ids a batch made rows for (its failed documents have none)."""
    return result.tables["documents"].column("doc_id").to_pylist()


def _run_id() -> str:
    return flow_run.id or str(uuid.uuid4())


def _run_name() -> str:
    """`ingest seeds · 2026-11-22 14:53 UTC`: what and when, readable in the runs list."""
    inbox = Path(str(flow_run.parameters.get("inbox", "seeds"))).name or "inbox"
    return f"ingest {inbox} · {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC"


@flow(name="ingest", flow_run_name=_run_name, log_prints=False)
def ingest(
    inbox: str = "seeds",
    warehouse: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    disabled_rules: list[str] | None = None,
    time_budget_s: float = DEFAULT_TIME_BUDGET_S,
    runner: str = PROCESSES,
    memory_budget_mb: int = DEFAULT_MEMORY_BUDGET_MB,
) -> IngestResult:
    """Ingest new and changed documents from `inbox` into the warehouse. Each batch lands in its
    own commit as soon as it is done, the run's own rows in one more at the end: a stopped run
    keeps the batches that landed, and the next one goes on from there. A document that takes
    more than `time_budget_s` seconds across its stages, or more than `memory_budget_mb` of
    memory, fails instead of stalling or sinking the run.
    `runner` is where the batches run: "processes" (this machine's cores), "dask" (a local Dask
    cluster) or a Dask scheduler's address (flows/runners.py)."""
    check_inbox(inbox)  # a deployment run: whoever reached the API chose the inbox
    started_at, run_id = datetime.now(timezone.utc), _run_id()
    inbox_path, location = Path(inbox).resolve(), resolve_location(warehouse)
    config = CleaningConfig(frozenset(disabled_rules or ()))
    version = pipeline_version(config)
    timer, progress = StageTimer(), RunProgress("ingest")
    check_runner(runner)
    # From the first read to the last commit: another run on this warehouse would see the same new files.
    with writing_run(location, f"ingest run {run_id}", progress.waiting):
        with timer("discover"):
            found = discover(inbox_path, location)
        todo = found.classified.to_process
        progress.found(len(todo), skipped=len(found.seen) - len(todo))
        with batch_runner(runner, timer) as pool:
            work = batches(todo, batch_size, at_least=pool.workers) if todo else []
            params = [
                dict(
                    inbox=inbox_path,
                    files=batch,
                    config=config,
                    time_budget_s=time_budget_s,
                    memory_budget_mb=memory_budget_mb,
                    run_id=run_id,
                    started_at=started_at,
                    version=version,
                )
                for batch in work
            ]
            landed = Landed()
            for i, result in pool.run(ingest_batch_task, params):
                batch_failures = failures_per_path(result.failures, found.classified)
                rows = ingest_batch_rows(
                    run_id=run_id,
                    inbox=str(inbox_path),
                    now=datetime.now(timezone.utc),
                    batch_doc_ids={f.doc_id for f in work[i]},
                    classified=found.classified,
                    known=found.known,
                    failures=batch_failures,
                )
                landed.land(location, run_id, i, result, rows, batch_failures, timer)
                progress.advance(len(work[i]), result.n_failed_documents, result.worker)
        failures = failures_per_path(list(found.failures), found.classified) + landed.failures
        now = datetime.now(timezone.utc)
        run = ingest_run_rows(
            run_id=run_id,
            inbox=str(inbox_path),
            started_at=started_at,
            now=now,
            seen=found.seen,
            unchanged=found.unchanged,
            classified=found.classified,
            known=found.known,
            failures=failures,
            version=version,
            in_batches=frozenset(f.doc_id for f in todo),
        )
        progress.landing()
        with timer("land"):
            relink = bool(landed.doc_ids or found.classified.superseded)  # documents came or went
            landed.count(land_run(location, run_id, quote(run), relink))
        progress.landed()
    counts = run.rows["runs"][0]
    publish_summary(
        run_id,
        "ingest",
        str(inbox_path),
        {name: counts[f"n_{name}"] for name in ("seen", "new", "changed", "unchanged", "failed")},
        quote(landed.for_summary),
        quote(failures),
        timer.slowest(),
        location=location,
    )
    result = IngestResult(
        run_id,
        str(inbox_path),
        str(location.root),
        counts["n_seen"],
        counts["n_new"],
        counts["n_changed"],
        counts["n_unchanged"],
        counts["n_failed"],
        dict(landed.counts),
        landed.doc_ids,
        failures,
        timer.seconds,
        timer.slowest(),
        version,
        counts["n_removed"],
    )
    return run_outcome(result, "ingest", failures, len(failing_sources(location)) if failures else None)
