"""F4 reads again only the items the audit log says changed since its last read: after every kind of write the
referat it puts together must be the referat read whole."""

from __future__ import annotations

from tui_support import make_database

from store.agenda import agenda
from store.attendance import attendance_list
from store.db import open_database
from store.meeting_day import MeetingDay
from store.referat_changes import referat_items_changed_since


def test_the_referat_read_again_in_part_is_the_referat_read_whole(db_path):
    meeting_id = make_database(db_path)
    db = open_database(db_path)
    items = [row["id"] for row in agenda(db, meeting_id)]
    people = [row["person_id"] for row in attendance_list(db, meeting_id)]
    db.close()
    day = MeetingDay.open(db_path, meeting_id)
    day.open_meeting()
    writes = [
        lambda: day.record_outcome(items[0], "Godkendt"),
        lambda: day.record_outcome(items[0], "Tiltrådt"),
        lambda: day.set_decision_text(items[1], "Udvalget drøftede sagen."),
        lambda: day.record_vote(items[2], "Indstillingen", "indstilling", {people[0]: "for", people[1]: "imod"}, True),
        lambda: day.add_remark(items[2], [day.present_members()[0]["name"]], "protokoltilførsel", "Til protokollen."),
        lambda: day.set_taking_part(items[3], people[2], False, "inhabil"),
        lambda: day.set_public(items[4], False),
        lambda: day.postpone(items[1]),
        day.undo,
        day.undo,
        lambda: day.record_departure(people[3]),
        lambda: day.record_outcome(items[3], "Godkendt"),
    ]
    try:
        read = day.read_referat()
        for write in writes:
            write()
            again = day.read_referat(read)
            assert again.blocks == day.read_referat().blocks
            read = again
        mark = read.mark
        day.record_outcome(items[4], "Taget til efterretning")
        assert referat_items_changed_since(day.db, meeting_id, mark) == {items[4]}  # one item read again, not all
    finally:
        day.close()
