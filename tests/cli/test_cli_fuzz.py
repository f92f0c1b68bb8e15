"""Fuzzing the command line: any arguments to any command give exit code 0, 1 or 2, never a traceback,
and a command that fails leaves the database as it was."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import tempfile
from contextlib import chdir, closing
from pathlib import Path

import pytest
from export_support import sample_meeting
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pty_support import REFERAT, needs_referat
from tui_support import ROSTER, make_database
from typer.testing import CliRunner

from cli import app
from store.approval import approve_final
from store.db import open_database
from store.meetings import save_meeting

DATA = Path(__file__).parents[1] / "data" / "import"
runner = CliRunner()

# Text as a shell can pass it: any characters but NUL, and no lone surrogates.
JUNK = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)


def one_of_or_junk(*values: str) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(values), JUNK)


MEETING = one_of_or_junk("1", "2", "3", "999", "0", "-1", "1.5", "", "2147483648", "99999999999999999999")
COMMITTEE = one_of_or_junk("Arbejdsmarkedsudvalget", "arbejdsmarkedsudvalget", "Økonomiudvalget", "", " ")
MUNICIPALITY = one_of_or_junk(
    "Hvidovre", "Hvidovre Kommune", "hvidovre kommune", "Herlev", "Københavns Kommune", "Kommune", "", " "
)
MEMBER = one_of_or_junk("Benthe Viola Holm", "Ivan Fogtmann", "Ingen Sådan", "")
DATE = one_of_or_junk(
    "2027-01-25",
    "25-01-2027",
    "25. januar 2027",
    "2017-05-29",
    "2017-02-30",
    "31. februar 2022",
    "i morgen",
    "0000-00-00",
    "9999-12-31",
    "",
)
TIME = one_of_or_junk("16:00", "25:00", "16", "kl. 16", "")
RULE = one_of_or_junk(
    "FREQ=MONTHLY;BYDAY=-1MO",
    "FREQ=WEEKLY;BYDAY=MO",
    "FREQ=YEARLY;BYMONTH=13",
    "FREQ=MONTHLY;BYDAY=9MO",
    "FREQ=SECONDLY",
    "RRULE:FREQ=MONTHLY",
    "garbage",
    "",
)
# Plans stay within 2027, so no example creates thousands of meetings.
PLAN_DATE = one_of_or_junk("2027-01-01", "2027-06-30", "2027-12-31", "1. marts 2027", "2027-13-01", "")
ITEM = one_of_or_junk("1", "2", "3", "99", "a", "")
FORMAT = one_of_or_junk("md", "json", "JSON", "xml", "")
MONTH = one_of_or_junk("1", "7", "12", "0", "13", "-1", "juli")


HERE = "@WORKSPACE@"  # stands for the test's folder in drawn paths
INPUTS = [
    "roster.toml",
    "forkert.toml",
    "uden-navn.toml",
    "kommune-tal.toml",
    *sorted(p.name for p in DATA.iterdir()),
    "mangler.md",
    "",
    "ingen-mappe/fil.md",
]
OUTPUTS = ["ud.md", "ud", "", "ingen-mappe/ud.md", "fuzz.db"]
# --db: the copy the test watches (by $REFERAT_DB when not named), a folder, files that are no database …
DB = st.one_of(
    st.sampled_from(
        [
            f"{HERE}/fuzz.db",
            HERE,
            f"{HERE}/binær.bin",
            f"{HERE}/webside-referat.html",
            f"{HERE}/ingen-mappe/ny.db",
            "/dev/null",
            "/proc/ny.db",
        ]
    ),
    JUNK,
)
BACKUP = st.one_of(
    st.sampled_from(
        [f"{HERE}/skabelon.db", f"{HERE}/binær.bin", f"{HERE}/mangler.db", HERE, f"{HERE}/roster.toml", "/dev/null"]
    ),
    JUNK,
)
INPUT = st.one_of(st.sampled_from([f"{HERE}/{name}" for name in INPUTS] + ["/dev/null"]), JUNK)
OUTPUT = st.one_of(st.sampled_from([f"{HERE}/{name}" for name in OUTPUTS] + ["/dev/null", "/proc/ikke-her.md"]), JUNK)


def make_files(folder: Path) -> None:
    """The files INPUTS names: a good roster, three bad ones, and the importer's samples."""
    shutil.copy(ROSTER, folder / "roster.toml")
    (folder / "forkert.toml").write_text("[committee\nname = ", encoding="utf-8")
    (folder / "uden-navn.toml").write_text("[committee]\nmunicipality = 1\n[[members]]\nparty = 2\n", encoding="utf-8")
    (folder / "kommune-tal.toml").write_text(
        '[committee]\nname = "Arbejdsmarkedsudvalget"\nmunicipality = 1\n', encoding="utf-8"
    )
    for sample in DATA.iterdir():
        shutil.copy(sample, folder / sample.name)


