"""Fremmøde's list itself (F2): add a member for this meeting only or a guest (`n`), remove a wrongly listed
name (`x`), and the committee's roster (`u`).  A mixin of AttendanceScreen; the guests are shown below the table.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from store.model import SUBSTITUTE, display_name
from store.terminal_text import visible

KEYS = "n: tilføj deltager eller gæst · x: fjern fra listen · u: udvalgets medlemmer"


class AttendanceListEditing:
    """The actions of AttendanceScreen that change who is on the meeting's list."""

    def refresh_view(self) -> dict:
        meeting = super().refresh_view()  # type: ignore[misc]
        self.show_guests()
        return meeting

    def show_guests(self) -> None:
        """'Desuden deltog: …' below the table, and the keys that change the list."""
        line = self.query_one("#guests", Static)  # type: ignore[attr-defined]
        guests = [guest["name"] for guest in self.app.day.guests()]  # type: ignore[attr-defined]
        text = Text()
        if guests:
            text.append(visible("Desuden deltog (gæster, uden stemmeret): " + ", ".join(guests)) + "\n")
        if self.app.may("attendee"):  # type: ignore[attr-defined]
            text.append(KEYS, style="dim")
        line.update(text)
        line.display = bool(text)

    def action_attendee(self) -> None:
        """Add a member for this meeting only, or a guest."""
        from tui.modals.attendee import Attendee, AttendeeDialog

        app = self.app  # type: ignore[attr-defined]
        day = app.day

        def save(attendee: Attendee) -> bool:
            if attendee.guest:
                return dialog.attempt(day.add_guest, attendee.name)
            return dialog.attempt(day.add_attendee, attendee.name, attendee.party)

        dialog = AttendeeDialog(save)
        app.push_screen(dialog)

    def action_remove_attendee(self) -> None:
        """Remove a name from the meeting's list: the selected member, or a guest."""
        from tui.modals.attendee import OnTheList, RemoveFromListDialog

        app = self.app  # type: ignore[attr-defined]
        day = app.day
        selected = self.selected_person()  # type: ignore[attr-defined]
        names = []
        if selected is not None and selected["status"] != SUBSTITUTE:
            names.append(OnTheList(selected["name"], display_name(selected["name"], selected["party"]), False))
        names += [OnTheList(guest["name"], f"{guest['name']} (gæst)", True) for guest in day.guests()]
        if not names:
            return

        def save(entry: OnTheList) -> bool:
            write = day.remove_guest if entry.guest else day.remove_attendee
            return dialog.attempt(write, entry.name)

        dialog = RemoveFromListDialog(names, save)
        app.push_screen(dialog)

    def action_roster(self) -> None:
        """Udvalget: the committee's members."""
        from tui.modals.roster import RosterDialog

        self.app.push_screen(RosterDialog())  # type: ignore[attr-defined]
