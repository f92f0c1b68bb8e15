"""The fremmøde list of one meeting: add a member for this meeting only or a guest, remove a wrongly listed name.

A guest is not a member and has no vote: the referat prints guests as "Desuden deltog: …" and the quorum never
counts them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, OptionList, RadioButton, RadioSet
from textual.widgets.option_list import Option

from tui.modals.editing import EditDialog
from tui.widgets.key_bar import KeyBar


@dataclass
class Attendee:
    """Who is added: a name, a party (members only) and whether it is a guest."""

    name: str
    party: str | None
    guest: bool


@dataclass
class OnTheList:
    """One name on the meeting's list, as the removal dialog offers it."""

    name: str
    label: str
    guest: bool


class AttendeeDialog(EditDialog):
    """Name, party and kind (member for this meeting / guest); Enter or ctrl+s adds it through `save`."""

    KEPT = "Ingen er tilføjet; navnet står her stadig."
    BINDINGS = [
        Binding("ctrl+s", "save", "Tilføj", priority=True),
        Binding("escape", "cancel", "Fortryd"),
    ]

    def __init__(self, save: Callable[[Attendee], bool]) -> None:
        super().__init__()
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Tilføj til fremmødelisten", classes="dialog-title")
            with Horizontal(classes="dialog-row"):
                yield Input(placeholder="Navn", id="name")
                yield Input(placeholder="Parti", id="party", max_length=6)
            with RadioSet(id="attendee-kind"):
                yield RadioButton("Deltager på dette møde (ikke på udvalgets liste)", value=True, id="member")
                yield RadioButton(
                    'Gæst: "Desuden deltog", uden stemmeret og uden for beslutningsdygtigheden', id="guest"
                )
            yield self.problem_line()
            with Horizontal(classes="dialog-buttons"):
                yield Button("Tilføj (ctrl+s)", id="save", variant="primary", compact=True)
                yield Button("Fortryd (Esc)", id="cancel", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()
        self.remember_start()

    def form(self) -> Attendee:
        guest = self.query_one("#guest", RadioButton).value
        party = self.query_one("#party", Input).value.strip()
        return Attendee(self.query_one("#name", Input).value.strip(), None if guest else party or None, guest)

    def action_save(self) -> None:
        attendee = self.form()
        if not attendee.name:
            self.notify("Skriv navnet.", severity="warning")
            self.query_one("#name", Input).focus()
            return
        self.submit(attendee)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()


class RemoveFromListDialog(EditDialog):
    """Pick a name on the meeting's list (the selected member first, then the guests); Enter removes it."""

    KEPT = "Ingen er fjernet."
    BINDINGS = [Binding("escape", "cancel", "Fortryd")]

    def __init__(self, names: list[OnTheList], save: Callable[[OnTheList], bool]) -> None:
        super().__init__()
        self.names, self.save = names, save

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Fjern fra mødets fremmødeliste", classes="dialog-title")
            yield Label(
                "For et navn, der står forkert på listen. Et medlem, der er gået, markeres med g; "
                "et medlem, der er udtrådt af udvalget, fjernes under Udvalget (u).",
                classes="dim dialog-detail",
            )
            yield OptionList(
                *(Option(entry.label, id=str(index)) for index, entry in enumerate(self.names)),
                id="people",
                markup=False,
            )
            yield self.problem_line()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.submit(self.names[int(event.option.id or 0)])
