"""Committees are unique per (name, kommune): an archive of several kommuner keeps their udvalg apart."""

from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from cli import app
from store.committees import add_committee, get_committee, list_committees, roster, same_municipality
from store.db import open_database
from store.errors import StoreError
from store.meetings import list_meetings, load_meeting

runner = CliRunner()
HERLEV = "herlev-arbejdsmarkedsudvalget-2022-10-26.md"
HVIDOVRE = "hvidovre-arbejdsmarkedsudvalget-2017-05-29.txt"
AMBIGUOUS = (
    "Fejl: Der er flere udvalg med navnet Arbejdsmarkedsudvalget (Herlev Kommune og Hvidovre Kommune); "
    "angiv kommunen med --municipality."
)


def cli(db_path, *args: str):
    return runner.invoke(app, [*args, "--db", str(db_path)])


@pytest.fixture
def two_kommuner(shared_referater, db_path) -> dict[str, int]:
    """Herlev's and Hvidovre's Arbejdsmarkedsudvalget imported from their referater; meeting ids by kommune."""
    result = cli(db_path, "import", str(shared_referater / HERLEV), str(shared_referater / HVIDOVRE))
    assert result.exit_code == 0, result.output
    herlev, hvidovre = (int(line) for line in result.stdout.strip().splitlines()[-2:])
    return {"Herlev": herlev, "Hvidovre": hvidovre}


def edited_copy(path, folder):
    """Another document with the same content as `path` (one more line): a file is not imported twice."""
    copy = folder / f"rettet-{path.name}"
    copy.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    return copy


def test_same_named_committees_of_two_kommuner_import_separately(two_kommuner, shared_referater, db_path, tmp_path):
    db = open_database(db_path)
    committees = [(row["name"], row["municipality"], row["meetings"]) for row in list_committees(db)]
    assert committees == [
        ("Arbejdsmarkedsudvalget", "Herlev Kommune", 1),
        ("Arbejdsmarkedsudvalget", "Hvidovre Kommune", 1),
    ]
    assert load_meeting(db, two_kommuner["Herlev"]).municipality == "Herlev Kommune"
    assert load_meeting(db, two_kommuner["Hvidovre"]).municipality == "Hvidovre Kommune"
    herlev_members = {m.name for m in load_meeting(db, two_kommuner["Herlev"]).members}
    hvidovre_members = {m.name for m in load_meeting(db, two_kommuner["Hvidovre"]).members}
    assert not herlev_members & hvidovre_members
    again = cli(db_path, "import", str(edited_copy(shared_referater / HVIDOVRE, tmp_path)))
    assert again.exit_code == 0, again.output
    hvidovre = get_committee(db, "Arbejdsmarkedsudvalget", "Hvidovre")
    assert [row["meetings"] for row in list_committees(db) if row["id"] == hvidovre["id"]] == [2]
    assert len(list_committees(db)) == 2


@pytest.mark.parametrize(
    "args",
    [
        ["meetings", "--committee", "Arbejdsmarkedsudvalget"],
        ["search", "jobcamp", "--committee", "Arbejdsmarkedsudvalget"],
        ["meeting", "new", "--committee", "Arbejdsmarkedsudvalget", "--date", "2027-01-25"],
        [
            "plan",
            "--committee",
            "Arbejdsmarkedsudvalget",
            "--rule",
            "FREQ=MONTHLY",
            "--from",
            "2027-01-01",
            "--until",
            "2027-03-01",
            "--dry-run",
        ],
    ],
)
def test_a_shared_name_asks_for_the_kommune_in_one_danish_sentence(two_kommuner, db_path, args):
    result = cli(db_path, *args)
    assert result.exit_code == 1
    assert result.stderr.strip() == AMBIGUOUS
    assert "Traceback" not in result.output


def test_export_all_asks_for_the_kommune_too(two_kommuner, db_path, tmp_path):
    result = cli(db_path, "export", "--all", "--committee", "Arbejdsmarkedsudvalget", "-o", str(tmp_path / "ud"))
    assert (result.exit_code, result.stderr.strip()) == (1, AMBIGUOUS)
    chosen = cli(
        db_path,
        "export",
        "--all",
        "--committee",
        "Arbejdsmarkedsudvalget",
        "--municipality",
        "Herlev",
        "-o",
        str(tmp_path / "ud"),
    )
    assert chosen.exit_code == 0, chosen.output
    assert [path.name for path in (tmp_path / "ud").iterdir()] == ["2022-10-26-arbejdsmarkedsudvalget.md"]


