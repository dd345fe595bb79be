"""Listing, hashing and reading inbox files."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterator

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


def read_bytes(inbox: Path, source_path: str) -> bytes:
    return (inbox / source_path).read_bytes()
