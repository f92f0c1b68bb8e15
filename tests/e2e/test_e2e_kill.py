"""Kill test: the real `referat` process, SIGKILLed at 20 random moments of a scripted meeting.

Four series run side by side, each on its own copy of the demo database.  A series starts `referat run`,
plays the script below step by step (reading the screen after each step) and, at a random key of a
random step plus a random delay, sends SIGKILL; then it starts `referat run` again.  Whatever had
appeared on the screen before the kill must be in the database, in `referat export` and on the
restarted screen (same current item); a step whose result had not appeared must be there entirely or
not at all.  The restarted app then plays on from where the database is, to the next kill (five per
series), and at last to the end of the script, where the meeting must hold everything.

Text typed into a dialog is kept as a kladde (tui/modals/drafts.py): when a kill lands after the kladde was
saved, the restarted dialog offers it again, so the replay checks that the kladde is the beginning of what was
typed (nothing extra) and types only the rest (nothing twice).

The seed is printed (and named in every failure); REFERAT_KILL_SEED=<seed> replays the same kills.
"""

from __future__ import annotations

import copy
import json
import os
import random
import re
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pty_support import Terminal, needs_referat
from typer.testing import CliRunner

from cli import app
from store.db import get_row, open_database
from store.demo import prepare_demo
from store.drafts import draft_key, load_draft
from store.meetings import get_meeting, load_meeting
from tui.modals.drafts import RESTORED

pytestmark = needs_referat

SERIES, KILLS_PER_SERIES = 4, 5  # 20 kills; the series run side by side
MAX_DELAY = 0.3  # seconds between the chosen key and the kill
MEMBERS = ["Benthe Viola Holm", "Ivan Fogtmann", "Mikail Erman", "Mogens Leo Hansen", "Ømer Kuscu"]
TITLES = {
    "1": "Godkendelse af dagsorden",
    "2": "Meddelelser",
    "3": "JobCAMP 2017",
    "4": "Arbejdsmarkedsudvalgets udviklingspulje",
    "5": "Beslutning om projektet Flere skal med",
    "6": "Orientering om omfanget af borgere ramt af kontanthjælpsloftet",
    "7": "Afrapportering på beskæftigelsesmål 3.b",
    "8": "Beslutning om godkendelse af afrapportering på Beskæftigelsesplan 2017, 1. kvartal",
    "9": "Orientering om RAR-Hovedstadens tilbagemelding på kommunernes beskæftigelsesplaner for 2017",
    "10": "Integrationsrådets beretning 2016",
    "11": "Eventuelt",
}
URGENT_TITLE = "Vejarbejde på Hvidovrevej"


@dataclass
class State:
    """What a meeting holds, as far as the script touches it."""

    status: str = "planlagt"
    attendance: dict[str, str | None] = field(default_factory=lambda: dict.fromkeys(MEMBERS))
    items: list[tuple[str, str]] = field(default_factory=lambda: list(TITLES.items()))  # (number, title) in order
    decisions: dict[str, tuple[str | None, str | None, tuple[str, ...]]] = field(default_factory=dict)
    current: str | None = None  # the current item's number


def from_json(data: dict, current: str | None) -> State:
    """The State of a meeting in the JSON export's shape (also `Meeting.to_json()`)."""
    return State(
        status=data["status"],
        attendance={member["name"]: member["attendance"] for member in data["members"]},
        items=[(str(item["number"]), item["title"]) for item in data["items"]],
        decisions={
            str(item["number"]): (
                item["decision"]["outcome"],
                item["decision"]["text"],
                tuple(item["decision"]["points"]),
            )
            for item in data["items"]
            if item["decision"]
        },
        current=current,
    )


class Typed(str):
    """Text typed into a dialog whose field is kept as a kladde under `dialog` (for item `number`)."""

    dialog: str
    number: str | None

    def __new__(cls, text: str, dialog: str, number: str | None = None) -> Typed:
        typed = super().__new__(cls, text)
        typed.dialog, typed.number = dialog, number
        return typed


@dataclass
class Step:
    """Keys to type ("?regex" waits for the screen; a Typed text goes into a dialog field that may hold its
    kladde), what the screen then shows, and what the store then holds."""

    keys: list[str]
    shows: list[str]
    effect: Callable[[State], None]

    def shown(self, screen: str) -> bool:
        return all(re.search(pattern, screen) for pattern in self.shows)


