"""The reprocess flow: rebuild every derived table from stored raw text, in one commit.

Run it after a cleaning rule changes: the inbox is not read again."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from prefect import flow
from prefect.utilities.annotations import quote

from flows.ingest import DEFAULT_BATCH_SIZE, _run_id
from flows.stages import StageTimer, batches, process
from tasks.domain.cleaning import CleaningConfig
from tasks.domain.models import Failure
from tasks.domain.records import pipeline_version
from tasks.domain.run import reprocess_run_rows
from tasks.land import Tables, land_run, landed_doc_ids, tabulate
from tasks.stored import load_stored
from warehouse.connection import resolve_location


@dataclass
class ReprocessResult:
    run_id: str
    n_examined: int
    n_rebuilt: int
    failures: list[Failure]
    pipeline_version: str


@flow(name="reprocess", flow_run_name="reprocess {warehouse}")
def reprocess(warehouse: str | None = None, all_documents: bool = False,
              batch_size: int = DEFAULT_BATCH_SIZE, disabled_rules: list[str] | None = None) -> ReprocessResult:
    """Rebuild documents whose pipeline version is outdated (or all of them) from raw_text."""
    started_at, run_id = datetime.now(timezone.utc), _run_id()
    location = resolve_location(warehouse)
    config = CleaningConfig(frozenset(disabled_rules or ()))
    version = pipeline_version(config)
    timer = StageTimer()
    stored, ingested_at = load_stored(location, None if all_documents else version)
    tables: list[Tables] = []
    failures: list[Failure] = []
    for batch in batches(stored, batch_size):
        documents = process(batch, config, timer, failures)
        tables.append(tabulate(quote(documents), run_id, started_at, version, quote(ingested_at)))
    rebuilt, now = landed_doc_ids(tables), datetime.now(timezone.utc)
    run = reprocess_run_rows(run_id=run_id, warehouse=str(location.root), started_at=started_at, now=now,
                             n_examined=len(stored), rebuilt=rebuilt, failures=failures, version=version)
    land_run(location, run_id, quote(run), quote(tables), now)
    return ReprocessResult(run_id, len(stored), len(rebuilt), failures, version)
