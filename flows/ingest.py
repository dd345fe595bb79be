"""The ingest flow: inbox files in, warehouse tables out. It only composes the stages."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from flows.progress import RunProgress
from flows.runners import PROCESSES, batch_runner, check_runner
from flows.stages import BatchResult, StageTimer, batches, collect, ingest_batch_task
from tasks.discover import discover
from tasks.domain.cleaning import CleaningConfig
from tasks.domain.models import Failure
from tasks.domain.records import pipeline_version
from tasks.domain.run import failures_per_path, ingest_run_rows
from tasks.land import land_run, landed_doc_ids
from tasks.readers import DEFAULT_TIME_BUDGET_S
from tasks.summary import publish_summary
from warehouse.connection import resolve_location
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
) -> IngestResult:
    """Ingest new and changed documents from `inbox` into the warehouse, in one commit. A
    document whose reading takes more than `time_budget_s` seconds fails instead of stalling.
    `runner` is where the batches run: "processes" (this machine's cores), "dask" (a local Dask
    cluster) or a Dask scheduler's address (flows/runners.py)."""
    started_at, run_id = datetime.now(timezone.utc), _run_id()
    inbox_path, location = Path(inbox).resolve(), resolve_location(warehouse)
    config = CleaningConfig(frozenset(disabled_rules or ()))
    version = pipeline_version(config)
    timer, progress = StageTimer(), RunProgress("ingest")
    check_runner(runner)
    # From the first read to the commit: another run on this warehouse would see the same new files.
    with writing_run(location, f"ingest run {run_id}", progress.waiting):
        with timer("discover"):
            found = discover(inbox_path, location)
        todo = found.classified.to_process
        progress.found(len(todo), skipped=len(found.seen) - len(todo))
        with batch_runner(runner, timer) as pool:
            work = batches(todo, batch_size, at_least=pool.workers) if todo else []
            done: dict[int, BatchResult] = {}
            params = [
                dict(
                    inbox=inbox_path,
                    files=batch,
                    config=config,
                    time_budget_s=time_budget_s,
                    run_id=run_id,
                    started_at=started_at,
                    version=version,
                )
                for batch in work
            ]
            for i, result in pool.run(ingest_batch_task, params):
                done[i] = result
                progress.advance(len(work[i]), result.n_failed_documents, result.worker)
        tables, failures = collect(done, timer)
        failures = failures_per_path(list(found.failures) + failures, found.classified)
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
        )
        progress.landing()
        with timer("land"):
            landed = land_run(location, run_id, quote(run), quote(tables), now)
        progress.landed()
    counts = run.rows["runs"][0]
    publish_summary(
        run_id,
        "ingest",
        str(inbox_path),
        {name: counts[f"n_{name}"] for name in ("seen", "new", "changed", "unchanged", "failed")},
        quote(tables),
        quote(failures),
        timer.slowest(),
    )
    return IngestResult(
        run_id,
        str(inbox_path),
        str(location.root),
        counts["n_seen"],
        counts["n_new"],
        counts["n_changed"],
        counts["n_unchanged"],
        counts["n_failed"],
        landed,
        landed_doc_ids(tables),
        failures,
        timer.seconds,
        timer.slowest(),
        version,
    )
