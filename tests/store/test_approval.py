"""Approval, locking, tilføjelser and reopening, in the store and from the command line."""

from __future__ import annotations

import json

import pytest
from tui_support import make_database
from typer.testing import CliRunner

from cli import app
from store.agenda import agenda, close_meeting, open_meeting
from store.approval import amend, approvals, approve, approve_final, reopen, taking_part
from store.attendance import attendance_list, set_status
from store.audit import LOCKED_MESSAGE, audit_trail
from store.db import open_database
from store.decisions import record_outcome
from store.errors import StoreError
from store.export_markdown import render_markdown
from store.meetings import get_meeting, load_meeting

runner = CliRunner()


@pytest.fixture
def adjourned(db_path):
    """A held and closed meeting of five members (none marked, so all took part); yields (db, meeting id)."""
    meeting_id = make_database(db_path)
    db = open_database(db_path)
    open_meeting(db, meeting_id)
    close_meeting(db, meeting_id)
    yield db, meeting_id
    db.close()


def approve_all(db, meeting_id) -> None:
    for row in taking_part(db, meeting_id):
        approve(db, meeting_id, row["name"])


def cli(db_path, *args):
    return runner.invoke(app, [*args, "--db", str(db_path)])


def test_approval_needs_an_adjourned_meeting(db_path):
    meeting_id = make_database(db_path)
    db = open_database(db_path)
    with pytest.raises(StoreError, match="Mødet skal være hævet før referatet kan godkendes."):
        approve(db, meeting_id, "Ivan Fogtmann")
    with pytest.raises(StoreError, match="hævet"):
        approve_final(db, meeting_id)


def test_each_participant_approves_once_and_the_last_locks(adjourned):
    db, meeting_id = adjourned
    names = [row["name"] for row in taking_part(db, meeting_id)]
    assert len(names) == 5
    assert approve(db, meeting_id, names[0], reservation="Punkt 3 er gengivet for kort.") is False
    with pytest.raises(StoreError, match="allerede godkendt"):
        approve(db, meeting_id, names[0].upper())
    for name in names[1:-1]:
        assert approve(db, meeting_id, name) is False
    assert get_meeting(db, meeting_id)["status"] == "hævet"
    assert approve(db, meeting_id, names[-1]) is True
    assert get_meeting(db, meeting_id)["status"] == "godkendt"
    given = approvals(db, meeting_id)
    assert [row["name"] for row in given] == names
    assert given[0]["reservation"] == "Punkt 3 er gengivet for kort."
    assert all(row["at"] for row in given)
    assert load_meeting(db, meeting_id).approvals[0].reservation == "Punkt 3 er gengivet for kort."


def test_a_member_who_did_not_take_part_cannot_approve(db_path):
    meeting_id = make_database(db_path)
    db = open_database(db_path)
    absent = next(row for row in attendance_list(db, meeting_id) if row["name"] == "Mikail Erman")
    set_status(db, meeting_id, absent["person_id"], "afbud")
    open_meeting(db, meeting_id)
    close_meeting(db, meeting_id)
    with pytest.raises(StoreError, match="deltog ikke i mødet"):
        approve(db, meeting_id, "Mikail Erman")
    with pytest.raises(StoreError, match="Intet medlem hedder .Ukendt Person."):
        approve(db, meeting_id, "Ukendt Person")
    approve_all(db, meeting_id)
    assert get_meeting(db, meeting_id)["status"] == "godkendt"
    assert "Mikail Erman" not in [row["name"] for row in approvals(db, meeting_id)]


def test_a_locked_meeting_refuses_changes(adjourned):
    db, meeting_id = adjourned
    approve_final(db, meeting_id)
    first = agenda(db, meeting_id)[0]["id"]
    with pytest.raises(StoreError) as refused:
        record_outcome(db, first, "Godkendt")
    assert str(refused.value) == LOCKED_MESSAGE
    assert db.execute("SELECT count(*) FROM decisions WHERE item_id = ?", [first]).fetchone()[0] == 0


