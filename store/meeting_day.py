"""The seam between the meeting-day UI and the store.

`MeetingDay` is one meeting in one window: it opens the database, claims the meeting (or follows the
window that holds the claim), reads the views the screens draw (store.views) and performs every write
as a method, each one committed action (store.audit).  `Archive` reads every meeting of a database
read-only, for the archive search and its viewer.

The UI talks to the store only through these two, store.views, store.model and store.errors (an
import-linter contract in pyproject.toml keeps it so).  Every problem, SQLite's included, reaches the
UI as a StoreError with one Danish sentence.
"""

from __future__ import annotations

import functools
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from store import agenda, agenda_edit, attendance, decisions, meeting_edit, members, recorder
from store.agenda import log_mark
from store.audit import redo_last, undo_last
from store.db import ChangeWatch, open_database, translate_error
from store.drafts import draft_key, load_draft, save_draft
from store.errors import StoreError
from store.meetings import get_meeting, load_meeting, meeting_to_open
from store.model import PLANNED, PRESENT, SUBSTITUTE, Item, ItemDraft, Vote
from store.referat_changes import referat_items_changed_since
from store.views import (
    AgendaView,
    AttendanceView,
    ChairView,
    ItemPane,
    MeetingTop,
    agenda_view,
    attendance_view,
    chair_view,
    item_pane,
    meeting_top,
)

if TYPE_CHECKING:
    from store.db import Database

P = ParamSpec("P")
ITEM_IDS = "SELECT id FROM items WHERE meeting_id = ? ORDER BY position"
T = TypeVar("T")


