"""A small meeting for the TUI tests: five members, five items (one lukket, one with two indstilling points)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from rich.console import Console

from store.committees import import_roster
from store.db import open_database
from store.meetings import load_meeting, save_meeting
from store.model import RECOMMENDATION_SECTION, Decision, Item, Meeting, Member, Section

ROSTER = Path(__file__).parent / "data" / "tui" / "roster.toml"
MEMBERS = [
    ("Benthe Viola Holm", "A", "formand"),
    ("Ivan Fogtmann", "O", "næstformand"),
    ("Mikail Erman", "A", "medlem"),
    ("Mogens Leo Hansen", "Ø", "medlem"),
    ("Ømer Kuscu", "A", "medlem"),
]


def small_meeting() -> Meeting:
    """A planned meeting with no attendance and no decisions."""
    return Meeting(
        committee="Arbejdsmarkedsudvalget",
        municipality="Hvidovre Kommune",
        date=dt.date(2017, 5, 29),
        start="15:00",
        location="Belægningen",
        members=[Member(name, party, role) for name, party, role in MEMBERS],
        items=[
            Item("1", "Godkendelse af dagsorden"),
            Item("2", "Meddelelser"),
            Item(
                "3",
                "JobCAMP 2017",
                case_number="15/11238",
                sections=[
                    Section("Beslutningstema", "Medlemmerne skal beslutte, om de deltager."),
                    Section("Indstilling", "", RECOMMENDATION_SECTION),
                    Section(
                        "Sagsfremstilling",
                        "\n\n".join(f"Afsnit {n} om konferencen, rejsen og programmet." for n in range(1, 9)),
                    ),
                    Section("Økonomiske konsekvenser", "KL har endnu ikke fastlagt prisen."),
                ],
                recommendation=["at træffe beslutning om deltagelse i JobCAMP 2017."],
            ),
            Item(
                "4",
                "Beslutning om projektet [Flere skal med]",
                sections=[Section("Beslutningstema", "STAR har indbudt kommunerne.")],
                recommendation=["at godkende ansøgningen.", "at give en bevilling på 2,5 mio. kr."],
            ),
            Item("5", "Personalesag", public=False, sections=[Section("Sagsfremstilling", "Fortroligt indhold.")]),
        ],
    )


def make_database(path: Path) -> int:
    """Create a database at `path` holding the committee (with a stedfortræder) and the meeting; returns its id."""
    db = open_database(path)
    try:
        import_roster(db, ROSTER)
        return save_meeting(db, small_meeting())
    finally:
        db.close()


def decisions(path: Path, meeting_id: int) -> list[Decision | None]:
    """Each item's decision as the database file holds it, read through a read-only connection of its own."""
    db = open_database(path, readonly=True)
    try:
        return [item.decision for item in load_meeting(db, meeting_id).items]
    finally:
        db.close()


def outcomes(path: Path, meeting_id: int) -> list[str | None]:
    """Each item's recorded outcome phrase, read through a connection of its own."""
    return [decision and decision.outcome for decision in decisions(path, meeting_id)]


def screen_text(app) -> str:
    """The current screen as plain text (what a terminal would show), for assertions and debugging.

    Textual's public screenshot is SVG only, so this renders the compositor's update as Rich does for it."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        record=True,
        legacy_windows=False,
        force_terminal=True,
        color_system=None,
    )
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def notifications(app) -> str:
    """Every notification the app has shown and still holds, joined (toasts are not in the screen text).

    Textual keeps them in `App._notifications` and offers no public way to read them."""
    return "\n".join(notification.message for notification in app._notifications)


async def run_from_palette(pilot, command: str) -> None:
    """Open the command palette (ctrl+p), type `command` and run the first match."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*command)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause(0.3)