# What each step does to the State (the store's half of the script).


def attend(name: str, status: str | None):
    def effect(state: State) -> None:
        state.attendance[name] = status

    return effect


def decide(
    number: str, outcome: str | None, text: str | None = None, points: tuple[str, ...] = (), then: str | None = None
):
    def effect(state: State) -> None:
        state.decisions[number] = (outcome, text, points)
        state.current = then

    return effect


def undecide(number: str):
    def effect(state: State) -> None:
        del state.decisions[number]
        state.current = number

    return effect


def opened(state: State) -> None:
    state.status, state.current = "åbnet", "1"


def swap_6_and_7(state: State) -> None:
    numbers = [number for number, _ in state.items]
    i, j = numbers.index("6"), numbers.index("7")
    state.items[i], state.items[j] = state.items[j], state.items[i]


def add_urgent(state: State) -> None:
    state.items.append(("12", URGENT_TITLE))


def closed(state: State) -> None:
    state.status = "hævet"


SCRIPT = [
    Step(["end", "a"], [r"Ømer Kuscu +A +medlem +afbud"], attend("Ømer Kuscu", "afbud")),
    Step(["end", "up", "f"], [r"Mogens Leo Hansen +Ø +medlem +fraværende"], attend("Mogens Leo Hansen", "fraværende")),
    Step(["end", "up", "t"], [r"Mogens Leo Hansen +Ø +medlem +til stede"], attend("Mogens Leo Hansen", "til stede")),
    Step(["o", "f3"], [r"åbnet kl\. \d", r"Punkt 1\. Godkendelse af dagsorden"], opened),
    Step(
        ["1"],
        [r"✓ +1\. Godkendelse af dagsorden — Godkendt", r"Punkt 2\. Meddelelser"],
        decide("1", "Godkendt", then="2"),
    ),
    Step(
        ["2"],
        [r"Meddelelser — Taget til efterretning", r"Punkt 3\. JobCAMP"],
        decide("2", "Taget til efterretning", then="3"),
    ),
    Step(["u"], [r"↷ +3\. JobCAMP 2017 — Udsat"], decide("3", "Udsat", then="4")),
    Step(["ctrl+z"], [r"▶ +3\. JobCAMP 2017 +▏"], undecide("3")),
    Step(["5"], [r"JobCAMP 2017 — Drøftet", r"Punkt 4\. Arbejdsmarkedsudvalgets"], decide("3", "Drøftet", then="4")),
    Step(
        ["p", "?Beslutning pr. indstillingspunkt", "1", "4", r"?2\. +Anbefales", "enter"],
        [r"✓ +4\. Arbejdsmarke[^\n]* — Godkendt / Anbefales", r"Punkt 5\. Beslutning om projektet"],
        decide("4", None, points=("Godkendt", "Anbefales"), then="5"),
    ),
    Step(
        ["e", "?Beslutning, punkt 5", Typed("Udvalget anbefaler.", "beslutning", "5"), r"?anbefaler\.", "ctrl+s"],
        [r"✓ +5\. Beslutning om[^\n]* — Udvalget anbefaler\.", r"Punkt 6\. Orientering"],
        decide("5", None, "Udvalget anbefaler.", then="6"),
    ),
    Step(["shift+down"], [r"7\. Afrapportering[^\n]*\n[^\n]*6\. Orientering"], swap_6_and_7),
    Step(
        ["9"],
        [r"✓ +6\. Orientering", r"Punkt 8\. Beslutning om godkendelse"],
        decide("6", "Ingen bemærkninger", then="8"),
    ),
    Step(["f2", "home", "a"], [r"Benthe Viola Holm +A +medlem +afbud"], attend("Benthe Viola Holm", "afbud")),
    Step(
        ["f3", "ctrl+z"],
        [r"4 af 5 til stede", r"Punkt 8\. Beslutning om godkendelse"],
        attend("Benthe Viola Holm", None),
    ),
    Step(
        ["n", "?Ny hastesag", Typed(URGENT_TITLE, "hastesag"), "?Hvidovrevej", "enter"],
        [r"12\. Vejarbejde på Hvidovrevej"],
        add_urgent,
    ),
    Step(["h", "?Hæv mødet nu", "j"], [r"–\d\d\.\d\d, hævet"], closed),
]


