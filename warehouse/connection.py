"""Opening the warehouse: DuckDB with the DuckLake extension, from files shipped on PyPI.

Extensions are loaded straight from the files of their PyPI packages, once per environment
(no warehouse carries a copy); nothing is ever downloaded (`INSTALL fts` by name needs the
internet). A warehouse folder made here is its owner's only, unless
`CONSULTATIONS_WAREHOUSE_SHARED=1`.

The catalog and the data files are local unless `CONSULTATIONS_CATALOG` (e.g. PostgreSQL) and
`CONSULTATIONS_DATA_PATH` (e.g. S3) say otherwise: warehouse/config.py reads them."""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb

from warehouse import config
from warehouse.schema import INLINED_ROWS, TABLES, VIEWS, column_sql, create_table_sql

CATALOG = "lake"
DEFAULT_LOCATION = Path(__file__).resolve().parent / "data"
_EXTENSION_PACKAGES = {
    "ducklake": "duckdb_extension_ducklake",
    "sqlite_scanner": "duckdb_extension_sqlite_scanner",
    "fts": "duckdb_extension_fts",
    "postgres_scanner": "duckdb_extension_postgres_scanner",
    "httpfs": "duckdb_extension_httpfs",
}
# DuckDB's own extension folder, never written (extensions load by path, nothing is installed):
# pointed into this environment so that no copy in ~/.duckdb of another DuckDB build is read.
EXTENSION_DIRECTORY = Path(sys.prefix) / "share" / "consultations" / "duckdb-extensions"
# DuckLake's words for a read-only attach of a catalog that holds no lake yet.
_NO_LAKE_YET = "does not exist - and creating a new DuckLake is explicitly disabled"


class WarehouseUnavailable(FileNotFoundError):
    """The configured catalog or data path cannot be reached with the credentials at hand. A
    FileNotFoundError, like a missing local warehouse, so callers that report "no warehouse
    here" (the CLI's user errors) report this the same way: one line that says what to fix."""


@dataclass(frozen=True, repr=False)
class WarehouseLocation:
    """`root` is this machine's warehouse folder; `catalog` and `data` are the DuckLake metadata
    string and data folder URL when they are configured elsewhere, None for
    `<root>/catalog.sqlite` and `<root>/files/`."""

    root: Path
    catalog: str | None = None
    data: str | None = None

    @property
    def metadata(self) -> str:
        """What follows `ducklake:` in the ATTACH: `sqlite:<file>` or `postgres:<conninfo>`."""
        return self.catalog or f"sqlite:{self.root / 'catalog.sqlite'}"

    @property
    def catalog_file(self) -> Path | None:
        """The SQLite catalog file, None when the catalog is a server."""
        return Path(self.metadata.removeprefix("sqlite:")) if self.metadata.startswith("sqlite:") else None

    @property
    def data_path(self) -> str:
        """Where the Parquet files go, ending in `/`: a local folder or s3://bucket/prefix/."""
        return self.data or f"{self.root / 'files'}/"

    @property
    def extension_directory(self) -> Path:
        """Where DuckDB would look for installed extensions: the environment's, not the warehouse's."""
        return EXTENSION_DIRECTORY

    def describe(self) -> str:
        """For logs and messages, without any password: `catalog postgres:…, data s3://…`."""
        return config.describe(self.metadata, self.data_path)

    def label(self) -> str:
        """How logs and the command name the warehouse: its folder, or, when the catalog or the
        data are elsewhere, where they are."""
        return str(self.root) if self.catalog is None and self.data is None else self.describe()

    def __repr__(self) -> str:
        return f"WarehouseLocation({self.root}: {self.describe()})"

    def exists(self) -> bool:
        """Whether a lake is there to read: the catalog file, or for a catalog server, whether it
        holds one (asked once; an unreachable server raises WarehouseUnavailable)."""
        if self.catalog_file is not None:
            return self.catalog_file.exists()
        try:
            connect(self, read_only=True, views=False).close()
        except WarehouseUnavailable:
            raise
        except FileNotFoundError:
            return False
        return True


def resolve_location(path: str | os.PathLike | None = None) -> WarehouseLocation:
    """`--warehouse DIR`, else `$CONSULTATIONS_WAREHOUSE`, else `warehouse/data/`; the catalog and
    the data path from `$CONSULTATIONS_CATALOG` and `$CONSULTATIONS_DATA_PATH` when set."""
    chosen = path or os.environ.get(config.WAREHOUSE_ENV) or DEFAULT_LOCATION
    return WarehouseLocation(
        Path(chosen).expanduser().resolve(),
        config.catalog_from_env(os.environ.get(config.CATALOG_ENV)),
        config.data_path_from_env(os.environ.get(config.DATA_PATH_ENV)),
    )


