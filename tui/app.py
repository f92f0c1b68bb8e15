"""ReferatApp: the meeting-day UI, one mode (screen stack) per F-key screen.

The app holds one `MeetingDay` (store/meeting_day.py), opened before the app runs: the screens read
their views from it and every write is one of its methods, run through `perform`: the store commits it
in one transaction, then the screens are redrawn from the store.  The UI keeps no second copy of the
meeting; a StoreError becomes a notification and the app stays alive.

One window records a meeting; a second window on the same meeting follows it read-only
(store/recorder.py), redrawing when another process commits, until its user takes the recording over
(ctrl+t).  `WRITE_ACTIONS` names every action that writes, and `may` is the one place they are checked.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen, SystemModalScreen
from textual.theme import Theme

from store.errors import RECORDING_LOST, Following, RecordingLost, StoreError
from store.meeting_day import MeetingDay
from store.model import OPENED, PLANNED
from tui.lost_terminal import watch_terminal
from tui.screens.base import MeetingScreen
from tui.startup import resume_collection

# Screens, dialogs, the help screen, the command palette and export are imported when first used:
# startup time counts on meeting day (see bench/startup.py).
ATTENDANCE, AGENDA, REFERAT, PREPARE = "fremmode", "dagsorden", "referat", "forberedelse"
# Every action (of the app and its screens) that writes: a read-only or following window may not run them.
WRITE_ACTIONS = frozenset(
    {
        "undo",
        "redo",
        "open_meeting",
        "close_meeting",  # the app
        "outcome",
        "free_text",
        "point_outcomes",
        "vote",
        "remark",
        "not_taking_part",
        "postpone",
        "urgent_item",
        "toggle_public",
        "confidential",
        "move",
        "make_current",
        "toggle_blok",
        "clear_blok",  # Dagsorden
        "status",
        "apologies",
        "substitute",
        "arrival",
        "departure",
        "attendee",
        "remove_attendee",
        "roster",  # Fremmøde
        "new_item",
        "insert_item",
        "edit_item",
        "delete_item",
        "renumber",
        "meeting_details",  # Forberedelse
    }
)
WATCH_SECONDS = 0.3  # how often a window looks for commits by another process (one PRAGMA each time)
WARM_UP_SECONDS = 1.0  # after the first frame, F4's Markdown renderer and the dialogs are imported in a thread
TAKE_OVER_HINT = "ctrl+t overtager optagelsen."
QUIT_HINT = "Tryk ctrl+q for at afslutte."


def _attendance_screen() -> Screen:
    from tui.screens.attendance import AttendanceScreen

    return AttendanceScreen()


def _agenda_screen() -> Screen:
    from tui.screens.agenda import AgendaScreen

    return AgendaScreen()


def _warm_up() -> None:
    """Import F4's screen and its Markdown renderer (a large import), and Dagsorden's dialogs with their
    widgets, ahead of the first F4 and the first dialog."""
    import rich.markdown  # noqa: F401

    import tui.modals.confirm  # noqa: F401
    import tui.modals.decision_text  # noqa: F401
    import tui.modals.point_outcomes  # noqa: F401
    import tui.modals.remark  # noqa: F401
    import tui.modals.vote  # noqa: F401
    import tui.screens.referat  # noqa: F401


def _referat_screen() -> Screen:
    from tui.screens.referat import ReferatScreen

    return ReferatScreen()


def _prepare_screen() -> Screen:
    from tui.screens.prepare import PrepareScreen

    return PrepareScreen()


SCREENS = {ATTENDANCE: _attendance_screen, AGENDA: _agenda_screen, REFERAT: _referat_screen, PREPARE: _prepare_screen}


class ReferatApp(App):
    """The meeting-day app for one meeting of one database."""

    CSS_PATH = Path(__file__).with_name("referat.tcss")
    TITLE = "referat"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("ctrl+q", "quit", "Afslut", show=False, priority=True, id="quit"),
        Binding("ctrl+p", "command_palette", "Kommandoer", show=False, priority=True, id="command_palette"),
        Binding("f1,question_mark", "help", "Hjælp", key_display="F1", id="help"),
        Binding("f2", "show_mode('fremmode')", "Fremmøde", key_display="F2", show=False, id="attendance"),
        Binding("f3", "show_mode('dagsorden')", "Dagsorden", key_display="F3", show=False, id="agenda"),
        Binding("f4", "show_mode('referat')", "Referat", key_display="F4", show=False, id="referat"),
        Binding("f5", "show_mode('forberedelse')", "Forberedelse", key_display="F5", show=False, id="prepare"),
        Binding("ctrl+z", "undo", "Fortryd", show=False, id="undo"),
        Binding("ctrl+y,ctrl+shift+z", "redo", "Gentag", show=False, key_display="^y", id="redo"),
        Binding("ctrl+f", "search", "Søg i arkivet", show=False, key_display="^f", id="search"),
        Binding("o", "open_meeting", "Åbn mødet", id="open_meeting"),
        Binding("h", "close_meeting", "Hæv mødet", id="close_meeting"),
        Binding("ctrl+t", "take_over", "Overtag optagelsen", id="take_over"),
    ]

    def __init__(self, db_path: Path | str, meeting_id: int | None = None, *, read_only: bool = False) -> None:
        """Open the meeting (None: today's) and claim it, before the app runs: record it unless another live
        window does (then follow it), or `read_only`.  StoreError when it cannot be opened."""
        self.day = MeetingDay.open(db_path, meeting_id, read_only=read_only)
        self.collection_paused = not gc.isenabled()  # until the first frame (cli.py): then freeze each new screen
        self.started = False  # the first frame is drawn
        meeting = self.day.meeting()
        # A new meeting opens on Fremmøde, one in progress on Dagsorden at its current item.
        starts_on_roll_call = meeting["status"] == PLANNED and meeting["current_item_id"] is None
        self.DEFAULT_MODE = ATTENDANCE if starts_on_roll_call else AGENDA  # type: ignore[misc]  # per window, before App.__init__ reads it
        self.shown_status = meeting["status"]
        super().__init__()
        # The first screen is Textual's default screen, not a mode: the first screen of a mode makes Textual
        # parse and apply all CSS a second time (bench/startup.py). Its mode is added once it is up.
        for mode, screen in SCREENS.items():
            if mode != self.DEFAULT_MODE:
                self.add_mode(mode, screen)
        from store.config import load as load_settings

        self.settings = load_settings()  # the settings file (store/config.py): theme, keymap, exports
        self.settings_problems = list(self.settings.problems)
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme  # before the start: set later, it makes Textual parse all CSS again
        elif self.settings.theme:
            self.settings_problems.append(f"Temaet '{self.settings.theme}' findes ikke; standardtemaet bruges.")
        self.set_keymap(self.settings.keys)

    @property
    def following(self) -> bool:
        """Another window records the meeting: this one shows what it records."""
        return self.day.following

    @property
    def read_only(self) -> bool:
        """This window writes nothing (opened read-only, or following)."""
        return not self.day.writable

    def may(self, action: str) -> bool:
        """Whether this window may run `action` now: a read-only or following window runs no WRITE_ACTIONS."""
        return self.day.writable or action not in WRITE_ACTIONS

    def screen_drawn(self) -> None:
        """After a main screen's first frame: in a process whose cycle collector waited for the app's first frame
        (`referat run`), what the screen built is left out of later collections, as it lives as long as the app
        (tui/startup.py).  After the app's first frame: import F4's screen and the dialogs in a thread a moment later."""
        if self.collection_paused:
            resume_collection()
        if self.started:
            return
        self.started = True
        self.set_timer(
            WARM_UP_SECONDS,
            lambda: self.run_worker(_warm_up, thread=True, group="warm-up", description="import F4 and the dialogs"),
        )
        if self.settings.keys:  # checked after the first frame: it imports every screen
            from tui.keymap import keymap_problems

            problems = keymap_problems(self.settings)
            if problems:
                self.set_keymap({key: keys for key, keys in self.settings.keys.items() if key not in problems})
                self.settings_problems = list(problems.values())
                self._tell_settings_problems()

    def get_default_screen(self) -> Screen:
        """The screen the app starts on (Fremmøde or Dagsorden), built once."""
        return SCREENS[self.DEFAULT_MODE]()

    # --- start, theme -----------------------------------------------------------

    def on_mount(self) -> None:
        self.add_mode(self.DEFAULT_MODE, SCREENS[self.DEFAULT_MODE])  # its stack already holds the first screen
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self._tell_settings_problems()
        self.set_interval(WATCH_SECONDS, self.watch_database)
        watch_terminal(self)
        if self.day.claim_refused:
            self.notify(
                f"{self.day.claim_refused} Dette vindue følger mødet; {TAKE_OVER_HINT}",
                title="Følger mødet",
                severity="warning",
                timeout=10,
            )
        elif self.following:
            self.notify(
                f"Mødet optages i et andet vindue; dette vindue følger med. {TAKE_OVER_HINT}",
                title="Følger mødet",
                timeout=8,
            )

    def on_unmount(self) -> None:
        if self.day.writable:
            try:
                self.day.release()
            except StoreError:
                pass  # locked or full at quit: the claim of an ended process is free anyway

    def action_help_quit(self) -> None:
        """ctrl+c: say how to quit (Textual's own hint is English and uses markup)."""
        self.notify(QUIT_HINT)

    def key_display(self, binding_id: str) -> str:
        """How the first key of one of the app's bindings is shown, as the settings' keymap has it."""
        binding = next(
            binding for binding in self.BINDINGS if isinstance(binding, Binding) and binding.id == binding_id
        )
        keys = self.settings.keys.get(binding_id)
        return self.get_key_display(Binding(keys.split(",")[0], "") if keys else binding)

    def _tell_settings_problems(self) -> None:
        """Say what in the settings file could not be used (once); the app goes on with the defaults."""
        for problem in self.settings_problems:
            self.notify(problem, title="Indstillinger", severity="warning", timeout=15)
        self.settings_problems = []

    def _remember_theme(self, theme: Theme) -> None:
        """Keep a theme chosen with ctrl+p in the settings file (which keeps its comments)."""
        from store.config import save_value

        try:
            save_value("theme", theme.name)
        except StoreError as error:
            self.notify(str(error), title="Temaet er ikke gemt", severity="warning", timeout=8)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity="information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notification as plain text: messages quote titles and names, which may contain '['."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    # --- doing things -------------------------------------------------------------

    def perform(self, write: Callable[..., Any], *args: Any, refresh: bool = True, **kwargs: Any) -> bool:
        """Run one write of the meeting day (`write(*args, **kwargs)`); True once it has committed.

        A refusal (StoreError) is told to the user and the app goes on; a window whose recording was taken
        over starts following.  The screens are redrawn from the store afterwards, so what they show is what
        was committed.
        """
        try:
            write(*args, **kwargs)
        except StoreError as error:
            hint = f" {TAKE_OVER_HINT}" if isinstance(error, (RecordingLost, Following)) else ""
            self.notify(f"{error}{hint}", severity="error", title="Ikke gemt", timeout=8)
            if isinstance(error, RecordingLost):
                self.follow()
            return False
        finally:
            if refresh:
                self.refresh_views()
        return True

    def refresh_views(self) -> None:
        """Redraw the main screens of the current stack (the others redraw when shown).

        The footer's keys are refreshed only when the meeting's status changed (Åbn / Hæv mødet).
        """
        try:
            meeting = None
            for screen in self.screen_stack:
                if isinstance(screen, MeetingScreen) and screen.is_mounted:
                    meeting = screen.refresh_view()
            status = (meeting or self.day.meeting())["status"]
            if status != self.shown_status:
                self.shown_status = status
                self.refresh_bindings()
        except StoreError as error:
            self.notify(str(error), severity="error", title="Kan ikke læse databasen", timeout=8)

    def watch_database(self) -> None:
        """Redraw when another process has committed; notice when this window's recording was taken over."""
        try:
            if not self.day.changed():
                return
            if self.day.writable and not self.day.is_recording():
                self.follow()
                self.notify(f"{RECORDING_LOST} {TAKE_OVER_HINT}", title="Følger mødet", severity="warning", timeout=10)
        except StoreError:
            return  # busy for a moment: the next look will see the change
        self.refresh_views()

    def follow(self) -> None:
        """Another window records the meeting now: hide the writes, keep showing what it records."""
        self.day.following = True
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide writes in a read-only or following window, take-over unless following; screen switches, undo
        and take-over while a dialog is open; Åbn/Hæv when moot."""
        if action == "take_over" and not self.following:
            return False
        if not self.may(action):
            return False
        dialog_open = isinstance(self.screen, ModalScreen) and not isinstance(self.screen, SystemModalScreen)
        if dialog_open and action in WRITE_ACTIONS | {"show_mode", "search", "take_over"}:
            return False
        if action == "help" and type(self.screen).__name__ == "HelpScreen":
            return False  # F1 on the help closes it
        if action in ("open_meeting", "close_meeting"):  # shown_status: the key line is drawn before any query
            return self.shown_status == (PLANNED if action == "open_meeting" else OPENED)
        return True

    def action_show_mode(self, mode: str) -> None:
        """Show Fremmøde, Dagsorden, Referat or Forberedelse."""
        if self.current_mode != mode:
            self.switch_mode(mode)

    def action_help(self) -> None:
        """List every key of the current screen."""
        from tui.modals.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def action_undo(self) -> None:
        """Fortryd the latest action (any number of steps back)."""

        def undo() -> None:
            label = self.day.undo()
            self.say(f"Fortrudt: {label}" if label else "Der er intet at fortryde.")

        self.perform(undo)

    def say(self, message: str) -> None:
        """Say what undo or redo did on the key line of the main screen below any open palette (a toast would
        be mounted and laid out after the frame showing the result)."""
        screen = next(screen for screen in reversed(self.screen_stack) if isinstance(screen, MeetingScreen))
        screen.say(message)

    def action_redo(self) -> None:
        """Gentag the latest undone action (walking forward through what ctrl+z undid)."""

        def redo() -> None:
            label = self.day.redo()
            self.say(f"Gentaget: {label}" if label else "Der er intet at gentage.")

        self.perform(redo)

    # --- drafts: text being typed in a dialog (tui/modals/drafts.py) ---------------

    def load_draft(self, key: str) -> str | None:
        """The draft kept under `key`, or None (also when the database cannot be read this moment)."""
        try:
            return self.day.load_draft(key)
        except StoreError:
            return None

    def keep_draft(self, key: str, text: str) -> None:
        """Keep `text` as the draft under `key` (empty: forget it); a refusal is tried again at the next change."""
        if self.read_only:
            return
        try:
            self.day.keep_draft(key, text)
        except StoreError:
            pass  # locked or full this moment: the dialog still holds the text, and tries again

    async def action_quit(self) -> None:
        """Afslut: text typed in open dialogs is kept as drafts first (offered again next time)."""
        from tui.modals.drafts import DraftDialog

        for screen in self.screen_stack:
            if isinstance(screen, DraftDialog):
                screen.keep_draft()
        await super().action_quit()

    def action_open_meeting(self) -> None:
        """Åbn mødet: record the begin time."""
        if self.perform(self.day.open_meeting):
            self.notify("Mødet er åbnet.", timeout=4)

    def action_close_meeting(self) -> None:
        """Hæv mødet after a confirmation: record the end time, then take the automatic backup."""
        from tui.modals.confirm import ConfirmDialog

        def confirmed(yes: bool | None) -> None:
            if yes and self.perform(self.day.close_meeting):
                self.notify("Mødet er hævet.", timeout=4)
                self.backup_after("haevet")

        self.push_screen(ConfirmDialog("Hæv mødet nu?", "Sluttidspunktet bliver klokken nu."), confirmed)

    def backup_after(self, reason: str) -> None:
        """The automatic backup (store/backup.py); a failure is a warning and the meeting goes on."""
        path, message = self.day.backup(reason)
        self.notify(
            message, title="Sikkerhedskopi", severity="information" if path else "warning", timeout=6 if path else 10
        )

    def action_search(self) -> None:
        """Søg i arkivet: every meeting's items; a hit opens read-only over this meeting."""
        from tui.modals.search import SearchScreen

        try:
            self.push_screen(SearchScreen(self.day.path))
        except StoreError as error:
            self.notify(str(error), severity="error", title="Kan ikke søge", timeout=8)

    def action_take_over(self) -> None:
        """Overtag optagelsen after a confirmation: the other window's next write is refused."""
        from tui.modals.confirm import ConfirmDialog

        def confirmed(yes: bool | None) -> None:
            if yes and self.following and self.perform(self.day.take_over, refresh=False):
                self.refresh_bindings()
                self.refresh_views()
                self.notify("Dette vindue optager nu mødet.", title="Optagelsen overtaget", timeout=6)

        self.push_screen(
            ConfirmDialog(
                "Overtag optagelsen?",
                "Det andet vindue holder op med at gemme og følger mødet i stedet. Hvad det har gemt, bevares.",
            ),
            confirmed,
        )

    def action_export(self, fmt: str = "md") -> None:
        """Write the referat (md, docx or pdf) in the settings' edition into the settings' export folder (the
        documents folder by default; the full edition readable by the owner only) and show where."""
        try:
            path = self.day.export_full(
                fmt, self.settings.export_folder, public=self.settings.export_edition == "offentlig"
            )
        except StoreError as error:
            self.notify(str(error), severity="error", title="Ikke eksporteret", timeout=8)
        else:
            self.notify(f"Referatet er skrevet til {path}", title="Eksporteret", timeout=10)

    def action_command_palette(self) -> None:
        """The command palette with a Danish prompt."""
        from textual.command import CommandPalette

        if not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder="Søg efter en handling …", id="--command-palette"))

    # --- command palette ----------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action: the current screen's keys, the app's keys, export, theme, quit."""
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.id is None or not active.enabled or not binding.description or binding.action in seen:
                continue  # Textual's own bindings (no id) are navigation, described in English
            if binding.action in {"command_palette", "quit", "help"}:
                continue
            seen.add(binding.action)
            yield SystemCommand(
                binding.description,
                f"Tast: {self.get_key_display(binding)}",
                partial(self.run_action, binding.action, active.node),
            )
        from tui.screens.agenda import AgendaScreen
        from tui.screens.attendance import AttendanceScreen

        if isinstance(screen, AgendaScreen):
            yield from screen.outcome_commands()
        if isinstance(screen, AttendanceScreen):
            yield from screen.apologies_commands()
        edition = "den offentlige udgave" if self.settings.export_edition == "offentlig" else "hele referatet"
        folder = self.settings.export_folder
        yield SystemCommand("Eksportér referat", f"Skriv {edition} (Markdown) i {folder}", self.action_export)
        yield SystemCommand(
            "Eksportér referat som Word", f"Skriv {edition} (.docx) i {folder}", partial(self.action_export, "docx")
        )
        yield SystemCommand(
            "Eksportér referat som PDF", f"Skriv {edition} (.pdf) i {folder}", partial(self.action_export, "pdf")
        )
        yield SystemCommand("Hjælp", "Vis alle taster på denne skærm (F1)", self.action_help)
        yield SystemCommand("Tema", "Skift farvetema (huskes i indstillingsfilen)", self.action_change_theme)
        yield SystemCommand("Afslut", "Luk referat (alt er allerede gemt)", self.action_quit)
