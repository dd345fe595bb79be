"""Assembling everything one run lands: rows of every table and the run's own record."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from tasks.domain.discover import Classified
from tasks.domain.models import Failure, KnownSource, SourceFile, StructuredDocument
from tasks.domain.records import document_rows, failure_row, pipeline_version, source_row


@dataclass
class RunRows:
    rows: dict[str, list[dict]]
    superseded: list[str] = field(default_factory=list)
    seen_paths: list[str] = field(default_factory=list)


def assemble_run(*, run_id: str, flow_name: str, inbox: str, started_at: datetime, now: datetime,
                 seen: tuple[SourceFile, ...], unchanged: tuple[SourceFile, ...], classified: Classified,
                 known: dict[str, KnownSource], documents: list[StructuredDocument],
                 failures: list[Failure]) -> RunRows:
    rows: dict[str, list[dict]] = {"documents": [], "sections": [], "paragraphs": [], "artifacts": []}
    for doc in documents:
        for table, table_rows in document_rows(doc, run_id, now).items():
            rows[table].extend(table_rows)
    failed_ids = {f.doc_id for f in failures}
    rows["sources"] = [
        source_row(f, "failed" if f.doc_id in failed_ids else "landed", now,
                   known[f.source_path].first_seen if f.source_path in known else None)
        for f in classified.new + classified.changed + classified.touched
    ]
    rows["failures"] = [failure_row(f, run_id, now) for f in failures]
    status = "completed" if not failures else "completed_with_failures"
    rows["runs"] = [{
        "run_id": run_id, "flow_name": flow_name, "inbox": inbox, "started_at": started_at,
        "finished_at": now, "n_seen": len(seen), "n_new": len(classified.new),
        "n_changed": len(classified.changed),
        "n_unchanged": len(unchanged) + len(classified.touched),
        "n_failed": len({f.source_path for f in failures}),
        "pipeline_version": pipeline_version(), "status": status,
    }]
    return RunRows(rows, list(classified.superseded), [f.source_path for f in unchanged])
