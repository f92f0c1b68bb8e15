"""Deltog ikke: a member who does not take part in one item (inhabil, left the room), with an internal reason."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from store.model import display_name
from tui.modals.drafts import DraftDialog
from tui.widgets.key_bar import KeyBar

KEPT = "Ikke gemt; valget og årsagen står her stadig."


@dataclass
class NotTakingPart:
    """The answer: mark (or clear the mark of) one person, with the internal reason."""

    person_id: int
    taking_part: bool
    reason: str | None = None


class NotTakingPartDialog(DraftDialog):
    """The reason first (Tab or Enter goes on to the members), then pick a member: Enter marks him or her as
    not taking part — or clears an existing mark — through `save` (True once committed); the dialog stays
    open with its reason when that is refused."""

    KEPT = KEPT
    SCREEN_TITLE = "Deltager ikke"
    HELP_EXTRA = [
        ("Enter", "I feltet Årsag: videre til medlemmerne; i listen: marker medlemmet (eller fjern markeringen)")
    ]

    BINDINGS = [Binding("escape", "cancel", "Fortryd")]

    def __init__(
        self, item_label: str, people: list[dict], marked: set[int], save, draft_key: str | None = None
    ) -> None:
        super().__init__()
        self.item_label, self.people, self.marked, self.save = item_label, people, marked, save
        self.draft_key = draft_key

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Deltager ikke i behandlingen af {self.item_label}", classes="dialog-title", markup=False)
            yield Input(placeholder="Årsag (kun internt, fx inhabil), valgfri", id="reason")
            yield Label("Vælg medlemmet med Enter (et markeret medlem deltager igen):")
            yield OptionList(*(self._option(person) for person in self.people), id="people", markup=False)
            yield self.problem_line()
        yield KeyBar()

    def _option(self, person: dict) -> Option:
        label = display_name(person["name"], person["party"])
        if person["person_id"] in self.marked:
            label += " — deltager ikke"
        return Option(label, id=str(person["person_id"]))

    def on_mount(self) -> None:
        self.query_one("#reason", Input).focus()
        self.start_draft()

    def draft_text(self) -> str:
        return self.query_one("#reason", Input).value

    def restore_draft(self, text: str) -> None:
        self.query_one("#reason", Input).value = text

    def on_input_submitted(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_id is None:
            return
        person_id = int(event.option_id)
        reason = self.query_one("#reason", Input).value.strip() or None
        self.submit(NotTakingPart(person_id, taking_part=person_id in self.marked, reason=reason))
