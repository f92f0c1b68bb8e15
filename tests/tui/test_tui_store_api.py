"""Store behaviour the TUI relies on and that was added or fixed for it."""

from __future__ import annotations

import datetime as dt

from tui_support import make_database

from store.agenda import agenda, item_started_at, set_current_item
from store.attendance import attendance_list, set_status
from store.db import open_database


def test_item_started_at_is_when_the_item_was_taken_up(tmp_path):
    path = tmp_path / "referat.db"
    meeting_id = make_database(path)
    db = open_database(path)
    first, second = (row["id"] for row in agenda(db, meeting_id)[:2])
    assert item_started_at(db, first) is None
    before = dt.datetime.now().astimezone().replace(microsecond=0)
    set_current_item(db, meeting_id, first)
    started = dt.datetime.fromisoformat(item_started_at(db, first))
    assert before <= started <= dt.datetime.now().astimezone()
    set_current_item(db, meeting_id, second)
    set_current_item(db, meeting_id, first)  # taken up again: the first time stands
    assert dt.datetime.fromisoformat(item_started_at(db, first)) == started
    assert item_started_at(db, second) is not None


def test_marking_attendance_keeps_the_list_order(tmp_path):
    path = tmp_path / "referat.db"
    meeting_id = make_database(path)
    db = open_database(path)
    before = [row["name"] for row in attendance_list(db, meeting_id)]
    set_status(db, meeting_id, attendance_list(db, meeting_id)[2]["person_id"], "afbud")
    assert [row["name"] for row in attendance_list(db, meeting_id)] == before
