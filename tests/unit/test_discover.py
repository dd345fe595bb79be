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


def test_a_name_that_is_not_utf8_fails_with_how_to_rename_it():
    from tasks.domain.discover import bad_file_name, shown_path

    listed = b"notes/caf\xe9.txt".decode("utf-8", "surrogateescape")  # as os.listdir gives it on Linux
    failure = bad_file_name(listed)
    assert failure is not None and failure.error_type == "bad_file_name" and failure.stage == "discover"
    assert failure.source_path == shown_path(listed) == "notes/caf\\xe9.txt"
    failure.source_path.encode("utf-8")  # storable: no lone surrogate left
    assert "not valid UTF-8" in failure.error_message and "rename it" in failure.error_message
    assert bad_file_name("notes/café.txt") is None and bad_file_name("a.txt") is None


def test_only_a_target_under_the_inbox_is_inside():
    from tasks.domain.discover import inside, outside_inbox

    assert inside("/data/inbox/a.txt", "/data/inbox") and inside("/data/inbox/x/y.pdf", "/data/inbox")
    assert not inside("/etc/passwd", "/data/inbox")
    assert not inside("/data/inbox-old/a.txt", "/data/inbox")  # a sibling sharing the prefix is outside
    failure = outside_inbox("passwd.txt", "/etc/passwd")
    assert (failure.source_path, failure.error_type) == ("passwd.txt", "outside_inbox")
    assert failure.error_message.startswith("passwd.txt links outside the inbox to /etc/passwd (file, not read)")
    assert "folder, not looked into" in outside_inbox("elsewhere", "/srv/docs", folder=True).error_message


def test_each_path_of_failing_content_gets_its_own_failure_row():
    from datetime import datetime, timezone

    from tasks.domain.discover import Classified
    from tasks.domain.models import Failure
    from tasks.domain.run import failures_per_path, ingest_run_rows

    a, b, c = SourceFile("a.txt", 0, 1, "E"), SourceFile("sub/b.txt", 0, 1, "E"), SourceFile("c.txt", 3, 1, "C")
    classified = Classified(new=(a, b, c), to_process=(a, c))  # the same bytes are processed once
    empty = Failure("a.txt", "E", "extract", "empty", "a.txt: the file is empty (0 bytes); replace it")
    refused = Failure("link.txt", "", "discover", "outside_inbox", "link.txt links outside the inbox to /x")
    failures = failures_per_path([refused, empty], classified)
    assert [(f.source_path, f.error_type) for f in failures] == [
        ("link.txt", "outside_inbox"),
        ("a.txt", "empty"),
        ("sub/b.txt", "empty"),
    ]
    assert failures[2].error_message.startswith("sub/b.txt: the file is empty") and "a.txt" in failures[2].error_message
    assert failures_per_path(failures, classified) == failures  # applying it twice adds nothing

    now = datetime(2026, 11, 22, tzinfo=timezone.utc)
    run = ingest_run_rows(
        run_id="r",
        inbox="inbox",
        started_at=now,
        now=now,
        seen=(a, b, c),
        unchanged=(),
        classified=classified,
        known={},
        failures=failures,
        version="v",
    )
    assert sorted(r["source_path"] for r in run.rows["failures"]) == ["a.txt", "link.txt", "sub/b.txt"]
    assert run.rows["runs"][0]["n_failed"] == 3


def test_a_batch_lands_the_sources_and_superseded_documents_of_its_content_and_the_run_the_rest():
    from datetime import datetime, timezone

    from tasks.domain.discover import classify
    from tasks.domain.run import ingest_batch_rows, ingest_run_rows

    now = datetime(2026, 11, 22, tzinfo=timezone.utc)
    known = {"old.txt": KnownSource("old.txt", "OLD", 1, 1, "landed", now)}
    a, twin = SourceFile("a.txt", 1, 1, "A"), SourceFile("sub/a.txt", 1, 1, "A")
    changed, copy = SourceFile("old.txt", 2, 2, "B"), SourceFile("copy.txt", 3, 3, "LANDED")
    classified = classify([a, twin, changed, copy], known, landed={"LANDED"})
    assert [f.doc_id for f in classified.to_process] == ["A", "B"]

    first = ingest_batch_rows(
        run_id="r", inbox="inbox", now=now, batch_doc_ids={"A"}, classified=classified, known=known, failures=[]
    )
    assert sorted(r["source_path"] for r in first.rows["sources"]) == ["a.txt", "sub/a.txt"]
    assert first.superseded == []
    second = ingest_batch_rows(
        run_id="r", inbox="inbox", now=now, batch_doc_ids={"B"}, classified=classified, known=known, failures=[]
    )
    assert [r["source_path"] for r in second.rows["sources"]] == ["old.txt"] and second.superseded == ["OLD"]

    run = ingest_run_rows(
        run_id="r",
        inbox="inbox",
        started_at=now,
        now=now,
        seen=(a, twin, changed, copy),
        unchanged=(),
        classified=classified,
        known=known,
        failures=[],
        version="v",
        in_batches=frozenset({"A", "B"}),
    )
    # only the path whose content was already landed is left for the run's own commit
    assert [r["source_path"] for r in run.rows["sources"]] == ["copy.txt"] and run.superseded == []
    assert run.rows["runs"][0]["n_new"] == 3


def test_only_this_inboxs_known_paths_that_it_no_longer_has_are_removed():
    from tasks.domain.run import removed_paths

    def known(path, inbox, status="landed"):
        return KnownSource(path, "D" + path, 1, 1, status, None, inbox)

    rows = {
        "kept.txt": known("kept.txt", "/in"),
        "gone.txt": known("gone.txt", "/in"),
        "already.txt": known("already.txt", "/in", "removed"),
        "legacy.txt": known("legacy.txt", None),  # from before inboxes were kept: never removed
    }
    rows_elsewhere = {"other.txt": known("other.txt", "/other")}
    seen = (SourceFile("kept.txt", 1, 1),)
    assert [k.source_path for k in removed_paths(seen, {**rows, **rows_elsewhere}, "/in")] == ["gone.txt"]


def test_a_change_in_one_inbox_never_removes_a_document_another_inbox_holds():
    from tasks.domain.discover import classify

    known = {"x.txt": KnownSource("x.txt", "D", 10, 1, "landed", None, "/in-a")}
    changed = [SourceFile("x.txt", 11, 2, "D2")]
    assert classify(changed, known, landed={"D"}).superseded == ("D",)  # no other holder: it goes
    kept = classify(changed, known, landed={"D"}, elsewhere=frozenset({"D"}))  # /in-b/y.txt has the same bytes
    assert kept.superseded == () and [f.source_path for f in kept.changed] == ["x.txt"]
