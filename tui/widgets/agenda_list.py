"""The agenda on the left of Dagsorden: marks for pending / current / decided / udsat / lukket, and the blok.

An OptionList, one line per item: it draws the first frame in about a third of the time a DataTable takes
(bench/startup.py).  As in a table, a click highlights an item and a click on the highlighted item (or Enter)
chooses it (OptionSelected).
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.terminal_text import visible

STATE_MARKS = {"afventer": ("·", "dim"), "aktuel": ("▶", "bold"), "besluttet": ("✓", "green"), "udsat": ("↷", "yellow")}
LOCK = "🔒"
MARKS_WIDTH, NUMBER_WIDTH = 4, 4  # blok mark, state mark, lock (2 cells); the item number right-aligned
MIN_TITLE_WIDTH = 8  # the least of a title kept before a long beslutning (cells)


def marks(row: dict, marked: bool) -> Text:
    """'■✓🔒': in the blok, state, lukket."""
    mark, style = STATE_MARKS.get(row["state"], ("?", ""))
    text = Text()
    text.append("■" if marked else " ", style="bold magenta")
    text.append(mark, style=style)
    text.append("  " if row["public"] else LOCK)
    return text


def item_line(row: dict, marked: bool, width: int) -> Text:
    """' ▶    3. JobCAMP 2017 — Godkendt' in `width` cells: a long title is cut with an ellipsis before a
    short beslutning, which stays in view; a long beslutning (free text) shares the line with the title."""
    line = marks(row, marked)
    line.append(visible(f"{row['number']}.").rjust(NUMBER_WIDTH) + " ")
    # Cut before cleaning: a line shows at most `width` characters of a title however long it is.
    title = Text(visible(row["title"][:width]), style="bold" if row["state"] == "aktuel" else "")
    summary = Text(visible(f" — {row['summary'][:width]}") if row["summary"] else "", style="dim")
    room = width - line.cell_len
    if title.cell_len + summary.cell_len > room:
        # a short beslutning stays whole; a long one (free text) gets what the title leaves, at least half
        if summary.cell_len > room - MIN_TITLE_WIDTH:
            summary.truncate(max(room - title.cell_len, room // 2), overflow="ellipsis")
        title.truncate(max(room - summary.cell_len, 1), overflow="ellipsis")
    line.append_text(title)
    line.append_text(summary)
    line.no_wrap = True
    line.truncate(width, overflow="ellipsis")
    return line


class AgendaList(OptionList):
    """One line per item, its option id the item id; redrawn from `agenda()` rows, keeping the highlighted item."""

    shown: tuple | None = None
    # A new highlight draws the two lines it changes (watch_highlighted), not every line on screen.
    highlighted: reactive[int | None] = reactive(None, repaint=False)

    def show(self, rows: list[dict], marked: set[int], cursor_item: int | None) -> None:
        """Redraw the lines that changed (every line when the items or the width did); highlight `cursor_item`."""
        # Before the first layout the list has no size: the stylesheet's width (45 %, at least 30) of the terminal.
        width = self.scrollable_content_region.width or max(30, self.app.size.width * 45 // 100)
        width = max(MARKS_WIDTH + NUMBER_WIDTH + 10, width)
        shown, self.shown = self.shown, (rows, set(marked), width)
        if shown is not None and shown[2] == width and [row["id"] for row in shown[0]] == [row["id"] for row in rows]:
            old_rows, old_marked, _ = shown
            for index, (old, new) in enumerate(zip(old_rows, rows)):
                if (old is not new and old != new) or (old["id"] in old_marked) != (new["id"] in marked):
                    self.replace_option_prompt_at_index(index, item_line(new, new["id"] in marked, width))
        else:
            self.clear_options()
            self.add_options([Option(item_line(row, row["id"] in marked, width), id=str(row["id"])) for row in rows])
        self.highlight_item(cursor_item)

    def _replace_option_prompt(self, index: int, prompt) -> None:
        """Replace one line's text, dropping only that option's drawing: every option is one line, so the
        line map of the other items stays valid (OptionList would measure every option again)."""
        option = self.get_option_at_index(index)
        option._set_prompt(prompt)
        for key in [key for key in self._option_render_cache.keys() if key[0] is option]:
            self._option_render_cache.discard(key)
        line = self._line_cache.index_to_line.get(index)
        if line is None:
            self._clear_caches()
        else:
            self.refresh_line(line)

    def _watch_highlighted(self, old: int | None, new: int | None) -> None:
        """Draw the line that loses the highlight and the one that gets it (OptionList's watcher scrolls)."""
        for index in (old, new):
            line = None if index is None else self._line_cache.index_to_line.get(index)
            if line is not None:
                self.refresh_line(line)

    def on_resize(self) -> None:
        """Fit the titles to the new width (the first layout comes after the first `show`)."""
        if self.shown is not None:
            rows, marked, _ = self.shown
            self.show(rows, marked, self.highlighted_item())

    def has_item(self, item_id: int) -> bool:
        """True when the item is on the list."""
        return any(option.id == str(item_id) for option in self.options)

    def highlight_item(self, item_id: int | None) -> None:
        """Put the highlight on an item (if it is on the list)."""
        if item_id is not None and self.has_item(item_id):
            self.highlighted = self.get_option_index(str(item_id))
        elif self.highlighted is None and self.option_count:
            self.highlighted = 0

    def highlighted_item(self) -> int | None:
        """The highlighted item's id, or None for an empty agenda."""
        if self.highlighted is None or not self.option_count:
            return None
        option_id = self.get_option_at_index(self.highlighted).id
        return int(option_id) if option_id is not None else None

    async def _on_click(self, event: events.Click) -> None:
        """A click highlights an item; a click on the highlighted item chooses it (as Enter does)."""
        clicked = event.style.meta.get("option")
        event.prevent_default()  # OptionList chooses on the first click
        if clicked is None:
            return
        if clicked == self.highlighted:
            self.action_select()
        else:
            self.highlighted = clicked
