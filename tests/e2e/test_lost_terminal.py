"""A window whose terminal went away without SIGHUP ends and frees the meeting (issue 14.17)."""

from __future__ import annotations

import os
import pty
import subprocess

from pty_support import Terminal, needs_referat

from store.db import open_database
from store.recorder import holder
from tui.lost_terminal import terminal_gone


def test_a_terminal_whose_other_side_closed_is_gone():
    master, slave = pty.openpty()
    try:
        assert not terminal_gone(slave)
        os.close(master)
        assert terminal_gone(slave)
    finally:
        os.close(slave)


@needs_referat
def test_referat_run_ends_and_frees_the_meeting_when_its_terminal_is_closed(tmp_path):
    db_path = tmp_path / "demo.db"
    first = Terminal("demo", "--db", str(db_path))
    try:
        first.wait_for("Fremmøde", "Ømer Kuscu")
        db = open_database(db_path)
        assert holder(db, 1)["pid"] == first.process.pid
        first.close()  # the terminal emulator is gone; no SIGHUP reaches the process (it has no controlling tty)
        try:
            first.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            raise AssertionError("referat run kept running after its terminal was closed") from None
        assert holder(db, 1) is None
        db.close()
        second = Terminal("run", "1", "--db", str(db_path))
        try:
            screen = second.wait_for("Fremmøde", "Ømer Kuscu")
            assert "Følger mødet" not in screen
            assert second.quit() == 0
        finally:
            second.kill()
    finally:
        first.kill()
