"""End to end: the real `referat` process in a pseudo-terminal, killed with SIGKILL mid-meeting, then restarted;
and two processes on one meeting, the second following the first until it takes over.

The terminal is emulated with pyte (100×30, TERM=xterm-256color).  Everything the screen had shown
before the kill must be on the screen and in the database after the restart.
"""

from __future__ import annotations

import datetime as dt

from pty_support import Terminal, needs_referat

from store.agenda import agenda, set_current_item
from store.attendance import attendance_list
from store.audit import audit_trail
from store.db import open_database
from store.meetings import get_meeting, load_meeting, save_meeting
from store.model import Item, Meeting, Member

pytestmark = needs_referat


def test_sigkill_mid_meeting_loses_nothing(tmp_path):
    db_path = tmp_path / "demo.db"
    first = Terminal("demo", "--db", str(db_path))
    try:
        first.wait_for("Fremmøde", "Ømer Kuscu", "Beslutningsdygtigt: 5 af 5 til stede")
        first.press("5")  # Ømer Kuscu, the fifth member: afbud
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
        "Godkendt",
        "Taget til efterretning",
        "Drøftet",
        None,
    ]
    assert {row["name"]: row["status"] for row in attendance_list(db, 1)}["Ømer Kuscu"] == "afbud"
    assert get_meeting(db, 1)["status"] == "åbnet"
    db.close()

    second = Terminal("run", "1", "--db", str(db_path))
    try:
        text = second.wait_for(
            "Punkt 4. Arbejdsmarkedsudvalgets udviklingspulje", "Aktuelt punkt", "Beslutningsdygtigt: 4 af 5 til stede"
        )
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


def test_a_second_process_follows_and_takes_over_only_when_asked(tmp_path):
    db_path = tmp_path / "demo.db"
    first = Terminal("demo", "--db", str(db_path))
    second = chair = None
    try:
        first.wait_for("Fremmøde", "Ømer Kuscu", "Beslutningsdygtigt: 5 af 5 til stede")
        second = Terminal("run", "1", "--db", str(db_path))
        second.wait_for("Følger mødet", "Overtag optagelsen")
        first.press("end", "a")  # Ømer Kuscu: afbud
        second.wait_for("Beslutningsdygtigt: 4 af 5 til stede", timeout=5)
        second.press("f3")
        first.press("f3")
        first.wait_for("Punkt 1. Godkendelse af dagsorden")
        first.press("1")
        second.wait_for("Godkendelse af dagsorden — Godkendt", "Punkt 2. Meddelelser", "Aktuelt punkt", timeout=5)
        chair = Terminal("chair", "1", "--db", str(db_path))
        chair.wait_for("Meddelelser", "Beslutningsdygtigt: 4 af 5 til stede")
        second.press("3")  # a follower's key saves nothing
        second.press("ctrl+t")
        second.wait_for("Overtag optagelsen?")
        second.press("j")
        first.wait_for("Følger mødet", timeout=5)  # the first window noticed and follows now
        second.press("2")
        chair.wait_for("JobCAMP 2017", timeout=5)
        first.wait_for("Meddelelser — Taget til efterretning", timeout=5)
        first.press("5")  # refused: it no longer records
    finally:
        codes = [terminal.quit() for terminal in (first, second, chair) if terminal is not None]
    assert codes == [0, 0, 0]
    db = open_database(db_path)
    assert [item.decision and item.decision.outcome for item in load_meeting(db, 1).items[:3]] == [
        "Godkendt",
        "Taget til efterretning",
        None,
    ]
    assert "Optagelsen overtaget" in [row["action"] for row in audit_trail(db, 1)]
    db.close()


