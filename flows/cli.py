"""The `consultations` command line: ingest, query and export the warehouse."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Optional

# Set before Prefect is imported: there is no internet, and the CLI prints its own summary.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
# The temporary Prefect server an ingest starts takes ~20 s on a busy machine: Prefect's 20 s default is too tight.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")

import typer
from rich.console import Console
from rich.markup import escape

from flows import report
from flows.system_errors import ServerStartError, no_access_line, system_error_line
from tasks.domain.budget import DEFAULT_MEMORY_BUDGET_MB, DEFAULT_TIME_BUDGET_S
from tasks.domain.cleaning.guard import removed_words_of
from tasks.domain.models import Removal
from warehouse.config import ConfigError
from warehouse.connection import connect, resolve_location
from warehouse.queries import (
    QueryError,
    document_outline,
    document_removals,
    export_tables,
    landed_documents,
    outdated_documents,
    resolve_document,
    run_sql,
)

app = typer.Typer(
    help="Consultation documents in, a clean queryable corpus out.", no_args_is_help=True, add_completion=False
)
# Piped or logged output has no terminal width; 140 columns keep the summary table readable.
console = Console(width=None if sys.stdout.isatty() else 140)
WarehouseOption = typer.Option(
    None, "--warehouse", "-w", help="Warehouse folder (default: warehouse/data, or $CONSULTATIONS_WAREHOUSE)."
)


# The budgets of one document, across its stages (read, clean, structure, language): over them it
# fails typed (`time_budget`, `memory_budget`) and the run goes on.
TimeBudgetOption = typer.Option(
    DEFAULT_TIME_BUDGET_S, min=1.0, help="Seconds one document may take across all its stages before it fails."
)
MemoryBudgetOption = typer.Option(
    DEFAULT_MEMORY_BUDGET_MB, min=64, help="Megabytes of memory one document may take before it fails."
)


@contextmanager
def user_errors():
    """A missing or unreachable warehouse, a bad warehouse setting, a missing document or bad
    SQL, a full disk, a folder this user may not read or write, a Prefect server that did not
    start: one red line saying what to do, and exit status 1."""
    try:
        yield
    except (QueryError, FileNotFoundError, ConfigError) as error:
        console.print(f"[red]error:[/red] {escape(str(error))}")
        raise typer.Exit(1)
    except Exception as error:
        line = str(error) if isinstance(error, ServerStartError) else system_error_line(error)
        if line is None:
            raise
        console.print(f"[red]error:[/red] {escape(line)}", soft_wrap=True)
        raise typer.Exit(1)


def _print_version(value: bool) -> None:
    if value:
        from tasks.domain.records import PACKAGE_VERSION, pipeline_version

        typer.echo(f"consultations {PACKAGE_VERSION} (pipeline {pipeline_version()})")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="Print the version and the pipeline version."
    ),
) -> None:
    """Consultation documents in, a clean queryable corpus out."""


def reachable(warehouse: Optional[Path]):
    """The warehouse, checked before a run starts: a bad setting, or a catalog or data path
    elsewhere that cannot be reached, fails here in one line rather than inside the run."""
    location = resolve_location(warehouse)
    if location.catalog is not None or location.data is not None:
        connect(location, views=False).close()  # attaches (makes the lake the first time), lists S3
    return location


# An ingest of thousands of files lists this many of them; the rest are a query away.
LANDED_SHOWN = 100


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def ingest(
    inbox: Path = typer.Argument(Path("seeds"), help="Folder to ingest, recursively.", readable=False),
    warehouse: Optional[Path] = WarehouseOption,
    batch_size: int = typer.Option(250, help="Documents per task run."),
    time_budget: float = TimeBudgetOption,
    memory_budget: int = MemoryBudgetOption,
    runner: str = typer.Option(
        "processes",
        help="processes (every core of this machine), dask (a local "
        "Dask cluster) or a Dask scheduler address tcp://host:8786.",
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show Prefect's run logs."),
):
    """Ingest new and changed documents from INBOX and print what landed."""
    if not inbox.is_dir():
        raise typer.BadParameter(f"{inbox} is not a folder", param_hint="INBOX")
    if not os.access(inbox, os.R_OK | os.X_OK):  # said here in one line, not in click's usage box
        console.print(f"[red]error:[/red] {escape(no_access_line(inbox))}", soft_wrap=True)
        raise typer.Exit(1)
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "WARNING")
    from flows.ingest import ingest as ingest_flow  # imports Prefect: keep `sql` fast
    from flows.signals import stoppable

    with user_errors():
        location = reachable(warehouse)
        with stoppable(ingest_flow, verbose) as run_flow:
            result = run_flow(
                str(inbox),
                str(warehouse) if warehouse else None,
                batch_size,
                time_budget_s=time_budget,
                memory_budget_mb=memory_budget,
                runner=runner,
            )
    console.print(
        f"run {result.run_id}: {result.n_seen} files seen, {result.n_new} new, "
        f"{result.n_changed} changed, {result.n_unchanged} unchanged, {result.n_failed} failed"
        + (f", {result.n_removed} removed from the inbox" if result.n_removed else "")
    )
    if result.doc_ids:
        shown = result.doc_ids[:LANDED_SHOWN]
        rows = landed_documents(location, shown)
        console.print(report.landed_table(rows, f"Landed in {location.label()}"))
        if len(result.doc_ids) > len(shown):
            console.print(
                f"… and {len(result.doc_ids) - len(shown)} more: consultations sql "
                f"\"SELECT source_path, title, language FROM documents WHERE run_id = '{result.run_id}'\"",
                highlight=False,
                soft_wrap=True,
            )
    else:
        console.print("Nothing new to land: every file is unchanged since the last run.")
    for f in result.failures:
        console.print(f"[red]failed[/red] {escape(f'{f.source_path} at {f.stage}: {f.error_type}: {f.error_message}')}")
    _still_failing(location, {f.source_path for f in result.failures})
    stale = report.stale_line(outdated_documents(location, result.pipeline_version))
    if stale:
        console.print(stale, highlight=False)


@app.command()
def sql(
    query: str = typer.Argument(
        ...,
        help="Read-only SQL over documents, sources, sections, "
        "paragraphs, artifacts, tables, footnotes, families, failures, runs.",
    ),
    warehouse: Optional[Path] = WarehouseOption,
    format: Format = typer.Option(Format.table, "--format", "-f", help="table, csv or json."),
):
    """Run read-only SQL against the warehouse (safe while an ingestion runs)."""
    with user_errors():
        columns, rows = run_sql(resolve_location(warehouse), query)
    if format is Format.csv:
        typer.echo(report.to_csv(columns, rows), nl=False)
    elif format is Format.json:
        typer.echo(report.to_json(columns, rows))
    else:
        console.print(report.result_table(columns, rows))
        console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")


@app.command()
def export(
    directory: Path = typer.Argument(..., help="Where to write <table>.parquet files."),
    warehouse: Optional[Path] = WarehouseOption,
):
    """Write the current state of every table as plain Parquet (pandas, polars, R read it)."""
    with user_errors():
        counts = export_tables(resolve_location(warehouse), directory)
    for name, n in counts.items():
        console.print(f"{directory / (name + '.parquet')}: {n} rows")


def _resolve(location, document: str) -> str:
    doc_id = resolve_document(location, document)
    if doc_id is None:
        raise QueryError(f"no document {document!r}: give a source path or a doc_id (see `sources`)")
    return doc_id


@app.command()
def show(
    document: str = typer.Argument(..., help="A source path, a doc_id or its first 6+ characters."),
    warehouse: Optional[Path] = WarehouseOption,
    why: bool = typer.Option(
        False, "--why", help="Also name the step behind each field, heading and paragraph kind, and what it saw."
    ),
):
    """Print a document's outline: title, metadata, the other versions in its family (languages,
    formats), sections with levels, pages and language."""
    with user_errors():
        location = resolve_location(warehouse)
        doc, sections = document_outline(location, _resolve(location, document))
    for line in report.outline_lines(doc, sections, why):
        console.print(line, highlight=False)


def _removals(artifacts: list[dict]) -> list[Removal]:
    """The artifacts' rows as the cleaning recorded them, for the removed-words guard."""
    return [
        Removal(a["kind"], a["rule"], a["text"], a["replacement"], a["raw_start"], a["raw_end"], a["page"])
        for a in artifacts
    ]


