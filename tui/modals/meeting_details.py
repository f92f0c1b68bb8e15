"""Mødets oplysninger: date, planned time, place, actual start and end, and the closing line the referat prints.

The actual start and end can be corrected also after the meeting is hævet (until the referat is approved);
for a meeting not yet opened they are not shown.  The udvalg can be changed to another of the kommune's while
the meeting is planned (its fremmøde list then becomes that udvalg's).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select

from store.model import PLANNED, committee_label
from tui.modals.editing import EditDialog
from tui.widgets.key_bar import KeyBar

CLOSING_EXAMPLE = "Protokollen oplæst."


def _clock(stamp: str | None) -> str:
    return dt.datetime.fromisoformat(stamp).strftime("%H.%M") if stamp else ""


def _date(iso: str | None) -> str:
    return dt.date.fromisoformat(iso).strftime("%d-%m-%Y") if iso else ""


class MeetingDetailsDialog(EditDialog):
    """The meeting's details as a form; ctrl+s (or Enter in the last field) saves the fields that changed."""

    KEPT = "Oplysningerne er ikke gemt; det indtastede står her stadig."
    BINDINGS = [
        Binding("ctrl+s", "save", "Gem", priority=True),
        Binding("escape", "cancel", "Fortryd"),
    ]

    def __init__(self, meeting: dict, save: Callable[[dict[str, str]], bool], committees: Sequence[str] = ()) -> None:
        super().__init__()
        self.meeting, self.save = meeting, save
        self.held = meeting["status"] != PLANNED
        # Another udvalg only while the meeting is planned, and when the kommune has another
        self.committees = list(committees) if not self.held and len(committees) > 1 else []
        self.fields = {
            "date": ("Dato", _date(meeting["date"]), "fx 29-05-2027"),
            "time": ("Mødetidspunkt", (meeting["planned_start"] or "").replace(":", "."), "fx 15.00"),
            "place": ("Mødested", meeting["location"] or "", "fx Byrådssalen"),
        }
        if self.held:
            self.fields["start"] = ("Begyndte kl.", _clock(meeting["started_at"]), "fx 15.00")
            self.fields["end"] = ("Sluttede kl.", _clock(meeting["ended_at"]), "fx 16.45")
        self.fields["closing"] = ("Afslutning", meeting["closing"] or "", f"fx {CLOSING_EXAMPLE}")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Mødets oplysninger", classes="dialog-title")
            if self.committees:
                with Horizontal(classes="editor-row"):
                    yield Label("Udvalg", classes="field-label wide")
                    yield Select(
                        [(name, name) for name in self.committees],
                        value=self.meeting["committee"],
                        allow_blank=False,
                        id="meeting-committee",
                        compact=True,
                    )
            else:
                yield Label(
                    f"Udvalg: {committee_label(self.meeting['committee'], self.meeting['municipality'])}",
                    markup=False,
                    classes="dialog-detail",
                )
            for key, (label, value, example) in self.fields.items():
                with Horizontal(classes="editor-row"):
                    yield Label(label, classes="field-label wide")
                    yield Input(value, placeholder=example, id=f"meeting-{key}", compact=True)
            if not self.held:
                yield Label(
                    "Mødets faktiske begyndelse og slutning kan rettes, når mødet er åbnet.",
                    classes="dim dialog-detail",
                )
            yield Label("Afslutningen er en linje, referatet slutter med (tom: ingen).", classes="dim dialog-detail")
            yield self.problem_line()
            with Horizontal(classes="dialog-buttons"):
                yield Button("Gem (ctrl+s)", id="save", variant="primary", compact=True)
                yield Button("Fortryd (Esc)", id="cancel", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        (self.query("#meeting-committee").first() if self.committees else self.query(Input).first()).focus()
        self.remember_start()

    def form(self) -> dict[str, str]:
        values = {key: self.query_one(f"#meeting-{key}", Input).value for key in self.fields}
        if self.committees:
            values["committee"] = str(self.query_one("#meeting-committee", Select).value)
        return values

    def action_save(self) -> None:
        """Save the fields that were changed (the store checks each)."""
        start = self._start or {}
        self.submit({key: value for key, value in self.form().items() if value != start.get(key)})

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == f"meeting-{list(self.fields)[-1]}":
            self.action_save()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()
