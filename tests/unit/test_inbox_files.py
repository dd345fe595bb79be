"""Reading an inbox file as it was hashed: a file still being written never lands as another."""

from __future__ import annotations

import hashlib

import pytest

from tasks.domain.extract import ReadError
from tasks.domain.models import SourceFile
from tasks.io.files import read_as_hashed


def hashed(inbox, name: str) -> SourceFile:
    data = (inbox / name).read_bytes()
    return SourceFile(name, len(data), 0, hashlib.sha256(data).hexdigest())


def test_a_file_as_it_was_hashed_is_read(tmp_path):
    (tmp_path / "a.txt").write_text("Statement by the delegation.\n", encoding="utf-8")
    assert read_as_hashed(tmp_path, hashed(tmp_path, "a.txt")) == b"Statement by the delegation.\n"


def test_a_file_still_being_copied_fails_and_is_read_again_next_run(tmp_path):
    (tmp_path / "a.txt").write_text("Statement by the del", encoding="utf-8")
    partial = hashed(tmp_path, "a.txt")
    with (tmp_path / "a.txt").open("a", encoding="utf-8") as rest:
        rest.write("egation.\n")
    with pytest.raises(ReadError) as failed:
        read_as_hashed(tmp_path, partial)
    assert failed.value.error_type == "changed_during_run"
    assert "a.txt changed while the run read it" in str(failed.value) and "next run" in str(failed.value)


def test_a_file_removed_during_the_run_fails_with_its_own_type(tmp_path):
    (tmp_path / "a.txt").write_text("Statement.\n", encoding="utf-8")
    found = hashed(tmp_path, "a.txt")
    (tmp_path / "a.txt").unlink()
    with pytest.raises(ReadError) as failed:
        read_as_hashed(tmp_path, found)
    assert failed.value.error_type == "vanished" and "removed from the inbox" in str(failed.value)


def test_a_passing_io_error_is_tried_again_and_a_lasting_one_leaves_the_file_to_the_next_run(tmp_path, monkeypatch):
    """The operating system's I/O errors (a network mount's hiccup) cannot be made on demand:
    Path.read_bytes is made to fail as such a mount would."""
    import errno
    from pathlib import Path

    (tmp_path / "a.txt").write_text("Statement.\n", encoding="utf-8")
    found = hashed(tmp_path, "a.txt")
    real_read, calls = Path.read_bytes, []

    def flaky(path, failures):
        calls.append(path)
        if len(calls) <= failures:
            raise OSError(errno.EIO, "Input/output error")
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", lambda path: flaky(path, failures=1))
    assert read_as_hashed(tmp_path, found) == b"Statement.\n" and len(calls) == 2

    calls.clear()
    monkeypatch.setattr(Path, "read_bytes", lambda path: flaky(path, failures=3))
    with pytest.raises(ReadError) as failed:
        read_as_hashed(tmp_path, found)
    assert failed.value.error_type == "read_error" and len(calls) == 3
    assert "Input/output error" in str(failed.value) and "the next run tries again" in str(failed.value)