def options(**named: st.SearchStrategy[str] | None) -> st.SearchStrategy[list[str]]:
    """Any subset of the options, in any order; None marks a flag."""
    if not named:
        return st.just([])

    @st.composite
    def build(draw):
        chosen = draw(st.lists(st.sampled_from(sorted(named)), unique=True, max_size=len(named)))
        args: list[str] = []
        for name in chosen:
            args.append(name)
            if named[name] is not None:
                args.append(draw(named[name]))
        return args

    return build()


def command() -> st.SearchStrategy[list[str]]:
    """A command line for any command but the three that open a TUI."""
    per_command = {
        ("committee", "add"): st.tuples(
            st.lists(COMMITTEE, max_size=2), options(**{"--municipality": JUNK, "--short-name": JUNK})
        ),
        ("committee", "import"): st.tuples(st.lists(INPUT, max_size=2), options()),
        ("committees",): st.tuples(st.just([]), options(**{"--json": None})),
        ("meeting", "new"): st.tuples(
            st.just([]),
            options(
                **{
                    "--committee": COMMITTEE,
                    "--municipality": MUNICIPALITY,
                    "--date": DATE,
                    "--time": TIME,
                    "--place": JUNK,
                }
            ),
        ),
        ("meetings",): st.tuples(
            st.just([]),
            options(**{"--committee": COMMITTEE, "--municipality": MUNICIPALITY, "--upcoming": None, "--json": None}),
        ),
        ("import",): st.tuples(
            st.lists(INPUT, max_size=3),
            options(**{"--committee": COMMITTEE, "--municipality": MUNICIPALITY, "--dry-run": None}),
        ),
        ("export",): st.tuples(
            st.lists(MEETING, max_size=2),
            options(
                **{
                    "--public": None,
                    "--full": None,
                    "--format": FORMAT,
                    "--decisions-only": None,
                    "--all": None,
                    "--committee": COMMITTEE,
                    "--municipality": MUNICIPALITY,
                    "--since": DATE,
                    "--until": DATE,
                    "-o": OUTPUT,
                }
            ),
        ),
        ("plan",): st.tuples(
            st.just([]),
            options(
                **{
                    "--committee": COMMITTEE,
                    "--municipality": MUNICIPALITY,
                    "--rule": RULE,
                    "--from": PLAN_DATE,
                    "--until": PLAN_DATE,
                    "--time": TIME,
                    "--place": JUNK,
                    "--on-holiday": one_of_or_junk("skip", "next"),
                    "--skip-months": MONTH,
                    "--dry-run": None,
                }
            ),
        ),
        ("search",): st.tuples(
            st.lists(one_of_or_junk("JobCAMP", "Godkend*", '"', "NEAR(", "a OR", ""), max_size=2),
            options(
                **{
                    "--committee": COMMITTEE,
                    "--municipality": MUNICIPALITY,
                    "--since": DATE,
                    "--until": DATE,
                    "--public-only": None,
                    "--json": None,
                }
            ),
        ),
        ("datasette-metadata",): st.tuples(st.just([]), options(**{"-o": OUTPUT})),
        ("close",): st.tuples(st.lists(MEETING, max_size=2), options()),
        ("approve",): st.tuples(
            st.lists(MEETING, max_size=2), options(**{"--member": MEMBER, "--reservation": JUNK, "--final": None})
        ),
        ("amend",): st.tuples(
            st.lists(MEETING, max_size=2), options(**{"--item": ITEM, "--text": JUNK, "--reason": JUNK})
        ),
        ("reopen",): st.tuples(st.lists(MEETING, max_size=2), options(**{"--reason": JUNK})),
        ("log",): st.tuples(st.lists(MEETING, max_size=2), options(**{"--json": None})),
        ("backup",): st.tuples(st.lists(OUTPUT, max_size=1), options(**{"--list": None, "--json": None})),
        ("restore",): st.tuples(st.lists(BACKUP, max_size=2), options()),
        ("config", "path"): st.tuples(st.just([]), options()),
        ("config", "show"): st.tuples(st.just([]), options()),
        ("config", "keys"): st.tuples(st.just([]), options()),
    }

    @st.composite
    def build(draw):
        name = draw(st.sampled_from(sorted(per_command)))
        positional, named = draw(per_command[name])
        if draw(st.integers(0, 4)) == 0:
            named += ["--db", draw(DB)]
        extra = draw(st.lists(st.one_of(st.sampled_from(["--bogus", "-x", "--help", "--db", "--"]), JUNK), max_size=1))
        return [*name, *positional, *named, *extra]

    return build()


