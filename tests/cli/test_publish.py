"""`referat publish --public -o PUBLIC.db`: a new SQLite file with only what the public referat shows (issue 14.8).

The property is the public export's (tests/export/test_export_redaction.py): a generated meeting whose every text holds
a unique token is saved and published, and no token the public edition must hide is anywhere in the file."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path

import pytest
from datasette.app import Datasette
from export_support import sample_meeting
from hypothesis import HealthCheck, given, settings
from redaction_support import TOKEN, meetings, secrets, shown_in_public
from typer.testing import CliRunner

from cli import app
from store.db import open_database
from store.meetings import load_meeting, save_meeting

runner = CliRunner()


def publish(db_path: Path, output: Path, *extra: str):
    return runner.invoke(app, ["publish", "--public", "-o", str(output), *extra, "--db", str(db_path)])


def every_text(path: Path) -> str:
    """Every value of every table in the file (the search index's own tables too), as one text."""
    conn = sqlite3.connect(path)
    try:
        names = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return "\n".join(
            str(value) for name in names for row in conn.execute(f'SELECT * FROM "{name}"') for value in row
        )
    finally:
        conn.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings())
def test_no_lukket_text_in_the_public_database(meeting):
    with tempfile.TemporaryDirectory() as folder:
        path, public = Path(folder) / "referat.db", Path(folder) / "offentlig.db"
        db = open_database(path)
        stored = load_meeting(db, save_meeting(db, meeting))
        db.close()
        hidden = secrets(stored)
        assert hidden == secrets(meeting)  # the store kept every secret, so a leak would be found
        result = publish(path, public)
        assert result.exit_code == 0, result.output
        found = set(TOKEN.findall(every_text(public)))
        assert not hidden & found, f"offentlig.db viser {sorted(hidden & found)}"
        assert shown_in_public(stored) <= found


@pytest.fixture
def published(db, db_path, tmp_path) -> tuple[Path, Path]:
    """The sample meeting (a lukket purchase, an inhabil member, notes) published; (database, metadata)."""
    save_meeting(db, sample_meeting())
    output = tmp_path / "offentlig.db"
    result = publish(db_path, output)
    assert result.exit_code == 0, result.output
    metadata = tmp_path / "offentlig-metadata.json"
    assert result.stdout.splitlines() == [
        f"1 møde er udgivet i {output} (kun det offentlige referat).",
        f"Vis den med: datasette serve --immutable '{output}' -m '{metadata}'",
    ]
    return output, metadata


def test_the_public_database_holds_no_log_recorders_or_private_tables(published):
    conn = sqlite3.connect(published[0])
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not tables & {"audit_log", "actions", "recorders", "settings", "drafts", "persons", "memberships"}
    text = every_text(published[0])
    assert "Sælger ønsker" not in text and "ægtefælle" not in text and "deltog via video" not in text
    assert "Køb af ejendom på Hvidovrevej" in text  # a lukket item keeps its title


@pytest.fixture
def served(published) -> Datasette:
    output, metadata = published
    return Datasette(immutables=[str(output)], metadata=json.loads(metadata.read_text(encoding="utf-8")))


async def test_datasette_shows_danish_titles_searches_open_text_only_and_refuses_sql(served):
    page = await served.client.get("/offentlig/meetings")
    assert page.status_code == 200 and "<h1>Møder</h1>" in page.text
    hits = (await served.client.get("/offentlig/items.json?_search=projektet&_shape=objects")).json()["rows"]
    assert [row["title"] for row in hits] == ["Beslutning om projektet Flere skal med"]
    assert (await served.client.get("/offentlig/items.json?_search=Sælger&_shape=objects")).json()["rows"] == []
    refused = await served.client.get("/offentlig.json?sql=select+*+from+items")
    assert refused.status_code == 403


def test_publish_needs_public_and_never_writes_onto_the_working_database(db, db_path, tmp_path):
    save_meeting(db, sample_meeting())
    without = runner.invoke(app, ["publish", "-o", str(tmp_path / "x.db"), "--db", str(db_path)])
    assert without.exit_code == 1 and "Angiv --public" in without.stderr
    onto = publish(db_path, db_path)
    assert onto.exit_code == 1 and onto.stderr == f"Fejl: {db_path} er selve databasen; skriv til en anden fil.\n"
    assert len(load_meeting(open_database(db_path), 1).items) == len(sample_meeting().items)


def test_publishing_again_replaces_the_earlier_public_database(published, db_path):
    output, _ = published
    again = publish(db_path, output)
    assert again.exit_code == 0, again.output
    assert sqlite3.connect(output).execute("SELECT count(*) FROM meetings").fetchone() == (1,)
