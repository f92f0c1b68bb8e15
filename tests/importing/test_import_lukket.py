"""Lukket items: every marker a Danish dagsorden uses closes the item, and a doubt closes it too (and says so).

A wrongly closed item costs the secretary a click; a wrongly opened one publishes what the law keeps closed.
"""

from __future__ import annotations

import pytest

from store.export_markdown import render_markdown
from store.importing import read_text

HEAD = "Referat - Økonomiudvalget den 3. marts 2022\n\n"
SECRET = "Købesummen er hemmelig og må ikke offentliggøres"


def agenda(second_heading: str, under_title: str = "") -> str:
    return (
        HEAD
        + "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n"
        + f"{second_heading}\n"
        + (f"{under_title}\n" if under_title else "")
        + "\n"
        + f"Sagsfremstilling\n\n{SECRET}.\n\nBeslutning\n\nGodkendt.\n\n"
        + "3. Eventuelt\n\nBeslutning\n\nIntet.\n"
    )


MARKED = [
    "2. Salg af grund [Lukket]",
    "2. Salg af grund [LUKKET]",
    "2. Salg af grund (Lukket)",
    "2. Salg af grund (fortroligt)",
    "2. Salg af grund (Fortrolig)",
    "2. Salg af grund (Lukket møde)",
    "2. Salg af grund (lukket dagsordenspunkt)",
    "2. Salg af grund Lukket for offentligheden",
    "2. Salg af grund - LUKKET SAG",
    "2. Lukket: Salg af grund",
    "2. [Lukket] Salg af grund",
    "Punkt 2: Salg af grund (Lukket)",
]


@pytest.mark.parametrize("heading", MARKED)
def test_a_marked_title_makes_the_item_lukket_and_loses_its_marker(heading):
    imported = read_text(agenda(heading), "lukket.txt")
    items = {item.number: item for item in imported.meeting.items}
    assert list(items) == ["1", "2", "3"]
    assert items["2"].public is False
    assert items["2"].title == "Salg af grund"
    assert items["1"].public and items["3"].public
    assert imported.notes == []
    assert SECRET not in render_markdown(imported.meeting, public=True)


@pytest.mark.parametrize("title", ["Lukket punkt", "Fortroligt punkt", "Lukket sag"])
def test_a_title_that_is_only_a_marker_stays_and_is_lukket(title):
    items = read_text(agenda(f"2. {title}"), "lukket.txt").meeting.items
    assert (items[1].number, items[1].title, items[1].public) == ("2", title, False)


@pytest.mark.parametrize("line", ["Fortroligt punkt", "Lukket punkt", "Lukket sag", "Lukket for offentligheden"])
def test_a_marker_line_under_the_title_closes_the_item_without_merging_it(line):
    meeting = read_text(agenda("2. Salg af grund", under_title=line), "lukket.txt").meeting
    assert [(i.number, i.title, i.public) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden", True),
        ("2", "Salg af grund", False),
        ("3", "Eventuelt", True),
    ]
    assert SECRET not in render_markdown(meeting, public=True)


@pytest.mark.parametrize("heading", ["2. Lukket afdeling på Solhjem", "2. Fortrolighed i sagsbehandlingen"])
def test_a_title_that_names_lukket_without_a_marker_is_lukket_and_the_import_says_so(heading):
    imported = read_text(agenda(heading), "tvivl.txt")
    item = imported.meeting.items[1]
    assert item.public is False
    assert item.title == heading[3:]
    assert len(imported.notes) == 1 and "Punkt 2 er indlæst som lukket" in imported.notes[0]


@pytest.mark.parametrize("heading", ["2. Åben skole i Nordby", "2. Lukkeloven og butikkerne", "2. Salg af grund"])
def test_an_open_title_stays_open(heading):
    imported = read_text(agenda(heading), "åben.txt")
    assert imported.meeting.items[1].public is True
    assert imported.notes == []


def test_the_import_command_prints_the_doubt(tmp_path):
    from typer.testing import CliRunner

    from cli import app

    path = tmp_path / "tvivl.txt"
    path.write_text(agenda("2. Lukket afdeling på Solhjem"), encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(path), "--db", str(tmp_path / "r.db")])
    assert result.exit_code == 0, result.output
    assert "Bemærk: tvivl.txt: Punkt 2 er indlæst som lukket" in result.output
    assert any(line.strip().isdigit() for line in result.output.splitlines())
