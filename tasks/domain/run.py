"""Assembling what one run lands: document rows batch by batch, then the run's own rows."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from tasks.domain.discover import Classified
from tasks.domain.extract import TRANSIENT_ERRORS
from tasks.domain.models import Failure, KnownSource, SourceFile, StructuredDocument
from tasks.domain.records import document_rows, failure_row, source_row

DOCUMENT_TABLES = ("documents", "sections", "paragraphs", "artifacts", "tables", "footnotes")


@dataclass
class RunRows:
    """The rows of a run besides its documents'. `superseded` doc_ids leave the document
    tables; `seen_paths` get their last_seen refreshed."""

    rows: dict[str, list[dict]]
    superseded: list[str] = field(default_factory=list)
    seen_paths: list[str] = field(default_factory=list)


def batch_rows(
    documents: list[StructuredDocument],
    run_id: str,
    now: datetime,
    version: str,
    ingested_at: dict[str, datetime] | None = None,
) -> dict[str, list[dict]]:
    """Rows of the document tables for one batch. Reprocessing keeps each document's
    original `ingested_at`."""
    rows: dict[str, list[dict]] = {name: [] for name in DOCUMENT_TABLES}
    for doc in documents:
        when = (ingested_at or {}).get(doc.doc_id, now)
        for table, table_rows in document_rows(doc, run_id, when, version).items():
            rows[table].extend(table_rows)
    return rows


def _run_row(
    run_id: str,
    flow_name: str,
    inbox: str,
    started_at: datetime,
    now: datetime,
    version: str,
    failures: list[Failure],
    **counts: int,
) -> dict:
    return {
        "run_id": run_id,
        "flow_name": flow_name,
        "inbox": inbox,
        "started_at": started_at,
        "finished_at": now,
        **counts,
        "pipeline_version": version,
        "status": "completed" if not failures else "completed_with_failures",
    }


def source_status(doc_id: str, failures: list[Failure]) -> str:
    """'landed'; 'failed' when the content failed; 'retry' when each of its failures was transient."""
    kinds = {f.error_type for f in failures if f.doc_id == doc_id}
    if not kinds:
        return "landed"
    return "retry" if kinds <= TRANSIENT_ERRORS else "failed"


def failures_per_path(failures: list[Failure], classified: Classified) -> list[Failure]:
    """Every path that fails has its own row. The same bytes at several paths are processed once
    (one doc_id), so a failure of that content is repeated for each other new or changed path
    holding it; otherwise two empty files would show one failure, and the other neither lands
    nor fails."""
    paths_of: dict[str, list[str]] = {}
    for f in classified.new + classified.changed:
        paths_of.setdefault(f.doc_id, []).append(f.source_path)
    have = {(f.source_path, f.stage, f.error_type) for f in failures}
    out = list(failures)
    for f in failures:
        for path in paths_of.get(f.doc_id, []) if f.doc_id else []:
            if (path, f.stage, f.error_type) in have:
                continue
            have.add((path, f.stage, f.error_type))
            message = f.error_message
            if message.startswith(f.source_path):
                message = path + message[len(f.source_path) :]
            out.append(replace(f, source_path=path, error_message=f"{message} (the same bytes as {f.source_path})"))
    return out


def ingest_run_rows(
    *,
    run_id: str,
    inbox: str,
    started_at: datetime,
    now: datetime,
    seen: tuple[SourceFile, ...],
    unchanged: tuple[SourceFile, ...],
    classified: Classified,
    known: dict[str, KnownSource],
    failures: list[Failure],
    version: str,
) -> RunRows:
    touched = {f.source_path for f in classified.touched}  # not processed: it keeps its status
    sources = [
        source_row(
            f,
            known[f.source_path].status if f.source_path in touched else source_status(f.doc_id, failures),
            now,
            known[f.source_path].first_seen if f.source_path in known else None,
        )
        for f in classified.new + classified.changed + classified.touched
    ]
    run = _run_row(
        run_id,
        "ingest",
        inbox,
        started_at,
        now,
        version,
        failures,
        n_seen=len(seen),
        n_new=len(classified.new),
        n_changed=len(classified.changed),
        n_unchanged=len(unchanged) + len(classified.touched),
        n_failed=len({f.source_path for f in failures}),
    )
    rows = {"sources": sources, "failures": [failure_row(f, run_id, now) for f in failures], "runs": [run]}
    return RunRows(rows, list(classified.superseded), [f.source_path for f in unchanged])


def reprocess_run_rows(
    *,
    run_id: str,
    warehouse: str,
    started_at: datetime,
    now: datetime,
    n_examined: int,
    rebuilt: list[str],
    failures: list[Failure],
    version: str,
) -> RunRows:
    """A document that fails to rebuild keeps its old rows: only rebuilt ones are superseded."""
    run = _run_row(
        run_id,
        "reprocess",
        warehouse,
        started_at,
        now,
        version,
        failures,
        n_seen=n_examined,
        n_new=0,
        n_changed=len(rebuilt),
        n_unchanged=n_examined - len(rebuilt) - len(failures),
        n_failed=len(failures),
    )
    rows = {"failures": [failure_row(f, run_id, now) for f in failures], "runs": [run]}
    return RunRows(rows, list(rebuilt))
