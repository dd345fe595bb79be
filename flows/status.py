"""`consultations status`: the warehouse and the Prefect server on one screen, without Prefect.

Importing Prefect costs seconds; whether a server runs is one plain HTTP GET of its health
route (unauthenticated in Prefect, so it works with an API auth string set too)."""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from collections.abc import Mapping
from datetime import datetime, timezone

from flows.report import stale_line
from flows.serve import DEFAULT_PORT
from warehouse.connection import WarehouseLocation

# A screen: this many runs and failing files, then a count and the query that lists them all.
MAX_FAILING = 10
_FAILING_QUERY = "consultations sql \"SELECT * FROM sources WHERE status IN ('failed', 'retry')\""


def prefect_api_url(environ: Mapping[str, str]) -> str:
    """$PREFECT_API_URL, else where `consultations serve` puts the server by default."""
    return (environ.get("PREFECT_API_URL") or f"http://127.0.0.1:{DEFAULT_PORT}/api").rstrip("/")


def prefect_server_line(environ: Mapping[str, str] | None = None, timeout: float = 1.0) -> str:
    """Whether the Prefect server answers at its health route, in one line."""
    url = prefect_api_url(os.environ if environ is None else environ)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"{url}/health", timeout=timeout) as response:
            if response.status == 200:
                return f"running at {url.removesuffix('/api')} (UI and API)"
            return f"{url} answers {response.status}: not a healthy Prefect server"
    except (urllib.error.URLError, OSError, ValueError):
        where = "$PREFECT_API_URL" if (environ or os.environ).get("PREFECT_API_URL") else "the default port"
        return f"not running at {url} ({where}): scheduled runs wait; start it with `consultations serve`"


def _when(value) -> str:
    if value is None:
        return "?"
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return f"{value.astimezone(timezone.utc):%Y-%m-%d %H:%M} UTC"


def _ago(value, now: datetime) -> str:
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    seconds = max(0, int((now - value).total_seconds()))
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f" ({seconds // size} {unit} ago)"
    return f" ({seconds} s ago)"


def run_line(run: dict, now: datetime) -> str:
    counts = (
        f"{run['n_seen']} seen, {run['n_new']} new, {run['n_changed']} changed, "
        f"{run['n_unchanged']} unchanged, {run['n_failed']} failed"
        if run["flow_name"] == "ingest"
        else f"{run['n_new']} rebuilt of {run['n_seen']}, {run['n_failed']} failed"
    )
    return (
        f"{_when(run['finished_at'])}{_ago(run['finished_at'], now)}  {run['flow_name']:<9} {counts}  {run['status']}"
    )


def status_lines(
    location: WarehouseLocation, status: dict, version: str, server: str, now: datetime | None = None
) -> list[str]:
    """The screen, line by line (plain text: the command prints it without markup)."""
    now = now or datetime.now(timezone.utc)
    languages = ", ".join(f"{lang} {n}" for lang, n in status["languages"].items())
    lines = [
        f"Warehouse  {location.label()}",
        f"Documents  {status['n_documents']}" + (f" ({languages})" if languages else ""),
        f"Pipeline   {version}",
    ]
    stale = stale_line(status["outdated"])
    lines.append(f"Stale      {stale}" if stale else "Stale      none: every document was made by this pipeline")
    lines.append("Last runs" + ("" if status["runs"] else "  none yet: run `consultations ingest`"))
    lines += [f"  {run_line(run, now)}" for run in status["runs"]]
    failing = status["failing"]
    lines.append(f"Failing    {len(failing)} file{'s' if len(failing) != 1 else ''}" + (":" if failing else ""))
    for row in failing[:MAX_FAILING]:
        what = f"{row['stage']}: {row['error_type']}: {row['error_message']}" if row["error_type"] else row["status"]
        lines.append(f"  {row['source_path']}  ({_short(what)})")
    if len(failing) > MAX_FAILING:
        lines.append(f"  … and {len(failing) - MAX_FAILING} more: {_FAILING_QUERY}")
    lines.append(
        f"Storage    {status['n_snapshots']} snapshots, {status['n_data_files']} data files "
        "(`consultations maintain` merges them and expires old snapshots)"
    )
    lines.append(f"Prefect    {server}")
    return lines


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
