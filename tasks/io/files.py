"""Listing, hashing and reading inbox files."""

from __future__ import annotations

import hashlib
import os
import stat
import time
from pathlib import Path

from tasks.domain.discover import bad_file_name, inside, outside_inbox, unreadable_folder
from tasks.domain.extract import ReadError
from tasks.domain.models import Failure, SourceFile


def list_inbox(inbox: Path) -> tuple[list[SourceFile], list[Failure]]:
    """Every regular file under the inbox, recursively, hidden files and folders excepted, and a
    failure for each path the run must not touch: a name that is not UTF-8, a link whose target
    is outside the inbox (never opened; a linked folder outside is not looked into). A link to a
    file inside the inbox is read like a file; a linked folder inside is not followed, its files
    are listed where they are."""
    if not inbox.is_dir():
        raise NotADirectoryError(f"inbox {inbox} is not a folder")
    root = os.path.realpath(inbox)
    files, refused = [], []

    def unlisted(error: OSError) -> None:
        if Path(error.filename) == Path(inbox):  # the inbox itself: nothing can be told of its files
            raise error
        rel = Path(error.filename).relative_to(inbox).as_posix()
        refused.append(unreadable_folder(rel, error.strerror or type(error).__name__))

    for folder, dirnames, filenames in os.walk(inbox, onerror=unlisted):
        keep = []
        for name in sorted(d for d in dirnames if not d.startswith(".")):
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                keep.append(name)
            elif not inside(target := os.path.realpath(path), root):
                refused.append(outside_inbox(Path(path).relative_to(inbox).as_posix(), target, folder=True))
        dirnames[:] = keep
        for name in filenames:
            if name.startswith("."):
                continue
            path = Path(folder) / name
            rel = path.relative_to(inbox).as_posix()
            if failure := bad_file_name(rel):
                refused.append(failure)
                continue
            if path.is_symlink() and not inside(target := os.path.realpath(path), root):
                refused.append(outside_inbox(rel, target))
                continue
            try:
                st = path.stat()
            except OSError:  # removed while we walked, a dangling link, a link loop
                continue
            if stat.S_ISREG(st.st_mode):
                files.append(SourceFile(rel, st.st_size, st.st_mtime_ns // 1000))
    return sorted(files, key=lambda f: f.source_path), sorted(refused, key=lambda f: f.source_path)


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            h.update(block)
    return h.hexdigest()


# An I/O error that is not about the file itself (a network mount's hiccup, a timeout) is worth
# two more tries a moment later; the rest is the file's own problem and fails at once.
_PERMANENT_OS_ERRORS = (FileNotFoundError, PermissionError, IsADirectoryError, NotADirectoryError)
_READ_RETRY_DELAYS = (0.2, 1.0)


def _read_retrying(path: Path, source_path: str) -> bytes:
    for delay in (*_READ_RETRY_DELAYS, None):
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise ReadError(
                "vanished",
                f"{source_path} was removed from the inbox while the run read it; "
                "nothing to do unless it should be there",
            ) from None
        except _PERMANENT_OS_ERRORS:
            raise
        except OSError as error:
            if delay is None:
                raise ReadError(
                    "read_error", f"{source_path} could not be read ({error}), three times; the next run tries again"
                ) from None
            time.sleep(delay)
    raise AssertionError("the loop returns or raises")


def read_as_hashed(inbox: Path, f: SourceFile) -> bytes:
    """The file's bytes, as discover hashed them into `f.doc_id`. A file removed or rewritten
    since (one still being copied into the inbox, say) fails with a typed error instead of
    landing text that is not its document's; the next run reads it again."""
    path = inbox / f.source_path
    target = os.path.realpath(path)
    if not inside(target, os.path.realpath(inbox)):  # made a link out of the inbox since it was listed
        raise ReadError("outside_inbox", f"{f.source_path} links outside the inbox to {target}; not read")
    data = _read_retrying(path, f.source_path)
    if f.doc_id and hashlib.sha256(data).hexdigest() != f.doc_id:
        raise ReadError(
            "changed_during_run",
            f"{f.source_path} changed while the run read it (still being copied?); the next run reads it again",
        )
    return data
