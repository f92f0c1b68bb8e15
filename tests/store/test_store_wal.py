"""A second connection in the same process must not cost the first its locks (POSIX locks are per process).

Closing any descriptor of the database file in Python drops every fcntl lock the process holds on it;
SQLite then still believes it holds its SHARED lock, and another program closing the database checkpoints
and deletes the WAL that this process goes on writing into — lost at the next crash.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing

from store.committees import add_committee
from store.db import open_database

OTHER_PROCESS_READS = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('SELECT 1 FROM committees').fetchall(); c.close()"
)


def read_in_another_process(path) -> None:
    subprocess.run([sys.executable, "-c", OTHER_PROCESS_READS, str(path)], check=True)


def test_a_second_open_keeps_the_first_connections_locks(db_path):
    first = open_database(db_path)  # e.g. `referat run` resolving the meeting before the app opens its own
    second = open_database(db_path)
    add_committee(second, "Økonomiudvalget")
    read_in_another_process(db_path)  # e.g. `referat export` while the meeting is running
    assert db_path.with_name(db_path.name + "-wal").exists()
    add_committee(second, "Teknik- og Miljøudvalget")
    with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as reader:
        names = [row[0] for row in reader.execute("SELECT name FROM committees ORDER BY id")]
    assert names == ["Økonomiudvalget", "Teknik- og Miljøudvalget"]
    second.close()
    first.close()
