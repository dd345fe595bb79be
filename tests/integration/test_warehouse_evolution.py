"""A warehouse made by an earlier contract gains the tables and columns added since."""

from __future__ import annotations

import pytest

from warehouse.connection import CATALOG, connect, resolve_location
from warehouse.schema import TABLES

pytestmark = pytest.mark.integration


def test_an_older_warehouse_gains_new_tables_and_columns_and_keeps_its_rows(tmp_path):
    location = resolve_location(tmp_path / "old")
    con = connect(location)
    # Make it look like the first contract: no `tables` table, no documents.properties.
    con.execute(f"DROP TABLE {CATALOG}.tables")
    con.execute(f"ALTER TABLE {CATALOG}.documents DROP COLUMN properties")
    con.execute(f"INSERT INTO {CATALOG}.documents (doc_id, source_path) VALUES ('d1', 'a.txt')")
    con.close()

    con = connect(location)
    columns = [
        r[0]
        for r in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE database_name = ? AND table_name = 'documents'", [CATALOG]
        ).fetchall()
    ]
    assert "properties" in columns
    assert con.execute("SELECT count(*) FROM tables").fetchone() == (0,)
    assert con.execute("SELECT doc_id, properties FROM documents").fetchall() == [("d1", None)]
    assert set(TABLES) <= {
        r[0]
        for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = ?", [CATALOG]).fetchall()
    }
    con.close()


def test_an_older_warehouse_reads_before_its_first_write_gives_it_the_new_tables(tmp_path):
    location = resolve_location(tmp_path / "old")
    con = connect(location)
    con.execute(f"DROP TABLE {CATALOG}.footnotes")  # made before the footnotes table
    con.execute(f"INSERT INTO {CATALOG}.documents (doc_id, source_path) VALUES ('d1', 'a.pdf')")
    con.close()

    reader = connect(location, read_only=True)  # what `reprocess` and `sql` do first
    assert reader.execute("SELECT doc_id FROM documents").fetchall() == [("d1",)]
    reader.close()
    con = connect(location)
    assert con.execute("SELECT count(*) FROM footnotes").fetchone() == (0,)
    con.close()
