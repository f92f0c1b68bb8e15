"""Omnummerér: number the agenda from a start number (municipalities number through the year: 29–34)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label

from store.model import plain_number
from tui.modals.editing import EditDialog
from tui.widgets.key_bar import KeyBar


class RenumberDialog(EditDialog):
    """Type the first number; Enter renumbers through `save(start)`; "Behold numrene" (Escape) keeps them."""

    KEPT = "Numrene er ikke ændret."
    BINDINGS = [Binding("escape", "cancel", "Behold numrene")]

    def __init__(self, numbers: list[str], save: Callable[[int], bool]) -> None:
        super().__init__()
        self.numbers, self.save = numbers, save
        first = plain_number(numbers[0]) if numbers else None
        self.start = str(first if first is not None else 1)

    def compose(self) -> ComposeResult:
        shown = ", ".join(self.numbers[:12]) + (" …" if len(self.numbers) > 12 else "")
        with Vertical(classes="dialog dialog-small"):
            yield Label("Omnummerér dagsordenen", classes="dialog-title")
            yield Label(f"Numrene nu: {shown}", markup=False, classes="dialog-detail")
            yield Label("Punkterne nummereres i rækkefølge fra:")
            yield Input(self.start, id="start", restrict=r"\d*", max_length=6)
            yield Label("", id="preview", classes="dim")
            yield self.problem_line()
            with Horizontal(classes="dialog-buttons"):
                yield Button("Omnummerér (Enter)", id="renumber", variant="primary")
                yield Button("Behold numrene (Esc)", id="keep")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.show_preview()

    def form(self) -> str:
        return self.query_one(Input).value

    def changed(self) -> bool:
        return False  # nothing is lost by keeping the numbers

    def show_preview(self) -> None:
        value = self.form()
        if value.isdigit() and self.numbers:
            start = int(value)
            self.query_one("#preview", Label).update(f"Bliver {start}–{start + len(self.numbers) - 1}.")
        else:
            self.query_one("#preview", Label).update("Skriv et tal.")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.show_preview()

    def renumber(self) -> None:
        value = self.form()
        if not value.isdigit():
            self.notify("Skriv det første nummer som et tal.", severity="warning")
            return
        self.submit(int(value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.renumber()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "renumber":
            self.renumber()
        else:
            self.action_cancel()
