"""Startup: process start to the first frame showing the agenda, against a minimal Textual app (the floor).

Both run as real processes in a pseudo-terminal (100×30, TERM=xterm-256color); the clock stops when the
emulated screen (pyte) first shows the marker text.  `referat run` opens the bundled demo meeting with
item 1 current, so it starts on Dagsorden.  Prints the median of RUNS runs each and the ratio.

Run: python bench/startup.py [RUNS]
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

import pyte

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from store.agenda import agenda, set_current_item  # noqa: E402
from store.db import open_database  # noqa: E402
from store.demo import prepare_demo  # noqa: E402

COLUMNS, LINES = 100, 30
HELLO = """
from textual.app import App
from textual.widgets import Static

class Hello(App):
    def compose(self):
        yield Static("Hej verden")

Hello().run()
"""
RUN_REFERAT = "import sys; from cli import app; sys.argv[0] = 'referat'; app()"
IMPORTS = """
import time
started = time.perf_counter()
import textual.app
after_textual = time.perf_counter()
import cli
after_cli = time.perf_counter()
import tui.app
done = time.perf_counter()
print(after_textual - started, after_cli - after_textual, done - after_cli)
"""


class PtySession:
    """A process on a pseudo-terminal (COLUMNS×LINES) whose output is fed to an emulated screen (pyte)."""

    def __init__(self, command: list[str]) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT)}
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.started = time.perf_counter()
        self.process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT,
                                        start_new_session=True)
        os.close(slave)

    def wait_for(self, marker: str, timeout: float = 30) -> float:
        """Seconds from the start until `marker` is on the emulated screen."""
        while time.perf_counter() - self.started < timeout:
            ready, _, _ = select.select([self.master], [], [], 0.005)
            if ready:
                self.stream.feed(os.read(self.master, 65536))
                if any(marker in line for line in self.screen.display):
                    return time.perf_counter() - self.started
        raise SystemExit(f"{marker!r} did not appear within {timeout} s:\n" + "\n".join(self.screen.display))

    def press(self, keys: bytes) -> None:
        """Type raw bytes (escape sequences for function keys) into the terminal."""
        os.write(self.master, keys)

    def close(self) -> None:
        """Kill the process group and release the terminal."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        os.close(self.master)


def time_to_screen(command: list[str], marker: str, timeout: float = 30) -> float:
    """Seconds from starting `command` on a pty until `marker` is on the emulated screen."""
    session = PtySession(command)
    try:
        return session.wait_for(marker, timeout)
    finally:
        session.close()


def referat_command(*args: str) -> list[str]:
    """The `referat` console script of this environment (or cli.py through Python) with `args`."""
    script = Path(sys.executable).parent / "referat"
    return ([str(script)] if script.exists() else [sys.executable, "-c", RUN_REFERAT]) + list(args)


def import_times(runs: int) -> tuple[float, float, float]:
    """Median seconds to import textual.app, then cli (typer, the store), then tui.app, each in a fresh process."""
    samples = [
        [float(x) for x in subprocess.run([sys.executable, "-c", IMPORTS], cwd=ROOT, capture_output=True, text=True,
                                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True).stdout.split()]
        for _ in range(runs)
    ]
    return tuple(statistics.median(column) for column in zip(*samples, strict=True))


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    db_path = Path(tempfile.mkdtemp()) / "demo.db"
    meeting_id = prepare_demo(db_path)
    db = open_database(db_path)
    set_current_item(db, meeting_id, agenda(db, meeting_id)[0]["id"])
    db.close()
    referat = referat_command("run", str(meeting_id), "--db", str(db_path))
    hello = [sys.executable, "-c", HELLO]

    time_to_screen(hello, "Hej verden")  # warm the file cache for both
    time_to_screen(referat, "1 Godkendt")
    floor, ours = [], []
    for _ in range(runs):  # interleaved, so both see the same machine load
        floor.append(time_to_screen(hello, "Hej verden"))
        ours.append(time_to_screen(referat, "1 Godkendt"))
    floor_median, ours_median = statistics.median(floor), statistics.median(ours)
    print(f"Kommando: {' '.join(referat[:3])} …")
    print(f"Textual hello-world (gulvet): median {floor_median * 1000:.0f} ms over {runs} kørsler "
          f"(min {min(floor) * 1000:.0f}, max {max(floor) * 1000:.0f})")
    print(f"referat run, Dagsorden vist: median {ours_median * 1000:.0f} ms over {runs} kørsler "
          f"(min {min(ours) * 1000:.0f}, max {max(ours) * 1000:.0f})")
    print(f"Forhold: {ours_median / floor_median:.2f}× gulvet (mål: ≤ 1,3×)")
    textual_import, cli_import, tui_import = import_times(runs)
    print(f"Heraf import (median): textual.app {textual_import * 1000:.0f} ms, derefter cli (typer, store) "
          f"{cli_import * 1000:.0f} ms, derefter tui.app {tui_import * 1000:.0f} ms")


if __name__ == "__main__":
    main()
