"""Per-item functions for the supervised pool's tests (tests/unit/test_supervised_pool.py): they
travel to the worker processes by name, so they live in an importable module. An item is
(source_path, doc_id, what, amount)."""

from __future__ import annotations

import ctypes
import os
import time
from pathlib import Path

Item = tuple[str, str, str, float]


def identify(item: Item) -> tuple[str, str]:
    return item[0], item[1]


def work(item: Item) -> str:
    """What the item says: sleep `amount` seconds, hold `amount` MB, crash, fail or say its pid."""
    _, doc_id, what, amount = item
    if what == "sleep":
        time.sleep(amount)
    elif what == "announce_and_sleep":  # writes its pid to the file named by its source_path first
        Path(item[0]).write_text(str(os.getpid()))
        time.sleep(amount)
    elif what == "hold":
        block = bytearray(int(amount * 1024 * 1024))  # zero-filled: the pages are really touched
        del block
    elif what == "segfault":
        ctypes.string_at(0)  # reads address 0: SIGSEGV, the way a C library crashes
    elif what == "fail":
        raise ValueError(f"{doc_id} is bad")
    elif what == "pid":
        return str(os.getpid())
    return doc_id
