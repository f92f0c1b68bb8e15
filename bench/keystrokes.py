"""Key presses needed to record the Hvidovre meeting of 29 May 2017 in the TUI (free text not counted).

Drives `referat`'s app with Textual's Pilot on the bundled demo: 4 present and Ømer Kuscu afbud, the
11 items decided as in the real referat (Godkendt; free text on items 2 and 3; "1. Anbefales
2. Anbefales" on item 5; a standard outcome on the rest), then Hæv mødet.  Prints the presses per step
and in all, and checks the store holds the whole referat.

Run: python bench/keystrokes.py
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.attendance import attendance_list  # noqa: E402
from store.db import open_database  # noqa: E402
from store.demo import prepare_demo  # noqa: E402
from store.meetings import get_meeting, load_meeting  # noqa: E402
from tui.app import ReferatApp  # noqa: E402

FREE_TEXT = {
    "2": "Arbejdsmarkedsudvalgsformanden orienterede om møde i Iværksættertræfpunktet og om et kursus hos AOF "
    "for svage ledige.\n\nArbejdsmarkedschefen orienterede om møde med Det regionale Arbejdsmarkedsråd.",
    "3": "Ivan Fogtmann, Benthe Viola Holm, Mogens Leo Hansen, Gert S. Nelth og Torben Tang Christensen "
    "deltager. Afrejse er søndag.",
}
# (kind, what happens, keys); "<text N>" types item N's free text, which is not counted.
SCRIPT = [
    ("fremmøde", "Ømer Kuscu: afbud (hans tast, 5)", ["5"]),
    ("skærm", "til Dagsorden", ["f3"]),
    ("standard", "1 Godkendelse af dagsorden: Godkendt", ["1"]),
    ("fritekst", "2 Meddelelser: fritekst", ["e", "<text 2>", "ctrl+s"]),
    ("fritekst", "3 JobCAMP 2017: fritekst", ["e", "<text 3>", "ctrl+s"]),
    ("standard", "4 Udviklingspulje: Drøftet", ["5"]),
    ("pr. punkt", "5 Flere skal med: 1. Anbefales 2. Anbefales", ["p", "4", "4", "enter"]),
    ("standard", "6 Kontanthjælpsloftet: Taget til efterretning", ["2"]),
    ("standard", "7 Beskæftigelsesmål 3.b: Taget til efterretning", ["2"]),
    ("standard", "8 Beskæftigelsesplan 1. kvartal: Godkendt", ["1"]),
    ("standard", "9 RAR-Hovedstaden: Taget til efterretning", ["2"]),
    ("standard", "10 Integrationsrådets beretning: Taget til efterretning", ["2"]),
    ("standard", "11 Eventuelt: Ingen bemærkninger", ["9"]),
    ("møde", "Hæv mødet (med bekræftelse)", ["h", "j"]),
]
EXPECTED = [
    "Godkendt",
    None,
    None,
    "Drøftet",
    None,
    "Taget til efterretning",
    "Taget til efterretning",
    "Godkendt",
    "Taget til efterretning",
    "Taget til efterretning",
    "Ingen bemærkninger",
]


async def drive(db_path: Path, meeting_id: int) -> list[tuple[str, str, int]]:
    app = ReferatApp(db_path, meeting_id)
    counts = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for kind, label, keys in SCRIPT:
            counted = 0
            for key in keys:
                if key.startswith("<text "):
                    app.screen.query_one("#decision-text").insert(FREE_TEXT[key[6:-1]])
                    continue
                await pilot.press(key)
                counted += 1
            await pilot.pause()
            counts.append((kind, label, counted))
    return counts


def main() -> None:
    db_path = Path(tempfile.mkdtemp()) / "demo.db"
    meeting_id = prepare_demo(db_path)
    started = time.perf_counter()
    counts = asyncio.run(drive(db_path, meeting_id))
    seconds = time.perf_counter() - started

    db = open_database(db_path)
    meeting = load_meeting(db, meeting_id)
    outcomes = [item.decision.outcome if item.decision else None for item in meeting.items]
    statuses = {row["name"]: row["effective_status"] for row in attendance_list(db, meeting_id)}
    checks = {
        "outcomes as in the referat": outcomes == EXPECTED,
        "free text on items 2 and 3": [meeting.items[1].decision.text, meeting.items[2].decision.text]
        == [FREE_TEXT["2"], FREE_TEXT["3"]],
        "item 5 per point": meeting.items[4].decision.points == ["Anbefales", "Anbefales"],
        "4 present, Ømer Kuscu afbud": sorted(statuses.values()) == ["afbud"] + ["til stede"] * 4
        and statuses["Ømer Kuscu"] == "afbud",
        "meeting hævet": get_meeting(db, meeting_id)["status"] == "hævet",
    }

    width = max(len(label) for _, label, _ in counts)
    for _, label, count in counts:
        print(f"{label:<{width}}  {count:>2}")
    total = sum(count for _, _, count in counts)
    print(f"{'I alt (fritekst ikke talt med)':<{width}}  {total:>2}   (mål: ≤ 30)")
    standard = [count for kind, _, count in counts if kind == "standard"]
    print(f"Standardbeslutninger: {sum(standard)} taster for {len(standard)} punkter (mål: 1 pr. beslutning)")
    roll_call = sum(count for kind, _, count in counts if kind == "fremmøde")
    print(
        f"Fremmøde: {roll_call} {'tast' if roll_call == 1 else 'taster'} for 1 afbud (mål: 1 pr. medlem, "
        f"der ikke er til stede)"
    )
    print(f"Kørt med Pilot på {seconds:.1f} s")
    for name, ok in checks.items():
        print(f"{'OK ' if ok else 'FEJL'} {name}")
    if not all(checks.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
