"""The public export through the whole program: a generated meeting saved in the database and exported
with `referat export --public` (Markdown and JSON) shows nothing of what is lukket."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from redaction_support import TOKEN, meetings, secrets
from typer.testing import CliRunner

from cli import app
from store.db import open_database
from store.meetings import load_meeting, save_meeting

runner = CliRunner()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings())
def test_no_lukket_text_in_the_public_export_of_a_stored_meeting(meeting):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "referat.db"
        db = open_database(path)
        meeting_id = save_meeting(db, meeting)
        stored = load_meeting(db, meeting_id)
        db.close()
        hidden = secrets(stored)
        assert hidden == secrets(meeting)  # the store kept every secret, so the test below can find a leak
        for args in ([], ["--decisions-only"], ["--format", "json"]):
            result = runner.invoke(app, ["export", str(meeting_id), "--public", *args, "--db", str(path)])
            assert result.exit_code == 0, result.output
            leaked = hidden & set(TOKEN.findall(result.stdout))
            assert not leaked, f"{args} viser {sorted(leaked)}"
        full = runner.invoke(app, ["export", str(meeting_id), "--full", "--format", "json", "--db", str(path)])
        assert hidden <= set(TOKEN.findall(full.stdout))
