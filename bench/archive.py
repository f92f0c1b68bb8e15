"""Scale: a synthetic ten-year archive (20 udvalg × 11 møder × 10 år × 15 punkter ≈ 33,000 punkter).

The archive is generated (seeded, so always the same) through the store's own import path: one
`save_meeting` per meeting, as `referat import` does — one audited action per meeting, with its
audit rows and the full-text triggers.  Then it measures, each figure against its target:

- `referat run` to the first Dagsorden frame on the demo meeting inside the archive, against the same
  meeting alone in a database of its own (median of RUNS each, interleaved; target ≤ 1.2×);
- search: the store query (`store.search.search`) p50 over 21 queries (target < 50 ms), and the
  whole `referat search` process, wall time;
- `referat meetings`: the store call (`list_meetings`) and the whole process (target < 200 ms);
- the database's size on disk;
- peak memory (VmHWM) of `referat run` in a pty after showing Dagsorden and then Referat (F4)
  (target < 150 MB);
- ctrl+z on meeting day (`undo_last` after a recorded beslutning), in the archive and alone.

Run: python bench/archive.py [--scale 0.1] [--runs 7] [--db PATH]
--db keeps the archive in PATH (and reuses it when it is already there, skipping generation).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.resources import as_file, files
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import archive_text as text  # noqa: E402
from startup import AGENDA_SHOWN, PtySession, ms, referat_command, time_to_screen  # noqa: E402

from store.agenda import agenda, set_current_item  # noqa: E402
from store.audit import undo_last  # noqa: E402
from store.db import open_database  # noqa: E402
from store.decisions import record_outcome  # noqa: E402
from store.demo import DEMO_FILE, as_agenda, prepare_demo  # noqa: E402
from store.importing import parse_file  # noqa: E402
from store.meetings import list_meetings, save_meeting  # noqa: E402
from store.model import (  # noqa: E402
    APPROVED,
    CARRIED,
    CHAIR,
    DEFAULT_VOCABULARY,
    MEMBER,
    PRESENT,
    SENT_APOLOGIES,
    VICE_CHAIR,
    Approval,
    Attachment,
    Decision,
    Item,
    Meeting,
    Member,
    Remark,
    Section,
    Vote,
)
from store.search import search  # noqa: E402

COMMITTEES, MEETINGS_PER_YEAR, YEARS, ITEMS = 20, 11, 10, 15
FIRST_YEAR = 2016
COUNCIL_SIZE = 31
REFERAT_MARKER = "FORTROLIGT"
F4 = b"\x1bOS"
QUERIES = (  # topics (a few per cent of the items), asides (about one in ten), broad words (nearly all)
    "kontanthjælpsloftet",
    "beskæftigelsesindsats",
    "integrationsydelsen",
    "fleksjob",
    "skolestrukturen",
    "klimatilpasningen",
    "spildevandsplanen",
    "hjemmeplejen",
    "ressourceforløb",
    "sygedagpenge",
    "takster 2024",
    "personalesag",
    "Avedøre",
    "kvalitetsrapporten",
    "udbudsloven",
    "boligorganisationer",
    "handicaprådet høringssvar",
    "kassebeholdningen",
    "anlægsbevilling frigives",
    "budgetopfølgning",
    "jobcentret ledige",
)
SEARCH_REPEATS = 5
PROCESS_REPEATS = 5
TARGET_RATIO, TARGET_SEARCH_MS, TARGET_MEETINGS_MS, TARGET_MEMORY_MB = 1.2, 50, 200, 150


# --- generating the archive -------------------------------------------------------


def meeting_slots(scale: float) -> list[tuple[str, dt.date]]:
    """(committee, date) of the archive's meetings, oldest first; `scale` keeps that fraction, picked at random."""
    slots = []
    for year in range(FIRST_YEAR, FIRST_YEAR + YEARS):
        for month in [m for m in range(1, 13) if m != 7][:MEETINGS_PER_YEAR]:
            for index, committee in enumerate(text.COMMITTEES[:COMMITTEES]):
                day = dt.date(year, month, 1) + dt.timedelta(days=index)
                if day.weekday() > 3:  # committees meet Monday to Thursday
                    day += dt.timedelta(days=7 - day.weekday())
                slots.append((committee, day))
    chosen = sorted(random.Random(len(slots)).sample(range(len(slots)), max(1, round(len(slots) * scale))))
    return sorted((slots[index] for index in chosen), key=lambda slot: slot[1])


