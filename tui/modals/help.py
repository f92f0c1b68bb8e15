"""Hjælp (F1 / ?): every key of the screen or dialog it was opened from, each listed once.

The keys are read from the bindings that really apply there (the screen's, its widgets' and the app's, with
the settings' keymap applied), so a new key is listed without anyone remembering to: only referat's own
bindings are listed, in Danish; Textual's built-in ones (in English) are described by NAVIGATION, and a
screen's or dialog's HELP_EXTRA explains the keys that need more words (the digits, Enter, Mellemrum).
"""

from __future__ import annotations

import re

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

from tui.modals.base import Modal

NAVIGATION = [
    ("↑ / ↓ / PgUp / PgDn", "Flyt markøren"),
    ("Home / End", "Første / sidste række"),
    ("Tab / ⇧Tab", "Næste / forrige felt"),
    ("Ctrl+P", "Kommandopaletten: alle handlinger, eksport, tema"),
    ("Ctrl+Q", "Afslut (alt er allerede gemt; tekst i en åben dialog gemmes som kladde)"),
]
KEY_NAMES = {
    "space": "Mellemrum",
    "escape": "Escape",
    "enter": "Enter",
    "tab": "Tab",
    "delete": "Delete",
    "backspace": "Backspace",
    "home": "Home",
    "end": "End",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "plus": "+",
    "minus": "-",
    "question_mark": "?",
}
MODIFIERS = {"ctrl": "Ctrl+", "alt": "Alt+", "shift": "⇧"}


def key_label(key: str) -> str:
    """How help names a key: 'ctrl+shift+z' → 'Ctrl+⇧Z', 'f1' → 'F1', 'space' → 'Mellemrum'."""
    *modifiers, base = key.split("+")
    name = KEY_NAMES.get(base) or (base.upper() if modifiers or re.fullmatch(r"f\d+", base) else base)
    return "".join(MODIFIERS.get(modifier, f"{modifier}+") for modifier in modifiers) + name


def listed_keys(column: str) -> set[str]:
    """The key labels one help row names: '1–9, 0' → 1 … 9 and 0; 'F1 / ?' → F1 and ?."""
    keys = set()
    for part in re.split(r" / |, ", column):
        if span := re.fullmatch(r"(\d)–(\d)", part):
            keys |= {str(digit) for digit in range(int(span[1]), int(span[2]) + 1)}
        elif part:
            keys.add(part)
    return keys


def _own(node: DOMNode) -> set[tuple[str, str]]:
    """(action, description) of the bindings referat's own classes give `node` (not Textual's built-in ones)."""
    return {
        (binding.action, binding.description)
        for cls in type(node).__mro__
        if cls.__module__.startswith("tui.")
        for binding in cls.__dict__.get("BINDINGS", [])
        if isinstance(binding, Binding)
    }


def bound_keys(screen: Screen) -> list[tuple[str, Binding]]:
    """(key, binding) for every key of referat's that works on `screen` (or in its widgets) now, in order:
    the screen's and its widgets', then the app's (of which a dialog reaches only the priority keys)."""
    app = screen.app
    modal = isinstance(screen, ModalScreen)
    found: list[tuple[str, Binding]] = []
    for node in [screen, *screen.query("*"), app]:
        own = _own(node)
        bindings = node._bindings.copy()
        if app._keymap:
            bindings.apply_keymap(app._keymap)
        for key, key_bindings in bindings.key_to_bindings.items():
            for binding in key_bindings:
                if (binding.action, binding.description) not in own:
                    continue
                if node is app and modal and not binding.priority:
                    continue  # Textual passes a dialog's keys to the app only for priority bindings
                if app._check_action_state(binding.action, node) is False:
                    continue
                found.append((key, binding))
    return found


def key_rows(screen: Screen) -> list[tuple[str, str]]:
    """(keys, description) for every key of `screen` not already explained by its HELP_EXTRA or NAVIGATION,
    the keys of one action together."""
    explained = {key for column, _ in [*getattr(screen, "HELP_EXTRA", []), *NAVIGATION] for key in listed_keys(column)}
    by_action: dict[tuple[str, str], list[str]] = {}
    for key, binding in bound_keys(screen):
        label = key_label(key)
        if label in explained:
            continue
        labels = by_action.setdefault((binding.action, binding.description or binding.action), [])
        if label not in labels:
            labels.append(label)
    return [(" / ".join(labels), description) for (_, description), labels in by_action.items()]


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
        told = {key for column, _ in self.extra for key in listed_keys(column)}
        navigation = [row for row in NAVIGATION if not listed_keys(row[0]) <= told]
        for key, description in [*self.extra, *self.rows, *navigation]:
            table.add_row(Text(key), Text(description))
        with VerticalScroll(classes="dialog dialog-wide", id="help"):
            yield Label(f"Hjælp: {self.title_text}", classes="dialog-title")
            yield Static(table)
            yield Label("Luk med Escape.", classes="dim")

    def action_close(self) -> None:
        self.dismiss(None)
