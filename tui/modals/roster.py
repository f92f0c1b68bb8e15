"""Udvalget: the committee's roster (members and stedfortrædere), reached from Fremmøde with `u`.

`n` adds a member, Enter changes the one under the cursor, `x` lets a member leave the committee today (after
a confirmation): earlier meetings keep them, planned meetings drop them.  Each change is one action.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Input, Label, Select

from store.model import ROLES, SUBSTITUTE, short_iso_date
from store.terminal_text import visible
from tui.modals.base import Modal
from tui.modals.editing import EditDialog
from tui.widgets.key_bar import KeyBar
from tui.widgets.row_table import RowTable

MEMBER_ROLES = (*ROLES, SUBSTITUTE)


@dataclass
class MemberForm:
    """A member as the form holds it (texts as typed; the store checks them)."""

    name: str
    party: str
    role: str
    substitute_for: str
    valid_from: str
    valid_to: str


class RosterDialog(Modal):
    """The roster as a table; `day` is the app's MeetingDay, `perform` the app's perform."""

    BINDINGS = [
        Binding("n", "add", "Nyt medlem"),
        Binding("enter,e", "edit", "Ret", key_display="⏎"),
        Binding("x,delete", "leave", "Udtræder", key_display="x"),
        Binding("escape", "close", "Luk"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.members: list[dict] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide"):
            yield Label("Udvalget", classes="dialog-title", id="roster-title")
            yield RowTable(id="roster-table")
            yield Label(
                "n: nyt medlem · Enter: ret · x: udtræder i dag (tidligere møder beholder medlemmet)",
                classes="dim dialog-detail",
            )
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, key in (
            ("Navn", "name"),
            ("Parti", "party"),
            ("Rolle", "role"),
            ("Stedfortræder for", "seat"),
            ("Fra", "from"),
        ):
            table.add_column(label, key=key)
        self.reload()
        table.focus()

    def reload(self) -> None:
        """Read the roster again and redraw it, keeping the cursor's row."""
        meeting = self.app.day.meeting()
        self.query_one("#roster-title", Label).update(Text(f"Udvalget: {visible(meeting['committee'])}"))
        self.members = self.app.day.roster()
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for member in self.members:
            table.add_row(
                Text(visible(member["name"])),
                Text(visible(member["party"] or "")),
                Text(member["role"]),
                Text(visible(member["substitute_for"] or "")),
                Text(short_iso_date(member["valid_from"]) if member["valid_from"] else ""),
                key=str(member["id"]),
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def selected(self) -> dict | None:
        table = self.query_one(DataTable)
        return self.members[table.cursor_row] if 0 <= table.cursor_row < len(self.members) else None

    def seats(self) -> list[str]:
        return [m["name"] for m in self.members if m["role"] != SUBSTITUTE]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def open_form(self, member: dict | None) -> None:
        day = self.app.day

        def save(form: MemberForm) -> bool:
            fields = {
                "party": form.party,
                "role": form.role,
                "substitute_for": form.substitute_for,
                "valid_from": form.valid_from,
                "valid_to": form.valid_to,
            }
            if member is None:
                return dialog.attempt(day.add_member, form.name, **fields)
            if form.name.strip() != member["name"]:
                fields["new_name"] = form.name
            return dialog.attempt(day.edit_member, member["name"], **fields)

        dialog = MemberDialog(member, self.seats(), save)

        def saved(value: object) -> None:
            if value is not None:
                self.reload()

        self.app.push_screen(dialog, saved)

    def action_add(self) -> None:
        self.open_form(None)

    def action_edit(self) -> None:
        member = self.selected()
        if member is not None:
            self.open_form(member)

    def action_leave(self) -> None:
        from tui.modals.confirm import ConfirmDialog

        member = self.selected()
        if member is None:
            return
        name = member["name"]

        def answered(yes: bool | None) -> None:
            if yes and self.app.perform(self.app.day.remove_member, name):
                self.notify(f"{name} er udtrådt af udvalget.", timeout=5)
                self.reload()

        self.app.push_screen(
            ConfirmDialog(
                f"Skal {name} udtræde af udvalget i dag?",
                "Tidligere møder beholder medlemmet; planlagte møder efter i dag gør ikke.",
            ),
            answered,
        )

    def action_close(self) -> None:
        self.dismiss(None)


class MemberDialog(EditDialog):
    """One member's name, party, role, whose stedfortræder, since when and until when (a date ends the membership:
    earlier meetings keep the member); ctrl+s saves through `save`."""

    KEPT = "Medlemmet er ikke gemt; det indtastede står her stadig."
    BINDINGS = [
        Binding("ctrl+s", "save", "Gem", priority=True),
        Binding("escape", "cancel", "Fortryd"),
    ]

    def __init__(self, member: dict | None, seats: list[str], save: Callable[[MemberForm], bool]) -> None:
        super().__init__()
        self.member, self.save = member, save
        self.seats = [seat for seat in seats if not member or seat != member["name"]]

    def compose(self) -> ComposeResult:
        member = self.member or {}
        with Vertical(classes="dialog"):
            yield Label(
                f"Ret {member['name']}" if member else "Nyt medlem af udvalget", classes="dialog-title", markup=False
            )
            for key, label, value, example in (
                ("name", "Navn", member.get("name", ""), "Fornavn Efternavn"),
                ("party", "Parti", member.get("party") or "", "fx A"),
            ):
                with Horizontal(classes="editor-row"):
                    yield Label(label, classes="field-label wide")
                    yield Input(value, placeholder=example, id=f"member-{key}", compact=True)
            with Horizontal(classes="editor-row"):
                yield Label("Rolle", classes="field-label wide")
                yield Select(
                    [(role, role) for role in MEMBER_ROLES],
                    value=member.get("role", ROLES[-1]),
                    allow_blank=False,
                    id="member-role",
                    compact=True,
                )
            with Horizontal(classes="editor-row"):
                yield Label("Stedfortræder for", classes="field-label wide")
                seat = member.get("substitute_for")
                yield Select(
                    [(name, name) for name in self.seats],
                    value=seat if seat in self.seats else Select.NULL,
                    prompt="(ingen)",
                    allow_blank=True,
                    id="member-seat",
                    compact=True,
                )
            with Horizontal(classes="editor-row"):
                yield Label("Medlem fra", classes="field-label wide")
                yield Input(
                    member.get("valid_from") or "",
                    placeholder="fx 01-01-2026 (tom: altid)",
                    id="member-from",
                    compact=True,
                )
            with Horizontal(classes="editor-row"):
                yield Label("Medlem til", classes="field-label wide")
                yield Input(
                    member.get("valid_to") or "",
                    placeholder="fx 31-12-2029 (tom: fortsat medlem)",
                    id="member-to",
                    compact=True,
                )
            yield self.problem_line()
            with Horizontal(classes="dialog-buttons"):
                yield Button("Gem (ctrl+s)", id="save", variant="primary", compact=True)
                yield Button("Fortryd (Esc)", id="cancel", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#member-name", Input).focus()
        self.remember_start()

    def form(self) -> MemberForm:
        seat = self.query_one("#member-seat", Select).value
        return MemberForm(
            self.query_one("#member-name", Input).value,
            self.query_one("#member-party", Input).value,
            str(self.query_one("#member-role", Select).value),
            seat if isinstance(seat, str) else "",
            self.query_one("#member-from", Input).value,
            self.query_one("#member-to", Input).value,
        )

    def action_save(self) -> None:
        self.submit(self.form())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()