def council(rng: random.Random) -> list[tuple[str, str]]:
    """The kommunalbestyrelse: distinct names with party letters."""
    names: dict[str, str] = {}
    while len(names) < COUNCIL_SIZE:
        names.setdefault(text.person_name(rng), rng.choice(text.PARTIES))
    return list(names.items())


def rosters(rng: random.Random, demo: Meeting) -> dict[str, list[Member]]:
    """Each committee's members; Arbejdsmarkedsudvalget has the demo meeting's (so the demo fits in)."""
    people = council(rng)
    result = {}
    for committee in text.COMMITTEES[:COMMITTEES]:
        chosen = rng.sample(people, rng.choice((7, 9)))
        result[committee] = [
            Member(name=name, party=party, role=(CHAIR, VICE_CHAIR)[i] if i < 2 else MEMBER)
            for i, (name, party) in enumerate(chosen)
        ]
    result[demo.committee] = [dataclasses.replace(m, attendance=None) for m in demo.members]
    return result


def archive_item(rng: random.Random, number: int, year: int, committee: str, members: list[Member]) -> Item:
    """One decided item: sections, indstilling, beslutning, sometimes a vote, a remark, lukket."""
    public = number < ITEMS - 1 or rng.random() > 0.5
    words = text.ItemText(rng, year, committee)
    sections = [Section(heading, words.section()) for heading in rng.sample(text.SECTION_HEADINGS, rng.randint(2, 4))]
    item = Item(
        number=str(number),
        title=words.title() if public else text.closed_title(rng),
        public=public,
        case_number=f"{year % 100:02d}/{rng.randint(100, 29999)}",
        sections=sections,
        recommendation=words.recommendation(),
        attachments=[Attachment(title) for title in text.attachments(rng)],
        decision=Decision(
            outcome=rng.choice(DEFAULT_VOCABULARY[:5]), text=words.decision() if rng.random() < 0.2 else None
        ),
    )
    if rng.random() < 0.08:
        parties = sorted({m.party for m in members if m.party})
        against = rng.sample(parties, max(1, len(parties) // 3))
        item.votes.append(
            Vote(
                subject="Indstillingen", for_=[p for p in parties if p not in against], against=against, result=CARRIED
            )
        )
    if rng.random() < 0.05:
        member = rng.choice(members)
        item.remarks.append(Remark(members=[member.display], kind="protokoltilførsel", text=text.remark_text(rng)))
    return item


def archive_meeting(rng: random.Random, committee: str, day: dt.date, members: list[Member]) -> Meeting:
    """A held and approved meeting with ITEMS items."""
    attending = [dataclasses.replace(m, attendance=PRESENT if rng.random() < 0.9 else SENT_APOLOGIES) for m in members]
    return Meeting(
        committee=committee,
        date=day,
        municipality=text.MUNICIPALITY,
        start="16:00",
        end="18:00",
        location="Mødelokale 324",
        status=APPROVED,
        members=attending,
        items=[archive_item(rng, n, day.year, committee, members) for n in range(1, ITEMS + 1)],
        approvals=[
            Approval(member=m.display, at=f"{day.isoformat()}T19:00:00+01:00")
            for m in attending
            if m.attendance == PRESENT
        ],
    )


def demo_agenda() -> Meeting:
    """The bundled demo meeting as a dagsorden (what `referat demo` opens)."""
    with as_file(files("store.data") / DEMO_FILE) as source:
        return as_agenda(parse_file(source))


def generate(db_path: Path, scale: float, seed: int) -> tuple[float, int]:
    """Write the archive and then the demo meeting into db_path; (seconds spent, the demo meeting's id)."""
    rng = random.Random(seed)
    demo = demo_agenda()
    members = rosters(rng, demo)
    db = open_database(db_path)
    started = time.perf_counter()
    for committee, day in meeting_slots(scale):
        save_meeting(db, archive_meeting(rng, committee, day, members[committee]), source="arkiv")
    seconds = time.perf_counter() - started
    meeting_id = save_meeting(db, demo, source=DEMO_FILE)
    make_current(db, meeting_id)
    db.close()  # the last connection to close folds the write-ahead log into the file
    return seconds, meeting_id


def make_current(db, meeting_id: int) -> None:
    """Item 1 current, so `referat run` starts on Dagsorden."""
    set_current_item(db, meeting_id, agenda(db, meeting_id)[0]["id"])


def demo_meeting_in(db_path: Path) -> int:
    """The demo meeting (the last one saved) of an existing archive."""
    db = open_database(db_path)
    meeting_id = max(row["id"] for row in list_meetings(db))
    db.close()
    return meeting_id


# --- measuring ----------------------------------------------------------------------


def verdict(ok: bool) -> str:
    """Whether a target is met, in Danish."""
    return "OK" if ok else "IKKE NÅET"


def percentile(samples: list[float], fraction: float) -> float:
    """The sample at `fraction` of the sorted samples (0.5: the p50)."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def process_seconds(command: list[str]) -> float:
    """Wall time of one process run to its end (output captured, not printed)."""
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
    return time.perf_counter() - started


def peak_memory_mb(db_path: Path, meeting_id: int) -> float:
    """VmHWM of `referat run` after Dagsorden and then Referat (F4) have been drawn."""
    session = PtySession(referat_command("run", str(meeting_id), "--db", str(db_path)))
    try:
        session.wait_for(*AGENDA_SHOWN)
        session.press(F4)
        session.wait_for(REFERAT_MARKER)
        status = Path(f"/proc/{session.process.pid}/status").read_text()
    finally:
        session.close()
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def measure_run(archive: Path, archive_meeting_id: int, alone: Path, alone_id: int, runs: int) -> None:
    """Print `referat run` to the first Dagsorden frame, in the archive and alone, and their ratio."""
    big = referat_command("run", str(archive_meeting_id), "--db", str(archive))
    small = referat_command("run", str(alone_id), "--db", str(alone))
    time_to_screen(small, AGENDA_SHOWN)  # warm the file cache for both
    time_to_screen(big, AGENDA_SHOWN)
    small_times, big_times = [], []
    for _ in range(runs):  # interleaved, so both see the same machine load
        small_times.append(time_to_screen(small, AGENDA_SHOWN)[0])
        big_times.append(time_to_screen(big, AGENDA_SHOWN)[0])
    small_median, big_median = statistics.median(small_times), statistics.median(big_times)
    ratio = big_median / small_median
    print(f"referat run, første Dagsorden-billede (median af {runs}):")
    print(f"  mødet alene i databasen: {ms(small_median)} (min {ms(min(small_times))}, max {ms(max(small_times))})")
    print(f"  samme møde i arkivet:    {ms(big_median)} (min {ms(min(big_times))}, max {ms(max(big_times))})")
    print(f"  forhold {ratio:.2f}× (mål ≤ {TARGET_RATIO}×) {verdict(ratio <= TARGET_RATIO)}")


def timed(func, *args) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, result) of one call; CPU time is what other load leaves alone."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = func(*args)
    return time.perf_counter() - wall, time.process_time() - cpu, result


def measure_search(archive: Path) -> None:
    """Print the store query's p50 and p90 (wall and CPU) and the whole `referat search` process's p50."""
    db = open_database(archive)
    search(db, QUERIES[0])  # the first query reads the index from disk
    walls, cpus, per_query = [], [], {}
    for query in QUERIES:
        samples = [timed(search, db, query) for _ in range(SEARCH_REPEATS)]
        walls += [wall for wall, _, _ in samples]
        cpus += [cpu for _, cpu, _ in samples]
        per_query[query] = (statistics.median(wall for wall, _, _ in samples), len(samples[0][2]))
    db.close()
    p50 = percentile(walls, 0.5)
    slowest = max(per_query, key=lambda query: per_query[query][0])
    print(f"Søgning i store (store.search.search, {len(QUERIES)} forespørgsler × {SEARCH_REPEATS}):")
    print(
        f"  vægur p50 {ms(p50)}, p90 {ms(percentile(walls, 0.9))}, max {ms(max(walls))} "
        f"(mål p50 < {TARGET_SEARCH_MS} ms) {verdict(p50 * 1000 < TARGET_SEARCH_MS)}; "
        f"CPU p50 {ms(percentile(cpus, 0.5))}, p90 {ms(percentile(cpus, 0.9))}"
    )
    print(f"  langsomste: '{slowest}' median {ms(per_query[slowest][0])}")
    processes = [process_seconds(referat_command("search", query, "--db", str(archive))) for query in QUERIES]
    print(
        f"Hele processen `referat search` (vægur, {len(QUERIES)} forespørgsler): "
        f"p50 {ms(percentile(processes, 0.5))}, max {ms(max(processes))}"
    )


def measure_meetings(archive: Path) -> None:
    """Print `list_meetings` and the whole `referat meetings` process, with Python's and cli's share of it."""
    db = open_database(archive)
    samples = [timed(list_meetings, db) for _ in range(PROCESS_REPEATS)]
    db.close()
    store_wall = statistics.median(wall for wall, _, _ in samples)
    store_cpu = statistics.median(cpu for _, cpu, _ in samples)
    walls = [process_seconds(referat_command("meetings", "--db", str(archive))) for _ in range(PROCESS_REPEATS)]
    imports = [process_seconds([sys.executable, "-c", "import cli"]) for _ in range(PROCESS_REPEATS)]
    bare = [process_seconds([sys.executable, "-c", "pass"]) for _ in range(PROCESS_REPEATS)]
    wall = statistics.median(walls)
    print(f"referat meetings ({len(samples[0][2])} møder, median af {PROCESS_REPEATS}):")
    print(
        f"  store (list_meetings): vægur {ms(store_wall)}, CPU {ms(store_cpu)} (mål < {TARGET_MEETINGS_MS} ms) "
        f"{verdict(store_wall * 1000 < TARGET_MEETINGS_MS)}"
    )
    print(
        f"  hele processen (vægur): {ms(wall)} {verdict(wall * 1000 < TARGET_MEETINGS_MS)}; heraf "
        f"python alene {ms(statistics.median(bare))}, python + import cli {ms(statistics.median(imports))}"
    )


def undo_seconds(db_path: Path, meeting_id: int) -> float:
    """Median wall time of undoing a just-recorded outcome on the meeting's first item."""
    db = open_database(db_path)
    first = agenda(db, meeting_id)[0]["id"]
    samples = []
    for _ in range(PROCESS_REPEATS):
        record_outcome(db, first, DEFAULT_VOCABULARY[0])
        samples.append(timed(undo_last, db, meeting_id)[0])
    db.close()
    return statistics.median(samples)


def measure(archive: Path, alone: Path, args: argparse.Namespace) -> None:
    """Generate the archive unless it exists; then every figure, against the demo meeting alone in `alone`."""
    if archive.exists():
        meeting_id = demo_meeting_in(archive)
        print(f"Arkiv genbrugt: {archive}")
    else:
        seconds, meeting_id = generate(archive, args.scale, args.seed)
        print(f"Arkiv genereret på {seconds:.0f} s (ét import-action pr. møde): {archive}")
    db = open_database(archive)
    counts = {table: db[table].count for table in ("meetings", "items", "sections", "audit_log")}
    db.close()
    size = sum(
        Path(f"{archive}{suffix}").stat().st_size for suffix in ("", "-wal") if Path(f"{archive}{suffix}").exists()
    )
    print(
        f"  {counts['meetings']} møder, {counts['items']} punkter, {counts['sections']} afsnit, "
        f"{counts['audit_log']} audit-rækker; {size / 2**20:.0f} MB på disken"
    )
    alone_id = prepare_demo(alone)
    db = open_database(alone)
    make_current(db, alone_id)
    db.close()
    measure_run(archive, meeting_id, alone, alone_id, args.runs)
    measure_search(archive)
    measure_meetings(archive)
    print(
        f"Fortryd (undo_last efter en beslutning, median af {PROCESS_REPEATS}): "
        f"{ms(undo_seconds(archive, meeting_id))} i arkivet, {ms(undo_seconds(alone, alone_id))} med mødet alene"
    )
    big_mb, small_mb = peak_memory_mb(archive, meeting_id), peak_memory_mb(alone, alone_id)
    print(
        f"Højeste hukommelsesforbrug (VmHWM) for referat run, Dagsorden + Referat: {big_mb:.0f} MB i arkivet, "
        f"{small_mb:.0f} MB med mødet alene (mål < {TARGET_MEMORY_MB} MB) {verdict(big_mb < TARGET_MEMORY_MB)}"
    )
    print(f"Maskinens belastning ved slut: {os.getloadavg()[0]:.1f}")


def main() -> None:
    """Generate (or reuse) the archive, then print every figure."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the 2,200 meetings (e.g. 0.1)")
    parser.add_argument("--runs", type=int, default=7, help="runs of `referat run` per database")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--db", type=Path, help="keep (or reuse) the archive here")
    args = parser.parse_args()
    print(f"Maskinens belastning (load average, 1 min) ved start: {os.getloadavg()[0]:.1f} på {os.cpu_count()} kerner")
    with tempfile.TemporaryDirectory(prefix="referat-archive-") as folder:
        measure(args.db or Path(folder) / "arkiv.db", Path(folder) / "alene.db", args)


if __name__ == "__main__":
    main()
