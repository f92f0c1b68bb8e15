"""Afstemning: what is voted on, each party's (or member's) for / imod / undlod, the live count and result.

The letters that vote (f, i, u, e, d, b) belong to the table of voters, so they act only while it has the
focus; in the ændringsforslag field every letter is text.  Only ctrl+s saves, and only votes actually
entered are recorded.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Input, Label, Static
from textual.widgets.data_table import ColumnKey

from store.model import VOTE_ON_AMENDMENT, VOTE_ON_RECOMMENDATION, Item, display_name, tally
from tui.modals.drafts import DraftDialog
from tui.widgets.key_bar import KeyBar

RECOMMENDATION_SUBJECT = "Indstillingen"
CHOICE_LABELS = {"for": "For", "imod": "Imod", "undlod": "Undlod"}
KEPT = "Afstemningen er ikke gemt; stemmerne står her stadig."


@dataclass
class VoteEntry:
    """The answer: subject, kind, one choice per person, and whether the result becomes the outcome."""

    subject: str
    kind: str
    choices: dict[int, str]
    adopt: bool


class VoterTable(DataTable):
    """The voters, one row per party (or member); its letters give the highlighted row its vote."""

    # Not in the key line: the dialog's own lines name them, and the key line keeps room for ctrl+s.
    BINDINGS = [
        Binding("f", "screen.choose('for')", "For", show=False),
        Binding("i", "screen.choose('imod')", "Imod", show=False),
        Binding("u", "screen.choose('undlod')", "Undlod", show=False),
        Binding("delete,backspace", "screen.choose(None)", "Ryd", show=False),
        Binding("e", "screen.unanimous", "Enstemmigt", show=False),
        Binding("d", "screen.split", "Del/saml parti", show=False),
        Binding("b", "screen.toggle_adopt", "Som beslutning", show=False),
    ]


class VoteDialog(DraftDialog):
    """The ændringsforslag field first (Enter or Tab goes on to the voters), then the voters; ctrl+s saves
    through `save` (True once committed) and the dialog stays open with its votes when the save is refused."""

    KEPT = KEPT
    SCREEN_TITLE = "Afstemning"
    HELP_EXTRA = [
        (
            "",
            "f, i, u, e, d, b og Delete virker i listen over stemmerne (Tab fra ændringsforslaget); i "
            "feltet er alle bogstaver tekst.",
        ),
        ("Enter", "I feltet Ændringsforslag: videre til stemmerne"),
    ]

    BINDINGS = [
        Binding("ctrl+s", "save", "Gem", priority=True),
        Binding("escape", "cancel", "Fortryd"),
    ]

    def __init__(
        self,
        item: Item,
        people: list[dict],
        save: Callable[[VoteEntry], bool],
        warnings: list[str] | None = None,
        draft_key: str | None = None,
    ) -> None:
        super().__init__()
        self.item, self.people, self.save = item, people, save
        self.warnings = warnings or []
        self.draft_key = draft_key
        self.choices: dict[int, str] = {}
        self.split: set[str] = set()
        self.adopt = True
        self.adopt_chosen = False
        self.by_party: dict[str | None, list[dict]] = defaultdict(list)
        for person in people:
            self.by_party[person["party"]].append(person)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide"):
            yield Label(
                f"Afstemning, punkt {self.item.number}: {self.item.title}", classes="dialog-title", markup=False
            )
            for warning in self.warnings:
                yield Static(Text(warning), classes="dialog-warning")
            yield Input(placeholder="Ændringsforslag (tomt: indstillingen)", id="subject")
            yield Static("Stemmer: f for · i imod · u undlod · e enstemmigt for · d del/saml parti", classes="dim")
            yield VoterTable(id="voters", cursor_type="row", zebra_stripes=False)
            yield Static(id="tally")
            yield self.problem_line()
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Stemme", key="choice", width=7)  # first: the vote stays in view on a narrow terminal
        table.add_column("Stemmer", key="who")
        self._fill()
        self.call_after_refresh(self._fill)  # once the table has its width: the voters wrap within it
        self.query_one("#subject", Input).focus()
        self.start_draft()

    # --- drafts -----------------------------------------------------------------

    def draft_text(self) -> str:
        return self.query_one("#subject", Input).value

    def restore_draft(self, text: str) -> None:
        self.query_one("#subject", Input).value = text

    def typed(self) -> bool:
        return super().typed() or bool(self.choices)

    # --- rows -------------------------------------------------------------------

    def rows(self) -> list[tuple[str, list[dict]]]:
        """(row key, people) in order: a party as one row unless split, members without party alone."""
        rows = []
        for party in sorted(self.by_party, key=lambda p: p or "~"):
            members = self.by_party[party]
            if party and party not in self.split:
                rows.append((f"party:{party}", members))
            else:
                rows.extend((f"person:{m['person_id']}", [m]) for m in members)
        return rows

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        if width := table.scrollable_content_region.width:
            column = table.columns[ColumnKey("who")]
            column.width, column.auto_width = max(10, width - table.columns[ColumnKey("choice")].width - 4), False
        table.clear()
        for key, members in self.rows():
            if key.startswith("party:"):
                who = Text(f"{members[0]['party']} ", style="bold")
                who.append(", ".join(m["name"] for m in members), style="dim")
            else:
                who = Text(display_name(members[0]["name"], members[0]["party"]))
            votes = {self.choices.get(m["person_id"]) for m in members}
            if len(votes) > 1:
                choice = Text("delt", style="italic")
            else:
                value = votes.pop()
                choice = Text(CHOICE_LABELS.get(value or "", "–"), style="bold" if value else "dim")
            lines = len(who.wrap(self.app.console, table.columns[ColumnKey("who")].width))
            table.add_row(choice, who, key=key, height=max(1, lines))  # a long party line wraps
        table.move_cursor(row=min(row, table.row_count - 1))
        self._show_tally()

    def _show_tally(self) -> None:
        for_count, against, abstain, result = tally(self.choices)
        missing = len(self.people) - len(self.choices)
        text = Text(f"For {for_count} · Imod {against} · Undlod {abstain}")
        if missing:
            text.append(f" · mangler {missing}", style="dim")
        text.append(f"  → {result}" if self.choices else "  → ingen stemmer endnu", style="bold")
        text.append("\n")
        text.append("[x] " if self.adopt else "[ ] ")
        text.append("Resultatet bliver punktets beslutning (b)")
        self.query_one("#tally", Static).update(text)

    def _current_members(self) -> list[dict]:
        rows = self.rows()
        table = self.query_one(DataTable)
        return rows[table.cursor_row][1] if rows else []

    # --- actions ----------------------------------------------------------------

    def action_choose(self, choice: str | None) -> None:
        for member in self._current_members():
            if choice is None:
                self.choices.pop(member["person_id"], None)
            else:
                self.choices[member["person_id"]] = choice
        row = self.query_one(DataTable).cursor_row
        self._fill()
        self.query_one(DataTable).move_cursor(row=row + 1 if choice else row)

    def action_unanimous(self) -> None:
        self.choices = {person["person_id"]: "for" for person in self.people}
        self._fill()

    def action_split(self) -> None:
        members = self._current_members()
        party = members[0]["party"] if members else None
        if not party:
            return
        self.split ^= {party}
        self._fill()

    def action_toggle_adopt(self) -> None:
        self.adopt, self.adopt_chosen = not self.adopt, True
        self._show_tally()

    def on_input_changed(self, event: Input.Changed) -> None:
        if not self.adopt_chosen:
            self.adopt = not event.value.strip()
            self._show_tally()

    def on_input_submitted(self) -> None:
        self.query_one(DataTable).focus()

    def action_save(self) -> None:
        if not self.choices:
            self.notify(
                "Ingen stemmer er afgivet endnu: gå til stemmerne (Tab) og brug f/i/u, eller e for enstemmigt.",
                severity="warning",
            )
            return
        amendment = self.query_one("#subject", Input).value.strip()
        self.submit(
            VoteEntry(
                subject=amendment or RECOMMENDATION_SUBJECT,
                kind=VOTE_ON_AMENDMENT if amendment else VOTE_ON_RECOMMENDATION,
                choices=dict(self.choices),
                adopt=self.adopt,
            )
        )
