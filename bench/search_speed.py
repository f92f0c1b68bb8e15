"""How long one search takes in a large archive: what "results as you type" (ctrl+f) waits for.

Run: python bench/search_speed.py [COPIES] [FOLDER]
Saves the two whole real referater named in REFERATER_FILES (from FOLDER, default
../shared/referater) COPIES times each into a new database (default 250 each: 500 meetings,
5,000 items) and prints the median
and worst of 20 runs of store.search.search (50 hits, as ctrl+f asks) for a few queries.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.db import open_database  # noqa: E402
from store.importing import parse_file  # noqa: E402
from store.meetings import save_meeting  # noqa: E402
from store.search import search  # noqa: E402

REFERATER = Path(__file__).resolve().parents[2] / "shared" / "referater"
REFERATER_FILES = ["herlev-arbejdsmarkedsudvalget-2022-10-26.md", "hvidovre-arbejdsmarkedsudvalget-2017-05-29.txt"]
QUERIES = ["kontanthjælp", "jobcamp", "beskæftigelse plan", "a"]
RUNS = 20
LIMIT = 50  # as many hits as ctrl+f asks for (tui/modals/search.py HIT_LIMIT)


def main() -> None:
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 250
    folder_of_referater = Path(sys.argv[2]) if len(sys.argv) > 2 else REFERATER
    referater = [parse_file(folder_of_referater / name) for name in REFERATER_FILES]
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "arkiv.db")
        for _ in range(copies):
            for meeting in referater:
                save_meeting(db, meeting)
        meetings, items = (db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("meetings", "items"))
        print(f"archive: {meetings} meetings, {items} items")
        for query in QUERIES:
            times = []
            for _ in range(RUNS):
                start = time.perf_counter()
                hits = search(db, query, limit=LIMIT)
                times.append((time.perf_counter() - start) * 1000)
            print(
                f"search {query!r}: {len(hits)} hits (limit {LIMIT}), median {statistics.median(times):.1f} ms, "
                f"worst {max(times):.1f} ms"
            )
        db.close()


if __name__ == "__main__":
    main()
