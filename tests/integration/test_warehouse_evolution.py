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


def test_show_reads_a_warehouse_made_before_families_and_the_step_columns(tmp_path):
    """`consultations show` on a warehouse no write has upgraded yet: the missing columns read
    as empty, the family as none; the next write adds them and keeps the rows."""
    from warehouse.queries import document_outline

    location = resolve_location(tmp_path / "old")
    con = connect(location)
    con.execute(f"DROP TABLE {CATALOG}.families")
    for table, column in [
        ("documents", "fingerprint"),
        ("documents", "family_id"),
        ("documents", "decisions"),
        ("documents", "doc_symbol"),
        ("sections", "heading_rule"),
        ("paragraphs", "rule"),
    ]:
        con.execute(f"ALTER TABLE {CATALOG}.{table} DROP COLUMN {column}")
    con.execute(
        f"INSERT INTO {CATALOG}.documents (doc_id, source_path, source_format, language, n_sections, n_paragraphs, "
        "n_words, pipeline_version) VALUES ('d1', 'a.txt', 'txt', 'en', 1, 1, 3, '0.2.0+rules.abcd1234')"
    )
    con.execute(f"INSERT INTO {CATALOG}.sections (doc_id, section_no, heading, level) VALUES ('d1', 0, 'Intro', 1)")
    con.close()

    doc, sections = document_outline(location, "d1")
    assert (doc["family"], doc["decisions"], doc["doc_symbol"], doc["family_id"]) == ([], None, None, None)
    assert sections[0]["heading_rule"] is None and sections[0]["paragraph_rules"] is None

    con = connect(location)
    assert con.execute("SELECT doc_id, fingerprint, family_id FROM documents").fetchall() == [("d1", None, None)]
    assert con.execute("SELECT count(*) FROM families").fetchone() == (0,)
    con.close()
