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
    when text was typed); what is typed is kept as a draft until saved."""

    KEPT = KEPT
    SCREEN_TITLE = "Beslutning som fri tekst"

    BINDINGS = [
        Binding("ctrl+s", "save", "Gem", priority=True),
        Binding("escape", "cancel", "Fortryd"),
    ]

    def __init__(
        self, item: Item, save: Callable[[str], bool], draft_key: str | None = None, warning: str | None = None
    ) -> None:
        super().__init__()
        self.item, self.save = item, save
        self.draft_key, self.warning = draft_key, warning

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide"):
            yield Label(
                f"Beslutning, punkt {self.item.number}: {self.item.title}", classes="dialog-title", markup=False
            )
            if self.warning:
                yield Static(Text(self.warning), classes="dialog-warning")
            yield Static(
                "Første linje kan være en beslutningsformulering (fx Godkendt); resten er fri tekst.", classes="dim"
            )
            editor = TextArea(prefill(self.item), id="decision-text", soft_wrap=True, show_line_numbers=False)
            yield editor
            yield self.problem_line()
        yield KeyBar()

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
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