def dump(path: Path) -> list[str]:
    """Everything the database holds, as SQL."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return list(conn.iterdump())


@pytest.fixture(scope="module")
def template():
    """A folder with the files to name and a template database: a planned meeting and a locked, approved one."""
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        make_files(folder)
        path = folder / "skabelon.db"
        make_database(path)
        db = open_database(path)
        approve_final(db, save_meeting(db, sample_meeting()))
        db.close()
        yield path


def run_on_a_copy(template: Path, args: list[str]):
    """Run the command on a fresh copy of the template; returns (result, dump before, dump after)."""
    db_path = template.with_name("fuzz.db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, db_path)
    before = dump(db_path)
    args = [arg.replace(HERE, str(template.parent)) for arg in args]
    with chdir(template.parent):  # relative paths the fuzzer makes up land in the test's folder
        result = runner.invoke(app, args, env={"REFERAT_DB": str(db_path)})
    return result, before, dump(db_path)


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(args=command())
def test_any_arguments_give_a_sentence_not_a_traceback(template, args):
    result, before, after = run_on_a_copy(template, args)
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
    assert "Traceback" not in result.output
    partly_imported = args[0] == "import" and re.search(r"^Indlæst: [1-9]", result.output, re.MULTILINE)
    if result.exit_code != 0 and not partly_imported:
        assert after == before, (args, result.output)


@pytest.mark.parametrize(
    "args",
    [
        ["run", "999"],
        ["run", "abc"],
        ["run"],
        ["run", "1", "--db", HERE],
        ["run", "1", "--db", f"{HERE}/binær.bin"],
        ["run", "99999999999999999999"],
        ["demo", "--db", HERE],
        ["demo", "--db", f"{HERE}/ingen-mappe/demo.db"],
        ["demo", "--bogus"],
        ["chair", "999"],
        ["chair", "abc"],
        ["chair"],
        ["chair", "1", "--db", HERE],
        ["chair", "1", "--db", f"{HERE}/binær.bin"],
        ["chair", "1", "--db", f"{HERE}/ingen-mappe/ny.db"],
        ["chair", "99999999999999999999"],
        ["chair", "--bogus"],
    ],
)
def test_the_tui_commands_refuse_bad_arguments_before_the_tui_starts(template, args):
    result, before, after = run_on_a_copy(template, args)
    assert result.exit_code in (1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert after == before


# --- what the fuzzer found ------------------------------------------------------------


@pytest.mark.parametrize(
    "args", [["close", "99999999999999999999"], ["log", "99999999999999999999"], ["export", "99999999999999999999"]]
)
def test_an_id_beyond_sqlite_integers_is_one_sentence(template, args):
    result, before, after = run_on_a_copy(template, args)
    assert result.exit_code == 1 and "intet møde har så højt et id" in result.stderr
    assert after == before


@needs_referat
def test_the_real_process_prints_no_traceback(template):
    db_path = template.with_name("proces.db")
    shutil.copy(template, db_path)
    done = subprocess.run(
        [str(REFERAT), "close", "99999999999999999999", "--db", str(db_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr == "Fejl: Tallet er for stort; intet møde har så højt et id.\n"
