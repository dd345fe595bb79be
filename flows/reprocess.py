"""The reprocess flow: rebuild every derived table from stored raw text, in one commit.

Run it after a cleaning rule changes: the inbox is not read again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from prefect import flow
from prefect.utilities.annotations import quote

from flows.ingest import DEFAULT_BATCH_SIZE, _run_id
from flows.progress import RunProgress
from flows.runners import PROCESSES, batch_runner, check_runner
from flows.stages import BatchResult, StageTimer, batches, collect, reprocess_batch_task
from tasks.domain.cleaning import CleaningConfig
from tasks.domain.models import Failure
from tasks.domain.records import pipeline_version
from tasks.domain.run import reprocess_run_rows
from tasks.land import land_run, landed_doc_ids
from tasks.stored import load_stored
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
) -> ReprocessResult:
    """Rebuild documents whose pipeline version is outdated (or all of them) from raw_text.
    `runner` is where the batches run, as for ingest (flows/runners.py)."""
    started_at, run_id = datetime.now(timezone.utc), _run_id()
    location = resolve_location(warehouse)
    config = CleaningConfig(frozenset(disabled_rules or ()))
    version = pipeline_version(config)
    timer, progress = StageTimer(), RunProgress("reprocess")
    check_runner(runner)
    # From the first read to the commit: an ingest meanwhile could supersede what this rebuilds.
    with writing_run(location, f"reprocess run {run_id}", progress.waiting):
        stored, ingested_at = load_stored(location, None if all_documents else version)
        progress.found(len(stored))
        with batch_runner(runner, timer) as pool:
            work = batches(stored, batch_size, at_least=pool.workers) if stored else []
            params = [
                dict(
                    raw=batch,
                    config=config,
                    run_id=run_id,
                    started_at=started_at,
                    version=version,
                    ingested_at={d.doc_id: ingested_at[d.doc_id] for d in batch if d.doc_id in ingested_at},
                )
                for batch in work
            ]
            done: dict[int, BatchResult] = {}
            for i, result in pool.run(reprocess_batch_task, params):
                done[i] = result
                progress.advance(len(work[i]), result.n_failed_documents, result.worker)
        tables, failures = collect(done, timer)
        rebuilt, now = landed_doc_ids(tables), datetime.now(timezone.utc)
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
        land_run(location, run_id, quote(run), quote(tables), now)
        progress.landed()
    return ReprocessResult(run_id, len(stored), len(rebuilt), failures, version)
