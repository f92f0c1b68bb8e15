"""Noticing that the window's terminal went away, and ending then.

A terminal emulator or an ssh session that closes its side of the pseudo-terminal without sending SIGHUP
leaves the app reading end-of-file for ever: it kept running, busy, and went on holding the meeting's claim,
so the next `referat run` followed it instead of recording.  The app looks once a second whether its terminal
has hung up and then quits as ctrl+q would (releasing the claim); should Textual's own ending hang on the dead
terminal, the process ends anyway a few seconds later.
"""

from __future__ import annotations

import os
import select
import threading

from textual.app import App

LOOK_SECONDS = 1.0
GRACE_SECONDS = 5.0  # for Textual's own ending, before the process ends without it
_GONE = select.POLLHUP | select.POLLERR | select.POLLNVAL


def terminal_gone(fd: int) -> bool:
    """Whether the terminal on `fd` has hung up (its other side closed) or the descriptor is no longer valid."""
    poller = select.poll()
    try:
        poller.register(fd, select.POLLIN)  # hang-up, error and an invalid descriptor are reported anyway
        events = poller.poll(0)
    except (OSError, ValueError):
        return True
    return any(mask & _GONE for _, mask in events)


def watch_terminal(app: App) -> None:
    """Quit `app` when its terminal goes away; only a real terminal is watched (not the tests' headless app)."""
    descriptors = [fd for fd in (0, 1) if _is_terminal(fd)]
    if app.is_headless or not descriptors:
        return

    def look() -> None:
        if any(terminal_gone(fd) for fd in descriptors):
            timer.stop()
            ending = threading.Timer(GRACE_SECONDS, os._exit, args=(1,))
            ending.daemon = True
            ending.start()
            app.exit(return_code=1)

    timer = app.set_interval(LOOK_SECONDS, look)


def _is_terminal(fd: int) -> bool:
    try:
        return os.isatty(fd)
    except OSError:
        return False
