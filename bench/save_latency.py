"""Save latency: 1,000 decisions through the store API against 1,000 raw sqlite3 insert+commit.

Both use the same pragmas (WAL, synchronous=FULL) and run interleaved, one decision then one
raw insert, so a busy disk or CPU weighs on both alike. Prints p50/p99 of each and the ratio.
Run: python bench/save_latency.py
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlite_utils import Database

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.audit import action  # noqa: E402
from store.committees import add_committee  # noqa: E402
from store.db import open_database  # noqa: E402
from store.decisions import record_outcome  # noqa: E402
from store.meetings import create_meeting  # noqa: E402

N = 1000


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1]


def meeting_with_items(folder: Path) -> tuple[Database, list[int]]:
    """A store database holding one meeting of N items, none decided."""
    db = open_database(folder / "store.db")
    add_committee(db, "Benchudvalget")
    meeting_id = create_meeting(db, "Benchudvalget", "2027-01-25", "16:00")
    with action(db, meeting_id, "punkter") as act:
        item_ids = [act.insert("items", {"meeting_id": meeting_id, "number": str(i), "position": i,
                                         "title": f"Punkt {i}"}) for i in range(1, N + 1)]
    return db, item_ids


def floor_connection(folder: Path) -> sqlite3.Connection:
    """A bare sqlite3 database with the store's pragmas and one table."""
    conn = sqlite3.connect(folder / "raw.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE decisions (id INTEGER PRIMARY KEY, item_id INTEGER, outcome TEXT)")
    return conn


def latencies(folder: Path) -> tuple[list[float], list[float]]:
    """Alternate one store decision and one raw insert+commit, so both meet the same disk and CPU load.

    Which of the two goes first swaps every round: neither always follows the other's fsync.
    """
    db, item_ids = meeting_with_items(folder)
    conn = floor_connection(folder)
    store, floor = [], []

    def decide(item_id: int) -> None:
        start = time.perf_counter()
        record_outcome(db, item_id, "Godkendt")
        store.append((time.perf_counter() - start) * 1000)

    def insert(item_id: int) -> None:
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT INTO decisions (item_id, outcome) VALUES (?, ?)", [item_id, "Godkendt"])
        conn.execute("COMMIT")
        floor.append((time.perf_counter() - start) * 1000)

    for round_, item_id in enumerate(item_ids):
        for step in (decide, insert) if round_ % 2 == 0 else (insert, decide):
            step(item_id)
    return store, floor


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store, floor = latencies(Path(folder))
    for name, values in (("store record_outcome", store), ("raw sqlite3 floor", floor)):
        print(f"{name:22s} p50 {statistics.median(values):6.2f} ms   p99 {percentile(values, 99):6.2f} ms")
    print(f"ratio p50 store/floor: {statistics.median(store) / statistics.median(floor):.2f}x")
    extra = statistics.median(s - f for s, f in zip(store, floor))
    print(f"store minus floor, median of the {N:,} pairs: {extra:.2f} ms (what the audited action adds)")
    print(f"load average over the last minute: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          "(a busy disk makes every commit slow and hides the difference)")


if __name__ == "__main__":
    main()
