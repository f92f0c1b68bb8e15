"""Dialogs that save through the store themselves and close only once it has committed.

When the store refuses (the recording was taken over, the disk is full, the file is locked), the
dialog stays open with what was entered, so nothing typed is lost, and its problem line says why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from rich.text import Text
from textual.screen import ModalScreen
from textual.widgets import Static

Value = TypeVar("Value")
TAKEN_OVER = "Optagelsen er overtaget af et andet vindue."


def problem_line() -> Static:
    """The dialog's line for a refused save; hidden until one happens."""
    return Static(classes="dialog-problem")


def save_or_keep(dialog: ModalScreen, save: Callable[[Value], bool], value: Value, kept: str) -> None:
    """Close `dialog` with `value` once `save` has committed it; otherwise keep it open and say `kept` and why."""
    if save(value):
        from tui.dialogs.drafts import DraftDialog

        if isinstance(dialog, DraftDialog):
            dialog.finish(value)  # the typed text is saved: its draft goes
        else:
            dialog.dismiss(value)
        return
    following = dialog.app.following
    reason, then = (TAKEN_OVER, "Luk med Escape.") if following else ("", "Prøv igen, når årsagen er væk.")
    line = dialog.query_one(".dialog-problem", Static)
    line.update(Text(" ".join(part for part in (reason, kept, then) if part)))
    line.display = True
