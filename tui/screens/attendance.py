"""Fremmøde (F2): every member with party and role; t/a/f/l/s mark the exceptions, k/g late arrival and departure.

The first ten members are numbered with a key (1–9, then 0 for the tenth): that key alone marks the member
afbud, and pressing it again til stede, wherever the cursor is.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey

from store.model import ABSENT, EXPECTED_LATE, PRESENT, SENT_APOLOGIES, SUBSTITUTE, display_name
from store.views import AttendanceView
from tui.screens.attendance_list import AttendanceListEditing
from tui.screens.base import MeetingScreen
from tui.widgets.key_bar import KeyBar
from tui.widgets.row_table import RowTable

STATUS_STYLES = {
    PRESENT: "green",
    SENT_APOLOGIES: "yellow",
    ABSENT: "red",
    SUBSTITUTE: "cyan",
    EXPECTED_LATE: "magenta",
}
MEMBER_KEYS = "1234567890"  # member number n (1–10) is marked afbud with MEMBER_KEYS[n - 1]
NOTE_WIDTH = 12  # the narrowest note column of the full layout (cells)
CELL_PADDING = 2  # a DataTable cell's padding, left and right together


def seat_holders(members: list[dict]) -> list[dict]:
    """The members in their numbered order (stedfortrædere, listed last, get no number)."""
    return [member for member in members if member["status"] != SUBSTITUTE]


def attendance_note(row: dict) -> str:
    """'for Brian Møller (A)', 'ankom 15.50 under pkt. 2', 'gik 17.00 efter pkt. 4', … for one row."""
    notes = []
    if row["substitute_for"]:
        notes.append(f"for {display_name(row['substitute_for'], row.get('substitute_for_party'))}")
    if row["substituted_by"]:
        notes.append(f"stedfortræder {row['substituted_by']}")
    if row["arrived_at"]:
        where = f" under pkt. {row['arrived_item']}" if row["arrived_item"] else ""
        notes.append(f"ankom {row['arrived_at'].replace(':', '.')}{where}")
    if row["left_at"]:
        where = f" efter pkt. {row['left_item']}" if row["left_item"] else ""
        notes.append(f"gik {row['left_at'].replace(':', '.')}{where}")
    return "; ".join(notes)


def member_cell(row: dict) -> Text:
    """The narrow layout's one column for a member: 'Benthe Viola Holm (A)', then role and note in dim."""
    text = Text(display_name(row["name"], row["party"]))
    details = [row["role"]] if row["role"] and row["role"] != "medlem" else []
    if note := attendance_note(row):
        details.append(note)
    if details:
        text.append("\n" + " · ".join(details), style="dim")
    return text


def layout(members: list[dict], width: int) -> dict[str, tuple[str, int]]:
    """Column key -> (heading, width) for a table `width` cells wide: every column while the note column gets
    at least NOTE_WIDTH cells; narrower, name, party, role and note share one column (two lines a member)."""
    name = max([4, *(len(member["name"]) for member in members)])
    fixed = {
        "key": ("Tast", 4),
        "name": ("Navn", name),
        "party": ("Parti", 5),
        "role": ("Rolle", 11),
        "status": ("Fremmøde", 13),
    }
    note = width - sum(cells for _, cells in fixed.values()) - CELL_PADDING * (len(fixed) + 1)
    if note >= NOTE_WIDTH:
        return {**fixed, "note": ("Bemærkning", note)}
    member = max(NOTE_WIDTH, width - 4 - 13 - CELL_PADDING * 3)
    return {"key": ("Tast", 4), "member": ("Medlem", member), "status": ("Fremmøde", 13)}


def status_cell(row: dict) -> Text:
    """The status as marked, or 'til stede' in dim when not marked (the default)."""
    if row["status"] is None:
        return Text("(til stede)", style="dim")
    return Text(row["status"], style=STATUS_STYLES.get(row["status"], ""))


