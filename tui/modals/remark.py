"""Protokolbemærkning: who asks (members or a whole party), which kind, and the text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, RadioButton, RadioSet, SelectionList, TextArea
from textual.widgets.selection_list import Selection

from store.model import REMARK_KINDS, display_name
from tui.modals.drafts import DraftDialog
from tui.widgets.key_bar import KeyBar

KEPT = "Bemærkningen er ikke gemt; den står her stadig, så du kan markere teksten og kopiere den med ctrl+c."


@dataclass
class RemarkEntry:
    """The answer: display names or party letters, the kind, the text."""

    members: list[str]
    kind: str
    text: str


def sender_choices(people: list[dict]) -> list[tuple[str, str]]:
    """(label, value) for each member taking part and each party with a member present."""
    members = [(display_name(p["name"], p["party"]), display_name(p["name"], p["party"])) for p in people]
    parties = sorted({p["party"] for p in people if p["party"]})
    return members + [(f"Partiet {party} (hele gruppen)", party) for party in parties]


class RemarkDialog(DraftDialog):
    """Space picks senders, the radio buttons the kind; ctrl+s saves through `save` (True once committed).
    The text is kept as a draft until saved; Escape asks before throwing typed text away."""

    KEPT = KEPT
    SCREEN_TITLE = "Protokolbemærkning"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]  # -narrow: senders above kinds (modals.tcss)
    HELP_EXTRA = [
        ("Mellemrum", "I listen Hvem: vælg eller fravælg den markerede"),
        ("", "I Art: ↑ ↓ og Enter vælger arten"),
    ]

    BINDINGS = [
        Binding("ctrl+s", "save", "Gem", priority=True),
        Binding("escape", "cancel", "Fortryd"),
    ]

    def __init__(
        self, item_label: str, people: list[dict], save: Callable[[RemarkEntry], bool], draft_key: str | None = None
    ) -> None:
        super().__init__()
        self.item_label, self.people, self.save = item_label, people, save
        self.draft_key = draft_key

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide"):
            yield Label(f"Protokolbemærkning, {self.item_label}", classes="dialog-title", markup=False)
            with Horizontal(classes="dialog-row remark-row"):
                yield SelectionList[str](
                    *(Selection(Text(label), value) for label, value in sender_choices(self.people)),
                    id="senders",
                )
                with RadioSet(id="kind"):
                    for index, kind in enumerate(REMARK_KINDS):
                        yield RadioButton(kind.capitalize(), value=index == 0, name=kind)
            yield TextArea(id="remark-text", soft_wrap=True)
            yield self.problem_line()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(SelectionList).border_title = "Hvem (mellemrum vælger)"
        self.query_one(RadioSet).border_title = "Art"
        self.query_one(TextArea).border_title = "Tekst"
        self.query_one(SelectionList).focus()
        self.start_draft()

    def draft_text(self) -> str:
        return self.query_one(TextArea).text

    def restore_draft(self, text: str) -> None:
        self.query_one(TextArea).load_text(text)

    def action_save(self) -> None:
        chosen = set(self.query_one(SelectionList).selected)
        senders = [value for _, value in sender_choices(self.people) if value in chosen]
        text = self.query_one(TextArea).text.strip()
        pressed = self.query_one(RadioSet).pressed_button
        if not senders or not text:
            self.notify("Vælg hvem der ønsker bemærkningen, og skriv teksten.", severity="warning")
            return
        self.submit(RemarkEntry(senders, (pressed.name if pressed else None) or REMARK_KINDS[0], text))
