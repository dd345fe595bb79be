"""Assembling what one run lands: document rows batch by batch, then the run's own rows."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from tasks.domain.discover import UNREADABLE_FOLDER, Classified
from tasks.domain.extract import TRANSIENT_ERRORS
from tasks.domain.models import Failure, KnownSource, SourceFile, StructuredDocument
from tasks.domain.records import document_rows, failure_row, source_row

DOCUMENT_TABLES = ("documents", "sections", "paragraphs", "artifacts", "tables", "footnotes")


@dataclass
class RunRows:
    """The rows of a run or a batch besides its documents'. `superseded` doc_ids leave the
    document tables."""

    rows: dict[str, list[dict]]
    superseded: list[str] = field(default_factory=list)


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


def _changed_from(classified: Classified, known: dict[str, KnownSource]) -> dict[str, str]:
    """The doc_id each changed path held before, for the paths whose old content leaves."""
    leaving = set(classified.superseded)
    return {
        f.source_path: known[f.source_path].doc_id for f in classified.changed if known[f.source_path].doc_id in leaving
    }


def _source_rows(
    files: list[SourceFile], known: dict[str, KnownSource], failures: list[Failure], now: datetime, inbox: str
) -> list[dict]:
    return [
        source_row(
            f,
            source_status(f.doc_id, failures),
            now,
            known[f.source_path].first_seen if f.source_path in known else None,
            inbox,
        )
        for f in files
    ]


def removed_paths(
    seen: tuple[SourceFile, ...], known: dict[str, KnownSource], inbox: str, unlisted: tuple[str, ...] = ()
) -> list[KnownSource]:
    """Paths of this inbox the warehouse knows that the inbox no longer holds (a row made before
    inboxes were kept is only ever adopted by the inbox that still has its path, never removed).
    A path under a folder the run could not list (`unlisted`) is not taken for gone."""
    here = {f.source_path for f in seen}
    folders = tuple(path + "/" for path in unlisted)
    return [
        k
        for path, k in sorted(known.items())
        if k.inbox == inbox and k.status != "removed" and path not in here and not path.startswith(folders)
    ]


def _removed_row(k: KnownSource, now: datetime) -> dict:
    """The path's last row, marked removed: its document stays, flagged by the status."""
    return source_row(
        SourceFile(k.source_path, k.size_bytes, k.mtime_us, k.doc_id), "removed", now, k.first_seen, k.inbox
    )


def ingest_batch_rows(
    *,
    run_id: str,
    inbox: str,
    now: datetime,
    batch_doc_ids: set[str],
    classified: Classified,
    known: dict[str, KnownSource],
    failures: list[Failure],
) -> RunRows:
    """What lands with one batch's documents, in the same commit: the sources rows of every new
    or changed path holding a document of the batch, the batch's failures (one per path), and the
    old documents those paths replace. A run interrupted after this commit keeps the batch: the
    next run finds its files unchanged."""
    files = [f for f in classified.new + classified.changed if f.doc_id in batch_doc_ids]
    old = _changed_from(classified, known)
    superseded = [old[f.source_path] for f in files if f.source_path in old]
    rows = {
        "sources": _source_rows(files, known, failures, now, inbox),
        "failures": [failure_row(f, run_id, now) for f in failures],
    }
    return RunRows(rows, list(dict.fromkeys(superseded)))


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
    in_batches: frozenset[str] = frozenset(),
) -> RunRows:
    """The run's own rows, landed when it ends: its `runs` row, and the sources rows, failures
    and superseded documents that no batch landed (`in_batches`: the doc_ids the batches processed;
    `failures` are all of the run's, for its counts). A touched path keeps its status (a path
    back in the inbox is landed again); a known path the inbox no longer has is marked `removed`;
    unchanged paths are not rewritten, so a run that finds nothing new writes only its `runs` row."""
    touched = [
        source_row(f, _still(known[f.source_path].status), now, known[f.source_path].first_seen, inbox)
        for f in classified.touched
    ]
    unlisted = tuple(f.source_path for f in failures if f.error_type == UNREADABLE_FOLDER)
    removed = removed_paths(seen, known, inbox, unlisted)
    rest = [f for f in classified.new + classified.changed if f.doc_id not in in_batches]
    old = _changed_from(classified, known)
    superseded = [old[f.source_path] for f in rest if f.source_path in old]
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
        n_removed=len(removed),
    )
    left = [f for f in failures if not f.doc_id or f.doc_id not in in_batches]
    rows = {
        "sources": _source_rows(rest, known, failures, now, inbox) + touched + [_removed_row(k, now) for k in removed],
        "failures": [failure_row(f, run_id, now) for f in left],
        "runs": [run],
    }
    return RunRows(rows, list(dict.fromkeys(superseded)))


def _still(status: str) -> str:
    return "landed" if status == "removed" else status


def reprocess_batch_rows(*, run_id: str, now: datetime, rebuilt: list[str], failures: list[Failure]) -> RunRows:
    """What lands with one rebuilt batch: its failures, and its rebuilt documents' old rows
    leave. A document that fails to rebuild keeps its old rows."""
    return RunRows({"failures": [failure_row(f, run_id, now) for f in failures]}, list(rebuilt))


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
    """The reprocess run's own row, landed when it ends (its batches landed their documents and
    failures as they finished); `rebuilt` and `failures` are the whole run's, for its counts."""
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
        n_removed=0,
    )
    return RunRows({"runs": [run]})