def test_amend_only_after_approval_and_shown_in_the_full_export(adjourned):
    db, meeting_id = adjourned
    with pytest.raises(StoreError, match="godkendt referat"):
        amend(db, meeting_id, "3", "Udvalget ønsker status i august.", "Udeladt ved en fejl")
    approve_final(db, meeting_id)
    with pytest.raises(StoreError, match="intet punkt 9"):
        amend(db, meeting_id, "9", "Tekst", "Grund")
    amend(db, meeting_id, "3", "Udvalget ønsker status i august.", "Udeladt ved en fejl")
    item = next(item for item in load_meeting(db, meeting_id).items if item.number == "3")
    assert [a.text for a in item.amendments] == ["Udvalget ønsker status i august."]
    text = render_markdown(load_meeting(db, meeting_id), public=False)
    assert "**Tilføjelse " in text
    assert "Udvalget ønsker status i august." in text
    assert "Udeladt ved en fejl" in text


def test_reopen_clears_the_approvals_and_is_logged(adjourned):
    db, meeting_id = adjourned
    approve_all(db, meeting_id)
    with pytest.raises(StoreError, match="begrundelse"):
        reopen(db, meeting_id, "  ")
    reopen(db, meeting_id, "Forkert afstemningsresultat")
    assert get_meeting(db, meeting_id)["status"] == "hævet"
    assert approvals(db, meeting_id) == []
    trail = audit_trail(db, meeting_id)
    reopened = [row for row in trail if row["action"] == "Referatet genåbnet: Forkert afstemningsresultat"]
    assert sum(row["entity"] == "approvals" and row["new"] is None for row in reopened) == 5
    with pytest.raises(StoreError, match="Kun et godkendt referat"):
        reopen(db, meeting_id, "Igen")
    record_outcome(db, agenda(db, meeting_id)[0]["id"], "Godkendt")


def test_cli_close_approve_amend_reopen_and_log(db_path):
    meeting_id = make_database(db_path)
    db = open_database(db_path)
    open_meeting(db, meeting_id)
    names = [row["name"] for row in taking_part(db, meeting_id)]
    db.close()
    result = cli(db_path, "close", str(meeting_id))
    assert result.exit_code == 0, result.output
    assert f"Møde {meeting_id} er hævet kl. " in result.output
    result = cli(db_path, "approve", str(meeting_id), "--member", names[0], "--reservation", "Forbehold for punkt 4.")
    assert result.exit_code == 0, result.output
    assert "med forbehold" in result.output
    for name in names[1:]:
        result = cli(db_path, "approve", str(meeting_id), "--member", name)
        assert result.exit_code == 0, result.output
    assert "er nu låst" in result.output
    result = cli(
        db_path, "amend", str(meeting_id), "--item", "2", "--text", "Meddelelse om ferie.", "--reason", "Glemt"
    )
    assert result.exit_code == 0, result.output
    full = cli(db_path, "export", str(meeting_id), "--full")
    assert "Meddelelse om ferie." in full.output and "**Tilføjelse " in full.output
    result = cli(db_path, "reopen", str(meeting_id), "--reason", "Fejl i punkt 3")
    assert result.exit_code == 0, result.output
    log = cli(db_path, "log", str(meeting_id))
    assert log.exit_code == 0, log.output
    assert "Referatet genåbnet: Fejl i punkt 3" in log.output
    assert "Mødet hævet" in log.output and "Godkendt af " in log.output
    rows = json.loads(cli(db_path, "log", str(meeting_id), "--json").output)
    assert any(row["action"] == "Tilføjelse til punkt 2" and row["entity"] == "amendments" for row in rows)
    assert any(row["field"] == "status" and row["new"] == "godkendt" for row in rows)


def test_cli_refusals_are_one_danish_sentence(adjourned, db_path):
    db, meeting_id = adjourned
    result = cli(db_path, "amend", str(meeting_id), "--item", "1", "--text", "x", "--reason", "y")
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Fejl: Tilføjelser kan kun laves til et godkendt referat; ret ellers referatet direkte."
    )
    assert cli(db_path, "approve", str(meeting_id)).exit_code == 1
    assert cli(db_path, "approve", str(meeting_id), "--final").exit_code == 0
    result = cli(db_path, "approve", str(meeting_id), "--member", "Ivan Fogtmann")
    assert result.exit_code == 1
    assert result.output.strip() == "Fejl: Referatet er allerede godkendt."
    result = cli(db_path, "close", str(meeting_id))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    result = cli(db_path, "log", "999")
    assert result.exit_code == 1
    assert result.output.strip() == "Fejl: Møde 999 findes ikke."
