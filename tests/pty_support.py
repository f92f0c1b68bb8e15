"""The real `referat` process on a pseudo-terminal, with its screen emulated by pyte (for the e2e tests)."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pyte
import pytest

COLUMNS, LINES = 100, 30
REFERAT = Path(sys.executable).parent / "referat"
KEYS = {
    "up": "\x1b[A",
    "home": "\x1b[H",
    "end": "\x1b[F",
    "enter": "\r",
    "f2": "\x1bOQ",
    "f3": "\x1bOR",
    "ctrl+q": "\x11",
    "ctrl+s": "\x13",
    "ctrl+t": "\x14",
    "ctrl+z": "\x1a",
    "shift+down": "\x1b[1;2B",
    "down": "\x1b[B",
    "tab": "\t",
    "space": " ",
    "ctrl+y": "\x19",
    "f4": "\x1bOS",
    "f5": "\x1b[15~",
    "escape": "\x1b",
    "ctrl+n": "\x0e",
}

needs_referat = pytest.mark.skipif(not REFERAT.exists(), reason="the referat console script is not installed")


class Terminal:
    """A `referat` process on a pseudo-terminal (100×30, TERM=xterm-256color), with the screen as pyte sees it."""

    def __init__(self, *args: str) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(COLUMNS), "LINES": str(LINES)}
        env.pop("TEXTUAL", None)
        self.process = subprocess.Popen(
            [str(REFERAT), *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.received = bytearray()  # every byte the process wrote, as written

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def pump(self, seconds: float) -> None:
        """Feed whatever the process writes during `seconds` into the emulated screen."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                continue
            try:
                data = os.read(self.master, 65536)
            except OSError:  # the process has gone
                return
            if not data:
                return
            self.received += data
            self.stream.feed(data)

    def wait_until(self, predicate, what: str = "", timeout: float = 20) -> str:
        """Pump until `predicate(screen text)` holds; fail with the screen if it does not come."""
        deadline = time.monotonic() + timeout
        while True:
            self.pump(0.02)
            text = self.text()
            if predicate(text):
                return text
            if time.monotonic() > deadline:
                pytest.fail(f"{what or predicate} never appeared on the screen:\n{text}")

    def wait_for(self, *needles: str, timeout: float = 20) -> str:
        """Pump until every needle is on the screen; fail with the screen if it does not come."""
        return self.wait_until(lambda text: all(needle in text for needle in needles), str(needles), timeout)

    def wait_for_pattern(self, pattern: str, timeout: float = 20) -> str:
        """Pump until the regular expression matches the screen."""
        return self.wait_until(lambda text: re.search(pattern, text) is not None, pattern, timeout)

    def send(self, key: str) -> None:
        """Type one key (a name from KEYS, or the characters themselves) without waiting."""
        os.write(self.master, KEYS.get(key, key).encode())

    def press(self, *keys: str) -> None:
        """Type keys one by one, letting the screen settle a little after each."""
        for key in keys:
            self.send(key)
            self.pump(0.15)

    def kill(self) -> None:
        """SIGKILL the process (if it still runs) and close the terminal."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.close()

    def close(self) -> None:
        if self.master >= 0:
            os.close(self.master)
            self.master = -1

    def quit(self) -> int:
        """ctrl+q, then wait for the process to end, reading its output meanwhile as a real terminal does (a
        process whose terminal is not read blocks once the pseudo-terminal's buffer is full)."""
        self.press("ctrl+q")
        deadline = time.monotonic() + 15
        while self.process.poll() is None and time.monotonic() < deadline:
            self.pump(0.1)
        code = self.process.wait(timeout=1)
        self.pump(0.2)
        self.close()
        return code
