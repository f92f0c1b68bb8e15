"""Startup speed of the meeting-day UI (bench/startup.py): what happens before its first frame.

- The meeting is opened in a forked process (`ahead`) while this one imports Textual: the database,
  sqlite-utils, the migrations check, the claim's synchronous commit and the first screen's reads run on
  the machine's other core; the UI draws its first frame from what that process sends back and opens its
  own connection after it.
- Python's cycle collector is paused until the first frame.  Importing Textual and building the first
  screen allocates so much that the collector ran about 130 times before the first frame, ≈ 70 ms of CPU.
  Nothing built then is garbage for long, so collection waits, and what startup built is then frozen:
  later collections skip it.
"""

from __future__ import annotations

import gc
import os
import pickle
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def pause_collection() -> None:
    """Stop cycle collection until `resume_collection` (called once the first frame is drawn)."""
    gc.disable()


def resume_collection() -> None:
    """Collect again, leaving out everything made so far; a no-op unless `pause_collection` ran."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def cores() -> int:
    """How many CPU cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class Ahead(Generic[T]):
    """`compute()` running in a forked child process while this one goes on; `result()` waits for it.

    The child sends its return value (or the exception it raised) back pickled, and ends without running
    any exit handler of this process.  `compute` opens what it needs itself: an SQLite connection made
    before the fork must not be used in the child.  Where there is no fork or no second core (the child would only take
    turns with this process), or the child sends nothing (it was killed), `result()` computes it here.
    """

    def __init__(self, compute: Callable[[], T]) -> None:
        self.compute = compute
        self.pid = 0
        if not hasattr(os, "fork") or cores() < 2:
            return
        self.reader, writer = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child
            os.close(self.reader)
            try:
                payload = pickle.dumps((True, compute()))
            except BaseException as error:  # every failure goes back to the parent as it was
                try:
                    payload = pickle.dumps((False, error))
                except Exception:  # an exception that cannot be pickled: the parent computes it itself
                    payload = b""
            with os.fdopen(writer, "wb") as pipe:
                pipe.write(payload)
            os._exit(0)
        os.close(writer)

    def result(self) -> T:
        """The child's return value (or its exception, raised here)."""
        if not self.pid:
            return self.compute()
        with os.fdopen(self.reader, "rb") as pipe:
            payload = pipe.read()
        os.waitpid(self.pid, 0)
        if not payload:
            return self.compute()
        succeeded, value = pickle.loads(payload)
        if not succeeded:
            raise value
        return value
