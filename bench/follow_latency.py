"""Follow mode: how soon a second `referat run` shows what the recording process commits, and what an idle
follower costs.

This process records the demo meeting (it holds the claim); `referat run` (follow mode) and `referat chair`
run in pseudo-terminals (the pty/pyte harness of tests/e2e/test_e2e_pty.py).  Each change is a real commit
here, at a random moment (0–0.5 s after the previous one was seen, so commits do not fall into step
with the followers' looks); the delay is from the commit's return to the screen showing it.  Then both followers
sit idle for 30 s and their CPU time (utime + stime from /proc) is read before and after.  Last, what
claiming the meeting adds to `referat run`'s startup (and releasing it to its exit): median of ROUNDS.
Run: python bench/follow_latency.py   (needs the test extras: pyte, pytest)
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from pty_support import Terminal  # noqa: E402
from startup import cpu_seconds  # noqa: E402

from store.agenda import agenda, set_current_item  # noqa: E402
from store.attendance import attendance_list, set_status  # noqa: E402
from store.db import open_database  # noqa: E402
from store.demo import prepare_demo  # noqa: E402
from store.recorder import claim, release  # noqa: E402

ROUNDS = 20
IDLE_SECONDS = 30


def seen_after(terminal: Terminal, needle: str, start: float) -> float:
    """Milliseconds from `start` until `needle` is on the terminal's screen."""
    while needle not in terminal.text():
        terminal.pump(0.005)
        if time.perf_counter() - start > 10:
            raise SystemExit(f"{needle!r} never appeared:\n{terminal.text()}")
    return (time.perf_counter() - start) * 1000


def idle_cost(terminals: list[Terminal]) -> list[float]:
    before = [cpu_seconds(terminal.process.pid) for terminal in terminals]
    deadline = time.monotonic() + IDLE_SECONDS
    while time.monotonic() < deadline:
        for terminal in terminals:
            terminal.pump(0.05)  # keep draining the ptys (the clocks redraw every second)
    return [cpu_seconds(terminal.process.pid) - start for terminal, start in zip(terminals, before)]


def claim_cost(db_path: Path, meeting_id: int) -> tuple[list[float], list[float]]:
    """Milliseconds per claim and per release, each a committed (synchronous=FULL) action on a fresh connection."""
    claims, releases = [], []
    for _ in range(ROUNDS):
        db = open_database(db_path)
        start = time.perf_counter()
        assert claim(db, meeting_id)
        claims.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        release(db, meeting_id)
        releases.append((time.perf_counter() - start) * 1000)
        db.close()
    return claims, releases


def report(label: str, delays: list[float]) -> None:
    print(
        f"{label}: median {statistics.median(delays):.0f} ms, min {min(delays):.0f} ms, "
        f"max {max(delays):.0f} ms ({len(delays)} commits)"
    )


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    db_path = folder / "demo.db"
    meeting_id = prepare_demo(db_path)
    db = open_database(db_path)
    assert claim(db, meeting_id)
    follower = Terminal("run", str(meeting_id), "--db", str(db_path))
    chair = Terminal("chair", str(meeting_id), "--db", str(db_path))
    try:
        follower.wait_for("Følger mødet")
        chair.wait_for("Mødet er ikke åbnet endnu")
        member = attendance_list(db, meeting_id)[-1]["person_id"]
        quorum, current = [], []
        for round_ in range(ROUNDS):
            follower.pump(random.uniform(0, 0.5))
            status, shown = ("afbud", "4 af 5") if round_ % 2 == 0 else ("til stede", "5 af 5")
            set_status(db, meeting_id, member, status)
            quorum.append(seen_after(follower, f"Beslutningsdygtigt: {shown} til stede", time.perf_counter()))
        follower.press("f3")
        items = agenda(db, meeting_id)
        for round_ in range(ROUNDS):
            follower.pump(random.uniform(0, 0.5))
            item = items[round_ % 2 + 1]
            set_current_item(db, meeting_id, item["id"])
            start = time.perf_counter()
            on_follower = seen_after(follower, f"Punkt {item['number']}. {item['title'][:20]}", start)
            current.append(max(on_follower, seen_after(chair, item["title"][:20], start)))
        report("quorum change → follower's screen", quorum)
        report("current item change → follower's and chair's screens (the later of the two)", current)
        follower_cpu, chair_cpu = idle_cost([follower, chair])
        print(
            f"idle for {IDLE_SECONDS} s: follower (referat run) {follower_cpu:.2f} s CPU "
            f"({follower_cpu / IDLE_SECONDS:.1%}), chair screen {chair_cpu:.2f} s CPU ({chair_cpu / IDLE_SECONDS:.1%})"
        )
    finally:
        follower.quit()
        chair.quit()
    release(db, meeting_id)
    claims, releases = claim_cost(db_path, meeting_id)
    print(
        f"claim at startup: median {statistics.median(claims):.1f} ms (max {max(claims):.1f}); "
        f"release at exit: median {statistics.median(releases):.1f} ms (max {max(releases):.1f})"
    )


if __name__ == "__main__":
    main()
