"""Full-text search over the real referater, kept in step by the database triggers."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from tui_support import small_meeting
from typer.testing import CliRunner

from cli import app
from store.decisions import set_decision_text
from store.importing import parse_file
from store.meetings import save_meeting
from store.search import match_expression, search, snippet_parts

runner = CliRunner()
HERLEV = "herlev-arbejdsmarkedsudvalget-2022-10-26.md"
HVIDOVRE = "hvidovre-arbejdsmarkedsudvalget-2017-05-29.txt"


@pytest.fixture
def referater(db, shared_referater) -> dict[str, int]:
    """Both real referater saved, each under its own committee; meeting ids by municipality."""
    return {
        "Herlev": save_meeting(db, parse_file(shared_referater / HERLEV), committee="AMU Herlev"),
        "Hvidovre": save_meeting(db, parse_file(shared_referater / HVIDOVRE), committee="AMU Hvidovre"),
    }


def hit_keys(hits: list[dict]) -> set[tuple[int, str]]:
    return {(hit["meeting_id"], hit["number"]) for hit in hits}


def test_prefix_finds_the_longer_word(db, referater):
    hits = search(db, "kontanthjælp")
    assert (referater["Hvidovre"], "6") in hit_keys(hits)
    top = hits[0]
    assert (top["meeting_id"], top["number"]) == (referater["Hvidovre"], "6")
    assert top["date"] == "2017-05-29" and top["committee"] == "AMU Hvidovre"
    assert top["title"] == "Orientering om omfanget af borgere ramt af kontanthjælpsloftet"
    assert "[" in top["snippet"] and "]" in top["snippet"]
    assert "kontanthjælps" in top["snippet"].lower()


def test_every_word_must_match(db, referater):
    both = search(db, "kontanthjælp loftet")
    assert all(hit["meeting_id"] == referater["Hvidovre"] for hit in both)
    assert search(db, "kontanthjælp ukrainske") == []


def test_danish_letters_are_case_folded_but_not_stripped(db, referater):
    upper = hit_keys(search(db, "ÅBENT"))
    assert (referater["Herlev"], "70") in upper
    assert upper == hit_keys(search(db, "åbent"))
    assert search(db, "abent") == []


def test_filters_by_committee_and_date(db, referater):
    assert {hit["meeting_id"] for hit in search(db, "jobcamp")} == set(referater.values())
    assert {hit["meeting_id"] for hit in search(db, "jobcamp", committee="AMU Herlev")} == {referater["Herlev"]}
    since = search(db, "jobcamp", since=dt.date(2020, 1, 1))
    until = search(db, "jobcamp", until=dt.date(2020, 1, 1))
    assert {hit["meeting_id"] for hit in since} == {referater["Herlev"]}
    assert {hit["meeting_id"] for hit in until} == {referater["Hvidovre"]}


def test_public_only_never_returns_lukket_items(db, referater):
    # Herlev item 72 (Eventuelt) is lukket; its beslutning mentions JobCamp 2022.
    assert (referater["Herlev"], "72") in hit_keys(search(db, "jobcamp"))
    public = search(db, "jobcamp", public_only=True)
    assert (referater["Herlev"], "72") not in hit_keys(public)
    lukket = {
        row["number"]
        for row in db.query("SELECT number FROM items WHERE meeting_id = ? AND public = 0", [referater["Herlev"]])
    }
    assert lukket == {"69", "71", "72"}
    for word in ("tjeklister", "lukket", "eventuelt", "jobcamp"):
        assert not {(referater["Herlev"], number) for number in lukket} & hit_keys(search(db, word, public_only=True))


def test_triggers_keep_the_index_in_step(db, referater):
    item_id = db.execute(
        "SELECT id FROM items WHERE meeting_id = ? AND number = '11'", [referater["Hvidovre"]]
    ).fetchone()[0]
    assert search(db, "kaffeordningen") == []
    set_decision_text(db, item_id, "Udvalget drøftede kaffeordningen.")
    assert hit_keys(search(db, "kaffeordning")) == {(referater["Hvidovre"], "11")}
    set_decision_text(db, item_id, "Intet.")
    assert search(db, "kaffeordning") == []
    db.execute("UPDATE items SET title = ? WHERE id = ?", ["Eventuelt og kaffeordning", item_id])
    assert hit_keys(search(db, "kaffeordning")) == {(referater["Hvidovre"], "11")}


def test_a_query_without_words_is_refused():
    assert match_expression('kontant "hjælp') == '"kontant"* "hjælp"*'
    with pytest.raises(ValueError, match="mindst ét ord"):
        match_expression(" * - ")


def test_cli_json_and_text(db, db_path, referater):
    result = runner.invoke(
        app, ["search", "kontanthjælp", "--committee", "AMU Hvidovre", "--json", "--db", str(db_path)]
    )
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    assert hits[0]["number"] == "6" and hits[0]["meeting_id"] == referater["Hvidovre"]
    text = runner.invoke(app, ["search", "ukrainske", "--public-only", "--since", "2020-01-01", "--db", str(db_path)])
    assert text.exit_code == 0, text.output
    assert text.output.startswith("Onsdag den 26. oktober 2022 · AMU Herlev (Herlev Kommune) · møde")
    assert "punkt 67: Indsats i forhold til ukrainske flygtninge" in text.output
    assert "[ukrainske]" in text.output.lower()
    empty = runner.invoke(app, ["search", "?!", "--db", str(db_path)])
    assert empty.exit_code == 1 and empty.output == "Fejl: Søgningen skal indeholde mindst ét ord.\n"


def test_snippet_parts_split_at_the_marks_not_at_brackets_in_the_text(db):
    save_meeting(db, small_meeting())
    marks = ("\ue000", "\ue001")
    (hit,) = search(db, "flere", marks=marks)
    parts = snippet_parts(hit["snippet"], marks)
    assert parts == [("Beslutning om projektet [", False), ("Flere", True), (" skal med]", False)]
    assert hit["municipality"] == "Hvidovre Kommune" and hit["item_id"] > 0
