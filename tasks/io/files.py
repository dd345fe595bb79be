"""Listing, hashing and reading inbox files."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from typing import Iterator

from tasks.domain.extract import ReadError
from tasks.domain.models import SourceFile


def list_inbox(inbox: Path) -> list[SourceFile]:
    """Every regular file under the inbox, recursively, hidden files and folders excepted."""
    if not inbox.is_dir():
        raise NotADirectoryError(f"inbox {inbox} is not a folder")
    return sorted(_walk(inbox), key=lambda f: f.source_path)


def _walk(inbox: Path) -> Iterator[SourceFile]:
    for folder, dirnames, filenames in os.walk(inbox):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith("."):
                continue
            path = Path(folder) / name
            try:
                st = path.stat()
            except FileNotFoundError:  # removed while we walked
                continue
            if not path.is_file():
                continue
            rel = path.relative_to(inbox).as_posix()
            yield SourceFile(rel, st.st_size, st.st_mtime_ns // 1000)


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
    data = _read_retrying(inbox / f.source_path, f.source_path)
    if f.doc_id and hashlib.sha256(data).hexdigest() != f.doc_id:
        raise ReadError(
            "changed_during_run",
            f"{f.source_path} changed while the run read it (still being copied?); the next run reads it again",
        )
    return data
