"""The one line a stopped run or a machine error leaves (flows/signals.py, flows/system_errors.py)."""

from __future__ import annotations

import errno
import signal

import duckdb
import pytest

from flows.progress import PROCESSING, Progress
from flows.signals import Stop, stop_line
from flows.system_errors import system_error_line


def test_a_stop_says_what_landed_and_that_it_stays():
    stop = Stop("ingest", progress=Progress("ingest", PROCESSING, done=250, total=1000))
    line = stop_line(stop, signal.SIGINT)
    assert line.startswith("stopped by Ctrl-C: 250 of 1000 documents processed and landed")
    assert "\n" not in line


def test_a_stop_before_any_batch_landed_says_so():
    assert "no batch of this reprocess had landed" in stop_line(Stop("reprocess"), signal.SIGTERM)
    assert stop_line(Stop("ingest"), signal.SIGTERM).startswith("stopped by SIGTERM")


def test_a_full_disk_from_python_or_duckdb_is_one_line_naming_the_place():
    from_python = system_error_line(OSError(errno.ENOSPC, "No space left on device", "/data/w/files/x.parquet"))
    from_duckdb = system_error_line(
        duckdb.IOException('IO Error: Could not write file "/data/w/files/x.parquet": No space left on device')
    )
    for line in (from_python, from_duckdb):
        assert line.startswith("the disk is full (/data/w/files/x.parquet): free some space") and "\n" not in line


def test_no_permission_says_who_needs_what():
    line = system_error_line(PermissionError(errno.EACCES, "Permission denied", "/data/w/.writer.lock"))
    assert line.startswith("/data/w/.writer.lock is not open to ") and "write access to the warehouse" in line
    assert "read-only file system" in system_error_line(OSError(errno.EROFS, "Read-only file system", "/ro"))


@pytest.mark.parametrize(
    "error",
    [ValueError("bad"), OSError(errno.ENOENT, "No such file"), duckdb.CatalogException("Table x does not exist")],
)
def test_other_errors_are_left_to_their_own_handling(error):
    assert system_error_line(error) is None
