"""Which inbox files need work: the plan is made from file metadata before any file is read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from tasks.domain.models import Failure, KnownSource, SourceFile

SUPPORTED_FORMATS = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
}


def source_format(path: str) -> str | None:
    dot = path.rfind(".")
    return SUPPORTED_FORMATS.get(path[dot:].lower()) if dot >= 0 else None


def shown_path(path: str) -> str:
    """A path as it can be stored and read: the bytes of a name that is not UTF-8 (which Python
    lists as lone surrogates) are written `\\xe9`, so the row says which file it is."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def bad_file_name(source_path: str) -> Failure | None:
    """A path that is not valid UTF-8 cannot be a row in any table: it fails before it is read,
    and the other files still land."""
    shown = shown_path(source_path)
    if shown == source_path:
        return None
    return Failure(
        shown,
        "",
        "discover",
        "bad_file_name",
        f"{shown}: the file name is not valid UTF-8 (an old Windows or Mac encoding, shown here as \\xNN); "
        "rename it with UTF-8 characters (e.g. `convmv -f latin1 -t utf8 --notest`, or by hand) "
        "and the next run reads it",
    )


def inside(target: str, inbox: str) -> bool:
    """Whether a resolved path is the inbox or under it (both absolute, links resolved)."""
    return PurePosixPath(target).is_relative_to(PurePosixPath(inbox))


def outside_inbox(source_path: str, target: str, folder: bool = False) -> Failure:
    """A link (or path) that leads out of the inbox: nothing outside the inbox is ever read, so
    its target is neither opened nor, for a folder, descended into."""
    shown = shown_path(source_path)
    what = "folder, not looked into" if folder else "file, not read"
    return Failure(
        shown,
        "",
        "discover",
        "outside_inbox",
        f"{shown} links outside the inbox to {shown_path(target)} ({what}); "
        "copy the document into the inbox instead of linking to it",
    )


UNREADABLE_FOLDER = "unreadable_folder"


def unreadable_folder(source_path: str, reason: str) -> Failure:
    """A folder of the inbox the run may not list: its files are neither read nor, for the ones
    the warehouse knows, taken for removed; the next run looks again."""
    shown = shown_path(source_path)
    return Failure(
        shown,
        "",
        "discover",
        UNREADABLE_FOLDER,
        f"{shown}/ could not be listed ({reason}); give the user running the ingest read access to it",
    )


@dataclass(frozen=True)
class Plan:
    unchanged: tuple[SourceFile, ...]  # same path, size and mtime: not even read
    to_read: tuple[SourceFile, ...]  # new paths, known paths whose size or mtime moved, or left to retry


# A known path read again even when its size and mtime are the same: its last read failed for a
# passing reason, or it was removed from the inbox and is back.
AGAIN = frozenset({"retry", "removed"})


def plan(listing: list[SourceFile], known: dict[str, KnownSource]) -> Plan:
    unchanged, to_read = [], []
    for f in listing:
        k = known.get(f.source_path)
        if k is not None and k.size_bytes == f.size_bytes and k.mtime_us == f.mtime_us and k.status not in AGAIN:
            unchanged.append(f)
        else:
            to_read.append(f)
    return Plan(tuple(unchanged), tuple(to_read))


@dataclass(frozen=True)
class Classified:
    new: tuple[SourceFile, ...] = ()  # a path never seen
    changed: tuple[SourceFile, ...] = ()  # a known path with new content
    touched: tuple[SourceFile, ...] = ()  # a known path, new mtime, same content
    to_process: tuple[SourceFile, ...] = ()  # new content no landed document has
    superseded: tuple[str, ...] = field(default_factory=tuple)  # doc_ids replaced by changed files


def classify(
    hashed: list[SourceFile], known: dict[str, KnownSource], landed: set[str], elsewhere: frozenset[str] = frozenset()
) -> Classified:
    """Sort hashed files into new, changed and touched, and pick the content to process. A file
    left to retry (its last read failed for a passing reason) counts as new.

    `landed`: doc_ids already in the warehouse (the same content at another path is one
    document with two sources). A changed file supersedes its old document unless another
    path still holds that content, here or in another inbox (`elsewhere`: the doc_ids other
    inboxes' files hold)."""
    changed_paths = {
        f.source_path for f in hashed if f.source_path in known and known[f.source_path].doc_id != f.doc_id
    }
    still_referenced = {k.doc_id for path, k in known.items() if path not in changed_paths}
    still_referenced |= {f.doc_id for f in hashed} | elsewhere
    new, changed, touched, to_process, superseded = [], [], [], [], []
    queued: set[str] = set()
    for f in hashed:
        k = known.get(f.source_path)
        if k is None:
            new.append(f)
        elif k.doc_id == f.doc_id and (k.status == "retry" or (k.status == "removed" and f.doc_id not in landed)):
            new.append(f)  # its last read failed for a passing reason, or it is back and its document gone
        elif k.doc_id == f.doc_id:
            touched.append(f)
            continue
        else:
            changed.append(f)
            if k.doc_id not in still_referenced:
                superseded.append(k.doc_id)
        if f.doc_id not in landed and f.doc_id not in queued:
            to_process.append(f)
            queued.add(f.doc_id)
    return Classified(tuple(new), tuple(changed), tuple(touched), tuple(to_process), tuple(dict.fromkeys(superseded)))
