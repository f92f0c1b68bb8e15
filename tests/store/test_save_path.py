"""The fast save path: the writer's SQL cache, complete audit rows, undo, the next undecided item, search."""

from __future__ import annotations

import json

import pytest
import sqlite_utils
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tui_support import make_database

from store.agenda import agenda, next_undecided
from store.attendance import attendance_list, set_status
from store.audit import action, audit_trail, undo_last
from store.db import get_row, open_database
from store.decisions import (
    add_remark,
    mark_not_taking_part,
    record_outcome,
    record_point_outcomes,
    record_vote,
    set_decision_text,
    vote_participants,
)
from store.errors import NotFound
from store.search import search

# Everything an action may change; `actions` and `audit_log` only ever grow.
CONTENT_TABLES = (
    "meetings",
    "items",
    "decisions",
    "decision_points",
    "votes",
    "vote_casts",
    "remarks",
    "item_absences",
    "attendance",
    "search_items",
)


@pytest.fixture
def small(tmp_path):
    """The five-item test meeting (tests/tui_support.py): (db, meeting_id, item ids in order)."""
    path = tmp_path / "referat.db"
    meeting_id = make_database(path)
    db = open_database(path)
    yield db, meeting_id, [row["id"] for row in agenda(db, meeting_id)]
    db.close()


def snapshot(db) -> dict[str, list[dict]]:
    return {table: list(db.query(f"SELECT * FROM {table} ORDER BY rowid")) for table in CONTENT_TABLES}


def log_of_last_action(db) -> list[tuple]:
    action_id = db.execute("SELECT max(id) FROM actions").fetchone()[0]
    return [
        (
            row["entity"],
            row["entity_id"],
            row["field"],
            None if row["old"] is None else json.loads(row["old"]),
            None if row["new"] is None else json.loads(row["new"]),
        )
        for row in db.query("SELECT * FROM audit_log WHERE action_id = ? ORDER BY id", [action_id])
    ]


def test_a_decision_is_one_action_with_one_log_row_per_value(small):
    db, meeting_id, items = small
    actions_before = db.execute("SELECT count(*) FROM actions").fetchone()[0]
    assert record_outcome(db, items[0], "Godkendt") == items[1]
    assert db.execute("SELECT count(*) FROM actions").fetchone()[0] == actions_before + 1
    assert db.execute("SELECT meeting_id, label, undoable FROM actions ORDER BY id DESC LIMIT 1").fetchone() == (
        meeting_id,
        "Beslutning punkt 1: Godkendt",
        1,
    )
    meeting = get_row(db, "meetings", meeting_id)
    first, second = get_row(db, "items", items[0]), get_row(db, "items", items[1])
    decision = db.execute("SELECT * FROM decisions WHERE item_id = ?", [items[0]]).fetchone()
    at = meeting["started_at"]
    assert log_of_last_action(db) == [
        ("meetings", meeting_id, "status", "planlagt", "åbnet"),
        ("meetings", meeting_id, "started_at", None, at),
        # the inserted row is logged whole, exactly as stored
        ("decisions", decision[0], None, None, get_row(db, "decisions", decision[0])),
        ("items", items[0], "finished_at", None, at),
        ("items", items[0], "started_at", None, at),
        ("meetings", meeting_id, "current_item_id", None, items[1]),
        ("items", items[1], "started_at", None, at),
    ]
    assert (first["finished_at"], second["started_at"], meeting["current_item_id"]) == (at, at, items[1])


def test_undo_after_many_actions_restores_every_table(small):
    db, meeting_id, items = small
    before = snapshot(db)
    last_before = db.execute("SELECT max(id) FROM actions").fetchone()[0]
    people = {row["name"]: row["person_id"] for row in attendance_list(db, meeting_id)}
    for name, person_id in people.items():
        set_status(db, meeting_id, person_id, "afbud" if name == "Ivan Fogtmann" else "til stede")
    for round_ in range(4):  # decide, re-decide and replace, so updates and logged deletes are replayed too
        record_outcome(db, items[0], "Godkendt" if round_ % 2 else "Drøftet")
        set_decision_text(db, items[1], f"Taget til efterretning.\nRunde {round_}.")
        record_point_outcomes(db, items[3], ["Anbefales", f"Ikke godkendt {round_}"])
    mark_not_taking_part(db, items[2], people["Mikail Erman"], "inhabil")
    add_remark(db, items[2], ["Mogens Leo Hansen (Ø)"], "afvigende mening", "Imod.")
    choices = {p["person_id"]: "for" for p in vote_participants(db, items[2])}
    record_vote(db, items[2], "Indstillingen", "indstilling", choices, adopt=True)
    assert snapshot(db) != before
    done = db.execute("SELECT count(*) FROM actions WHERE id > ? AND undoable = 1", [last_before]).fetchone()[0]
    assert done == len(people) + 4 * 3 + 3
    for _ in range(done):
        assert undo_last(db, meeting_id) is not None
    assert snapshot(db) == before
    assert {row["action"] for row in audit_trail(db, meeting_id)} >= {"Fortryd: Beslutning punkt 1: Godkendt"}