def test_municipality_picks_the_committee(two_kommuner, db_path):
    listed = cli(
        db_path, "meetings", "--committee", "Arbejdsmarkedsudvalget", "--municipality", "Hvidovre Kommune", "--json"
    )
    assert listed.exit_code == 0, listed.output
    assert '"date": "2017-05-29"' in listed.stdout and "2022-10-26" not in listed.stdout
    found = cli(db_path, "search", "jobcamp", "--committee", "Arbejdsmarkedsudvalget", "--municipality", "herlev")
    assert found.exit_code == 0, found.output
    assert "26. oktober 2022" in found.stdout and "2017" not in found.stdout
    created = cli(
        db_path,
        "meeting",
        "new",
        "--committee",
        "Arbejdsmarkedsudvalget",
        "--municipality",
        "Herlev",
        "--date",
        "2027-01-25",
    )
    assert created.exit_code == 0, created.output
    db = open_database(db_path)
    herlev = get_committee(db, "Arbejdsmarkedsudvalget", "Herlev Kommune")
    assert [row["date"] for row in list_meetings(db, "Arbejdsmarkedsudvalget", municipality="Herlev")] == [
        "2022-10-26",
        "2027-01-25",
    ]
    assert herlev["municipality"] == "Herlev Kommune"
    unknown = cli(db_path, "meetings", "--committee", "Arbejdsmarkedsudvalget", "--municipality", "Aarhus")
    assert unknown.exit_code == 1
    assert unknown.stderr.strip() == (
        "Fejl: Udvalget 'Arbejdsmarkedsudvalget' i Aarhus findes ikke (kendte udvalg: "
        "Arbejdsmarkedsudvalget (Herlev Kommune), "
        "Arbejdsmarkedsudvalget (Hvidovre Kommune))."
    )


def test_a_file_without_kommune_under_a_shared_name_needs_municipality(two_kommuner, tmp_path, db_path):
    path = tmp_path / "uden-kommune.txt"
    path.write_text("1. Godkendelse af dagsorden\n\nSagsfremstilling\n\nIngen.\n", encoding="utf-8")
    refused = cli(db_path, "import", str(path), "--committee", "Arbejdsmarkedsudvalget")
    assert refused.exit_code == 1
    assert (
        "Der er flere udvalg med navnet Arbejdsmarkedsudvalget (Herlev Kommune og Hvidovre Kommune); "
        "angiv kommunen med --municipality." in refused.stderr
    )
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
    assert [(row["municipality"], row["meetings"]) for row in rows] == [("Herlev Kommune", 1), ("Hvidovre Kommune", 1)]


def test_adding_a_committee_is_unique_per_kommune(db):
    add_committee(db, "Økonomiudvalget", "Herlev Kommune")
    add_committee(db, "Økonomiudvalget", "Hvidovre Kommune")
    for municipality in ("Herlev", None):
        with pytest.raises(StoreError, match="findes allerede"):
            add_committee(db, "Økonomiudvalget", municipality)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO committees (name, municipality) VALUES ('Økonomiudvalget', 'Herlev Kommune')")
    assert len(list_committees(db)) == 2


def test_municipality_alone_keeps_to_that_kommune(two_kommuner, db_path, tmp_path):
    listed = cli(db_path, "meetings", "--municipality", "Herlev", "--json")
    assert listed.exit_code == 0, listed.output
    assert [row["id"] for row in json.loads(listed.stdout)] == [two_kommuner["Herlev"]]
    found = cli(db_path, "search", "jobcamp", "--municipality", "Hvidovre Kommune", "--json")
    assert found.exit_code == 0, found.output
    assert {hit["meeting_id"] for hit in json.loads(found.stdout)} == {two_kommuner["Hvidovre"]}
    exported = cli(db_path, "export", "--all", "--full", "--municipality", "herlev", "-o", str(tmp_path / "ud"))
    assert exported.exit_code == 0, exported.output
    assert [path.name for path in (tmp_path / "ud").iterdir()] == ["2022-10-26-arbejdsmarkedsudvalget-fuld.md"]
    db = open_database(db_path)
    assert [row["id"] for row in list_meetings(db, municipality="Hvidovre")] == [two_kommuner["Hvidovre"]]
    unknown = cli(db_path, "meetings", "--municipality", "Aarhus")
    assert unknown.exit_code == 1
    assert unknown.stderr.strip() == (
        "Fejl: Der er ingen udvalg i Aarhus (kendte kommuner: Herlev Kommune, Hvidovre Kommune)."
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Københavns Kommune", "København"),
        ("københavns", "København Kommune"),
        ("Aarhus Kommune", "Aarhus"),
        ("Bornholms Regionskommune", "Bornholm"),
        ("Nordfyns Kommune", "Nordfyn"),
        ("Hvidovre", "HVIDOVRE KOMMUNE"),
    ],
)
def test_two_spellings_of_one_kommune_are_the_same(first, second):
    assert same_municipality(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Herlev Kommune", "Hvidovre Kommune"),
        ("Frederikshavn", "Frederikssund"),
        ("København", None),
    ],
)
def test_different_kommuner_stay_apart(first, second):
    assert not same_municipality(first, second)