def test_a_500_item_agenda_with_a_2000_character_markup_title_opens_and_records(tmp_path):
    """The forked opening sends the whole agenda back (far more than a pipe holds at once); markup stays text."""
    title = "[bold]Budget[/] 2027 🔒 " + "x" * 2_000
    meeting = Meeting(
        committee="Økonomiudvalget",
        municipality="Herlev Kommune",
        date=dt.date(2027, 1, 25),
        members=[Member("Benthe Viola Holm", "A", "formand")],
        items=[Item("1", title), *(Item(str(n), f"Punkt nummer {n}") for n in range(2, 501))],
    )
    db_path = tmp_path / "big.db"
    db = open_database(db_path)
    meeting_id = save_meeting(db, meeting)
    set_current_item(db, meeting_id, agenda(db, meeting_id)[0]["id"])
    db.close()
    terminal = Terminal("run", str(meeting_id), "--db", str(db_path))
    try:
        terminal.wait_for("1. [bold]Budget[/] 2027 🔒 xxx", "xxx…", "Punkt 1. [bold]Budget[/] 2027", "1 Godkendt")
        terminal.press("end")
        terminal.wait_for("Punkt 500. Punkt nummer 500")
        terminal.press("1")
        terminal.wait_for("500. Punkt nummer 500 — Godkendt")
        assert terminal.quit() == 0
    finally:
        terminal.kill()
    assert load_meeting(open_database(db_path), meeting_id).items[-1].decision.outcome == "Godkendt"


def test_meeting_day_records_what_was_meant(tmp_path):
    """Issue 15 in the real app: an ændringsforslag typed into the vote dialog records no phantom vote, a blok
    with the current item moves to the first undecided item after it, replacing a beslutning is asked first,
    and a half-typed protokolbemærkning survives SIGKILL as a draft."""
    db_path = tmp_path / "demo.db"
    first = Terminal("demo", "--db", str(db_path))
    amendment = "Forslag fra C: at der afsættes midler til JobCAMP og at udvalget følger op"
    try:
        first.wait_for("Fremmøde", "Ømer Kuscu")
        first.press("o", "f3")  # Åbn mødet: item 1 current
        first.wait_for("Punkt 1. Godkendelse af dagsorden")
        first.press("space", "down", "space", "1")  # blok of 1 and 3 (space also moves down)
        first.wait_for("Punkt 2. Meddelelser", "Aktuelt punkt")
        first.press("v")
        first.wait_for("Afstemning, punkt 2", "Ændringsforslag (tomt")
        first.pump(0.5)
        first.press(*amendment)
        text = first.wait_for("ingen stemmer endnu")
        assert "Afstemning, punkt 2" in text  # the dialog is still open: nothing was saved
        first.press("tab", "e")
        first.wait_for("For 5 · Imod 0")
        first.press("ctrl+s")
        first.wait_for("Afstemning: vedtaget")
        first.press("up", "2")  # item 1 is decided: replacing it is asked first
        first.wait_for("Erstat den gemte beslutning med", "Nu: punkt 1: Godkendt.")
        first.press("j")
        first.wait_for("Punkt 1, ikke det aktuelle punkt 2")
        first.press("down", "b")
        first.wait_for("Protokolbemærkning, punkt 2", "Hvem (mellemrum vælger)")
        first.pump(0.5)
        first.press("tab", "tab")  # the senders, the kind, then the text
        first.press(*"Mogens Leo Hansen ønsker ført til protokols, at han")
        first.pump(1.5)  # the draft is kept every second
    finally:
        first.kill()

    db = open_database(db_path)
    meeting = load_meeting(db, 1)
    (vote,) = meeting.items[1].votes
    assert (vote.kind, vote.subject, vote.for_count) == ("ændringsforslag", amendment, 5)
    assert [item.decision and item.decision.outcome for item in meeting.items[:3]] == [
        "Taget til efterretning",
        None,
        "Godkendt",
    ]
    assert not any(item.votes for index, item in enumerate(meeting.items) if index != 1)
    db.close()

    second = Terminal("run", "1", "--db", str(db_path))
    try:
        second.wait_for("Aktuelt punkt")
        second.press("b")
        second.wait_for("Protokolbemærkning, punkt 2", "ønsker ført til protokols, at han")
    finally:
        second.kill()
