"""The key line at the bottom of the main screens: 'e Fritekst  p Pr. punkt  …  ▏F1 Hjælp  ^p Kommandoer'.

Textual's Footer mounts one widget per key, after the first frame; on Dagsorden that was ≈ 55 ms of CPU
before the screen was complete (bench/startup.py).  KeyBar draws the same line as one renderable, so it is
in the first frame, and redraws it whenever the screen's bindings change (focus, check_action).

For a few seconds it may say what a key just did instead ('Fortrudt: …', `say`): drawn in the same frame as
the key's result, where a toast would be mounted and laid out in frames of its own (bench/key_to_screen.py).
"""

from __future__ import annotations

from rich.text import Text
from textual.events import Click
from textual.timer import Timer
from textual.widget import Widget

from store.terminal_text import visible


class KeyBar(Widget):
    """The screen's shown keys (greyed when disabled), Hjælp and the command palette on the right; a click presses
    one."""

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--bar", "key-bar--message"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-bar--bar {
            color: $foreground 20%;
        }
        .key-bar--message {
            color: $text;
            background: $primary;
            text-style: bold;
        }
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.spans: list[tuple[int, int, str]] = []  # (first cell, end cell, key) of each key shown
        self.shown_entries: tuple[list, list] | None = None  # what `entries` gave when last drawn
        self.message = ""  # said instead of the screen's keys until `message_timer` ends it
        self.message_timer: Timer | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.bindings_updated())

    def bindings_updated(self) -> None:
        """Redraw when the keys shown (or their enabled state) changed: focus moves often change nothing here."""
        if self.entries() != self.shown_entries:
            self.refresh()

    def say(self, message: str, seconds: float) -> None:
        """Show `message` instead of the screen's keys for `seconds` (Hjælp and the palette stay)."""
        if self.message_timer is not None:
            self.message_timer.stop()
        self.message = message
        self.message_timer = self.set_timer(seconds, self.say_nothing)
        self.refresh()

    def say_nothing(self) -> None:
        """Show the screen's keys again."""
        self.message, self.message_timer = "", None
        self.refresh()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def entries(self) -> tuple[list[tuple[str, str, str, bool]], list[tuple[str, str, str, bool]]]:
        """(key, key display, description, enabled) per action shown; and Hjælp's and the command palette's,
        kept on the right where a narrow terminal does not cut them."""
        app = self.app
        shown: dict[str, tuple[str, str, str, bool]] = {}
        right: dict[str, tuple[str, str, str, bool]] = {}
        for key, (_node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            entry = (key, app.get_key_display(binding), binding.description, enabled)
            if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                right["palette"] = entry
            elif binding.show and binding.action in ("help", "app.help"):
                right.setdefault("help", entry)
            elif binding.show and binding.action not in shown:
                shown[binding.action] = entry
        return list(shown.values()), [right[name] for name in ("help", "palette") if name in right]

    def key_text(self, entries: list[tuple[str, str, str, bool]]) -> tuple[Text, list[tuple[int, int, str]]]:
        """' e Fritekst  p Pr. punkt ' for `entries`, and the cells each key takes."""
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        text = Text(no_wrap=True, overflow="crop", end="")
        spans = []
        for key, display, description, enabled in entries:
            start, first_cell = len(text), text.cell_len
            text.append(f" {display} ", key_style)
            text.append(f"{description} ", description_style)
            if not enabled:
                text.stylize("dim", start)
            spans.append((first_cell, text.cell_len, key))
        return text, spans

    def render(self) -> Text:
        self.shown_entries = keys, always = self.entries()
        if self.message:
            line = Text(no_wrap=True, overflow="ellipsis", end="")
            line.append(f" {visible(self.message)} ", self.get_component_rich_style("key-bar--message"))
            spans: list[tuple[int, int, str]] = []
        else:
            line, spans = self.key_text(keys)
        if always:
            right, right_spans = self.key_text(always)
            *others, (key, display, _, enabled) = always
            if line.cell_len + right.cell_len > self.size.width and key == self.app.COMMAND_PALETTE_BINDING:
                # short of room: the palette's key without its word (F1 tells it), for more of the screen's keys
                right, right_spans = self.key_text([*others, (key, display, "", enabled)])
            right = right[1:]  # the bar '▏' stands where the key's left padding was
            room = max(0, self.size.width - right.cell_len - 1)
            line.truncate(room, pad=True)
            spans = [span for span in spans if span[1] <= room]
            spans += [(room + start, room + end, key) for start, end, key in right_spans]
            line.append("▏", style=self.get_component_rich_style("key-bar--bar"))
            line.append_text(right)
        self.spans = spans
        return line

    def on_click(self, event: Click) -> None:
        for start, end, key in self.spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
