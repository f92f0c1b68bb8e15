"""`referat verify`: tampering with any table of a referat, or with its log, is found.

Every test tampers the way someone with the sqlite3 shell would: raw SQL on the file, with the
append-only triggers dropped where the log itself is rewritten.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import sqlite3

import pytest
from export_support import sample_meeting
from tui_support import make_database
from typer.testing import CliRunner

from cli import app
from store.agenda import add_urgent_item, agenda, close_meeting, open_meeting, set_current_item
from store.approval import amend, approve, approve_final, reopen, taking_part
from store.attendance import set_status
from store.audit import undo_last
from store.chain import link
from store.db import open_database
from store.decisions import (
    add_remark,
    mark_not_taking_part,
    record_outcome,
    record_point_outcomes,
    record_vote,
    vote_participants,
)
from store.export_markdown import render_markdown
from store.meeting_edit import add_guest
from store.meetings import load_meeting, save_meeting
from store.model import VOTE_ON_RECOMMENDATION
from store.verify import verify_meeting

runner = CliRunner()
MIGRATIONS = "tests/data/migrations"


def person(db, name: str) -> int:
    return db.execute("SELECT id FROM persons WHERE name = ?", [name]).fetchone()[0]


def hold_and_approve(path) -> int:
    """A meeting with a row in every table of a referat, approved (one forbehold) with a tilføjelse."""
    meeting_id = make_database(path)
    db = open_database(path)
    open_meeting(db, meeting_id)
    items = {row["number"]: row["id"] for row in agenda(db, meeting_id)}
    set_status(db, meeting_id, person(db, "Ømer Kuscu"), "afbud")
    add_guest(db, meeting_id, "Jobcenterchef Anne Hansen")
    record_outcome(db, items["1"], "Godkendt")
    record_outcome(db, items["2"], "Taget til efterretning")
    choices = {row["person_id"]: "for" for row in vote_participants(db, items["3"])}
    choices[person(db, "Ivan Fogtmann")] = "imod"
    record_vote(db, items["3"], "Indstillingen", VOTE_ON_RECOMMENDATION, choices, adopt=True)
    record_point_outcomes(db, items["4"], ["Godkendt", "Ikke godkendt"])
    add_remark(db, items["4"], ["Ivan Fogtmann (O)"], "mindretalsudtalelse", "O kan ikke støtte bevillingen.")
    mark_not_taking_part(db, items["5"], person(db, "Mikail Erman"), "Inhabil: ansøgeren er hans søster.")
    record_outcome(db, items["5"], "Godkendt")
    close_meeting(db, meeting_id)
    names = [row["name"] for row in taking_part(db, meeting_id)]
    approve(db, meeting_id, names[0], reservation="Punkt 3 er gengivet for kort.")
    for name in names[1:]:
        approve(db, meeting_id, name)
    amend(db, meeting_id, "2", "Orienteringen om budgettet blev givet mundtligt.")
    db.close()
    return meeting_id


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("verify") / "template.db"
    meeting_id = hold_and_approve(path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path, meeting_id


@pytest.fixture
def approved(template, tmp_path):
    path = tmp_path / "referat.db"
    shutil.copy(template[0], path)
    return path, template[1]


def tamper(path, *statements: str) -> None:
    """Run raw SQL on the file, as the sqlite3 shell would (no referat code involved)."""
    db = sqlite3.connect(path)
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()


def verdict(path, meeting_id):
    db = open_database(path)
    try:
        return verify_meeting(db, meeting_id)
    finally:
        db.close()


TAMPERING = {
    "meetings": ["UPDATE meetings SET location = 'Byrådssalen'"],
    "items": ["UPDATE items SET title = 'Et andet punkt' WHERE number = '3'"],
    "sections": ["UPDATE sections SET text = 'Omskrevet.' WHERE id = (SELECT min(id) FROM sections)"],
    "recommendations": [
        "UPDATE recommendations SET text = 'at afvise ansøgningen.' WHERE id = (SELECT min(id) FROM recommendations)"
    ],
    "attachments": [
        "INSERT INTO attachments (item_id, position, title, public) "
        "SELECT min(id), 1, 'Bilag sat ind bagefter', 1 FROM items"
    ],
    "decision_points": ["UPDATE decision_points SET outcome = 'Godkendt' WHERE outcome = 'Ikke godkendt'"],
    "decisions": ["UPDATE decisions SET outcome = 'Forkastet' WHERE outcome = 'Taget til efterretning'"],
    "votes": ["UPDATE votes SET for_count = for_count + 1"],
    "vote_casts": ["DELETE FROM vote_casts WHERE choice = 'imod'"],
    "remarks": ["UPDATE remarks SET text = 'O støtter bevillingen.'"],
    "item_absences": ["DELETE FROM item_absences"],
    "attendance": ["UPDATE attendance SET status = 'til stede' WHERE status = 'afbud'"],
    "approvals": ["UPDATE approvals SET reservation = NULL"],
    "guests": ["UPDATE guests SET name = 'Direktør Jens Lund'"],
    "amendments": ["UPDATE amendments SET text = 'Noget helt andet.'"],
    "approval_seals": ["UPDATE approval_seals SET people = replace(people, 'formand', 'medlem')"],
    "actions": ["UPDATE actions SET label = 'Fremmøde: intet' WHERE label LIKE 'Fremmøde:%'"],
    "audit_log rewritten with the table": [
        "DROP TRIGGER audit_log_no_update",
        "UPDATE decisions SET outcome = 'Forkastet' WHERE outcome = 'Taget til efterretning'",
        "UPDATE audit_log SET new = replace(new, 'Taget til efterretning', 'Forkastet') WHERE entity = 'decisions'",
    ],
    "audit_log row deleted": [
        "DROP TRIGGER audit_log_no_delete",
        "DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log WHERE entity = 'approvals')",
    ],
    "audit_log row inserted": [
        "INSERT INTO audit_log (action_id, at, meeting_id, entity, entity_id, field, old, new) "
        "SELECT action_id, at, meeting_id, entity, entity_id, field, old, new FROM audit_log "
        "WHERE entity = 'decisions' LIMIT 1",
    ],
}


@pytest.mark.parametrize("table", TAMPERING)
def test_tampering_with_each_table_is_found(approved, table):
    path, meeting_id = approved
    assert verdict(path, meeting_id).ok
    tamper(path, *TAMPERING[table])
    found = verdict(path, meeting_id)
    assert not found.ok
    assert found.sentence.startswith(f"Referatet for møde {meeting_id} (Arbejdsmarkedsudvalget, 29. maj 2017)")
    assert found.sentence.count(".") >= 1 and "\n" not in found.sentence


def test_a_log_row_rewritten_with_its_own_hash_recomputed_is_found(approved):
    """Someone who knows the chain recomputes the hash of the row they changed: the next row's link breaks."""
    path, meeting_id = approved
    db = sqlite3.connect(path)
    db.execute("DROP TRIGGER audit_log_no_update")
    row = db.execute(
        "SELECT a.id, x.label, a.at, a.meeting_id, a.entity, a.entity_id, a.field, a.old, a.new FROM audit_log a "
        "JOIN actions x ON x.id = a.action_id WHERE a.entity = 'decisions' AND a.field IS NULL LIMIT 1"
    ).fetchone()
    changed = (*row[:-1], row[-1].replace("Godkendt", "Forkastet"))
    previous = db.execute("SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1", [row[0]]).fetchone()[0]
    db.execute("UPDATE audit_log SET new = ?, hash = ? WHERE id = ?", [changed[-1], link(previous, changed), row[0]])
    db.execute("UPDATE decisions SET outcome = 'Forkastet' WHERE id = ?", [row[5]])
    db.commit()
    db.close()
    found = verdict(path, meeting_id)
    assert not found.ok and "ændringsloggens række" in found.sentence


