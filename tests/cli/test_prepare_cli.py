"""`referat item …`, `meeting edit|guest|attendee`, `member …`, `template` and importing into a meeting,
as a secretary types them; and (issue 14.16) an import retried after a kill imports nothing twice."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from store.db import open_database
from store.meetings import list_meetings, load_meeting
from store.template import agenda_template

runner = CliRunner()


def referat(db_path: Path, *args: str):
    return runner.invoke(app, [*args, "--db", str(db_path)])


def ok(db_path: Path, *args: str) -> str:
    result = referat(db_path, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def refused(db_path: Path, *args: str) -> str:
    result = referat(db_path, *args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return result.stderr.strip()


@pytest.fixture
def meeting(db_path) -> str:
    ok(db_path, "committee", "add", "Teknikudvalget", "--municipality", "Herlev")
    ok(db_path, "member", "add", "Anna Holm", "--committee", "Teknikudvalget", "--party", "A", "--role", "formand")
    ok(db_path, "member", "add", "Bo Berg", "--committee", "Teknikudvalget", "--party", "V")
    return ok(
        db_path, "meeting", "new", "--committee", "Teknikudvalget", "--date", "2030-02-04", "--time", "16"
    ).split()[-1]


def agenda(db_path: Path, meeting: str) -> list[dict]:
    return json.loads(ok(db_path, "item", "list", meeting, "--json"))


def test_an_agenda_is_written_from_the_command_line(db_path, meeting):
    assert (
        ok(
            db_path,
            "item",
            "add",
            meeting,
            "--title",
            "Godkendelse af dagsorden",
            "--indstilling",
            "at dagsordenen godkendes.",
        )
        == "Punkt 1 er tilføjet: Godkendelse af dagsorden\n"
    )
    ok(
        db_path,
        "item",
        "add",
        meeting,
        "--title",
        "Budget 2031",
        "--case",
        "00.30.00",
        "--kind",
        "beslutning",
        "--section",
        "Resume: Kort om sagen.\\nAnden linje.",
        "--section",
        "Økonomi: Ingen.",
        "--indstilling",
        "at a,",
        "--indstilling",
        "at b.",
        "--bilag",
        "Bilag 1: https://eksempel.dk/b.pdf",
    )
    ok(db_path, "item", "add", meeting, "--title", "Salg af grund", "--lukket")
    assert "Punkt 1a er tilføjet" in ok(db_path, "item", "add", meeting, "--title", "Indskudt", "--after", "1")
    rows = agenda(db_path, meeting)
    assert [(r["number"], r["title"], r["public"]) for r in rows] == [
        ("1", "Godkendelse af dagsorden", True),
        ("1a", "Indskudt", True),
        ("2", "Budget 2031", True),
        ("3", "Salg af grund", False),
    ]
    item = load_meeting(open_database(db_path), int(meeting)).items[2]
    assert [(s.heading, s.text) for s in item.sections] == [
        ("Resume", "Kort om sagen.\nAnden linje."),
        ("Økonomi", "Ingen."),
    ]
    assert item.recommendation == ["at a,", "at b."] and item.attachments[0].reference == "https://eksempel.dk/b.pdf"
    assert item.case_number == "00.30.00" and item.kind == "beslutning"


def test_edit_move_renumber_and_remove(db_path, meeting):
    for title in ("A", "B", "C"):
        ok(db_path, "item", "add", meeting, "--title", title)
    assert ok(db_path, "item", "edit", meeting, "2", "--title", "B2", "--lukket") == (
        "Punkt 2: titel, åben/lukket er rettet.\n"
    )
    assert ok(db_path, "item", "edit", meeting, "2", "--title", "B2") == "Intet at rette.\n"
    assert ok(db_path, "item", "move", meeting, "3", "--to", "1") == "Punkt 3 står nu som nr. 1 på dagsordenen.\n"
    assert ok(db_path, "item", "renumber", meeting, "--from", "29") == "3 punkter har fået nyt nummer.\n"
    assert [(r["number"], r["title"]) for r in agenda(db_path, meeting)] == [("29", "C"), ("30", "A"), ("31", "B2")]
    assert ok(db_path, "item", "remove", meeting, "30") == "Punkt 30 er slettet: A\n"
    assert [r["title"] for r in agenda(db_path, meeting)] == ["C", "B2"]
    log = ok(db_path, "log", meeting)
    assert "Slet punkt 30" in log and "Omnummerér dagsordenen fra 29" in log and "Ret punkt 2" in log


@pytest.mark.parametrize(
    "args, message",
    [
        (("item", "add", "{m}", "--title", " "), "Fejl: Punktet skal have en titel."),
        (("item", "add", "{m}", "--title", "X", "--number", "1"), "Fejl: Punkt 1 findes allerede på dagsordenen."),
        (("item", "edit", "{m}", "9", "--title", "X"), "Fejl: Mødet har intet punkt 9."),
        (("item", "move", "{m}", "1"), "Fejl: Angiv præcis én af --after, --before og --to."),
        (("meeting", "edit", "{m}", "--date", "2027-02-30"), "Fejl: '2027-02-30' er ikke en dato."),
        (("meeting", "edit", "{m}", "--time", "25:00"), "Fejl: '25:00' er ikke et klokkeslæt (skriv fx 15.30)."),
        (
            ("meeting", "edit", "{m}", "--start", "15.00"),
            "Fejl: Mødet er ikke åbnet endnu; ret mødetidspunktet i stedet.",
        ),
        (
            ("member", "add", "X", "--committee", "Teknikudvalget", "--substitute-for", "Ingen"),
            "Fejl: Ingen er ikke medlem af udvalget; en stedfortræder skal stå for et medlem.",
        ),
        (("meeting", "guest", "{m}", "Anna Holm"), "Fejl: Anna Holm står allerede på mødets fremmødeliste."),
    ],
)
def test_bad_input_gets_one_danish_sentence_and_changes_nothing(db_path, meeting, args, message):
    ok(db_path, "item", "add", meeting, "--title", "Første")
    before = open_database(db_path).execute("SELECT count(*) FROM actions").fetchone()[0]
    assert refused(db_path, *(arg.replace("{m}", meeting) for arg in args)) == message
    assert open_database(db_path).execute("SELECT count(*) FROM actions").fetchone()[0] == before


def test_meeting_details_guests_and_attendees(db_path, meeting):
    ok(db_path, "item", "add", meeting, "--title", "A")
    assert (
        ok(
            db_path,
            "meeting",
            "edit",
            meeting,
            "--place",
            "Byrådssalen",
            "--time",
            "15.30",
            "--closing",
            "Protokollen oplæst.",
        )
        == "Møde 1: mødetidspunkt, mødested, afslutningslinje er rettet.\n"
    )
    ok(db_path, "meeting", "guest", meeting, "Jobcenterchef Anne Hansen")
    ok(db_path, "meeting", "attendee", meeting, "Eva Ny", "--party", "C")
    ok(db_path, "meeting", "attendee", meeting, "Bo Berg", "--remove")
    text = ok(db_path, "export", meeting)
    assert "Mødet begynder kl. 15.30." in text and "**Mødested:** Byrådssalen" in text
    assert "- Eva Ny (C)" in text and "Bo Berg" not in text
    assert "Desuden deltog: Jobcenterchef Anne Hansen" in text
    assert "# Mødets afslutning\n\nProtokollen oplæst." in text


def test_member_commands(db_path, meeting):
    ok(
        db_path,
        "member",
        "add",
        "Carl Dam",
        "--committee",
        "Teknikudvalget",
        "--party",
        "Ø",
        "--substitute-for",
        "Bo Berg",
    )
    ok(db_path, "member", "edit", "Bo Berg", "--committee", "Teknikudvalget", "--party", "C", "--role", "næstformand")
    assert ok(db_path, "member", "remove", "Anna Holm", "--committee", "Teknikudvalget", "--date", "2031-01-01") == (
        "Anna Holm er udtrådt af Teknikudvalget pr. 1. januar 2031.\n"
    )
    rows = json.loads(ok(db_path, "member", "list", "--committee", "Teknikudvalget", "--json"))
    assert [(r["name"], r["party"], r["role"], r["substitute_for"]) for r in rows] == [
        ("Bo Berg", "C", "næstformand", None),
        ("Carl Dam", "Ø", "stedfortræder", "Bo Berg"),
    ]
    former = json.loads(ok(db_path, "member", "list", "--committee", "Teknikudvalget", "--former", "--json"))
    assert former[-1]["name"] == "Anna Holm" and former[-1]["valid_to"] == "2031-01-01"
    table = ok(db_path, "member", "list", "--committee", "Teknikudvalget")
    assert table.splitlines()[0].split() == ["Navn", "Parti", "Rolle", "Stedfortræder", "for", "Fra", "Til"]


def test_template_imports_and_a_second_import_of_the_same_file_is_skipped(db_path, tmp_path):
    path = tmp_path / "dagsorden.md"
    path.write_text(ok(db_path, "template"), encoding="utf-8")
    first = ok(db_path, "import", str(path))
    assert first.splitlines()[0] == "Indlæst: 1 møde, 4 punkter; fejl: 0."
    meeting_id = int(first.split()[-1])
    again = ok(db_path, "import", str(path))
    assert f"dagsorden.md er allerede indlæst som møde {meeting_id}; den springes over." in again
    assert len(list_meetings(open_database(db_path))) == 1


def test_import_into_a_planned_meeting_and_replace_its_agenda(db_path, meeting, tmp_path):
    path = tmp_path / "dagsorden.md"
    text = agenda_template(dt.date(2030, 2, 4))
    path.write_text(
        text.replace("Udvalgets navn", "Teknikudvalget").replace("Kommunens navn", "Herlev"), encoding="utf-8"
    )
    ok(db_path, "item", "add", meeting, "--title", "Skrevet i hånden")
    assert refused(db_path, "import", str(path), "--meeting", meeting) == (
        "Fejl: dagsorden.md: Møde 1 har allerede en dagsorden; brug --replace for at erstatte den."
    )
    out = ok(db_path, "import", str(path), "--meeting", meeting, "--replace")
    assert out.split()[-1] == meeting
    assert [r["title"] for r in agenda(db_path, meeting)][:2] == ["Godkendelse af dagsorden", "Punktets titel"]
    assert len(list_meetings(open_database(db_path))) == 1
    changed = tmp_path / "rettet.md"
    changed.write_text(path.read_text(encoding="utf-8").replace("Punktets titel", "Rettet titel"), encoding="utf-8")
    assert ok(db_path, "import", str(changed), "--replace").split()[-1] == meeting
    assert [r["title"] for r in agenda(db_path, meeting)][1] == "Rettet titel"
    other_day = tmp_path / "andet.md"
    other_day.write_text(path.read_text(encoding="utf-8").replace("4. februar", "5. februar"), encoding="utf-8")
    assert "dateret 2030-02-05, men møde 1 holdes 2030-02-04" in refused(
        db_path, "import", str(other_day), "--meeting", meeting
    )


def test_a_dagsorden_fills_the_planned_meeting_of_its_day_and_one_naming_nobody_gets_the_roster(
    db_path, meeting, tmp_path
):
    """Issue 13: no second meeting on the planned meeting's day; a dagsorden without members gets the roster."""
    template = agenda_template(dt.date(2030, 2, 4)).replace("Udvalgets navn", "Teknikudvalget")
    template = template.replace("Kommunens navn", "Herlev")
    members = template[template.index("## Medlemmer") : template.index("## Indholdsfortegnelse")]
    planned_day = tmp_path / "dagsorden.md"
    planned_day.write_text(template.replace(members, ""), encoding="utf-8")
    assert ok(db_path, "import", str(planned_day)).split()[-1] == meeting
    assert len(list_meetings(open_database(db_path))) == 1
    assert [r["title"] for r in agenda(db_path, meeting)][:2] == ["Godkendelse af dagsorden", "Punktets titel"]
    unplanned_day = tmp_path / "næste.md"
    unplanned_day.write_text(
        planned_day.read_text(encoding="utf-8").replace("4. februar", "5. februar"), encoding="utf-8"
    )
    new = ok(db_path, "import", str(unplanned_day)).split()[-1]
    assert new != meeting
    names = [member.name for member in load_meeting(open_database(db_path), int(new)).members]
    assert names == ["Anna Holm", "Bo Berg"]


