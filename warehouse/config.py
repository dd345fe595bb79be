"""Where the warehouse lives, from the environment: the pure part (strings in, SQL out).

Local by default: a SQLite catalog and Parquet files under the warehouse folder. A team moves
the DuckLake catalog to PostgreSQL and the files to S3-compatible storage by setting
`CONSULTATIONS_CATALOG` and `CONSULTATIONS_DATA_PATH`; credentials stay where their clients
look for them (libpq's PGPASSWORD or ~/.pgpass, the AWS_* variables) and are read when a
connection opens, never kept in a location or written to a log."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

WAREHOUSE_ENV = "CONSULTATIONS_WAREHOUSE"
CATALOG_ENV = "CONSULTATIONS_CATALOG"
DATA_PATH_ENV = "CONSULTATIONS_DATA_PATH"
# Folders a deployment run may take its inbox from (os.pathsep-separated); default: the project.
INBOX_ROOTS_ENV = "CONSULTATIONS_INBOX_ROOTS"
HOME_ENV = "CONSULTATIONS_HOME"
# "1": the warehouse is created with the user's umask (a group shares it); else its owner's only.
SHARED_ENV = "CONSULTATIONS_WAREHOUSE_SHARED"
# Values that must never appear in a message, wherever the text comes from.
SECRET_ENV = ("PGPASSWORD", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")


class ConfigError(ValueError):
    """A warehouse setting that cannot work; the message names the variable and the fix."""


def catalog_from_env(value: str | None) -> str | None:
    """`$CONSULTATIONS_CATALOG` as a DuckLake metadata string, or None for the local SQLite file.

    `postgres:<libpq conninfo>` (key=value pairs, or a postgresql:// URI), a bare
    postgresql:// URI, or `sqlite:<file>`; a leading `ducklake:` is allowed."""
    value = (value or "").strip()
    if not value:
        return None
    value = value.removeprefix("ducklake:")
    if value.startswith(("postgres://", "postgresql://")):
        value = "postgres:" + value  # libpq reads the URI; DuckLake needs the scheme in front
    if value.startswith("postgres:") and value.removeprefix("postgres:").strip():
        if conninfo_passwords(value):
            # DuckDB repeats the connection string in its errors, which reach logs and Prefect's
            # database: a password in it would leak from the first failed query.
            raise ConfigError(
                f"${CATALOG_ENV} holds a password: put it in PGPASSWORD or ~/.pgpass instead, "
                f"and leave it out of {redact(value, secrets=conninfo_passwords(value))!r}"
            )
        return value
    if value.startswith("sqlite:") and value.removeprefix("sqlite:").strip():
        return "sqlite:" + str(Path(value.removeprefix("sqlite:")).expanduser().resolve())
    raise ConfigError(
        f"${CATALOG_ENV} must be 'postgres:dbname=… host=… user=…' (a libpq connection string; the "
        f"password goes in PGPASSWORD or ~/.pgpass) or 'sqlite:/path/catalog.sqlite', not "
        f"{redact(value, secrets=conninfo_passwords(value))!r}"
    )


def data_path_from_env(value: str | None) -> str | None:
    """`$CONSULTATIONS_DATA_PATH` as a folder URL ending in `/`, or None for `<warehouse>/files/`:
    `s3://bucket/prefix/` or a local folder (made absolute)."""
    value = (value or "").strip()
    if not value:
        return None
    if value.startswith("s3://"):
        if not urlsplit(value).netloc:
            raise ConfigError(f"${DATA_PATH_ENV} names no bucket: {value!r} (expected s3://bucket/prefix/)")
        return value.rstrip("/") + "/"
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", value):
        raise ConfigError(
            f"${DATA_PATH_ENV} must be s3://bucket/prefix/ (any S3-compatible store) or a local folder, not {value!r}"
        )
    return str(Path(value).expanduser().resolve()) + "/"


def is_s3(data_path: str) -> bool:
    return data_path.startswith("s3://")


def required_extensions(metadata: str, data_path: str) -> tuple[str, ...]:
    """DuckDB extensions this configuration needs: only those, so a local warehouse loads no
    network code."""
    needed = ["ducklake"]
    needed.append("postgres_scanner" if metadata.startswith("postgres:") else "sqlite_scanner")
    if is_s3(data_path):
        needed.append("httpfs")
    return tuple(needed)


def sql_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def attach_sql(alias: str, metadata: str, data_path: str, read_only: bool) -> str:
    # Every row goes to Parquet: DuckLake would otherwise keep inserts of under 10 rows in the
    # catalog, where (in SQLite) a DATE inside a STRUCT is written in a form it cannot read back;
    # one rule for every catalog keeps all data in the data path.
    options = f"DATA_PATH {sql_literal(data_path)}, DATA_INLINING_ROW_LIMIT 0" + (", READ_ONLY" if read_only else "")
    return f"ATTACH {sql_literal('ducklake:' + metadata)} AS {alias} ({options})"


def s3_secret_sql(data_path: str, environ: Mapping[str, str]) -> str:
    """A temporary (in-memory, never persisted) DuckDB S3 secret scoped to the data path, from the
    variables every AWS client reads: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, optional
    AWS_SESSION_TOKEN, AWS_REGION (or AWS_DEFAULT_REGION, else us-east-1), and for MinIO or another S3-compatible
    store AWS_ENDPOINT_URL_S3 (or AWS_ENDPOINT_URL), e.g. http://minio.internal:9000."""
    key_id, secret = environ.get("AWS_ACCESS_KEY_ID", ""), environ.get("AWS_SECRET_ACCESS_KEY", "")
    if not key_id or not secret:
        raise ConfigError(
            f"${DATA_PATH_ENV} is {data_path}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
            "(and AWS_ENDPOINT_URL for a store other than AWS S3)"
        )
    options = {"TYPE": "s3", "PROVIDER": "config", "KEY_ID": sql_literal(key_id), "SECRET": sql_literal(secret)}
    if token := environ.get("AWS_SESSION_TOKEN"):
        options["SESSION_TOKEN"] = sql_literal(token)
    # Signing needs a region; us-east-1 is what AWS clients assume for S3, and MinIO's default.
    options["REGION"] = sql_literal(environ.get("AWS_REGION") or environ.get("AWS_DEFAULT_REGION") or "us-east-1")
    if endpoint := s3_endpoint(environ):
        options |= endpoint
    options["SCOPE"] = sql_literal(data_path)
    return (
        "CREATE OR REPLACE TEMPORARY SECRET consultations_s3 ("
        + ", ".join(f"{k} {v}" for k, v in options.items())
        + ")"
    )


def s3_endpoint(environ: Mapping[str, str]) -> dict[str, str]:
    """The secret's ENDPOINT/URL_STYLE/USE_SSL for a custom endpoint URL; {} for AWS itself."""
    name = "AWS_ENDPOINT_URL_S3" if environ.get("AWS_ENDPOINT_URL_S3") else "AWS_ENDPOINT_URL"
    url = environ.get(name, "").strip()
    if not url:
        return {}
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path.strip("/"):
        raise ConfigError(f"${name} must be http(s)://host[:port] (like http://minio.internal:9000), not {url!r}")
    # S3-compatible stores (MinIO, Ceph, Garage, moto) serve buckets as path segments.
    return {
        "ENDPOINT": sql_literal(parts.netloc),
        "URL_STYLE": "'path'",
        "USE_SSL": "true" if parts.scheme == "https" else "false",
    }


def endpoint_label(environ: Mapping[str, str]) -> str:
    return environ.get("AWS_ENDPOINT_URL_S3") or environ.get("AWS_ENDPOINT_URL") or "AWS S3"


_PASSWORD_PAIR = re.compile(r"""(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s'"]+)""", re.IGNORECASE)
_URI_PASSWORD = re.compile(r"(://[^:/?#@\s]*:)([^@/?#\s]*)(@)")


def conninfo_passwords(metadata: str) -> list[str]:
    """The passwords written into a catalog string (`password=…`, quoted or not, or `user:…@`)."""
    found = [v for m in _URI_PASSWORD.finditer(metadata) for v in (m.group(2), unquote(m.group(2)))]
    for match in _PASSWORD_PAIR.finditer(metadata):
        value = match.group(2)
        found.append(re.sub(r"\\(.)", r"\1", value[1:-1]) if value.startswith("'") else value)
    pair = re.search(r"password\s*=\s*(\S+)", metadata, re.IGNORECASE)  # up to the next space, quotes and all
    found += [pair.group(1)] if pair else []
    return [value for value in found if value]


def redact(text: str, environ: Mapping[str, str] | None = None, secrets: Iterable[str] = ()) -> str:
    """`text` with passwords hidden: the given `secrets` and the value of any credential variable
    in `environ` wherever they appear, then any other `password=…` pair or `user:…@` in a URI."""
    values = [*secrets, *((environ or {}).get(name, "") for name in SECRET_ENV)]
    for value in sorted({v for v in values if len(v) >= 4}, key=len, reverse=True):
        text = text.replace(value, "***")
    text = _PASSWORD_PAIR.sub(r"\1***", text)
    return _URI_PASSWORD.sub(r"\1***\3", text)


def describe_catalog(metadata: str) -> str:
    return f"catalog {redact(metadata, secrets=conninfo_passwords(metadata))}"


def describe(metadata: str, data_path: str) -> str:
    """One line for logs and messages, never with a password: `catalog postgres:dbname=… host=…,
    data s3://bucket/prefix/`."""
    return f"{describe_catalog(metadata)}, data {data_path}"


class InboxNotAllowed(ConfigError):
    """A deployment run was given an inbox outside the configured roots."""


def inbox_roots(environ: Mapping[str, str] | None = None) -> list[Path]:
    """The folders deployment runs may read: `$CONSULTATIONS_INBOX_ROOTS` (os.pathsep-separated),
    else the project home `$CONSULTATIONS_HOME` (which every deployment run has), else the current
    folder. Resolved, so a link cannot stand in for a root."""
    environ = os.environ if environ is None else environ
    listed = [part for part in environ.get(INBOX_ROOTS_ENV, "").split(os.pathsep) if part.strip()]
    chosen = listed or [environ.get(HOME_ENV) or os.getcwd()]
    return [Path(root.strip()).expanduser().resolve() for root in chosen]


def allowed_inbox(path: str | os.PathLike, environ: Mapping[str, str] | None = None) -> None:
    """Refuse an inbox that does not resolve (links followed) to a folder under one of the
    roots: anyone who can reach the Prefect API can start a deployment run with any parameters,
    and an inbox is read whole into the warehouse."""
    roots = inbox_roots(environ)
    resolved = Path(path).expanduser().resolve()
    if any(resolved == root or resolved.is_relative_to(root) for root in roots):
        return
    raise InboxNotAllowed(
        f"inbox {resolved} is outside the folders deployment runs may read ({', '.join(map(str, roots))}): "
        f"move it under one of them, or add its folder to ${INBOX_ROOTS_ENV} in the worker's environment"
    )


def warehouse_shared(environ: Mapping[str, str] | None = None) -> bool:
    """Whether `$CONSULTATIONS_WAREHOUSE_SHARED` asks for a warehouse others may read."""
    value = (os.environ if environ is None else environ).get(SHARED_ENV, "").strip().lower()
    return value in ("1", "true", "yes", "on")


_AGE_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_age(text: str) -> timedelta:
    """`30d`, `12h`, `2w`, `90m`, `45s` (or a bare number of days) as a timedelta."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*", text.lower())
    if not match:
        raise ConfigError(f"{text!r} is not an age: write a number and a unit, like 30d, 12h, 2w or 90m")
    return timedelta(seconds=float(match.group(1)) * _AGE_UNITS[match.group(2) or "d"])
