"""What every stage task logs: a line per batch, and every failure with its reason."""

from __future__ import annotations

from prefect import get_run_logger

from tasks.domain.models import Failure


def log_failures(failures: list[Failure]) -> None:
    log = get_run_logger()
    for f in failures:
        log.warning("%s failed at %s: %s: %s", f.source_path, f.stage, f.error_type, f.error_message)
