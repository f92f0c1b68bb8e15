"""The meeting-day startup: the meeting is opened, claimed and read in-process before the app runs.

What the start rests on is tested here: the UI's modules import neither typer nor dateutil (cli.py imports
typer only to parse a command line other than a plain run/demo), opening a database whose schema is current
imports no sqlite-utils (only migrations need it), and `ReferatApp(path, meeting)` has opened
and claimed the meeting for this process before its first frame, which shows the meeting.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

from tui_support import make_database, outcomes, screen_text

from store.db import open_database
from store.recorder import holder
from tui.app import ReferatApp
from tui.startup import pause_collection

ROOT = Path(__file__).resolve().parents[2]


def test_the_ui_modules_leave_dateutil_and_the_importer_to_other_commands_and_typer_to_other_command_lines():
    code = (
        "import sys, cli, tui.app, tui.screens.agenda, tui.screens.attendance, store.meeting_day; "
        "print(sorted(m for m in ('dateutil', 'tomllib', 'typer', 'store.importing') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_opening_a_current_database_for_the_meeting_day_leaves_sqlite_utils_to_migrations(tmp_path):
    path = tmp_path / "m.db"
    meeting_id = make_database(path)
    code = (
        "import sys; from store.meeting_day import MeetingDay; "
        f"day = MeetingDay.open({str(path)!r}, {meeting_id}); day.agenda_view(); day.attendance_view(); "
        "day.close(); print(sorted(m for m in ('sqlite_utils', 'click') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


async def test_the_meeting_is_opened_and_claimed_before_the_app_runs_and_released_on_quit(tmp_path):
    path = tmp_path / "m.db"
    meeting_id = make_database(path)
    pause_collection()
    try:
        app = ReferatApp(path, meeting_id)
        claim = holder(open_database(path), meeting_id)
        assert claim["pid"] == os.getpid() and not app.following  # claimed for this process before it runs
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.isenabled()  # collection resumed after the first frame
            text = screen_text(app)
            assert "Ømer Kuscu" in text and "Beslutningsdygtigt" in text  # a new meeting starts on Fremmøde
            await pilot.press("f3", "1")
            await pilot.pause()
            assert outcomes(path, meeting_id)[0] == "Godkendt"
    finally:
        gc.enable()
    assert holder(open_database(path), meeting_id) is None  # released on quit