def extension_file(name: str) -> Path:
    package = resources.files(_EXTENSION_PACKAGES[name])
    found = sorted(Path(str(package)).glob("extensions/*/*.duckdb_extension"))
    if not found:
        raise FileNotFoundError(f"the {_EXTENSION_PACKAGES[name]} package ships no {name} extension")
    return found[-1]


def load_extensions(con: duckdb.DuckDBPyConnection, names=("ducklake", "sqlite_scanner")) -> None:
    """LOAD each extension from its PyPI package's file: one copy per environment, the build
    that matches this DuckDB, nothing written anywhere."""
    for name in names:
        con.execute(f"LOAD {config.sql_literal(str(extension_file(name)))}")


def _private_folder(path: Path) -> None:
    """Make `path` (and missing parents) the way a new warehouse folder should be: its owner's
    only (0o700), unless the warehouse is configured as shared; an existing folder is left as is."""
    if path.is_dir():
        return
    if config.warehouse_shared():
        path.mkdir(parents=True, exist_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        path.mkdir(mode=0o700)
    except FileExistsError:
        return
    path.chmod(0o700)  # mkdir's mode is filtered by the umask; never wider than asked, but be exact


def _prepare_local(location: WarehouseLocation, read_only: bool) -> bool:
    """The local folders a write needs, made private; True when the catalog file is about to be
    created (then it is made private too once it exists)."""
    local_data = not config.is_s3(location.data_path)
    if location.catalog_file is not None or local_data:
        _private_folder(location.root)
    if read_only:
        return False
    if local_data:
        _private_folder(Path(location.data_path))
    catalog = location.catalog_file
    if catalog is not None and not catalog.exists():
        _private_folder(catalog.parent)
        return True
    return False


def catalog_columns(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """The lake's tables and the columns of each, in one query: a warehouse made by an older
    contract lacks what joined it since (its next write adds them; the read paths read them as
    NULL meanwhile)."""
    columns: dict[str, set[str]] = {}
    for table, column in con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = ?", [CATALOG]
    ).fetchall():
        columns.setdefault(table, set()).add(column)
    return columns


def _create_tables(con: duckdb.DuckDBPyConnection) -> None:
    """All contract tables in one snapshot, the first time a warehouse is opened for writing;
    tables and columns added to the contract since a warehouse was made are added to it."""
    columns = catalog_columns(con)
    statements = [create_table_sql(CATALOG, name) for name in TABLES if name not in columns]
    statements += [
        f"ALTER TABLE {CATALOG}.{name} ADD COLUMN {column_sql(f)}"
        for name in TABLES
        if name in columns
        for f in TABLES[name]
        if f.name not in columns[name]
    ]
    if statements:
        con.execute("BEGIN TRANSACTION")
        for statement in statements:
            con.execute(statement)
        con.execute(f"CALL {CATALOG}.set_commit_message('consultations', 'create tables (contract v1)')")
        con.execute("COMMIT")
    _inline_small_writes(con)


def _inline_small_writes(con: duckdb.DuckDBPyConnection) -> None:
    """INLINED_ROWS on the tables that do not have it yet: new ones, once committed (a table's
    options cannot be set in the transaction that creates it), and a warehouse made before."""
    have = {
        entry.removeprefix("main.")
        for (entry,) in con.execute(
            f"SELECT scope_entry FROM {CATALOG}.options() WHERE option_name = 'data_inlining_row_limit' "
            "AND scope = 'TABLE'"
        ).fetchall()
    }
    for name, rows in INLINED_ROWS.items():
        if name not in have:
            con.execute(f"CALL {CATALOG}.set_option('data_inlining_row_limit', {rows}, table_name => '{name}')")


def connect(location: WarehouseLocation, read_only: bool = False, views: bool = True) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the lake attached as `lake` and its tables as views in `main`,
    so SQL reads `SELECT * FROM documents` (`views=False`: only the attachment). Raises
    FileNotFoundError when there is no lake to read yet, WarehouseUnavailable when the configured
    catalog or data path cannot be reached."""
    if read_only and location.catalog_file is not None and not location.catalog_file.exists():
        where = location.root if location.catalog is None else location.describe()
        raise FileNotFoundError(f"no warehouse at {where}: run `consultations ingest` first, or pass --warehouse")
    new_catalog = _prepare_local(location, read_only)
    con = duckdb.connect(
        config={
            "extension_directory": str(location.extension_directory),
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
        }
    )
    try:
        load_extensions(con, config.required_extensions(location.metadata, location.data_path))
        if config.is_s3(location.data_path):
            _open_s3(con, location)
        _attach(con, location, read_only)
        if new_catalog and location.catalog_file.exists() and not config.warehouse_shared():
            location.catalog_file.chmod(0o600)  # SQLite gives its journal files the same mode
        if not read_only:
            _create_tables(con)
        if views:
            # A warehouse made before a table joined the contract gains it at its next write; read
            # only, it shows the tables it has (a reprocess reads before it writes).
            present = set(catalog_columns(con)) if read_only else set(TABLES)
            for name in TABLES:
                if name in present:
                    con.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT * FROM {CATALOG}.{name}")
            if {"documents", "sources"} <= present:
                for name, query in VIEWS.items():
                    con.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS {query}")
    except BaseException:
        con.close()
        raise
    return con


def connect_sandboxed(location: WarehouseLocation) -> duckdb.DuckDBPyConnection:
    """A read-only connection for SQL a user typed: once the lake is attached and the views made,
    DuckDB's external access is turned off with only the warehouse's data path still readable
    (DuckLake reads its Parquet files from there), and the configuration is locked, so the query
    can neither read other files (read_text, read_csv, glob), nor write any (COPY TO), nor
    install or load extensions, nor SET access back on. ATTACH, COPY and the like are refused
    before they run by `warehouse.queries.run_sql`; this is the wall behind that check."""
    con = connect(location, read_only=True)
    try:
        con.execute("SET allowed_directories = ?", [[location.data_path]])
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
    except BaseException:
        con.close()
        raise
    return con


def _attach(con: duckdb.DuckDBPyConnection, location: WarehouseLocation, read_only: bool) -> None:
    try:
        con.execute(config.attach_sql(CATALOG, location.metadata, location.data_path, read_only))
    except duckdb.Error as error:
        if location.catalog is None:
            raise
        if _NO_LAKE_YET in str(error):
            raise FileNotFoundError(
                f"no warehouse in {location.describe()} yet: run `consultations ingest` "
                f"first, or check ${config.CATALOG_ENV}"
            ) from None
        hint = ""
        if "Unable to connect" in str(error):
            hint = (
                "\nCheck that the database server is running and reachable from here, that the database "
                f"exists, and that the password is in PGPASSWORD or ~/.pgpass (not in ${config.CATALOG_ENV})."
            )
        raise WarehouseUnavailable(
            f"cannot open the warehouse {config.describe_catalog(location.metadata)} "
            f"(from ${config.CATALOG_ENV}): {_clean(error, location)}{hint}"
        ) from None


# The secrets (by digest) that this process has already listed its data path with.
_S3_CHECKED: set[str] = set()


def _open_s3(con: duckdb.DuckDBPyConnection, location: WarehouseLocation) -> None:
    """The S3 secret from the AWS_* variables, then one cheap listing (a prefix that matches
    nothing) so that wrong credentials, a missing bucket or an unreachable endpoint fail here
    with a message that says what to fix, not halfway through a landing."""
    environ = os.environ
    try:
        secret_sql = config.s3_secret_sql(location.data_path, environ)
    except config.ConfigError as error:
        raise WarehouseUnavailable(str(error)) from None
    con.execute(secret_sql)
    checked = hashlib.sha256(secret_sql.encode()).hexdigest()
    if checked in _S3_CHECKED:
        return
    probe = config.sql_literal(location.data_path + ".consultations-access-check*")
    try:
        con.execute(f"SELECT count(*) FROM glob({probe})").fetchall()
    except duckdb.Error as error:
        raise WarehouseUnavailable(
            f"cannot list the warehouse data path {location.data_path} (from ${config.DATA_PATH_ENV}) at "
            f"{config.endpoint_label(environ)} with access key {environ.get('AWS_ACCESS_KEY_ID')!r}: "
            f"{_clean(error, location)}\nCheck AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (the key needs to "
            "list, read, write and delete under that path), that the bucket exists, and AWS_ENDPOINT_URL for a "
            "store other than AWS S3."
        ) from None
    _S3_CHECKED.add(checked)


def _clean(error: duckdb.Error, location: WarehouseLocation) -> str:
    """DuckDB's message without passwords, and without the SQL excerpt it points into."""
    text = str(error).split("\nLINE 1:")[0]
    return config.redact(text, os.environ, config.conninfo_passwords(location.metadata)).strip()
