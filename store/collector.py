"""Python's cycle collector paused while an export builds objects that all live until it is done.

A Word or PDF export (markdown-it's tokens, the fonts' tables, the document tree) and a large meeting's
Markdown or JSON allocate far more objects than they free, so every collection the allocations trigger
walks them all again and finds nothing to free; the few cycles among them are collected once it resumes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cycle collection inside the block (unless it was off already, when this changes nothing)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
