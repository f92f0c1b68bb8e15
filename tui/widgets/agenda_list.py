"""The agenda on the left of Dagsorden: marks for pending / current / decided / udsat / lukket, and the blok."""

from __future__ import annotations

from rich.text import Text

from tui.widgets.row_table import RowTable

STATE_MARKS = {"afventer": ("·", "dim"), "aktuel": ("▶", "bold"), "besluttet": ("✓", "green"),
               "udsat": ("↷", "yellow")}
LOCK = "🔒"
MARKS_WIDTH, NUMBER_WIDTH = 4, 4  # blok mark, state mark, lock (2 cells); the item number right-aligned


def marks(row: dict, marked: bool) -> Text:
    """'■✓🔒': in the blok, state, lukket."""
    mark, style = STATE_MARKS.get(row["state"], ("?", ""))
    text = Text("■" if marked else " ", style="bold magenta")
    text.append(mark, style=style)
    text.append("  " if row["public"] else LOCK)
    return text


class AgendaList(RowTable):
    """One row per item, keyed by item id; redrawn from `agenda()` rows, keeping the cursor's item."""

    def __init__(self, **kwargs) -> None:
        super().__init__(show_header=False, cell_padding=0, **kwargs)

    def on_mount(self) -> None:
        self.add_column("", key="marks", width=MARKS_WIDTH)
        self.add_column("Nr.", key="number", width=NUMBER_WIDTH)
        self.add_column("Punkt", key="title")

    shown: tuple | None = None

    def show(self, rows: list[dict], marked: set[int], cursor_item: int | None) -> None:
        """Redraw every row (unless nothing changed); put the cursor on `cursor_item` (if present)."""
        title_width = max(10, self.scrollable_content_region.width - MARKS_WIDTH - NUMBER_WIDTH)
        if self.shown == (rows, marked, title_width):
            self._move_to(cursor_item)
            return
        self.shown = (rows, set(marked), title_width)
        self.columns["title"].width = title_width
        self.columns["title"].auto_width = False
        self.clear()
        for row in rows:
            title = Text(" ")
            title.append(row["title"], style="bold" if row["state"] == "aktuel" else "")
            if row["summary"]:
                title.append(f" — {row['summary']}", style="dim")
            title.truncate(title_width, overflow="ellipsis")
            self.add_row(marks(row, row["id"] in marked), Text(f"{row['number']}.", justify="right"), title,
                         key=str(row["id"]))
        self._move_to(cursor_item)

    def on_resize(self) -> None:
        """Fit the titles to the new width (the first layout comes after the first `show`)."""
        if self.shown is not None:
            rows, marked, _ = self.shown
            self.show(rows, marked, self.highlighted_item())

    def _move_to(self, item_id: int | None) -> None:
        if item_id is not None and str(item_id) in self.rows:
            self.move_cursor(row=self.get_row_index(str(item_id)), scroll=True)

    def highlighted_item(self) -> int | None:
        """The item id under the cursor, or None for an empty agenda."""
        if not self.row_count:
            return None
        return int(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)
