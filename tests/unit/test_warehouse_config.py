"""Where the warehouse lives, from the environment: the variables parsed into DuckLake's ATTACH
and DuckDB's S3 secret (warehouse/config.py), and the location they make."""

from __future__ import annotations

from pathlib import Path

import pytest

from warehouse import config
from warehouse.config import ConfigError

pytestmark = pytest.mark.unit

MINIO = {
    "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE",
    "AWS_SECRET_ACCESS_KEY": "wJalr/SECRET+key",
    "AWS_REGION": "eu-west-3",
    "AWS_ENDPOINT_URL": "http://minio.internal:9000",
}


@pytest.mark.parametrize(
    "value, metadata",
    [
        (None, None),
        ("", None),
        ("   ", None),
        (
            "postgres:dbname=consultations host=db.internal user=etl",
            "postgres:dbname=consultations host=db.internal user=etl",
        ),
        ("ducklake:postgres:dbname=consultations", "postgres:dbname=consultations"),
        ("postgresql://etl@db.internal:5432/consultations", "postgres:postgresql://etl@db.internal:5432/consultations"),
        ("postgres://etl@db.internal/consultations", "postgres:postgres://etl@db.internal/consultations"),
        ("sqlite:/srv/lake/catalog.sqlite", "sqlite:/srv/lake/catalog.sqlite"),
    ],
)
def test_catalog_values_become_ducklake_metadata_strings(value, metadata):
    assert config.catalog_from_env(value) == metadata


@pytest.mark.parametrize("value", ["mysql:host=x", "postgres:", "catalog.sqlite", "duckdb:lake.duckdb"])
def test_unsupported_catalogs_are_refused_with_the_accepted_forms(value):
    with pytest.raises(ConfigError, match=r"CONSULTATIONS_CATALOG must be 'postgres:dbname="):
        config.catalog_from_env(value)


def test_a_refused_catalog_does_not_echo_its_password():
    with pytest.raises(ConfigError) as error:
        config.catalog_from_env("mysql:host=db password=hunter2")
    assert "hunter2" not in str(error.value) and "password=***" in str(error.value)


@pytest.mark.parametrize(
    "value, data_path",
    [
        (None, None),
        ("s3://bucket/consultations", "s3://bucket/consultations/"),
        ("s3://bucket/consultations//", "s3://bucket/consultations/"),
        ("s3://bucket", "s3://bucket/"),
        ("/mnt/shared/lake", "/mnt/shared/lake/"),
    ],
)
def test_data_paths_are_folder_urls_ending_in_a_slash(value, data_path):
    assert config.data_path_from_env(value) == data_path


@pytest.mark.parametrize("value", ["gs://bucket/x", "https://example.org/lake/", "s3:///no-bucket"])
def test_data_paths_other_than_s3_or_a_folder_are_refused(value):
    with pytest.raises(ConfigError, match="CONSULTATIONS_DATA_PATH"):
        config.data_path_from_env(value)


def test_only_the_extensions_the_configuration_needs_are_loaded():
    assert config.required_extensions("sqlite:/w/catalog.sqlite", "/w/files/") == ("ducklake", "sqlite_scanner")
    assert config.required_extensions("postgres:dbname=x", "s3://b/p/") == ("ducklake", "postgres_scanner", "httpfs")
    assert config.required_extensions("sqlite:/w/catalog.sqlite", "s3://b/") == ("ducklake", "sqlite_scanner", "httpfs")


def test_attach_sql_keeps_every_row_in_parquet_and_quotes_its_strings():
    assert config.attach_sql("lake", "postgres:dbname=x host=h", "s3://b/p/", read_only=True) == (
        "ATTACH 'ducklake:postgres:dbname=x host=h' AS lake "
        "(DATA_PATH 's3://b/p/', DATA_INLINING_ROW_LIMIT 0, READ_ONLY)"
    )
    assert config.attach_sql("lake", "postgres:dbname=x application_name='o''k'", "/d/", read_only=False) == (
        "ATTACH 'ducklake:postgres:dbname=x application_name=''o''''k''' AS lake "
        "(DATA_PATH '/d/', DATA_INLINING_ROW_LIMIT 0)"
    )


def test_s3_secret_for_an_s3_compatible_endpoint():
    sql = config.s3_secret_sql("s3://bucket/consultations/", MINIO)
    assert sql == (
        "CREATE OR REPLACE TEMPORARY SECRET consultations_s3 (TYPE s3, PROVIDER config, "
        "KEY_ID 'AKIDEXAMPLE', SECRET 'wJalr/SECRET+key', REGION 'eu-west-3', "
        "ENDPOINT 'minio.internal:9000', URL_STYLE 'path', USE_SSL false, "
        "SCOPE 's3://bucket/consultations/')"
    )


def test_s3_secret_for_aws_itself_has_no_endpoint_and_takes_the_default_region_and_a_session_token():
    environ = {
        "AWS_ACCESS_KEY_ID": "AKID",
        "AWS_SECRET_ACCESS_KEY": "s",
        "AWS_DEFAULT_REGION": "us-west-2",
        "AWS_SESSION_TOKEN": "tok",
    }
    sql = config.s3_secret_sql("s3://b/", environ)
    assert "REGION 'us-west-2'" in sql and "SESSION_TOKEN 'tok'" in sql
    assert "ENDPOINT" not in sql and "URL_STYLE" not in sql


