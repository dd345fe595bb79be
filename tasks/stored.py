"""Read stored raw documents back from the warehouse, for reprocessing."""

from __future__ import annotations

from datetime import datetime

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from tasks.domain.models import Furniture, Properties, RawDocument, Table
from warehouse.connection import WarehouseLocation
from warehouse.queries import stored_documents, stored_ids


def read_stored(location: WarehouseLocation, doc_ids: list[str]) -> list[RawDocument]:
    """These stored documents as their readers made them: one batch's worth, never the corpus."""
    return [
        RawDocument(
            r["doc_id"],
            r["source_path"],
            r["source_format"],
            r["raw_text"],
            r["encoding"] or "",
            r["n_pages"],
            _furniture(r["furniture"]),
            _tables(r["tables"]),
            _properties(r["properties"], r["source_url"]),
        )
        for r in stored_documents(location, doc_ids)
    ]


def _furniture(rows: list[dict] | None) -> tuple[Furniture, ...]:
    return tuple(Furniture(f["kind"], f["raw_start"], f["raw_end"]) for f in rows or ())


def _tables(rows: list[dict] | None) -> tuple[Table, ...]:
    return tuple(Table(t["table_no"], t["page"], tuple(tuple(row) for row in t["cells"])) for t in rows or ())


def _properties(row: dict | None, url: str | None) -> Properties:
    if not row:
        return Properties(url=url)
    return Properties(row["title"], tuple(row["authors"] or ()), row["created"], row["language"], url)


@task(name="find documents to rebuild", cache_policy=NO_CACHE)
def to_rebuild(location: WarehouseLocation, only_outdated: str | None) -> dict[str, datetime]:
    """The doc_ids to rebuild, each with its ingested_at (kept by the rebuilt rows)."""
    found = dict(stored_ids(location, only_outdated))
    get_run_logger().info(
        "%d stored documents to rebuild%s",
        len(found),
        f" (pipeline version other than {only_outdated})" if only_outdated else "",
    )
    return found


@task(name="read stored raw text", cache_policy=NO_CACHE)
def load_stored(location: WarehouseLocation, doc_ids: list[str]) -> list[RawDocument]:
    return read_stored(location, doc_ids)
