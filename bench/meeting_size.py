"""Meeting size: meeting day on agendas of 15, 100, 500 and 2,000 items.

Each meeting is the demo's committee with N synthetic items of realistic text (bench/archive_text.py:
two to four sections of sagsfremstilling, indstilling, bilag), saved through the store as `referat import`
does.

First the keys on the agenda, key to screen (bench/key_to_screen.py): the real `referat run` on a
pseudo-terminal, a key typed, the time until the last byte of the frame that shows its result (the output then
quiet), with the process's CPU time over that span; and the same for a bare Textual app (one binding updating
a Static), the floor, and that app opening a Textual ModalScreen with a TextArea, the dialog floor.  Per size,
p50 / p95 / max / cpu (p50) in milliseconds of

- digit: on the opened meeting, a digit decision on the current item, which makes the next item current (the save committed);
- undo: ctrl+z after it (the decision and the move undone, 'Fortrudt' said on the key line);
- enter: Enter on the item below (made current);
- dialog: e, the free-text dialog open (first dialog: its first opening, which reads the dialogs' stylesheet);

then each key's p95 as a multiple of its floor's p95 measured beside it, and the largest meeting's p95 as a
multiple of the smallest's.  (Pilot's press and pause would add Textual's own idle waits to each key.)

Then per size (milliseconds unless said), the app driven with Textual's Pilot at 100×30:

- F4 first / cpu: F4 on a fresh app until the referat pane draws its first screenful of laid-out lines (timed
  at that drawing, so without Pilot's wait for idle; F4's Markdown renderer already imported, as the app does a
  second after its first frame); F4 again: a visit after one more decision, until the referat read then is drawn;
- quit: ctrl+q until the app has exited;
- peak MB: peak resident memory of the app (a process of its own) through ten decisions, an undo, F4, End, F3;
- md / json export: the wall time of the real `referat export MEETING --format md|json` process (the public
  edition, written to a file, as a user runs it: start-up included; median of three runs), and its CPU time
  (md cpu, json cpu).  referat's modules are compiled to bytecode first, as `pip install` does.

Then: the time from starting the app to Dagsorden on an item with a 5 MB title and a 5 MB section.
The machine's load (1-minute average) is printed before and after each size.

Run: python bench/meeting_size.py [--sizes 15,100,500,2000] [--samples 20] [--no-f4-above N] [--keys-only | --export-only]
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
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

import rich.markdown  # noqa: F401 -- F4's renderer, which the app imports a second after its first frame

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import archive_text as text  # noqa: E402
import key_to_screen as keys  # noqa: E402

from store.db import open_database  # noqa: E402
from store.demo import as_agenda, prepare_demo  # noqa: E402
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


async def f4_shown(app, pilot) -> tuple[float, float]:
    """F4 until the referat pane first draws a screenful of laid-out lines of the referat it read on this visit
    (wall, CPU): timed at that drawing, not at the app's next idle moment (Pilot's pause waits for idle in steps of
    its own).  When the referat read has not changed, its first drawing after F4."""
    drawn: list[tuple[float, float]] = []
    unchanged: list[tuple[float, float]] = []  # drawings of the referat shown before F4
    shown: list[bool] = []  # the view was given the referat read on this visit
    show_referat, render_lines = ReferatView.show_referat, ReferatView.render_lines

    def show_and_note(view: ReferatView, *args) -> None:
        shown.append(True)
        show_referat(view, *args)

    def render_and_time(view: ReferatView, crop):
        lines = render_lines(view, crop)
        full = not view.head_only or view.virtual_size.height >= view.size.height  # not the head alone, cut short
        if view.parts and full and not view.wanted:  # every line drawn was laid out
            (drawn if shown else unchanged).append((time.perf_counter(), time.process_time()))
        return lines

    def reading() -> bool:
        return any(worker.group == "referat" and not worker.is_finished for worker in app.workers)

    with mock.patch.object(ReferatView, "show_referat", show_and_note):
        with mock.patch.object(ReferatView, "render_lines", render_and_time):
            start, cpu = time.perf_counter(), time.process_time()
            await pilot.press("f4")
            while not drawn and not (unchanged and not shown and not reading()):
                await asyncio.sleep(0.001)
    await app.workers.wait_for_complete()
    await pilot.pause()
    end, end_cpu = (drawn or unchanged)[0]
    return end - start, end_cpu - cpu


async def drive(path: Path, meeting_id: int, f4: bool) -> dict[str, float]:
    app = ReferatApp(path, meeting_id)
    figures: dict[str, float] = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        if f4:
            await f4_shown(app, pilot)  # the first visit
            await pilot.press("f3", "down", "1")
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


RUN_REFERAT = "import sys; from cli import entry_point; sys.argv[0] = 'referat'; entry_point()"


def export_times(path: Path, meeting_id: int, runs: int = 3) -> tuple[float, float, float, float]:
    """Median wall and CPU seconds of the `referat export` process for Markdown, then for JSON."""
    script = Path(sys.executable).parent / "referat"
    command = [str(script)] if script.exists() else [sys.executable, "-c", RUN_REFERAT]
    figures = []
    for fmt in ("md", "json"):
        walls, cpus = [], []
        for _ in range(runs):
            with tempfile.TemporaryFile() as output:
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                subprocess.run(
                    [*command, "export", str(meeting_id), "--db", str(path), "--format", fmt],
                    stdout=output,
                    check=True,
                    cwd=ROOT,
                )
                walls.append(time.perf_counter() - start)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        figures += [statistics.median(walls), statistics.median(cpus)]
    return figures[0], figures[2], figures[1], figures[3]


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
    "F4 first",
    "F4 cpu",
    "F4 again",
    "quit",
    "peak MB",
    "md export",
    "json export",
    "md cpu",
    "json cpu",
)


@dataclasses.dataclass
class KeyRow:
    """Key to screen on one meeting: the floor and each key's samples, the load before and after."""

    size: int
    load: tuple[float, float]
    floor: keys.Samples
    dialog_floor: keys.Samples
    keys: dict[str, keys.Samples]

    def ratio(self, name: str) -> float:
        """The key's p95 ÷ its floor's p95 (a dialog's: the bare Textual dialog's)."""
        return self.keys[name].p95() / (self.dialog_floor if "dialog" in name else self.floor).p95()


