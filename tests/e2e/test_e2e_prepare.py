"""End to end, from an empty database to an exported referat without any file: the committee, its members
and the meeting by command, the dagsorden typed in the real `referat` (F5) in a pseudo-terminal, a beslutning
recorded (F3), and `referat export` showing it."""

from __future__ import annotations

import datetime as dt
import subprocess

from pty_support import REFERAT, Terminal, needs_referat

pytestmark = needs_referat

COMMITTEE = "Børne- og Skoleudvalget"


def referat(*args: str) -> str:
    done = subprocess.run([str(REFERAT), *args], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_an_empty_database_becomes_an_exported_referat_with_the_agenda_typed_in_the_tui(tmp_path):
    db = str(tmp_path / "ny.db")
    assert not (tmp_path / "ny.db").exists()
    referat("committee", "add", COMMITTEE, "--municipality", "Testrup Kommune", "--db", db)
    for name, party, role in (("Anna Holm", "A", "formand"), ("Bo Berg", "V", "medlem"), ("Carl Dahl", "F", "medlem")):
        referat("member", "add", name, "--committee", COMMITTEE, "--party", party, "--role", role, "--db", db)
    referat(
        "meeting",
        "new",
        "--committee",
        COMMITTEE,
        "--date",
        dt.date.today().isoformat(),
        "--time",
        "16:00",
        "--place",
        "Mødelokale 2",
        "--db",
        db,
    )

    terminal = Terminal("run", "1", "--db", db)
    try:
        terminal.wait_for("Fremmøde", "Carl Dahl", "Beslutningsdygtigt: 3 af 3 til stede")
        terminal.press("f5")
        terminal.wait_for("Dagsordenen er tom")
        terminal.press("n")
        terminal.wait_for("Nyt punkt sidst på dagsordenen")
        terminal.press(*"Godkendelse af dagsorden", "ctrl+s")
        terminal.wait_for("1 punkt")
        terminal.press("n")
        terminal.wait_for("Nyt punkt sidst på dagsordenen")
        terminal.press(
            *"Skolestruktur 2028", *["tab"] * 5, "enter"
        )  # past number, sagsnr., lukket, type: + Indstilling
        terminal.wait_for("1.  at …")  # the new point, with the cursor in it
        terminal.press(*"at forslaget sendes i høring.", "ctrl+s")
        text = terminal.wait_for("2 punkter")
        assert "Skolestruktur 2028" in text
        terminal.press("f3", "down")
        terminal.wait_for("Punkt 2. Skolestruktur 2028", "at forslaget sendes i høring.")
        terminal.press("1")  # Godkendt: the first beslutning opens the meeting
        terminal.wait_for("Skolestruktur 2028 — Godkendt")
    finally:
        code = terminal.quit()
    assert code == 0

    markdown = referat("export", "1", "--format", "md", "--db", db)
    assert "Skolestruktur 2028" in markdown
    assert "at forslaget sendes i høring." in markdown
    after_item = markdown.split("Skolestruktur 2028", 1)[1]
    assert "Godkendt" in after_item
    log = referat("log", "1", "--db", db)
    assert "Nyt punkt: Skolestruktur 2028" in log