def imported(db_path: Path) -> int:
    """How many meetings another process has committed so far (0 before its database is ready)."""
    try:
        with closing(sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)) as conn:
            return conn.execute("SELECT count(*) FROM meetings").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_an_import_retried_after_a_kill_imports_no_document_twice(db_path, tmp_path):
    """Issue 14.16: a batch import is killed part way; running it again imports only what is missing."""
    files = []
    for day in range(1, 13):
        path = tmp_path / f"dagsorden-{day}.md"
        path.write_text(agenda_template(dt.date(2030, 3, day)), encoding="utf-8")
        files.append(str(path))
    env = {**os.environ, "REFERAT_DB": str(db_path)}
    command = [sys.executable, "-c", "from cli import entry_point; entry_point()", "import", *files]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=Path(__file__).parents[2]
    )
    while process.poll() is None:
        if imported(db_path) >= 2:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.01)
    process.wait()
    db = open_database(db_path)
    done = db.execute("SELECT count(*) FROM meetings").fetchone()[0]
    assert done >= 2
    result = subprocess.run(command, env=env, capture_output=True, text=True, cwd=Path(__file__).parents[2])
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("er allerede indlæst som møde") == done
    hashes = [row[0] for row in db.execute("SELECT source_hash FROM meetings")]
    assert len(hashes) == len(files) == len(set(hashes))


