"""One recorder per meeting: claims, explicit take-over, no lost update, dead holders free the meeting."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest
from tui_support import outcomes

from store.agenda import agenda, set_current_item
from store.audit import action, audit_trail
from store.db import ChangeWatch, open_database
from store.decisions import record_outcome
from store.meetings import load_meeting
from store.recorder import (
    FOLLOWING,
    RECORDING_LOST,
    Following,
    RecordingLost,
    claim,
    holder,
    is_recording,
    release,
    take_over,
)


def first_item(db, meeting_id) -> int:
    return agenda(db, meeting_id)[0]["id"]


def test_the_first_connection_records_and_a_second_follows(meeting):
    path, meeting_id = meeting
    a, b = open_database(path), open_database(path)
    assert claim(a, meeting_id) is True
    assert claim(b, meeting_id) is False  # the holder (this very process) is alive
    assert is_recording(a, meeting_id) and not is_recording(b, meeting_id)
    with pytest.raises(Following, match=FOLLOWING):  # the TUI adds its key for taking over
        record_outcome(b, first_item(b, meeting_id), "Godkendt")
    record_outcome(a, first_item(a, meeting_id), "Godkendt")
    assert outcomes(path, meeting_id)[0] == "Godkendt"


def test_take_over_refuses_the_old_recorder_so_nothing_is_overwritten(meeting):
    path, meeting_id = meeting
    a, b = open_database(path), open_database(path)
    assert claim(a, meeting_id) and not claim(b, meeting_id)
    item = first_item(a, meeting_id)
    record_outcome(a, item, "Godkendt")
    take_over(b, meeting_id)
    record_outcome(b, item, "Tiltrådt")
    with pytest.raises(RecordingLost, match=RECORDING_LOST):
        record_outcome(a, item, "Taget til efterretning")
    assert outcomes(path, meeting_id)[0] == "Tiltrådt"
    assert is_recording(b, meeting_id) and not is_recording(a, meeting_id)
    assert "Optagelsen overtaget" in [row["action"] for row in audit_trail(b, meeting_id)]


def test_the_claim_is_checked_inside_the_writing_transaction(meeting):
    """A take-over that comes while A's write is open waits for it; A's next write is refused."""
    path, meeting_id = meeting
    a, b = open_database(path), open_database(path)
    assert claim(a, meeting_id) and not claim(b, meeting_id)
    item = first_item(a, meeting_id)
    taken = threading.Event()

    def take() -> None:
        take_over(b, meeting_id)
        taken.set()

    with action(a, meeting_id, "Langsom skrivning") as act:
        act.update("items", item, title="Godkendelse af dagsorden (A)")
        thread = threading.Thread(target=take)
        thread.start()
        time.sleep(0.3)
        assert not taken.is_set()  # B waits for A's transaction: A's check and write are one
    thread.join(timeout=5)
    assert taken.is_set()
    with pytest.raises(RecordingLost):
        set_current_item(a, meeting_id, item)
    assert load_meeting(b, meeting_id).items[0].title == "Godkendelse af dagsorden (A)"


def test_a_clean_exit_frees_the_meeting(meeting):
    path, meeting_id = meeting
    a, b = open_database(path), open_database(path)
    assert claim(a, meeting_id)
    release(a, meeting_id)
    assert holder(a, meeting_id) is None
    assert claim(b, meeting_id)


def test_a_killed_holder_does_not_block_the_next_recorder(meeting):
    path, meeting_id = meeting
    script = (
        "import sys; from store.db import open_database; from store.recorder import claim; "
        "assert claim(open_database(sys.argv[1]), int(sys.argv[2]))"
    )
    subprocess.run([sys.executable, "-c", script, str(path), str(meeting_id)], check=True)
    db = open_database(path)
    dead = holder(db, meeting_id)
    assert dead is not None  # it never released its claim
    assert claim(db, meeting_id)
    assert holder(db, meeting_id)["token"] != dead["token"]


def test_a_reused_pid_does_not_keep_the_claim(meeting):
    """The claim names this process's pid but another start time: the pid was reused, the holder is gone."""
    path, meeting_id = meeting
    a, b = open_database(path), open_database(path)
    assert claim(a, meeting_id)
    a.execute("UPDATE recorders SET started = '1' WHERE meeting_id = ?", [meeting_id])
    a.commit()
    assert claim(b, meeting_id)


def test_writers_that_never_claimed_are_not_checked(meeting):
    """The CLI commands (close, approve, …) write without a claim while a window records."""
    path, meeting_id = meeting
    a, cli = open_database(path), open_database(path)
    assert claim(a, meeting_id)
    record_outcome(cli, first_item(cli, meeting_id), "Godkendt")
    assert outcomes(path, meeting_id)[0] == "Godkendt"


def test_the_change_watch_sees_other_connections_only(meeting):
    path, meeting_id = meeting
    a, b = open_database(path), open_database(path)
    watch = ChangeWatch(a)
    assert not watch.changed()
    record_outcome(a, first_item(a, meeting_id), "Godkendt")
    assert not watch.changed()  # its own commit
    record_outcome(b, first_item(b, meeting_id), "Tiltrådt")
    assert watch.changed()
    assert not watch.changed()


def test_another_process_closing_the_database_leaves_this_ones_wal(meeting):
    """Two connections in this process (as `referat run` has), then another process opens and closes the file:
    it must see this process as still using the database and leave the WAL and its index alone."""
    path, meeting_id = meeting
    first = open_database(path)
    record_outcome(first, first_item(first, meeting_id), "Godkendt")
    second = open_database(path)
    script = "import sys; from store.db import open_database; open_database(sys.argv[1]).close()"
    subprocess.run([sys.executable, "-c", script, str(path)], check=True)
    assert path.with_name(path.name + "-wal").exists() and path.with_name(path.name + "-shm").exists()
    record_outcome(open_database(path), first_item(second, meeting_id), "Tiltrådt")
    assert outcomes(path, meeting_id)[0] == "Tiltrådt"