def states() -> list[State]:
    """The state before each step, and after the last."""
    result = [State()]
    for step in SCRIPT:
        result.append(copy.deepcopy(result[-1]))
        step.effect(result[-1])
    return result


STATES = states()


@dataclass
class Kill:
    """Where a series is killed: after key `key` of step `step`, `delay` seconds later."""

    step: int
    key: int
    delay: float


def draw_kills(rng: random.Random) -> list[Kill]:
    """KILLS_PER_SERIES kills at distinct steps, in script order."""
    kills = []
    for step in sorted(rng.sample(range(len(SCRIPT)), KILLS_PER_SERIES)):
        typed = [i for i, key in enumerate(SCRIPT[step].keys) if not key.startswith("?")]
        kills.append(Kill(step, rng.choice(typed), round(rng.uniform(0, MAX_DELAY), 3)))
    return kills


def store_state(db_path: Path) -> State:
    """The State the database holds (read-only, beside the running app)."""
    db = open_database(db_path, readonly=True)
    try:
        meeting = get_meeting(db, 1)
        current = meeting["current_item_id"] and get_row(db, "items", meeting["current_item_id"])["number"]
        return from_json(load_meeting(db, 1).to_json(), current)
    finally:
        db.close()


def screen_problems(screen: str, state: State) -> list[str]:
    """What the restarted app should show and does not: the current item, beslutninger or fremmøde."""
    if state.current is None:
        expected = ["ikke åbnet"] + [
            rf"{name} +\S+ +medlem +{re.escape(status or '(til stede)')}" for name, status in state.attendance.items()
        ]
    else:
        title = dict(state.items)[state.current]
        expected = [rf"Punkt {state.current}\. {re.escape(title[:20])}", "Aktuelt punkt"]
        expected += [rf"[✓↷▶] +{number}\. " for number in state.decisions]
    return [pattern for pattern in expected if not re.search(pattern, screen)]


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a database that may be in use (SQLite's backup)."""
    with closing(sqlite3.connect(source)) as reading, closing(sqlite3.connect(target)) as writing:
        reading.backup(writing)


class Series:
    """One database, one `referat run` after the other, killed KILLS_PER_SERIES times."""

    def __init__(self, demo: Path, folder: Path, seed: int, number: int, kills: list[Kill] | None = None) -> None:
        self.name = f"serie {number}"
        self.rng = random.Random(f"{seed}-{number}")
        self.kills = kills  # None: KILLS_PER_SERIES drawn from the seed
        self.folder = folder
        self.db_path = folder / f"serie-{number}.db"
        copy_database(demo, self.db_path)
        self.done = 0  # steps the database holds
        self.snapshots: list[tuple[Path, State, str]] = []  # for the export check, after the series
        self.log: list[str] = []

    def enter_key(self, terminal: Terminal, key: str) -> None:
        """Send a key, or ("?regex") wait until the screen matches, or type a Typed text after its kladde."""
        if isinstance(key, Typed):
            kept = self.kladde(key)
            assert key.startswith(kept), f"{self.name}: kladden {kept!r} er ikke begyndelsen af {key!r}"
            if kept:
                terminal.wait_for(RESTORED[:30])  # the dialog says it has put the kladde back
            terminal.send(key[len(kept) :])
        elif key.startswith("?"):
            terminal.wait_for_pattern(key[1:])
        else:
            terminal.send(key)

    def kladde(self, typed: Typed) -> str:
        """The kladde the open dialog was given for `typed`'s field ("" when none was kept)."""
        db = open_database(self.db_path, readonly=True)
        try:
            item_id = None
            if typed.number is not None:
                item_id = next(db.query("SELECT id FROM items WHERE meeting_id = 1 AND number = ?", [typed.number]))[
                    "id"
                ]
            return load_draft(db, 1, draft_key(typed.dialog, item_id)) or ""
        finally:
            db.close()

    def type_keys(self, terminal: Terminal, index: int, count: int) -> None:
        """Type the first `count` keys of step `index`, whose result must not be on the screen before."""
        step = SCRIPT[index]
        assert not step.shown(terminal.text()), f"{self.name}: trin {index} vises før tasterne"
        for key in step.keys[:count]:
            self.enter_key(terminal, key)

    def play_until(self, terminal: Terminal, end: int) -> None:
        """Play the steps the database does not hold yet, up to (not including) step `end`."""
        for index in range(self.done, end):
            step = SCRIPT[index]
            self.type_keys(terminal, index, len(step.keys))
            terminal.wait_until(step.shown, f"{self.name}, trin {index}: {step.shows}")
            self.done = index + 1
            held = store_state(self.db_path)
            assert held == STATES[index + 1], f"{self.name}, trin {index} vises men databasen har {held}"

    def kill_and_restart(self, terminal: Terminal, kill: Kill) -> Terminal:
        """Type up to the kill's key, wait, SIGKILL, restart; check what the database and the screen hold."""
        self.play_until(terminal, kill.step)
        self.type_keys(terminal, kill.step, kill.key + 1)
        terminal.pump(kill.delay)
        shown = SCRIPT[kill.step].shown(terminal.text())
        terminal.kill()
        before, after = STATES[kill.step], STATES[kill.step + 1]
        where = f"{self.name}: {kill}, vist={shown}"
        restarted = Terminal("run", "1", "--db", str(self.db_path))
        try:
            restarted.wait_for("Beslutningsdygtigt")
            state = store_state(self.db_path)
            assert state in ([after] if shown else [before, after]), f"{where}: databasen har {state}"
            restarted.wait_until(
                lambda screen: not screen_problems(screen, state),
                f"{where}: {screen_problems(restarted.text(), state)}",
                timeout=10,
            )
        except BaseException:
            restarted.kill()
            raise
        snapshot = self.folder / f"{self.db_path.stem}-{len(self.snapshots)}.db"
        copy_database(self.db_path, snapshot)
        self.snapshots.append((snapshot, state, where))
        self.done = kill.step + (state == after)
        self.log.append(f"{where}, databasen efter trin {self.done}")
        return restarted

    def run(self) -> Series:
        terminal = Terminal("run", "1", "--db", str(self.db_path))
        try:
            terminal.wait_for("Fremmøde", "Ømer Kuscu")
            for kill in self.kills if self.kills is not None else draw_kills(self.rng):
                terminal = self.kill_and_restart(terminal, kill)
            self.play_until(terminal, len(SCRIPT))
        except BaseException:
            terminal.kill()
            raise
        assert terminal.quit() == 0
        assert store_state(self.db_path) == STATES[-1], f"{self.name}: mødet mangler noget til sidst"
        return self


def export_state(db_path: Path, current: str | None) -> State:
    """The State `referat export --full --format json` shows."""
    result = CliRunner().invoke(app, ["export", "1", "--full", "--format", "json", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    return from_json(json.loads(result.stdout), current)


def test_sigkill_at_random_moments_loses_nothing_shown(tmp_path):
    seed = int(os.environ.get("REFERAT_KILL_SEED") or random.SystemRandom().randrange(2**32))
    print(f"REFERAT_KILL_SEED={seed}")
    demo = tmp_path / "demo.db"
    prepare_demo(demo)
    with ThreadPoolExecutor(SERIES) as pool:
        futures = [pool.submit(Series(demo, tmp_path, seed, number).run) for number in range(SERIES)]
        try:
            done = [future.result() for future in futures]
        except (Exception, pytest.fail.Exception) as error:
            pytest.fail(f"REFERAT_KILL_SEED={seed}: {error}")
    for series in done:
        print("\n".join(series.log))
        for snapshot, state, where in series.snapshots:
            assert export_state(snapshot, state.current) == state, f"REFERAT_KILL_SEED={seed}, {where}: eksporten"


def typed_step(text: str) -> int:
    """The index of the step that types `text` into a dialog."""
    return next(index for index, step in enumerate(SCRIPT) if text in step.keys)


def test_sigkill_after_a_kladde_was_kept_types_nothing_twice(tmp_path):
    """Killed once the typed beslutning and the hastesag's title were kept as kladder (a draft is saved every
    second): the restarted dialogs offer them, and the meeting ends with each text exactly once."""
    demo = tmp_path / "demo.db"
    prepare_demo(demo)
    kills = [
        Kill(step, SCRIPT[step].keys.index(text), delay=2.5)
        for text in ("Udvalget anbefaler.", URGENT_TITLE)
        for step in [typed_step(text)]
    ]
    series = Series(demo, tmp_path, 0, 0, kills).run()
    assert [(state.decisions, state.items) for _, state, _ in series.snapshots] == [
        (STATES[kill.step].decisions, STATES[kill.step].items) for kill in kills
    ]
