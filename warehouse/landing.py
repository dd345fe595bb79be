"""Landing: each batch of a run in one DuckLake commit as it finishes, then the run's own rows
in one more, so a reader never sees half a document and an interrupted run keeps its batches."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Callable

import duckdb
import pyarrow as pa

from warehouse.connection import CATALOG, WarehouseLocation, WarehouseUnavailable, connect
from warehouse.schema import DOCUMENT_TABLES, TABLES

log = logging.getLogger(__name__)


@dataclass
class RunTables:
    """What one commit lands: a batch's, or the run's own rows at its end. `superseded` doc_ids
    leave the document tables; `sources` rows replace the rows of the same paths. `relink`, given
    at the end of a run that landed or removed documents, turns the family keys of every document
    then in the warehouse (FAMILY_KEYS, old and new) into the rows of `families` (tasks/land.py
    gives it: the warehouse does not know how documents are linked)."""

    run_id: str
    tables: dict[str, pa.Table]
    superseded: list[str] = field(default_factory=list)
    relink: Callable[[list[dict]], list[dict]] | None = None
    landed_documents: bool = False  # the run's batches landed or removed documents: relink them


# What linking families reads of each document: small columns, never the texts.
FAMILY_KEYS = ("doc_id", "language", "source_format", "doc_symbol", "fingerprint", "family_id")


# Another writer holds the catalog: the only errors worth retrying.
_TRANSIENT = ("database is locked", "conflict", "busy")
# How long a run waits for another writer's commit before it gives up (a big run's commit takes
# seconds; two runs only meet when one is started by hand beside the scheduled one).
PATIENCE_S = 120.0


def land(
    location: WarehouseLocation,
    run: RunTables,
    patience_s: float = PATIENCE_S,
    logger: logging.Logger | logging.LoggerAdapter = log,
) -> dict[str, int]:
    """Write one batch, or the run's end, in one transaction. While another writer holds the
    catalog, roll back, wait and try again (0.5 s, 1 s, 2 s ... up to 10 s apart) for up to
    `patience_s` seconds; nothing is lost meanwhile, it is all still in memory."""
    delay, deadline, attempt = 0.5, time.monotonic() + patience_s, 0
    while True:
        attempt += 1
        con = None
        try:
            con = connect(location)
            return _land_once(con, run)
        except duckdb.Error as error:
            if con is not None:
                _rollback(con)
            if not any(t in str(error).lower() for t in _TRANSIENT) or time.monotonic() + delay > deadline:
                raise
            logger.warning(
                "landing attempt %d conflicted with another writer (%s); retrying in %.1fs",
                attempt,
                " ".join(str(error).split()),
                delay,
            )
            time.sleep(delay)
            delay = min(2 * delay, 10.0)
        finally:
            if con is not None:
                con.close()


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    try:
        con.execute("ROLLBACK")
    except duckdb.Error:  # nothing was open
        pass


def _land_once(con: duckdb.DuckDBPyConnection, run: RunTables) -> dict[str, int]:
    counts: dict[str, int] = {}
    con.execute("BEGIN TRANSACTION")
    tables = dict(run.tables)
    if run.relink is None and "documents" in tables and tables["documents"].num_rows:
        tables["documents"] = _provisional_families(con, tables["documents"])
    if run.superseded:
        ids = pa.table({"doc_id": pa.array(sorted(set(run.superseded)), pa.string())})
        con.register("superseded_ids", ids)
        for name in DOCUMENT_TABLES:
            con.execute(f"DELETE FROM {CATALOG}.{name} WHERE doc_id IN (SELECT doc_id FROM superseded_ids)")
    new_sources = run.tables.get("sources")
    if new_sources is not None and new_sources.num_rows:
        con.register("new_sources", new_sources)
        # a path is its inbox's: another inbox's file of the same name stays (a row from before
        # inboxes were kept, inbox NULL, is replaced by the inbox that has its path)
        con.execute(
            f"DELETE FROM {CATALOG}.sources WHERE source_path IN (SELECT source_path FROM new_sources) "
            "AND (inbox IS NULL OR inbox IN (SELECT inbox FROM new_sources))"
        )
    relinked = None
    if run.relink is not None and (run.landed_documents or run.superseded or _has_unlinked(con)):
        tables, relinked = _relink(con, run.relink, tables, run.run_id)
    for name, table in tables.items():
        if table.num_rows == 0:
            continue
        table = table.select(TABLES[name].names).cast(TABLES[name])
        con.register(f"incoming_{name}", table)
        columns = ", ".join(f'"{c}"' for c in table.column_names)
        con.execute(f"INSERT INTO {CATALOG}.{name} ({columns}) SELECT {columns} FROM incoming_{name}")
        counts[name] = table.num_rows
    if relinked is not None and relinked.num_rows:
        con.register("relinked", relinked)
        con.execute(
            f"UPDATE {CATALOG}.documents SET family_id = r.family_id FROM relinked r "
            f"WHERE {CATALOG}.documents.doc_id = r.doc_id"
        )
    con.execute(f"CALL {CATALOG}.set_commit_message('consultations', ?)", [f"run {run.run_id}"])
    con.execute("COMMIT")
    return counts


def _has_unlinked(con: duckdb.DuckDBPyConnection) -> bool:
    """Documents a run landed but could not link before it was stopped: the next run links them."""
    return con.execute(f"SELECT count(*) FROM {CATALOG}.documents WHERE family_id IS NULL").fetchone()[0] > 0


def _provisional_families(con: duckdb.DuckDBPyConnection, documents: pa.Table) -> pa.Table:
    """A batch's documents land with a family until the run's end links them: the one the row
    they replace had (a rebuilt document), else their own doc_id, which is what a document of no
    family is given. So the run's relink updates only the rows whose family it changes (the few
    translations), never rewrites every document it landed."""
    ids = documents.column("doc_id")
    con.register("arriving_ids", pa.table({"doc_id": ids}))
    had = dict(
        con.execute(
            f"SELECT doc_id, family_id FROM {CATALOG}.documents WHERE doc_id IN (SELECT doc_id FROM arriving_ids)"
        ).fetchall()
    )
    families = [
        family or had.get(doc_id) or doc_id
        for doc_id, family in zip(ids.to_pylist(), documents.column("family_id").to_pylist())
    ]
    position = documents.schema.get_field_index("family_id")
    return documents.set_column(position, documents.schema.field("family_id"), pa.array(families, pa.string()))


def _relink(
    con: duckdb.DuckDBPyConnection,
    relink: Callable[[list[dict]], list[dict]],
    tables: dict[str, pa.Table],
    run_id: str,
) -> tuple[dict[str, pa.Table], pa.Table]:
    """Families over the documents left after the run's deletions plus the incoming ones, read
    inside the run's transaction (a retry reads again). Returns the tables with the incoming
    documents' family_id set and `families` replaced whole, and the (doc_id, family_id) of stored
    documents whose family changed: only those rows are updated. The run's own documents whose
    family is their own doc_id (provisional, _provisional_families) claim no family name."""
    columns = ", ".join(f'"{c}"' for c in FAMILY_KEYS)
    stored = (
        con.execute(
            f"SELECT {columns}, family_id = doc_id AND run_id = ? AS provisional FROM {CATALOG}.documents", [run_id]
        )
        .to_arrow_table()
        .to_pylist()
    )
    incoming = tables.get("documents", TABLES["documents"].empty_table())
    new_keys = incoming.select(list(FAMILY_KEYS)).to_pylist()
    arriving = {k["doc_id"] for k in new_keys}
    stored = [k for k in stored if k["doc_id"] not in arriving]
    claims = [
        {**{c: k[c] for c in FAMILY_KEYS}, "family_id": None if k["provisional"] else k["family_id"]} for k in stored
    ]
    members = relink(claims + [{**k, "family_id": None} for k in new_keys])
    family_of = {m["doc_id"]: m["family_id"] for m in members}
    position = incoming.schema.get_field_index("family_id")
    tables["documents"] = incoming.set_column(
        position,
        incoming.schema.field("family_id"),
        pa.array([family_of.get(d) for d in incoming.column("doc_id").to_pylist()], pa.string()),
    )
    con.execute(f"DELETE FROM {CATALOG}.families")
    tables["families"] = pa.Table.from_pylist(members, schema=TABLES["families"])
    changed = [
        {"doc_id": k["doc_id"], "family_id": family_of[k["doc_id"]]}
        for k in stored
        if family_of.get(k["doc_id"]) != k["family_id"]
    ]
    relinked = pa.Table.from_pylist(changed, schema=pa.schema([("doc_id", pa.string()), ("family_id", pa.string())]))
    return tables, relinked


def _reader(location: WarehouseLocation) -> duckdb.DuckDBPyConnection | None:
    """A read-only connection, or None while there is no lake yet: one attach, where asking
    `exists()` first would attach a catalog server twice."""
    try:
        return connect(location, read_only=True)
    except WarehouseUnavailable:
        raise
    except FileNotFoundError:
        return None


def known_sources(location: WarehouseLocation) -> pa.Table:
    """Every path the warehouse remembers, with the size and mtime it had."""
    con = _reader(location)
    if con is None:
        return TABLES["sources"].empty_table()
    try:
        return con.execute("SELECT * FROM sources").to_arrow_table()
    finally:
        con.close()


def landed_doc_ids(location: WarehouseLocation, doc_ids: list[str]) -> set[str]:
    """Which of these documents are already in the warehouse (same content elsewhere)."""
    con = _reader(location) if doc_ids else None
    if con is None:
        return set()
    try:
        con.register("wanted", pa.table({"doc_id": pa.array(doc_ids, pa.string())}))
        rows = con.execute(
            "SELECT DISTINCT doc_id FROM documents WHERE doc_id IN (SELECT doc_id FROM wanted)"
        ).fetchall()
        return {r[0] for r in rows}
    finally:
        con.close()