def test_a_dagsorden_exported_edited_in_an_editor_and_imported_again(db_path, meeting, tmp_path):
    ok(db_path, "item", "add", meeting, "--title", "Budget 2031", "--indstilling", "at godkende.")
    ok(db_path, "item", "add", meeting, "--title", "Salg af grund", "--lukket", "--section", "Resume: Fortroligt.")
    ok(db_path, "meeting", "guest", meeting, "Direktør Jens Lund")
    path = tmp_path / "dagsorden.md"
    ok(db_path, "export", meeting, "--full", "-o", str(path))
    text = path.read_text(encoding="utf-8").replace("Budget 2031", "Budget 2031 og 2032")
    path.write_text(text + "\n# Punkt 3: Eventuelt\n", encoding="utf-8")
    ok(db_path, "import", str(path), "--replace")
    rows = agenda(db_path, meeting)
    assert [(r["number"], r["title"], r["public"]) for r in rows] == [
        ("1", "Budget 2031 og 2032", True),
        ("2", "Salg af grund", False),
        ("3", "Eventuelt", True),
    ]
    document = load_meeting(open_database(db_path), int(meeting))
    assert document.guests == ["Direktør Jens Lund"] and document.items[1].sections[0].text == "Fortroligt."
    assert len(list_meetings(open_database(db_path))) == 1
