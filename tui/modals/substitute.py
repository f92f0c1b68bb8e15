"""Stedfortræder: pick the committee's substitute for a member's seat, or type a name."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from store.model import display_name
from tui.modals.base import SavingDialog
from tui.widgets.key_bar import KeyBar


class SubstituteDialog(SavingDialog):
    """Saves (name, party) of the stedfortræder through `save`; Escape cancels."""

    KEPT = "Stedfortræderen er ikke gemt; navnet står her stadig."
    SCREEN_TITLE = "Stedfortræder"
    HELP_EXTRA = [("Enter", "I listen: vælg den markerede stedfortræder; i felterne: gem det skrevne navn")]

    BINDINGS = [Binding("escape", "cancel", "Fortryd")]

    def __init__(self, member: dict, candidates: list[dict], save: Callable[[tuple[str, str | None]], bool]) -> None:
        super().__init__()
        self.save = save
        self.member, self.candidates = member, candidates

    def compose(self) -> ComposeResult:
        seat = display_name(self.member["name"], self.member["party"])
        with Vertical(classes="dialog"):
            yield Label(f"Stedfortræder for {seat}", classes="dialog-title", markup=False)
            if self.candidates:
                yield Label("Vælg en af udvalgets stedfortrædere med Enter …")
                yield OptionList(
                    *(
                        Option(display_name(c["name"], c["party"]), id=str(index))
                        for index, c in enumerate(self.candidates)
                    ),
                    id="candidates",
                    markup=False,
                )
                yield Label("… eller skriv et andet navn:")
            else:
                yield Label("Udvalget har ingen stedfortrædere registreret; skriv navnet:")
            with Horizontal(classes="dialog-row"):
                yield Input(placeholder="Navn", id="name")
                yield Input(value=self.member["party"] or "", placeholder="Parti", id="party", max_length=6)
            yield self.problem_line()
        yield KeyBar()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_id is None:
            return
        chosen = self.candidates[int(event.option_id)]
        self.submit((chosen["name"], chosen["party"]))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        name = self.query_one("#name", Input).value.strip()
        if not name:
            self.query_one("#name", Input).focus()
            return
        self.submit((name, self.query_one("#party", Input).value.strip() or None))
