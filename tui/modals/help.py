"""Hjælp (F1 / ?): every key of the screen it was opened from."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from tui.modals.base import Modal

NAVIGATION = [
    ("↑ ↓ PgUp PgDn", "Flyt markøren"),
    ("Home / End", "Første / sidste række"),
    ("Tab / ⇧Tab", "Næste / forrige felt"),
    ("Ctrl+P", "Kommandopaletten: alle handlinger, eksport, tema"),
    ("Ctrl+Q", "Afslut (alt er allerede gemt)"),
]


def key_rows(screen: Screen) -> list[tuple[str, str]]:
    """(key, description) for every enabled binding of `screen` and the app, keys merged per action.

    Only referat's own bindings with an id are listed (the keys without one, such as the digits, are told by
    the screen's HELP_EXTRA); Textual's built-in ones (in English) are left out and NAVIGATION describes them.
    """
    by_action: dict[str, tuple[list[str], str]] = {}
    app = screen.app
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.id is None or not binding.description or not active.enabled:
            continue
        keys, _ = by_action.setdefault(binding.action, ([], binding.description))
        display = app.get_key_display(binding)
        if display not in keys:
            keys.append(display)
    return [(" / ".join(keys), description) for keys, description in by_action.values()]


def _normal(key: str) -> str:
    """'^q', 'Ctrl+Q' and 'ctrl+q' alike; 'esc' as 'escape' (so a key is listed once)."""
    key = key.strip().lower().replace("^", "ctrl+")
    return {"esc": "escape", "mellemrum": "space"}.get(key, key)



class HelpScreen(Modal):
    """A table of keys; any of Escape, F1, ? or q closes it."""


    BINDINGS = [Binding("escape,f1,question_mark,q", "close", "Luk")]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.rows = key_rows(screen)
        self.extra = getattr(screen, "HELP_EXTRA", [])
        self.title_text = getattr(screen, "SCREEN_TITLE", "") or "referat"

    def compose(self) -> ComposeResult:
        table = Table(show_header=False, box=None, padding=(0, 2, 0, 0), expand=True)
        table.add_column("Tast", style="bold", no_wrap=True)
        table.add_column("Handling", ratio=1)
        listed = {_normal(key) for key, _ in [*self.extra, *NAVIGATION]}
        rows = [(key, text) for key, text in self.rows if _normal(key) not in listed]
        for key, description in [*self.extra, *rows, *NAVIGATION]:
            table.add_row(Text(key), Text(description))
        with VerticalScroll(classes="dialog dialog-wide", id="help"):
            yield Label(f"Hjælp: {self.title_text}", classes="dialog-title")
            yield Static(table)
            yield Label("Luk med Escape.", classes="dim")

    def action_close(self) -> None:
        self.dismiss(None)
