"""The meeting-day UI's cycle collector: paused for the startup, then frozen screen by screen.

Importing Textual and building the first screen allocates so much that Python's cycle collector would
run many times before the first frame, finding next to nothing: nothing built then is garbage for long.
So collection is paused until the first frame (bench/startup.py), and what startup built is then frozen:
later collections skip it.  Each main screen built later is frozen after its first frame too: the screens
live as long as the app, and a full collection that walked them paused a key press
(bench/key_to_screen.py).  A closed dialog's widgets are garbage that only a full collection finds: it runs
once the screen below is drawn again, not at a later key.
"""

from __future__ import annotations

import gc


def pause_collection() -> None:
    """Stop cycle collection until `resume_collection` (called once the first frame is drawn)."""
    gc.disable()


def resume_collection() -> None:
    """Collect (again), leaving out everything made so far."""
    gc.freeze()
    gc.enable()


def collect_garbage() -> None:
    """A full collection now, at a moment no key waits for."""
    gc.collect()
