"""The reprocess flow: rebuild every derived table from stored raw text, batch by batch, each
batch in its own commit (a document's old rows leave in the commit that lands its new ones).

Run it after a cleaning rule changes: the inbox is not read again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from prefect import flow
from prefect.utilities.annotations import quote

from flows.ingest import DEFAULT_BATCH_SIZE, Landed, _run_id, landed_ids
from flows.outcome import run_outcome
from flows.progress import RunProgress
from flows.runners import PROCESSES, batch_runner, check_runner
from flows.stages import StageTimer, batches, reprocess_batch_task
from tasks.domain.cleaning import CleaningConfig
from tasks.domain.models import Failure
from tasks.domain.records import pipeline_version
from tasks.domain.run import reprocess_batch_rows, reprocess_run_rows
from tasks.land import land_run
from tasks.readers import DEFAULT_MEMORY_BUDGET_MB, DEFAULT_TIME_BUDGET_S
from tasks.stored import load_stored, to_rebuild
from warehouse.connection import resolve_location
from warehouse.writers import writing_run


@dataclass
class ReprocessResult:
    run_id: str
    n_examined: int
    n_rebuilt: int
    failures: list[Failure]
    pipeline_version: str


@flow(name="reprocess", flow_run_name="reprocess {warehouse}")
def reprocess(
    warehouse: str | None = None,
    all_documents: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    disabled_rules: list[str] | None = None,
    runner: str = PROCESSES,
    time_budget_s: float = DEFAULT_TIME_BUDGET_S,
    memory_budget_mb: int = DEFAULT_MEMORY_BUDGET_MB,
) -> ReprocessResult:
    """Rebuild documents whose pipeline version is outdated (or all of them) from raw_text.
    `runner` is where the batches run, as for ingest (flows/runners.py)."""
    started_at, run_id = datetime.now(timezone.utc), _run_id()
    location = resolve_location(warehouse)
    config = CleaningConfig(frozenset(disabled_rules or ()))
    version = pipeline_version(config)
    timer, progress = StageTimer(), RunProgress("reprocess")
    check_runner(runner)
    # From the first read to the last commit: an ingest meanwhile could supersede what this rebuilds.
    with writing_run(location, f"reprocess run {run_id}", progress.waiting):
        ingested_at = to_rebuild(location, None if all_documents else version)
        stored = list(ingested_at)
        progress.found(len(stored))
        with batch_runner(runner, timer) as pool:
            work = batches(stored, batch_size, at_least=pool.workers) if stored else []
            # read batch by batch as the runner asks for them: memory holds one batch's texts
            params = (
                dict(
                    raw=load_stored(location, batch),
                    config=config,
                    run_id=run_id,
                    time_budget_s=time_budget_s,
                    memory_budget_mb=memory_budget_mb,
                    started_at=started_at,
                    version=version,
                    ingested_at={doc_id: ingested_at[doc_id] for doc_id in batch},
                )
                for batch in work
            )
            landed = Landed()
            for i, result in pool.run(reprocess_batch_task, params):
                rows = reprocess_batch_rows(
                    run_id=run_id, now=datetime.now(timezone.utc), rebuilt=landed_ids(result), failures=result.failures
                )
                landed.land(location, run_id, i, result, rows, result.failures, timer)
                progress.advance(len(work[i]), result.n_failed_documents, result.worker)
        rebuilt, failures, now = landed.doc_ids, landed.failures, datetime.now(timezone.utc)
        run = reprocess_run_rows(
            run_id=run_id,
            warehouse=location.label(),
            started_at=started_at,
            now=now,
            n_examined=len(stored),
            rebuilt=rebuilt,
            failures=failures,
            version=version,
        )
        progress.landing()
        with timer("land"):
            land_run(location, run_id, quote(run), bool(rebuilt))
        progress.landed()
    return run_outcome(ReprocessResult(run_id, len(stored), len(rebuilt), failures, version), "reprocess", failures)
