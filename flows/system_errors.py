"""The machine's errors a run can meet anywhere, in one line that says what to do: a full disk, a
file or folder this user may not read or write, the temporary Prefect server not starting in
time. No Prefect import here: every command uses it, `sql` too."""

from __future__ import annotations

import errno
import os
import pwd
import re


class ServerStartError(RuntimeError):
    """The temporary Prefect server did not answer in time (its message is the line to show)."""


_DISK_FULL = (errno.ENOSPC, errno.EDQUOT)
_NO_ACCESS = (errno.EACCES, errno.EPERM, errno.EROFS)


def system_error_line(error: BaseException) -> str | None:
    """One line saying what went wrong and what to do, for the errors of the machine a run can
    meet anywhere (the disk is full, a folder is not writable or readable); None for others. DuckDB
    reports them as its own errors with the system's message inside."""
    code, path = _errno_and_path(error)
    where = f" ({path})" if path else ""
    if code in _DISK_FULL:
        return (
            f"the disk is full{where}: free some space on it, or choose a warehouse on another disk "
            "(--warehouse), and run again; the batches that landed stay"
        )
    if code == errno.EFBIG:
        return f"a file grew past the size this process may write{where}: raise the limit (ulimit -f) and run again"
    if code in _NO_ACCESS:
        user = _user()
        what = "is on a read-only file system" if code == errno.EROFS else f"is not open to {user}"
        return (
            f"{path or 'a file this run needs'} {what}: give {user} read access to the inbox and write access to "
            "the warehouse (or run as their owner), or choose another warehouse with --warehouse"
        )
    return None


def no_access_line(path: os.PathLike | str) -> str:
    """The line for a folder or file this user may not read, found before a run starts."""
    return system_error_line(PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path)))


def _errno_and_path(error: BaseException) -> tuple[int | None, str | None]:
    if isinstance(error, OSError):
        path = error.filename if error.filename is not None else None
        return error.errno, str(path) if path is not None else None
    text = str(error)
    for code, words in (
        (errno.ENOSPC, "No space left on device"),
        (errno.EDQUOT, "Disk quota exceeded"),
        (errno.EFBIG, "File too large"),
        (errno.EACCES, "Permission denied"),
        (errno.EROFS, "Read-only file system"),
    ):
        if words in text and type(error).__module__.startswith(("duckdb", "_duckdb")):
            quoted = re.search(r'"([^"]+)"', text)
            return code, quoted.group(1) if quoted else None
    return None, None


def _user() -> str:
    try:
        return pwd.getpwuid(os.geteuid()).pw_name
    except (KeyError, OSError):
        return f"uid {os.geteuid()}"
