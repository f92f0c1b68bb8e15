"""`referat import`: one meeting per file, ids on the last lines, --dry-run, bad files reported, not fatal."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from cli import app
from store.committees import list_committees
from store.db import open_database
from store.importing.summary import import_summary
from store.meetings import list_meetings, load_meeting

DATA = Path(__file__).parents[1] / "data" / "import"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["import", *args])


def ids(output: str, count: int) -> list[int]:
    lines = output.strip().splitlines()[-count:]
    assert all(line.strip().isdigit() for line in lines), output
    return [int(line) for line in lines]


def test_imports_real_referater_and_prints_the_ids_last(shared_referater, db_path):
    herlev = shared_referater / "herlev-arbejdsmarkedsudvalget-2022-10-26.md"
    hvidovre = shared_referater / "hvidovre-arbejdsmarkedsudvalget-2017-05-29.txt"
    result = run(str(herlev), str(hvidovre), "--db", str(db_path))
    assert result.exit_code == 0, result.output
    first, second = ids(result.stdout, 2)
    assert "Indlæst: 2 møder, 20 punkter; fejl: 0." in result.stdout
    db = open_database(db_path)
    meetings = {row["id"]: row for row in list_meetings(db)}
    assert (meetings[first]["items"], meetings[first]["status"], meetings[first]["date"]) == (9, "hævet", "2022-10-26")
    assert meetings[second]["items"] == 11
    loaded = load_meeting(db, second)
    assert loaded.committee == "Arbejdsmarkedsudvalget"
    assert loaded.items[4].decision.points == ["Anbefales", "Anbefales"]
    assert {(m.name, m.attendance) for m in loaded.members} >= {("Ømer Kuscu", "afbud"), ("Ivan Fogtmann", "til stede")}


def test_members_are_matched_by_name_on_a_second_import(shared_referater, db_path, tmp_path):
    hvidovre = shared_referater / "hvidovre-arbejdsmarkedsudvalget-2017-05-29.txt"
    copy = tmp_path / "hvidovre-rettet.txt"  # another document (the same file is not imported twice)
    copy.write_text(hvidovre.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert run(str(hvidovre), "--db", str(db_path)).exit_code == 0
    assert run(str(copy), "--db", str(db_path)).exit_code == 0
    db = open_database(db_path)
    assert db.execute("SELECT count(*) FROM persons").fetchone()[0] == 5
    assert len(list_meetings(db)) == 2


def test_dry_run_describes_and_writes_nothing(db_path):
    result = run(str(DATA / "sag-nr-referat.txt"), "--dry-run", "--db", str(db_path))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Møde: Byudviklingsudvalget, Tirsdag den 11. august 2020 kl. 15.00–15.45, Mødesal 1, Rådhuset" in out
    assert "Birgitte Glifberg (A) – stedfortræder for Brian Møller" in out
    assert "31. Salg af grund på Industrivej" in out
    assert "[lukket; indstilling: 1 punkt; bilag: 0; beslutning: Indstillingen anbefales;" in out
    assert "[åben; indstilling: 2 punkter; bilag: 2; beslutning: Anbefales;" in out
    assert "Ville indlæse: 1 møde, 4 punkter; fejl: 0." in out
    assert not db_path.exists()


def test_a_bad_file_is_reported_and_the_others_are_imported(db_path):
    result = run(
        str(DATA / "tom.md"), str(DATA / "pdf-tekst-dagsorden.txt"), str(DATA / "binær.bin"), "--db", str(db_path)
    )
    assert result.exit_code == 1
    assert "Indlæst: 1 møde, 3 punkter; fejl: 2." in result.stdout
    assert "Fejl: Filen tom.md er tom." in result.stderr
    assert "Fejl: Filen binær.bin er ikke en tekst" in result.stderr
    assert "Traceback" not in result.output
    (meeting_id,) = ids(result.stdout, 1)
    assert [row["id"] for row in list_meetings(open_database(db_path))] == [meeting_id]


def test_a_failing_import_leaves_no_database_behind(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"junk")
    db = tmp_path / "ny.db"
    result = run(str(bad), str(DATA / "tom.md"), "--db", str(db))
    assert result.exit_code == 1
    assert "Fejl: Filen bad.pdf er ikke en gyldig PDF-fil." in result.stderr
    assert not db.exists()
    into = run(str(bad), "--meeting", "1", "--db", str(db))
    assert into.exit_code == 1 and "findes ikke" in into.stderr
    assert not db.exists()


def test_committee_option_names_the_committee(tmp_path, db_path):
    path = tmp_path / "uden-udvalg.txt"
    path.write_text("1. Godkendelse af dagsorden\n\nSagsfremstilling\n\nIngen.\n")
    refused = run(str(path), "--db", str(db_path))
    assert refused.exit_code == 1
    assert "nævner ikke udvalget; angiv det med --committee" in refused.stderr
    accepted = run(str(path), "--committee", "Ældrerådet", "--db", str(db_path))
    assert accepted.exit_code == 0, accepted.output
    (meeting_id,) = ids(accepted.stdout, 1)
    assert load_meeting(open_database(db_path), meeting_id).committee == "Ældrerådet"


def test_many_files_in_order_with_a_progress_bar(tmp_path, db_path):
    files = []
    for number in range(6):
        path = tmp_path / f"dagsorden-{number}.txt"
        path.write_text(
            (DATA / "pdf-tekst-dagsorden.txt").read_text(encoding="utf-8") + "\n" * number, encoding="utf-8"
        )  # six documents: one file is not imported twice
        files.append(str(path))
    result = run(*files, "--db", str(db_path))
    assert result.exit_code == 0, result.output
    created = ids(result.stdout, 6)
    assert created == sorted(created)
    assert [row["id"] for row in list_meetings(open_database(db_path))] == created


def test_a_missing_file_is_one_danish_sentence(tmp_path, db_path):
    result = run(str(tmp_path / "findes-ikke.md"), "--db", str(db_path))
    assert result.exit_code == 1
    assert "Fejl: Filen findes-ikke.md findes ikke." in result.stderr


def test_an_archive_folder_is_summed_up_per_committee_past_a_bad_file(shared_referater, tmp_path, db_path):
    folder = tmp_path / "arkiv"
    folder.mkdir()
    real = [
        shared_referater / name
        for name in ("herlev-arbejdsmarkedsudvalget-2022-10-26.md", "hvidovre-arbejdsmarkedsudvalget-2017-05-29.txt")
    ]
    for path in [
        *real,
        *(
            DATA / name
            for name in (
                "sag-nr-referat.txt",
                "webside-referat.html",
                "dagsorden-agendasystem.md",
                "pdf-tekst-dagsorden.txt",
                "binær.bin",
            )
        ),
    ]:
        shutil.copy(path, folder / path.name)
    files = sorted(str(path) for path in folder.iterdir())
    result = run(*files, "--db", str(db_path))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:7] == [
        "Indlæst: 6 møder, 32 punkter; fejl: 1.",
        "  Arbejdsmarkedsudvalget (Herlev Kommune): 1 møde, 9 punkter",
        "  Arbejdsmarkedsudvalget (Hvidovre Kommune): 1 møde, 11 punkter",
        "  Byudviklingsudvalget: 1 møde, 4 punkter",
        "  Kultur- og Fritidsudvalget: 1 møde, 2 punkter",
        "  Social- og Sundhedsudvalget (Faxe Kommune): 1 møde, 3 punkter",
        "  Teknik- og Miljøudvalget: 1 møde, 3 punkter",
    ]
    assert result.stderr.strip().splitlines()[-1] == (
        "Fejl: Filen binær.bin er ikke en tekst-, Markdown-, HTML-, Word- eller PDF-fil."
    )
    created = ids(result.stdout, 6)
    db = open_database(db_path)
    assert sorted(created) == sorted(row["id"] for row in list_meetings(db))
    assert db.execute("SELECT count(*) FROM items").fetchone()[0] == 32
    assert len(list_committees(db)) == 6


def test_the_summary_counts_one_punkt_in_the_singular():
    assert import_summary({"Økonomiudvalget": (1, 1), "Ældrerådet": (2, 7)}, 0) == [
        "Indlæst: 3 møder, 8 punkter; fejl: 0.",
        "  Ældrerådet: 2 møder, 7 punkter",
        "  Økonomiudvalget: 1 møde, 1 punkt",
    ]
    assert import_summary({"Økonomiudvalget": (1, 1)}, 1, dry_run=True) == ["Ville indlæse: 1 møde, 1 punkt; fejl: 1."]
