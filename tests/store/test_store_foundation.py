"""The store: every entity, audit and undo, bad files, and durability under SIGKILL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from store.agenda import add_urgent_item, agenda, close_meeting, move_item, open_meeting, set_confidential
from store.attendance import attendance_list, quorum, record_arrival, set_status, set_substitute
from store.audit import audit_trail, undo_last
from store.committees import add_committee, import_roster, list_committees, roster, set_vocabulary, vocabulary
from store.dates import short_iso_date
from store.db import get_row, open_database
from store.decisions import (
    add_remark,
    mark_not_taking_part,
    record_outcome,
    record_outcomes,
    record_point_outcomes,
    record_vote,
    set_decision_text,
    vote_participants,
)
from store.errors import StoreError
from store.meetings import create_meeting, list_meetings, load_meeting, save_meeting, todays_meeting
from store.model import DEFAULT_VOCABULARY, Item, Meeting, Section

ROSTER = textwrap.dedent("""
    [committee]
    name = "Arbejdsmarkedsudvalget"
    municipality = "Hvidovre Kommune"
    [[members]]
    name = "Benthe Viola Holm"
    party = "A"
    role = "formand"
    [[members]]
    name = "Ivan Fogtmann"
    party = "O"
    [[members]]
    name = "Mikail Erman"
    party = "A"
    [[members]]
    name = "Mogens Leo Hansen"
    party = "Ø"
    [[members]]
    name = "Ømer Kuscu"
    party = "A"
    [[substitutes]]
    name = "Birgitte Glifberg"
    party = "A"
    substitute_for = "Ømer Kuscu"