def test_the_whole_log_rewritten_after_a_change_no_longer_matches_the_approval(approved):
    """Even with every hash after the change recomputed, the head recorded at the approval is gone."""
    path, meeting_id = approved
    db = sqlite3.connect(path)
    db.execute("DROP TRIGGER audit_log_no_update")
    db.execute("UPDATE decisions SET outcome = 'Forkastet' WHERE outcome = 'Taget til efterretning'")
    db.execute(
        "UPDATE audit_log SET new = replace(new, 'Taget til efterretning', 'Forkastet') WHERE entity = 'decisions'"
    )
    previous = "0" * 64
    for row in db.execute(
        "SELECT a.id, x.label, a.at, a.meeting_id, a.entity, a.entity_id, a.field, a.old, a.new "
        "FROM audit_log a JOIN actions x ON x.id = a.action_id ORDER BY a.id"
    ).fetchall():
        previous = link(previous, row)
        db.execute("UPDATE audit_log SET hash = ? WHERE id = ?", [previous, row[0]])
    db.commit()
    db.close()
    found = verdict(path, meeting_id)
    assert not found.ok and "skrevet om siden godkendelsen" in found.sentence


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE persons SET name = 'Bente Holm', party = 'V' WHERE name = 'Benthe Viola Holm'",
        "UPDATE committees SET name = 'Beskæftigelsesudvalget', municipality = 'Andeby Kommune'",
        "UPDATE memberships SET role = 'medlem'",
    ],
)
def test_the_shared_registers_cannot_change_an_approved_referat(approved, statement):
    """Persons, committees and memberships are shared by many meetings: the seal keeps the approved view."""
    path, meeting_id = approved
    db = open_database(path)
    before = render_markdown(load_meeting(db, meeting_id), public=False)
    db.close()
    tamper(path, statement)
    db = open_database(path)
    assert render_markdown(load_meeting(db, meeting_id), public=False) == before
    db.close()


