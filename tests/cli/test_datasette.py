"""`referat datasette-metadata`: Datasette shows the tables with Danish titles, hides the internal ones, and searches."""

from __future__ import annotations

import json

import pytest
import sqlite_utils
from datasette.app import Datasette
from typer.testing import CliRunner

from cli import app
from store.datasette import TABLES, datasette_metadata

runner = CliRunner()
HVIDOVRE = "hvidovre-arbejdsmarkedsudvalget-2017-05-29.txt"
INTERNAL = {
    "_sqlite_migrations",
    "settings",
    "search_items",
    "recorders",
    "drafts",
    "search_items_fts",
    "search_items_fts_data",
    "search_items_fts_idx",
    "search_items_fts_docsize",
    "search_items_fts_config",
}


@pytest.fixture
def served(shared_referater, db_path, tmp_path) -> Datasette:
    """The Hvidovre referat imported, metadata.json written by the command, both given to Datasette."""
    assert runner.invoke(app, ["import", str(shared_referater / HVIDOVRE), "--db", str(db_path)]).exit_code == 0
    metadata = tmp_path / "metadata.json"
    result = runner.invoke(app, ["datasette-metadata", "-o", str(metadata), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert f"datasette '{db_path}' -m '{metadata}'" in result.stdout
    return Datasette([str(db_path)], metadata=json.loads(metadata.read_text(encoding="utf-8")))


async def test_a_table_page_shows_the_danish_title_and_description(served):
    response = await served.client.get("/referat/meetings")
    assert response.status_code == 200
    assert "<h1>Møder</h1>" in response.text
    assert "status (planlagt, åbnet, hævet, godkendt)" in response.text


async def test_internal_tables_are_hidden_and_the_others_shown(served):
    tables = {table["name"]: table["hidden"] for table in (await served.client.get("/referat.json")).json()["tables"]}
    assert {name for name, hidden in tables.items() if hidden} == INTERNAL
    assert {name for name, hidden in tables.items() if not hidden} == set(TABLES)


async def test_the_items_search_box_finds_kontanthjaelp(served):
    page = await served.client.get("/referat/items")
    assert 'name="_search"' in page.text
    found = (await served.client.get("/referat/items.json?_search=kontanthjælp&_shape=objects")).json()["rows"]
    assert "Orientering om omfanget af borgere ramt af kontanthjælpsloftet" in [row["title"] for row in found]
    assert (await served.client.get("/referat/items.json?_search=xyzzyqq&_shape=objects")).json()["rows"] == []


async def test_references_show_their_label_column(served):
    page = await served.client.get("/referat/decisions")
    assert ">Godkendelse af dagsorden</a>" in page.text  # items.title instead of a bare item id


def test_every_named_table_and_column_exists_in_the_schema(db):
    tables = datasette_metadata(db)["databases"]["referat"]["tables"]
    db = sqlite_utils.Database(db)  # its table API: columns and foreign keys
    assert set(tables) == set(db.table_names())
    referenced = {fk.other_table for table in db.tables for fk in table.foreign_keys}
    for name, spec in tables.items():
        if spec.get("hidden"):
            continue
        columns = {column.name for column in db[name].columns}
        assert spec["title"] and spec["description"], name
        assert set(spec["sortable_columns"]) <= columns
        assert name not in referenced or spec["label_column"] in columns, name
    assert tables["items"]["fts_table"] in db.table_names()