def test_the_sql_cache_follows_schema_changes_from_any_connection(db, db_path):
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, code TEXT, text TEXT)")
    with action(db, None, "note") as act:
        act.insert("notes", {"code": "a", "text": "før"})
        act.update("notes", 1, text="efter")
    other = open_database(db_path)
    sqlite_utils.Database(other)["notes"].transform(pk="code")  # another connection changes the primary key
    other.close()
    with action(db, None, "note by code") as act:
        act.update("notes", "a", text="ny")
        act.insert("notes", {"code": "b", "text": "anden"})
        act.delete("notes", "a")
        with pytest.raises(NotFound):
            act.row("notes", 1)
    assert list(db.query("SELECT code, text FROM notes")) == [{"code": "b", "text": "anden"}]
    assert [(entity_id, field) for _, entity_id, field, _, _ in log_of_last_action(db)] == [
        ("a", "text"),
        ("b", None),
        ("a", None),
    ]


def test_a_failed_action_leaves_nothing_behind(small):
    db, meeting_id, items = small
    before, actions_before = snapshot(db), db.execute("SELECT count(*) FROM actions").fetchone()[0]
    with pytest.raises(NotFound), action(db, meeting_id, "halvt") as act:
        act.update("items", items[0], title="Ændret")
        act.update("items", 999_999, title="findes ikke")
    assert snapshot(db) == before
    assert db.execute("SELECT count(*) FROM actions").fetchone()[0] == actions_before


def test_search_stays_in_step_through_progress_titles_and_decisions(small):
    db, meeting_id, items = small

    def found(word):
        return sorted(hit["number"] for hit in search(db, word))

    assert found("Meddelelser") == ["2"]
    record_outcome(db, items[1], "Godkendt")  # finishes item 2 and starts item 3: the index keeps both
    assert found("Meddelelser") == ["2"] and found("Godkendt") == ["2"] and found("JobCAMP") == ["3"]
    with action(db, meeting_id, "titel") as act:
        act.update("items", items[1], title="Orientering fra formanden")
    assert found("Meddelelser") == [] and found("formanden") == ["2"] and found("Godkendt") == ["2"]
    db.execute("INSERT INTO search_items_fts (search_items_fts) VALUES ('integrity-check')")


# --- next_undecided against the agenda's own idea of decided -----------------------------------


def reference_next_undecided(db, meeting_id, after_item_id):
    """The former definition: walk agenda() from after the given item, wrapping round."""
    rows = agenda(db, meeting_id)
    start = next((i + 1 for i, row in enumerate(rows) if row["id"] == after_item_id), 0)
    for row in rows[start:] + rows[:start]:
        if not row["decided"] and not row["postponed"] and row["id"] != after_item_id:
            return row["id"]
    return None


ITEM = st.fixed_dictionaries(
    {
        "position": st.integers(1, 6),  # ties on purpose
        "postponed": st.sampled_from([0, 1, None]),
        "decision": st.sampled_from(["none", "outcome", "text", "empty row"]),
        "points": st.lists(st.sampled_from(["Anbefales", None]), max_size=2),
    }
)


@pytest.fixture
def committee_db(db):
    """The conftest database with one committee, for meetings built row by row."""
    db.execute("INSERT INTO committees (name) VALUES ('Testudvalget')")
    return db


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(ITEM, max_size=8), st.integers(0, 9))
def test_next_undecided_walks_the_agenda_like_before(committee_db, items, after):
    db = committee_db
    meeting_id = db.execute(
        "INSERT INTO meetings (committee_id, status) VALUES ((SELECT id FROM committees LIMIT 1), 'åbnet')"
    ).lastrowid
    ids = []
    for number, item in enumerate(items, start=1):
        item_id = db.execute(
            "INSERT INTO items (meeting_id, number, position, title, postponed) VALUES (?, ?, ?, ?, ?)",
            [meeting_id, str(number), item["position"], f"Punkt {number}", item["postponed"]],
        ).lastrowid
        ids.append(item_id)
        if item["decision"] != "none":
            db.execute(
                "INSERT INTO decisions (item_id, outcome, text) VALUES (?, ?, ?)",
                [
                    item_id,
                    "Godkendt" if item["decision"] == "outcome" else None,
                    "Drøftet." if item["decision"] == "text" else None,
                ],
            )
        for position, outcome in enumerate(item["points"], start=1):
            db.execute(
                "INSERT INTO decision_points (item_id, position, outcome) VALUES (?, ?, ?)",
                [item_id, position, outcome],
            )
    other_meeting_item = db.execute("SELECT min(id) FROM items WHERE meeting_id != ?", [meeting_id]).fetchone()[0]
    candidates = [None, other_meeting_item, *ids]
    after_item_id = candidates[after % len(candidates)]
    assert next_undecided(db, meeting_id, after_item_id) == reference_next_undecided(db, meeting_id, after_item_id)
