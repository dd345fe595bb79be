"""A folder of broken files beside good ones: every broken file lands a typed failure whose
message says what to do, every good file still lands, and the run completes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.builders import docx_files, pdfs
from tests.builders.html_pages import ENGLISH_PAGE
from warehouse.connection import connect, resolve_location

pytestmark = pytest.mark.integration

SEED = Path(__file__).resolve().parents[2] / "seeds" / "001_a4f33d47e65f10cd.txt"

BROKEN = {
    "truncated.pdf": (pdfs.truncated_pdf, "corrupt"),
    "encrypted.pdf": (pdfs.encrypted_pdf, "encrypted"),
    "scan.pdf": (pdfs.scan_pdf, "no_text_layer"),
    "blank.pdf": (pdfs.blank_pdf, "empty"),
    "zero.pdf": (lambda: b"", "empty"),
    "renamed.pdf": (pdfs.not_a_pdf, "corrupt"),
    "old-word.docx": (docx_files.not_a_zip_docx, "corrupt"),
    "damaged.docx": (docx_files.bad_crc_docx, "corrupt"),
    "bomb.docx": (docx_files.zip_bomb_docx, "zip_bomb"),
    "wrong-charset.html": (
        lambda: ENGLISH_PAGE.replace("’", "'").replace("Geneva", "Genève").encode("latin-1"),
        "bad_charset",
    ),
    "unknown-charset.html": (
        lambda: b'<html><head><meta charset="x-made-up"></head><body><p>Hola</p></body></html>',
        "unknown_charset",
    ),
}
GOOD = {
    "report.pdf": lambda: pdfs.sample_report_pdf("en").pdf,
    "statement.docx": lambda: docx_files.statement_docx("es")[0],
    "page.html": lambda: ENGLISH_PAGE.encode("utf-8"),
}


@pytest.fixture(scope="module")
def run(prefect_server, tmp_path_factory):
    from flows.ingest import ingest

    root = tmp_path_factory.mktemp("broken")
    inbox = root / "inbox"
    inbox.mkdir()
    for name, (make, _) in BROKEN.items():
        (inbox / name).write_bytes(make())
    for name, make in GOOD.items():
        (inbox / name).write_bytes(make())
    shutil.copy(SEED, inbox / "seed.txt")
    result = ingest(str(inbox), str(root / "warehouse"))
    return result, resolve_location(root / "warehouse")


def test_each_broken_file_lands_a_typed_failure(run):
    result, location = run
    con = connect(location, read_only=True)
    failures = {
        path: (error_type, message)
        for path, error_type, message in con.execute(
            "SELECT source_path, error_type, error_message FROM failures"
        ).fetchall()
    }
    con.close()
    assert {path: error_type for path, (error_type, _) in failures.items()} == {
        name: error_type for name, (_, error_type) in BROKEN.items()
    }
    for path, (_, message) in failures.items():
        assert len(message) > 30, (path, message)  # a reason and what to do, not a bare exception name


def test_every_good_file_still_lands_and_the_run_completes(run):
    result, location = run
    con = connect(location, read_only=True)
    landed = {r[0] for r in con.execute("SELECT source_path FROM documents").fetchall()}
    statuses = dict(con.execute("SELECT source_path, status FROM sources").fetchall())
    [run_row] = con.execute("SELECT status, n_seen, n_failed FROM runs").fetchall()
    con.close()
    assert landed == set(GOOD) | {"seed.txt"}
    assert {p for p, s in statuses.items() if s == "failed"} == set(BROKEN)
    assert run_row == ("completed_with_failures", len(BROKEN) + len(GOOD) + 1, len(BROKEN))
