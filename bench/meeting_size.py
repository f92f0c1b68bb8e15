"""Meeting size: meeting day on agendas of 15, 100, 500 and 2,000 items.

Each meeting is the demo's committee with N synthetic items of realistic text (bench/archive_text.py:
two to four sections of sagsfremstilling, indstilling, bilag), saved through the store as `referat import`
does.  The real app is driven with Textual's Pilot at 100×30; a key's figure is the wall time from sending
the key until the app is idle again with the screen refreshed (Pilot's press, then pause), which includes
the committed save.  Printed per size (milliseconds unless said):

- digit p50 / p95 / cpu: a digit decision on the highlighted item (the cursor moved on between samples, not
  timed); cpu is the process's CPU time (p50), the figure to read on a loaded machine;
- undo, enter, dialog: ctrl+z after a decision, Enter (make the item current), e (the free-text dialog open), p50;
- F4 first / cpu: F4 on a fresh app until the referat pane draws its first screenful of laid-out lines (timed
  at that drawing, so without Pilot's wait for idle); F4 again: a visit after one more decision;
- quit: ctrl+q until the app has exited;
- peak MB: peak resident memory of the app (a process of its own) through ten decisions, an undo, F4, End, F3;
- md / json export: CPU time to read the meeting and render it (what `referat export` does after start-up).

Then: the time from starting the app to Dagsorden on an item with a 5 MB title and a 5 MB section.
The machine's load (1-minute average) is printed before and after each size.

Run: python bench/meeting_size.py [--sizes 15,100,500,2000] [--samples 15] [--no-f4-above N]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import archive_text as text  # noqa: E402

from store.db import open_database  # noqa: E402
from store.demo import as_agenda, prepare_demo  # noqa: E402
from store.export_json import render_json  # noqa: E402
from store.export_markdown import render_markdown  # noqa: E402
from store.meetings import load_meeting, save_meeting  # noqa: E402
from store.model import Attachment, Item, Section  # noqa: E402
from tui.app import ReferatApp  # noqa: E402
from tui.screens.referat import ReferatView  # noqa: E402


def synthetic_item(rng: random.Random, number: int) -> Item:
    """An undecided item with the archive's text: sections, indstilling, bilag."""
    words = text.ItemText(rng, 2026, "Økonomiudvalget")
    sections = [Section(heading, words.section()) for heading in rng.sample(text.SECTION_HEADINGS, rng.randint(2, 4))]
    return Item(
        number=str(number),
        title=words.title(),
        case_number=f"26/{rng.randint(100, 29999)}",
        sections=sections,
        recommendation=words.recommendation(),
        attachments=[Attachment(title) for title in text.attachments(rng)],
    )


def build(directory: Path, size: int) -> tuple[Path, int]:
    """A database holding the demo committee and a planned meeting of `size` items."""
    path = directory / f"meeting-{size}.db"
    demo_id = prepare_demo(path)
    db = open_database(path)
    try:
        rng = random.Random(size)
        meeting = as_agenda(load_meeting(db, demo_id))
        meeting = dataclasses.replace(meeting, items=[synthetic_item(rng, n) for n in range(1, size + 1)])
        return path, save_meeting(db, meeting)
    finally:
        db.close()


async def timed(pilot, *keys: str) -> tuple[float, float]:
    """Wall and CPU seconds from sending `keys` until the app is idle with the screen refreshed."""
    start, cpu = time.perf_counter(), time.process_time()
    await pilot.press(*keys)
    await pilot.pause()
    return time.perf_counter() - start, time.process_time() - cpu


async def f4_shown(app, pilot) -> tuple[float, float]:
    """F4 until the referat pane first draws a screenful of laid-out lines (wall, CPU): timed at that drawing, not
    at the app's next idle moment (Pilot's pause waits for idle in steps of its own)."""
    drawn: list[tuple[float, float]] = []
    render_lines = ReferatView.render_lines

    def render_and_time(view: ReferatView, crop):
        lines = render_lines(view, crop)
        if view.parts and not view.wanted and not drawn:  # every line drawn was laid out
            drawn.append((time.perf_counter(), time.process_time()))
        return lines

    with mock.patch.object(ReferatView, "render_lines", render_and_time):
        start, cpu = time.perf_counter(), time.process_time()
        await pilot.press("f4")
        while not drawn:
            await asyncio.sleep(0.001)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return drawn[0][0] - start, drawn[0][1] - cpu


def p50(samples: list[tuple[float, float]], which: int = 0) -> float:
    return statistics.median(sample[which] for sample in samples)


def p95(samples: list[tuple[float, float]]) -> float:
    walls = sorted(sample[0] for sample in samples)
    return walls[min(len(walls) - 1, round(0.95 * (len(walls) - 1)))]


async def drive(path: Path, meeting_id: int, samples: int, f4: bool) -> dict[str, float]:
    app = ReferatApp(path, meeting_id)
    figures: dict[str, float] = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        digits, undos, enters, dialogs = [], [], [], []
        for sample in range(samples):
            digits.append(await timed(pilot, "1"))
            if sample % 3 == 2:
                undos.append(await timed(pilot, "ctrl+z"))
            await pilot.press("down")
            await pilot.pause()
            if sample % 3 == 1:
                enters.append(await timed(pilot, "enter"))
                dialogs.append(await timed(pilot, "e"))
                await pilot.press("escape")
                await pilot.pause()
        figures["digit p50"], figures["digit p95"], figures["digit cpu"] = p50(digits), p95(digits), p50(digits, 1)
        figures["undo p50"], figures["enter p50"], figures["dialog p50"] = p50(undos), p50(enters), p50(dialogs)
        if f4:
            await pilot.press("down", "1")
            await pilot.pause()
            figures["F4 again"] = (await f4_shown(app, pilot))[0]
            await pilot.press("f3")
            await pilot.pause()
        start = time.perf_counter()
    figures["quit"] = time.perf_counter() - start
    return figures


