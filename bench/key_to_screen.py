"""Key to screen: the real `referat run` on a pseudo-terminal, a key typed, the time until its frame is written.

The app runs as a process of its own on a pseudo-terminal (100×30, TERM=xterm-256color), as a secretary runs it.
A key's figure is the wall time from writing the key's bytes to the terminal until the last byte of output
before the terminal goes quiet (no output for `QUIET` seconds): the frame that shows the key's result, with
every write the key caused (the committed save included).  Its CPU time is the process's (all threads, from
/proc/PID/task/*/schedstat) over the same span, the figure to read on a loaded machine.
The meeting bar redraws its clock once a second and a message leaves the screen a few seconds after it came; so
each key is typed just after the clock's redraw, and never while a message is about to leave.
The floor is a bare Textual app on the same terminal, one binding that updates a Static, measured the same way;
the dialog floor the same app opening a Textual ModalScreen with a label and a TextArea (the free-text dialog's
widgets), what Textual itself costs to open a dialog.

Used by bench/meeting_size.py; run alone: python bench/key_to_screen.py [SIZE] [SAMPLES]
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyte

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup import cpu_seconds, referat_command  # noqa: E402

COLUMNS, LINES = 100, 30
QUIET = 0.15  # seconds without output that end a key's frame (once its first output came)
TICK = 1.0  # the meeting bar's clock redraw
HIGHLIGHTED = r"^ +Punkt (\d+)(?:,| →)"  # the decision bar names the highlighted item
MESSAGE = 4.0  # a message's time on screen (the undo's 'Fortrudt: …' on the key line)
KEYS = {
    "o": b"o",
    "1": b"1",
    "down": b"\x1b[B",
    "enter": b"\r",
    "e": b"e",
    "escape": b"\x1b",
    "ctrl+z": b"\x1a",
    "f3": b"\x1bOR",
}
FLOOR = """
from textual.app import App
from textual.widgets import Static

class Floor(App):
    BINDINGS = [("1", "count")]
    count = 0

    def compose(self):
        yield Static("Tast 0")

    def action_count(self):
        self.count += 1
        self.query_one(Static).update(f"Tast {self.count}")

Floor().run()
"""


DIALOG_FLOOR = """
from textual.app import App
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

class Dialog(ModalScreen):
    DEFAULT_CSS = "Dialog { align: center middle; } Vertical { width: 70; height: auto; border: thick $primary; }"
    BINDINGS = [("escape", "dismiss")]

    def compose(self):
        with Vertical():
            yield Label("Beslutning, punkt 1:")
            yield TextArea("Godkendt")

    def on_mount(self):
        self.query_one(TextArea).focus()

class Floor(App):
    BINDINGS = [("e", "open")]

    def compose(self):
        for line in range(28):
            yield Static(f"Linje {line} " + "tekst " * 14)

    def action_open(self):
        self.push_screen(Dialog())

