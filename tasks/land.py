"""Land: one commit per run with every table."""
from __future__ import annotations

from datetime import datetime

import pyarrow as pa
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from tasks.domain.run import RunRows
from warehouse.connection import WarehouseLocation
from warehouse.landing import RunTables, land
from warehouse.schema import TABLES


def to_tables(run: RunRows) -> dict[str, pa.Table]:
    return {name: pa.Table.from_pylist(rows, schema=TABLES[name]) for name, rows in run.rows.items()}


def land_rows(location: WarehouseLocation, run_id: str, run: RunRows, now: datetime) -> dict[str, int]:
    return land(location, RunTables(run_id, to_tables(run), run.superseded, run.seen_paths, now))


@task(name="land in the warehouse", cache_policy=NO_CACHE)
def land_run(location: WarehouseLocation, run_id: str, run: RunRows, now: datetime) -> dict[str, int]:
    counts = land_rows(location, run_id, run, now)
    get_run_logger().info("landed in %s: %s", location.root,
                          ", ".join(f"{n} {t}" for t, n in counts.items()) or "nothing")
    return counts
