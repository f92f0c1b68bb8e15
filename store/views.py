"""What the meeting-day screens show, each read from the store in one call (through store.meeting_day).

A screen draws these plain values without querying while it draws, so reading and drawing are apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.agenda import agenda, item_detail, item_label, item_started_at, log_mark, rows_changed_since
from store.attendance import Quorum, attendance_list, quorum
from store.committees import vocabulary
from store.meetings import get_meeting
from store.model import OPENED, Item
from store.redaction import public_item

if TYPE_CHECKING:
    from store.db import Database


@dataclass(frozen=True)
class MeetingTop:
    """The lines every main screen starts with: the meeting, the current item's timer, the quorum."""

    meeting: dict
    timer_label: str | None  # 'punkt 3' while the meeting is open and an item is current
    timer_started: str | None  # when that item was taken up (ISO-8601)
    quorum: Quorum  # counted for the item the screen is about


@dataclass(frozen=True)
class ItemPane:
    """The item Dagsorden shows on the right, with the lines above it counted for that item."""

    item_id: int | None
    item: Item | None
    top: MeetingTop


@dataclass(frozen=True)
class AgendaView:
    """Dagsorden: the agenda rows, the committee's phrases, and the item the cursor shows."""

    meeting: dict
    rows: list[dict]
    phrases: list[str]
    cursor: int | None
    pane: ItemPane
    mark: int = 0  # the audit log's newest row when the rows were read (store.agenda.rows_changed_since)


@dataclass(frozen=True)
class AttendanceView:
    """Fremmøde: the lines on top and one row per member (attendance_list)."""

    top: MeetingTop
    members: list[dict]


@dataclass(frozen=True)
class ChairView:
    """Formandens skærm: the meeting, the quorum, and the current item as the public referat shows it."""

    meeting: dict
    quorum: Quorum
    item: Item | None  # public_item of the current item
    item_started: str | None  # when it was taken up, while the meeting is open


def meeting_top(db: Database, meeting_id: int, item_id: int | None, meeting: dict | None = None) -> MeetingTop:
    """The meeting (`meeting`: already read), the timer of its current item, and the quorum counted for
    `item_id` (inhabile excluded)."""
    meeting = meeting or get_meeting(db, meeting_id)
    current, label, started = meeting["current_item_id"], None, None
    if current is not None and meeting["status"] == OPENED:
        label, started = item_label(db, current), item_started_at(db, current)
    return MeetingTop(meeting, label, started, quorum(db, meeting_id, item_id))


def item_pane(db: Database, meeting_id: int, item_id: int | None, meeting: dict | None = None) -> ItemPane:
    """The item `item_id` (None: an empty agenda) and the lines above it."""
    return ItemPane(
        item_id, item_detail(db, item_id) if item_id else None, meeting_top(db, meeting_id, item_id, meeting)
    )


def agenda_view(
    db: Database,
    meeting_id: int,
    cursor: int | None = None,
    shown_current: int | None = None,
    known: AgendaView | None = None,
) -> AgendaView:
    """Dagsorden with the cursor where it belongs: on the current item when that changed since `shown_current`
    (or nothing is highlighted), else on `cursor`; with no cursor at all, on the first undecided item.

    With `known` (the view read before), only the rows that changed since are read again, so the cost of a
    redraw follows what changed, not the size of the agenda."""
    mark = log_mark(db)  # before the rows: a write committed meanwhile is seen again next time
    meeting = get_meeting(db, meeting_id)
    changed = rows_changed_since(db, meeting_id, known.mark) if known is not None else None
    if known is None or changed is None:
        rows, phrases = agenda(db, meeting_id), vocabulary(db, meeting["committee_id"])
    else:
        rows, phrases = known.rows, known.phrases
        if changed:
            fresh = {row["id"]: row for row in agenda(db, meeting_id, changed)}
            rows = [fresh.get(row["id"], row) for row in rows]
    current = meeting["current_item_id"]
    if current is not None and (current != shown_current or cursor is None):
        cursor = current
    elif cursor is None and rows:
        cursor = next((row["id"] for row in rows if not row["decided"]), rows[0]["id"])
    if cursor is not None and all(row["id"] != cursor for row in rows):
        cursor = rows[0]["id"] if rows else None
    return AgendaView(meeting, rows, phrases, cursor, item_pane(db, meeting_id, cursor, meeting), mark)


def attendance_view(db: Database, meeting_id: int) -> AttendanceView:
    """Fremmøde, with the quorum counted for the current item."""
    meeting = get_meeting(db, meeting_id)
    return AttendanceView(
        meeting_top(db, meeting_id, meeting["current_item_id"], meeting), attendance_list(db, meeting_id)
    )


def chair_view(db: Database, meeting_id: int) -> ChairView:
    """Formandens skærm, read in one call."""
    meeting = get_meeting(db, meeting_id)
    current = meeting["current_item_id"]
    if current is None:
        return ChairView(meeting, quorum(db, meeting_id, None), None, None)
    started = item_started_at(db, current) if meeting["status"] == OPENED else None
    return ChairView(meeting, quorum(db, meeting_id, current), public_item(item_detail(db, current)), started)
