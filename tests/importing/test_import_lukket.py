"""Lukket items: every marker a Danish dagsorden uses closes the item, and a doubt closes it too (and says so).

A wrongly closed item costs the secretary a click; a wrongly opened one publishes what the law keeps closed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from store.document_import import import_meeting
from store.export_markdown import render_markdown
from store.importing import parse_file, parse_text, read_file, read_text
from store.meetings import load_meeting, save_meeting
from store.model import (
    APPROVED,
    CLOSED_PREFIX_CONTENTS,
    CLOSED_PREFIX_HEADING,
    CLOSED_PREFIX_NONE,
    CLOSED_PREFIX_PLACES,
    LAYOUT_PREFIXED_MARKER_TITLE,
    Meeting,
)

DATA = Path(__file__).parents[1] / "data" / "import"

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


# Where each document marks its lukket item (the number given): the export writes 'Lukket: ' there.
SYNTHETIC_FORMS = [
    ("syn-lukket-kun-indholdsfortegnelse.txt", "3", CLOSED_PREFIX_CONTENTS, None),  # 'Lukket: …' in the contents only
    ("syn-lukket-kun-overskrift.txt", "3", CLOSED_PREFIX_HEADING, None),  # over the item only, plain in the contents
    ("syn-lukket-sag-linje.txt", "3", CLOSED_PREFIX_NONE, None),  # a 'Lukket sag' line; the title plain everywhere
    ("syn-lukkede-punkter-referat.txt", "3", CLOSED_PREFIX_CONTENTS, None),  # a 'Lukkede punkter' heading, no contents
    ("syn-lukket-efter-titel.txt", "3", None, " (Lukket)"),  # '… (Lukket)' in the contents and over the item
]
REAL_FORMS = [
    ("herlev-arbejdsmarkedsudvalget-2022-10-26.md", "69", None, None),  # 'Lukket: Tjeklister' in contents and heading
    ("taarnby-abu-2015-05-19.txt", "2", None, " - LUKKET SAG"),  # '… - LUKKET SAG' in contents and heading
]
# (the contents entry is marked, the heading is marked) for each place
SHOWN = {
    None: (True, True),
    CLOSED_PREFIX_CONTENTS: (True, False),
    CLOSED_PREFIX_HEADING: (False, True),
    CLOSED_PREFIX_NONE: (False, False),
}


def marks(markdown: str, number: str, marker: str | None) -> tuple[bool, bool]:
    """Whether item `number`'s contents entry and its heading carry the lukket marker in an export:
    'Lukket: ' before the title, or `marker` after it."""

    def marked(lead: str) -> bool:
        line = next(line for line in markdown.splitlines() if line.startswith(lead))
        return line.endswith(marker) if marker else line.startswith(lead + "Lukket: ")

    return marked(f"- Punkt {number}: "), marked(f"# Punkt {number}: ")


def assert_marked_where_the_source_had_it(meeting: Meeting, number: str, place: str | None, marker=None) -> None:
    """The place and marker are read; both editions mark the title there, and export → import → export is exact."""
    assert (meeting.closed_prefix, meeting.closed_marker) == (place, marker)
    item = next(item for item in meeting.items if item.number == number)
    assert not item.public
    for public in (False, True):
        first = render_markdown(meeting, public=public)
        assert marks(first, number, marker) == SHOWN[place]
        again = parse_text(first, "eksport.md")
        assert (again.closed_prefix, again.closed_marker) == (place, None if place == CLOSED_PREFIX_NONE else marker)
        assert next(i for i in again.items if i.number == number).title == item.title
        assert render_markdown(again, public=public) == first


@pytest.mark.parametrize(("name", "number", "place", "marker"), SYNTHETIC_FORMS)
def test_the_lukket_marker_stands_where_the_document_had_it(name, number, place, marker):
    imported = read_file(DATA / name)
    assert imported.notes == []
    assert next(
        item for item in imported.meeting.items if item.number == number
    ).title == "Salg af grund på Havnevej" or (name == "syn-lukkede-punkter-referat.txt")
    assert_marked_where_the_source_had_it(imported.meeting, number, place, marker)
    assert "4,2 mio" not in render_markdown(imported.meeting, public=True)


@pytest.mark.parametrize(("name", "number", "place", "marker"), REAL_FORMS)
def test_the_real_referater_keep_their_lukket_marks(shared_referater, name, number, place, marker):
    meeting = parse_file(shared_referater / name)
    meeting.committee = meeting.committee or "Beskæftigelsesudvalget"
    assert_marked_where_the_source_had_it(meeting, number, place, marker)


def test_an_item_marked_lukket_only_in_the_contents_is_lukket():
    """'3. Lukket: Salg af grund …' in the indholdsfortegnelse, '3. Salg af grund …' over a plain item."""
    text = (DATA / "syn-lukket-kun-indholdsfortegnelse.txt").read_text(encoding="utf-8")
    assert "\n3. Salg af grund på Havnevej\nSagsfremstilling" in text  # no marker over the item
    items = read_text(text, "toc.txt").meeting.items
    assert [(item.number, item.public) for item in items] == [("1", True), ("2", True), ("3", False), ("4", True)]


@pytest.mark.parametrize("marker", [None, " - LUKKET SAG", " (Lukket)", " [lukket punkt]"])
@pytest.mark.parametrize("place", [None, *CLOSED_PREFIX_PLACES])
def test_a_tui_meeting_and_every_place_round_trip(place, marker):
    """A meeting recorded in the TUI has neither (None): 'Lukket: ' in the contents and over the item."""
    meeting = read_text(agenda("2. Lukket: Salg af grund"), "lukket.txt").meeting
    meeting.closed_prefix, meeting.closed_marker = place, marker
    assert_marked_where_the_source_had_it(meeting, "2", place, marker)
    meeting.items[1].title = "Salg af grund - Lukket møde"  # a title ending as a marker does stays whole
    assert_marked_where_the_source_had_it(meeting, "2", place, marker)
    meeting.items[1].title_confidential = True
    public = render_markdown(meeting, public=True)
    assert render_markdown(parse_text(public, "offentlig.md"), public=True) == public
    assert "Salg af grund" not in public and SECRET not in public
    assert "- Punkt 2: Lukket punkt" in public and "# Punkt 2: Lukket punkt" in public


@pytest.mark.parametrize(("name", "number", "place", "marker"), SYNTHETIC_FORMS)
def test_the_place_and_marker_are_kept_by_the_store(db, name, number, place, marker):
    meeting = read_file(DATA / name).meeting
    saved = load_meeting(db, save_meeting(db, meeting, source=name))
    assert (saved.closed_prefix, saved.closed_marker) == (place, marker)
    assert render_markdown(saved, public=False) == render_markdown(meeting, public=False)
    planned = save_meeting(db, Meeting(committee=meeting.committee or "Økonomiudvalget", date=meeting.date))
    import_meeting(db, planned, meeting, source=name)
    assert (load_meeting(db, planned).closed_prefix, load_meeting(db, planned).closed_marker) == (place, marker)


def test_a_title_that_only_says_lukket_is_written_as_the_document_wrote_it(shared_referater):
    """Gribskov's '6. Lukket punkt' is 'Punkt 6: Lukket punkt', not 'Punkt 6: Lukket: Lukket punkt'."""
    meeting = parse_file(shared_referater / "gribskov-fi-2018-04-30.txt")
    meeting.committee = "Forebyggelse og Idræt"
    for public in (False, True):
        first = render_markdown(meeting, public=public)
        assert "- Punkt 6: Lukket punkt\n" in first and "\n# Punkt 6: Lukket punkt\n" in first
        assert "Lukket: Lukket punkt" not in first
        again = parse_text(first, "eksport.md")
        assert (again.items[-1].title, again.items[-1].public, again.layout) == ("Lukket punkt", False, None)
        assert render_markdown(again, public=public) == first


def test_a_referat_sealed_before_keeps_lukket_lukket_punkt(db, shared_referater):
    """An approved referat keeps the layout of its seal: one sealed in the layout before still says 'Lukket: Lukket punkt'."""
    meeting = parse_file(shared_referater / "gribskov-fi-2018-04-30.txt")
    meeting.committee, meeting.status = "Forebyggelse og Idræt", APPROVED
    new = render_markdown(load_meeting(db, save_meeting(db, meeting)), public=False)
    assert "# Punkt 6: Lukket punkt\n" in new
    meeting.layout, meeting.date = LAYOUT_PREFIXED_MARKER_TITLE, None  # another meeting, sealed in layout 2
    sealed = load_meeting(db, save_meeting(db, meeting))
    old = render_markdown(sealed, public=False)
    assert "- Punkt 6: Lukket: Lukket punkt\n" in old and "# Punkt 6: Lukket: Lukket punkt\n" in old
    again = parse_text(old, "eksport.md")
    assert again.layout == LAYOUT_PREFIXED_MARKER_TITLE
    assert render_markdown(again, public=False) == old
