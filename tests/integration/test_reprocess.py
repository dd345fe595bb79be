"""Reprocessing rebuilds derived tables from stored raw text, in one commit, without the inbox."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import SEEDS

pytestmark = pytest.mark.integration

BOOKMARK_DOC = "000_30b19b25cf31b9f3.txt"


def query(location, sql, params=None):
    from warehouse.connection import connect

    con = connect(location, read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


@pytest.fixture
def ingested(prefect_server, tmp_path):
    from flows.ingest import ingest
    from warehouse.connection import resolve_location

    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    ingest(str(inbox), str(tmp_path / "wh"))
    shutil.rmtree(inbox)  # reprocessing must not need the inbox
    return resolve_location(tmp_path / "wh")


def test_a_rule_switched_off_is_undone_everywhere_batch_by_batch(ingested):
    from flows.reprocess import reprocess

    snapshots = query(ingested, "SELECT count(*) FROM lake.snapshots()")[0][0]
    result = reprocess(str(ingested.root), disabled_rules=["drop_word_bookmarks"])
    assert (result.n_examined, result.n_rebuilt, result.failures) == (5, 5, [])
    # a commit per batch (a document's old rows leave in the commit that lands its new ones), one for the run
    assert query(ingested, "SELECT count(*) FROM lake.snapshots()")[0][0] >= snapshots + 2
    clean, version = query(
        ingested, "SELECT clean_text, pipeline_version FROM documents WHERE source_path = ?", [BOOKMARK_DOC]
    )[0]
    assert "[bookmark: _GoBack]" in clean and version == result.pipeline_version
    assert query(ingested, "SELECT count(*) FROM artifacts WHERE kind = 'word_bookmark'") == [(0,)]
    assert query(ingested, "SELECT count(*) FROM documents") == [(5,)]
    assert query(ingested, "SELECT flow_name, n_changed FROM runs ORDER BY started_at") == [
        ("ingest", 0),
        ("reprocess", 5),
    ]


def test_only_outdated_documents_are_rebuilt_by_default(ingested):
    from flows.reprocess import reprocess

    assert reprocess(str(ingested.root)).n_rebuilt == 0
    assert reprocess(str(ingested.root), disabled_rules=["strip_bold_marks"]).n_rebuilt == 5
    back = reprocess(str(ingested.root))
    assert back.n_rebuilt == 5
    assert query(ingested, "SELECT count(*) FROM artifacts WHERE kind = 'word_bookmark'") == [(1,)]


# Columns and tables that joined the contract with pipeline 0.3.0 (issue 12).
NEW_COLUMNS = {
    "documents": [
        "doc_symbol",
        "distribution",
        "original_language",
        "job_number",
        "session",
        "agenda_item",
        "source_url",
        "decisions",
        "fingerprint",
        "family_id",
    ],
    "sections": ["heading_rule"],
    "paragraphs": ["rule", "evidence"],
}


def test_reprocess_fills_the_new_columns_of_an_older_warehouse_as_an_ingest_does(ingested):
    """A warehouse made before issue 12 (no families, none of its columns, an older pipeline
    version) gains them empty at its next write, and `reprocess` fills them with what a fresh
    ingest wrote, without losing a row."""
    from flows.reprocess import reprocess
    from warehouse.connection import CATALOG, connect

    fresh_documents = query(ingested, f"SELECT doc_id, {', '.join(NEW_COLUMNS['documents'])} FROM documents ORDER BY 1")
    fresh_paragraphs = query(ingested, "SELECT doc_id, para_no, rule, evidence FROM paragraphs ORDER BY 1, 2")
    fresh_families = query(ingested, "SELECT * FROM families ORDER BY doc_id")
    assert len(fresh_families) == 5 and all(row[-2] and row[-1] for row in fresh_documents)  # fingerprint, family_id
    con = connect(ingested)
    con.execute(f"DROP TABLE {CATALOG}.families")
    for table, columns in NEW_COLUMNS.items():
        for column in columns:
            con.execute(f"ALTER TABLE {CATALOG}.{table} DROP COLUMN {column}")
    con.execute(f"UPDATE {CATALOG}.documents SET pipeline_version = '0.2.0+rules.0ld0ld00'")
    con.close()

    result = reprocess(str(ingested.root))
    assert (result.n_examined, result.n_rebuilt, result.failures) == (5, 5, [])
    assert query(ingested, f"SELECT doc_id, {', '.join(NEW_COLUMNS['documents'])} FROM documents ORDER BY 1") == (
        fresh_documents
    )
    assert query(ingested, "SELECT doc_id, para_no, rule, evidence FROM paragraphs ORDER BY 1, 2") == fresh_paragraphs
    assert query(ingested, "SELECT * FROM families ORDER BY doc_id") == fresh_families
    assert query(ingested, "SELECT count(*) FROM documents WHERE fingerprint IS NULL OR family_id IS NULL") == [(0,)]
