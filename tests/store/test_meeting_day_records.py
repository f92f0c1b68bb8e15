"""Meeting day records exactly what the secretary meant (issue 15), in the store and the CLI:
moving on after a beslutning, the quorum, arrivals and departures, drafts, redo, the log, approving."""

from __future__ import annotations

import re

import pytest
from tui_support import make_database
from typer.testing import CliRunner

from cli import app
from store.agenda import add_urgent_item, agenda, close_meeting, open_meeting, set_current_item
from store.attendance import (
    Quorum,
    attendance_list,
    participants,
    quorum,
    quorum_warning,
    record_arrival,
    record_departure,
    set_status,
)
from store.audit import audit_trail, redo_last, undo_last
from store.committees import add_committee
from store.db import open_database
from store.decisions import mark_not_taking_part, record_outcome, record_outcomes, record_vote
from store.drafts import discard_draft, draft_key, load_draft, save_draft
from store.errors import StoreError
from store.export_markdown import NO_QUORUM_SENTENCE, render_markdown
from store.importing.referat_markdown import parse_referat_markdown
from store.meetings import create_meeting, get_meeting, load_meeting

runner = CliRunner()


@pytest.fixture
def small(db_path):
    """The five-member, five-item meeting of the TUI tests; yields (db, meeting id, item ids in order)."""
    meeting_id = make_database(db_path)
    db = open_database(db_path)
    yield db, meeting_id, [row["id"] for row in agenda(db, meeting_id)]
    db.close()


def current(db, meeting_id):
    return get_meeting(db, meeting_id)["current_item_id"]


def people(db, meeting_id):
    return {row["name"]: row["person_id"] for row in attendance_list(db, meeting_id)}


# --- 2. after any beslutning, the first undecided item after the current one ------------------------------


def test_a_blok_holding_the_current_item_moves_to_the_first_undecided_item_after_it(small):
    db, meeting_id, items = small
    open_meeting(db, meeting_id)  # item 1 current
    record_outcomes(db, [items[0], items[3]], "Godkendt")
    assert current(db, meeting_id) == items[1]  # not item 5: items 2 and 3 are still undecided


def test_a_digit_on_another_item_leaves_the_current_item(small):
    db, meeting_id, items = small
    open_meeting(db, meeting_id)
    record_outcome(db, items[0], "Godkendt")
    assert current(db, meeting_id) == items[1]
    record_outcome(db, items[2], "Taget til efterretning")  # item 3 while item 2 is current
    assert current(db, meeting_id) == items[1]
    record_outcome(db, items[0], "Drøftet")  # correcting item 1
    assert current(db, meeting_id) == items[1]
    record_outcome(db, items[1], "Godkendt")
    assert current(db, meeting_id) == items[3]


def test_an_adopted_vote_on_the_current_item_moves_on_a_vote_elsewhere_does_not(small):
    db, meeting_id, items = small
    open_meeting(db, meeting_id)
    choices = {
        person: "for"
        for person in people(db, meeting_id).values()
        if person in {p["person_id"] for p in attendance_list(db, meeting_id) if p["status"] != "stedfortræder"}
    }
    record_vote(db, items[3], "Indstillingen", "indstilling", choices, adopt=True)
    assert current(db, meeting_id) == items[0]
    record_vote(db, items[0], "Indstillingen", "indstilling", choices, adopt=True)
    assert current(db, meeting_id) == items[1]


# --- 4. quorum -------------------------------------------------------------------------------------------


def test_exactly_half_of_the_seats_is_beslutningsdygtigt():
    assert Quorum(present=2, seats=4).ok
    assert not Quorum(present=1, seats=4).ok
    assert not Quorum(present=0, seats=0).ok
    assert Quorum(present=3, seats=5).ok and not Quorum(present=2, seats=5).ok


def test_a_beslutning_without_quorum_is_warned_about_and_the_referat_says_so(small):
    db, meeting_id, items = small
    ids = people(db, meeting_id)
    for name in ("Ivan Fogtmann", "Mikail Erman", "Mogens Leo Hansen"):
        set_status(db, meeting_id, ids[name], "afbud")
    open_meeting(db, meeting_id)
    warning = quorum_warning(db, [items[0]])
    assert warning and "punkt 1 (2 af 5)" in warning and "ikke beslutningsdygtigt" in warning
    record_outcome(db, items[0], "Godkendt")
    document = load_meeting(db, meeting_id)
    assert document.items[0].without_quorum
    text = render_markdown(document, public=True)
    assert NO_QUORUM_SENTENCE in text
    assert parse_referat_markdown(text, "x.md").items[0].without_quorum  # the referat reads back
    undo_last(db, meeting_id)
    assert not load_meeting(db, meeting_id).items[0].without_quorum


