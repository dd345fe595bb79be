"""Read stored raw documents back from the warehouse, for reprocessing."""

from __future__ import annotations

from datetime import datetime

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from tasks.domain.models import Furniture, Properties, RawDocument, Table
from warehouse.connection import WarehouseLocation
from warehouse.queries import stored_documents


def read_stored(
    location: WarehouseLocation, only_outdated: str | None
) -> tuple[list[RawDocument], dict[str, datetime]]:
    rows = stored_documents(location, only_outdated)
    docs = [
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
        for r in rows
    ]
    return docs, {r["doc_id"]: r["ingested_at"] for r in rows}


def _furniture(rows: list[dict] | None) -> tuple[Furniture, ...]:
    return tuple(Furniture(f["kind"], f["raw_start"], f["raw_end"]) for f in rows or ())


def _tables(rows: list[dict] | None) -> tuple[Table, ...]:
    return tuple(Table(t["table_no"], t["page"], tuple(tuple(row) for row in t["cells"])) for t in rows or ())


def _properties(row: dict | None, url: str | None) -> Properties:
    if not row:
        return Properties(url=url)
    return Properties(row["title"], tuple(row["authors"] or ()), row["created"], row["language"], url)


@task(name="read stored raw text", cache_policy=NO_CACHE)
def load_stored(location: WarehouseLocation, only_outdated: str | None):
    docs, ingested_at = read_stored(location, only_outdated)
    get_run_logger().info(
        "%d stored documents to rebuild%s",
        len(docs),
        f" (pipeline version other than {only_outdated})" if only_outdated else "",
    )
    return docs, ingested_at