Floor().run()
"""


KEY_NAMES = ("digit", "undo", "enter", "dialog", "first dialog")


class KeyTerminal:
    """A process on a pseudo-terminal; `key` types one key and times its frame."""

    def __init__(self, command: list[str], ticks: bool) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT)}
        env.pop("TEXTUAL", None)
        self.process = subprocess.Popen(
            command, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, start_new_session=True
        )
        os.close(slave)
        self.ticks = ticks
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.pending = bytearray()  # read but not yet fed to the emulated screen (pyte's work stays off the clock)
        self.last_output = (0.0, 0.0)  # (perf_counter, process CPU) when output was last read
        self.messages: list[float] = []  # when messages will leave the screen

    def read(self, timeout: float) -> bool:
        """Read what the process wrote within `timeout`; False when nothing came."""
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return False
        try:
            data = os.read(self.master, 65536)
        except OSError:
            raise SystemExit("the app has gone:\n" + self.text()) from None
        self.last_output = (time.perf_counter(), cpu_seconds(self.process.pid))
        self.pending += data
        return bool(data)

    def text(self) -> str:
        self.stream.feed(bytes(self.pending))
        self.pending.clear()
        return "\n".join(self.screen.display)

    def quiet(self, gap: float = QUIET, limit: float = 30) -> None:
        """Read until no output has come for `gap` seconds."""
        deadline = time.perf_counter() + limit
        while self.read(gap):
            if time.perf_counter() > deadline:
                raise SystemExit(f"the screen never went quiet:\n{self.text()}")

    def wait_for(self, *markers: str, timeout: float = 60) -> None:
        deadline = time.perf_counter() + timeout
        while not all(marker in self.text() for marker in markers):
            if time.perf_counter() > deadline:
                raise SystemExit(f"{markers!r} never appeared:\n{self.text()}")
            self.read(0.05)

    def send(self, key: str) -> None:
        os.write(self.master, KEYS[key])

    def settle(self, key: str, until: str, gone: bool = False) -> None:
        """Type `key` (untimed), wait until the pattern `until` is on the screen (`gone`: is not), then until
        the output goes quiet."""
        self.send(key)
        deadline = time.perf_counter() + 20
        while (re.search(until, self.text(), re.MULTILINE) is None) != gone:
            if time.perf_counter() > deadline:
                raise SystemExit(f"after {key!r}, {until!r} never {'went' if gone else 'came'}:\n{self.text()}")
            self.read(0.05)
        self.quiet()

    def down(self) -> None:
        """↓ (untimed), until the decision bar names the next item (item 1 after the last: the list wraps)."""
        item = int(self.number(HIGHLIGHTED))
        self.settle("down", rf"^ +Punkt (?:{item + 1}|{1 if item > 1 else 2})(?:,| →)")

    def ready(self) -> None:
        """Wait until no message is about to leave, then (an app with a clock) for the clock's redraw."""
        now = time.perf_counter()
        for leaves in [moment for moment in self.messages if moment > now - QUIET]:
            if leaves < now + 1.5:
                time.sleep(max(0.0, leaves + 0.3 - time.perf_counter()))
                self.quiet()
        self.messages = [moment for moment in self.messages if moment > time.perf_counter()]
        if self.ticks:
            self.quiet(gap=0.02)
            self.read(TICK * 1.2)  # the redraw's first bytes
            self.quiet(gap=0.02)

    def key(self, key: str, *shown: str, message: bool = False) -> tuple[float, float]:
        """Type `key`; once the screen matches every pattern `shown` (its result), read on until the output goes
        quiet; return (wall, CPU) seconds until the last byte written."""
        self.ready()
        self.text()
        start, cpu = time.perf_counter(), cpu_seconds(self.process.pid)
        self.last_output = (start, cpu)
        self.send(key)
        deadline = start + 20
        # The screen is emulated only once the output has gone quiet: feeding pyte between the reads of one
        # frame would put its work (on the same cores) on the clock and stamp the frame's last bytes late.
        self.quiet()
        while not all(re.search(pattern, self.text(), re.MULTILINE) for pattern in shown):
            if time.perf_counter() > deadline:
                raise SystemExit(f"after {key!r}, {shown!r} never appeared:\n{self.text()}")
            self.read(0.05)
            self.quiet()
        end, end_cpu = self.last_output
        if message:
            self.messages.append(start + MESSAGE)
        return end - start, end_cpu - cpu

    def number(self, pattern: str) -> str:
        """The first group of `pattern` on the screen (e.g. the highlighted item's number)."""
        found = re.search(pattern, self.text(), re.MULTILINE)
        if not found:
            raise SystemExit(f"{pattern!r} is not on the screen:\n{self.text()}")
        return found.group(1)

    def close(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        os.close(self.master)


@dataclass
class Samples:
    """Wall and CPU seconds of one kind of key."""

    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)

    def add(self, sample: tuple[float, float]) -> None:
        self.walls.append(sample[0])
        self.cpus.append(sample[1])

    def p50(self) -> float:
        return statistics.median(self.walls)

    def p95(self) -> float:
        walls = sorted(self.walls)
        return walls[min(len(walls) - 1, round(0.95 * (len(walls) - 1)))]

    def cpu(self) -> float:
        return statistics.median(self.cpus)

    def worst(self) -> float:
        return max(self.walls)


