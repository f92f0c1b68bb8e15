"""Shared fixtures: a fresh database, the small meeting of the TUI tests (one `meeting` for every test file),
and the real referater in ../shared/referater."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_support import make_database

from store.config import SETTINGS
from store.db import open_database

SHARED_REFERATER = Path(__file__).resolve().parents[2] / "shared" / "referater"


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory, monkeypatch) -> Path:
    """Every test gets its own settings file, config, data and documents folders: none touches the real home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("REFERAT_CONFIG", str(home / "config" / "referat" / "config.toml"))
    for variable, folder in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_DOCUMENTS_DIR", "Dokumenter"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(variable, str(home / folder))
    for setting in SETTINGS:
        monkeypatch.delenv(setting.env, raising=False)
    return home


@pytest.fixture
def shared_referater() -> Path:
    """The folder of real referater beside the repository (skips when absent)."""
    if not SHARED_REFERATER.is_dir():
        pytest.skip("../shared/referater is not present")
    return SHARED_REFERATER


@pytest.fixture
def db_path(tmp_path) -> Path:
    """A path for a new database file."""
    return tmp_path / "referat.db"


@pytest.fixture
def db(db_path):
    """A new, migrated referat database."""
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def meeting(tmp_path) -> tuple[Path, int]:
    """A database file holding the small meeting of tests/tui_support.py: (its path, the meeting's id)."""
    path = tmp_path / "referat.db"
    return path, make_database(path)
