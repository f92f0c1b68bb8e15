"""The meeting-day startup: the meeting is opened in a forked process while the UI loads (tui/startup.py).

What it rests on is tested here: the UI's modules import neither sqlite-utils nor dateutil (else the fork
gains nothing), nor does cli.py import typer before it parses a command line, `Ahead` returns what the child computed (or its exception), the first frame is drawn from
the opening without a connection of the UI's own, and that connection then holds the claim written for it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tui_support import make_database, outcomes, screen_text

import tui.app
from store.db import open_database
from store.errors import StoreError
from store.opening import open_meeting_day
from store.recorder import holder
from tui.app import ReferatApp
from tui.startup import Ahead

ROOT = Path(__file__).resolve().parents[1]


def test_the_ui_modules_leave_sqlite_utils_and_dateutil_to_the_opening_process_and_typer_to_other_commands():
    code = ("import sys, cli, tui.app, tui.screens.agenda, tui.screens.attendance, store.opening, store.views; "
            "print(sorted(m for m in ('sqlite_utils', 'dateutil', 'tomllib', 'typer') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_ahead_returns_what_the_child_computed_in_another_process():
    ahead = Ahead(lambda: os.getpid())
    assert ahead.pid and ahead.result() == ahead.pid != os.getpid()


def test_ahead_raises_the_childs_exception_here():
    def fail():
        raise StoreError("Møde 7 findes ikke.")

    with pytest.raises(StoreError, match="Møde 7 findes ikke."):
        Ahead(fail).result()


def test_ahead_computes_here_when_the_child_sends_nothing():
    parent = os.getpid()

    def killed_unless_parent():
        if os.getpid() != parent:
            os._exit(1)  # the child dies without an answer (as if killed)
        return "computed here"

    assert Ahead(killed_unless_parent).result() == "computed here"


async def test_the_first_frame_is_drawn_from_the_opening_and_the_connection_comes_after(tmp_path, monkeypatch):
    path = tmp_path / "m.db"
    meeting_id = make_database(path)
    pid = os.getpid()
    opened = Ahead(lambda: open_meeting_day(path, meeting_id, pid=pid).detached()).result()
    claim = holder(open_database(path), meeting_id)
    assert claim["pid"] == os.getpid() and claim["token"] == opened.token  # written by the child, for this process
    connections = []
    real_open = tui.app.open_database

    def counted(*args, **kwargs):
        connections.append(screen_text(app))  # what was on the screen when the UI connected
        return real_open(*args, **kwargs)

    monkeypatch.setattr(tui.app, "open_database", counted)
    app = ReferatApp(opened.db_path, opened.meeting_id, opening=opened)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert len(connections) == 1
        assert "Ømer Kuscu" in connections[0] and "Beslutningsdygtigt" in connections[0]  # Fremmøde was drawn first
        await pilot.press("f3", "1")
        await pilot.pause()
        assert outcomes(path, meeting_id)[0] == "Godkendt"  # the UI's own connection records, holding the claim
    assert holder(open_database(path), meeting_id) is None  # released on quit


def test_ahead_computes_here_on_a_single_core(monkeypatch):
    monkeypatch.setattr("tui.startup.cores", lambda: 1)  # a child would only take turns with this process
    ahead = Ahead(lambda: os.getpid())
    assert ahead.pid == 0 and ahead.result() == os.getpid()
