"""`referat run` / `referat demo` from the console script: the short cut past typer opens the same meeting."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest
from tui_support import make_database
from typer.testing import CliRunner

import cli
from store.meeting_day import MeetingDay

runner = CliRunner()


class FakeApp:
    """Stands in for ReferatApp: records what it was asked to open instead of running."""

    opened: list[tuple[Path, int]] = []

    def __init__(self, db_path: Path, meeting_id: int | None) -> None:
        MeetingDay.open(db_path, meeting_id, read_only=True).close()  # refuses as ReferatApp does
        self.call = (Path(db_path), meeting_id)

    def run(self) -> None:
        FakeApp.opened.append(self.call)


@pytest.fixture
def fake_app(monkeypatch):
    monkeypatch.setattr("tui.app.ReferatApp", FakeApp)
    FakeApp.opened = []
    yield FakeApp.opened
    gc.enable()  # the short cut pauses collection until a first frame, which FakeApp never draws


def through_main(monkeypatch, argv: list[str]) -> int:
    monkeypatch.setattr(sys, "argv", ["referat", *argv])
    try:
        cli.entry_point()
    except SystemExit as stop:
        return stop.code
    return 0


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["run"], (cli.run, {})),
        (["run", "3", "--db", "x.db"], (cli.run, {"meeting": 3, "db": Path("x.db")})),
        (["run", "--db=x.db", "3"], (cli.run, {"meeting": 3, "db": Path("x.db")})),
        (["demo", "--reset"], (cli.demo, {"reset": True})),
        (["demo", "--db", "d.db", "--reset"], (cli.demo, {"reset": True, "db": Path("d.db")})),
        (["run", "--help"], None),
        (["run", "3", "4"], None),
        (["run", "tre"], None),
        (["run", "--db"], None),
        (["demo", "3"], None),
        (["run", "--reset"], None),
        (["meetings"], None),
        ([], None),
    ],
)
def test_only_plain_run_and_demo_take_the_short_cut(monkeypatch, argv, expected):
    monkeypatch.delenv("REFERAT_DB", raising=False)
    assert cli.short_cut(argv) == expected


def test_the_short_cut_leaves_the_database_to_the_command(monkeypatch):
    monkeypatch.setenv("REFERAT_DB", "env.db")
    assert cli.short_cut(["run", "2"]) == (cli.run, {"meeting": 2})


def test_the_environment_names_the_database_for_both_ways_in(tmp_path, monkeypatch, fake_app):
    db_path = tmp_path / "env.db"
    meeting_id = make_database(db_path)
    monkeypatch.setenv("REFERAT_DB", str(db_path))
    assert through_main(monkeypatch, ["run", str(meeting_id)]) == 0
    gc.enable()
    assert runner.invoke(cli.app, ["run", str(meeting_id)]).exit_code == 0
    assert fake_app == [(db_path, meeting_id), (db_path, meeting_id)]


@pytest.mark.parametrize(
    "argv",
    [
        ["run", "{id}", "--db", "{db}"],
        ["run", "--db={db}", "{id}"],
        ["demo", "--db", "{db}"],
        ["demo", "--reset", "--db", "{db}"],
    ],
)
def test_short_cut_and_typer_open_the_same_meeting(tmp_path, monkeypatch, fake_app, argv):
    db_path = tmp_path / "referat.db"
    meeting_id = make_database(db_path) if argv[0] == "run" else 0
    line = [arg.format(id=meeting_id, db=db_path) for arg in argv]
    assert through_main(monkeypatch, line) == 0
    assert not gc.isenabled()  # paused for the startup
    gc.enable()
    result = runner.invoke(cli.app, line)
    assert result.exit_code == 0, result.output
    assert len(fake_app) == 2
    assert fake_app[0] == fake_app[1]
    assert fake_app[0][0] == db_path


def test_short_cut_refuses_like_typer(tmp_path, monkeypatch, fake_app, capsys):
    db_path = tmp_path / "referat.db"
    make_database(db_path)
    assert through_main(monkeypatch, ["run", "99", "--db", str(db_path)]) == 1
    error = capsys.readouterr().err
    result = runner.invoke(cli.app, ["run", "99", "--db", str(db_path)])
    assert result.exit_code == 1
    assert error == result.stderr
    assert error.startswith("Fejl: ")
    assert fake_app == []
