"""Reading an inbox file as it was hashed: a file still being written never lands as another."""

from __future__ import annotations

import hashlib

import pytest

from tasks.domain.extract import ReadError
from tasks.domain.models import SourceFile
from tasks.io.files import list_inbox, read_as_hashed


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


def test_links_out_of_the_inbox_are_refused_and_links_inside_are_read(tmp_path):
    """Real files and real symbolic links: the listing never opens a target outside the inbox."""
    import os

    inbox, outside = tmp_path / "inbox", tmp_path / "outside"
    (inbox / "sub").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text("outside\n", encoding="utf-8")
    (inbox / "sub" / "a.txt").write_text("Statement.\n", encoding="utf-8")
    os.symlink(outside / "secret.txt", inbox / "secret.txt")
    os.symlink(outside, inbox / "elsewhere")  # a folder outside: not looked into
    os.symlink(inbox / "sub" / "a.txt", inbox / "again.txt")  # inside: fine
    os.symlink(inbox / "sub", inbox / "same-sub")  # a folder inside: its files are listed where they are
    os.symlink(tmp_path / "gone.txt", inbox / "dangling.txt")  # outside, and no target at all
    os.symlink(inbox / "loop.txt", inbox / "loop.txt")
    files, refused = list_inbox(inbox)
    assert [f.source_path for f in files] == ["again.txt", "sub/a.txt"]
    assert [(f.source_path, f.error_type) for f in refused] == [
        ("dangling.txt", "outside_inbox"),
        ("elsewhere", "outside_inbox"),
        ("secret.txt", "outside_inbox"),
    ]
    assert refused[2].error_message.startswith(f"secret.txt links outside the inbox to {outside / 'secret.txt'}")
    assert "folder, not looked into" in refused[1].error_message


def test_a_name_that_is_not_utf8_is_refused_and_the_others_listed(tmp_path):
    import os

    try:
        (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text("Un caf\u00e9.\n", encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 names")
    (tmp_path / "ok.txt").write_text("Statement.\n", encoding="utf-8")
    files, refused = list_inbox(tmp_path)
    assert [f.source_path for f in files] == ["ok.txt"]
    assert [(f.source_path, f.error_type) for f in refused] == [("caf\\xe9.txt", "bad_file_name")]


def test_a_file_made_a_link_out_of_the_inbox_after_it_was_listed_is_not_read(tmp_path):
    inbox, outside = tmp_path / "inbox", tmp_path / "outside.txt"
    inbox.mkdir()
    outside.write_text("a secret that must not land")
    (inbox / "note.txt").write_text("a note")
    (listed,), _ = list_inbox(inbox)
    (inbox / "note.txt").unlink()
    (inbox / "note.txt").symlink_to(outside)  # swapped for a link between listing and reading
    with pytest.raises(ReadError) as raised:
        read_as_hashed(inbox, listed)
    assert raised.value.error_type == "outside_inbox" and "links outside the inbox" in str(raised.value)


def test_a_folder_that_cannot_be_listed_is_a_typed_failure_and_its_known_files_are_not_taken_for_removed(tmp_path):
    import json
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from tasks.domain.models import KnownSource, SourceFile
    from tasks.domain.run import removed_paths

    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root and setpriv to list as a user without the right to read the folder")
    inbox = tmp_path / "inbox"
    (inbox / "closed").mkdir(parents=True)
    (inbox / "open.txt").write_text("A statement.", encoding="utf-8")
    (inbox / "closed" / "kept.txt").write_text("Another statement.", encoding="utf-8")
    (inbox / "closed").chmod(0)
    script = (
        "import json, sys; from pathlib import Path; from tasks.io.files import list_inbox; "
        "files, refused = list_inbox(Path(sys.argv[1])); "
        "print(json.dumps([[f.source_path for f in files], [[r.source_path, r.error_type] for r in refused]]))"
    )
    done = subprocess.run(
        ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--", sys.executable, "-c", script, inbox],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    (inbox / "closed").chmod(0o755)
    assert done.returncode == 0, done.stderr
    files, refused = json.loads(done.stdout)
    assert files == ["open.txt"] and refused == [["closed", "unreadable_folder"]]

    known = {p: KnownSource(p, "D", 1, 1, "landed", None, "/in") for p in ("open.txt", "closed/kept.txt", "gone.txt")}
    seen = (SourceFile("open.txt", 1, 1), SourceFile("closed", 0, 0))  # a refused path is seen, as discover does
    assert [k.source_path for k in removed_paths(seen, known, "/in", unlisted=("closed",))] == ["gone.txt"]
    assert [k.source_path for k in removed_paths(seen, known, "/in")] == ["closed/kept.txt", "gone.txt"]