def test_verify_and_export_from_the_command_line(approved):
    path, meeting_id = approved
    result = runner.invoke(app, ["verify", str(meeting_id), "--db", str(path)])
    assert result.exit_code == 0
    assert re.fullmatch(
        r"Referatet for møde 1 \(Arbejdsmarkedsudvalget, 29\. maj 2017\) stemmer med sin log og "
        r"sin godkendelse \(kontrolsum [0-9a-f]{16}\)\.\n",
        result.output,
    )
    assert result.output.count("\n") == 1
    tamper(path, TAMPERING["decisions"][0])
    result = runner.invoke(app, ["verify", str(meeting_id), "--db", str(path)])
    assert result.exit_code == 1
    assert result.output == (
        "Referatet for møde 1 (Arbejdsmarkedsudvalget, 29. maj 2017) stemmer ikke med sin log: "
        "udfaldet i en beslutning på punkt 2 (decisions 2) er 'Forkastet' i databasen, men loggen siger "
        "'Taget til efterretning'.\n"
    )
    exported = runner.invoke(app, ["export", str(meeting_id), "--db", str(path)])
    assert exported.exit_code == 0
    assert exported.stderr.startswith("Advarsel: Referatet for møde 1") and "Forkastet" in exported.stdout
    folder = path.parent / "ud"
    exported = runner.invoke(app, ["export", "--all", "-o", str(folder), "--db", str(path)])
    assert exported.exit_code == 0 and exported.stderr.startswith("Advarsel: ")


def test_ordinary_work_verifies(db_path):
    """Undo, a hastesag made current and undone, a reopening and a new approval all keep the log whole."""
    meeting_id = make_database(db_path)
    db = open_database(db_path)
    assert verify_meeting(db, meeting_id).ok
    open_meeting(db, meeting_id)
    items = agenda(db, meeting_id)
    record_outcome(db, items[0]["id"], "Godkendt")
    record_outcome(db, items[1]["id"], "Godkendt")
    undo_last(db, meeting_id)
    urgent = add_urgent_item(db, meeting_id, "Vejarbejde")
    set_current_item(db, meeting_id, urgent)
    undo_last(db, meeting_id)
    assert verify_meeting(db, meeting_id).sentence.endswith("; det er endnu ikke godkendt.")
    close_meeting(db, meeting_id)
    approve_final(db, meeting_id)
    assert verify_meeting(db, meeting_id).ok
    reopen(db, meeting_id, "Punkt 2 mangler.")
    record_outcome(db, items[1]["id"], "Taget til efterretning")
    approve_final(db, meeting_id)
    amend(db, meeting_id, "1", "Bilag 2 var vedlagt.")
    assert verify_meeting(db, meeting_id).ok


def test_an_imported_approved_referat_is_sealed_and_verifies(db):
    approved = dataclasses.replace(sample_meeting(), status="godkendt")
    meeting_id = save_meeting(db, approved)
    assert "stemmer med sin log og sin godkendelse (kontrolsum " in verify_meeting(db, meeting_id).sentence


def test_an_approved_sixth_schema_database_verifies_after_the_upgrade_and_says_so(tmp_path):
    path = tmp_path / "approved.db"
    shutil.copy(f"{MIGRATIONS}/schema_v6_approved.db", path)
    found = verdict(path, 1)
    assert found.ok
    assert re.fullmatch(
        r"Referatet for møde 1 \(Arbejdsmarkedsudvalget, 29\. maj 2017\) stemmer med sin log og sin godkendelse "
        r"\(kontrolsum [0-9a-f]{16}\); det blev godkendt, før loggen blev kædet, så kontrollen gælder fra "
        r"opgraderingen\.",
        found.sentence,
    )
    tamper(path, "UPDATE decisions SET outcome = 'Forkastet'")
    assert not verdict(path, 1).ok


def test_the_first_schema_database_verifies_after_the_upgrade(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(f"{MIGRATIONS}/schema_v1.db", path)
    assert verdict(path, 1).ok


def test_cutting_off_the_end_of_the_log_changes_the_kontrolsum(approved):
    """The last action and its rows deleted leave a whole chain: the kontrolsum noted before shows it."""
    path, meeting_id = approved
    before = verdict(path, meeting_id)
    tamper(
        path,
        "DROP TRIGGER audit_log_no_delete",
        "DELETE FROM audit_log WHERE entity = 'amendments'",
        "DELETE FROM amendments",
        "DELETE FROM actions WHERE label LIKE 'Tilføjelse%'",
    )
    after = verdict(path, meeting_id)
    assert after.ok and before.ok
    assert after.sentence != before.sentence


def test_what_verify_quotes_reaches_the_terminal_with_its_control_characters_made_visible(approved):
    path, meeting_id = approved
    tamper(path, "UPDATE decisions SET outcome = 'Forkastet' || char(27) || '[2J' WHERE outcome = 'Godkendt'")
    result = runner.invoke(app, ["verify", str(meeting_id), "--db", str(path)])
    assert result.exit_code == 1 and "\x1b" not in result.output and "Forkastet␛[2J" in result.output
    exported = runner.invoke(app, ["export", str(meeting_id), "--db", str(path)])
    assert "\x1b" not in exported.stderr and "Forkastet␛[2J" in exported.stderr
