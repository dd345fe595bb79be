"""Tabulate each batch as Arrow right away (bounded memory), then land one commit per run."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

import pyarrow as pa
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from tasks.domain.families import FamilyKey, link_families
from tasks.domain.models import StructuredDocument
from tasks.domain.run import RunRows, batch_rows
from warehouse.connection import WarehouseLocation
from warehouse.landing import RunTables, land
from warehouse.schema import TABLES

Tables = dict[str, pa.Table]


def to_tables(rows: dict[str, list[dict]]) -> Tables:
    return {name: pa.Table.from_pylist(table_rows, schema=TABLES[name]) for name, table_rows in rows.items()}


@task(name="tabulate batch", cache_policy=NO_CACHE)
def tabulate(
    documents: list[StructuredDocument],
    run_id: str,
    now: datetime,
    version: str,
    ingested_at: dict[str, datetime] | None = None,
) -> Tables:
    return to_tables(batch_rows(documents, run_id, now, version, ingested_at))


def landed_doc_ids(batches: list[Tables]) -> list[str]:
    return [doc_id for batch in batches for doc_id in batch["documents"].column("doc_id").to_pylist()]


def combine(run: RunRows, batches: list[Tables]) -> dict[str, pa.Table]:
    tables = to_tables(run.rows)
    for name in {name for batch in batches for name in batch}:
        tables[name] = pa.concat_tables([batch[name] for batch in batches if name in batch])
    return tables


def relink(keys: list[dict]) -> list[dict]:
    """Rows of `families` from the family keys of every document in the warehouse; called by the
    landing inside its transaction, so a translation that arrives today joins yesterday's
    original in the same commit."""
    return [asdict(m) for m in link_families([FamilyKey(**k) for k in keys])]


@task(name="land in the warehouse", cache_policy=NO_CACHE)
def land_run(
    location: WarehouseLocation, run_id: str, run: RunRows, batches: list[Tables], now: datetime
) -> dict[str, int]:
    tables = RunTables(run_id, combine(run, batches), run.superseded, run.seen_paths, now, relink=relink)
    # a retry while another writer commits shows in the run's logs
    counts = land(location, tables, logger=get_run_logger())
    get_run_logger().info(
        "landed in %s: %s", location.label(), ", ".join(f"{n} {t}" for t, n in counts.items()) or "nothing"
    )
    return counts
