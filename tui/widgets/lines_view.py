"""A scrolling pane of lines already laid out (Rich segments): only the lines on screen are drawn.

A long text in a `Static` is measured and laid out again on every layout of the screen; here the text is
laid out once (`lay_out`, which may run in a worker thread with a console of its own), and drawing a frame,
scrolling or a layout of the screen costs a screenful of lines whatever the text's length.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget


def lay_out(
    renderable: RenderableType, width: int, console: Console, options: ConsoleOptions | None = None
) -> list[Strip]:
    """`renderable` laid out at `width` cells, one Strip per line."""
    options = (options or console.options).update(width=width, height=None, highlight=False)
    return [
        Strip(line)
        for line in Segment.split_and_crop_lines(
            console.render(renderable, options), width, include_new_lines=False, pad=False
        )
    ]


class LinesView(ScrollView):
    """Shows `lines` (Strips), a screenful at a time; the lines are laid out by whoever calls `show_lines`."""

    DEFAULT_CSS = """
    LinesView {
        overflow-x: hidden;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.lines: list[Strip] = []
        self._base = (Style(), 0)  # the style and width of the drawing under way

    def show_lines(self, lines: list[Strip], *, keep_scroll: bool = False) -> None:
        """Show `lines` instead of what was shown, from the top (or where the view was, with `keep_scroll`)."""
        self.lines = lines
        size = Size(max((line.cell_length for line in lines), default=0), len(lines))
        if self.is_mounted and self.size:
            # As Textual does when a layout resizes a widget: the new length moves the scrollbar's thumb, and a
            # layout of the whole screen follows only if the scrollbar comes or goes (show_vertical_scrollbar).
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)
            self.scroll_y = self.validate_scroll_y(self.scroll_y)
        else:
            self.virtual_size = size
        if not keep_scroll:
            self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def lay_out_here(self, renderable: RenderableType, width: int | None = None) -> list[Strip]:
        """`renderable` laid out at the pane's width (or `width`) with the app's console (on the event loop)."""
        return lay_out(renderable, width or self.text_width(), self.app.console, self.app.console_options)

    def text_width(self) -> int:
        """The cells a line may take: the pane's width without padding and scrollbar (before the first layout:
        the terminal's)."""
        return max(10, self.scrollable_content_region.width or self.app.size.width - 4)

    def render_lines(self, crop: Region) -> list[Strip]:
        self._base = (self.rich_style, self.scrollable_content_region.width)  # once a drawing, not once a line
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        style, width = self._base
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        if index >= len(self.lines):
            return Strip.blank(width, style)
        return self.lines[index].crop_extend(scroll_x, scroll_x + width, style).apply_style(style)
