"""Discovery decides from metadata what to read, and from hashes what to process."""

from __future__ import annotations

import pytest

from tasks.domain.discover import classify, plan, source_format
from tasks.domain.models import KnownSource, SourceFile

pytestmark = pytest.mark.unit


def known(path, doc_id, size=10, mtime=100):
    return KnownSource(path, doc_id, size, mtime, "landed")


def test_unchanged_path_size_and_mtime_are_not_read():
    listing = [SourceFile("a.txt", 10, 100), SourceFile("b.txt", 10, 200), SourceFile("c.txt", 5, 1)]
    work = plan(listing, {"a.txt": known("a.txt", "A"), "b.txt": known("b.txt", "B")})
    assert [f.source_path for f in work.unchanged] == ["a.txt"]
    assert [f.source_path for f in work.to_read] == ["b.txt", "c.txt"]


def test_new_changed_and_touched_files():
    hashed = [SourceFile("b.txt", 10, 200, "B"), SourceFile("c.txt", 5, 1, "C"), SourceFile("d.txt", 9, 1, "D2")]
    state = {"b.txt": known("b.txt", "B"), "d.txt": known("d.txt", "D1")}
    result = classify(hashed, state, landed={"B"})
    assert [f.source_path for f in result.new] == ["c.txt"]
    assert [f.source_path for f in result.changed] == ["d.txt"]
    assert [f.source_path for f in result.touched] == ["b.txt"]
    assert [f.doc_id for f in result.to_process] == ["C", "D2"]
    assert result.superseded == ("D1",)


def test_same_content_twice_is_processed_once_and_a_shared_old_version_is_kept():
    hashed = [SourceFile("x/1.txt", 5, 1, "N"), SourceFile("x/2.md", 5, 1, "N"), SourceFile("old.txt", 5, 2, "M")]
    state = {"old.txt": known("old.txt", "O"), "copy-of-old.txt": known("copy-of-old.txt", "O")}
    result = classify(hashed, state, landed=set())
    assert [f.doc_id for f in result.to_process] == ["N", "M"]
    assert result.superseded == ()  # copy-of-old.txt still holds O


def test_already_landed_content_at_a_new_path_is_not_processed_again():
    result = classify([SourceFile("again.txt", 5, 1, "A")], {}, landed={"A"})
    assert [f.source_path for f in result.new] == ["again.txt"] and result.to_process == ()


@pytest.mark.parametrize(
    "path,fmt",
    [
        ("a.txt", "txt"),
        ("B.MD", "md"),
        ("c.markdown", "md"),
        ("d.pdf", "pdf"),
        ("e.DOCX", "docx"),
        ("f.htm", "html"),
        ("g.doc", None),
        ("noext", None),
    ],
)
def test_source_format(path, fmt):
    assert source_format(path) == fmt


def test_a_file_whose_read_failed_for_a_passing_reason_is_read_again_though_unchanged():
    retry = KnownSource("a.txt", "A", 10, 100, "retry")
    failed = KnownSource("b.txt", "B", 10, 100, "failed")
    work = plan([SourceFile("a.txt", 10, 100), SourceFile("b.txt", 10, 100)], {"a.txt": retry, "b.txt": failed})
    assert [f.source_path for f in work.to_read] == ["a.txt"]
    assert [f.source_path for f in work.unchanged] == ["b.txt"]  # bad input waits for a new version
    result = classify([SourceFile("a.txt", 10, 100, "A")], {"a.txt": retry}, landed=set())
    assert [f.source_path for f in result.new] == ["a.txt"] and [f.doc_id for f in result.to_process] == ["A"]


def test_only_passing_failures_leave_a_file_to_retry():
    from tasks.domain.models import Failure
    from tasks.domain.run import source_status

    def failure(error_type, doc_id="A"):
        return Failure("a.txt", doc_id, "extract", error_type, "...")

    assert source_status("A", []) == "landed"
    assert source_status("A", [failure("read_error")]) == "retry"
    assert source_status("A", [failure("changed_during_run")]) == "retry"
    assert source_status("A", [failure("corrupt")]) == "failed"
    assert source_status("A", [failure("read_error"), failure("corrupt")]) == "failed"
    assert source_status("A", [failure("corrupt", doc_id="B")]) == "landed"


def test_a_failed_file_only_touched_stays_failed():
    from datetime import datetime, timezone

    from tasks.domain.discover import Classified
    from tasks.domain.run import ingest_run_rows

    now = datetime(2026, 11, 22, tzinfo=timezone.utc)
    touched = SourceFile("bad.pdf", 10, 200, "B")
    rows = ingest_run_rows(
        run_id="r",
        inbox="inbox",
        started_at=now,
        now=now,
        seen=(touched,),
        unchanged=(),
        classified=Classified(touched=(touched,)),
        known={"bad.pdf": KnownSource("bad.pdf", "B", 10, 100, "failed", now)},
        failures=[],
        version="v",
    )
    assert [(r["source_path"], r["status"]) for r in rows.rows["sources"]] == [("bad.pdf", "failed")]
