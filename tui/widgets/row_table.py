"""A DataTable with a row cursor where Home and End go to the first and last row."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable


class RowTable(DataTable):
    """Row cursor, no zebra stripes; Home/End jump to the first/last row."""

    BINDINGS = [
        Binding("home", "scroll_top", "Første", show=False),
        Binding("end", "scroll_bottom", "Sidste", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("cursor_type", "row")
        kwargs.setdefault("zebra_stripes", False)
        super().__init__(**kwargs)