def test_the_quorum_is_the_items_own_inhabil_members_do_not_count(small):
    db, meeting_id, items = small
    ids = people(db, meeting_id)
    set_status(db, meeting_id, ids["Ivan Fogtmann"], "afbud")
    set_status(db, meeting_id, ids["Mikail Erman"], "afbud")
    assert quorum_warning(db, [items[2]]) is None  # 3 of 5
    mark_not_taking_part(db, items[2], ids["Mogens Leo Hansen"], "inhabil")
    assert "punkt 3 (2 af 5)" in quorum_warning(db, [items[2], items[3]])
    assert "punkt 4" not in quorum_warning(db, [items[2], items[3]])
    record_outcomes(db, [items[2], items[3]], "Godkendt")
    document = load_meeting(db, meeting_id)
    assert document.items[2].without_quorum and not document.items[3].without_quorum


def test_no_members_at_all_is_no_quorum(db):
    add_committee(db, "Tomt udvalg")
    meeting_id = create_meeting(db, "Tomt udvalg", "2026-01-05")
    item = add_urgent_item(db, meeting_id, "Punkt uden medlemmer")
    assert "0 af 0" in quorum_warning(db, [item])


# --- 6. kommer senere, one arrival and one departure, the right item --------------------------------------


def test_expected_late_does_not_count_and_arrives_once_at_the_current_item(small):
    db, meeting_id, items = small
    ids = people(db, meeting_id)
    ivan = ids["Ivan Fogtmann"]
    set_status(db, meeting_id, ivan, "kommer senere")
    assert quorum(db, meeting_id).present == 4
    open_meeting(db, meeting_id)
    record_outcome(db, items[0], "Godkendt")  # item 2 current, undecided
    said = record_arrival(db, meeting_id, ivan)
    assert said.startswith("Ivan Fogtmann (O) ankom kl. ") and "punkt 2" in said
    row = next(r for r in attendance_list(db, meeting_id) if r["person_id"] == ivan)
    assert (row["status"], row["arrived_item"]) == ("til stede", "2")
    with pytest.raises(StoreError, match="allerede ankommet"):
        record_arrival(db, meeting_id, ivan)
    assert ivan not in {p["person_id"] for p in participants(db, meeting_id, items[0])}
    assert ivan in {p["person_id"] for p in participants(db, meeting_id, items[1])}


def test_an_arrival_before_the_meeting_opens_is_til_stede_without_a_time(small):
    db, meeting_id, _ = small
    ivan = people(db, meeting_id)["Ivan Fogtmann"]
    set_status(db, meeting_id, ivan, "kommer senere")
    assert "ingen ankomsttid" in record_arrival(db, meeting_id, ivan)
    row = next(r for r in attendance_list(db, meeting_id) if r["person_id"] == ivan)
    assert (row["status"], row["arrived_at"], row["arrived_item_id"]) == ("til stede", None, None)
    with pytest.raises(StoreError, match="allerede til stede"):
        open_meeting(db, meeting_id) or record_arrival(db, meeting_id, ivan)


def test_an_arrival_with_no_current_item_is_at_the_next_undecided_item(small):
    db, meeting_id, items = small
    ivan = people(db, meeting_id)["Ivan Fogtmann"]
    set_status(db, meeting_id, ivan, "fraværende")
    open_meeting(db, meeting_id)
    record_outcome(db, items[0], "Godkendt")
    set_current_item(db, meeting_id, None)
    record_arrival(db, meeting_id, ivan)
    assert next(r for r in attendance_list(db, meeting_id) if r["person_id"] == ivan)["arrived_item"] == "2"


@pytest.mark.parametrize(("decide_current", "left_after"), [(True, "2"), (False, "1")])
def test_a_departure_records_the_last_item_taken_part_in(small, decide_current, left_after):
    db, meeting_id, items = small
    mikail = people(db, meeting_id)["Mikail Erman"]
    open_meeting(db, meeting_id)
    record_outcome(db, items[0], "Godkendt")  # item 2 current
    if decide_current:
        record_outcome(db, items[1], "Godkendt")
        set_current_item(db, meeting_id, items[1])  # back on the decided item 2
    said = record_departure(db, meeting_id, mikail)
    assert said.endswith(f"efter behandlingen af punkt {left_after}.")
    assert next(r for r in attendance_list(db, meeting_id) if r["person_id"] == mikail)["left_item"] == left_after
    with pytest.raises(StoreError, match="allerede forladt"):
        record_departure(db, meeting_id, mikail)
    with pytest.raises(StoreError, match="forladt mødet"):
        record_arrival(db, meeting_id, mikail)


def test_a_departure_with_no_current_item_is_after_the_item_decided_last(small):
    db, meeting_id, items = small
    mikail = people(db, meeting_id)["Mikail Erman"]
    open_meeting(db, meeting_id)
    record_outcome(db, items[0], "Godkendt")
    record_outcome(db, items[1], "Godkendt")
    set_current_item(db, meeting_id, None)
    record_departure(db, meeting_id, mikail)
    assert next(r for r in attendance_list(db, meeting_id) if r["person_id"] == mikail)["left_item"] == "2"


def test_no_departure_before_the_meeting_opens(small):
    db, meeting_id, _ = small
    with pytest.raises(StoreError, match="ikke åbnet"):
        record_departure(db, meeting_id, people(db, meeting_id)["Mikail Erman"])


