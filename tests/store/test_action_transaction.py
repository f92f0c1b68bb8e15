"""Every action checks and writes in one write transaction (BEGIN IMMEDIATE): another process cannot commit in
between, so a write that waited for the lock while the referat was approved is refused, not applied."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from tui_support import make_database, outcomes

from store.agenda import agenda
from store.audit import LOCKED_MESSAGE, action, register_write_check, write_checks
from store.db import open_database
from store.decisions import record_outcome
from store.errors import StoreError


def test_a_write_waiting_for_the_lock_while_the_approval_commits_is_refused_not_applied(tmp_path):
    path = tmp_path / "referat.db"
    meeting_id = make_database(path)
    db = open_database(path)
    first = agenda(db, meeting_id)[0]["id"]
    approver = sqlite3.connect(path, isolation_level=None, timeout=5)  # another process approving right now
    approver.execute("BEGIN IMMEDIATE")
    approver.execute("UPDATE meetings SET status = 'godkendt' WHERE id = ?", [meeting_id])
    result: dict[str, str] = {}

    def secretary_records() -> None:
        try:
            record_outcome(db, first, "Godkendt")
            result["saved"] = "yes"
        except StoreError as error:
            result["refused"] = str(error)

    writer = threading.Thread(target=secretary_records)
    writer.start()
    time.sleep(0.5)  # the write now waits for the approver's lock (busy timeout)
    approver.execute("COMMIT")
    writer.join()
    approver.close()
    assert result == {"refused": LOCKED_MESSAGE}
    assert outcomes(path, meeting_id)[0] is None
    assert not db.in_transaction


def test_a_registered_write_check_runs_inside_the_transaction_and_refuses(db):
    seen: list[bool] = []

    def refuse(database, meeting_id) -> None:
        seen.append(database.in_transaction)
        raise StoreError("Nej.")

    register_write_check(refuse)
    try:
        with pytest.raises(StoreError, match="Nej."), action(db, None, "noget") as act:
            act.insert("settings", {"key": "k", "value": "v"})
    finally:
        write_checks.remove(refuse)
    assert seen == [True]
    assert db.execute("SELECT count(*) FROM settings").fetchone()[0] == 0
    assert not db.in_transaction
