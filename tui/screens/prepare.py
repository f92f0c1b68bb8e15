"""Forberedelse (F5): write and correct the dagsorden before (and during) the meeting.

One row per item; the keys add an item at the cursor or at the end, edit it (the item editor), delete it
(after a confirmation; refused once the meeting recorded something on it), move it, renumber the agenda from
a start number, and open the meeting's details.  Every change is one action of the meeting day: it shows in
`referat log` and ctrl+z undoes it.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey

from store.errors import StoreError
from store.model import ItemDraft, danish_time
from store.terminal_text import visible
from tui.screens.base import MeetingScreen
from tui.widgets.key_bar import KeyBar
from tui.widgets.row_table import RowTable

HINT = "i: nyt punkt foran markøren · ctrl+z fortryder · F1: alle taster"
EMPTY_HINT = "Dagsordenen er tom: n skriver det første punkt. m retter mødets dato, tid og sted."
PrepareView = tuple[dict, list[dict]]  # the meeting row, the items as the store lists them


def details_line(meeting: dict, count: int) -> str:
    """'Belægningen · kl. 15.00 · 5 punkter' — what the meeting bar does not already say."""
    parts = [
        meeting["location"] or "intet mødested",
        f"kl. {danish_time(meeting['planned_start'])}" if meeting["planned_start"] else "intet tidspunkt",
        "1 punkt" if count == 1 else f"{count} punkter",
    ]
    return visible(" · ".join(parts))


class PrepareScreen(MeetingScreen):
    """The agenda as a list to write: add, edit, delete, move, renumber; the meeting's details."""

    SCREEN_TITLE = "Forberedelse"
    MODE = "forberedelse"
    BINDINGS = [
        Binding("enter,e", "edit_item", "Ret", key_display="⏎", id="prepare_edit"),
        Binding("n", "new_item", "Nyt punkt", tooltip="Sidst på dagsordenen", id="prepare_new"),
        Binding("i", "insert_item", "Nyt punkt foran markøren", show=False, id="prepare_insert"),
        Binding("delete,x", "delete_item", "Slet", key_display="x", id="prepare_delete"),
        Binding("shift+up", "move(-1)", "Flyt op", key_display="⇧↑", id="prepare_move_up"),
        Binding("shift+down", "move(1)", "Flyt ned", show=False, key_display="⇧↓", id="prepare_move_down"),
        Binding("r", "renumber", "Omnummerér", id="prepare_renumber"),
        Binding("m", "meeting_details", "Mødet", id="prepare_meeting"),
    ]
    HELP_EXTRA = [
        ("Enter", "Ret punktet: nummer, titel, lukket, sagsnummer, type, indstilling, afsnit og bilag"),
        ("", "Numrene står, som de er skrevet, til du omnummererer (r) fra et startnummer."),
    ]

    view: PrepareView | None = None

    def compose(self) -> ComposeResult:
        yield from self.top_bars()
        yield Static(id="prepare-details")
        yield RowTable(id="prepare-items")
        yield Static(id="prepare-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, key in (
            ("Nr.", "number"),
            ("Titel", "title"),
            ("Type", "kind"),
            ("", "lukket"),
            ("Sagsnr.", "case"),
            ("Noteret", "recorded"),
        ):
            table.add_column(label, key=key)
        table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.app.may(action):
            return False
        if action in ("edit_item", "delete_item", "move") and not self.items():
            return None  # shown, greyed: there is no item yet
        return True

    # --- drawing ------------------------------------------------------------------

    def read_view(self) -> PrepareView:
        day = self.app.day
        return day.meeting(), day.prepared_items()

    def refresh_view(self) -> dict:
        view = self.read_view()
        self.draw(view)
        return view[0]

    def draw(self, view: PrepareView) -> None:
        """The meeting bar, the details line and one row per item, the cursor kept on its item."""
        meeting, rows = view
        self.view = view
        self.draw_top(self.app.day.meeting_top())
        self.query_one("#prepare-details", Static).update(Text(details_line(meeting, len(rows))))
        self.query_one("#prepare-hint", Static).update(HINT if rows else EMPTY_HINT)
        table = self.query_one(DataTable)
        keep = self.selected_id()
        widths = {"number": 5, "kind": 11, "lukket": 2, "case": 12, "recorded": 9}
        title_width = max(12, table.scrollable_content_region.width - sum(widths.values()) - 2 * len(widths) - 2)
        for key, width in {**widths, "title": title_width}.items():
            column = table.columns[ColumnKey(key)]
            column.width, column.auto_width = width, False
        table.clear()
        for row in rows:
            title = Text(visible(row["title"]), style="yellow" if row["urgent"] else "")
            title.truncate(title_width, overflow="ellipsis")
            table.add_row(
                Text(visible(row["number"]), justify="right"),
                title,
                Text(row["kind"] or "", style="dim"),
                Text("🔒" if not row["public"] else ""),
                Text(visible(row["case_number"] or ""), style="dim"),
                Text("✓" if row["recorded"] else "", style="green"),
                key=str(row["id"]),
            )
        if keep is not None and str(keep) in table.rows:
            table.move_cursor(row=table.get_row_index(str(keep)))
        self.refresh_bindings()

    def on_resize(self) -> None:
        if self.view is not None:
            self.draw(self.view)

    def items(self) -> list[dict]:
        return self.view[1] if self.view else []

    def selected_id(self) -> int | None:
        """The id of the item under the cursor."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    def selected(self) -> dict | None:
        item_id = self.selected_id()
        return next((row for row in self.items() if row["id"] == item_id), None)

    def focus_item(self, item_id: int) -> None:
        table = self.query_one(DataTable)
        if str(item_id) in table.rows:
            table.move_cursor(row=table.get_row_index(str(item_id)))

    # --- the items ----------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if self.app.may("edit_item"):
            self.action_edit_item()

    def open_editor(self, draft: ItemDraft, heading: str, write) -> None:
        """The item editor on `draft`; `write(draft)` saves it and returns the item's id."""
        from tui.modals.item_editor import ItemEditor

        saved: list[int] = []

        def save(value: ItemDraft) -> bool:
            return editor.attempt(lambda: saved.append(write(value)))

        def closed(value: ItemDraft | None) -> None:
            if value is not None and saved:
                self.focus_item(saved[-1])

        editor = ItemEditor(draft, save, heading)
        self.app.push_screen(editor, closed)

    def action_new_item(self) -> None:
        """A new item at the end of the agenda."""
        day = self.app.day
        self.open_editor(ItemDraft(title=None), "Nyt punkt sidst på dagsordenen", lambda draft: day.add_item(draft))

    def action_insert_item(self) -> None:
        """A new item in front of the one under the cursor."""
        row, day = self.selected(), self.app.day
        if row is None:
            self.action_new_item()
            return
        before = row["id"]
        self.open_editor(
            ItemDraft(title=None),
            f"Nyt punkt foran punkt {row['number']}",
            lambda draft: day.add_item(draft, before=before),
        )

    def action_edit_item(self) -> None:
        row, day = self.selected(), self.app.day
        if row is None:
            return
        item_id = row["id"]
        try:
            draft = day.item_draft(item_id)
        except StoreError as error:  # the item went meanwhile, the database is locked
            self.notify(str(error), severity="error")
            return

        def write(value: ItemDraft) -> int:
            changed = day.edit_item(item_id, value)
            self.notify(f"Rettet: {', '.join(changed)}." if changed else "Intet ændret.", timeout=4)
            return item_id

        self.open_editor(draft, f"Ret punkt {row['number']}", write)

    def action_delete_item(self) -> None:
        """Delete the item after a confirmation (the store refuses once something is recorded on it)."""
        from tui.modals.confirm import ConfirmDialog

        row, day = self.selected(), self.app.day
        if row is None:
            return
        if row["recorded"]:
            self.notify(f"Punkt {row['number']} har {row['recorded']} og kan ikke slettes.", severity="warning")
            return
        item_id = row["id"]

        def answered(yes: bool | None) -> None:
            if yes and self.app.perform(day.remove_item, item_id):
                self.notify(f"Punkt {row['number']} er slettet (ctrl+z fortryder).", timeout=5)

        self.app.push_screen(ConfirmDialog(f"Slet punkt {row['number']}?", visible(row["title"])), answered)

    def action_move(self, delta: int) -> None:
        row = self.selected()
        if row is not None and self.app.perform(self.app.day.move_item, row["id"], delta):
            self.focus_item(row["id"])

    def action_renumber(self) -> None:
        from tui.modals.renumber import RenumberDialog

        day, rows = self.app.day, self.items()
        if not rows:
            return

        def save(start: int) -> bool:
            return dialog.attempt(
                lambda: self.notify(
                    f"Dagsordenen er nummereret fra {start}; {day.renumber(start)} numre ændret.", timeout=5
                )
            )

        dialog = RenumberDialog([row["number"] for row in rows], save)
        self.app.push_screen(dialog)

    def action_meeting_details(self) -> None:
        from tui.modals.meeting_details import MeetingDetailsDialog

        day = self.app.day

        def save(fields: dict[str, str]) -> bool:
            def write() -> None:
                changed = day.edit_meeting(**fields)
                self.notify(f"Rettet: {', '.join(changed)}." if changed else "Intet ændret.", timeout=4)

            return dialog.attempt(write)

        dialog = MeetingDetailsDialog(day.meeting(), save, day.sibling_committees())
        self.app.push_screen(dialog)