def test_expected_late_who_never_came_is_fraværende_in_the_referat(small):
    db, meeting_id, items = small
    set_status(db, meeting_id, people(db, meeting_id)["Ivan Fogtmann"], "kommer senere")
    open_meeting(db, meeting_id)
    record_outcome(db, items[0], "Godkendt")
    close_meeting(db, meeting_id)
    text = render_markdown(load_meeting(db, meeting_id), public=True)
    assert "## Fraværende\n\n- Ivan Fogtmann (O), næstformand" in text
    assert "Ivan Fogtmann" not in text.split("## Deltagere")[1].split("## Fraværende")[0]


# --- 7. drafts ---------------------------------------------------------------------------------------------


def test_a_draft_is_kept_outside_the_log_and_offered_again(small, db_path):
    db, meeting_id, items = small
    key = draft_key("bemærkning", items[2])
    actions = db.execute("SELECT count(*) FROM actions").fetchone()[0]
    save_draft(db, meeting_id, key, "Mogens Leo Hansen ønsker ført til protokols, at")
    save_draft(db, meeting_id, key, "Mogens Leo Hansen ønsker ført til protokols, at han stemmer imod")
    assert db.execute("SELECT count(*) FROM actions").fetchone()[0] == actions
    other = open_database(db_path)  # another process after a crash reads it back
    assert load_draft(other, meeting_id, key).endswith("stemmer imod")
    assert load_draft(other, meeting_id, draft_key("bemærkning", items[3])) is None
    other.close()
    discard_draft(db, meeting_id, key)
    assert load_draft(db, meeting_id, key) is None
    save_draft(db, meeting_id, key, "x")
    save_draft(db, meeting_id, key, "   ")  # emptied: nothing to offer
    assert load_draft(db, meeting_id, key) is None


# --- 9. redo -----------------------------------------------------------------------------------------------


def test_redo_replays_undone_steps_in_order_and_a_new_action_ends_it(small):
    db, meeting_id, items = small
    record_outcome(db, items[0], "Godkendt")
    record_outcome(db, items[1], "Drøftet")
    assert undo_last(db, meeting_id) == "Beslutning punkt 2: Drøftet"
    assert undo_last(db, meeting_id) == "Beslutning punkt 1: Godkendt"
    assert [i.decision for i in load_meeting(db, meeting_id).items[:2]] == [None, None]
    assert redo_last(db, meeting_id) == "Beslutning punkt 1: Godkendt"
    assert load_meeting(db, meeting_id).items[0].decision.outcome == "Godkendt"
    assert current(db, meeting_id) == items[1]
    assert undo_last(db, meeting_id) == "Beslutning punkt 1: Godkendt"  # a redone step undoes again
    assert redo_last(db, meeting_id) == "Beslutning punkt 1: Godkendt"
    assert redo_last(db, meeting_id) == "Beslutning punkt 2: Drøftet"
    assert [i.decision.outcome for i in load_meeting(db, meeting_id).items[:2]] == ["Godkendt", "Drøftet"]
    assert redo_last(db, meeting_id) is None
    undo_last(db, meeting_id)
    record_outcome(db, items[4], "Udsat")  # a new action: what was undone stays undone
    assert redo_last(db, meeting_id) is None
    assert any(row["action"] == "Gentag: Beslutning punkt 2: Drøftet" for row in audit_trail(db, meeting_id))


# --- also: the log in Danish sentences, the approver's name -----------------------------------------------


def cli(db_path, *args):
    return runner.invoke(app, [*args, "--db", str(db_path)])


def test_the_log_is_one_danish_sentence_per_action(small, db_path):
    db, meeting_id, items = small
    record_outcome(db, items[0], "Taget til efterretning")
    undo_last(db, meeting_id)
    redo_last(db, meeting_id)
    result = cli(db_path, "log", str(meeting_id))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].endswith(":") and lines[0][0].isdigit()  # '7. december 2026:'
    assert re.fullmatch(r"\d\d\.\d\d Beslutning punkt 1: Taget til efterretning", lines[-3])
    assert re.fullmatch(r"\d\d\.\d\d Fortrudt: Beslutning punkt 1: Taget til efterretning", lines[-2])
    assert re.fullmatch(r"\d\d\.\d\d Gentaget: Beslutning punkt 1: Taget til efterretning", lines[-1])
    assert "recorders" not in result.output and "token" not in result.output and "→" not in result.output


def test_approving_says_who_approved_and_an_unknown_name_is_said_to_be_unknown(small, db_path):
    db, meeting_id, _ = small
    open_meeting(db, meeting_id)
    close_meeting(db, meeting_id)
    result = cli(db_path, "approve", str(meeting_id), "--member", "ivan fogtmann")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Ivan Fogtmann har godkendt referatet.")
    result = cli(db_path, "approve", str(meeting_id), "--member", "Mogens")
    assert result.exit_code == 1
    assert "Intet medlem hedder 'Mogens'. Mente du: Mogens Leo Hansen?" in result.output
    result = cli(db_path, "approve", str(meeting_id), "--member", "Steen")
    assert "Intet medlem hedder 'Steen'. Mødets deltagere: " in result.output
    assert "deltog ikke" not in result.output
