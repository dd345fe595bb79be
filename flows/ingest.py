"""The ingest flow: inbox files in, warehouse tables out. It only composes the stages."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from time import perf_counter

from prefect import flow
from prefect.runtime import flow_run

from tasks.clean import clean
from tasks.discover import discover
from tasks.domain.cleaning import CleaningConfig
from tasks.domain.models import Failure, StructuredDocument
from tasks.domain.run import assemble_run
from tasks.extract import extract
from tasks.land import land_run
from tasks.language import detect_languages
from tasks.structure import structure
from warehouse.connection import resolve_location

# A batch is the unit of work: each Prefect task run costs ~50 ms, so one task per document
# would cost more than the work on small files.
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
    stage_seconds: dict[str, float] = field(default_factory=dict)


def _run_id() -> str:
    return flow_run.id or str(uuid.uuid4())


def _batches(items, size: int):
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


@flow(name="ingest", flow_run_name="ingest {inbox}", log_prints=False)
def ingest(inbox: str = "seeds", warehouse: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
           disabled_rules: list[str] | None = None) -> IngestResult:
    """Ingest new and changed documents from `inbox` into the warehouse, in one commit."""
    started_at = datetime.now(timezone.utc)
    inbox_path, location = Path(inbox).resolve(), resolve_location(warehouse)
    config = CleaningConfig(frozenset(disabled_rules or ()))
    timer = _StageTimer()
    with timer("discover"):
        found = discover(inbox_path, location)
    documents: list[StructuredDocument] = []
    failures: list[Failure] = []
    for batch in _batches(found.classified.to_process, batch_size):
        with timer("extract"):
            raw, failed = extract(inbox_path, batch)
        failures += failed
        with timer("clean"):
            cleaned, failed = clean(raw, config)
        failures += failed
        with timer("structure"):
            structured, failed = structure(cleaned)
        failures += failed
        with timer("language"):
            labelled, failed = detect_languages(structured)
        failures += failed
        documents += labelled
    run_id, now = _run_id(), datetime.now(timezone.utc)
    rows = assemble_run(run_id=run_id, flow_name="ingest", inbox=str(inbox_path), started_at=started_at,
                        now=now, seen=found.seen, unchanged=found.unchanged, classified=found.classified,
                        known=found.known, documents=documents, failures=failures)
    with timer("land"):
        landed = land_run(location, run_id, rows, now)
    run = rows.rows["runs"][0]
    return IngestResult(run_id, str(inbox_path), str(location.root), run["n_seen"], run["n_new"],
                        run["n_changed"], run["n_unchanged"], run["n_failed"], landed,
                        [d.doc_id for d in documents], failures, timer.seconds)


class _StageTimer:
    """Wall time per stage, task overhead included, for the run summary and the benchmark."""

    def __init__(self):
        self.seconds: dict[str, float] = {}

    def __call__(self, stage: str):
        timer = self

        class _Span:
            def __enter__(self):
                self.t0 = perf_counter()

            def __exit__(self, *exc):
                timer.seconds[stage] = timer.seconds.get(stage, 0.0) + perf_counter() - self.t0

        return _Span()
