"""Each batch lands as it finishes: a run killed half-way keeps what landed, the next run does
not redo it and lands the rest exactly once; a run that finds nothing new writes no data file."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.conftest import SEEDS
from tests.integration.test_one_writer import Command, wait_until
from tests.warehouse_rows import rows as query

pytestmark = pytest.mark.integration

N_DOCUMENTS = 60


def make_inbox(folder, n: int = N_DOCUMENTS):
    """`n` distinct documents: the seeds, each copy with a line of its own."""
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(n):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        (folder / f"doc_{i:04d}.txt").write_text(f"{text}\n\nCopy number {i} of this statement.\n", encoding="utf-8")
    return folder


def n_documents(warehouse) -> int:
    try:
        return query(warehouse, "SELECT count(*) FROM documents")[0][0]
    except Exception:  # no lake yet, or a catalog busy with a commit: ask again
        return 0


def test_a_killed_run_keeps_its_landed_batches_and_the_next_lands_the_rest_once(prefect_server, tmp_path):
    from prefect.settings import PREFECT_API_URL

    from flows.ingest import ingest

    inbox, warehouse = make_inbox(tmp_path / "inbox"), tmp_path / "wh"
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "CONSULTATIONS_WORKERS": "1"}
    command = Command("ingest", str(inbox), "-w", str(warehouse), "--batch-size", "2", env=env)
    try:
        assert wait_until(lambda: n_documents(warehouse) > 0, timeout=180), command.lines
        command.process.kill()  # kill -9: no chance to clean up
        command.process.wait(timeout=30)
    finally:
        command.stop()
    before = n_documents(warehouse)
    assert 0 < before < N_DOCUMENTS, "the run was not stopped half-way"
    assert query(warehouse, "SELECT count(*) FROM runs") == [(0,)]  # the killed run never ended

    again = ingest(str(inbox), str(warehouse))
    assert (again.n_unchanged, again.n_new, again.n_failed) == (before, N_DOCUMENTS - before, 0)
    assert len(again.doc_ids) == N_DOCUMENTS - before  # what landed before the kill is not redone
    assert query(warehouse, "SELECT count(*), count(DISTINCT doc_id) FROM documents") == [(N_DOCUMENTS,) * 2]
    assert query(warehouse, "SELECT count(*), count(DISTINCT source_path) FROM sources") == [(N_DOCUMENTS,) * 2]
    assert query(
        warehouse,
        "SELECT count(*) FROM (SELECT doc_id, section_no, para_no FROM paragraphs GROUP BY ALL HAVING count(*) > 1)",
    ) == [(0,)]
    # the documents of the killed run are linked into families by the next one
    assert query(warehouse, "SELECT count(*) FROM documents WHERE family_id IS NULL") == [(0,)]
    assert query(warehouse, "SELECT count(*) FROM families") == [(N_DOCUMENTS,)]


def test_a_run_with_nothing_new_writes_no_data_file(prefect_server, tmp_path):
    from flows.ingest import ingest

    inbox, warehouse = tmp_path / "inbox", tmp_path / "wh"
    shutil.copytree(SEEDS, inbox)
    first = ingest(str(inbox), str(warehouse))
    files = sorted(p.relative_to(warehouse) for p in warehouse.rglob("*.parquet"))
    # each document was written once: linking families at the run's end rewrote none of them
    assert query(
        warehouse,
        "SELECT count(*) FROM __ducklake_metadata_lake.ducklake_data_file f "
        "JOIN __ducklake_metadata_lake.ducklake_table t USING (table_id) WHERE t.table_name = 'documents'",
    ) == [(1,)]  # one batch, one file
    assert query(warehouse, "SELECT count(*) FROM documents WHERE family_id = doc_id") == [(5,)]
    again = ingest(str(inbox), str(warehouse))
    assert (first.n_new, again.n_new, again.n_unchanged) == (5, 0, 5)
    assert sorted(p.relative_to(warehouse) for p in warehouse.rglob("*.parquet")) == files
    # the run is still on record
    assert query(warehouse, "SELECT n_new, n_unchanged FROM runs ORDER BY started_at") == [(5, 0), (0, 5)]
