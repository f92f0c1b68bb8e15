"""Dagsorden reads again only the rows that changed (store.agenda.rows_changed_since): after each kind of write
the view read from the one before equals a whole new read, and a decision reads two rows, not the agenda."""

from __future__ import annotations

import pytest
from tui_support import make_database

from store import agenda as agenda_module
from store.agenda import add_urgent_item, move_item, set_current_item
from store.audit import undo_last
from store.db import open_database
from store.decisions import record_outcome, record_point_outcomes, set_decision_text
from store.views import agenda_view


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "referat.db"
    meeting_id = make_database(path)
    database = open_database(path)
    yield database, meeting_id
    database.close()


def ids(db, meeting_id) -> list[int]:
    return [row["id"] for row in agenda_module.agenda(db, meeting_id)]


WRITES = {
    "outcome": lambda db, m, items: record_outcome(db, items[0], "Godkendt"),
    "points": lambda db, m, items: record_point_outcomes(db, items[1], ["Godkendt", "Forkastet"]),
    "text": lambda db, m, items: set_decision_text(db, items[2], "Taget til efterretning\nMed en bemærkning."),
    "current": lambda db, m, items: set_current_item(db, m, items[3]),
    "undo": lambda db, m, items: (record_outcome(db, items[0], "Godkendt"), undo_last(db, m)),
    "move": lambda db, m, items: move_item(db, items[1], 1),
    "urgent": lambda db, m, items: add_urgent_item(db, m, "Hastesag"),
}


@pytest.mark.parametrize("write", WRITES)
def test_the_view_read_from_the_last_one_equals_a_whole_read(db, write):
    db, meeting_id = db
    before = agenda_view(db, meeting_id)
    WRITES[write](db, meeting_id, ids(db, meeting_id))
    assert agenda_view(db, meeting_id, known=before).rows == agenda_view(db, meeting_id).rows


def test_a_decision_reads_the_two_rows_that_changed(db, monkeypatch):
    db, meeting_id = db
    items = ids(db, meeting_id)
    set_current_item(db, meeting_id, items[0])
    before = agenda_view(db, meeting_id)
    reads = []
    real = agenda_module.agenda
    monkeypatch.setattr("store.views.agenda", lambda *args: reads.append(args[2:]) or real(*args))
    record_outcome(db, items[0], "Godkendt")  # the next undecided item becomes current
    after = agenda_view(db, meeting_id, known=before)
    assert [sorted(only) for (only,) in reads] == [sorted(items[:2])]
    assert [row["state"] for row in after.rows[:2]] == ["besluttet", "aktuel"]
    assert [row is old for row, old in zip(after.rows[2:], before.rows[2:])] == [True] * (len(items) - 2)


def test_moving_an_item_reads_the_whole_agenda(db):
    db, meeting_id = db
    items = ids(db, meeting_id)
    before = agenda_view(db, meeting_id)
    move_item(db, items[0], 1)
    assert agenda_module.rows_changed_since(db, meeting_id, before.mark) is None