class AttendanceScreen(AttendanceListEditing, MeetingScreen):
    """The roll call: one key per exception."""

    SCREEN_TITLE = "Fremmøde"
    MODE = "fremmode"
    BINDINGS = [
        *(Binding(key, f"apologies({index})", show=False) for index, key in enumerate(MEMBER_KEYS)),
        Binding("t", "status('til stede')", "Til stede", id="present"),
        Binding("a", "status('afbud')", "Afbud", id="apologies"),
        Binding("f", "status('fraværende')", "Fraværende", id="absent"),
        Binding("s", "substitute", "Stedfortræder", id="substitute"),
        Binding("l", "status('kommer senere')", "Senere", id="expected_late"),
        Binding("k", "arrival", "Ankom", id="arrival"),
        Binding("g", "departure", "Gik", id="departure"),
        Binding("n", "attendee", "Tilføj deltager eller gæst", show=False, id="attendee"),
        Binding("x,delete", "remove_attendee", "Fjern fra listen", show=False, key_display="x", id="remove_attendee"),
        Binding("u", "roster", "Udvalgets medlemmer", show=False, id="roster"),
    ]
    HELP_EXTRA = [
        ("1–9, 0", "Afbud for medlemmet med den tast i første kolonne (0 er nr. 10); samme tast igen: til stede"),
        ("", "Nr. 11 og derefter: vælg medlemmet med ↑ ↓ og tryk a"),
        ("", "Medlemmer, der ikke er markeret, regnes som til stede, når mødet er åbnet."),
        ("", "l: kommer senere (tæller ikke med); k når medlemmet ankommer, g når det går"),
    ]

    def compose(self) -> ComposeResult:
        yield from self.top_bars()
        yield RowTable(id="attendance")
        yield Static(id="guests")
        yield Static(
            "Tast 1–0: afbud (igen: til stede). Umarkerede medlemmer regnes som til stede.", id="attendance-hint"
        )
        yield KeyBar()

    view: AttendanceView | None = None  # what was last drawn

    def on_resize(self) -> None:
        if self.view is not None:
            self.draw(self.view)  # the columns take the new width

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.app.may(action)

    def read_view(self) -> AttendanceView:
        """The members and the lines on top."""
        return self.app.day.attendance_view()

    def draw(self, view: AttendanceView) -> None:
        """Redraw the lines on top and one row per member, keeping the cursor's row; a note or a name too long
        for its column goes on in the row's next line."""
        self.view = view
        self.draw_top(view.top)
        table = self.query_one(DataTable)
        row = table.cursor_row
        members = view.members
        width = table.scrollable_content_region.width or self.app.size.width
        columns = layout(members, width)
        if list(table.columns) != list(columns):
            table.clear(columns=True)
            for key, (label, _) in columns.items():
                table.add_column(label, key=key)
        for key, (_, column_width) in columns.items():
            column = table.columns[ColumnKey(key)]
            column.width, column.auto_width = column_width, False
        table.clear()
        keys = dict(zip((member["person_id"] for member in seat_holders(members)), MEMBER_KEYS))
        for member in members:
            cells = {
                "key": Text(keys.get(member["person_id"], ""), style="bold", justify="center"),
                "name": Text(member["name"]),
                "party": Text(member["party"] or ""),
                "role": Text(member["role"] or ""),
                "status": status_cell(member),
                "note": Text(attendance_note(member), style="dim"),
                "member": member_cell(member),
            }
            height = max(len(cells[key].wrap(self.app.console, width)) for key, (_, width) in columns.items())
            table.add_row(*(cells[key] for key in columns), key=str(member["person_id"]), height=height)
        table.move_cursor(row=min(row, table.row_count - 1))

    def members(self) -> list[dict]:
        """The attendance rows as last drawn (every write redraws them)."""
        return self.view.members if self.view else []

    def selected_person(self) -> dict | None:
        """The attendance row under the cursor."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((m for m in self.members() if str(m["person_id"]) == key), None)

    def action_status(self, status: str) -> None:
        person = self.selected_person()
        if person and self.app.perform(self.app.day.set_status, person["person_id"], status):
            self.query_one(DataTable).action_cursor_down()

    def action_apologies(self, number: int) -> None:
        """Member number `number` (0-based): afbud, or til stede when already afbud; the cursor goes to them."""
        members = seat_holders(self.members())
        if number >= len(members):
            self.notify(f"Der er ikke noget medlem med tasten {MEMBER_KEYS[number]}.", severity="warning", timeout=3)
            return
        member = members[number]
        status = PRESENT if member["status"] == SENT_APOLOGIES else SENT_APOLOGIES
        if self.app.perform(self.app.day.set_status, member["person_id"], status):
            table = self.query_one(DataTable)
            table.move_cursor(row=table.get_row_index(str(member["person_id"])))

    def apologies_commands(self) -> Iterable[SystemCommand]:
        """One palette command per member: afbud til/fra (members 11 and on have no key of their own)."""
        if not self.app.may("apologies"):
            return
        for number, member in enumerate(seat_holders(self.members())):
            key = f"tast {MEMBER_KEYS[number]}" if number < len(MEMBER_KEYS) else "eller ↑ ↓ og a"
            yield SystemCommand(
                f"Afbud til/fra: {member['name']}",
                f"Medlem nr. {number + 1} ({key})",
                partial(self.action_apologies, number),
            )

    def action_substitute(self) -> None:
        from tui.modals.substitute import SubstituteDialog  # imported when first needed (startup time)

        person = self.selected_person()
        if person is None:
            return
        if person["status"] == SUBSTITUTE:
            self.notify("Vælg det medlem, hvis plads stedfortræderen skal have.", severity="warning")
            return
        day, person_id = self.app.day, person["person_id"]

        def save(answer: tuple[str, str | None]) -> bool:
            return self.app.perform(day.set_substitute, person_id, *answer)

        self.app.push_screen(SubstituteDialog(person, day.substitute_candidates(person_id), save))

    def action_arrival(self) -> None:
        person = self.selected_person()
        if person:
            person_id = person["person_id"]
            self.app.perform(lambda: self.notify(self.app.day.record_arrival(person_id), timeout=5))

    def action_departure(self) -> None:
        person = self.selected_person()
        if person:
            person_id = person["person_id"]
            self.app.perform(lambda: self.notify(self.app.day.record_departure(person_id), timeout=5))
