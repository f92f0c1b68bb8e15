"""Startup speed of the meeting-day UI (bench/startup.py): the cycle collector waits for the first frame.

Importing Textual and building the first screen allocates so much that Python's cycle collector would
run many times before the first frame, finding next to nothing: nothing built then is garbage for long.
So collection is paused until the first frame, and what startup built is then frozen: later collections
skip it.
"""

from __future__ import annotations

import gc


def pause_collection() -> None:
    """Stop cycle collection until `resume_collection` (called once the first frame is drawn)."""
    gc.disable()


def resume_collection() -> None:
    """Collect again, leaving out everything made so far; a no-op unless `pause_collection` ran."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