@app.command()
def explain(
    document: str = typer.Argument(..., help="A source path, a doc_id or its first 6+ characters."),
    warehouse: Optional[Path] = WarehouseOption,
    kind: Optional[list[str]] = typer.Option(None, "--kind", "-k", help="Only removals of this kind."),
    whitespace: bool = typer.Option(False, "--whitespace", help="Also show whitespace tidying."),
):
    """Show every removal from a document in its raw context, with the rule that made it, and
    how many of its words each rule deleted (flagged when cleaning took more than a little)."""
    with user_errors():
        location = resolve_location(warehouse)
        doc, artifacts = document_removals(location, _resolve(location, document))
    found = removed_words_of(doc["raw_text"], doc["clean_text"], _removals(artifacts))
    if kind:
        artifacts = [a for a in artifacts if a["kind"] in kind]
    hidden = set() if whitespace or (kind and "whitespace" in kind) else {"whitespace"}
    console.print(f"[bold]{doc['source_path']}[/bold] ({doc['doc_id'][:12]}) — {doc['title'] or 'untitled'}")
    n_hidden = sum(a["kind"] in hidden for a in artifacts)
    console.print(
        f"{len(artifacts) - n_hidden} removals"
        + (f" (+{n_hidden} whitespace, shown with --whitespace)" if n_hidden else "")
    )
    for line in report.removed_words_lines(found):
        console.print(line, highlight=False)
    for block in report.explain_lines(doc["raw_text"], artifacts, hidden):
        console.print(block, highlight=False)