def floor(samples: int) -> Samples:
    """The bare Textual app: one binding that updates a Static."""
    terminal = KeyTerminal([sys.executable, "-c", FLOOR], ticks=False)
    try:
        terminal.wait_for("Tast 0")
        terminal.quiet()
        result = Samples()
        for count in range(1, samples + 1):
            result.add(terminal.key("1", rf"^Tast {count} *$"))
        return result
    finally:
        terminal.close()


def dialog_floor(samples: int) -> Samples:
    """The bare Textual app opening a ModalScreen (after a first opening, untimed: Textual's first reading of
    a screen's CSS is left out here, but the app's first dialog is timed on its own)."""
    terminal = KeyTerminal([sys.executable, "-c", DIALOG_FLOOR], ticks=False)
    try:
        terminal.wait_for("Linje 0")
        terminal.quiet()
        result = Samples()
        for sample in range(samples + 1):
            timed = terminal.key("e", "Beslutning, punkt 1:")
            if sample:
                result.add(timed)
            terminal.settle("escape", "Beslutning, punkt", gone=True)
        return result
    finally:
        terminal.close()


def meeting_keys(db_path: Path, meeting_id: int, samples: int) -> dict[str, Samples]:
    """`referat run` on the meeting: the meeting opened (o) and item 1 made current, then `samples` times: a
    digit decision on the current item (which moves the current item on) and its undo, ↓, Enter (the item made
    current) and its free-text dialog opened (and closed with Escape); the first opening (which reads the
    dialogs' stylesheet) counted apart."""
    terminal = KeyTerminal(referat_command("run", str(meeting_id), "--db", str(db_path)), ticks=True)
    figures = {name: Samples() for name in KEY_NAMES}
    try:
        terminal.wait_for("F3")
        terminal.quiet()
        terminal.settle("f3", r"^ +Punkt 1(?:,| →)")
        terminal.settle("o", "åbnet kl")
        terminal.settle("enter", r"^ ▶ +1\. ")
        for _ in range(samples):
            item = terminal.number(HIGHLIGHTED)
            figures["digit"].add(terminal.key("1", rf"^ ✓ +{item}\. .*Godkendt"))
            figures["undo"].add(terminal.key("ctrl+z", "Fortrudt", rf"^ ▶ +{item}\. ", message=True))
            terminal.down()
            item = terminal.number(HIGHLIGHTED)
            figures["enter"].add(terminal.key("enter", rf"^ ▶ +{item}\. "))
            dialog = "dialog" if figures["first dialog"].walls else "first dialog"
            figures[dialog].add(terminal.key("e", f"Beslutning, punkt {item}:"))
            terminal.settle("escape", "Beslutning, punkt", gone=True)
        return figures
    finally:
        terminal.close()


def main() -> None:
    import tempfile

    from meeting_size import build

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    samples = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    with tempfile.TemporaryDirectory() as directory:
        path, meeting_id = build(Path(directory), size)
        load = os.getloadavg()[0]
        bare, bare_dialog = floor(samples), dialog_floor(samples)
        figures = meeting_keys(path, meeting_id, samples)
        print(f"{size} items, load {load:.1f}→{os.getloadavg()[0]:.1f}; ms p50 / p95 / max (cpu p50)")
        for name, result in {"floor": bare, "dialog floor": bare_dialog, **figures}.items():
            versus = bare_dialog if "dialog" in name else bare
            print(
                f"  {name:<12} {result.p50() * 1000:5.0f} / {result.p95() * 1000:5.0f} / {result.worst() * 1000:5.0f}"
                f"  ({result.cpu() * 1000:.0f})  ×{result.p95() / versus.p95():.1f} its floor's p95"
            )


if __name__ == "__main__":
    main()