async def first_f4(path: Path, meeting_id: int) -> tuple[float, float]:
    """F4 on a fresh app (the first visit), until the referat is shown."""
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        return await f4_shown(app, pilot)


async def meeting_day_memory(path: Path, meeting_id: int) -> None:
    """In a child process: Dagsorden, ten decisions, an undo, F4 and back; print the peak resident memory (MB)."""
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", *["1"] * 10, "ctrl+z")
        await pilot.pause()
        await pilot.press("f4")
        await app.workers.wait_for_complete()
        await pilot.press("end", "f3")
        await app.workers.wait_for_complete()
        await pilot.pause()
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def peak_memory(path: Path, meeting_id: int) -> float:
    """Peak memory (MB) of the app on this meeting, run in a process of its own."""
    out = subprocess.run(
        [sys.executable, __file__, "--memory", str(path), str(meeting_id)], capture_output=True, text=True, check=True
    ).stdout
    return float(out.split()[-1])


def export_times(path: Path, meeting_id: int) -> tuple[float, float]:
    """CPU seconds to read the meeting and render it as Markdown, and as JSON (what `referat export` does)."""
    db = open_database(path)
    try:
        times = []
        for render in (lambda meeting: render_markdown(meeting, public=False), render_json):
            start = time.process_time()
            render(load_meeting(db, meeting_id))
            times.append(time.process_time() - start)
        return times[0], times[1]
    finally:
        db.close()


async def huge_field(directory: Path) -> tuple[float, float]:
    """A meeting whose first item has a 5 MB title and a 5 MB section: from starting the app until Dagsorden
    shows that item (wall, CPU)."""
    path = directory / "huge.db"
    demo_id = prepare_demo(path)
    db = open_database(path)
    try:
        meeting = as_agenda(load_meeting(db, demo_id))
        first = dataclasses.replace(
            meeting.items[0],
            title="Meget lang titel " * 300_000,
            sections=[Section("Sagsfremstilling", "Ord i en lang sag. " * 270_000)],
        )
        meeting_id = save_meeting(db, dataclasses.replace(meeting, items=[first, *meeting.items[1:]]))
    finally:
        db.close()
    start, cpu = time.perf_counter(), time.process_time()
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        return time.perf_counter() - start, time.process_time() - cpu


COLUMNS = (
    "digit p50",
    "digit p95",
    "digit cpu",
    "undo p50",
    "enter p50",
    "dialog p50",
    "F4 first",
    "F4 cpu",
    "F4 again",
    "quit",
    "peak MB",
    "md export",
    "json export",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="15,100,500,2000")
    parser.add_argument("--samples", type=int, default=15)
    parser.add_argument("--no-f4-above", type=int, default=None, help="skip F4 on larger meetings")
    parser.add_argument("--memory", nargs=2, metavar=("DB", "MEETING"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory:
        asyncio.run(meeting_day_memory(Path(args.memory[0]), int(args.memory[1])))
        return
    sizes = [int(size) for size in args.sizes.split(",")]
    print("ms unless said; wall times, 'cpu' columns the process's CPU time (the machine is shared: see load)")
    print(f"{'items':>6} {'load':>9} " + " ".join(f"{name:>11}" for name in COLUMNS), flush=True)
    with tempfile.TemporaryDirectory() as directory:
        for size in sizes:
            load_before = os.getloadavg()[0]
            path, meeting_id = build(Path(directory), size)
            md, json_ = export_times(path, meeting_id)
            memory = peak_memory(path, meeting_id)
            f4 = args.no_f4_above is None or size <= args.no_f4_above
            first = asyncio.run(first_f4(path, meeting_id)) if f4 else (None, None)
            figures = asyncio.run(drive(path, meeting_id, args.samples, f4))
            load_after = os.getloadavg()[0]
            values = [
                figures["digit p50"],
                figures["digit p95"],
                figures["digit cpu"],
                figures["undo p50"],
                figures["enter p50"],
                figures["dialog p50"],
                first[0],
                first[1],
                figures.get("F4 again"),
                figures["quit"],
            ]
            cells = [f"{value * 1000:>11.0f}" if value is not None else f"{'—':>11}" for value in values]
            cells += [f"{memory:>11.0f}", f"{md * 1000:>11.0f}", f"{json_ * 1000:>11.0f}"]
            print(f"{size:>6} {load_before:>4.1f}→{load_after:<4.1f} " + " ".join(cells), flush=True)
        load_before = os.getloadavg()[0]
        wall, cpu = asyncio.run(huge_field(Path(directory)))
        print(
            f"5 MB title and 5 MB section: start to Dagsorden {wall * 1000:.0f} ms (cpu {cpu * 1000:.0f} ms), "
            f"load {load_before:.1f}→{os.getloadavg()[0]:.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
