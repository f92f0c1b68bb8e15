"""`referat export`: one meeting to stdout or a file, or every meeting to a folder; errors in Danish."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import stat
import sys
from pathlib import Path

import pytest
from export_support import sample_meeting
from typer.testing import CliRunner

import cli
from cli import app
from store.db import open_database
from store.export_files import export_filename, slugify
from store.export_markdown import CONFIDENTIAL_LINE
from store.meetings import load_meeting, save_meeting

runner = CliRunner()


@pytest.fixture
def meeting_ids(db) -> list[int]:
    first = save_meeting(db, sample_meeting())
    second = save_meeting(db, dataclasses.replace(sample_meeting(), date=dt.date(2017, 8, 14)))
    other = save_meeting(db, dataclasses.replace(sample_meeting(), committee="Børne- og Ungeudvalget", items=[]))
    return [first, second, other]


def export(db_path, *args: str):
    return runner.invoke(app, ["export", *args, "--db", str(db_path)])


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_default_is_public_markdown_on_stdout(db_path, meeting_ids):
    result = export(db_path, str(meeting_ids[0]))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Referat: Arbejdsmarkedsudvalget\n")
    assert "**Mødedato:** Mandag den 29. maj 2017" in result.stdout
    assert "# Punkt 3: Lukket: Køb af ejendom på Hvidovrevej" in result.stdout
    assert "Sælger ønsker" not in result.stdout and "ægtefælle" not in result.stdout


@pytest.mark.parametrize("command", [["export", "1", "--full"], ["datasette-metadata"]])
@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_output_onto_the_database_itself_is_refused(db_path, meeting_ids, command, suffix):
    target = db_path.with_name(db_path.name + suffix)
    before = target.read_bytes()
    result = runner.invoke(app, [*command, "-o", str(target), "--db", str(db_path)])
    assert (result.exit_code, result.stderr) == (1, f"Fejl: {target} er selve databasen; skriv til en anden fil.\n")
    assert target.read_bytes() == before
    assert load_meeting(open_database(db_path), meeting_ids[0]).committee == "Arbejdsmarkedsudvalget"


def test_full_edition_to_a_file_is_private(db_path, meeting_ids, tmp_path):
    target = tmp_path / "referat.md"
    result = export(db_path, str(meeting_ids[0]), "--full", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert f"Møde {meeting_ids[0]} er eksporteret til {target}." in result.stdout
    text = target.read_text(encoding="utf-8")
    assert text.split("\n")[0] == CONFIDENTIAL_LINE
    assert "Sælger ønsker 4.200.000 kr." in text
    assert mode(target) == 0o600


def test_an_existing_file_becomes_private_when_the_full_edition_overwrites_it(db_path, meeting_ids, tmp_path):
    target = tmp_path / "referat.md"
    target.write_text("gammel", encoding="utf-8")
    target.chmod(0o644)
    assert export(db_path, str(meeting_ids[0]), "--full", "-o", str(target)).exit_code == 0
    assert mode(target) == 0o600


def test_public_file_is_not_restricted(db_path, meeting_ids, tmp_path):
    target = tmp_path / "offentlig.md"
    ordinary = tmp_path / "almindelig.txt"
    ordinary.write_text("x", encoding="utf-8")
    assert export(db_path, str(meeting_ids[0]), "--public", "-o", str(target)).exit_code == 0
    assert mode(target) == mode(ordinary)
    assert not target.read_text(encoding="utf-8").startswith(CONFIDENTIAL_LINE)


def test_json_and_decisions_only(db_path, meeting_ids):
    result = export(db_path, str(meeting_ids[0]), "--format", "json")
    data = json.loads(result.stdout)
    assert data["edition"] == "offentlig" and data["date"] == "2017-05-29"
    assert data["items"][2]["sections"] == []
    full = json.loads(export(db_path, str(meeting_ids[0]), "--format", "json", "--full").stdout)
    assert full["items"][2]["sections"][0]["text"] == "Sælger ønsker 4.200.000 kr. for ejendommen."
    short = export(db_path, str(meeting_ids[0]), "--decisions-only").stdout
    assert short.startswith("# Beslutningsprotokol: Arbejdsmarkedsudvalget\n")
    assert "## Sagsfremstilling" not in short and "For stemte: A (2), Ø (1)." in short


def test_all_writes_one_readable_file_per_meeting(db_path, meeting_ids, tmp_path):
    folder = tmp_path / "ud"
    result = export(db_path, "--all", "-o", str(folder))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == [
        "2017-05-29-arbejdsmarkedsudvalget.md",
        "2017-05-29-boerne-og-ungeudvalget.md",
        "2017-08-14-arbejdsmarkedsudvalget.md",
    ]
    assert "3 møder er eksporteret til" in result.stdout
    assert "Sælger ønsker" not in (folder / "2017-05-29-arbejdsmarkedsudvalget.md").read_text(encoding="utf-8")


def test_all_filters_by_committee_and_dates_and_full_files_are_private(db_path, meeting_ids, tmp_path):
    folder = tmp_path / "fuld"
    result = export(
        db_path,
        "--all",
        "--full",
        "--committee",
        "Arbejdsmarkedsudvalget",
        "--since",
        "1. juni 2017",
        "--until",
        "2017-12-31",
        "--format",
        "json",
        "-o",
        str(folder),
    )
    assert result.exit_code == 0, result.output
    files = list(folder.iterdir())
    assert [p.name for p in files] == ["2017-08-14-arbejdsmarkedsudvalget-fuld.json"]
    assert mode(files[0]) == 0o600
    assert json.loads(files[0].read_text(encoding="utf-8"))["edition"] == "fuld"


def test_all_without_o_writes_into_the_documents_folder(db_path, meeting_ids, private_home):
    result = export(db_path, "--all")
    assert result.exit_code == 0, result.output
    documents = private_home / "Dokumenter"
    assert len(list(documents.glob("*.md"))) == len(meeting_ids)
    assert result.stdout.splitlines()[-1].endswith(f"er eksporteret til {documents}.")


def test_all_with_nothing_to_export(db_path, meeting_ids, tmp_path):
    result = export(db_path, "--all", "--since", "2030-01-01", "-o", str(tmp_path / "tom"))
    assert result.exit_code == 0
    assert "Ingen møder at eksportere." in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["999"], "Møde 999 findes ikke."),
        (["1", "--format", "odt"], "Formatet 'odt' kendes ikke; brug --format md, json, docx eller pdf."),
        (["1", "--format", "pdf"], "--format pdf skrives til en fil: angiv -o FIL"),
        ([], "Angiv enten mødets id eller --all."),
        (["1", "--all", "-o", "x"], "Angiv enten mødets id eller --all."),
        (["1", "--committee", "Økonomiudvalget"], "bruges kun sammen med --all"),
        (["--all", "--since", "i morgen", "-o", "x"], "--since: 'i morgen' er ikke en dato"),
        (["1", "--format", "json", "--decisions-only"], "--decisions-only gælder kun Markdown"),
        (["--all", "--committee", "Findes ikke", "-o", "x"], "Findes ikke"),
    ],
)
def test_errors_are_one_danish_sentence_and_exit_1(db_path, meeting_ids, args, message):
    result = export(db_path, *args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_missing_database_is_reported(tmp_path):
    result = runner.invoke(app, ["export", "1", "--db", str(tmp_path / "findes-ikke.db")])
    assert result.exit_code == 1
    assert "findes ikke" in result.stderr


@pytest.mark.parametrize(
    ("committee", "slug"),
    [
        ("Arbejdsmarkedsudvalget", "arbejdsmarkedsudvalget"),
        ("Børne- og Ungeudvalget", "boerne-og-ungeudvalget"),
        ("Teknik- og Miljøudvalget", "teknik-og-miljoeudvalget"),
        ("Kultur & Fritid (Ærø)", "kultur-fritid-aeroe"),
        ("Udvalget for Ældre, Sundhed og Omsorg – Åbenrå", "udvalget-for-aeldre-sundhed-og-omsorg-aabenraa"),
        ("Café-udvalget", "cafe-udvalget"),
    ],
)
def test_file_names_transliterate_aeoeaa(committee, slug):
    assert slugify(committee) == slug


def test_file_name_marks_the_full_edition_and_the_short_form():
    meeting = sample_meeting()
    assert export_filename(meeting, "md") == "2017-05-29-arbejdsmarkedsudvalget.md"
    assert export_filename(meeting, "json", full=True) == "2017-05-29-arbejdsmarkedsudvalget-fuld.json"
    assert export_filename(meeting, "md", decisions_only=True) == "2017-05-29-arbejdsmarkedsudvalget-beslutninger.md"
    assert export_filename(dataclasses.replace(meeting, date=None), "md") == "uden-dato-arbejdsmarkedsudvalget.md"


def test_committee_placement_moves_the_beslutning_after_every_section(db_path, meeting_ids):
    def order() -> list[int]:
        text = export(db_path, str(meeting_ids[0])).stdout
        part = text.split("\n# Punkt 2: ")[1].split("\n# ")[0]
        return [part.index(heading) for heading in ("## Indstilling", "## Beslutning\n", "## Sagsfremstilling")]

    before = order()
    assert before == sorted(before)
    result = runner.invoke(app, ["committee", "placement", "Arbejdsmarkedsudvalget", "sidst", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "Arbejdsmarkedsudvalget: beslutningen står efter alle afsnit i referatet.\n"
    indstilling, decision, sagsfremstilling = order()
    assert indstilling < sagsfremstilling < decision


def test_unknown_placement_is_refused_in_danish(db_path, meeting_ids):
    result = runner.invoke(app, ["committee", "placement", "Arbejdsmarkedsudvalget", "først", "--db", str(db_path)])
    assert (result.exit_code, result.stderr) == (
        1,
        "Fejl: Placeringen 'først' kendes ikke; brug efter-indstilling eller sidst.\n",
    )


def test_an_imported_referat_keeps_its_own_placement_whatever_the_committee_chose(db_path, shared_referater):
    herlev = shared_referater / "herlev-arbejdsmarkedsudvalget-2022-10-26.md"
    result = runner.invoke(app, ["import", str(herlev), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    meeting_id = result.stdout.strip().split("\n")[-1]
    text = export(db_path, meeting_id).stdout
    part = text.split("\n# Punkt 65: ")[1].split("\n# ")[0]
    assert part.index("## Beslutningskompetence") < part.index("## Beslutning\n")


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["export", "3"], {"meeting": 3}),
        (["export", "3", "--db", "x.db", "--format", "json"], {"meeting": 3, "db": Path("x.db"), "fmt": "json"}),
        (["export", "--db=x.db", "--format=MD", "3"], {"meeting": 3, "db": Path("x.db"), "fmt": "MD"}),
        (["export", "3", "--full", "--decisions-only"], {"meeting": 3, "public": False, "decisions_only": True}),
        (["export", "3", "--full", "--public"], {"meeting": 3, "public": True}),
        (["export", "3", "-o", "r.pdf", "--output=s.pdf"], {"meeting": 3, "output": Path("s.pdf")}),
    ],
)
def test_a_plain_export_takes_the_short_cut(argv, expected):
    assert cli.short_cut(argv) == (cli.export, expected)


@pytest.mark.parametrize(
    "argv",
    [
        ["export"],
        ["export", "--all", "-o", "x"],
        ["export", "3", "4"],
        ["export", "tre"],
        ["export", "3", "--help"],
        ["export", "3", "--db"],
        ["export", "3", "--db="],
        ["export", "3", "-o", "--full"],
        ["export", "3", "-o=x.md"],
        ["export", "3", "--committee", "Økonomiudvalget"],
        ["meetings"],
        [],
    ],
)
def test_anything_else_is_left_to_typer(argv):
    assert cli.short_cut(argv) is None


def through_entry_point(monkeypatch, capsys, argv: list[str]) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["referat", *argv])
    try:
        cli.entry_point()
        code = 0
    except SystemExit as stop:
        code = stop.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "args",
    [
        ["{id}"],
        ["{id}", "--full"],
        ["{id}", "--format", "json"],
        ["--format=json", "{id}", "--full"],
        ["{id}", "--decisions-only"],
        ["{id}", "--format", "odt"],
        ["999"],
        ["{id}", "--format", "pdf"],
    ],
)
def test_short_cut_and_typer_print_the_same(db_path, meeting_ids, monkeypatch, capsys, args):
    line = ["export", *(arg.format(id=meeting_ids[0]) for arg in args), "--db", str(db_path)]
    assert cli.short_cut(line) is not None
    short_cut = through_entry_point(monkeypatch, capsys, line)
    result = runner.invoke(app, line)
    assert short_cut == (result.exit_code, result.stdout, result.stderr)


@pytest.mark.parametrize("edition", ["--public", "--full"])
def test_short_cut_and_typer_write_the_same_file(db_path, meeting_ids, monkeypatch, capsys, tmp_path, edition):
    line = ["export", str(meeting_ids[0]), edition, "--db", str(db_path), "-o"]
    code, out, _ = through_entry_point(monkeypatch, capsys, [*line, str(tmp_path / "kort.md")])
    result = runner.invoke(app, [*line, str(tmp_path / "typer.md")])
    assert (code, result.exit_code) == (0, 0)
    assert out == result.stdout.replace("typer.md", "kort.md")
    assert (tmp_path / "kort.md").read_bytes() == (tmp_path / "typer.md").read_bytes()
    assert mode(tmp_path / "kort.md") == mode(tmp_path / "typer.md")
