"""A database made with the first schema opens, upgrades and exports unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path

from store.db import open_database
from store.export_markdown import render_markdown
from store.meetings import list_meetings, load_meeting
from store.schema import known_migrations

FIXTURE = Path(__file__).parents[1] / "data" / "migrations"


def test_first_schema_database_upgrades_and_exports_unchanged(tmp_path):
    copy = tmp_path / "old.db"
    shutil.copy(FIXTURE / "schema_v1.db", copy)
    db = open_database(copy)
    applied = [row["name"] for row in db.query("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied == known_migrations()
    meeting_id = list_meetings(db)[0]["id"]
    expected = (FIXTURE / "schema_v1.full.md").read_text(encoding="utf-8")
    assert render_markdown(load_meeting(db, meeting_id), public=False) == expected


def test_an_approved_sixth_schema_database_upgrades_and_exports_unchanged(tmp_path):
    """schema_v6_approved.db: a meeting approved by all five members (one med forbehold) and a tilføjelse."""
    copy = tmp_path / "approved.db"
    shutil.copy(FIXTURE / "schema_v6_approved.db", copy)
    db = open_database(copy)
    assert [row["name"] for row in db.query("SELECT name FROM _sqlite_migrations ORDER BY id")] == known_migrations()
    meeting_id = list_meetings(db)[0]["id"]
    expected = (FIXTURE / "schema_v6_approved.full.md").read_text(encoding="utf-8")
    assert render_markdown(load_meeting(db, meeting_id), public=False) == expected
    seal = db.execute(
        "SELECT committee, municipality, at_upgrade FROM approval_seals WHERE meeting_id = ?", [meeting_id]
    ).fetchone()
    assert seal == ("Arbejdsmarkedsudvalget", "Hvidovre Kommune", 1)  # sealed at the upgrade, and says so
