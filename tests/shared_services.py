"""Real services for the shared-warehouse tests: a throwaway PostgreSQL cluster and a moto S3
server, each on a free loopback port and stopped by its caller (see the fixtures in
tests/integration/test_shared_warehouse.py)."""

from __future__ import annotations

import json
import logging
import os
import shutil
import socket
import subprocess
import tempfile
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator


def _newest_postgres() -> Path:
    """The bin folder of the newest PostgreSQL Debian has installed (`make test` installs one)."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return found[-1].parent if found else Path("/usr/lib/postgresql/15/bin")


PG_BIN = Path(os.environ.get("CONSULTATIONS_TEST_PG_BIN") or _newest_postgres())
PG_USER = "postgres"  # the system user that owns the cluster when the tests run as root


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_missing() -> str | None:
    """Why a PostgreSQL cluster cannot be started here, or None when it can."""
    needed = [PG_BIN / name for name in ("initdb", "pg_ctl", "postgres", "psql")]
    absent = [str(p) for p in needed if not p.exists()]
    if absent:
        return f"PostgreSQL server binaries not found ({', '.join(absent)}): apt-get install postgresql"
    if os.geteuid() == 0 and not shutil.which("runuser"):
        return "running as root, and runuser (to start PostgreSQL as the postgres user) is missing"
    return None


@dataclass
class Postgres:
    """A PostgreSQL cluster in a temporary folder, owned by the `postgres` system user when we
    are root (PostgreSQL refuses to run as root). TCP logins need a password (scram-sha-256),
    so the tests also prove that PGPASSWORD reaches libpq."""

    folder: Path
    port: int
    user: str = "etl"
    password: str = "s3cr3t-pg-password"
    database: str = "consultations"

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    def conninfo(self, **overrides) -> str:
        """libpq key=value string, without the password (that travels in PGPASSWORD)."""
        fields = dict(dbname=self.database, host="127.0.0.1", port=self.port, user=self.user) | overrides
        return " ".join(f"{k}={v}" for k, v in fields.items())

    def _run(self, *args: str, check: bool = True, **kwargs) -> subprocess.CompletedProcess:
        prefix = ["runuser", "-u", PG_USER, "--"] if os.geteuid() == 0 else []
        return subprocess.run([*prefix, *args], check=check, capture_output=True, text=True, timeout=60, **kwargs)

    def start(self) -> None:
        self.socket_dir.mkdir(parents=True)
        password_file = self.folder / "superuser-password"
        password_file.write_text("superuser-not-used\n")
        if os.geteuid() == 0:
            shutil.chown(self.folder, PG_USER)
            for path in (self.socket_dir, password_file):
                shutil.chown(path, PG_USER)
        self._run(
            str(PG_BIN / "initdb"),
            "-D",
            str(self.folder / "data"),
            "-U",
            "postgres",
            "--no-sync",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            f"--pwfile={password_file}",
            "--encoding=UTF8",
            "--locale=C",
        )
        options = (
            f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.folder / "data"),
            "-l",
            str(self.folder / "server.log"),
            "-o",
            options,
            "-w",
            "-t",
            "30",
            "start",
        )
        self.psql(f"CREATE ROLE {self.user} LOGIN PASSWORD '{self.password}'")
        self.psql(f"CREATE DATABASE {self.database} OWNER {self.user}")

    def psql(self, sql: str, database: str = "postgres") -> str:
        """Run SQL as the superuser over the unix socket; unaligned rows, `|` between fields."""
        done = self._run(
            str(PG_BIN / "psql"),
            "-X",
            "-q",
            "-A",
            "-t",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            str(self.socket_dir),
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "-d",
            database,
            "-c",
            sql,
        )
        return done.stdout.strip()

    def stop(self) -> None:
        if (self.folder / "data" / "postmaster.pid").exists():
            self._run(
                str(PG_BIN / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop", check=False
            )
        shutil.rmtree(self.folder, ignore_errors=True)


def start_postgres() -> Postgres:
    # Not under pytest's tmp_path: its folders are private to root, and the server runs as postgres.
    server = Postgres(Path(tempfile.mkdtemp(prefix="consultations-pg-")), free_port())
    try:
        server.start()
    except BaseException:
        log = server.folder / "server.log"
        detail = log.read_text() if log.exists() else ""
        server.stop()
        if detail:
            raise RuntimeError(f"PostgreSQL did not start:\n{detail}")
        raise
    return server


@dataclass
class S3Server:
    """moto's S3 in server mode on a loopback port. After `enforce_credentials()` every request
    must be signed with the access key of the IAM user made here: wrong keys get a 403."""

    server: object
    endpoint: str
    access_key_id: str = ""
    secret_access_key: str = ""
    region: str = "us-east-1"

    def client(self, service: str = "s3", **credentials):
        import boto3

        credentials = credentials or dict(
            aws_access_key_id=self.access_key_id or "setup", aws_secret_access_key=self.secret_access_key or "setup"
        )
        return boto3.client(service, endpoint_url=self.endpoint, region_name=self.region, **credentials)

    def create_user(self, bucket: str) -> None:
        """An IAM user allowed everything on `bucket`, with an access key (moto issues it)."""
        iam = self.client("iam")
        iam.create_user(UserName="etl")
        policy = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": "s3:*",
                    "Resource": [f"arn:aws:s3:::{bucket}", f"arn:aws:s3:::{bucket}/*"],
                }
            ],
        }
        iam.put_user_policy(UserName="etl", PolicyName="warehouse", PolicyDocument=json.dumps(policy))
        key = iam.create_access_key(UserName="etl")["AccessKey"]
        self.access_key_id, self.secret_access_key = key["AccessKeyId"], key["SecretAccessKey"]

    def _reset_auth(self, free_requests: float) -> None:
        request = urllib.request.Request(
            f"{self.endpoint}/moto-api/reset-auth",
            data=str(free_requests).encode(),
            headers={"Content-Type": "text/plain"},
            method="POST",
        )
        urllib.request.urlopen(request, timeout=10).read()

    def enforce_credentials(self) -> None:
        self._reset_auth(0)

    def objects(self, bucket: str, prefix: str = "") -> list[str]:
        pages = self.client().get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
        return [o["Key"] for page in pages for o in page.get("Contents", [])]

    def reset(self) -> None:
        """Forget every bucket, object and IAM user: moto keeps them per process, not per server,
        so the next module's server would find this one's user and fail to create it."""
        urllib.request.urlopen(
            urllib.request.Request(f"{self.endpoint}/moto-api/reset", method="POST"), timeout=10
        ).read()

    def stop(self) -> None:
        try:
            self._reset_auth(float("inf"))  # moto's settings are process-wide
            self.reset()
        finally:
            self.server.stop()


def start_s3() -> S3Server:
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    s3 = S3Server(server, f"http://127.0.0.1:{port}")
    s3.reset()  # whatever an earlier server in this process left
    return s3


BUCKET = "lake"  # the shared warehouse's bucket in the tests
PREFECT_DATABASE = "prefect"  # a shared Prefect server's own database, beside the catalog's


@contextmanager
def running_postgres(*databases: str) -> Iterator[Postgres]:
    """A cluster with `databases` (owned by its user) until the block ends, failure or not;
    the test skips, saying why, when PostgreSQL is not installed."""
    import pytest

    if reason := postgres_missing():
        pytest.skip(reason)
    server = start_postgres()
    try:
        for database in databases:
            server.psql(f"CREATE DATABASE {database} OWNER {server.user}")
        yield server
    finally:
        server.stop()


@contextmanager
def running_s3(bucket: str) -> Iterator[S3Server]:
    """moto's S3 with `bucket` and a user allowed into it; from the yield on, a wrong key gets a 403."""
    server = start_s3()
    try:
        server.client().create_bucket(Bucket=bucket)
        server.create_user(bucket)
        server.enforce_credentials()
        yield server
    finally:
        server.stop()


def warehouse_env(postgres: Postgres, s3: S3Server, data_path: str) -> dict[str, str]:
    """All a shared warehouse takes: where the catalog and the files are, and the clients' usual
    credentials."""
    return {
        "CONSULTATIONS_CATALOG": f"postgres:{postgres.conninfo()}",
        "CONSULTATIONS_DATA_PATH": data_path,
        "PGPASSWORD": postgres.password,
        "AWS_ACCESS_KEY_ID": s3.access_key_id,
        "AWS_SECRET_ACCESS_KEY": s3.secret_access_key,
        "AWS_ENDPOINT_URL": s3.endpoint,
    }
