"""`-o` and `--db` on files: no database is overwritten, no link followed, no old file lost on a full disk,
no folder open to others, and no database made by a typing mistake (issue 14.13)."""

from __future__ import annotations

import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from export_support import sample_meeting
from typer.testing import CliRunner

from cli import app
from store.db import open_database
from store.meetings import list_meetings, save_meeting

runner = CliRunner()
REFERAT = Path(sys.executable).parent / "referat"


@pytest.fixture
def meeting_id(db) -> int:
    return save_meeting(db, sample_meeting())


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_o_never_overwrites_another_referat_database(db_path, meeting_id, tmp_path):
    other = tmp_path / "andet.db"
    database = open_database(other)
    save_meeting(database, sample_meeting())
    database.close()
    before = other.read_bytes()
    for command in (["export", str(meeting_id), "--full"], ["datasette-metadata"]):
        result = runner.invoke(app, [*command, "-o", str(other), "--db", str(db_path)])
        assert result.exit_code == 1, result.output
        assert result.stderr == f"Fejl: {other} er en database; referat overskriver den ikke. Skriv til en anden fil.\n"
    assert other.read_bytes() == before
    assert len(list_meetings(open_database(other))) == 1


def test_o_never_follows_a_symbolic_link_onto_another_file(db_path, meeting_id, tmp_path):
    public = tmp_path / "offentlig.md"
    assert runner.invoke(app, ["export", str(meeting_id), "-o", str(public), "--db", str(db_path)]).exit_code == 0
    before = public.read_text(encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(public)
    result = runner.invoke(app, ["export", str(meeting_id), "--full", "-o", str(link), "--db", str(db_path)])
    assert result.exit_code == 1
    assert result.stderr == f"Fejl: {link} er et symbolsk link; skriv til en almindelig fil.\n"
    assert public.read_text(encoding="utf-8") == before and link.is_symlink()


def test_o_onto_a_pipe_writes_into_it_and_leaves_it_a_pipe(db_path, meeting_id, tmp_path):
    """A device or a pipe (/dev/null, a FIFO) is written to, never replaced by a renamed file."""
    pipe = tmp_path / "rør"
    os.mkfifo(pipe)
    reader = subprocess.Popen(
        [sys.executable, "-c", f"import sys; sys.stdout.write(open({str(pipe)!r}).read())"],
        stdout=subprocess.PIPE,
        text=True,
    )
    result = runner.invoke(app, ["export", str(meeting_id), "-o", str(pipe), "--db", str(db_path)])
    received, _ = reader.communicate(timeout=60)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert received.startswith("# Referat")
    assert runner.invoke(app, ["export", str(meeting_id), "-o", "/dev/null", "--db", str(db_path)]).exit_code == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_an_export_that_cannot_be_written_whole_leaves_the_old_file(db_path, meeting_id, tmp_path):
    """A disk that fills up mid-write (here: a file-size limit of 1,000 bytes, below the export's size)."""
    target = tmp_path / "referat.md"
    target.write_text("Det gamle referat.\n", encoding="utf-8")

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))

    done = subprocess.run(
        [str(REFERAT), "export", str(meeting_id), "--full", "-o", str(target), "--db", str(db_path)],
        capture_output=True,
        text=True,
        preexec_fn=small_files,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("Fejl: ") and "Traceback" not in done.stderr
    assert target.read_text(encoding="utf-8") == "Det gamle referat.\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "referat.db",
        "referat.db-shm",
        "referat.db-wal",
        "referat.md",
    ]


@pytest.fixture
def permissive_umask():
    old = os.umask(0)
    yield
    os.umask(old)


def test_export_all_makes_a_folder_no_one_else_may_write_to(db_path, meeting_id, tmp_path, permissive_umask):
    full, public = tmp_path / "fuld" / "alle", tmp_path / "offentlig"
    assert runner.invoke(app, ["export", "--all", "--full", "-o", str(full), "--db", str(db_path)]).exit_code == 0
    assert runner.invoke(app, ["export", "--all", "-o", str(public), "--db", str(db_path)]).exit_code == 0
    assert mode(full) == 0o700
    assert mode(public) == 0o755
    assert [mode(path) for path in full.iterdir()] == [0o600]
    assert [mode(path) for path in public.iterdir()] == [0o644]


@pytest.mark.parametrize(
    "command",
    [
        ["meetings"],
        ["committees"],
        ["search", "budget"],
        ["approve", "1", "--final"],
        ["close", "1"],
        ["log", "1"],
        ["run", "1"],
        ["run"],
    ],
)
def test_a_mistyped_db_is_refused_and_not_created(tmp_path, command):
    missing = tmp_path / "refrat.db"
    result = runner.invoke(app, [*command, "--db", str(missing)])
    assert result.exit_code == 1, result.output
    assert result.stderr == f"Fejl: Databasen {missing} findes ikke; kontrollér --db (eller REFERAT_DB).\n"
    assert list(tmp_path.iterdir()) == []


def test_only_commands_that_create_meetings_create_a_database_and_say_so(tmp_path):
    path = tmp_path / "ny.db"
    result = runner.invoke(app, ["committee", "add", "Økonomiudvalget", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Databasen {path} er oprettet.\n"
    again = runner.invoke(
        app, ["meeting", "new", "--committee", "Økonomiudvalget", "--date", "2027-01-25", "--db", str(path)]
    )
    assert again.exit_code == 0 and again.stderr == ""
