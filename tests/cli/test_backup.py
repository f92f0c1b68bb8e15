"""Backups: `referat backup` (also while a window records), `--list`, `restore` and its refusal, the automatic ones."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from tui_support import make_database, notifications, outcomes
from typer.testing import CliRunner

from cli import app as cli_app
from store.agenda import open_meeting
from store.backup import auto_backup, make_backup
from store.config import config_path
from store.db import get_row, open_database
from tui.app import ReferatApp

runner = CliRunner()


@pytest.fixture
def meeting(tmp_path):
    path = tmp_path / "referat.db"
    return path, make_database(path)


@pytest.fixture
def backups(private_home) -> Path:
    """The default backup folder (the settings' backup_folder)."""
    return private_home / "data" / "referat" / "sikkerhedskopier"


def open_the_meeting(path: Path, meeting_id: int) -> None:
    db = open_database(path)
    open_meeting(db, meeting_id)
    db.close()


def check_copy(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file, nothing beside it
    return conn


def decided(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT outcome FROM decisions ORDER BY item_id")]


def test_backup_writes_a_dated_private_copy_into_the_backup_folder(meeting, backups):
    path, _ = meeting
    result = runner.invoke(cli_app, ["backup", "--db", str(path)])
    assert result.exit_code == 0, result.output
    [copy] = backups.glob("*.db")
    assert result.stdout == f"Sikkerhedskopien er gemt: {copy}\n"
    assert copy.name.startswith("referat-") and len(copy.stem) == len("referat-2027-01-25-163012")
    assert copy.stat().st_mode & 0o077 == 0
    assert check_copy(copy).execute("SELECT count(*) FROM items").fetchone()[0] == 5
    assert not list(backups.glob("*.db-wal")) and not list(backups.glob("*.ny"))


def test_backup_to_a_named_folder_or_file_and_never_over_the_database(meeting, tmp_path):
    path, _ = meeting
    assert runner.invoke(cli_app, ["backup", str(tmp_path / "usb"), "--db", str(path)]).exit_code == 0
    assert len(list((tmp_path / "usb").glob("referat-*.db"))) == 1
    assert runner.invoke(cli_app, ["backup", str(tmp_path / "kopi.db"), "--db", str(path)]).exit_code == 0
    check_copy(tmp_path / "kopi.db")
    again = runner.invoke(cli_app, ["backup", str(tmp_path / "kopi.db"), "--db", str(path)])
    assert again.exit_code == 1 and "findes allerede" in again.stderr
    itself = runner.invoke(cli_app, ["backup", str(path), "--db", str(path)])
    assert itself.exit_code == 1 and "findes allerede" in itself.stderr


async def test_a_backup_while_a_window_records_is_whole_and_holds_what_was_committed(meeting, tmp_path):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "1", "2")
        await pilot.pause()
        writer = sqlite3.connect(path)  # another writer in the middle of a transaction
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE items SET title = 'halvt skrevet' WHERE id = 1")
        result = runner.invoke(cli_app, ["backup", str(tmp_path / "under-mødet.db"), "--db", str(path)])
        writer.rollback()
        writer.close()
        assert result.exit_code == 0, result.output
        await pilot.press("3")
        await pilot.pause()
        assert app.is_running and not app.read_only
    conn = check_copy(tmp_path / "under-mødet.db")
    assert decided(conn) == ["Godkendt", "Taget til efterretning"]
    assert "halvt skrevet" not in {row[0] for row in conn.execute("SELECT title FROM items")}
    assert outcomes(path, meeting_id)[:3] == ["Godkendt", "Taget til efterretning", "Tiltrådt"]


def test_backup_list_shows_the_folders_backups_newest_first(meeting, backups):
    path, _ = meeting
    empty = runner.invoke(cli_app, ["backup", "--list"])
    assert empty.exit_code == 0 and empty.stdout == f"Ingen sikkerhedskopier i {backups}.\n"
    first = make_backup(path)
    second = make_backup(path)
    assert second.name == first.stem + "-2.db" or second.name > first.name
    result = runner.invoke(cli_app, ["backup", "--list"])
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Tidspunkt", "Størrelse", "Fil"]
    assert {str(first), str(second)} == {line.split()[-1] for line in lines[1:]}


def test_restore_brings_the_backup_back_and_keeps_the_replaced_content_aside(meeting, backups, tmp_path):
    path, meeting_id = meeting
    copy = make_backup(path, tmp_path / "før.db")
    added = runner.invoke(
        cli_app, ["meeting", "new", "--committee", "Arbejdsmarkedsudvalget", "--date", "2027-01-25", "--db", str(path)]
    )
    assert added.exit_code == 0, added.output
    result = runner.invoke(cli_app, ["restore", str(copy), "--db", str(path)])
    assert result.exit_code == 0, result.output
    [aside] = backups.glob("referat-*-inden-gendannelse.db")
    assert result.stdout.splitlines() == [
        f"Databasen {path} er gendannet fra {copy}.",
        f"Den tidligere udgave er gemt i {aside}.",
    ]
    db = open_database(path)
    assert db.execute("SELECT count(*) FROM meetings").fetchone()[0] == 1
    assert db.execute("SELECT label FROM actions ORDER BY id DESC LIMIT 1").fetchone()[0] == "Gendannet fra før.db"
    assert check_copy(aside).execute("SELECT count(*) FROM meetings").fetchone()[0] == 2
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


async def test_restore_is_refused_while_a_window_records(meeting, tmp_path):
    path, meeting_id = meeting
    copy = make_backup(path, tmp_path / "før.db")
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "1")
        await pilot.pause()
        result = runner.invoke(cli_app, ["restore", str(copy), "--db", str(path)])
        assert result.exit_code == 1
        assert (
            result.stderr == f"Fejl: Et vindue optager møde {meeting_id} lige nu; luk det (ctrl+q), før du gendanner.\n"
        )
        await pilot.press("2")
        await pilot.pause()
    assert outcomes(path, meeting_id)[:2] == ["Godkendt", "Taget til efterretning"]
    after = runner.invoke(cli_app, ["restore", str(copy), "--db", str(path)])  # the window is closed now
    assert after.exit_code == 0, after.output
    assert outcomes(path, meeting_id)[:2] == [None, None]


def test_restore_refuses_what_is_not_a_referat_database(meeting, tmp_path):
    path, _ = meeting
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    result = runner.invoke(cli_app, ["restore", str(junk), "--db", str(path)])
    assert result.exit_code == 1 and "ikke en referat-database" in result.stderr
    empty = tmp_path / "tom.db"
    empty.touch()
    result = runner.invoke(cli_app, ["restore", str(empty), "--db", str(path)])
    assert result.exit_code == 1 and "tom.db er ikke en referat-database; intet er gendannet." in result.stderr
    missing = runner.invoke(cli_app, ["restore", str(tmp_path / "væk.db"), "--db", str(path)])
    assert missing.exit_code == 1 and "findes ikke" in missing.stderr
    assert open_database(path).execute("SELECT count(*) FROM items").fetchone()[0] == 5


def test_hæv_and_godkend_take_an_automatic_backup(meeting, backups):
    path, meeting_id = meeting
    open_the_meeting(path, meeting_id)
    result = runner.invoke(cli_app, ["close", str(meeting_id), "--db", str(path)])
    assert result.exit_code == 0, result.output
    [closed] = backups.glob("referat-*-haevet.db")
    assert f"Sikkerhedskopi gemt: {closed}" in result.stdout
    assert check_copy(closed).execute("SELECT status FROM meetings").fetchone()[0] == "hævet"
    result = runner.invoke(cli_app, ["approve", str(meeting_id), "--final", "--db", str(path)])
    assert result.exit_code == 0
    [approved] = backups.glob("referat-*-godkendt.db")
    assert check_copy(approved).execute("SELECT count(*) FROM actions WHERE label LIKE '%godkendt%'").fetchone()[0] >= 1
    assert f"Sikkerhedskopi gemt: {approved}" in result.stdout


async def test_hæv_in_the_tui_takes_an_automatic_backup(meeting, backups):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("o", "h", "j")
        await pilot.pause()
        [closed] = backups.glob("referat-*-haevet.db")
        assert f"Sikkerhedskopi gemt: {closed}" in notifications(app)
    assert check_copy(closed).execute("SELECT status FROM meetings").fetchone()[0] == "hævet"


def test_only_the_newest_automatic_backups_are_kept(meeting, backups):
    path, _ = meeting
    config_path().parent.mkdir(parents=True)
    config_path().write_text("keep_backups = 2\n", encoding="utf-8")
    manual = make_backup(path)
    made = [auto_backup(path, "haevet")[0] for _ in range(4)]
    assert sorted(backups.glob("*.db")) == sorted([manual, *made[-2:]])


def test_a_failed_automatic_backup_says_so_and_the_meeting_is_hævet(meeting, tmp_path):
    path, meeting_id = meeting
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be", encoding="utf-8")
    config_path().parent.mkdir(parents=True)
    config_path().write_text(f'backup_folder = "{blocker}"\n', encoding="utf-8")
    open_the_meeting(path, meeting_id)
    result = runner.invoke(cli_app, ["close", str(meeting_id), "--db", str(path)])
    assert result.exit_code == 0
    assert "Sikkerhedskopien kunne ikke tages" in result.stderr
    assert get_row(open_database(path), "meetings", meeting_id)["status"] == "hævet"
