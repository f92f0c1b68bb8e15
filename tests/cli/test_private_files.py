"""Files only the owner may read: every database file and every full (lukket) export is created 0600,
whatever the umask; the public export is an ordinary file."""

from __future__ import annotations

import os
import stat

import pytest
from export_support import sample_meeting
from typer.testing import CliRunner

from cli import app
from store.committees import add_committee
from store.db import open_database
from store.demo import prepare_demo
from store.meetings import save_meeting

runner = CliRunner()


@pytest.fixture(autouse=True)
def permissive_umask():
    """umask 000: a file made without an explicit mode would be 0666 (0644 under the usual 022)."""
    old = os.umask(0)
    yield
    os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def database_files(path) -> dict[str, int]:
    return {suffix: mode(f"{path}{suffix}") for suffix in ("", "-wal", "-shm") if os.path.exists(f"{path}{suffix}")}


def test_a_new_database_and_its_wal_and_shm_are_0600(db_path):
    db = open_database(db_path)
    add_committee(db, "Økonomiudvalget")
    assert database_files(db_path) == {"": 0o600, "-wal": 0o600, "-shm": 0o600}
    db.close()


def test_the_demo_database_is_0600(tmp_path):
    path = tmp_path / "demo.db"
    prepare_demo(path)
    assert set(database_files(path).values()) == {0o600}
    prepare_demo(path, reset=True)
    assert set(database_files(path).values()) == {0o600}


def test_a_database_the_cli_creates_is_0600(tmp_path):
    path = tmp_path / "ny.db"
    result = runner.invoke(app, ["committee", "add", "Økonomiudvalget", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert database_files(path)[""] == 0o600


@pytest.fixture
def meeting_id(db):
    return save_meeting(db, sample_meeting())


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_full_exports_are_0600_and_public_ones_are_not(db_path, meeting_id, tmp_path, fmt):
    full, public = tmp_path / f"fuld.{fmt}", tmp_path / f"offentlig.{fmt}"
    for edition, target in (("--full", full), ("--public", public)):
        result = runner.invoke(
            app, ["export", str(meeting_id), edition, "--format", fmt, "-o", str(target), "--db", str(db_path)]
        )
        assert result.exit_code == 0, result.output
    assert mode(full) == 0o600
    assert mode(public) == 0o644  # an ordinary file, but never writable by others
    folder = tmp_path / "alle"
    result = runner.invoke(app, ["export", "--all", "--full", "--format", fmt, "-o", str(folder), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert [mode(path) for path in folder.iterdir()] == [0o600]
