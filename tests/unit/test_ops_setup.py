"""Operations settings: which inboxes deployment runs may read, ages for maintenance, what
`serve` says about protecting the API, and how a new warehouse is made (owner-only, no copy of
the DuckDB extensions). Real folders, real links, real DuckDB."""

from __future__ import annotations

import os
import stat
from datetime import timedelta

import pytest

from flows.serve import PROJECT_ROOT, LocalPrefectError, inbox_roots_for, protection_advice
from warehouse import config
from warehouse.config import ConfigError, InboxNotAllowed, allowed_inbox, inbox_roots, parse_age
from warehouse.connection import EXTENSION_DIRECTORY, connect, resolve_location


def test_an_inbox_under_a_root_is_allowed_and_others_are_refused_in_one_line(tmp_path):
    root, other = tmp_path / "root", tmp_path / "elsewhere"
    (root / "inbox" / "sub").mkdir(parents=True)
    other.mkdir()
    environ = {config.INBOX_ROOTS_ENV: str(root)}
    allowed_inbox(root / "inbox", environ)
    allowed_inbox(root / "inbox" / "sub", environ)
    allowed_inbox(root, environ)
    for refused in (other, root / ".." / "elsewhere", tmp_path, "/etc"):
        with pytest.raises(InboxNotAllowed) as error:
            allowed_inbox(refused, environ)
        assert "\n" not in str(error.value) and config.INBOX_ROOTS_ENV in str(error.value)
    assert isinstance(error.value, ConfigError)  # the CLI's user errors print it in one line


def test_a_link_inside_a_root_to_a_folder_outside_is_refused(tmp_path):
    root, outside = tmp_path / "root", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (root / "inbox").symlink_to(outside, target_is_directory=True)
    with pytest.raises(InboxNotAllowed):
        allowed_inbox(root / "inbox", {config.INBOX_ROOTS_ENV: str(root)})


def test_roots_default_to_the_project_home_then_the_current_folder(tmp_path, monkeypatch):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    assert inbox_roots({config.INBOX_ROOTS_ENV: f"{a}{os.pathsep}{b}{os.pathsep}"}) == [a, b]
    assert inbox_roots({config.HOME_ENV: str(a)}) == [a]
    monkeypatch.chdir(b)
    assert inbox_roots({}) == [b]
    with pytest.raises(InboxNotAllowed):
        allowed_inbox(a, {config.HOME_ENV: str(b)})


def test_ages():
    assert parse_age("30d") == timedelta(days=30) and parse_age("2w") == timedelta(weeks=2)
    assert parse_age("12h") == timedelta(hours=12) and parse_age("90m") == timedelta(minutes=90)
    assert parse_age("7") == timedelta(days=7) and parse_age("0") == timedelta(0)
    for bad in ("", "-1d", "a month", "3y", "1d2h"):
        with pytest.raises(ConfigError):
            parse_age(bad)


def test_serve_warns_about_root_an_open_binding_and_no_auth_string():
    open_as_root = protection_advice("0.0.0.0", {}, euid=0)
    warnings = [line for line in open_as_root if line.startswith("warning:")]
    assert len(warnings) == 2 and "root" in warnings[0] and "0.0.0.0" in warnings[1]
    assert any("PREFECT_SERVER_API_AUTH_STRING" in line for line in open_as_root)
    protected = protection_advice("127.0.0.1", {"PREFECT_SERVER_API_AUTH_STRING": "admin:secret"}, euid=1000)
    assert not [line for line in protected if line.startswith("warning:")]
    assert not any("AUTH_STRING" in line for line in protected)
    assert all("\n" not in line for line in open_as_root + protected)


def test_serve_lets_the_worker_read_the_served_inbox_and_refuses_one_outside_the_roots(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    roots = inbox_roots_for(inbox, {}).split(os.pathsep)
    assert roots == [str(PROJECT_ROOT), str(inbox)]
    allowed_inbox(inbox, {config.INBOX_ROOTS_ENV: os.pathsep.join(roots)})
    with pytest.raises(LocalPrefectError):
        inbox_roots_for(inbox, {config.INBOX_ROOTS_ENV: str(PROJECT_ROOT / "seeds")})


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_warehouse_is_its_owners_only_and_carries_no_extensions(tmp_path, monkeypatch):
    monkeypatch.delenv(config.SHARED_ENV, raising=False)
    for name in (config.CATALOG_ENV, config.DATA_PATH_ENV):
        monkeypatch.delenv(name, raising=False)
    location = resolve_location(tmp_path / "warehouse")
    connect(location).close()
    root = tmp_path / "warehouse"
    assert _mode(root) == 0o700 and _mode(root / "catalog.sqlite") == 0o600 and _mode(root / "files") == 0o700
    assert sorted(p.name for p in root.iterdir()) == ["catalog.sqlite", "files"]  # no .extensions
    connect(location, read_only=True).close()
    assert not EXTENSION_DIRECTORY.exists()  # extensions load from their packages: nothing installed


def test_a_shared_warehouse_follows_the_umask(tmp_path, monkeypatch):
    monkeypatch.setenv(config.SHARED_ENV, "1")
    for name in (config.CATALOG_ENV, config.DATA_PATH_ENV):
        monkeypatch.delenv(name, raising=False)
    previous = os.umask(0o022)
    try:
        connect(resolve_location(tmp_path / "shared")).close()
    finally:
        os.umask(previous)
    assert _mode(tmp_path / "shared") == 0o755 and _mode(tmp_path / "shared" / "catalog.sqlite") == 0o644


def test_an_existing_folder_keeps_its_mode(tmp_path, monkeypatch):
    monkeypatch.delenv(config.SHARED_ENV, raising=False)
    for name in (config.CATALOG_ENV, config.DATA_PATH_ENV):
        monkeypatch.delenv(name, raising=False)
    folder = tmp_path / "mine"
    folder.mkdir(mode=0o750)
    folder.chmod(0o750)
    connect(resolve_location(folder)).close()
    assert _mode(folder) == 0o750 and _mode(folder / "catalog.sqlite") == 0o600  # what is made inside is private
