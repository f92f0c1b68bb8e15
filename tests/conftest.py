"""Shared fixtures: a fresh database, the small meeting of the TUI tests (one `meeting` for every test file),
and the real referater in ../shared/referater."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
import typer.testing
from database_templates import REAL_MIGRATIONS, copy_database, copying_migrations
from hypothesis import settings
from tui_support import make_database

import store.schema
from store.config import SETTINGS
from store.db import open_database

SHARED_REFERATER = Path(__file__).resolve().parents[2] / "shared" / "referater"

# How many examples a property test tries when it does not say (the cheap ones; a costly one names fewer):
# "ci" in every run, `--hypothesis-profile thorough` for a longer search.
settings.register_profile("ci", max_examples=100)
settings.register_profile("thorough", max_examples=1000)
settings.load_profile("ci")


@pytest.fixture(scope="session", autouse=True)
def migrated_template(tmp_path_factory) -> Path:
    """An empty database migrated once per session; every new database a test opens starts as a copy of it."""
    path = tmp_path_factory.mktemp("template") / "tom.db"
    open_database(path).close()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store.schema, "apply_migrations", copying_migrations(path, REAL_MIGRATIONS))
        yield path


@pytest.fixture(scope="session", autouse=True)
def click_command_once():
    """typer's CliRunner turns the typer app into a click command on every invoke; the app never changes
    once built, so the session builds that command once (what `referat` does once per process)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(typer.testing, "_get_command", functools.cache(typer.testing._get_command))
        yield


@pytest.fixture(scope="session")
def meeting_template(tmp_path_factory, migrated_template) -> tuple[Path, int]:
    """The small meeting's database, made once per session: (its path, the meeting's id)."""
    path = tmp_path_factory.mktemp("template") / "referat.db"
    return path, make_database(path)


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
def meeting(tmp_path, meeting_template) -> tuple[Path, int]:
    """A database file holding the small meeting of tests/tui_support.py: (its path, the meeting's id)."""
    template, meeting_id = meeting_template
    path = tmp_path / "referat.db"
    copy_database(template, path)
    return path, meeting_id
