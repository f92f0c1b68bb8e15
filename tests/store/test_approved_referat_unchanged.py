"""A godkendt referat shows the roster, names and committee as they were at the meeting.

Nothing but `amend` and `reopen` changes an approved export: not a roster imported later, nor a
document that names the kommune of a committee that had none.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib

import pytest
from tui_support import ROSTER, make_database, small_meeting
from typer.testing import CliRunner

from cli import app
from store.agenda import agenda, close_meeting, open_meeting
from store.approval import amend, approve, approve_final, reopen, taking_part
from store.committees import import_roster, set_decision_placement
from store.dates import MONTHS
from store.db import open_database
from store.decisions import record_outcome
from store.export_json import render_json
from store.export_markdown import render_markdown
from store.meetings import get_meeting, load_meeting, save_meeting

runner = CliRunner()

CHANGED_ROSTER = (
    ROSTER.read_text(encoding="utf-8")
    .replace('role = "formand"', 'role = "medlem"')
    .replace('role = "næstformand"', 'role = "formand"')
    .replace('name = "Mikail Erman"\nparty = "A"', 'name = "Mikail Erman"\nparty = "B"')
)


def exports(db, meeting_id) -> tuple[str, str]:
    document = load_meeting(db, meeting_id)
    return render_markdown(document, public=False), render_json(document, public=False)


def adjourn(db, meeting_id) -> None:
    """Hold the meeting, with a beslutning on punkt 3 (which has sections and an indstilling), and close it."""
    open_meeting(db, meeting_id)
    record_outcome(db, next(row["id"] for row in agenda(db, meeting_id) if row["number"] == "3"), "Godkendt")
    close_meeting(db, meeting_id)


@pytest.fixture
def approved(db_path):
    """The five-member meeting, held and approved by everyone; yields (db, meeting id)."""
    meeting_id = make_database(db_path)
    db = open_database(db_path)
    adjourn(db, meeting_id)
    for row in taking_part(db, meeting_id):
        approve(db, meeting_id, row["name"])
    yield db, meeting_id
    db.close()


def test_a_roster_imported_after_approval_changes_no_role_nor_party(approved, tmp_path):
    db, meeting_id = approved
    before = exports(db, meeting_id)
    assert "Benthe Viola Holm (A), formand" in before[0]
    changed = tmp_path / "roster.toml"
    changed.write_text(CHANGED_ROSTER, encoding="utf-8")
    import_roster(db, changed)
    assert exports(db, meeting_id) == before
    result = runner.invoke(
        app, ["export", str(meeting_id), "--full", "--db", str(db.execute("PRAGMA database_list").fetchone()[2])]
    )
    assert result.exit_code == 0 and "Benthe Viola Holm (A), formand" in result.output
    assert "Ivan Fogtmann (O), formand" not in result.output


def test_a_reopened_referat_shows_the_roster_of_today_and_is_sealed_again(approved, tmp_path):
    db, meeting_id = approved
    changed = tmp_path / "roster.toml"
    changed.write_text(CHANGED_ROSTER, encoding="utf-8")
    import_roster(db, changed)
    reopen(db, meeting_id, "Deltagerlisten skal rettes.")
    markdown = exports(db, meeting_id)[0]
    assert "Ivan Fogtmann (O), formand" in markdown
    approve_final(db, meeting_id)
    sealed = exports(db, meeting_id)
    import_roster(db, ROSTER)
    assert exports(db, meeting_id) == sealed


def test_a_document_naming_the_kommune_does_not_add_it_to_an_approved_referat(db):
    unplaced = dataclasses.replace(small_meeting(), committee="Økonomiudvalget", municipality=None)
    meeting_id = save_meeting(db, unplaced)
    adjourn(db, meeting_id)
    approve_final(db, meeting_id)
    before = exports(db, meeting_id)
    assert "Kommune:" not in before[0]
    later = dataclasses.replace(unplaced, municipality="Hvidovre Kommune", date=unplaced.date.replace(month=6))
    later_id = save_meeting(db, later)
    assert load_meeting(db, later_id).municipality == "Hvidovre Kommune"
    assert exports(db, meeting_id) == before


def test_a_tilfojelse_is_the_change_an_approved_referat_shows(approved):
    db, meeting_id = approved
    before = exports(db, meeting_id)[0]
    amend(db, meeting_id, "2", "Punktet blev behandlet efter punkt 3.")
    after = exports(db, meeting_id)[0]
    added = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]
    assert [line for line in added if line.strip("+- ")] == [
        "+ ## Beslutning",  # the item had none: the tilføjelse stands under the heading
        f"+ **Tilføjelse {dt.date.today().day}. {MONTHS[dt.date.today().month - 1]} {dt.date.today().year}:** "
        "Punktet blev behandlet efter punkt 3.",
    ]


def test_the_committees_placement_of_the_beslutning_set_later_leaves_an_approved_referat_as_it_was(approved):
    db, meeting_id = approved
    record = open_database(db.execute("PRAGMA database_list").fetchone()[2])
    before = exports(db, meeting_id)
    set_decision_placement(record, get_meeting(record, meeting_id)["committee_id"], "sidst")
    assert exports(db, meeting_id) == before