""")


@pytest.fixture
def meeting(db, tmp_path):
    roster_file = tmp_path / "roster.toml"
    roster_file.write_text(ROSTER, encoding="utf-8")
    import_roster(db, roster_file)
    meeting_id = create_meeting(db, "Arbejdsmarkedsudvalget", "29. maj 2017", "15:00", "Belægningen")
    for title in ("Godkendelse af dagsorden", "Meddelelser", "JobCAMP 2017", "Flere skal med"):
        add_urgent_item(db, meeting_id, title)
    return meeting_id


def people(db, meeting_id):
    return {row["name"]: row["person_id"] for row in attendance_list(db, meeting_id)}


def test_committee_roster_and_vocabulary(db, meeting):
    committee = list_committees(db)[0]
    assert committee["name"] == "Arbejdsmarkedsudvalget" and committee["members"] == 5
    members = roster(db, committee["id"])
    assert members[0]["name"] == "Benthe Viola Holm" and members[0]["role"] == "formand"
    assert [s["name"] for s in roster(db, committee["id"], substitutes=True)] == ["Birgitte Glifberg"]
    assert vocabulary(db, committee["id"]) == list(DEFAULT_VOCABULARY)
    set_vocabulary(db, committee["id"], ["Anbefales", "Godkendt", "Oversendt til Økonomiudvalget"])
    assert vocabulary(db, committee["id"])[2] == "Oversendt til Økonomiudvalget"
    with pytest.raises(StoreError):
        add_committee(db, "arbejdsmarkedsudvalget")


def test_meeting_listing_and_dates(db, meeting):
    rows = list_meetings(db)
    assert rows[0]["date"] == "2017-05-29" and rows[0]["start"] == "15:00" and rows[0]["items"] == 4
    assert todays_meeting(db) is None
    with pytest.raises(ValueError):
        create_meeting(db, "Arbejdsmarkedsudvalget", "ikke en dato")


def test_a_stored_date_reads_as_a_short_danish_date():
    assert short_iso_date("2017-05-29") == "29. maj 2017"
    assert short_iso_date(None) == "uden dato"


def test_attendance_substitute_quorum_and_arrival(db, meeting):
    ids = people(db, meeting)
    assert quorum(db, meeting).label == "Beslutningsdygtigt: 5 af 5 til stede"
    set_substitute(db, meeting, ids["Ømer Kuscu"], "Birgitte Glifberg")
    set_status(db, meeting, ids["Ivan Fogtmann"], "afbud")
    set_status(db, meeting, ids["Mikail Erman"], "fraværende")
    set_status(db, meeting, ids["Mogens Leo Hansen"], "fraværende")
    q = quorum(db, meeting)
    assert (q.present, q.seats, q.ok) == (2, 5, False)
    assert q.label.startswith("Ikke beslutningsdygtigt")
    open_meeting(db, meeting)
    record_arrival(db, meeting, ids["Mogens Leo Hansen"])
    assert quorum(db, meeting).ok
    doc = load_meeting(db, meeting)
    by_name = {m.name: m for m in doc.members}
    assert by_name["Birgitte Glifberg"].attendance == "stedfortræder"
    assert by_name["Birgitte Glifberg"].substitute_for == "Ømer Kuscu"
    assert by_name["Ømer Kuscu"].attendance == "afbud"
    assert by_name["Mogens Leo Hansen"].arrived_item == "1"


def test_decisions_votes_remarks_and_absence(db, meeting):
    ids = people(db, meeting)
    items = agenda(db, meeting)
    assert record_outcome(db, items[0]["id"], "Godkendt") == items[1]["id"]
    assert get_status(db, meeting) == "åbnet"  # the first beslutning opened the meeting
    set_decision_text(db, items[1]["id"], "Taget til efterretning.\nPræsentationen bilægges referatet.")
    mark_not_taking_part(db, items[2]["id"], ids["Ivan Fogtmann"], "inhabil")
    assert ids["Ivan Fogtmann"] not in {p["person_id"] for p in vote_participants(db, items[2]["id"])}
    choices = {
        p["person_id"]: ("imod" if p["name"] == "Mikail Erman" else "for")
        for p in vote_participants(db, items[2]["id"])
    }
    vote = record_vote(db, items[2]["id"], "Indstillingen", "indstilling", choices, adopt=True)
    assert (vote.for_count, vote.against_count, vote.result) == (3, 1, "vedtaget")
    assert "Mikail Erman (A)" in vote.against and "Ø" in vote.for_  # party A split, so names
    add_remark(db, items[2]["id"], ["Mogens Leo Hansen (Ø)"], "afvigende mening", "Imod projektet.")
    record_point_outcomes(db, items[3]["id"], ["Anbefales", "Ikke godkendt"])
    doc = load_meeting(db, meeting)
    assert doc.items[1].decision.outcome == "Taget til efterretning"
    assert doc.items[1].decision.text == "Præsentationen bilægges referatet."
    assert doc.items[2].decision.outcome == "Godkendt" and len(doc.items[2].votes) == 1
    assert doc.items[2].remarks[0].text == "Imod projektet."
    assert "Ivan Fogtmann (O)" in doc.items[2].absent
    assert doc.items[3].decision.points == ["Anbefales", "Ikke godkendt"]


def current_item(db, meeting_id):
    return get_row(db, "meetings", meeting_id)["current_item_id"]


def test_a_dialog_beslutning_moves_on_in_the_same_action(db, meeting):
    items = [row["id"] for row in agenda(db, meeting)]
    open_meeting(db, meeting)
    record_point_outcomes(db, items[0], ["Anbefales", "Ikke godkendt"])
    assert current_item(db, meeting) == items[1]
    set_decision_text(db, items[1], "Taget til efterretning.")
    assert current_item(db, meeting) == items[2]
    set_decision_text(db, items[3], "Godkendt.")  # not the current item: the current one stays
    assert current_item(db, meeting) == items[2]
    undo_last(db, meeting)
    undo_last(db, meeting)  # the beslutning on item 2 and its move on are one step
    assert current_item(db, meeting) == items[1]
    assert load_meeting(db, meeting).items[1].decision is None


def test_a_blok_moves_on_only_when_it_holds_the_current_item(db, meeting):
    items = [row["id"] for row in agenda(db, meeting)]
    open_meeting(db, meeting)
    record_outcomes(db, [items[1], items[2]], "Godkendt")  # the current item 1 is not in the blok
    assert current_item(db, meeting) == items[0]
    record_outcomes(db, [items[0], items[1]], "Drøftet")
    assert current_item(db, meeting) == items[3]  # past the blok's last item, skipping the decided item 3


def get_status(db, meeting_id):
    return list_meetings(db)[[m["id"] for m in list_meetings(db)].index(meeting_id)]["status"]


def test_undo_any_number_of_steps_and_audit(db, meeting):
    items = agenda(db, meeting)
    record_outcome(db, items[0]["id"], "Godkendt")
    record_outcome(db, items[1]["id"], "Drøftet")
    move_item(db, items[3]["id"], -1)
    assert undo_last(db, meeting).startswith("Flyt")
    assert undo_last(db, meeting).startswith("Beslutning punkt 2")
    assert undo_last(db, meeting).startswith("Beslutning punkt 1")
    assert all(not row["decided"] for row in agenda(db, meeting))
    trail = audit_trail(db, meeting)
    assert any(row["action"].startswith("Fortryd") for row in trail)
    with pytest.raises(sqlite3.DatabaseError):
        db.execute("DELETE FROM audit_log")


def test_lock_refuses_changes(db, meeting):
    items = agenda(db, meeting)
    open_meeting(db, meeting)
    close_meeting(db, meeting)
    db.execute("UPDATE meetings SET status = 'godkendt' WHERE id = ?", [meeting])
    with pytest.raises(StoreError, match="låst"):
        record_outcome(db, items[0]["id"], "Godkendt")


def test_confidential_marks_only_on_lukket_items(db, meeting):
    item = agenda(db, meeting)[0]["id"]
    with pytest.raises(StoreError):
        set_confidential(db, item, title=True)


def test_save_and_load_round_trip(db):
    doc = Meeting(
        committee="Beskæftigelsesudvalget",
        items=[Item("29", "Lukket: ikke dekoreret", public=False, sections=[Section("Sagens kerne", "æøå")])],
    )
    meeting_id = save_meeting(db, doc)
    back = load_meeting(db, meeting_id)
    assert back.items[0].number == "29" and not back.items[0].public
    assert back.items[0].sections[0].text == "æøå"


@pytest.mark.parametrize("content", [b"", b"\x00\x01junk" * 100, b"hello, not a database"])
def test_bad_files_are_refused_or_created_and_never_modified(tmp_path, content):
    path = tmp_path / "x.db"
    path.write_bytes(content)
    if not content:
        open_database(path).close()  # an empty file becomes a new database
        return
    with pytest.raises(StoreError, match="ikke en referat-database"):
        open_database(path)
    assert path.read_bytes() == content


def test_foreign_sqlite_and_newer_release_are_refused(tmp_path, db_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(StoreError, match="ikke en referat-database"):
        open_database(other)
    assert other.read_bytes() == before
    open_database(db_path).execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('referat', '9999_future', 'x')"
    )
    with pytest.raises(StoreError, match="nyere udgave"):
        open_database(db_path)


def test_read_only_file_is_refused(db_path):
    open_database(db_path).close()
    os.chmod(db_path, 0o400)
    if os.access(db_path, os.W_OK):
        pytest.skip("running as a user who can write read-only files")
    with pytest.raises(StoreError, match="skrivebeskyttet"):
        open_database(db_path)


def test_locked_database_gives_one_sentence(db_path):
    db = open_database(db_path)
    blocker = sqlite3.connect(db_path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="låst"):
            add_committee(db, "Økonomiudvalget")
    finally:
        blocker.rollback()
        blocker.close()


def test_database_file_mode_is_0600(db_path):
    open_database(db_path).close()
    assert oct(db_path.stat().st_mode & 0o777) == "0o600"


def test_sigkill_right_after_an_action_keeps_it(db_path):
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {os.getcwd()!r})
        from store.db import get_row, open_database
        from store.committees import add_committee
        db = open_database({str(db_path)!r})
        add_committee(db, "Økonomiudvalget")
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert proc.returncode == -signal.SIGKILL
    assert [c["name"] for c in list_committees(open_database(db_path))] == ["Økonomiudvalget"]
