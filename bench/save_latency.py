"""Save latency: 1,000 decisions through the store API against 1,000 raw sqlite3 insert+commit.

Both use the same pragmas (WAL, synchronous=FULL). Prints p50/p99 of each and the ratio.
Run: python bench/save_latency.py
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.audit import action  # noqa: E402
from store.committees import add_committee  # noqa: E402
from store.db import open_database  # noqa: E402
from store.decisions import record_outcome  # noqa: E402
from store.meetings import create_meeting  # noqa: E402

N = 1000


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1]


def store_latencies(folder: Path) -> list[float]:
    db = open_database(folder / "store.db")
    add_committee(db, "Benchudvalget")
    meeting_id = create_meeting(db, "Benchudvalget", "2027-01-25", "16:00")
    with action(db, meeting_id, "punkter") as act:
        item_ids = [act.insert("items", {"meeting_id": meeting_id, "number": str(i), "position": i,
                                         "title": f"Punkt {i}"}) for i in range(1, N + 1)]
    times = []
    for item_id in item_ids:
        start = time.perf_counter()
        record_outcome(db, item_id, "Godkendt")
        times.append((time.perf_counter() - start) * 1000)
    return times


def floor_latencies(folder: Path) -> list[float]:
    conn = sqlite3.connect(folder / "raw.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE decisions (id INTEGER PRIMARY KEY, item_id INTEGER, outcome TEXT)")
    times = []
    for item_id in range(N):
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT INTO decisions (item_id, outcome) VALUES (?, ?)", [item_id, "Godkendt"])
        conn.execute("COMMIT")
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = store_latencies(Path(folder))
        floor = floor_latencies(Path(folder))
    for name, values in (("store record_outcome", store), ("raw sqlite3 floor", floor)):
        print(f"{name:22s} p50 {statistics.median(values):6.2f} ms   p99 {percentile(values, 99):6.2f} ms")
    print(f"ratio p50 store/floor: {statistics.median(store) / statistics.median(floor):.2f}x")


if __name__ == "__main__":
    main()
