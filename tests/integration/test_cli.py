"""The `consultations` command as a user runs it: a real process on a real warehouse."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import threading

import pyarrow.parquet as pq
import pytest

pytestmark = pytest.mark.integration


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], capture_output=True, text=True, timeout=120)


def test_sql_csv_is_a_header_then_one_line_per_row(seeded_warehouse):
    location = seeded_warehouse[0]
    done = cli(
        "sql",
        "SELECT source_path, language FROM documents ORDER BY 1",
        "--format",
        "csv",
        "--warehouse",
        str(location.root),
    )
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert rows[0] == ["source_path", "language"] and len(rows) == 6
    assert rows[1] == ["000_30b19b25cf31b9f3.txt", "en"]


def test_sql_json_and_table_formats(seeded_warehouse):
    location = seeded_warehouse[0]
    done = cli(
        "sql",
        "SELECT kind, count(*) AS n FROM artifacts GROUP BY kind ORDER BY n DESC",
        "-f",
        "json",
        "-w",
        str(location.root),
    )
    assert done.returncode == 0, done.stderr
    kinds = {row["kind"]: row["n"] for row in json.loads(done.stdout)}
    assert kinds["similar_documents"] >= 100 and kinds["word_bookmark"] == 1
    table = cli("sql", "SELECT title FROM documents WHERE title IS NOT NULL ORDER BY 1", "-w", str(location.root))
    assert "STOCKTAKING PHASE" in table.stdout and "4 rows" in table.stdout  # the letter has none


def test_sql_is_read_only_and_errors_are_clear(seeded_warehouse):
    location = seeded_warehouse[0]
    done = cli("sql", "DELETE FROM lake.documents", "-w", str(location.root))
    assert done.returncode == 1 and "read-only" in done.stdout.lower()
    missing = cli("sql", "SELECT 1", "-w", str(location.root / "nowhere"))
    assert missing.returncode == 1 and "no warehouse" in missing.stdout


def test_export_writes_plain_parquet(seeded_warehouse, tmp_path):
    location = seeded_warehouse[0]
    done = cli("export", str(tmp_path / "out"), "-w", str(location.root))
    assert done.returncode == 0, done.stderr
    for name, n in {"documents": 5, "sources": 5, "runs": 1}.items():
        assert pq.read_table(tmp_path / "out" / f"{name}.parquet").num_rows == n
    assert pq.read_table(tmp_path / "out" / "artifacts.parquet").column_names[:3] == ["doc_id", "artifact_no", "kind"]


def test_readers_are_not_blocked_by_an_open_write_and_never_see_it(seeded_warehouse):
    """A landing in progress (an open transaction) neither blocks `sql` nor shows half a run."""
    from warehouse.connection import CATALOG, connect

    location = seeded_warehouse[0]
    writer = connect(location)
    writer.execute("BEGIN TRANSACTION")
    writer.execute(f"DELETE FROM {CATALOG}.documents")
    result: dict = {}
    reader = threading.Thread(
        target=lambda: result.update(
            done=cli("sql", "SELECT count(*) AS n FROM documents", "-f", "csv", "-w", str(location.root))
        )
    )
    reader.start()
    reader.join(timeout=60)
    writer.execute("ROLLBACK")
    writer.close()
    assert result["done"].returncode == 0, result["done"].stderr
    assert result["done"].stdout.splitlines() == ["n", "5"]


def test_explain_shows_each_removal_in_its_raw_context(seeded_warehouse):
    location = seeded_warehouse[0]
    done = cli("explain", "004_d5584d9c1a84edb5.txt", "-w", str(location.root), "--kind", "transcription_marker")
    assert done.returncode == 0, done.stderr
    assert "1 removals" in done.stdout and "drop_transcription_marker@1" in done.stdout
    assert "Transcription:" in done.stdout and "Rapporteurship" in done.stdout  # the context after it
    unknown = cli("explain", "no-such-file.txt", "-w", str(location.root))
    assert unknown.returncode == 1 and "no document" in unknown.stdout


def test_show_prints_title_metadata_and_the_outline(seeded_warehouse):
    location = seeded_warehouse[0]
    done = cli("show", "003_03313f0c5d3ab870.txt", "-w", str(location.root))
    assert done.returncode == 0, done.stderr
    out = " ".join(done.stdout.split())
    assert out.startswith("LATIN AMERICAN AND CARIBBEAN REGIONAL PREPARATORY MEETING")
    for expected in ("date 2017-08-30", "A/RES/71/1; A/RES/71/280", "Santiago, Chile", "2. Objectives · L3"):
        assert expected in out, expected


def test_a_big_ingest_lists_the_first_hundred_documents_and_the_query_for_the_rest(tmp_path, prefect_server):
    from prefect.settings import PREFECT_API_URL

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(103):
        (inbox / f"note_{i:03d}.txt").write_text(
            f"Statement number {i} on the protection of migrant workers and their families.\n", encoding="utf-8"
        )
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "ingest", str(inbox), "-w", str(tmp_path / "wh")],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()},
    )
    assert done.returncode == 0, done.stderr
    listed = [line for line in done.stdout.splitlines() if "note_" in line]
    assert len(listed) == 100 and "note_100" not in done.stdout
    [more] = [line for line in done.stdout.splitlines() if line.startswith("… and ")]
    assert more.startswith("… and 3 more: consultations sql") and "WHERE run_id = '" in more
    query = more.split("consultations sql ", 1)[1].strip('"')
    rows = cli("sql", query, "-f", "json", "-w", str(tmp_path / "wh"))
    assert len(json.loads(rows.stdout)) == 103  # the line's own query gives them all
