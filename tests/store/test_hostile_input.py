"""Hostile input that once crashed or was accepted: odd item numbers, deep TOML, empty names (issue 14.10)."""

from __future__ import annotations

import dataclasses
import json

import pytest
from tui_support import small_meeting
from typer.testing import CliRunner

from cli import app
from store.committees import list_committees
from store.db import open_database
from store.meetings import load_meeting, save_meeting
from store.model import Item
from tui.app import ReferatApp

runner = CliRunner()


def cli(db_path, *args: str):
    return runner.invoke(app, [*args, "--db", str(db_path)])


@pytest.fixture
def superscript(db_path) -> int:
    """A meeting whose second item is numbered '²' (as a Markdown referat's footnote mark can be read)."""
    meeting = small_meeting()
    meeting = dataclasses.replace(meeting, items=[meeting.items[0], Item("²", "Meddelelser"), *meeting.items[2:]])
    db = open_database(db_path)
    try:
        return save_meeting(db, meeting)
    finally:
        db.close()


def test_an_item_numbered_superscript_two_exports_as_json_and_with_all(superscript, db_path, tmp_path):
    result = cli(db_path, "export", str(superscript), "--format", "json")
    assert result.exit_code == 0, result.output
    assert [item["number"] for item in json.loads(result.stdout)["items"]][:3] == [1, "²", 3]
    every = cli(db_path, "export", "--all", "--format", "json", "-o", str(tmp_path / "ud"))
    assert every.exit_code == 0, every.output
    markdown = cli(db_path, "export", "--all", "-o", str(tmp_path / "md"))
    assert markdown.exit_code == 0, markdown.output


async def test_a_hastesag_after_an_item_numbered_superscript_two(superscript, db_path):
    app = ReferatApp(db_path, superscript)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Ny sag", "enter")
        await pilot.pause()
    db = open_database(db_path)
    try:
        last = load_meeting(db, superscript).items[-1]
    finally:
        db.close()
    assert (last.number, last.title) == ("6", "Ny sag")


def roster_file(tmp_path, text: str):
    path = tmp_path / "roster.toml"
    path.write_text(text, encoding="utf-8")
    return path


def refused(db_path, path, says: str) -> None:
    result = cli(db_path, "committee", "import", str(path))
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("Fejl: ") and says in result.stderr, result.stderr
    assert list_committees(open_database(db_path)) == []


def test_a_roster_nested_a_thousand_deep_is_one_danish_sentence(db_path, tmp_path):
    refused(db_path, roster_file(tmp_path, "x = " + "[" * 1000 + "]" * 1000 + "\n"), "indlejret for dybt")


HEAD = '[committee]\nname = "Arbejdsmarkedsudvalget"\n'
MEMBER = '[[members]]\nname = "Ida Holm"\nparty = "A"\n'


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('[committee]\nname = "   "\n', "mangler [committee] med et navn"),
        ('[committee]\nname = ""\n', "mangler [committee] med et navn"),
        (HEAD + 'vocabulary = ["Godkendt", " "]\n', "tom beslutningsformulering"),
        (HEAD + '[[members]]\nname = ""\n', "hvert medlem skal have et navn"),
        (HEAD + '[[members]]\nname = "  "\n', "hvert medlem skal have et navn"),
        (
            HEAD + MEMBER + '[[substitutes]]\nname = "Ole Bo"\nsubstitute_for = "Ingen Sinde"\n',
            "Ole Bo er stedfortræder for 'Ingen Sinde', som ikke er medlem af udvalget",
        ),
        (
            HEAD + MEMBER + '[[substitutes]]\nname = "Ole Bo"\nsubstitute_for = ""\n',
            "Ole Bo er stedfortræder for '', som ikke er medlem af udvalget",
        ),
    ],
)
def test_a_roster_with_an_empty_name_or_a_seat_of_nobody_is_refused(db_path, tmp_path, text, says):
    refused(db_path, roster_file(tmp_path, text), says)


def test_a_substitute_for_a_member_of_the_roster_is_accepted(db_path, tmp_path):
    text = HEAD + MEMBER + '[[substitutes]]\nname = "Ole Bo"\nsubstitute_for = "ida holm"\n'
    result = cli(db_path, "committee", "import", str(roster_file(tmp_path, text)))
    assert result.exit_code == 0, result.output
