"""Deltog ikke: a member who does not take part in one item (inhabil, left the room), with an internal reason."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, OptionList
from textual.widgets.option_list import Option

from store.model import display_name
from tui.dialogs import STYLESHEET


@dataclass
class NotTakingPart:
    """The answer: mark (or clear the mark of) one person, with the internal reason."""

    person_id: int
    taking_part: bool
    reason: str | None = None


class NotTakingPartDialog(ModalScreen[NotTakingPart]):
    """Pick a member; Enter marks him or her as not taking part — or clears an existing mark."""

    CSS_PATH = STYLESHEET

    BINDINGS = [Binding("escape", "cancel", "Fortryd")]

    def __init__(self, item_label: str, people: list[dict], marked: set[int]) -> None:
        super().__init__()
        self.item_label, self.people, self.marked = item_label, people, marked

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Deltager ikke i behandlingen af {self.item_label}", classes="dialog-title",
                        markup=False)
            yield Input(placeholder="Årsag (kun internt, fx inhabil), valgfri", id="reason")
            yield Label("Vælg medlemmet med Enter (et markeret medlem deltager igen):")
            yield OptionList(*(self._option(person) for person in self.people), id="people", markup=False)
        yield Footer()

    def _option(self, person: dict) -> Option:
        label = display_name(person["name"], person["party"])
        if person["person_id"] in self.marked:
            label += " — deltager ikke"
        return Option(label, id=str(person["person_id"]))

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_input_submitted(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        person_id = int(event.option.id)
        reason = self.query_one("#reason", Input).value.strip() or None
        self.dismiss(NotTakingPart(person_id, taking_part=person_id in self.marked, reason=reason))

    def action_cancel(self) -> None:
        self.dismiss(None)