def test_a_genitive_kommune_finds_its_committee(db):
    add_committee(db, "Økonomiudvalget", "Københavns Kommune")
    assert get_committee(db, "Økonomiudvalget", "København")["municipality"] == "Københavns Kommune"


def write_roster(folder, municipality_line: str):
    path = folder / "roster.toml"
    path.write_text(
        f'[committee]\nname = "Arbejdsmarkedsudvalget"\n{municipality_line}\n'
        '[[members]]\nname = "Kirsten Jensen"\nparty = "A"\n',
        encoding="utf-8",
    )
    return path


def test_a_roster_under_a_shared_name_is_told_to_name_its_kommune(two_kommuner, db_path, tmp_path):
    refused = cli(db_path, "committee", "import", str(write_roster(tmp_path, "")))
    assert refused.exit_code == 1
    assert refused.stderr.strip() == (
        "Fejl: Der er flere udvalg med navnet Arbejdsmarkedsudvalget (Herlev Kommune og Hvidovre Kommune); "
        "angiv kommunen med municipality under [committee] i medlemslisten."
    )
    accepted = cli(db_path, "committee", "import", str(write_roster(tmp_path, 'municipality = "Herlev"')))
    assert accepted.exit_code == 0, accepted.output
    db = open_database(db_path)
    herlev = get_committee(db, "Arbejdsmarkedsudvalget", "Herlev Kommune")
    assert "Kirsten Jensen" in {row["name"] for row in roster(db, herlev["id"])}
    assert len(list_committees(db)) == 2


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ("municipality = 1", "municipality under [committee] skal være en tekst"),
        ('short_name = ["AMU"]', "short_name under [committee] skal være en tekst"),
        ('vocabulary = "Godkendt"', "vocabulary under [committee] skal være en liste af tekster"),
        ('[[members]]\nname = "Ida Holm"\nparty = 2', "party for Ida Holm skal være en tekst"),
        ('[[members]]\nname = "Ida Holm"\nrole = 1', "ukendt rolle '1'"),
        ('[[substitutes]]\nname = "Ida Holm"\nsubstitute_for = 3', "substitute_for for Ida Holm skal være en tekst"),
        ('members = "Ida Holm"', "hvert medlem skal have et navn"),
        ("members = 1", "hvert medlem skal have et navn"),
    ],
)
def test_a_roster_with_a_wrong_type_is_one_danish_sentence(db_path, tmp_path, lines, message):
    path = tmp_path / "roster.toml"
    committee = '[committee]\nname = "Arbejdsmarkedsudvalget"\n'
    text = f"{lines}\n{committee}" if lines.startswith("members") else f"{committee}{lines}\n"
    path.write_text(text, encoding="utf-8")
    result = cli(db_path, "committee", "import", str(path))
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.stderr.startswith(f"Fejl: {path}: {message}"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert list_committees(open_database(db_path)) == []


def test_the_meetings_listing_tells_same_named_committees_apart(two_kommuner, db_path):
    listed = cli(db_path, "meetings")
    assert listed.exit_code == 0, listed.output
    rows = {line.split()[0]: line for line in listed.stdout.splitlines()[1:]}
    assert "Herlev Kommune" in rows[str(two_kommuner["Herlev"])]
    assert "Hvidovre Kommune" in rows[str(two_kommuner["Hvidovre"])]
    as_json = json.loads(cli(db_path, "meetings", "--json").stdout)
    assert [row["municipality"] for row in as_json] == ["Hvidovre Kommune", "Herlev Kommune"]


def test_search_hits_name_the_kommune(two_kommuner, db_path):
    found = cli(db_path, "search", "jobcamp")
    assert found.exit_code == 0, found.output
    heads = [line for line in found.stdout.splitlines() if not line.startswith(" ")]
    assert any("· Arbejdsmarkedsudvalget (Herlev Kommune) ·" in line and "2022" in line for line in heads), heads
    assert any("· Arbejdsmarkedsudvalget (Hvidovre Kommune) ·" in line and "2017" in line for line in heads), heads


def test_the_import_summary_names_the_committee_each_meeting_went_to(two_kommuner, db_path, shared_referater, tmp_path):
    again = cli(
        db_path,
        "import",
        str(edited_copy(shared_referater / HERLEV, tmp_path)),
        str(edited_copy(shared_referater / HVIDOVRE, tmp_path)),
        "--committee",
        "arbejdsmarkedsudvalget",
    )
    assert again.exit_code == 0, again.output
    assert again.stdout.splitlines()[1:3] == [
        "  Arbejdsmarkedsudvalget (Herlev Kommune): 1 møde, 9 punkter",
        "  Arbejdsmarkedsudvalget (Hvidovre Kommune): 1 møde, 11 punkter",
    ]
