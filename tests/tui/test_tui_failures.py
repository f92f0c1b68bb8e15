"""The database refuses a write (read-only, full disk, locked): one Danish sentence, the app lives on,
the last committed state is intact, and the same key records once the cause is gone."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import ExitStack, asynccontextmanager, closing, contextmanager

from tui_support import decisions, notifications, outcomes, screen_text

import store.db
from store.recorder import holder, is_recording
from tui.app import ReferatApp

HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("låst", flush=True)
sys.stdin.readline()
conn.rollback()
"""


@asynccontextmanager
async def first_item_decided(app, path, meeting_id):
    """The app on Dagsorden with punkt 1 Godkendt (committed); the cursor on punkt 2."""
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "1")
        await pilot.pause()
        assert outcomes(path, meeting_id) == ["Godkendt", None, None, None, None]
        yield pilot


async def refused_then_recorded(app, pilot, path, meeting_id, message: str, remove_cause) -> None:
    """Press 2: refused with `message`, nothing changed; remove the cause; press 2 again: recorded."""
    await pilot.press("2")
    await pilot.pause()
    assert message in notifications(app)
    assert app.is_running and app.return_code is None
    assert outcomes(path, meeting_id) == ["Godkendt", None, None, None, None]
    assert "Meddelelser — Taget" not in screen_text(app)  # the screen shows what is stored
    assert not app.day.db.in_transaction  # no failed transaction left open to swallow the next action
    remove_cause()
    await pilot.press("2")
    await pilot.pause()
    assert outcomes(path, meeting_id) == ["Godkendt", "Taget til efterretning", None, None, None]
    assert "Meddelelser — Taget til efterretning" in screen_text(app)


async def test_a_read_only_database_refuses_then_records(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with first_item_decided(app, path, meeting_id) as pilot:
        app.day.db.execute("PRAGMA query_only = ON")  # SQLite itself refuses every write (SQLITE_READONLY)

        def writable_again() -> None:
            app.day.db.execute("PRAGMA query_only = OFF")

        await refused_then_recorded(
            app,
            pilot,
            path,
            meeting_id,
            f"Databasen {path} er skrivebeskyttet; referat kan ikke gemme i den.",
            writable_again,
        )


LONG_TEXT = "Udvalget drøftede sagen grundigt. " * 200  # longer than a page: SQLite must add pages


def free_texts(path, meeting_id) -> list[str | None]:
    return [decision and decision.text for decision in decisions(path, meeting_id)]


async def save_free_text(app, pilot) -> None:
    await pilot.press("e")
    await pilot.pause()
    app.screen.query_one("#decision-text").text = LONG_TEXT
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_a_full_disk_refuses_then_records(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with first_item_decided(app, path, meeting_id) as pilot:
        app.day.db.execute("VACUUM")  # no free pages left inside the file …
        pages = app.day.db.execute("PRAGMA page_count").fetchone()[0]
        app.day.db.execute(f"PRAGMA max_page_count = {pages}")  # … and it cannot grow: SQLite reports SQLITE_FULL
        await save_free_text(app, pilot)
        assert f"Disken er fuld; {path} kan ikke gemme mere." in notifications(app)
        assert app.is_running and app.return_code is None
        assert free_texts(path, meeting_id) == [None] * 5
        assert outcomes(path, meeting_id) == ["Godkendt", None, None, None, None]
        assert not app.day.db.in_transaction
        assert app.screen.query_one("#decision-text").text == LONG_TEXT  # the dialog keeps what was typed
        app.day.db.execute(f"PRAGMA max_page_count = {pages * 100}")  # space again
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert free_texts(path, meeting_id) == [None, LONG_TEXT.strip(), None, None, None]
        assert "✓    2. Meddelelser" in screen_text(app)


class DiskFullConnection(store.db.Database):
    """A connection whose COMMIT fails as SQLite's does when the WAL cannot grow on a full disk."""

    full = False

    def execute(self, sql, *args):
        if self.full and sql.strip().upper().startswith("COMMIT"):
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args)


async def test_a_full_disk_at_commit_refuses_then_records(meeting, monkeypatch):
    path, meeting_id = meeting
    with monkeypatch.context() as patch:
        patch.setattr(store.db, "Database", DiskFullConnection)
        app = ReferatApp(path, meeting_id)
    assert isinstance(app.day.db, DiskFullConnection)
    async with first_item_decided(app, path, meeting_id) as pilot:
        app.day.db.full = True

        def space_again() -> None:
            app.day.db.full = False

        await refused_then_recorded(
            app, pilot, path, meeting_id, f"Disken er fuld; {path} kan ikke gemme mere.", space_again
        )


@contextmanager
def locked_by_another_process(path):
    """Another process holds the database's write lock; the context gives the function that lets it go."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "låst"
        yield lambda: holder.communicate("\n", timeout=10)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


async def test_a_database_locked_by_another_process_refuses_then_records(meeting, monkeypatch):
    path, meeting_id = meeting
    monkeypatch.setattr(store.db, "BUSY_TIMEOUT_MS", 200)  # wait 0.2 s for the lock, not 3 s
    app = ReferatApp(path, meeting_id)
    async with first_item_decided(app, path, meeting_id) as pilot:
        with locked_by_another_process(path) as released:
            await refused_then_recorded(
                app,
                pilot,
                path,
                meeting_id,
                f"Databasen {path} er låst af et andet program; prøv igen om lidt.",
                released,
            )
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


async def test_a_database_locked_at_start_opens_following_and_ctrl_t_records_later(meeting, monkeypatch):
    path, meeting_id = meeting
    monkeypatch.setattr(store.db, "BUSY_TIMEOUT_MS", 200)
    with locked_by_another_process(path) as released:
        app = ReferatApp(path, meeting_id)  # the claim cannot be written: follow instead of refusing to start
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("f3")
            await pilot.pause()
            assert app.following and "Følger mødet" in screen_text(app)
            assert f"Databasen {path} er låst af et andet program" in notifications(app)
            assert "ctrl+t overtager optagelsen" in notifications(app)
            await pilot.press("1")
            await pilot.pause()
            assert outcomes(path, meeting_id) == [None] * 5
            released()
            await pilot.press("ctrl+t", "j")
            await pilot.pause()
            assert not app.following and is_recording(app.day.db, meeting_id)
            await pilot.press("1")
            await pilot.pause()
            assert outcomes(path, meeting_id) == ["Godkendt", None, None, None, None]


async def test_quitting_while_the_database_is_locked_leaves_a_claim_that_frees_itself(meeting, monkeypatch):
    path, meeting_id = meeting
    monkeypatch.setattr(store.db, "BUSY_TIMEOUT_MS", 200)
    app = ReferatApp(path, meeting_id)
    with ExitStack() as lock:
        async with first_item_decided(app, path, meeting_id) as pilot:
            lock.enter_context(locked_by_another_process(path))
            await pilot.press("ctrl+q")  # giving the meeting free at quit is a write: it cannot be done now
            await pilot.pause()
    assert app.return_code == 0
    db = store.db.open_database(path)
    try:
        assert holder(db, meeting_id)["pid"] == os.getpid()  # the claim stays: free once this process has ended
        assert outcomes(path, meeting_id) == ["Godkendt", None, None, None, None]
    finally:
        db.close()
