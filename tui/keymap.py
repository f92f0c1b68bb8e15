"""The keys a settings file's `[keys]` table can rebind (every binding of referat's with an id), and its check.

The app applies the table with Textual's `App.set_keymap`; this module says which binding ids exist, on
which screen, and which entries cannot work (an unknown id, a key another binding of the screen uses): the app
leaves those out of its keymap.
The screens are imported here, not by the app at start: startup time counts on meeting day.
"""

from __future__ import annotations

from textual.binding import Binding

from store.config import Settings

APP_SCOPE = "Overalt"


def scopes() -> dict[str, list[Binding]]:
    """Screen name -> its bindings (the app's own, under APP_SCOPE, apply on every screen)."""
    from tui.app import ReferatApp
    from tui.modals.archive import ArchiveScreen
    from tui.modals.search import SearchScreen
    from tui.screens.agenda import AgendaScreen
    from tui.screens.attendance import AttendanceScreen
    from tui.screens.prepare import PrepareScreen

    def bindings(owner) -> list[Binding]:
        return [binding for binding in owner.BINDINGS if isinstance(binding, Binding)]

    return {
        APP_SCOPE: bindings(ReferatApp),
        "Fremmøde": bindings(AttendanceScreen),
        "Dagsorden": bindings(AgendaScreen),
        "Forberedelse": bindings(PrepareScreen),
        "Søg i arkivet": bindings(SearchScreen),
        "Arkivet": bindings(ArchiveScreen),
    }


def rebindable() -> dict[str, tuple[str, Binding]]:
    """Binding id -> (screen name, binding) for every binding a keymap can rebind."""
    return {binding.id: (scope, binding) for scope, bindings in scopes().items() for binding in bindings if binding.id}


def _keys(binding: Binding, keymap: dict[str, str]) -> list[str]:
    from textual.app import App

    keys = keymap.get(binding.id) if binding.id else None
    normalized = App._normalize_keymap({"_": keys})["_"] if keys else binding.key
    return [key.strip() for key in normalized.split(",") if key.strip()]


def keymap_problems(settings: Settings) -> dict[str, str]:
    """Binding id -> one Danish sentence, for each `[keys]` entry that cannot work as written."""
    known = rebindable()
    problems = {
        binding_id: settings.problem(
            binding_id, "ingen handling har dette id (se 'referat config keys')", "linjen bruges ikke"
        )
        for binding_id in settings.keys
        if binding_id not in known
    }
    every = scopes()
    app_bindings = every.pop(APP_SCOPE)
    for binding_id in settings.keys:
        if binding_id not in known:
            continue
        scope, binding = known[binding_id]
        together = app_bindings + [b for name, bs in every.items() if scope in (APP_SCOPE, name) for b in bs]
        others = {key for other in together if other.id != binding_id for key in _keys(other, settings.keys)}
        if clash := sorted(set(_keys(binding, settings.keys)) & others):
            problems[binding_id] = settings.problem(binding_id, f"tasten {clash[0]} bruges allerede til noget andet")
    return problems
