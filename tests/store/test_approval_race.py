"""Approvals given at the same moment by two real processes.

Each process reads the approvals slowly (a pause right after the read, as on a slow or busy disk),
so without the checks inside the write transaction both would decide on a stale list.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import time

import pytest
from tui_support import make_database

from store.agenda import close_meeting, open_meeting
from store.approval import approvals, approve, taking_part
from store.db import open_database
from store.meetings import get_meeting


def _approve_in_process(path, meeting_id, name, start, results) -> None:
    """Child process: approve as `name` when `start` is released; put ("ok"|message) on `results`."""
    import store.approval
    from store.errors import StoreError

    read = store.approval.approvals

    def slow_read(db, meeting):
        rows = read(db, meeting)
        time.sleep(0.3)
        return rows

    store.approval.approvals = slow_read
    db = open_database(path)
    start.wait()
    try:
        store.approval.approve(db, meeting_id, name)
        results.put("ok")
    except StoreError as error:
        results.put(str(error))
    finally:
        db.close()


def race(path, meeting_id, names: list[str]) -> list[str]:
    """Approve as each of `names` in its own process, all released at once; returns each outcome."""
    context = multiprocessing.get_context("fork")
    start = context.Barrier(len(names))
    results = context.Queue()
    processes = [
        context.Process(target=_approve_in_process, args=(path, meeting_id, name, start, results)) for name in names
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(30)
        assert process.exitcode == 0
    return sorted(results.get(timeout=5) for _ in names)


@pytest.fixture
def adjourned(tmp_path):
    """A closed meeting of five members, three of whom have approved; yields (path, id, the other two)."""
    path = tmp_path / "referat.db"
    meeting_id = make_database(path)
    db = open_database(path)
    open_meeting(db, meeting_id)
    close_meeting(db, meeting_id)
    names = [row["name"] for row in taking_part(db, meeting_id)]
    for name in names[:3]:
        approve(db, meeting_id, name)
    db.close()
    return path, meeting_id, names[3:]


def test_the_last_two_members_approving_at_once_lock_the_referat(adjourned):
    path, meeting_id, last_two = adjourned
    assert race(path, meeting_id, last_two) == ["ok", "ok"]
    db = open_database(path)
    assert len(approvals(db, meeting_id)) == 5
    assert get_meeting(db, meeting_id)["status"] == "godkendt"


def test_the_same_member_approving_twice_at_once_is_saved_once(adjourned):
    path, meeting_id, last_two = adjourned
    outcomes = race(path, meeting_id, [last_two[0], last_two[0]])
    assert outcomes == [f"{last_two[0]} har allerede godkendt referatet.", "ok"]
    db = open_database(path)
    assert [row["name"] for row in approvals(db, meeting_id)].count(last_two[0]) == 1
    assert get_meeting(db, meeting_id)["status"] == "hævet"


def test_the_database_refuses_a_second_approval_of_the_same_member(adjourned):
    path, meeting_id, _ = adjourned
    db = open_database(path)
    first = approvals(db, meeting_id)[0]
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        db.execute(
            "INSERT INTO approvals (meeting_id, person_id, at) VALUES (?, ?, ?)",
            [meeting_id, first["person_id"], first["at"]],
        )
