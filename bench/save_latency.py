"""Save latency: 1,000 decisions through the store API against 1,000 raw sqlite3 insert+commit.

All use the same pragmas (WAL, synchronous=FULL) and run interleaved, one of each per round
with the order rotating, so a busy disk or CPU weighs on all alike. Prints p50/p99 of each
and the ratio to the floor. A third series writes by hand, in one transaction with bare
sqlite3 calls, exactly the rows one decision writes (the `actions` row, the decision, the
changed items and meeting, one `audit_log` row per value) into a referat database: the
least an audited decision can cost with this schema.
Run: python bench/save_latency.py
(TMPDIR=/dev/shm python bench/save_latency.py takes the disk out: what is left is CPU.)
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.audit import action  # noqa: E402
from store.committees import add_committee  # noqa: E402
from store.db import Database, open_database  # noqa: E402
from store.decisions import record_outcome  # noqa: E402
from store.meetings import create_meeting  # noqa: E402
from store.recorder import claim  # noqa: E402

N = 1000
LOG = (
    "INSERT INTO audit_log (action_id, at, meeting_id, entity, entity_id, field, old, new) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1]


def meeting_with_items(path: Path) -> tuple[Database, int, list[int]]:
    """A store database holding one meeting of N items, none decided, claimed for recording as `referat run` does
    (so every decision also checks the claim, as in the TUI)."""
    db = open_database(path)
    add_committee(db, "Benchudvalget")
    meeting_id = create_meeting(db, "Benchudvalget", "2027-01-25", "16:00")
    with action(db, meeting_id, "punkter") as act:
        item_ids = [
            act.insert("items", {"meeting_id": meeting_id, "number": str(i), "position": i, "title": f"Punkt {i}"})
            for i in range(1, N + 1)
        ]
    if not claim(db, meeting_id):
        raise SystemExit("the bench meeting could not be claimed for recording")
    return db, meeting_id, item_ids


def floor_connection(folder: Path) -> sqlite3.Connection:
    """A bare sqlite3 database with the store's pragmas and one table."""
    conn = sqlite3.connect(folder / "raw.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE decisions (id INTEGER PRIMARY KEY, item_id INTEGER, outcome TEXT)")
    return conn


def raw_insert(conn: sqlite3.Connection, item_id: int) -> None:
    """The floor: one bare insert, committed."""
    conn.execute("BEGIN")
    conn.execute("INSERT INTO decisions (item_id, outcome) VALUES (?, ?)", [item_id, "Godkendt"])
    conn.execute("COMMIT")


def hand_written(conn: sqlite3.Connection, meeting_id: int, item_id: int, following: int | None) -> None:
    """One decision's writes, by hand: no reads, no checks, the same rows and triggers."""
    at = "2027-01-25T16:00:00+01:00"
    conn.execute("BEGIN")
    action_id = conn.execute(
        "INSERT INTO actions (meeting_id, label, at, undoable) VALUES (?, ?, ?, 1)", [meeting_id, "Beslutning", at]
    ).lastrowid
    row = conn.execute(
        "INSERT INTO decisions (item_id, decided_at, outcome) VALUES (?, ?, ?) RETURNING *", [item_id, at, "Godkendt"]
    ).fetchone()
    conn.execute(
        LOG,
        [
            action_id,
            at,
            meeting_id,
            "decisions",
            row[0],
            None,
            None,
            json.dumps(dict(zip(("id", "item_id", "outcome", "text", "decided_at"), row))),
        ],
    )
    conn.execute("UPDATE items SET finished_at = ? WHERE id = ?", [at, item_id])
    conn.execute(LOG, [action_id, at, meeting_id, "items", item_id, "finished_at", None, json.dumps(at)])
    conn.execute("UPDATE meetings SET current_item_id = ? WHERE id = ?", [following, meeting_id])
    conn.execute(
        LOG,
        [
            action_id,
            at,
            meeting_id,
            "meetings",
            meeting_id,
            "current_item_id",
            json.dumps(item_id),
            json.dumps(following),
        ],
    )
    if following:
        conn.execute("UPDATE items SET started_at = ? WHERE id = ?", [at, following])
        conn.execute(LOG, [action_id, at, meeting_id, "items", following, "started_at", None, json.dumps(at)])
    conn.execute("COMMIT")


def latencies(folder: Path) -> dict[str, list[float]]:
    """Per series, N commits in ms; each round runs one of each, the order rotating round by round."""
    db, _, item_ids = meeting_with_items(folder / "store.db")
    by_hand, hand_meeting, hand_items = meeting_with_items(folder / "hand.db")
    conn = floor_connection(folder)
    steps: dict[str, Callable[[int], None]] = {
        "store record_outcome": lambda i: record_outcome(db, item_ids[i], "Godkendt"),
        "same writes by hand": lambda i: hand_written(
            by_hand, hand_meeting, hand_items[i], hand_items[i + 1] if i + 1 < N else None
        ),
        "raw sqlite3 floor": lambda i: raw_insert(conn, i),
    }
    times: dict[str, list[float]] = {name: [] for name in steps}
    names = list(steps)
    for i in range(N):
        for name in names[i % 3 :] + names[: i % 3]:
            start = time.perf_counter()
            steps[name](i)
            times[name].append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        times = latencies(Path(folder))
    floor = times["raw sqlite3 floor"]
    for name, values in times.items():
        print(
            f"{name:22s} p50 {statistics.median(values):6.2f} ms   p99 {percentile(values, 99):6.2f} ms   "
            f"p50 ratio to floor {statistics.median(values) / statistics.median(floor):5.2f}x"
        )
    for name in ("store record_outcome", "same writes by hand"):
        extra = statistics.median(s - f for s, f in zip(times[name], floor))
        print(f"{name} minus floor, median of the {N:,} pairs: {extra:.2f} ms")
    print(
        f"load average over the last minute: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
        "(a busy disk makes every commit slow and hides the difference)"
    )


if __name__ == "__main__":
    main()