def test_the_s3_specific_endpoint_wins_and_https_means_ssl():
    environ = MINIO | {"AWS_ENDPOINT_URL_S3": "https://objects.example.org", "AWS_REGION": ""}
    sql = config.s3_secret_sql("s3://b/", environ | {"AWS_DEFAULT_REGION": "eu-central-1"})
    assert "ENDPOINT 'objects.example.org'" in sql and "USE_SSL true" in sql and "REGION 'eu-central-1'" in sql


def test_without_a_region_the_secret_signs_for_us_east_1():
    sql = config.s3_secret_sql("s3://b/", {"AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "s"})
    assert "REGION 'us-east-1'" in sql


@pytest.mark.parametrize("missing", ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"])
def test_an_s3_data_path_without_keys_says_which_variables_to_set(missing):
    with pytest.raises(ConfigError, match="set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"):
        config.s3_secret_sql("s3://b/", {k: v for k, v in MINIO.items() if k != missing})


@pytest.mark.parametrize("url", ["minio.internal:9000", "ftp://minio", "http://minio:9000/bucket"])
def test_endpoints_must_be_http_urls_of_a_host(url):
    with pytest.raises(ConfigError, match="AWS_ENDPOINT_URL must be http"):
        config.s3_secret_sql("s3://b/", MINIO | {"AWS_ENDPOINT_URL": url})


@pytest.mark.parametrize(
    "text, shown",
    [
        ("dbname=x password=hunter2 host=h", "dbname=x password=*** host=h"),
        ("dbname=x PASSWORD = 'two words' host=h", "dbname=x PASSWORD = *** host=h"),
        ("postgresql://etl:hunter2@db:5432/x", "postgresql://etl:***@db:5432/x"),
        ("postgresql://etl@db:5432/x", "postgresql://etl@db:5432/x"),
    ],
)
def test_redact_hides_passwords_in_connection_strings(text, shown):
    assert config.redact(text) == shown


def test_redact_hides_credential_values_from_the_environment_anywhere():
    text = "failed with key AKIDEXAMPLE and secret wJalr/SECRET+key for pw sesame-42"
    shown = config.redact(text, MINIO | {"PGPASSWORD": "sesame-42"})
    assert shown == "failed with key AKIDEXAMPLE and secret *** for pw ***"


def test_describe_names_catalog_and_data_without_the_password():
    assert config.describe("postgres:dbname=consultations host=db password=x", "s3://b/p/") == (
        "catalog postgres:dbname=consultations host=db password=***, data s3://b/p/"
    )


def test_resolve_location_is_local_unless_the_variables_are_set(monkeypatch, tmp_path):
    from warehouse.connection import resolve_location

    for name in (config.CATALOG_ENV, config.DATA_PATH_ENV, config.WAREHOUSE_ENV):
        monkeypatch.delenv(name, raising=False)
    local = resolve_location(tmp_path)
    assert (local.metadata, local.data_path) == (f"sqlite:{tmp_path / 'catalog.sqlite'}", f"{tmp_path / 'files'}/")
    assert local.catalog_file == tmp_path / "catalog.sqlite" and not local.exists()

    monkeypatch.setenv(config.CATALOG_ENV, "postgres:dbname=consultations host=db user=etl")
    monkeypatch.setenv(config.DATA_PATH_ENV, "s3://bucket/consultations")
    shared = resolve_location(tmp_path)
    assert shared.root == tmp_path and not shared.extension_directory.is_relative_to(tmp_path)
    assert shared.catalog_file is None and shared.data_path == "s3://bucket/consultations/"
    assert (
        shared.describe() == "catalog postgres:dbname=consultations host=db user=etl, data s3://bucket/consultations/"
    )


@pytest.mark.parametrize(
    "catalog",
    ["postgres:dbname=consultations host=db user=etl password=hunter2", "postgresql://etl:hunter2@db/consultations"],
)
def test_a_password_in_the_catalog_string_is_refused_without_being_repeated(catalog):
    with pytest.raises(config.ConfigError) as refused:
        config.catalog_from_env(catalog)
    assert "PGPASSWORD or ~/.pgpass" in str(refused.value) and "hunter2" not in str(refused.value)


def test_a_sqlite_catalog_elsewhere_is_a_local_file(monkeypatch, tmp_path):
    from warehouse.connection import resolve_location

    monkeypatch.setenv(config.CATALOG_ENV, f"sqlite:{tmp_path / 'elsewhere.sqlite'}")
    monkeypatch.delenv(config.DATA_PATH_ENV, raising=False)
    location = resolve_location(tmp_path / "root")
    assert location.catalog_file == Path(tmp_path / "elsewhere.sqlite") and not location.exists()


@pytest.mark.parametrize(
    "catalog, password",
    [
        ('postgres:dbname=x password=pw-1"tail host=h', 'pw-1"tail'),
        ("postgres:dbname=x password='two words' host=h", "two words"),
        ("postgres:postgresql://etl:p%40ss-word@db/x", "p%40ss-word"),
    ],
)
def test_a_password_in_the_catalog_string_is_hidden_inside_any_message(catalog, password):
    """DuckDB quotes the connection string in its errors, glued to the next words."""
    message = f'Failed to attach at path + "{catalog}"Unable to connect to Postgres: refused'
    shown = config.redact(message, secrets=config.conninfo_passwords(catalog))
    assert password not in shown and password.replace("%40", "@") not in shown
    assert shown.endswith('"Unable to connect to Postgres: refused')
    assert password not in config.describe(catalog, "/d/")
