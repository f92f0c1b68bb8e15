"""The audit log's hash chain in an archive: chaining an existing log, and `referat verify`.

Builds (or reuses, --db) the synthetic archive of bench/archive.py (every meeting imported as
godkendt, so sealed), then prints:
- the audit log's rows and the time to chain all of them, as the upgrade to the chained log
  does once (here inside a transaction that is rolled back, so the archive is left as it was);
- `verify_meeting` on --sample approved meetings spread over the archive: p50 and the slowest;
- an estimate of what the check adds to `referat export --all`: p50 × the approved meetings.

Run: python bench/chain.py [--scale 0.1] [--sample 20] [--db PATH]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from archive import generate  # noqa: E402

from store.chain import rehash_all  # noqa: E402
from store.db import open_database  # noqa: E402
from store.verify import verify_meeting  # noqa: E402


def chain_seconds(db) -> float:
    """Seconds to chain the whole log once, in a transaction rolled back afterwards."""
    db.execute("BEGIN")
    try:
        db.execute("DROP TRIGGER audit_log_no_update")
        started = time.perf_counter()
        rehash_all(db)
        return time.perf_counter() - started
    finally:
        db.execute("ROLLBACK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=0.1, help="fraction of the 2,200 meetings")
    parser.add_argument("--sample", type=int, default=20, help="approved meetings to verify")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--db", type=Path, help="keep (or reuse) the archive here")
    args = parser.parse_args()
    print(f"Maskinens belastning (load average, 1 min) ved start: {os.getloadavg()[0]:.1f} på {os.cpu_count()} kerner")
    with tempfile.TemporaryDirectory(prefix="referat-chain-") as folder:
        path = args.db or Path(folder) / "arkiv.db"
        if not path.exists():
            seconds, _ = generate(path, args.scale, args.seed)
            print(f"Arkivet er bygget på {seconds:.1f} s")
        db = open_database(path)
        rows = db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        approved = [row[0] for row in db.execute("SELECT meeting_id FROM approval_seals ORDER BY meeting_id")]
        print(f"Ændringslog: {rows:,} rækker; godkendte møder: {len(approved):,}".replace(",", "."))
        seconds = chain_seconds(db)
        print(f"Kæde hele loggen (opgraderingen): {seconds:.2f} s, {seconds / max(rows, 1) * 1e6:.1f} µs pr. række")
        step = max(1, len(approved) // max(args.sample, 1))
        timings, failed = [], 0
        for meeting_id in approved[::step][: args.sample]:
            started = time.perf_counter()
            failed += not verify_meeting(db, meeting_id).ok
            timings.append(time.perf_counter() - started)
        if timings:
            p50 = statistics.median(timings)
            print(
                f"referat verify (lageret): p50 {p50 * 1000:.1f} ms, langsomste {max(timings) * 1000:.1f} ms "
                f"over {len(timings)} møder; {failed} stemte ikke"
            )
            print(f"Kontrollen ved export --all: ca. {p50 * len(approved):.1f} s for {len(approved)} godkendte møder")
        db.close()


if __name__ == "__main__":
    main()
