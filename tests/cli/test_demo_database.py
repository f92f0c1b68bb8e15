"""The demo has a database of its own: `referat demo --reset` never deletes a database the demo did not create."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from tui_support import make_database
from typer.testing import CliRunner

import cli
from store.db import open_database
from store.demo import prepare_demo
from store.meetings import list_meetings

runner = CliRunner()


class FakeApp:
    """Stands in for ReferatApp: records which database it was given instead of running."""

    opened: list[Path] = []

    def __init__(self, db_path: Path, meeting_id: int | None) -> None:
        FakeApp.opened.append(Path(db_path))

    def run(self) -> None:
        pass


@pytest.fixture
def user(tmp_path, monkeypatch):
    """A user with a real database named by $REFERAT_DB and a data directory of their own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr("tui.app.ReferatApp", FakeApp)
    FakeApp.opened = []
    real = tmp_path / "real.db"
    make_database(real)
    monkeypatch.setenv("REFERAT_DB", str(real))
    yield real
    gc.enable()


def meetings_in(path: Path) -> int:
    db = open_database(path, readonly=True)
    try:
        return len(list_meetings(db))
    finally:
        db.close()


@pytest.mark.parametrize("how", ["typer", "short cut"])
def test_demo_reset_with_referat_db_set_leaves_the_real_database_alone(user, tmp_path, monkeypatch, how):
    before = user.read_bytes()
    if how == "typer":
        result = runner.invoke(cli.app, ["demo", "--reset"])
        assert result.exit_code == 0, result.output
    else:
        monkeypatch.setattr("sys.argv", ["referat", "demo", "--reset"])
        cli.entry_point()
    assert user.exists() and meetings_in(user) == 1 and user.read_bytes() == before
    demo = tmp_path / "data" / "referat" / "demo.db"
    assert FakeApp.opened == [demo] and meetings_in(demo) == 1


def test_demo_reset_refuses_to_delete_a_database_the_demo_did_not_create(user):
    result = runner.invoke(cli.app, ["demo", "--reset", "--db", str(user)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Fejl: ") and "ikke demoens database" in result.stderr
    assert meetings_in(user) == 1 and FakeApp.opened == []


def test_demo_reset_recreates_its_own_database(tmp_path):
    demo = tmp_path / "demo.db"
    meeting_id = prepare_demo(demo)
    db = open_database(demo)
    db.execute("UPDATE meetings SET location = 'ændret' WHERE id = ?", [meeting_id])
    db.commit()
    db.close()
    assert prepare_demo(demo, reset=True) == meeting_id
    db = open_database(demo, readonly=True)
    assert db.execute("SELECT location FROM meetings").fetchone()[0] != "ændret"
    db.close()
