"""One outcome per indstilling point: '1. Anbefales 2. Ikke godkendt'."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Label, Static
from textual.widgets.data_table import ColumnKey

from store.model import Item
from tui.modals.base import SavingDialog
from tui.widgets.decision_bar import DecisionBar
from tui.widgets.key_bar import KeyBar

DIGITS = "123456789"
KEPT = "Valgene er ikke gemt; de står her stadig."


class PointOutcomesDialog(SavingDialog):
    """A digit gives the highlighted point an outcome and moves down; Enter saves through `save` (True once
    committed)."""

    KEPT = KEPT
    SCREEN_TITLE = "Beslutning pr. indstillingspunkt"
    HELP_EXTRA = [
        (
            "1–9",
            "Beslutning for det markerede indstillingspunkt efter udvalgets formuleringer (se linjen "
            "nederst); markøren går ét punkt ned",
        )
    ]

    BINDINGS = [
        *(Binding(digit, f"outcome({index})", show=False) for index, digit in enumerate(DIGITS)),
        Binding("plus", "add_point", "Nyt punkt"),
        Binding("delete,backspace", "clear_point", "Ryd"),
        Binding("enter,ctrl+s", "save", "Gem", priority=True),
        Binding("escape", "cancel", "Fortryd"),
    ]

    def __init__(
        self, item: Item, phrases: list[str], save: Callable[[list[str]], bool], warning: str | None = None
    ) -> None:
        super().__init__()
        self.item, self.phrases, self.save, self.warning = item, phrases, save, warning
        count = max(len(item.recommendation), len(item.decision.points) if item.decision else 0, 1)
        recorded = item.decision.points if item.decision else []
        self.outcomes = [recorded[i] if i < len(recorded) else "" for i in range(count)]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide"):
            yield Label(
                f"Beslutning pr. indstillingspunkt, punkt {self.item.number}: {self.item.title}",
                classes="dialog-title",
                markup=False,
            )
            if self.warning:
                yield Static(Text(self.warning), classes="dialog-warning")
            yield DataTable(id="points", cursor_type="row", zebra_stripes=False)
            yield DecisionBar(id="point-decision-bar")
            yield self.problem_line()
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Nr.", key="number")
        table.add_column("Beslutning", key="outcome", width=24)
        table.add_column("Indstilling", key="text")
        self._fill()
        self.call_after_refresh(self._fill)
        table.focus()
        self.query_one(DecisionBar).show(self.phrases, "Markeret indstillingspunkt (↑ ↓)", [])

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        width = max(16, table.scrollable_content_region.width - 36)
        column = table.columns[ColumnKey("text")]
        column.width, column.auto_width = width, False
        table.clear()
        for index, outcome in enumerate(self.outcomes):  # a long indstilling point wraps within its column
            point = Text(self.item.recommendation[index] if index < len(self.item.recommendation) else "")
            table.add_row(
                f"{index + 1}.",
                Text(outcome or "–", style="bold" if outcome else "dim"),
                point,
                key=str(index),
                height=None,
            )
        table.move_cursor(row=min(row, len(self.outcomes) - 1))

    def action_outcome(self, index: int) -> None:
        if index >= len(self.phrases):
            return
        table = self.query_one(DataTable)
        self.outcomes[table.cursor_row] = self.phrases[index]
        row = table.cursor_row
        self._fill()
        table.move_cursor(row=min(row + 1, len(self.outcomes) - 1))

    def action_add_point(self) -> None:
        self.outcomes.append("")
        self._fill()
        self.query_one(DataTable).move_cursor(row=len(self.outcomes) - 1)

    def action_clear_point(self) -> None:
        self.outcomes[self.query_one(DataTable).cursor_row] = ""
        self._fill()

    def action_save(self) -> None:
        if not any(self.outcomes):
            self.notify("Giv mindst ét punkt en beslutning med et tal.", severity="warning")
            return
        last = max(i for i, outcome in enumerate(self.outcomes) if outcome)
        self.submit(self.outcomes[: last + 1])

    def action_cancel(self) -> None:
        self.dismiss(None)
