"""`consultations sql` can only read the warehouse: a real process on a warehouse made by a real
ingest. Each way out (another attachment of the catalog, COPY TO, file-reading functions,
extensions, settings, writes) is refused in one line, writes no file and leaves every row as it
was; the queries the README shows still work."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from warehouse.connection import connect
from warehouse.schema import TABLES

pytestmark = pytest.mark.integration

OUTSIDE = "error: the query reads or writes outside the warehouse"
READ_ONLY = "error: the warehouse is read-only"


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], capture_output=True, text=True, timeout=120)


def state(location) -> dict[str, int]:
    """Rows per table and the number of snapshots: what a write would change."""
    con = connect(location, read_only=True)
    try:
        counts = {name: con.execute(f'SELECT count(*) FROM lake."{name}"').fetchone()[0] for name in TABLES}
        counts["snapshots"] = con.execute("SELECT count(*) FROM lake.snapshots()").fetchone()[0]
        return counts
    finally:
        con.close()


def refusals(location, outside_dir) -> list[tuple[str, str, str]]:
    """(case, query, the one line it must print)."""
    catalog = location.root / "catalog.sqlite"
    secret = outside_dir / "secret.txt"
    return [
        (
            "attach the catalog again, then delete",
            f"ATTACH 'ducklake:sqlite:{catalog}' AS rw (DATA_PATH '{location.data_path}'); DELETE FROM rw.documents",
            f"{OUTSIDE} (ATTACH is not allowed)",
        ),
        (
            "copy to a file",
            f"COPY (SELECT * FROM documents) TO '{outside_dir / 'stolen.csv'}'",
            f"{OUTSIDE} (COPY is not allowed)",
        ),
        (
            "copy into the data path",
            f"COPY (SELECT * FROM documents) TO '{location.data_path}stolen.parquet'",
            f"{OUTSIDE} (COPY is not allowed)",
        ),
        ("read_text", f"SELECT * FROM read_text('{secret}')", f'{OUTSIDE} (Cannot access file "{secret}")'),
        ("read_csv", f"SELECT * FROM read_csv('{secret}')", f'{OUTSIDE} (Cannot access file "{secret}")'),
        ("glob", f"SELECT * FROM glob('{outside_dir}/*')", f'{OUTSIDE} (Cannot access file "{outside_dir}/*")'),
        ("install", "INSTALL httpfs", f"{OUTSIDE} (INSTALL is not allowed)"),
        ("load", "LOAD httpfs", f"{OUTSIDE} (LOAD is not allowed)"),
        ("set", "SET enable_external_access = true", f"{OUTSIDE} (SET is not allowed)"),
        ("delete", "DELETE FROM lake.documents", f"{READ_ONLY} (DELETE is not allowed)"),
        ("delete behind a select", "SELECT 1; DELETE FROM documents", f"{READ_ONLY} (DELETE is not allowed)"),
        (
            "explain analyze runs what it explains",
            "EXPLAIN ANALYZE DELETE FROM lake.documents",
            f"{READ_ONLY} (DELETE is not allowed)",
        ),
        ("drop", "DROP TABLE lake.documents", f"{READ_ONLY} (DROP is not allowed)"),
        ("create", "CREATE TABLE lake.copied AS SELECT * FROM lake.documents", f"{READ_ONLY} (CREATE is not allowed)"),
    ]


@pytest.fixture(scope="module")
def outside(tmp_path_factory):
    folder = tmp_path_factory.mktemp("outside")
    (folder / "secret.txt").write_text("name,value\nsecret,4471\n")
    return folder


def test_every_way_out_is_refused_in_one_line_and_changes_nothing(seeded_warehouse, outside):
    location = seeded_warehouse[0]
    before = state(location)
    data_files = sorted(p for p in location.root.rglob("*") if p.is_file())
    for case, query, expected in refusals(location, outside):
        done = cli("sql", query, "-w", str(location.root))
        said = done.stdout + done.stderr
        assert done.returncode == 1, (case, said)
        assert said.strip() == expected, (case, said)
        assert "4471" not in said and "Traceback" not in said, case
    assert sorted(p.name for p in outside.iterdir()) == ["secret.txt"]  # nothing written next to it
    assert sorted(p for p in location.root.rglob("*") if p.is_file()) == data_files  # nor in the warehouse
    assert state(location) == before and before["documents"] == 5


def test_the_readme_queries_views_and_time_travel_still_work(seeded_warehouse):
    location = seeded_warehouse[0]
    root = str(location.root)

    def rows(query: str) -> list[list[str]]:
        done = cli("sql", query, "-f", "csv", "-w", root)
        assert done.returncode == 0, done.stdout + done.stderr
        return list(csv.reader(io.StringIO(done.stdout)))

    by_language = rows(
        "SELECT language, count(*) AS documents, sum(n_words) AS words FROM documents GROUP BY language "
        "ORDER BY documents DESC"
    )
    assert by_language[0] == ["language", "documents", "words"] and sum(int(r[1]) for r in by_language[1:]) == 5
    outline = rows(
        "SELECT section_no, level, heading, n_words FROM sections WHERE doc_id = "
        "(SELECT doc_id FROM sources WHERE source_path = '003_03313f0c5d3ab870.txt') ORDER BY section_no"
    )
    assert len(outline) > 3
    noise = rows(
        "SELECT kind, rule, count(*) AS n, any_value(text) AS example FROM artifacts WHERE doc_id = "
        "(SELECT doc_id FROM sources WHERE source_path = '004_d5584d9c1a84edb5.txt') GROUP BY ALL ORDER BY n DESC"
    )
    assert "transcription_marker" in {r[0] for r in noise[1:]}
    assert rows(
        "SELECT d.title, p.text FROM paragraphs p JOIN documents d USING (doc_id) WHERE p.text ILIKE '%A/RES/71/280%'"
    )[1:]
    assert rows("SELECT source_path, stage, error_type FROM failures ORDER BY failed_at DESC")[0][0] == "source_path"
    # The lake itself: its snapshots, and an earlier state of it (before the run landed documents).
    first = rows("SELECT snapshot_id FROM lake.snapshots() WHERE commit_message = 'create tables (contract v1)'")[1][0]
    assert rows(f"SELECT count(*) AS n FROM lake.documents AT (VERSION => {first})") == [["n"], ["0"]]
    assert rows("SELECT count(*) AS n FROM lake.documents") == [["n"], ["5"]]
    # Other read forms DuckDB parses as SELECT, and PIVOT (whose enum types DuckDB creates itself).
    assert ["documents"] in rows("SHOW TABLES")
    assert rows("PIVOT (SELECT source_format FROM documents) ON source_format USING count(*)") == [["txt"], ["5"]]
    assert rows("SELECT 1 AS a; SELECT 2 AS b") == [["b"], ["2"]]


def test_export_still_writes_parquet_to_a_path_with_a_quote(seeded_warehouse, tmp_path):
    location = seeded_warehouse[0]
    target = tmp_path / "it's here"
    done = cli("export", str(target), "-w", str(location.root))
    assert done.returncode == 0, done.stdout + done.stderr
    assert pq.read_table(target / "documents.parquet").num_rows == 5
    assert sorted(p.name for p in target.iterdir()) == sorted(f"{name}.parquet" for name in TABLES)
