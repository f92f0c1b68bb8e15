"""End to end: the real `referat` process in a pseudo-terminal, killed with SIGKILL mid-meeting, then restarted.

The terminal is emulated with pyte (100×30, TERM=xterm-256color).  Everything the screen had shown
before the kill must be on the screen and in the database after the restart.
"""

from __future__ import annotations

from pty_support import Terminal, needs_referat

from store.attendance import attendance_list
from store.db import open_database
from store.meetings import get_meeting, load_meeting

pytestmark = needs_referat


def test_sigkill_mid_meeting_loses_nothing(tmp_path):
    db_path = tmp_path / "demo.db"
    first = Terminal("demo", "--db", str(db_path))
    try:
        first.wait_for("Fremmøde", "Ømer Kuscu", "Beslutningsdygtigt: 5 af 5 til stede")
        first.press("end", "a")  # Ømer Kuscu: afbud
        first.wait_for("Beslutningsdygtigt: 4 af 5 til stede")
        first.press("f3")
        first.wait_for("Punkt 1. Godkendelse af dagsorden")
        first.press("1")
        first.wait_for("Punkt 2. Meddelelser", "Aktuelt punkt")
        first.press("2")
        first.wait_for("Punkt 3. JobCAMP 2017")
        first.press("5")
        shown = first.wait_for("Punkt 4. Arbejdsmarkedsudvalgets udviklingspulje", "Aktuelt punkt")
        assert "Drøftet" in shown
    finally:
        first.kill()

    db = open_database(db_path)
    meeting = load_meeting(db, 1)
    assert [item.decision and item.decision.outcome for item in meeting.items[:4]] == [
        "Godkendt", "Taget til efterretning", "Drøftet", None]
    assert {row["name"]: row["status"] for row in attendance_list(db, 1)}["Ømer Kuscu"] == "afbud"
    assert get_meeting(db, 1)["status"] == "åbnet"
    db.close()

    second = Terminal("run", "1", "--db", str(db_path))
    try:
        text = second.wait_for("Punkt 4. Arbejdsmarkedsudvalgets udviklingspulje", "Aktuelt punkt",
                               "Beslutningsdygtigt: 4 af 5 til stede")
        assert "Godkendelse af dagsorden — Godkendt" in text
        assert "JobCAMP 2017 — Drøftet" in text
        second.press("1")
        second.wait_for("Punkt 5. Beslutning om projektet Flere skal med")
    finally:
        code = second.quit()
    assert code == 0
    db = open_database(db_path)
    assert load_meeting(db, 1).items[3].decision.outcome == "Godkendt"
    db.close()
