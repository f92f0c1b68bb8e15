"""Committees are unique per (name, kommune): an archive of several kommuner keeps their udvalg apart."""

from __future__ import annotations

import sqlite3

import pytest
from typer.testing import CliRunner

from cli import app
from store.committees import add_committee, get_committee, list_committees
from store.db import open_database
from store.errors import StoreError
from store.meetings import list_meetings, load_meeting

runner = CliRunner()
HERLEV = "herlev-arbejdsmarkedsudvalget-2022-10-26.md"
HVIDOVRE = "hvidovre-arbejdsmarkedsudvalget-2017-05-29.txt"
AMBIGUOUS = ("Fejl: Der er flere udvalg med navnet Arbejdsmarkedsudvalget (Herlev Kommune og Hvidovre Kommune); "
             "angiv kommunen med --municipality.")


def cli(db_path, *args: str):
    return runner.invoke(app, [*args, "--db", str(db_path)])


@pytest.fixture
def two_kommuner(shared_referater, db_path) -> dict[str, int]:
    """Herlev's and Hvidovre's Arbejdsmarkedsudvalget imported from their referater; meeting ids by kommune."""
    result = cli(db_path, "import", str(shared_referater / HERLEV), str(shared_referater / HVIDOVRE))
    assert result.exit_code == 0, result.output
    herlev, hvidovre = (int(line) for line in result.stdout.strip().splitlines()[-2:])
    return {"Herlev": herlev, "Hvidovre": hvidovre}


def test_same_named_committees_of_two_kommuner_import_separately(two_kommuner, shared_referater, db_path):
    db = open_database(db_path)
    committees = [(row["name"], row["municipality"], row["meetings"]) for row in list_committees(db)]
    assert committees == [("Arbejdsmarkedsudvalget", "Herlev Kommune", 1),
                          ("Arbejdsmarkedsudvalget", "Hvidovre Kommune", 1)]
    assert load_meeting(db, two_kommuner["Herlev"]).municipality == "Herlev Kommune"
    assert load_meeting(db, two_kommuner["Hvidovre"]).municipality == "Hvidovre Kommune"
    herlev_members = {m.name for m in load_meeting(db, two_kommuner["Herlev"]).members}
    hvidovre_members = {m.name for m in load_meeting(db, two_kommuner["Hvidovre"]).members}
    assert not herlev_members & hvidovre_members
    again = cli(db_path, "import", str(shared_referater / HVIDOVRE))
    assert again.exit_code == 0, again.output
    hvidovre = get_committee(db, "Arbejdsmarkedsudvalget", "Hvidovre")
    assert [row["meetings"] for row in list_committees(db) if row["id"] == hvidovre["id"]] == [2]
    assert len(list_committees(db)) == 2


@pytest.mark.parametrize("args", [
    ["meetings", "--committee", "Arbejdsmarkedsudvalget"],
    ["search", "jobcamp", "--committee", "Arbejdsmarkedsudvalget"],
    ["meeting", "new", "--committee", "Arbejdsmarkedsudvalget", "--date", "2027-01-25"],
    ["plan", "--committee", "Arbejdsmarkedsudvalget", "--rule", "FREQ=MONTHLY", "--from", "2027-01-01",
     "--until", "2027-03-01", "--dry-run"],
])
def test_a_shared_name_asks_for_the_kommune_in_one_danish_sentence(two_kommuner, db_path, args):
    result = cli(db_path, *args)
    assert result.exit_code == 1
    assert result.stderr.strip() == AMBIGUOUS
    assert "Traceback" not in result.output


def test_export_all_asks_for_the_kommune_too(two_kommuner, db_path, tmp_path):
    result = cli(db_path, "export", "--all", "--committee", "Arbejdsmarkedsudvalget", "-o", str(tmp_path / "ud"))
    assert (result.exit_code, result.stderr.strip()) == (1, AMBIGUOUS)
    chosen = cli(db_path, "export", "--all", "--committee", "Arbejdsmarkedsudvalget", "--municipality", "Herlev",
                 "-o", str(tmp_path / "ud"))
    assert chosen.exit_code == 0, chosen.output
    assert [path.name for path in (tmp_path / "ud").iterdir()] == ["2022-10-26-arbejdsmarkedsudvalget.md"]


