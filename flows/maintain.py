"""The maintenance flow: keep the warehouse small (warehouse/maintenance.py does the work).

Deployed weekly from prefect.yaml; `consultations maintain` runs the same work by hand without
Prefect. It waits for the writer lock, so it never runs beside an ingest or a reprocess."""

from __future__ import annotations

from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact

from warehouse.config import parse_age
from warehouse.connection import resolve_location
from warehouse.maintenance import Maintenance, maintain_warehouse


@flow(name="maintain", flow_run_name="maintain {warehouse}")
def maintain(warehouse: str | None = None, older_than: str = "30d") -> Maintenance:
    """Expire snapshots older than `older_than` (30d, 12h, 2w …), merge small data files and
    delete the files no snapshot needs any more. Every current row stays as it is."""
    logger = get_run_logger()
    location = resolve_location(warehouse)
    done = maintain_warehouse(
        location, parse_age(older_than), on_wait=lambda who: logger.info("waiting for %s to finish", who)
    )
    for line in done.lines():
        logger.info(line)
    create_markdown_artifact(
        "\n".join([f"# Maintenance of `{location.label()}`", "", *(f"- {line}" for line in done.lines())]) + "\n",
        key="maintain-summary",
        description="maintain: snapshots expired, files merged and deleted",
    )
    return done
