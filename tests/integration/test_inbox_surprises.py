"""Three per-file surprises in a real inbox, ingested by the real flow: links out of the inbox,
a file name that is not UTF-8, and the same failing bytes at two paths. Each is a typed failure
row of its own, nothing outside the inbox is read, and the other files land."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.warehouse_rows import rows
from warehouse.connection import resolve_location
from warehouse.schema import TABLES

pytestmark = pytest.mark.integration

SEED = Path(__file__).resolve().parents[2] / "seeds" / "001_a4f33d47e65f10cd.txt"
SECRET = "Outside-the-inbox marker 7f3a: this text must never land."
BAD_NAME = b"caf\xe9.txt"


@pytest.fixture(scope="module")
def run(prefect_server, tmp_path_factory):
    from flows.ingest import ingest

    root = tmp_path_factory.mktemp("surprises")
    inbox, outside = root / "inbox", root / "outside"
    (inbox / "sub").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    (outside / "more.txt").write_text(SECRET + " Again.\n", encoding="utf-8")
    shutil.copy(SEED, inbox / "sub" / "seed.txt")
    os.symlink(outside / "secret.txt", inbox / "secret.txt")
    os.symlink(outside, inbox / "elsewhere")
    os.symlink(inbox / "sub" / "seed.txt", inbox / "seed-link.txt")  # inside the inbox: fine
    (inbox / "empty-1.txt").write_bytes(b"")
    (inbox / "sub" / "empty-2.txt").write_bytes(b"")
    try:
        (inbox / os.fsdecode(BAD_NAME)).write_text("Le caf\u00e9 du matin, une note courte.\n", encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 names")
    result = ingest(str(inbox), str(root / "warehouse"))
    return result, resolve_location(root / "warehouse")


def test_each_surprise_is_a_typed_failure_row_of_its_own(run):
    result, location = run
    failures = {p: (t, m) for p, t, m in rows(location, "SELECT source_path, error_type, error_message FROM failures")}
    assert {p: t for p, (t, _) in failures.items()} == {
        "secret.txt": "outside_inbox",
        "elsewhere": "outside_inbox",
        "caf\\xe9.txt": "bad_file_name",
        "empty-1.txt": "empty",
        "sub/empty-2.txt": "empty",
    }
    assert failures["secret.txt"][1].startswith("secret.txt links outside the inbox to ")
    assert "rename it" in failures["caf\\xe9.txt"][1]
    assert failures["sub/empty-2.txt"][1].startswith("sub/empty-2.txt: the file is empty")
    assert {f.source_path for f in result.failures} == set(failures)


def test_the_other_files_land_and_the_run_completes(run):
    result, location = run
    assert {r[0] for r in rows(location, "SELECT source_path FROM documents")} <= {"sub/seed.txt", "seed-link.txt"}
    statuses = dict(rows(location, "SELECT source_path, status FROM sources"))
    assert statuses == {
        "sub/seed.txt": "landed",
        "seed-link.txt": "landed",
        "empty-1.txt": "failed",
        "sub/empty-2.txt": "failed",
    }
    [row] = rows(location, "SELECT status, n_seen, n_failed FROM runs")
    assert row == ("completed_with_failures", 7, 5)


def test_nothing_outside_the_inbox_is_read(run):
    _, location = run
    for table in TABLES:
        for row in rows(location, f"SELECT * FROM {table}"):
            assert not any(isinstance(v, str) and "7f3a" in v for v in row), (table, row)
