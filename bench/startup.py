"""Startup: process start to the first frame showing the agenda, against a minimal Textual app (the floor).

Both run as real processes in a pseudo-terminal (100×30, TERM=xterm-256color); the clock stops when the
emulated screen (pyte) first shows the marker text.  `referat run` (the installed console script) opens the
bundled demo meeting with item 1 current, so it starts on Dagsorden; the agenda counts as shown when the
list has every title in full (so it is laid out), the current item, the digit line and the key line.
referat's modules are compiled to bytecode first, as `pip install` does (with PYTHONDONTWRITEBYTECODE set, a
checkout would otherwise compile them at every start).
Prints the median of RUNS runs each and the ratio; the same for the CPU time each process had used by then
(read from /proc when the frame is seen, in nanoseconds), which a busy machine disturbs less than the wall
clock; the CPU time of the process `referat run` forks to open the meeting (tui/startup.py), which runs on
the other core and is not in referat's figure; and the CPU time of importing each layer, in a fresh process.

Run: python bench/startup.py [RUNS]
"""

from __future__ import annotations

import compileall
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
RUN_REFERAT = "import sys; from cli import entry_point; sys.argv[0] = 'referat'; entry_point()"
HELLO_SHOWN = ["Hej verden"]
AGENDA_SHOWN = ["Punkt 1. Godkendelse af dagsorden", "Integrationsrådets beretning 2016", "1 Godkendt",
                "e Fritekst"]
IMPORTS = """
import time
clock = time.process_time
marks = [clock()]
import cli, store.opening
marks.append(clock())
import textual.app
marks.append(clock())
import tui.app, tui.screens.agenda
marks.append(clock())
import sqlite_utils
marks.append(clock())
print(*(after - before for before, after in zip(marks, marks[1:])))
"""


def child_cpu_seconds(pid: int) -> float:
    """CPU time of the process's children that have ended and been waited for (/proc/PID/stat, clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """CPU time the process (all its threads) has used so far: from /proc/PID/task/*/schedstat (nanoseconds),
    else from /proc/PID/stat (clock ticks, 10 ms: too coarse for a ratio of about 1.3)."""
    try:
        return sum(int((task / "schedstat").read_text().split()[0]) for task in Path(f"/proc/{pid}/task").iterdir()) / 1e9
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
        self.process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT,
                                        start_new_session=True)
        os.close(slave)

    def wait_for(self, *markers: str, timeout: float = 30) -> tuple[float, float]:
        """(wall seconds since the start, CPU seconds of the process) when every marker is on the screen;
        `children_cpu` then holds the CPU seconds of its ended children."""
        while time.perf_counter() - self.started < timeout:
            ready, _, _ = select.select([self.master], [], [], 0.005)
            if ready:
                output = os.read(self.master, 65536)
                read_at = (time.perf_counter() - self.started, cpu_seconds(self.process.pid))  # before pyte's work
                self.children_cpu = child_cpu_seconds(self.process.pid)
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


def time_to_screen(command: list[str], markers: list[str], timeout: float = 30) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds of the process, CPU seconds of its ended children) from starting `command` on a
    pty until all `markers` are shown."""
    session = PtySession(command)
    try:
        return (*session.wait_for(*markers, timeout=timeout), session.children_cpu)
    finally:
        session.close()


def referat_command(*args: str) -> list[str]:
    """The `referat` console script of this environment (or cli.py through Python) with `args`."""
    script = Path(sys.executable).parent / "referat"
    return ([str(script)] if script.exists() else [sys.executable, "-c", RUN_REFERAT]) + list(args)


def import_times(runs: int) -> tuple[float, ...]:
    """Median CPU seconds, each run in a fresh process (with the cycle collector on), to import in the order
    `referat run` does: cli and store (typer is not imported), then textual.app, then the TUI for Dagsorden; then
    sqlite-utils, which only the forked opening process imports before the first frame."""
    samples = [
        [float(x) for x in subprocess.run([sys.executable, "-c", IMPORTS], cwd=ROOT, capture_output=True, text=True,
                                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True).stdout.split()]
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

    time_to_screen(hello, HELLO_SHOWN)  # warm the file cache for both
    time_to_screen(referat, AGENDA_SHOWN)
    floor, ours = [], []
    for _ in range(runs):  # interleaved, so both see the same machine load
        floor.append(time_to_screen(hello, HELLO_SHOWN))
        ours.append(time_to_screen(referat, AGENDA_SHOWN))
    (floor_wall, floor_cpu), (ours_wall, ours_cpu) = (
        (statistics.median(wall for wall, _, _ in samples), statistics.median(cpu for _, cpu, _ in samples))
        for samples in (floor, ours))
    print(f"Kommando: {' '.join(referat[:3])} …")
    print(f"Textual hello-world (gulvet): median {ms(floor_wall)} over {runs} kørsler "
          f"(min {ms(min(wall for wall, _, _ in floor))}, max {ms(max(wall for wall, _, _ in floor))})")
    print(f"referat run, Dagsorden vist: median {ms(ours_wall)} over {runs} kørsler "
          f"(min {ms(min(wall for wall, _, _ in ours))}, max {ms(max(wall for wall, _, _ in ours))})")
    print(f"Forhold: {ours_wall / floor_wall:.2f}× gulvet (mål: ≤ 1,3×)")
    print(f"CPU-tid til samme billede (median): gulvet {ms(floor_cpu)}, referat {ms(ours_cpu)}, "
          f"forhold {ours_cpu / floor_cpu:.2f}×")
    print(f"Den gaflede proces, der åbner mødet (på den anden kerne): CPU-tid median "
          f"{ms(statistics.median(children for _, _, children in ours))} (ikke med i referats tal ovenfor)")
    cli_import, textual_import, tui_import, sqlite_utils_import = import_times(runs)
    print(f"Import, CPU-tid (median, hver i sin egen proces): cli og store {ms(cli_import)}, derefter "
          f"textual.app {ms(textual_import)}, TUI til Dagsorden {ms(tui_import)}; sqlite-utils (kun i den gaflede "
          f"proces før første billede) {ms(sqlite_utils_import)}")


if __name__ == "__main__":
    main()
