"""The beslutning as free text: a multi-line editor pre-filled with what is recorded."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, Static, TextArea

from store.model import Item
from tui.modals.drafts import DraftDialog
from tui.widgets.key_bar import KeyBar

KEPT = "Teksten er ikke gemt; den står her stadig, så du kan markere den og kopiere den med ctrl+c."


def prefill(item: Item) -> str:
    """The recorded outcome phrase on the first line, then the free text (the editor's start)."""
    decision = item.decision
    if decision is None:
        return ""
    lines = [decision.outcome] if decision.outcome else []
    if decision.text:
        lines.append(decision.text)
    text = "\n".join(lines)
    return text + "\n" if decision.outcome and not decision.text else text


class DecisionTextDialog(DraftDialog):
    """Edit the beslutning; ctrl+s saves through `save` (True once committed), Escape cancels (asking first
    when text was typed); what is typed is kept as a draft until saved.

    The app keeps one of these (`ReferatApp.kept_dialog`) and gives it the item each time it opens (`prepare`):
    a new Textual screen is laid out three times before it settles, a kept one is shown at once."""

    KEPT = KEPT
    SCREEN_TITLE = "Beslutning som fri tekst"

    BINDINGS = [
        Binding("ctrl+s", "save", "Gem", priority=True),
        Binding("escape", "cancel", "Fortryd"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.item: Item | None = None
        self.warning: str | None = None
        self.opening = False  # prepared, not yet shown: its fields get the item when it is

    def prepare(
        self, item: Item, save: Callable[[str], bool], draft_key: str | None = None, warning: str | None = None
    ) -> None:
        """The item to edit the beslutning of next time the dialog is shown, and how to save it."""
        self.item, self.save = item, save
        self.draft_key, self.warning = draft_key, warning
        self.opening, self._finished = True, False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide"):
            yield Label(classes="dialog-title", markup=False)
            yield Static(classes="dialog-warning")
            yield Static(
                "Første linje kan være en beslutningsformulering (fx Godkendt); resten er fri tekst.", classes="dim"
            )
            yield TextArea(id="decision-text", soft_wrap=True, show_line_numbers=False)
            yield self.problem_line()
        yield KeyBar()

    def on_screen_resume(self) -> None:
        """Shown: with the item prepared for it, the fields start from that item (a dialog over it closing
        leaves them as they were)."""
        if not self.opening or self.item is None:
            return
        self.opening = False
        self.query_one(".dialog-title", Label).update(f"Beslutning, punkt {self.item.number}: {self.item.title}")
        warning = self.query_one(".dialog-warning", Static)
        warning.update(Text(self.warning or ""))
        warning.display = bool(self.warning)
        self.query_one(".dialog-problem", Static).display = False
        editor = self.query_one(TextArea)
        editor.load_text(prefill(self.item))
        editor.focus()
        self.start_draft()
        editor.move_cursor(editor.document.end)

    def draft_text(self) -> str:
        return self.query_one(TextArea).text

    def restore_draft(self, text: str) -> None:
        self.query_one(TextArea).load_text(text)

    def action_save(self) -> None:
        text = self.query_one(TextArea).text.strip()
        if not text:
            self.notify("Skriv beslutningen, eller tryk Escape.", severity="warning")
            return
        self.submit(text)
