"""The two kinds of modal: `Modal`, shown over the meeting and styled by modals.tcss, and `SavingDialog`.

A `SavingDialog` is given `save(value)`: the screen's write through the meeting day (`ReferatApp.perform`
on a MeetingDay method), True once committed.  `submit(value)` closes the dialog with the value only then;
when the store refuses (the recording was taken over, the disk is full, the file is locked, the referat
was approved meanwhile) the dialog stays open with everything entered, so nothing is lost, and its
problem line says what is kept and why.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.startup import collect_garbage

if TYPE_CHECKING:
    from textual import getters

    from tui.app import ReferatApp

STYLESHEET = Path(__file__).with_name("modals.tcss")
TAKEN_OVER = "Optagelsen er overtaget af et andet vindue."


class Modal(ModalScreen):
    """A screen over the meeting; the rules of modals.tcss reach only screens of this type.  F1 lists its keys
    (tui/modals/help.py)."""

    CSS_PATH = STYLESHEET
    BINDINGS = [Binding("f1", "app.help", "Hjælp", key_display="F1")]

    if TYPE_CHECKING:  # self.app as the type checker sees it (as textual.message_pump does it)
        app = getters.app(ReferatApp)

    def on_unmount(self) -> None:
        """Closed: in `referat run`, its widgets are collected once the screen below is drawn, not at a later key
        (tui/startup.py)."""
        if self.app.collection_paused:
            self.app.call_after_refresh(collect_garbage)


class SavingDialog(Modal):
    """A dialog that saves what was entered through `save` and stays open, with it, when the store refuses."""

    KEPT = "Det indtastede er ikke gemt; det står her stadig."  # what the problem line says is kept
    save: Callable[[Any], bool]

    def problem_line(self) -> Static:
        """The dialog's line for a refused save (composed once); hidden until one happens."""
        return Static(classes="dialog-problem")

    def submit(self, value: Any) -> None:
        """Save `value`; close with it once committed, else stay open and say what is kept and why."""
        if self.save(value):
            self.close_saved(value)
            return
        following = getattr(self.app, "following", False)
        reason, then = (TAKEN_OVER, "Luk med Escape.") if following else ("", "Prøv igen, når årsagen er væk.")
        line = self.query_one(".dialog-problem", Static)
        line.update(Text(" ".join(part for part in (reason, self.KEPT, then) if part)))
        line.display = True

    def close_saved(self, value: Any) -> None:
        """Close once `value` is saved."""
        self.dismiss(value)

    def action_cancel(self) -> None:
        """Escape: close without saving."""
        self.dismiss(None)
