"""Keeping a warehouse small: merge the small files runs leave, expire old snapshots, delete files
no snapshot needs any more.

Every run lands at least a snapshot (and a run that lands documents, a few small Parquet files); after months of scheduled
runs the lake is mostly history. DuckLake's own maintenance functions do the work, in the order
its CHECKPOINT runs them:
1. `ducklake_expire_snapshots` forgets snapshots older than the age asked (time travel reaches
   back that far, no further; the current snapshot is never expired);
2. `ducklake_flush_inlined_data` writes the small writes kept in the catalog (runs, failures,
   sources rows of small runs: schema.INLINED_ROWS) to Parquet, and
   `ducklake_merge_adjacent_files` rewrites each table's small files into few large ones. The
   merged files keep each row's snapshot range, so time travel within the window still works;
3. `ducklake_cleanup_old_files` deletes the files nothing refers to any more, once they have
   been scheduled for deletion longer than a grace period: a query that started before the
   merge may still be reading them;
4. `ducklake_delete_orphaned_files` deletes files no snapshot ever committed (a run killed
   before its commit leaves them), when older than an hour, so no writer is still writing them.
It holds the writer lock (warehouse/writers.py) throughout, so it never runs beside an ingest
or a reprocess on this machine; each step is DuckLake's own transaction, so a maintenance
interrupted halfway leaves a consistent lake."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Callable

from warehouse.connection import CATALOG, WarehouseLocation, connect
from warehouse.queries import lake_size
from warehouse.writers import writing_run

# Files merged away stay this long: long enough for any query that was reading them to end.
CLEANUP_GRACE = timedelta(minutes=10)
# Data files that were never committed are left this long: a writer elsewhere may be writing them.
ORPHAN_GRACE = timedelta(hours=1)
DEFAULT_AGE = timedelta(days=30)


@dataclass(frozen=True)
class Maintenance:
    """What one maintenance did: snapshots and live data files before and after, and how many
    files it deleted from the data path (merged away or expired, and orphaned)."""

    older_than: timedelta
    n_snapshots_before: int
    n_snapshots_after: int
    n_files_before: int
    n_files_after: int
    n_deleted: int
    n_orphans_deleted: int

    def lines(self) -> list[str]:
        return [
            f"snapshots: {self.n_snapshots_before} -> {self.n_snapshots_after} "
            f"(kept: the last {_age_words(self.older_than)}, and the current one)",
            f"data files in use: {self.n_files_before} -> {self.n_files_after}",
            f"files deleted: {self.n_deleted} no longer needed, {self.n_orphans_deleted} never committed"
            + (
                f" (files merged away less than {_age_words(CLEANUP_GRACE)} ago go at the next maintenance)"
                if self.n_files_after < self.n_files_before
                else ""
            ),
        ]


def _age_words(age: timedelta) -> str:
    seconds = int(age.total_seconds())
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            n = seconds // size
            return f"{n} {unit}{'s' if n != 1 else ''}"
    return f"{seconds} seconds"


def maintain_warehouse(
    location: WarehouseLocation,
    older_than: timedelta = DEFAULT_AGE,
    cleanup_grace: timedelta = CLEANUP_GRACE,
    on_wait: Callable[[str], None] | None = None,
) -> Maintenance:
    """Expire snapshots older than `older_than`, merge small files, delete unneeded files (those
    scheduled for deletion more than `cleanup_grace` ago; zero: all of them now). Every row of
    the current snapshot stays as it is. Raises FileNotFoundError when there is no warehouse."""
    if not location.exists():
        raise FileNotFoundError(f"no warehouse at {location.label()}: nothing to maintain (pass --warehouse?)")
    if older_than < timedelta(0):
        raise ValueError("the age of snapshots to keep cannot be negative")
    with writing_run(location, "maintenance", on_wait):
        con = connect(location, views=False)
        try:
            n_snapshots, n_files = lake_size(con)
            now = datetime.now(timezone.utc)
            con.execute(f"CALL ducklake_expire_snapshots('{CATALOG}', older_than => ?)", [now - older_than])
            # the small writes kept in the catalog (schema.INLINED_ROWS) join the Parquet files
            con.execute(f"CALL ducklake_flush_inlined_data('{CATALOG}')")
            con.execute(f"CALL ducklake_merge_adjacent_files('{CATALOG}')")
            if cleanup_grace <= timedelta(0):
                deleted = con.execute(f"CALL ducklake_cleanup_old_files('{CATALOG}', cleanup_all => true)")
            else:
                deleted = con.execute(
                    f"CALL ducklake_cleanup_old_files('{CATALOG}', older_than => ?)", [now - cleanup_grace]
                )
            n_deleted = len(deleted.fetchall())
            orphans = con.execute(
                f"CALL ducklake_delete_orphaned_files('{CATALOG}', older_than => ?)", [now - ORPHAN_GRACE]
            ).fetchall()
            n_snapshots_after, n_files_after = lake_size(con)
        finally:
            con.close()
    return Maintenance(older_than, n_snapshots, n_snapshots_after, n_files, n_files_after, n_deleted, len(orphans))
