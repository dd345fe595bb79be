"""Opening the warehouse: DuckDB with the DuckLake extension, from files shipped on PyPI.

Extensions are installed from the paths of their PyPI packages into a project-owned
directory; nothing is ever downloaded (`INSTALL fts` by name needs the internet)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb

from warehouse.schema import TABLES, column_sql, create_table_sql

CATALOG = "lake"
DEFAULT_LOCATION = Path(__file__).resolve().parent / "data"
_EXTENSION_PACKAGES = {
    "ducklake": "duckdb_extension_ducklake",
    "sqlite_scanner": "duckdb_extension_sqlite_scanner",
    "fts": "duckdb_extension_fts",
}


@dataclass(frozen=True)
class WarehouseLocation:
    root: Path

    @property
    def catalog_file(self) -> Path:
        return self.root / "catalog.sqlite"

    @property
    def data_path(self) -> Path:
        return self.root / "files"

    @property
    def extension_directory(self) -> Path:
        return self.root / ".extensions"

    def exists(self) -> bool:
        return self.catalog_file.exists()


def resolve_location(path: str | os.PathLike | None = None) -> WarehouseLocation:
    """`--warehouse DIR`, else `$CONSULTATIONS_WAREHOUSE`, else `warehouse/data/`."""
    chosen = path or os.environ.get("CONSULTATIONS_WAREHOUSE") or DEFAULT_LOCATION
    return WarehouseLocation(Path(chosen).expanduser().resolve())


def extension_file(name: str) -> Path:
    package = resources.files(_EXTENSION_PACKAGES[name])
    found = sorted(Path(str(package)).glob("extensions/*/*.duckdb_extension"))
    if not found:
        raise FileNotFoundError(f"the {_EXTENSION_PACKAGES[name]} package ships no {name} extension")
    return found[-1]


def load_extensions(con: duckdb.DuckDBPyConnection, names=("ducklake", "sqlite_scanner")) -> None:
    for name in names:
        try:
            con.execute(f"LOAD {name}")
        except duckdb.Error:
            con.execute(f"INSTALL '{extension_file(name)}'")
            con.execute(f"LOAD {name}")


def _create_tables(con: duckdb.DuckDBPyConnection) -> None:
    """All contract tables in one snapshot, the first time a warehouse is opened for writing;
    tables and columns added to the contract since a warehouse was made are added to it."""
    columns: dict[str, set[str]] = {}
    for table, column in con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = ?", [CATALOG]).fetchall():
        columns.setdefault(table, set()).add(column)
    statements = [create_table_sql(CATALOG, name) for name in TABLES if name not in columns]
    statements += [f"ALTER TABLE {CATALOG}.{name} ADD COLUMN {column_sql(f)}"
                   for name in TABLES if name in columns for f in TABLES[name] if f.name not in columns[name]]
    if not statements:
        return
    con.execute("BEGIN TRANSACTION")
    for statement in statements:
        con.execute(statement)
    con.execute(f"CALL {CATALOG}.set_commit_message('consultations', 'create tables (contract v1)')")
    con.execute("COMMIT")


def connect(location: WarehouseLocation, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the lake attached as `lake` and its tables as views in `main`,
    so SQL reads `SELECT * FROM documents`."""
    if read_only and not location.exists():
        raise FileNotFoundError(
            f"no warehouse at {location.root}: run `consultations ingest` first, or pass --warehouse")
    location.root.mkdir(parents=True, exist_ok=True)
    location.extension_directory.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(config={
        "extension_directory": str(location.extension_directory),
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
    })
    load_extensions(con)
    mode = ", READ_ONLY" if read_only else ""
    # Every row goes to Parquet: DuckLake would otherwise keep inserts of under 10 rows in the
    # SQLite catalog, where a DATE inside a STRUCT is written in a form it cannot read back.
    con.execute(
        f"ATTACH 'ducklake:sqlite:{location.catalog_file}' AS {CATALOG} "
        f"(DATA_PATH '{location.data_path}/', DATA_INLINING_ROW_LIMIT 0{mode})")
    if not read_only:
        _create_tables(con)
    for name in TABLES:
        con.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT * FROM {CATALOG}.{name}")
    return con
