"""Control characters never reach the terminal raw: removed on import, made visible on every output (issue 14.9)."""

from __future__ import annotations

import re

import pytest
from pty_support import Terminal, needs_referat
from tui_support import make_database
from typer.testing import CliRunner

from cli import app
from store.db import open_database
from store.meetings import load_meeting
from store.terminal_text import visible, without_controls

runner = CliRunner()
# The sequences of the issue: set the window title (OSC … BEL), clear the screen, blink; an unterminated OSC;
# and the 8-bit CSI (C1).
TITLE, CLEAR, BLINK, OPEN_OSC, CSI = "\x1b]0;HACK\x07", "\x1b[2J", "\x1b[5m", "\x1b]0;", "\x9b2J"
HOSTILE = f"Budget{TITLE}{CLEAR}{BLINK} 2027{OPEN_OSC}{CSI}"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_visible_shows_each_control_character_and_nothing_else_changes():
    assert visible(HOSTILE) == "Budget␛]0;HACK␇␛[2J␛[5m 2027␛]0;<9B>2J"
    assert visible("Æble\tø\nå") == "Æble\tø\nå"
    assert without_controls(HOSTILE) == "Budget]0;HACK[2J[5m 2027]0;2J"


def test_import_removes_control_characters(tmp_path, db_path):
    document = tmp_path / "dagsorden.md"
    document.write_text(
        f"Arbejdsmarkedsudvalget{TITLE}\n\nReferat af møde 29. maj 2017\n\n"
        f"Punkt 1: Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt\n\n"
        f"Punkt 2: {HOSTILE}\n\nBeslutning\n\nGodkendt{BLINK}.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", str(document), "--committee", f"AMU{TITLE}", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    meeting = load_meeting(open_database(db_path), int(result.stdout.split()[-1]))
    texts = [
        meeting.committee,
        *(item.title for item in meeting.items),
        *(item.decision.outcome or "" for item in meeting.items if item.decision),
    ]
    assert not any(CONTROL.search(text) for text in texts), texts
    assert meeting.committee == "AMU]0;HACK"


def test_a_roster_and_a_new_committee_lose_their_control_characters(tmp_path, db_path):
    roster = tmp_path / "roster.toml"
    roster.write_text(
        '[committee]\nname = "Økonomiudvalget\\u001b[2J"\n[[members]]\nname = "Ida\\u001b[5m Holm"\n', encoding="utf-8"
    )
    assert runner.invoke(app, ["committee", "import", str(roster), "--db", str(db_path)]).exit_code == 0
    assert runner.invoke(app, ["committee", "add", f"Teknik{TITLE}", "--db", str(db_path)]).exit_code == 0
    listed = runner.invoke(app, ["committees", "--json", "--db", str(db_path)]).stdout
    assert "Økonomiudvalget[2J" in listed and "Teknik]0;HACK" in listed and "\\u001b" not in listed


@pytest.fixture
def hostile_database(tmp_path):
    """The TUI's small meeting, its committee and second item given raw control characters straight in SQLite
    (as a database written before control characters were removed on import would hold them)."""
    path = tmp_path / "referat.db"
    meeting_id = make_database(path)
    db = open_database(path)
    with db:
        db.execute("UPDATE committees SET name = ?", [f"Arbejdsmarkedsudvalget{TITLE}"])
        db.execute("UPDATE items SET title = ? WHERE number = '2'", [HOSTILE])
    db.close()
    return path, meeting_id


def raw(text: str) -> bool:
    return CONTROL.search(text.replace("\n", "")) is not None


def test_every_listing_shows_control_characters_visibly(hostile_database, tmp_path):
    path, meeting_id = hostile_database
    for command in (["meetings"], ["committees"], ["search", "Budget"], ["export", str(meeting_id)]):
        result = runner.invoke(app, [*command, "--db", str(path)])
        assert result.exit_code == 0, result.output
        assert not raw(result.stdout), (command, result.stdout)
        assert command[0] == "export" or "␛]0;HACK␇" in result.stdout, (command, result.stdout)
    document = tmp_path / "dagsorden.md"
    document.write_text(f"Punkt 1: {HOSTILE}\n\nBeslutning\n\nGodkendt\n", encoding="utf-8")
    dry = runner.invoke(app, ["import", str(document), "--committee", f"AMU{TITLE}", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert not raw(dry.stdout) and "AMU␛]0;HACK␇" in dry.stdout, dry.stdout
    unknown = runner.invoke(app, ["meetings", "--committee", f"X{CLEAR}", "--db", str(path)])
    assert unknown.exit_code == 1 and not raw(unknown.stderr) and "X␛[2J" in unknown.stderr


@needs_referat
def test_the_tui_shows_control_characters_in_the_agenda_and_the_meeting_line(hostile_database):
    path, meeting_id = hostile_database
    terminal = Terminal("run", str(meeting_id), "--db", str(path))
    try:
        terminal.wait_for("Fremmøde")
        terminal.press("f3")
        screen = terminal.wait_for("Budget␛]0;HACK␇", "Arbejdsmarkedsudvalget␛]0;HACK␇")
        assert "2027" in screen  # the rest of the line survived the unterminated OSC
        assert b"HACK\x07" not in terminal.received and b"\x1b[5m 2027" not in terminal.received
        assert "\x9b".encode() not in terminal.received
        assert terminal.quit() == 0
    finally:
        terminal.kill()
