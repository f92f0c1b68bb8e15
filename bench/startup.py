"""Startup: process start to the first frame showing the agenda, and to the first key handled, against a
minimal Textual app (the floor).

Both run as real processes in a pseudo-terminal (100×30, TERM=xterm-256color); the clock stops when the
emulated screen (pyte) first shows the marker text.  `referat run` (the installed console script) opens the
bundled demo meeting with item 1 current, so it starts on Dagsorden; the agenda counts as shown when the
list has every title in full (so it is laid out), the current item, the digit line and the key line.
The moment that frame is seen, ↓ is typed; the key counts as handled when the item pane shows item 2.  The
floor's app shows a line and, on ↓, another.
referat's modules are compiled to bytecode first, as `pip install` does (with PYTHONDONTWRITEBYTECODE set, a
checkout would otherwise compile them at every start).
Prints the median of RUNS runs each and the ratios; the same for the CPU time each process had used by then
(read from /proc when the frame is seen, in nanoseconds), which a busy machine disturbs less than the wall
clock; then the same again with both apps pinned to one core (`taskset -c 0`, where taskset exists); and the
CPU time of importing each layer, in a fresh process, and of sqlite-utils, which `referat run` does not import
when the database's schema is current (store/db.py).

Run: python bench/startup.py [RUNS]
"""

from __future__ import annotations

import compileall
import fcntl
import os
import pty
import select
import shutil
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
    BINDINGS = [("down", "next")]

    def compose(self):
        yield Static("Hej verden")

    def action_next(self):
        self.query_one(Static).update("Hej igen")

