"""Tabulate each batch as Arrow, land it in its own commit as soon as it is done (bounded memory,
a stopped run keeps what landed), then the run's own rows in one more."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

import pyarrow as pa
import pyarrow.compute as pc
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from tasks.domain.families import FamilyKey, link_families
from tasks.domain.models import Failure, StructuredDocument
from tasks.domain.run import RunRows, batch_rows
from tasks.summary import DOCUMENT_COLUMNS
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
) -> tuple[Tables, list[Failure]]:
    """The batch's rows as Arrow tables. A document whose rows cannot be made or stored (a value
    the schema refuses) fails alone, typed, and the others land: the batch is tabulated again
    document by document to find it, which costs only when it happens."""

    def tables_of(docs: list[StructuredDocument]) -> Tables:
        return to_tables(batch_rows(docs, run_id, now, version, ingested_at))

    try:
        return tables_of(documents), []
    except Exception:  # noqa: BLE001 (any error of one document's rows: found below, one by one)
        pass
    kept, failures = [], []
    for doc in documents:
        try:
            tables_of([doc])
        except Exception as error:
            path = doc.cleaned.raw.source_path
            failures.append(
                Failure(
                    path,
                    doc.doc_id,
                    "tabulate",
                    "unstorable",
                    f"{path}: its rows could not be stored ({type(error).__name__}: {' '.join(str(error).split())}); "
                    "report it with the file",
                )
            )
        else:
            kept.append(doc)
    return tables_of(kept), failures


def for_summary(tables: Tables) -> Tables:
    """What the run summary needs of a landed batch, kept while the run goes on: a few small
    columns of its documents and the kinds of noise removed, not the texts."""
    kept = {"documents": tables["documents"].select(DOCUMENT_COLUMNS)}
    if "artifacts" in tables:
        kinds = tables["artifacts"].column("kind")
        kept["artifacts"] = pa.table({"kind": kinds.filter(pc.not_equal(kinds, "whitespace"))})
    return kept


def relink(keys: list[dict]) -> list[dict]:
    """Rows of `families` from the family keys of every document in the warehouse; called by the
    landing inside its transaction, so a translation that arrives today joins yesterday's
    original in the same commit."""
    return [asdict(m) for m in link_families([FamilyKey(**k) for k in keys])]


def _log_landed(location: WarehouseLocation, what: str, counts: dict[str, int]) -> None:
    get_run_logger().info(
        "landed %s in %s: %s", what, location.label(), ", ".join(f"{n} {t}" for t, n in counts.items()) or "nothing"
    )


@task(name="land a batch", cache_policy=NO_CACHE)
def land_batch(location: WarehouseLocation, run_id: str, rows: RunRows, tables: Tables) -> dict[str, int]:
    """One batch's documents with their sources, failures and superseded documents, in one
    commit as soon as the batch is done: a stopped run keeps what landed, memory stays bounded."""
    batch = RunTables(run_id, {**to_tables(rows.rows), **tables}, rows.superseded)
    counts = land(location, batch, logger=get_run_logger())
    _log_landed(location, "a batch", counts)
    return counts


@task(name="land the run", cache_policy=NO_CACHE)
def land_run(location: WarehouseLocation, run_id: str, run: RunRows, landed_documents: bool) -> dict[str, int]:
    """The run's own rows when it ends, and its families relinked when it landed documents."""
    tables = RunTables(run_id, to_tables(run.rows), run.superseded, relink=relink, landed_documents=landed_documents)
    # a retry while another writer commits shows in the run's logs
    counts = land(location, tables, logger=get_run_logger())
    _log_landed(location, "the run", counts)
    return counts