def _translated(method: Callable[P, T]) -> Callable[P, T]:
    """Let an SQLite failure leave the method as one Danish StoreError."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return method(*args, **kwargs)
        except sqlite3.Error as error:
            raise translate_error(error, args[0].path) from error  # type: ignore[attr-defined]

    return wrapper


@dataclass(frozen=True)
class ReferatRead:
    """The live referat as read at the audit log row `mark`: its Markdown blocks before the first item (`head`), of
    each item (`items`, for the item ids `ids` in agenda order) and after the last (`ending`)."""

    mark: int
    ids: list[int]
    head: list[str]
    items: list[list[str]]
    ending: list[str]

    @property
    def blocks(self) -> list[str]:
        """All the blocks, in order (store.export_markdown.markdown_blocks)."""
        return [*self.head, *(block for blocks in self.items for block in blocks), *self.ending]


class MeetingDay:
    """One meeting in one window: its views, its writes, and its claim (who records it)."""

    def __init__(self, db: Database, path: Path, meeting_id: int, *, read_only: bool) -> None:
        self.db, self.path, self.meeting_id = db, path, meeting_id
        self.read_only = read_only  # opened read-only: this window never writes
        self.following = False  # another live window records the meeting: this one follows it
        self.claim_refused: str | None = None  # why the claim could not be written (a lock, a full disk)
        self.changes = ChangeWatch(db)
        self._reader: Database | None = None  # a second, read-only connection for reads off the UI thread
        self._reader_lock = threading.Lock()

    @classmethod
    def open(cls, path: Path | str, meeting_id: int | None = None, *, read_only: bool = False) -> MeetingDay:
        """Open the database and the meeting (None: today's) and record it, unless another live window does
        (then follow it) or `read_only`.  StoreError when the database or the meeting cannot be opened."""
        path = Path(path)
        try:
            db = open_database(path, readonly=read_only)
            day = cls(db, path, meeting_to_open(db, meeting_id), read_only=read_only)
        except sqlite3.Error as error:
            raise translate_error(error, path) from error
        if not read_only:
            try:
                day.following = not recorder.claim(db, day.meeting_id)
            except StoreError as error:
                day.following, day.claim_refused = True, str(error)
        return day

    @property
    def writable(self) -> bool:
        """True while this window may write (not read-only, not following)."""
        return not (self.read_only or self.following)

    def close(self) -> None:
        """Give the claim free (if this window still holds it) and close the connection."""
        if self.writable:
            try:
                self.release()
            except StoreError:
                pass  # locked or full at quit: the claim of an ended process is free anyway
        if self._reader is not None and self._reader_lock.acquire(
            blocking=False
        ):  # a read under way ends with the process
            self._reader.close()
            self._reader = None
            self._reader_lock.release()
        self.db.close()

    # --- reading ------------------------------------------------------------------

    @_translated
    def meeting(self) -> dict:
        """The meeting row, with its committee and kommune."""
        return get_meeting(self.db, self.meeting_id)

    @_translated
    def starts_on_roll_call(self) -> bool:
        """True for a meeting not yet begun (Fremmøde first); else the UI starts on Dagsorden."""
        meeting = self.meeting()
        return meeting["status"] == PLANNED and meeting["current_item_id"] is None

    @_translated
    def meeting_top(self) -> MeetingTop:
        """The lines every main screen starts with, counted for the current item."""
        meeting = self.meeting()
        return meeting_top(self.db, self.meeting_id, meeting["current_item_id"], meeting)

    @_translated
    def agenda_view(
        self, cursor: int | None = None, shown_current: int | None = None, known: AgendaView | None = None
    ) -> AgendaView:
        """Dagsorden (store.views.agenda_view); with `known`, only the rows changed since it are read."""
        return agenda_view(self.db, self.meeting_id, cursor, shown_current, known)

    @_translated
    def item_pane(self, item_id: int | None) -> ItemPane:
        """The item Dagsorden shows on the right, with the lines above it."""
        return item_pane(self.db, self.meeting_id, item_id)

    @_translated
    def attendance_view(self) -> AttendanceView:
        """Fremmøde."""
        return attendance_view(self.db, self.meeting_id)

    @_translated
    def chair_view(self) -> ChairView:
        """Formandens skærm: the current item as the public referat shows it."""
        return chair_view(self.db, self.meeting_id)

    @_translated
    def item(self, item_id: int) -> Item:
        """One item as a document."""
        return agenda.item_detail(self.db, item_id)

    @_translated
    def referat_blocks(self, *, head_only: bool = False) -> list[str]:
        """The full referat so far (lukket items marked) as the Markdown export writes it, in its blocks
        (store.export_markdown.markdown_blocks): what is committed; `head_only`: only the blocks before the first
        item (title, header, attendance, table of contents), read without the items' contents.

        Safe to call from a worker thread: it reads through its own read-only connection, one call at a time."""
        from store.export_markdown import markdown_blocks

        with self._reader_lock:
            if self._reader is None:
                self._reader = open_database(self.path, readonly=True)
            meeting = load_meeting(self._reader, self.meeting_id, contents=not head_only)
        return markdown_blocks(meeting, public=False, head_only=head_only)

    @_translated
    def read_referat(self, known: ReferatRead | None = None) -> ReferatRead:
        """The full referat so far, as referat_blocks reads it; with `known` (read before), only the items the audit
        log says changed since are read and rendered again, the others' blocks kept (safe in a worker thread)."""
        from store.export_markdown import markdown_by_item

        with self._reader_lock:
            if self._reader is None:
                self._reader = open_database(self.path, readonly=True)
            reader = self._reader
            reader.execute("BEGIN")  # one snapshot: the log mark, the item ids and the meeting agree
            try:
                mark = log_mark(reader)
                changed = referat_items_changed_since(reader, self.meeting_id, known.mark) if known else None
                ids = [row[0] for row in reader.execute(ITEM_IDS, [self.meeting_id])]
                meeting = load_meeting(reader, self.meeting_id, contents=True if changed is None else changed)
            finally:
                reader.execute("COMMIT")
        head, items, ending = markdown_by_item(meeting, public=False)
        if known is not None and changed is not None:
            kept = dict(zip(known.ids, known.items))
            items = [blocks if item in changed else kept.get(item, blocks) for item, blocks in zip(ids, items)]
        return ReferatRead(mark, ids, head, items, ending)

    @_translated
    def vote_participants(self, item_id: int) -> list[dict]:
        """Who may vote on the item (person_id, name, party)."""
        return decisions.vote_participants(self.db, item_id)

    @_translated
    def present_members(self) -> list[dict]:
        """The attendance rows of everyone present (members and seated stedfortrædere)."""
        return [
            row
            for row in attendance.attendance_list(self.db, self.meeting_id)
            if row["effective_status"] in (PRESENT, SUBSTITUTE)
        ]

    @_translated
    def substitute_candidates(self, person_id: int) -> list[dict]:
        """The committee's stedfortrædere, those named for this member's seat first."""
        return attendance.substitute_candidates(self.db, self.meeting_id, person_id)

    @_translated
    def quorum_warning(self, item_ids: list[int]) -> str | None:
        """Why a beslutning on these items would be made without a quorum, or None."""
        return attendance.quorum_warning(self.db, item_ids)

    draft_key = staticmethod(draft_key)

    @_translated
    def load_draft(self, key: str) -> str | None:
        """The text kept as a dialog's draft under `key` (see store/drafts.py), or None."""
        return load_draft(self.db, self.meeting_id, key)

    @_translated
    def keep_draft(self, key: str, text: str) -> None:
        """Keep `text` as the draft under `key` (empty text forgets it); not an action."""
        save_draft(self.db, self.meeting_id, key, text)

    @_translated
    def changed(self) -> bool:
        """True when another process has committed since the previous call (one cheap PRAGMA)."""
        return self.changes.changed()

    @_translated
    def is_recording(self) -> bool:
        """True while this window holds the meeting's claim."""
        return recorder.is_recording(self.db, self.meeting_id)

    # --- writing: each method is one committed action, refused with a StoreError ---------------------------

    @_translated
    def record_outcome(self, item_id: int, phrase: str) -> None:
        """A standard outcome on an item; the next undecided item becomes current."""
        decisions.record_outcome(self.db, item_id, phrase)

    @_translated
    def record_outcomes(self, item_ids: list[int], phrase: str) -> None:
        """Blok: several items, one outcome."""
        decisions.record_outcomes(self.db, item_ids, phrase)

    @_translated
    def record_point_outcomes(self, item_id: int, outcomes: list[str]) -> None:
        """One outcome per indstilling point."""
        decisions.record_point_outcomes(self.db, item_id, outcomes)

    @_translated
    def set_decision_text(self, item_id: int, text: str) -> None:
        """The beslutning as typed (a phrase on the first line, then free text)."""
        decisions.set_decision_text(self.db, item_id, text)

    @_translated
    def record_vote(self, item_id: int, subject: str, kind: str, choices: dict[int, str], adopt: bool) -> Vote:
        """An afstemning; with `adopt` its result becomes the item's outcome."""
        return decisions.record_vote(self.db, item_id, subject, kind, choices, adopt)

    @_translated
    def add_remark(self, item_id: int, members: list[str], kind: str, text: str) -> None:
        """A protokolbemærkning."""
        decisions.add_remark(self.db, item_id, members, kind, text)

    @_translated
    def set_taking_part(self, item_id: int, person_id: int, taking_part: bool, reason: str | None = None) -> None:
        """Mark a member as not taking part in the item (inhabil, left the room), or clear the mark."""
        if taking_part:
            decisions.clear_not_taking_part(self.db, item_id, person_id)
        else:
            decisions.mark_not_taking_part(self.db, item_id, person_id, reason)

    @_translated
    def postpone(self, item_id: int) -> None:
        """Udsæt punktet."""
        decisions.postpone_item(self.db, item_id)

    @_translated
    def make_current(self, item_id: int) -> None:
        """Make the item the one being treated."""
        agenda.set_current_item(self.db, self.meeting_id, item_id)

    @_translated
    def move_item(self, item_id: int, delta: int) -> None:
        """Move the item up (-1) or down (1) on the agenda."""
        agenda.move_item(self.db, item_id, delta)

    @_translated
    def add_urgent_item(self, title: str) -> int:
        """A hastesag at the end of the agenda; returns its id."""
        return agenda.add_urgent_item(self.db, self.meeting_id, title)

    @_translated
    def set_public(self, item_id: int, public: bool) -> None:
        """Åbent or lukket punkt."""
        agenda.set_public(self.db, item_id, public)

    @_translated
    def set_confidential(self, item_id: int, *, title: bool | None = None, outcome: bool | None = None) -> None:
        """A lukket item's confidential title or outcome."""
        agenda.set_confidential(self.db, item_id, title=title, outcome=outcome)

    @_translated
    def open_meeting(self) -> None:
        """Åbn mødet: the begin time."""
        agenda.open_meeting(self.db, self.meeting_id)

    @_translated
    def close_meeting(self) -> None:
        """Hæv mødet: the end time."""
        agenda.close_meeting(self.db, self.meeting_id)

    @_translated
    def undo(self) -> str | None:
        """Fortryd the latest action; returns its label, or None when there is nothing to undo."""
        return undo_last(self.db, self.meeting_id)

    @_translated
    def redo(self) -> str | None:
        """Gentag the latest undone action; returns its label, or None when there is nothing to redo."""
        return redo_last(self.db, self.meeting_id)

    @_translated
    def set_status(self, person_id: int, status: str) -> None:
        """A member's attendance (til stede, afbud, fraværende)."""
        attendance.set_status(self.db, self.meeting_id, person_id, status)

    @_translated
    def set_substitute(self, person_id: int, name: str, party: str | None) -> None:
        """A stedfortræder takes the member's seat."""
        attendance.set_substitute(self.db, self.meeting_id, person_id, name, party)

    @_translated
    def record_arrival(self, person_id: int) -> str:
        """The member came later (now, during the current item); returns the sentence that says so."""
        return attendance.record_arrival(self.db, self.meeting_id, person_id)

    @_translated
    def record_departure(self, person_id: int) -> str:
        """The member left (now, after the current item); returns the sentence that says so."""
        return attendance.record_departure(self.db, self.meeting_id, person_id)

    @_translated
    def take_over(self) -> None:
        """Record the meeting from this window from now on; the other window's next write is refused."""
        recorder.take_over(self.db, self.meeting_id)
        self.following = False

    @_translated
    def release(self) -> None:
        """Give the meeting free if this window still records it."""
        recorder.release(self.db, self.meeting_id)

    # --- preparing the meeting (F5, store/agenda_edit.py, store/meeting_edit.py, store/members.py) ----------

    def _number(self, item_id: int) -> str:
        """The item's number as the agenda prints it now (the store's editing functions find items by it)."""
        return agenda_edit.item_number(self.db, self.meeting_id, item_id)

    @_translated
    def prepared_items(self) -> list[dict]:
        """The agenda as the preparation view lists it: id, number, title, public, case_number, kind, urgent,
        and `recorded` (what the meeting recorded on the item, 'en beslutning' …, or None)."""
        rows = agenda_edit.items(self.db, self.meeting_id)
        for row in rows:
            row["recorded"] = agenda_edit.recorded_on(self.db, row["id"])
        return rows

    @_translated
    def item_draft(self, item_id: int) -> ItemDraft:
        """The item as a complete draft: what its editor starts from."""
        return agenda_edit.item_draft(self.db, self.meeting_id, self._number(item_id))

    @_translated
    def add_item(self, draft: ItemDraft, before: int | None = None) -> int:
        """A new item in front of the item `before` (None: at the end); returns its id."""
        if before is None:
            return agenda_edit.add_item(self.db, self.meeting_id, draft)
        ids = [row["id"] for row in agenda_edit.items(self.db, self.meeting_id)]
        index = ids.index(before) if before in ids else len(ids)
        if index == 0:
            return agenda_edit.add_item(self.db, self.meeting_id, draft, first=True)
        return agenda_edit.add_item(self.db, self.meeting_id, draft, after=self._number(ids[index - 1]))

    @_translated
    def edit_item(self, item_id: int, draft: ItemDraft) -> list[str]:
        """Change the item as the draft says; returns the Danish names of what changed."""
        return agenda_edit.edit_item(self.db, self.meeting_id, self._number(item_id), draft)

    @_translated
    def remove_item(self, item_id: int) -> str:
        """Delete the item (refused once the meeting recorded something on it); returns its title."""
        return agenda_edit.remove_item(self.db, self.meeting_id, self._number(item_id))

    @_translated
    def renumber(self, start: int) -> int:
        """Number the items start, start+1, … in agenda order; returns how many numbers changed."""
        return agenda_edit.renumber(self.db, self.meeting_id, start)

    @_translated
    def edit_meeting(self, **fields: str | None) -> list[str]:
        """Change date, time, place, start, end or closing (store/meeting_edit.py); returns what changed."""
        return meeting_edit.edit_meeting(self.db, self.meeting_id, **fields)

    @_translated
    def sibling_committees(self) -> list[str]:
        """The names of the udvalg of the meeting's kommune (the meeting's own among them), by name."""
        from store.committees import list_committees, same_municipality

        municipality = self.meeting()["municipality"]
        return [row["name"] for row in list_committees(self.db) if same_municipality(row["municipality"], municipality)]

    @_translated
    def guests(self) -> list[dict]:
        """The meeting's guests ("Desuden deltog"), id and name."""
        return meeting_edit.guests(self.db, self.meeting_id)

    @_translated
    def add_guest(self, name: str) -> None:
        """A guest: not a member, no vote, never counted in the quorum."""
        meeting_edit.add_guest(self.db, self.meeting_id, name)

    @_translated
    def remove_guest(self, name: str) -> None:
        """Take a guest off the meeting."""
        meeting_edit.remove_guest(self.db, self.meeting_id, name)

    @_translated
    def add_attendee(self, name: str, party: str | None) -> None:
        """A member for this meeting only: on its fremmøde list, not on the committee's roster."""
        meeting_edit.add_attendee(self.db, self.meeting_id, name, party)

    @_translated
    def remove_attendee(self, name: str) -> None:
        """Take a wrongly listed name off the fremmøde list."""
        meeting_edit.remove_attendee(self.db, self.meeting_id, name)

    def _committee(self) -> tuple[str, str | None]:
        meeting = self.meeting()
        return meeting["committee"], meeting["municipality"]

    @_translated
    def roster(self) -> list[dict]:
        """The committee's current members and stedfortrædere (store/members.py list_members)."""
        committee, municipality = self._committee()
        return members.list_members(self.db, committee, municipality)

    @_translated
    def add_member(self, name: str, **fields: str | None) -> None:
        """A new member of the committee (party, role, substitute_for, valid_from, valid_to)."""
        committee, municipality = self._committee()
        members.add_member(self.db, committee, name, municipality=municipality, **fields)

    @_translated
    def edit_member(self, name: str, **fields: str | None) -> None:
        """Change a member (new_name, party, role, substitute_for, valid_from, valid_to: the end of the membership)."""
        committee, municipality = self._committee()
        members.edit_member(self.db, committee, name, municipality=municipality, **fields)

    @_translated
    def remove_member(self, name: str) -> str:
        """The member leaves the committee today (earlier meetings keep them); returns the end date."""
        committee, municipality = self._committee()
        return members.remove_member(self.db, committee, name, municipality=municipality)

    def export_full(self, fmt: str = "md", folder: Path | None = None, *, public: bool = False) -> Path:
        """Write the referat (md, docx or pdf; the full edition readable by the owner only) into `folder` (default:
        next to the database); returns its path.  StoreError (in Danish) when it cannot be written."""
        from store.export_files import export_to_folder

        try:
            meeting = load_meeting(self.db, self.meeting_id)
            return export_to_folder(meeting, folder or self.path.resolve().parent, fmt, public=public)
        except sqlite3.Error as error:
            raise translate_error(error, self.path) from error
        except OSError as error:
            raise StoreError(f"Referatet kunne ikke skrives: {error.strerror or error}.") from error

    def backup(self, reason: str) -> tuple[Path | None, str]:
        """The automatic backup after hæv (store/backup.py): (the copy or None, one Danish sentence); never raises."""
        from store.backup import auto_backup

        return auto_backup(self.path, reason)


class Archive:
    """Every meeting of a database, read through a read-only connection of its own; safe to call from a worker
    thread (one read at a time)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.db = open_database(self.path, readonly=True)
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            self.db.close()

    @_translated
    def search(self, query: str, limit: int, marks: tuple[str, str]) -> list[dict]:
        """The best hits (store.search), each with `parts`: its snippet as (text, matched) pieces.
        ValueError when the query has no words."""
        from store.search import search, snippet_parts

        with self._lock:
            hits = search(self.db, query, limit=limit, marks=marks)
        for hit in hits:
            hit["parts"] = snippet_parts(hit["snippet"], marks)
        return hits

    @_translated
    def meeting(self, meeting_id: int) -> dict:
        """One meeting's row, with its committee and kommune."""
        with self._lock:
            return get_meeting(self.db, meeting_id)

    @_translated
    def agenda(self, meeting_id: int) -> list[dict]:
        """One meeting's agenda rows."""
        with self._lock:
            return agenda.agenda(self.db, meeting_id)

    @_translated
    def item(self, item_id: int) -> Item:
        """One item as a document."""
        with self._lock:
            return agenda.item_detail(self.db, item_id)
