"""Lookups that must not read a whole table: in a ten-year archive (bench/archive.py) each would cost ~O(archive).

Every SELECT a store call runs is captured (sqlite3 trace callback) and explained; the tables listed
must be searched through an index, never scanned.
"""

from __future__ import annotations

import re

from export_support import sample_meeting
from tui_support import make_database

from store.agenda import agenda
from store.audit import undo_last
from store.db import open_database
from store.decisions import record_outcome
from store.meetings import load_meeting, save_meeting
from store.search import search

ARCHIVE_SIZED = ("audit_log", "approvals", "amendments", "items", "meetings", "sections")
TABLE_ALIAS = re.compile(
    r"\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(?!(?:WHERE|ON|JOIN|LEFT|INNER|CROSS|ORDER|GROUP|"
    r"LIMIT|UNION|USING)\b)(\w+))?",
    re.IGNORECASE,
)


def scanned_tables(db, call) -> set[str]:
    """The ARCHIVE_SIZED tables that some SELECT made by `call()` reads from start to end."""
    statements: list[str] = []
    db.set_trace_callback(statements.append)
    try:
        call()
    finally:
        db.set_trace_callback(None)
    selects = [sql for sql in statements if sql.lstrip().upper().startswith(("SELECT", "WITH"))]
    assert selects, "the call ran no SELECT at all"
    scanned = set()
    for sql in selects:
        names = {alias or table: table for table, alias in TABLE_ALIAS.findall(sql)}  # a plan names the alias
        for row in db.execute("EXPLAIN QUERY PLAN " + sql):
            if row[3].startswith("SCAN "):
                name = row[3].split()[1]
                scanned.add(names.get(name, name))
    return scanned & set(ARCHIVE_SIZED)


def test_undo_reads_the_actions_audit_rows_through_an_index(db_path):
    meeting_id = make_database(db_path)
    db = open_database(db_path)
    record_outcome(db, agenda(db, meeting_id)[0]["id"], "Godkendt")
    assert scanned_tables(db, lambda: undo_last(db, meeting_id)) == set()
    assert agenda(db, meeting_id)[0]["outcome"] is None  # the undo really happened


def test_undo_does_not_read_every_audit_row_of_the_meeting(db_path):
    """The meeting's audit rows grow with its agenda (2,000 items: tens of thousands): undo's lookups seek the
    rows they need by entity and field, not all the meeting's rows through the meeting's index alone."""
    meeting_id = make_database(db_path)
    db = open_database(db_path)
    record_outcome(db, agenda(db, meeting_id)[0]["id"], "Godkendt")
    statements: list[str] = []
    db.set_trace_callback(statements.append)
    undo_last(db, meeting_id)
    db.set_trace_callback(None)
    plans = [
        row[3]
        for sql in statements
        if sql.lstrip().upper().startswith("SELECT") and "audit_log" in sql
        for row in db.execute("EXPLAIN QUERY PLAN " + sql)
    ]
    assert plans
    assert not [plan for plan in plans if plan.startswith("SEARCH audit_log") and plan.endswith("(meeting_id=?)")]


def test_loading_a_meeting_reads_approvals_and_amendments_through_an_index(db):
    meeting_id = save_meeting(db, sample_meeting())
    loaded = []
    assert scanned_tables(db, lambda: loaded.append(load_meeting(db, meeting_id))) == set()
    assert [a.member for a in loaded[0].approvals] == ["Benthe Viola Holm (A)", "Ivan Fogtmann (O)"]
    assert sum(len(item.amendments) for item in loaded[0].items) == 2


def test_search_ranks_through_the_full_text_index(db):
    save_meeting(db, sample_meeting())
    hits = []
    assert scanned_tables(db, lambda: hits.extend(search(db, "bevilling"))) == set()
    assert hits and all("[" in hit["snippet"] for hit in hits)
