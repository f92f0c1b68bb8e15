"""F1 lists every key that really works where it is pressed, each once (issue 15, point 13).

The keys are read from the bindings referat's own classes declare (the screen's, its widgets', the app's: a
dialog reaches only the app's priority keys), and looked for in the help as it is drawn on the screen; so a
new key without a line in the help fails here.
"""

from __future__ import annotations

import re

import pytest
from test_tui_tab_order import OPENERS
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from tui_support import make_database, screen_text

from tui.app import ReferatApp
from tui.modals.help import HelpScreen, key_label, listed_keys

SCREENS = {"Fremmøde": ["f2"], "Dagsorden": ["f3"], "Referat": ["f4"]}
PLACES = {**SCREENS, **{name: keys for name, keys in OPENERS.items() if name != "HelpScreen"}}


def declared_keys(screen: Screen) -> set[str]:
    """Every key a binding of referat's own classes gives the screen, its widgets or the app, if it works now."""
    app = screen.app
    keys = set()
    for node in [screen, *screen.query("*"), app]:
        for cls in type(node).__mro__:
            if not cls.__module__.startswith("tui."):
                continue
            for binding in cls.__dict__.get("BINDINGS", []):
                if not isinstance(binding, Binding):
                    continue
                if node is app and isinstance(screen, ModalScreen) and not binding.priority:
                    continue
                if app._check_action_state(binding.action, node) is False:
                    continue
                keys |= {key.strip() for key in binding.key.split(",")}
    return keys


def help_rows(app) -> list[tuple[str, str]]:
    """(key column, description) of each line of the help as the terminal shows it."""
    box = app.screen.query_one("#help").region
    lines = [line[box.x + 1 : box.right - 1] for line in screen_text(app).splitlines()[box.y : box.bottom]]
    title = next(line for line in lines if "Hjælp:" in line)
    start = title.index("Hjælp:")
    rows = []
    for line in lines[lines.index(title) + 1 :]:
        content = line[start:].rstrip()
        if not content.strip("▄▀") or content.startswith("Luk med Escape"):
            continue
        key, _, description = content.partition("  ")
        rows.append((key.strip(), description.strip()))
    return rows


@pytest.mark.parametrize("place", sorted(PLACES))
async def test_help_lists_every_key_that_works_there_once(tmp_path, place):
    path = tmp_path / "referat.db"
    app = ReferatApp(path, make_database(path))
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("o", "f3")
        await pilot.pause()
        for key in PLACES[place]:
            await (pilot.pause(0.4) if key == "wait" else pilot.press(key))
        await pilot.pause()
        below = app.screen
        expected = {key_label(key) for key in declared_keys(below)}
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen), f"F1 opens no help on {type(below).__name__}"
        rows = help_rows(app)
        listed = [key for column, _ in rows for key in listed_keys(column)]
        assert expected - set(listed) == set(), f"keys of {place} missing from F1"
        assert sorted(key for key in set(listed) if listed.count(key) > 1) == [], "keys listed twice"
        unexplained = [
            (key, text) for key, text in rows if key and (not text or re.fullmatch(r"[a-z_.]+(\(.*\))?", text))
        ]
        assert unexplained == [], "keys without a Danish explanation"
        await pilot.press("f1")  # F1 again closes the help, back where it was opened
        await pilot.pause()
        assert app.screen is below


def test_key_labels():
    assert [key_label(key) for key in ("ctrl+shift+z", "f1", "space", "question_mark", "shift+up", "alt+d")] == [
        "Ctrl+⇧Z",
        "F1",
        "Mellemrum",
        "?",
        "⇧↑",
        "Alt+D",
    ]
    assert listed_keys("1–9, 0") == {*"1234567890"}
