"""Meeting size: key-to-screen on Dagsorden and the F4 referat for meetings of 15, 100, 500 and 2,000 items.

Each meeting is the demo's committee with N synthetic items of realistic text (bench/archive_text.py:
two to four sections of sagsfremstilling, indstilling, bilag), saved through the store as `referat import`
does.  The real app is driven with Textual's Pilot at 100×30; a figure is the wall time from sending the
key until the app is idle again with the screen refreshed (Pilot's press, then pause), which includes
the committed save.  Printed per size:

- digit: a digit decision on the highlighted item (the cursor moved on between samples, not timed), p50/p95;
- undo: ctrl+z after a decision, p50;
- F4 key: F4 handled and the screen shown (the referat may still be drawing in its worker);
- F4 shown: F4 until the referat is drawn (first visit, then a visit after one more decision).

The machine's load (1-minute average) is printed before and after each size.

Run: python bench/meeting_size.py [--sizes 15,100,500,2000] [--samples 15] [--no-f4-above N]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import archive_text as text  # noqa: E402

from store.db import open_database  # noqa: E402
from store.demo import as_agenda, prepare_demo  # noqa: E402
from store.meetings import load_meeting, save_meeting  # noqa: E402
from store.model import Attachment, Item, Section  # noqa: E402
from tui.app import ReferatApp  # noqa: E402


def synthetic_item(rng: random.Random, number: int) -> Item:
    """An undecided item with the archive's text: sections, indstilling, bilag."""
    words = text.ItemText(rng, 2026, "Økonomiudvalget")
    sections = [Section(heading, words.section()) for heading in rng.sample(text.SECTION_HEADINGS, rng.randint(2, 4))]
    return Item(number=str(number), title=words.title(), case_number=f"26/{rng.randint(100, 29999)}",
                sections=sections, recommendation=words.recommendation(),
                attachments=[Attachment(title) for title in text.attachments(rng)])


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


async def timed(pilot, *keys: str) -> float:
    start = time.perf_counter()
    await pilot.press(*keys)
    await pilot.pause()
    return time.perf_counter() - start


async def f4_shown(app, pilot) -> float:
    start = time.perf_counter()
    await pilot.press("f4")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return time.perf_counter() - start


async def drive(path: Path, meeting_id: int, samples: int, f4: bool) -> dict[str, float]:
    app = ReferatApp(path, meeting_id)
    figures: dict[str, float] = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        digits, undos = [], []
        for sample in range(samples):
            digits.append(await timed(pilot, "1"))
            if sample % 3 == 2:
                undos.append(await timed(pilot, "ctrl+z"))
            await pilot.press("down")
            await pilot.pause()
        digits.sort()
        figures["digit p50"] = statistics.median(digits)
        figures["digit p95"] = digits[min(len(digits) - 1, round(0.95 * (len(digits) - 1)))]
        figures["undo p50"] = statistics.median(undos)
        if f4:
            figures["F4 key"] = await timed(pilot, "f4")
            await app.workers.wait_for_complete()
            await pilot.press("f3")
            await pilot.pause()
            await pilot.press("down", "1")
            await pilot.pause()
            figures["F4 shown (again)"] = await f4_shown(app, pilot)
            await pilot.press("f3")
            await pilot.pause()
        start = time.perf_counter()
    figures["quit"] = time.perf_counter() - start
    return figures


async def first_f4(path: Path, meeting_id: int) -> float:
    """F4 on a fresh app (the first visit), until the referat is drawn."""
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        return await f4_shown(app, pilot)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="15,100,500,2000")
    parser.add_argument("--samples", type=int, default=15)
    parser.add_argument("--no-f4-above", type=int, default=None, help="skip F4 on larger meetings")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"{'items':>6} {'load':>10} " + " ".join(f"{name:>17}" for name in
          ("digit p50", "digit p95", "undo p50", "F4 first shown", "F4 key", "F4 again shown", "quit")))
    with tempfile.TemporaryDirectory() as directory:
        for size in sizes:
            load_before = os.getloadavg()[0]
            path, meeting_id = build(Path(directory), size)
            f4 = args.no_f4_above is None or size <= args.no_f4_above
            first = asyncio.run(first_f4(path, meeting_id)) if f4 else None
            figures = asyncio.run(drive(path, meeting_id, args.samples, f4))
            load_after = os.getloadavg()[0]

            def cell(value: float | None) -> str:
                return f"{value * 1000:>14.0f} ms" if value is not None else f"{'—':>17}"

            print(f"{size:>6} {load_before:>4.1f}→{load_after:<4.1f} " + " ".join(cell(value) for value in (
                figures["digit p50"], figures["digit p95"], figures["undo p50"], first, figures.get("F4 key"),
                figures.get("F4 shown (again)"), figures["quit"])), flush=True)


if __name__ == "__main__":
    main()
