"""Who records a meeting: one writing process per meeting; any other follows it read-only.

A process that opens a meeting to record it claims the meeting: a row in `recorders` holding a
fresh token, the process id, the host and the process's start time.  A second process finds the
claim held and follows the meeting until its user takes the recording over explicitly
(`take_over`).  A claim whose process no longer runs (closed, crashed, killed) is free: a WAL
database is shared only by processes on one host, so the pid, checked against the process's start
time because pids are reused, says exactly whether the holder lives.  There is no heartbeat: it
would be a periodic synchronous write that wakes every follower.

No lost update: `ensure_recorder` is registered as a write check of store.audit.action, so it runs
inside every audited write after the transaction has taken the write lock (BEGIN IMMEDIATE), and
refuses when this connection's claim has been taken over.  Check and write are one transaction, so a
window that lost the claim never overwrites what the new recorder wrote.  Connections that never
claimed (the CLI commands) are not checked.
"""

from __future__ import annotations

import os
import platform
import uuid
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from store.audit import action, register_write_check
from store.errors import FOLLOWING, RECORDING_LOST, Following, RecordingLost

if TYPE_CHECKING:
    from store.db import Database

__all__ = [
    "FOLLOWING",
    "RECORDING_LOST",
    "Following",
    "RecordingLost",
    "claim",
    "ensure_recorder",
    "holder",
    "is_recording",
    "release",
    "take_over",
]

# Per connection: meeting id → the token it holds, or None while it follows the meeting.
_claims: WeakKeyDictionary[Database, dict[int, str | None]] = WeakKeyDictionary()


class _Held(Exception):
    """Raised inside a claim's transaction to roll it back: the meeting is another process's."""


def _process(pid: int) -> tuple[str, str] | None:
    """(state, start time) of a process from /proc, or None where /proc cannot tell."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return fields[0], fields[19]  # stat fields 3 (state) and 22 (start time since boot)


def _process_identity(pid: int) -> dict:
    process = _process(pid)
    return {"pid": pid, "host": platform.node(), "started": process and process[1]}


def _holder_alive(row: dict) -> bool:
    """True unless the claim's process has certainly ended (or its pid now belongs to another process)."""
    if row["host"] != platform.node():
        return True  # cannot be checked from here: only an explicit take-over frees it
    try:
        os.kill(row["pid"], 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # another user's process: it exists
    process = _process(row["pid"])
    if process is None:
        return not os.path.exists("/proc/self/stat")  # gone between the two looks, or no /proc
    state, started = process
    return state != "Z" and (row["started"] is None or row["started"] == started)


def holder(db: Database, meeting_id: int) -> dict | None:
    """The meeting's claim row (token, pid, host, started, since), or None when nobody records it."""
    rows = list(db.query("SELECT * FROM recorders WHERE meeting_id = ?", [meeting_id]))
    return rows[0] if rows else None


def live_recorders(db: Database) -> list[dict]:
    """Every claim whose process still records (on another host: cannot be checked, so counted)."""
    return [row for row in db.query("SELECT * FROM recorders") if _holder_alive(row)]


def _write_claim(act, meeting_id: int, current: dict | None) -> str:
    token = uuid.uuid4().hex
    values = {"token": token, **_process_identity(os.getpid()), "since": act.at}
    if current is None:
        act.insert("recorders", {"meeting_id": meeting_id, **values})
    else:
        act.update("recorders", current["id"], **values)
    return token


def claim(db: Database, meeting_id: int) -> bool:
    """Record the meeting from this connection if no live process does; False means: follow it."""
    claims = _claims.setdefault(db, {})
    try:
        with action(db, None, f"Optager møde {meeting_id}", undoable=False) as act:
            current = holder(db, meeting_id)
            if current is not None and _holder_alive(current):
                raise _Held
            token = _write_claim(act, meeting_id, current)
    except _Held:
        token = None
    claims[meeting_id] = token
    return token is not None


def claim_token(db: Database, meeting_id: int) -> str | None:
    """The token this connection holds on the meeting (None: it follows it, or never claimed it)."""
    return _claims.get(db, {}).get(meeting_id)


def take_over(db: Database, meeting_id: int) -> None:
    """The explicit action: this connection records the meeting from now on; the old holder's writes are refused."""
    claims = _claims.setdefault(db, {})
    previous = claims.pop(meeting_id, None)  # while taking over, this connection is not checked
    token = None
    try:
        with action(db, meeting_id, "Optagelsen overtaget", allow_locked=True, undoable=False) as act:
            token = _write_claim(act, meeting_id, holder(db, meeting_id))
    finally:
        claims[meeting_id] = token or previous


def release(db: Database, meeting_id: int) -> None:
    """Give the meeting free (on a clean exit) if this connection still records it."""
    token = _claims.get(db, {}).pop(meeting_id, None)
    if token is None:
        return
    try:
        with action(db, None, f"Optagelse afsluttet: møde {meeting_id}", undoable=False) as act:
            current = holder(db, meeting_id)
            if current is None or current["token"] != token:
                raise _Held
            act.delete("recorders", current["id"])
    except _Held:
        pass


def is_recording(db: Database, meeting_id: int) -> bool:
    """True while this connection holds the meeting's claim."""
    token = _claims.get(db, {}).get(meeting_id)
    row = holder(db, meeting_id)
    return token is not None and row is not None and row["token"] == token


@register_write_check
def ensure_recorder(db: Database, meeting_id: int | None) -> None:
    """Inside an audited write: refuse it when this connection follows the meeting or lost its claim."""
    claims = _claims.get(db)
    if meeting_id is None or not claims or meeting_id not in claims:
        return
    token = claims[meeting_id]
    if token is None:
        raise Following(FOLLOWING)
    row = db.execute("SELECT token FROM recorders WHERE meeting_id = ?", [meeting_id]).fetchone()
    if row is None or row[0] != token:
        raise RecordingLost(RECORDING_LOST)
