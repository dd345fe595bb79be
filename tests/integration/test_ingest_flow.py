"""Real flow runs on a real warehouse: idempotence, supersession, duplicates and bad files."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.conftest import SEEDS
from tests.run_logs import run_logs_contain

pytestmark = pytest.mark.integration

COUNTS = """SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sections),
                  (SELECT count(*) FROM paragraphs), (SELECT count(*) FROM artifacts),
                  (SELECT count(*) FROM sources), (SELECT count(*) FROM failures)"""


def run(inbox, warehouse):
    from flows.ingest import ingest

    return ingest(str(inbox), str(warehouse))


def query(warehouse, sql, params=None):
    from warehouse.connection import connect, resolve_location

    con = connect(resolve_location(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    shutil.copytree(SEEDS, folder)
    return folder


def test_rerun_on_unchanged_inbox_lands_nothing_new(prefect_server, inbox, tmp_path):
    warehouse = tmp_path / "wh"
    first = run(inbox, warehouse)
    before = query(warehouse, COUNTS)
    second = run(inbox, warehouse)
    assert (first.n_new, second.n_new, second.n_unchanged) == (5, 0, 5)
    assert second.doc_ids == [] and set(second.landed) == {"runs"}
    assert query(warehouse, COUNTS) == before
    runs = query(warehouse, "SELECT n_seen, n_new, n_unchanged, status FROM runs ORDER BY started_at")
    assert runs == [(5, 5, 0, "completed"), (5, 0, 5, "completed")]


def test_touched_file_with_same_content_is_not_reprocessed(prefect_server, inbox, tmp_path):
    warehouse = tmp_path / "wh"
    run(inbox, warehouse)
    target = inbox / "000_30b19b25cf31b9f3.txt"
    os.utime(target, (1_700_000_000, 1_700_000_000))
    again = run(inbox, warehouse)
    assert again.doc_ids == [] and again.n_unchanged == 5
    assert query(warehouse, "SELECT count(*) FROM sources") == [(5,)]


def test_changed_file_supersedes_its_previous_version(prefect_server, inbox, tmp_path):
    warehouse = tmp_path / "wh"
    run(inbox, warehouse)
    target = inbox / "000_30b19b25cf31b9f3.txt"
    (old_id,) = query(warehouse, "SELECT doc_id FROM sources WHERE source_path = ?", [target.name])[0]
    target.write_text(target.read_text(encoding="utf-8") + "\nA postscript added later.\n", encoding="utf-8")
    changed = run(inbox, warehouse)
    assert (changed.n_changed, changed.n_new, len(changed.doc_ids)) == (1, 0, 1)
    (new_id,) = query(warehouse, "SELECT doc_id FROM sources WHERE source_path = ?", [target.name])[0]
    assert new_id != old_id
    for table in ("documents", "sections", "paragraphs", "artifacts"):
        assert query(warehouse, f"SELECT count(*) FROM {table} WHERE doc_id = ?", [old_id]) == [(0,)]
    assert query(warehouse, "SELECT count(*) FROM documents") == [(5,)]
    assert "postscript" in query(warehouse, "SELECT clean_text FROM documents WHERE doc_id = ?", [new_id])[0][0]


def test_same_content_at_two_paths_is_one_document_with_two_sources(prefect_server, inbox, tmp_path):
    (inbox / "copies").mkdir()
    shutil.copy(inbox / "002_0dc92c18a11a9b3c.txt", inbox / "copies" / "statement.md")
    warehouse = tmp_path / "wh"
    result = run(inbox, warehouse)
    assert result.n_seen == 6 and len(result.doc_ids) == 5
    rows = query(
        warehouse,
        "SELECT source_path FROM sources WHERE doc_id = "
        "(SELECT doc_id FROM sources WHERE source_path = 'copies/statement.md')",
    )
    assert sorted(r[0] for r in rows) == ["002_0dc92c18a11a9b3c.txt", "copies/statement.md"]
    assert query(warehouse, "SELECT count(*) FROM documents") == [(5,)]


def test_bad_files_land_failures_and_the_run_goes_on(prefect_server, inbox, tmp_path):
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (inbox / "scan.tiff").write_bytes(b"II*\x00" + b"\x00" * 64)
    legacy = "La migración y la protección de los niños: ação, café, élève.\n"
    (inbox / "legacy.txt").write_bytes(legacy.encode("cp1252"))
    warehouse = tmp_path / "wh"
    result = run(inbox, warehouse)
    failures = dict(query(warehouse, "SELECT source_path, error_type FROM failures"))
    assert failures == {"empty.txt": "empty", "junk.txt": "binary", "scan.tiff": "unsupported_format"}
    messages = [m for (m,) in query(warehouse, "SELECT error_message FROM failures")]
    assert all(len(m) > 20 for m in messages)
    assert len(result.doc_ids) == 6 and result.n_failed == 3
    assert query(warehouse, "SELECT status FROM runs") == [("completed_with_failures",)]
    clean, encoding = query(warehouse, "SELECT clean_text, encoding FROM documents WHERE source_path = 'legacy.txt'")[0]
    assert ("ação" in clean, "café" in clean, encoding) == (True, True, "cp1252")
    again = run(inbox, warehouse)
    assert again.n_failed == 0 and again.n_unchanged == 9
    assert query(warehouse, "SELECT count(*) FROM failures") == [(3,)]


def test_the_run_publishes_its_summary_and_documents_as_artifacts(prefect_server, inbox, tmp_path):
    """What someone watching the Prefect UI reads: the run's name, the summary, the table of
    documents, and each failure in the logs with its reason."""
    from uuid import UUID

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    (inbox / "empty.txt").write_bytes(b"")
    result = run(inbox, tmp_path / "wh")
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[UUID(result.run_id)])))
    by_type = {a.type: a for a in artifacts}
    assert set(by_type) >= {"markdown", "table", "progress"}
    summary = by_type["markdown"].data
    assert "| new | 6 |" in summary and "| failed | 1 |" in summary
    assert "| similar_documents | 101 |" in summary and "| empty.txt | extract | empty |" in summary
    slowest_path = result.slowest[0][0]
    assert len(result.slowest) == 6 and f"| {slowest_path} | {result.slowest[0][1]:.2f} |" in summary
    assert by_type["progress"].data == 100.0
    assert "003_03313f0c5d3ab870.txt" in str(by_type["table"].data)
    with get_client(sync_client=True) as client:
        assert client.read_flow_run(UUID(result.run_id)).name.startswith("ingest inbox · ")
    assert run_logs_contain(result.run_id, "empty.txt failed at extract: empty"), (
        "the failure of empty.txt never reached the run's logs"
    )


def test_a_file_rewritten_between_discover_and_extract_fails_instead_of_landing_wrong_text(inbox, tmp_path):
    """A file still being copied when the run hashed it: its text would not be its doc_id's."""
    from tasks.discover import discover_files
    from tasks.extract import extract_files
    from warehouse.connection import resolve_location

    found = discover_files(inbox, resolve_location(tmp_path / "wh"))
    target = inbox / "000_30b19b25cf31b9f3.txt"
    target.write_bytes(target.read_bytes() + b"\nA paragraph copied after the hash.\n")
    docs, failures, _ = extract_files(inbox, list(found.classified.to_process))
    assert [(f.source_path, f.stage, f.error_type) for f in failures] == [
        ("000_30b19b25cf31b9f3.txt", "extract", "changed_during_run")
    ]
    assert len(docs) == 4 and "000_30b19b25cf31b9f3.txt" not in {d.source_path for d in docs}


def test_a_link_out_of_the_inbox_fails_alone_unread_and_is_reported_again_next_run(prefect_server, inbox, tmp_path):
    """/proc/self/mem is a file no process can read (EIO): linked into the inbox, it is refused
    at discover as a link out of the inbox, before anything opens it (the read error it would
    give is tested in tests/unit/test_inbox_files.py); the other files land."""
    (inbox / "unreadable.txt").symlink_to("/proc/self/mem")
    first = run(inbox, tmp_path / "wh")
    assert (first.n_new, first.n_failed) == (5, 1)
    [failure] = first.failures
    assert (failure.source_path, failure.stage, failure.error_type) == ("unreadable.txt", "discover", "outside_inbox")
    assert "links outside the inbox" in failure.error_message and "not read" in failure.error_message
    second = run(inbox, tmp_path / "wh")
    assert (second.n_unchanged, second.n_failed) == (5, 1), "the link was not reported again"
    assert query(tmp_path / "wh", "SELECT count(*) FROM documents") == [(5,)]
    assert query(tmp_path / "wh", "SELECT count(*) FROM sources WHERE source_path = 'unreadable.txt'") == [(0,)]
