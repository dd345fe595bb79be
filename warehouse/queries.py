"""Read paths over the warehouse: ad-hoc SQL, exports, summaries."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse.connection import CATALOG, WarehouseLocation, connect
from warehouse.schema import TABLES


class QueryError(ValueError):
    pass


def run_sql(location: WarehouseLocation, query: str) -> tuple[list[str], list[tuple]]:
    """Run SQL on a read-only attachment: writes fail, and a running ingestion is never blocked."""
    con = connect(location, read_only=True)
    try:
        cursor = con.execute(query)
        if cursor.description is None:
            return [], []
        return [d[0] for d in cursor.description], cursor.fetchall()
    except duckdb.Error as error:
        raise QueryError(str(error)) from error
    finally:
        con.close()


def export_tables(location: WarehouseLocation, directory: Path) -> dict[str, int]:
    directory.mkdir(parents=True, exist_ok=True)
    con = connect(location, read_only=True)
    try:
        counts = {}
        for name in TABLES:
            target = (directory / f"{name}.parquet").resolve()
            con.execute(f"COPY (SELECT * FROM {CATALOG}.{name}) TO '{target}' (FORMAT parquet)")
            counts[name] = con.execute(f"SELECT count(*) FROM {CATALOG}.{name}").fetchone()[0]
        return counts
    finally:
        con.close()


def landed_documents(location: WarehouseLocation, doc_ids: list[str]) -> list[tuple]:
    """Per document: path, title, language, sections, paragraphs, removals by kind."""
    con = connect(location, read_only=True)
    try:
        con.register("wanted", pa.table({"doc_id": pa.array(doc_ids, pa.string())}))
        return con.execute("""
            SELECT d.source_path, d.title, d.language, d.n_sections, d.n_paragraphs,
                   (SELECT list({'kind': kind, 'n': n}) FROM (
                        SELECT kind, count(*) AS n FROM artifacts a
                        WHERE a.doc_id = d.doc_id GROUP BY kind)) AS noise
            FROM documents d JOIN wanted USING (doc_id)
            ORDER BY d.source_path""").fetchall()
    finally:
        con.close()