@app.command()
def reprocess(
    warehouse: Optional[Path] = WarehouseOption,
    all_documents: bool = typer.Option(
        False, "--all", help="Rebuild every document, not only those made by an older pipeline version."
    ),
    time_budget: float = TimeBudgetOption,
    memory_budget: int = MemoryBudgetOption,
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show Prefect's run logs."),
):
    """Rebuild sections, paragraphs, artifacts and labels from stored raw text, batch by batch."""
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "WARNING")
    from flows.reprocess import reprocess as reprocess_flow
    from flows.signals import stoppable

    with user_errors():
        reachable(warehouse)
        with stoppable(reprocess_flow, verbose) as run_flow:
            result = run_flow(
                str(warehouse) if warehouse else None,
                all_documents,
                time_budget_s=time_budget,
                memory_budget_mb=memory_budget,
            )
    console.print(
        f"run {result.run_id}: rebuilt {result.n_rebuilt} of {result.n_examined} documents "
        f"with pipeline {result.pipeline_version}; {len(result.failures)} failed"
    )
    for f in result.failures:
        console.print(f"[red]failed[/red] {escape(f'{f.source_path} at {f.stage}: {f.error_type}: {f.error_message}')}")


@app.command()
def serve(
    inbox: Path = typer.Argument(Path("seeds"), help="Folder the scheduled ingestion reads."),
    warehouse: Optional[Path] = WarehouseOption,
    port: Optional[int] = typer.Option(None, help="Port of the server and UI (default 4200, else a free one)."),
    host: str = typer.Option("127.0.0.1", help="Address the server listens on."),
    prefect_home: Optional[Path] = typer.Option(
        None, help="Where the server keeps its database and the logs (default: .prefect/ in the project)."
    ),
):
    """Run the always-on setup: Prefect server and UI, the work pool, the deployments of
    prefect.yaml and a worker, ingesting INBOX every 15 minutes. Ctrl-C stops all of it."""
    if not inbox.is_dir():
        raise typer.BadParameter(f"{inbox} is not a folder", param_hint="INBOX")
    from flows.serve import LocalPrefectError
    from flows.serve import serve as serve_all

    with user_errors():
        reachable(warehouse)
    try:
        serve_all(host, port, str(inbox), str(warehouse) if warehouse else None, prefect_home)
    except LocalPrefectError as error:
        console.print(f"[red]error:[/red] {escape(str(error))}")
        raise typer.Exit(1)


def _still_failing(location, this_run: set[str]) -> None:
    """Files that failed in earlier runs and still fail (unchanged since): one line, so a run that
    read nothing new does not look clean while they stand."""
    from warehouse.queries import failing_sources

    older = [row["source_path"] for row in failing_sources(location) if row["source_path"] not in this_run]
    if older:
        shown = ", ".join(older[:5]) + (f" and {len(older) - 5} more" if len(older) > 5 else "")
        console.print(f"[yellow]still failing[/yellow] from earlier runs: {escape(shown)} (see `consultations status`)")


@app.command()
def status(warehouse: Optional[Path] = WarehouseOption):
    """One screen: the warehouse, its documents and languages, the last runs, the files still
    failing, documents made by an older pipeline, and whether a Prefect server is running."""
    from flows.status import prefect_server_line, status_lines
    from tasks.domain.records import pipeline_version
    from warehouse.queries import warehouse_status

    version = pipeline_version()
    with user_errors():
        location = resolve_location(warehouse)
        found = warehouse_status(location, version)
    for line in status_lines(location, found, version, prefect_server_line()):
        console.print(line, highlight=False, markup=False)


@app.command()
def maintain(
    warehouse: Optional[Path] = WarehouseOption,
    older_than: str = typer.Option(
        "30d", "--older-than", help="Keep snapshots (time travel) this far back: 30d, 12h, 2w, 0 for none."
    ),
):
    """Merge the small files runs leave, expire snapshots older than --older-than and delete the
    files no snapshot needs. Every current row stays; waits for a running ingest to finish."""
    import duckdb

    from warehouse.config import parse_age
    from warehouse.maintenance import maintain_warehouse

    with user_errors():
        age = parse_age(older_than)
        location = resolve_location(warehouse)
        try:
            done = maintain_warehouse(
                location, age, on_wait=lambda who: console.print(f"waiting for {escape(who)} to finish …")
            )
        except (duckdb.Error, PermissionError, IsADirectoryError, NotADirectoryError) as error:
            first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise QueryError(f"maintenance of {location.label()} stopped: {first}") from None
    for line in done.lines():
        console.print(line, highlight=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