def test_municipality_picks_the_committee(two_kommuner, db_path):
    listed = cli(db_path, "meetings", "--committee", "Arbejdsmarkedsudvalget", "--municipality", "Hvidovre Kommune",
                 "--json")
    assert listed.exit_code == 0, listed.output
    assert '"date": "2017-05-29"' in listed.stdout and "2022-10-26" not in listed.stdout
    found = cli(db_path, "search", "jobcamp", "--committee", "Arbejdsmarkedsudvalget", "--municipality", "herlev")
    assert found.exit_code == 0, found.output
    assert "26. oktober 2022" in found.stdout and "2017" not in found.stdout
    created = cli(db_path, "meeting", "new", "--committee", "Arbejdsmarkedsudvalget", "--municipality", "Herlev",
                  "--date", "2027-01-25")
    assert created.exit_code == 0, created.output
    db = open_database(db_path)
    herlev = get_committee(db, "Arbejdsmarkedsudvalget", "Herlev Kommune")
    assert [row["date"] for row in list_meetings(db, "Arbejdsmarkedsudvalget", municipality="Herlev")] == [
        "2022-10-26", "2027-01-25"]
    assert herlev["municipality"] == "Herlev Kommune"
    unknown = cli(db_path, "meetings", "--committee", "Arbejdsmarkedsudvalget", "--municipality", "Aarhus")
    assert unknown.exit_code == 1
    assert "Udvalget 'Arbejdsmarkedsudvalget' i Aarhus findes ikke" in unknown.stderr


def test_a_file_without_kommune_under_a_shared_name_needs_municipality(two_kommuner, tmp_path, db_path):
    path = tmp_path / "uden-kommune.txt"
    path.write_text("1. Godkendelse af dagsorden\n\nSagsfremstilling\n\nIngen.\n", encoding="utf-8")
    refused = cli(db_path, "import", str(path), "--committee", "Arbejdsmarkedsudvalget")
    assert refused.exit_code == 1
    assert "Der er flere udvalg med navnet Arbejdsmarkedsudvalget (Herlev Kommune og Hvidovre Kommune); " \
           "angiv kommunen med --municipality." in refused.stderr
    accepted = cli(db_path, "import", str(path), "--committee", "Arbejdsmarkedsudvalget", "--municipality", "Hvidovre")
    assert accepted.exit_code == 0, accepted.output
    meeting_id = int(accepted.stdout.strip().splitlines()[-1])
    assert load_meeting(open_database(db_path), meeting_id).municipality == "Hvidovre Kommune"
    assert len(list_committees(open_database(db_path))) == 2


def test_a_committee_without_kommune_gets_the_first_documents_kommune(shared_referater, db_path):
    assert cli(db_path, "committee", "add", "Arbejdsmarkedsudvalget").exit_code == 0
    assert cli(db_path, "import", str(shared_referater / HVIDOVRE)).exit_code == 0
    assert cli(db_path, "import", str(shared_referater / HERLEV)).exit_code == 0
    rows = list_committees(open_database(db_path))
    assert [(row["municipality"], row["meetings"]) for row in rows] == [("Herlev Kommune", 1),
                                                                         ("Hvidovre Kommune", 1)]


def test_adding_a_committee_is_unique_per_kommune(db):
    add_committee(db, "Økonomiudvalget", "Herlev Kommune")
    add_committee(db, "Økonomiudvalget", "Hvidovre Kommune")
    for municipality in ("Herlev", None):
        with pytest.raises(StoreError, match="findes allerede"):
            add_committee(db, "Økonomiudvalget", municipality)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO committees (name, municipality) VALUES ('Økonomiudvalget', 'Herlev Kommune')")
    assert len(list_committees(db)) == 2
