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

import typer
from rich.console import Console
from rich.markup import escape

from flows import report
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


@contextmanager
def user_errors():
    """A missing or unreachable warehouse, a bad warehouse setting, a missing document or bad
    SQL: one red line and exit status 1."""
    try:
        yield
    except (QueryError, FileNotFoundError, ConfigError) as error:
        console.print(f"[red]error:[/red] {escape(str(error))}")
        raise typer.Exit(1)


def reachable(warehouse: Optional[Path]):
    """The warehouse, checked before a run starts: a bad setting, or a catalog or data path
    elsewhere that cannot be reached, fails here in one line rather than inside the run."""
    location = resolve_location(warehouse)
    if location.catalog is not None or location.data is not None:
        connect(location, views=False).close()  # attaches (makes the lake the first time), lists S3
    return location


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def ingest(
    inbox: Path = typer.Argument(Path("seeds"), help="Folder to ingest, recursively."),
    warehouse: Optional[Path] = WarehouseOption,
    batch_size: int = typer.Option(250, help="Documents per task run."),
    time_budget: float = typer.Option(300.0, help="Seconds one document may take to read before it fails."),
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
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "WARNING")
    from flows.ingest import ingest as ingest_flow  # imports Prefect: keep `sql` fast
    from flows.terminal import showing_progress

    with user_errors(), showing_progress():
        location = reachable(warehouse)
        result = ingest_flow(
            str(inbox), str(warehouse) if warehouse else None, batch_size, time_budget_s=time_budget, runner=runner
        )
    console.print(
        f"run {result.run_id}: {result.n_seen} files seen, {result.n_new} new, "
        f"{result.n_changed} changed, {result.n_unchanged} unchanged, {result.n_failed} failed"
    )
    if result.doc_ids:
        rows = landed_documents(location, result.doc_ids)
        console.print(report.landed_table(rows, f"Landed in {location.label()}"))
    else:
        console.print("Nothing new to land: every file is unchanged since the last run.")
    for f in result.failures:
        console.print(f"[red]failed[/red] {escape(f'{f.source_path} at {f.stage}: {f.error_type}: {f.error_message}')}")
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
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show Prefect's run logs."),
):
    """Rebuild sections, paragraphs, artifacts and labels from stored raw text, in one commit."""
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "WARNING")
    from flows.reprocess import reprocess as reprocess_flow
    from flows.terminal import showing_progress

    with user_errors(), showing_progress():
        reachable(warehouse)
        result = reprocess_flow(str(warehouse) if warehouse else None, all_documents)
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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
