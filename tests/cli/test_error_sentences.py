"""Errors of the system, SQLite, TOML and the readers are told in one Danish sentence, and a database on a
read-only drive can still be listed and searched (issue 14.14)."""

from __future__ import annotations

import errno
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from export_support import sample_meeting
from lxml import etree
from typer.testing import CliRunner

from cli import app
from store.committees import add_committee
from store.db import translate_error
from store.error_sentences import os_error_sentence, reading_error_sentence
from store.meetings import create_meeting, save_meeting

runner = CliRunner()
REFERAT = Path(sys.executable).parent / "referat"
ENGLISH = (
    "out of range",
    "must be in",
    "No such file",
    "No space left",
    "disk I/O",
    "unable to open",
    "XMLSyntaxError",
    "Invalid statement",
    "Invalid value",
    "Errno",
)


def danish(text: str) -> bool:
    return not any(words in text for words in ENGLISH)


@pytest.mark.parametrize("date", ["2027-02-30", "2027-13-01"])
def test_an_impossible_date_is_not_a_date(db, db_path, date):
    add_committee(db, "Økonomiudvalget")
    result = runner.invoke(
        app, ["meeting", "new", "--committee", "Økonomiudvalget", "--date", date, "--db", str(db_path)]
    )
    assert (result.exit_code, result.stderr) == (1, f"Fejl: '{date}' er ikke en dato\n")


@pytest.mark.parametrize(
    ("text", "says"), [("= 1\n", "(linje 1, kolonne 1)"), ("x = [\n", "(filen slutter midt i en værdi)")]
)
def test_a_toml_mistake_is_told_in_danish(db_path, tmp_path, text, says):
    roster = tmp_path / "roster.toml"
    roster.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["committee", "import", str(roster), "--db", str(db_path)])
    assert result.exit_code == 1
    assert result.stderr == f"Fejl: {roster} er ikke gyldig TOML {says}.\n"


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        (errno.ENOENT, "referat.md findes ikke."),
        (errno.ENOSPC, "Disken er fuld; referat.md kan ikke skrives."),
        (errno.EROFS, "referat.md ligger på et skrivebeskyttet drev."),
        (errno.EIO, "Disken kunne ikke læse eller skrive referat.md."),
    ],
)
def test_system_errors_are_danish_sentences(code, sentence):
    assert os_error_sentence(OSError(code, "English words", "referat.md")) == sentence


@pytest.mark.parametrize(
    ("message", "sentence"),
    [
        ("disk I/O error", "Disken kunne ikke læse eller skrive databasen x.db; intet er gemt."),
        (
            "unable to open database file",
            "Databasen x.db kan ikke åbnes: filen eller dens mappe kan ikke læses eller skrives.",
        ),
    ],
)
def test_sqlite_errors_are_danish_sentences(message, sentence):
    assert str(translate_error(sqlite3.OperationalError(message), "x.db")) == sentence


def test_a_reader_error_is_a_danish_sentence():
    with pytest.raises(etree.XMLSyntaxError) as raised:
        etree.fromstring(b"<referat")
    sentence = reading_error_sentence(raised.value, "dagsorden.html")
    assert sentence == "Filen dagsorden.html er beskadiget eller ikke i det format, endelsen siger."


def test_an_export_too_large_for_the_disk_is_a_danish_sentence(db, db_path, tmp_path):
    """A file-size limit stands in for a disk that fills up while the file is written."""
    meeting_id = save_meeting(db, sample_meeting())
    target = tmp_path / "referat.md"

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))

    done = subprocess.run(
        [str(REFERAT), "export", str(meeting_id), "-o", str(target), "--db", str(db_path)],
        capture_output=True,
        text=True,
        preexec_fn=small_files,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr == f"Fejl: {target} bliver større end systemet tillader; den kan ikke skrives.\n"


def read_only_mount(folder: Path, *command: str) -> subprocess.CompletedProcess:
    """Run `referat COMMAND` with `folder` mounted read-only (a user and mount namespace of its own)."""
    script = f'mount --bind "{folder}" "{folder}" && mount -o remount,bind,ro "{folder}" && exec "$@"'
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, "sh", str(REFERAT), *command],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_meetings_and_search_read_a_database_on_a_read_only_drive(db, db_path, tmp_path):
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-rm", "true"]).returncode != 0:
        pytest.skip("no user namespaces here to mount a folder read-only")
    add_committee(db, "Økonomiudvalget")
    create_meeting(db, "Økonomiudvalget", "2027-01-25")
    db.close()
    for suffix in ("-wal", "-shm"):  # as a closed database is copied onto a stick or a share
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    listed = read_only_mount(tmp_path, "meetings", "--db", str(db_path))
    assert listed.returncode == 0, listed.stderr
    assert "2027-01-25" in listed.stdout and "Økonomiudvalget" in listed.stdout
    searched = read_only_mount(tmp_path, "search", "Økonomi", "--db", str(db_path))
    assert searched.returncode == 0, searched.stderr
    assert searched.stdout == "Ingen punkter matcher søgningen.\n"
    committees = read_only_mount(tmp_path, "committees", "--db", str(db_path))
    assert committees.returncode == 0 and "Økonomiudvalget" in committees.stdout
    refused = read_only_mount(tmp_path, "close", "1", "--db", str(db_path))
    assert refused.returncode == 1 and danish(refused.stderr) and "skrivebeskyttet" in refused.stderr


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["export", "abc"], "'abc' er ikke et helt tal."),
        (["item", "renumber", "1", "--from", "z"], "'z' er ikke et helt tal."),
        (["item", "move", "1", "2", "--to", "først"], "'først' er ikke et helt tal."),
    ],
)
def test_a_number_that_is_not_one_is_told_in_danish(db_path, args, says):
    result = runner.invoke(app, [*args, "--db", str(db_path)])
    assert result.exit_code == 2
    assert says in result.stderr and "Input should be" not in result.stderr


def test_help_offers_no_shell_completion_in_english():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0 and "completion" not in result.stdout