def key_row(size: int, path: Path, meeting_id: int, samples: int) -> KeyRow:
    """The floor, then the keys on Dagsorden of `referat run` on the meeting (bench/key_to_screen.py)."""
    load = os.getloadavg()[0]
    floor, dialog_floor = keys.floor(samples), keys.dialog_floor(samples)
    figures = keys.meeting_keys(path, meeting_id, samples)
    return KeyRow(size, (load, os.getloadavg()[0]), floor, dialog_floor, figures)


def key_figures(samples: keys.Samples) -> str:
    """'p50/p95/max/cpu' in milliseconds."""
    walls = (samples.p50(), samples.p95(), samples.worst(), samples.cpu())
    return "/".join(f"{value * 1000:.0f}" for value in walls)


def print_key_table(rows: list[KeyRow]) -> None:
    """Per size: p50/p95/cpu of the floor and of each key, each key's p95 ÷ the floor's; then the largest
    meeting's p95 ÷ the smallest's."""
    names = list(keys.KEY_NAMES)
    print("Keys on Dagsorden, key to screen (`referat run` on a pseudo-terminal); ms p50/p95/max/cpu")
    heads = " ".join(f"{name:>15}" for name in ["floor", "dialog floor", *names])
    print(f"{'items':>6} {'load':>9} {heads}   p95 ÷ its floor's p95")
    for row in rows:
        cells = " ".join(f"{key_figures(samples):>15}" for samples in [row.floor, row.dialog_floor, *row.keys.values()])
        ratios = " ".join(f"{row.ratio(name):>5.1f}×" for name in names)
        print(f"{row.size:>6} {row.load[0]:>4.1f}→{row.load[1]:<4.1f} {cells}  {ratios}")
    if len(rows) > 1:
        small, large = min(rows, key=lambda row: row.size), max(rows, key=lambda row: row.size)
        ratios = ", ".join(f"{name} {large.keys[name].p95() / small.keys[name].p95():.2f}×" for name in names)
        print(f"p95 at {large.size} items ÷ p95 at {small.size} items: {ratios}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="15,100,500,2000")
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--no-f4-above", type=int, default=None, help="skip F4 on larger meetings")
    parser.add_argument("--keys-only", action="store_true", help="only the keys on Dagsorden, key to screen")
    parser.add_argument("--export-only", action="store_true", help="only `referat export`, md and json")
    parser.add_argument("--memory", nargs=2, metavar=("DB", "MEETING"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory:
        asyncio.run(meeting_day_memory(Path(args.memory[0]), int(args.memory[1])))
        return
    sizes = [int(size) for size in args.sizes.split(",")]
    compileall.compile_file(ROOT / "cli.py", quiet=1)
    for package in ("store", "tui"):
        compileall.compile_dir(ROOT / package, quiet=1)
    if args.keys_only:
        with tempfile.TemporaryDirectory() as directory:
            print_key_table([key_row(size, *build(Path(directory), size), args.samples) for size in sizes])
        return
    if args.export_only:
        print("referat export, ms: wall (median of three processes) and the process's CPU time")
        print(f"{'items':>6} {'load':>9} " + " ".join(f"{name:>11}" for name in COLUMNS[-4:]), flush=True)
        with tempfile.TemporaryDirectory() as directory:
            for size in sizes:
                path, meeting_id = build(Path(directory), size)
                load_before = os.getloadavg()[0]
                cells = [f"{value * 1000:>11.0f}" for value in export_times(path, meeting_id)]
                print(f"{size:>6} {load_before:>4.1f}→{os.getloadavg()[0]:<4.1f} " + " ".join(cells), flush=True)
        return
    print("ms unless said; wall times, 'cpu' columns the process's CPU time (the machine is shared: see load)")
    print(f"{'items':>6} {'load':>9} " + " ".join(f"{name:>11}" for name in COLUMNS), flush=True)
    key_rows: list[KeyRow] = []
    with tempfile.TemporaryDirectory() as directory:
        for size in sizes:
            load_before = os.getloadavg()[0]
            path, meeting_id = build(Path(directory), size)
            key_rows.append(key_row(size, path, meeting_id, args.samples))  # first: the others decide items
            md, json_, md_cpu, json_cpu = export_times(path, meeting_id)
            memory = peak_memory(path, meeting_id)
            f4 = args.no_f4_above is None or size <= args.no_f4_above
            first = asyncio.run(first_f4(path, meeting_id)) if f4 else (None, None)
            figures = asyncio.run(drive(path, meeting_id, f4))
            load_after = os.getloadavg()[0]
            values = [
                first[0],
                first[1],
                figures.get("F4 again"),
                figures["quit"],
            ]
            cells = [f"{value * 1000:>11.0f}" if value is not None else f"{'—':>11}" for value in values]
            cells += [f"{memory:>11.0f}"] + [f"{value * 1000:>11.0f}" for value in (md, json_, md_cpu, json_cpu)]
            print(f"{size:>6} {load_before:>4.1f}→{load_after:<4.1f} " + " ".join(cells), flush=True)
        print_key_table(key_rows)
        load_before = os.getloadavg()[0]
        wall, cpu = asyncio.run(huge_field(Path(directory)))
        print(
            f"5 MB title and 5 MB section: start to Dagsorden {wall * 1000:.0f} ms (cpu {cpu * 1000:.0f} ms), "
            f"load {load_before:.1f}→{os.getloadavg()[0]:.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
