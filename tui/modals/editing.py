"""`EditDialog`: a SavingDialog for the preparation dialogs (an item, the meeting's details, a member).

Such a dialog opens with what the store holds and saves the whole form at once.  When the store refuses
(an empty title, a duplicate number, 30 February, an approved referat …) the dialog stays open with
everything entered, and its problem line gives the store's own sentence.  Escape with unsaved changes asks
before it throws them away.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.widgets import Static

from store.errors import StoreError
from tui.modals.base import TAKEN_OVER, SavingDialog


class EditDialog(SavingDialog):
    """A form saved as one value; `form()` reads it, `remember_start()` marks what it opened with."""

    KEPT = "Intet er gemt; det indtastede står her stadig."
    reason = ""  # the store's sentence for the latest refusal
    _start: Any = None

    def form(self) -> Any:
        """What the fields hold now, comparable with what they held when the dialog opened (subclasses)."""
        return None

    def remember_start(self) -> None:
        """Call once the fields hold their starting values."""
        self._start = self.form()

    def changed(self) -> bool:
        """True when something was changed since the dialog opened."""
        return self.form() != self._start

    def attempt(self, write: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        """Run `write` through the app's `perform` (one committed action); on a refusal keep the store's
        sentence for the problem line.  True once committed."""

        def run() -> None:
            try:
                write(*args, **kwargs)
            except StoreError as error:
                self.reason = str(error)
                raise

        self.reason = ""
        return self.app.perform(run)

    def submit(self, value: Any) -> None:
        """Save `value`; close once committed, else stay open and say why and that nothing is lost."""
        if self.save(value):
            self.close_saved(value)
            return
        following = getattr(self.app, "following", False)
        reason = self.reason or (TAKEN_OVER if following else "")
        then = "Luk med Escape." if following else "Ret det, og gem igen."
        line = self.query_one(".dialog-problem", Static)
        line.update(Text(" ".join(part for part in (reason, self.KEPT, then) if part)))
        line.display = True
        self.call_after_refresh(line.scroll_visible, animate=False)

    def action_cancel(self) -> None:
        """Escape: close; with unsaved changes only after asking."""
        if not self.changed():
            self.dismiss(None)
            return
        from tui.modals.confirm import ConfirmDialog

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog("Kassér ændringerne?", "Nej (n) vender tilbage til dialogen."), answered)
