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


@pytest.mark.parametrize("path,fmt", [("a.txt", "txt"), ("B.MD", "md"), ("c.markdown", "md"),
                                      ("d.pdf", "pdf"), ("e.DOCX", "docx"), ("f.htm", "html"),
                                          ("g.doc", None), ("noext", None)])
def test_source_format(path, fmt):
    assert source_format(path) == fmt
