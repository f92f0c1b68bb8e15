"""The item editor (F5, Enter): title, number, sagsnummer, lukket, kind, indstilling points, sections and bilag.

The whole form is one `ItemDraft` saved at once (ctrl+s) through the meeting day.  Points, sections and
bilag are rows: ctrl+n adds a row after the one with the cursor, ctrl+r removes it, ctrl+↑/↓ (or alt+↑/↓)
moves it; Enter in a point starts the next point.  A section's heading offers the headings the importer
knows (↑/↓ walks through them, typing completes them) and takes any other heading too.  Tab reaches every
field in the order shown.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.dom import DOMNode
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, TextArea

from store.model import (
    COMMON_HEADINGS,
    ITEM_KINDS,
    RECOMMENDATION_SECTION,
    TEXT_SECTION,
    Attachment,
    ItemDraft,
    Section,
)
from tui.modals.editing import EditDialog
from tui.widgets.key_bar import KeyBar

NO_KIND = ""  # the kind of an item that is neither (the Select left blank)


class HeadingInput(Input):
    """A section's heading: any text, with the importer's headings offered (↑/↓ walks through them)."""

    BINDINGS = [
        Binding("down", "choice(1)", "Næste overskrift", show=False),
        Binding("up", "choice(-1)", "Forrige overskrift", show=False),
    ]

    def __init__(self, value: str = "") -> None:
        super().__init__(
            value,
            placeholder="Overskrift (↑↓ vælger en kendt)",
            classes="heading",
            suggester=SuggestFromList(COMMON_HEADINGS, case_sensitive=False),
            compact=True,
        )

    def action_choice(self, step: int) -> None:
        headings = list(COMMON_HEADINGS)
        index = headings.index(self.value) + step if self.value in headings else (0 if step > 0 else -1)
        self.value = headings[index % len(headings)]
        self.cursor_position = len(self.value)


class PointRow(Horizontal):
    """One indstilling point: its number and its text."""

    def __init__(self, text: str = "") -> None:
        super().__init__(classes="editor-row point-row")
        self.text = text

    def compose(self) -> ComposeResult:
        yield Label("", classes="point-number")
        yield Input(self.text, placeholder="at …", classes="point", compact=True)

    def value(self) -> str:
        return self.query_one(Input).value


class SectionBox(Vertical):
    """One section: its heading and its text (the indstilling section holds the points instead of text)."""

    def __init__(self, section: Section | None = None) -> None:
        super().__init__(classes="section-box")
        self.section = section or Section("")

    def compose(self) -> ComposeResult:
        yield HeadingInput(self.section.heading)
        if self.section.kind == RECOMMENDATION_SECTION:
            yield Label("Her står indstillingspunkterne ovenfor.", classes="dim")
        else:
            yield TextArea(
                self.section.text, classes="section-text", soft_wrap=True, show_line_numbers=False, compact=True
            )

    def value(self) -> Section:
        text = "" if self.section.kind == RECOMMENDATION_SECTION else self.query_one(TextArea).text
        return Section(self.query_one(HeadingInput).value, text, self.section.kind or TEXT_SECTION)


class BilagRow(Horizontal):
    """One bilag: its title and a file path or address."""

    def __init__(self, bilag: Attachment | None = None) -> None:
        super().__init__(classes="editor-row bilag-row")
        self.bilag = bilag or Attachment("")

    def compose(self) -> ComposeResult:
        yield Input(self.bilag.title, placeholder="Bilagets titel", classes="bilag-title", compact=True)
        yield Input(
            self.bilag.reference or "", placeholder="Fil eller adresse", classes="bilag-reference", compact=True
        )

    def value(self) -> Attachment:
        title, reference = (field.value for field in self.query(Input))
        return Attachment(title, reference or None, self.bilag.public)


ROWS = {"points": PointRow, "sections": SectionBox, "bilag": BilagRow}
ADD_LABELS = {"points": "+ Indstillingspunkt", "sections": "+ Afsnit", "bilag": "+ Bilag"}


class ItemEditor(EditDialog):
    """Edit one item (or write a new one); saves an ItemDraft through `save` (True once committed)."""

    KEPT = "Punktet er ikke gemt; det indtastede står her stadig."
    BINDINGS = [
        Binding("ctrl+s", "save", "Gem", priority=True),
        Binding("escape", "cancel", "Fortryd"),
        Binding("ctrl+n", "add_row", "Ny linje"),
        Binding("ctrl+r", "remove_row", "Slet linje"),
        Binding("ctrl+up,alt+up", "move_row(-1)", "Flyt op", key_display="^↑"),
        Binding("ctrl+down,alt+down", "move_row(1)", "Flyt ned", key_display="^↓"),
    ]

    def __init__(self, draft: ItemDraft, save: Callable[[ItemDraft], bool], heading: str) -> None:
        super().__init__()
        self.draft, self.save, self.heading = draft, save, heading

    def compose(self) -> ComposeResult:
        draft = self.draft
        kinds = [(kind, kind) for kind in ITEM_KINDS]
        with Vertical(classes="dialog dialog-wide", id="item-editor"):
            yield Label(self.heading, classes="dialog-title", markup=False)
            yield self.problem_line()  # on top: the editor is often taller than the terminal
            with Horizontal(classes="editor-row"):
                yield Label("Titel", classes="field-label")
                yield Input(draft.title or "", placeholder="Punktets titel", id="title", compact=True)
            with Horizontal(classes="editor-row"):
                yield Label("Nummer", classes="field-label")
                yield Input(draft.number or "", placeholder="næste", id="number", compact=True)
                yield Label("Sagsnr.", classes="field-label short")
                yield Input(draft.case_number or "", placeholder="fx 15/11238", id="case-number", compact=True)
            with Horizontal(classes="editor-row"):
                yield Checkbox("Lukket punkt", draft.public is False, id="lukket", compact=True)
                yield Label("Type", classes="field-label short")
                kind = draft.kind if draft.kind in ITEM_KINDS else Select.NULL
                yield Select(kinds, value=kind, prompt="(ingen)", allow_blank=True, id="kind", compact=True)
            yield Label("Indstilling (Enter: næste punkt)", classes="editor-heading")
            with Vertical(id="points", classes="rows"):
                for point in draft.recommendation or []:
                    yield PointRow(point)
            yield Button(ADD_LABELS["points"], id="add-points", classes="add-row", compact=True)
            yield Label("Afsnit", classes="editor-heading")
            with Vertical(id="sections", classes="rows"):
                for section in draft.sections or []:
                    yield SectionBox(section)
            yield Button(ADD_LABELS["sections"], id="add-sections", classes="add-row", compact=True)
            yield Label("Bilag", classes="editor-heading")
            with Vertical(id="bilag", classes="rows"):
                for bilag in draft.attachments or []:
                    yield BilagRow(bilag)
            yield Button(ADD_LABELS["bilag"], id="add-bilag", classes="add-row", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Gem (ctrl+s)", id="save", variant="primary", compact=True)
                yield Button("Fortryd (Esc)", id="cancel", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.number_points()
        self.query_one("#title", Input).focus()
        self.call_after_refresh(self.remember_start)

    # --- the form -----------------------------------------------------------------

    def form(self) -> ItemDraft:
        """The item as the fields hold it (empty points are dropped by the store)."""
        kind = self.query_one("#kind", Select).value
        return ItemDraft(
            title=self.query_one("#title", Input).value,
            number=self.query_one("#number", Input).value.strip() or None,
            public=not self.query_one("#lukket", Checkbox).value,
            case_number=self.query_one("#case-number", Input).value,
            kind=kind if isinstance(kind, str) else NO_KIND,
            recommendation=[row.value() for row in self.query(PointRow)],
            sections=[box.value() for box in self.query(SectionBox)],
            attachments=[row.value() for row in self.query(BilagRow) if row.value().title or row.value().reference],
            urgent=self.draft.urgent,
        )

    def number_points(self) -> None:
        for number, row in enumerate(self.query(PointRow), start=1):
            for label in row.query(".point-number").results(Label):
                label.update(f"{number}.")

    def action_save(self) -> None:
        self.submit(self.form())

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        if button == "save":
            self.action_save()
        elif button == "cancel":
            self.action_cancel()
        elif button.startswith("add-"):
            await self.add_row(button.removeprefix("add-"))

    # --- rows: points, sections, bilag -------------------------------------------------

    def focused_row(self) -> Widget | None:
        """The point, section or bilag row holding the cursor, or None."""
        node: DOMNode | None = self.focused
        while node is not None and not isinstance(node, (PointRow, SectionBox, BilagRow)):
            node = node.parent
        return node if isinstance(node, Widget) else None

    async def add_row(self, kind: str, after: Widget | None = None) -> None:
        """A new empty row of `kind` after the row `after` (None: last), with the cursor in it."""
        container = self.query_one(f"#{kind}", Vertical)
        row = ROWS[kind]()
        focused = self.focused
        await (container.mount(row) if after is None else container.mount(row, after=after))
        self.number_points()
        if self.focused is focused:  # unless the user has moved on meanwhile
            row.query(Input).first().focus()

    async def action_add_row(self) -> None:
        row = self.focused_row()
        if row is None:
            self.notify(
                "Stil markøren i indstillingen, et afsnit eller et bilag; eller brug knapperne med +.",
                severity="warning",
                timeout=4,
            )
            return
        kind = next(kind for kind, cls in ROWS.items() if isinstance(row, cls))
        await self.add_row(kind, after=row)

    def action_remove_row(self) -> None:
        row = self.focused_row()
        if row is None:
            return
        container = row.parent
        if not isinstance(container, Widget):
            return
        rows = list(container.children) if container else []
        index = rows.index(row)
        row.remove()
        rest = [other for other in rows if other is not row]

        def focus() -> None:
            self.number_points()
            if rest:
                rest[min(index, len(rest) - 1)].query(Input).first().focus()
            else:
                kind = container.id if container is not None else ""
                self.query_one(f"#add-{kind}", Button).focus()

        self.call_after_refresh(focus)

    def action_move_row(self, step: int) -> None:
        row = self.focused_row()
        if row is None or row.parent is None:
            return
        container = row.parent
        if not isinstance(container, Widget):
            return
        rows = list(container.children)
        index = rows.index(row) + step
        if not 0 <= index < len(rows):
            return
        focused = self.focused
        if step < 0:
            container.move_child(row, before=rows[index])
        else:
            container.move_child(row, after=rows[index])
        self.number_points()
        if focused is not None:
            self.call_after_refresh(focused.focus)

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: in a point, a new point after it; elsewhere, the next field."""
        event.stop()
        if event.input.has_class("point"):
            await self.add_row("points", after=self.focused_row())
        else:
            self.focus_next()
