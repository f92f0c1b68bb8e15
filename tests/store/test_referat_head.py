"""F4 shows the referat's head first, read without the items' contents: it must be exactly the start of the
whole referat (attendance with the items a member missed, lukket titles, the table of contents)."""

from __future__ import annotations

from tui_support import make_database

from store.agenda import agenda, open_meeting, set_confidential, set_public
from store.attendance import attendance_list, record_arrival, set_status
from store.db import open_database
from store.decisions import mark_not_taking_part, record_outcome
from store.meeting_day import MeetingDay
from store.model import EXPECTED_LATE


def test_the_referat_head_is_the_start_of_the_whole_referat(db_path):
    meeting_id = make_database(db_path)
    db = open_database(db_path)
    items = [row["id"] for row in agenda(db, meeting_id)]
    people = [row["person_id"] for row in attendance_list(db, meeting_id)]
    set_status(db, meeting_id, people[1], EXPECTED_LATE)
    open_meeting(db, meeting_id)
    record_outcome(db, items[0], "Godkendt")
    record_arrival(db, meeting_id, people[1])  # missed item 1
    mark_not_taking_part(db, items[2], people[2], "inhabil")
    set_public(db, items[3], False)
    set_confidential(db, items[3], title=True)
    db.close()
    day = MeetingDay.open(db_path, meeting_id, read_only=True)
    try:
        whole, head = "\n\n".join(day.referat_blocks()), "\n\n".join(day.referat_blocks(head_only=True))
    finally:
        day.close()
    assert "sag 3" in head and "Lukket: " in head and "## Indholdsfortegnelse" in head
    assert whole.startswith(head + "\n\n# Punkt 1: ")