Hello().run()
"""
RUN_REFERAT = "import sys; from cli import entry_point; sys.argv[0] = 'referat'; entry_point()"
HELLO_SHOWN = ["Hej verden"]
HELLO_KEY_HANDLED = ["Hej igen"]
AGENDA_SHOWN = ["Punkt 1. Godkendelse af dagsorden", "Integrationsrådets beretning 2016", "1 Godkendt", "e Fritekst"]
AGENDA_KEY_HANDLED = ["Punkt 2. Meddelelser"]
DOWN = b"\x1b[B"
IMPORTS = """
import time
clock = time.process_time
marks = [clock()]
import cli, store.meeting_day
marks.append(clock())
import textual.app
marks.append(clock())
import tui.app, tui.screens.agenda
marks.append(clock())
import sqlite_utils
marks.append(clock())
from typer.main import get_command
get_command(cli.typer_app())
marks.append(clock())
print(*(after - before for before, after in zip(marks, marks[1:])))
"""


def cpu_seconds(pid: int) -> float:
    """CPU time the process (all its threads) has used so far: from /proc/PID/task/*/schedstat (nanoseconds),
    else from /proc/PID/stat (clock ticks, 10 ms: too coarse for a ratio of about 1.3)."""
    try:
        return (
            sum(int((task / "schedstat").read_text().split()[0]) for task in Path(f"/proc/{pid}/task").iterdir()) / 1e9
        )
    except (OSError, ValueError, IndexError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class PtySession:
    """A process on a pseudo-terminal (COLUMNS×LINES) whose output is fed to an emulated screen (pyte)."""

    def __init__(self, command: list[str]) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT)}
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            command, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, start_new_session=True
        )
        os.close(slave)

    def wait_for(self, *markers: str, timeout: float = 30) -> tuple[float, float]:
        """(wall seconds since the start, CPU seconds of the process) when every marker is on the screen."""
        while time.perf_counter() - self.started < timeout:
            ready, _, _ = select.select([self.master], [], [], 0.005)
            if ready:
                output = os.read(self.master, 65536)
                while select.select([self.master], [], [], 0)[0]:  # the rest of a frame already written
                    output += os.read(self.master, 65536)
                # stamped before pyte's work: emulating the frame's first part before reading its rest would
                # stamp that rest late by pyte's time (a big frame comes in several reads)
                read_at = (time.perf_counter() - self.started, cpu_seconds(self.process.pid))
                self.stream.feed(output)
                text = "\n".join(self.screen.display)
                if all(marker in text for marker in markers):
                    return read_at
        raise SystemExit(f"{markers!r} did not all appear within {timeout} s:\n" + "\n".join(self.screen.display))

    def press(self, keys: bytes) -> None:
        """Type raw bytes (escape sequences for function keys) into the terminal."""
        os.write(self.master, keys)

    def close(self) -> None:
        """Kill the process group and release the terminal."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        os.close(self.master)


def time_to_screen(
    command: list[str], markers: list[str], key_markers: list[str], timeout: float = 30
) -> tuple[float, float, float, float]:
    """(wall seconds, CPU seconds of the process) from starting `command` on a pty until all `markers` are shown,
    then the same until ↓, typed at that moment, has been handled (all `key_markers` shown)."""
    session = PtySession(command)
    try:
        frame = session.wait_for(*markers, timeout=timeout)
        session.press(DOWN)
        return (*frame, *session.wait_for(*key_markers, timeout=timeout))
    finally:
        session.close()


def referat_command(*args: str) -> list[str]:
    """The `referat` console script of this environment (or cli.py through Python) with `args`."""
    script = Path(sys.executable).parent / "referat"
    return ([str(script)] if script.exists() else [sys.executable, "-c", RUN_REFERAT]) + list(args)


def import_times(runs: int) -> tuple[float, ...]:
    """Median CPU seconds, each run in a fresh process (with the cycle collector on), to import in the order
    `referat run` does: cli and the store's meeting day (typer is not imported), then textual.app, then the TUI
    for Dagsorden; then sqlite-utils, which only migrations and other commands import; then typer and its
    parsing of the command line, which a plain `referat run` skips (cli.py `entry_point`)."""
    samples = [
        [
            float(x)
            for x in subprocess.run(
                [sys.executable, "-c", IMPORTS],
                cwd=ROOT,
                capture_output=True,
                text=True,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                check=True,
            ).stdout.split()
        ]
        for _ in range(runs)
    ]
    return tuple(statistics.median(column) for column in zip(*samples, strict=True))


def ms(seconds: float) -> str:
    """Milliseconds for printing: one decimal below 10 ms."""
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    compileall.compile_file(ROOT / "cli.py", quiet=1)
    for package in ("store", "tui"):
        compileall.compile_dir(ROOT / package, quiet=1)
    db_path = Path(tempfile.mkdtemp()) / "demo.db"
    meeting_id = prepare_demo(db_path)
    db = open_database(db_path)
    set_current_item(db, meeting_id, agenda(db, meeting_id)[0]["id"])
    db.close()
    referat = referat_command("run", str(meeting_id), "--db", str(db_path))
    hello = [sys.executable, "-c", HELLO]

    time_to_screen(hello, HELLO_SHOWN, HELLO_KEY_HANDLED)  # warm the file cache for both
    time_to_screen(referat, AGENDA_SHOWN, AGENDA_KEY_HANDLED)
    print(f"Kommando: {' '.join(referat[:3])} …  (belastning {os.getloadavg()[0]:.1f})")
    compare(hello, referat, runs)
    taskset = shutil.which("taskset")
    if taskset:
        print("På én kerne (taskset -c 0):")
        compare([taskset, "-c", "0", *hello], [taskset, "-c", "0", *referat], runs)
    cli_import, textual_import, tui_import, sqlite_utils_import, typer_parsing = import_times(runs)
    print(
        f"Import, CPU-tid (median, hver i sin egen proces): cli og store {ms(cli_import)}, derefter "
        f"textual.app {ms(textual_import)}, TUI til Dagsorden {ms(tui_import)}; ikke på vejen til "
        f"`referat run`: sqlite-utils (kun ved migrering og andre kommandoer) {ms(sqlite_utils_import)}, "
        f"typer og dens fortolkning af kommandolinjen {ms(typer_parsing)}"
    )


def compare(hello: list[str], referat: list[str], runs: int) -> None:
    """Start the floor and referat `runs` times each, interleaved, and print the medians and ratios."""
    floor, ours = [], []
    for _ in range(runs):  # interleaved, so both see the same machine load
        floor.append(time_to_screen(hello, HELLO_SHOWN, HELLO_KEY_HANDLED))
        ours.append(time_to_screen(referat, AGENDA_SHOWN, AGENDA_KEY_HANDLED))
    for index, what in ((0, "første billede"), (2, "første tast behandlet")):
        floor_wall = statistics.median(sample[index] for sample in floor)
        ours_wall = statistics.median(sample[index] for sample in ours)
        floor_cpu = statistics.median(sample[index + 1] for sample in floor)
        ours_cpu = statistics.median(sample[index + 1] for sample in ours)
        print(
            f"{what}: gulvet median {ms(floor_wall)}, referat median {ms(ours_wall)} over {runs} kørsler "
            f"(referat min {ms(min(s[index] for s in ours))}, max {ms(max(s[index] for s in ours))}) → "
            f"{ours_wall / floor_wall:.2f}× (mål: ≤ 1,4×); CPU-tid {ms(floor_cpu)} mod {ms(ours_cpu)} → "
            f"{ours_cpu / floor_cpu:.2f}×"
        )


if __name__ == "__main__":
    main()
