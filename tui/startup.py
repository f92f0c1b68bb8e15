"""Startup speed: Python's cycle collector is paused from `referat run` until the first frame.

Importing Textual and building the first screen allocates so much that the collector ran about 130 times
before the first frame, ≈ 70 ms of CPU (measured for bench/startup.py).  Nothing built then is garbage
for long, so collection waits, and what startup built is then frozen: later collections skip it.
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
