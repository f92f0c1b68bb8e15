"""The settings file: where it is, what is in force, a broken file, the keymap in the TUI, the theme's move."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from tui_support import make_database, notifications, screen_text
from typer.testing import CliRunner

from cli import app as cli_app
from store import paths
from store.config import config_path, load
from store.db import get_row, open_database
from tui.app import ReferatApp
from tui.modals.help import HelpScreen
from tui.widgets.key_bar import KeyBar

runner = CliRunner()
MIGRATIONS = Path(__file__).parents[1] / "data" / "migrations"


def write_settings(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def meeting(tmp_path):
    path = tmp_path / "referat.db"
    return path, make_database(path)


def test_config_path_is_the_platform_config_folder_unless_referat_config_says(monkeypatch, private_home):
    result = runner.invoke(cli_app, ["config", "path"])
    assert result.exit_code == 0 and result.stdout.strip() == str(config_path())
    monkeypatch.delenv("REFERAT_CONFIG")
    result = runner.invoke(cli_app, ["config", "path"])
    assert result.stdout.strip() == str(private_home / "config" / "referat" / "config.toml")


def test_config_show_says_where_each_value_comes_from(monkeypatch, tmp_path, private_home):
    write_settings(f'theme = "nord"\nexport_folder = "{tmp_path / "ud"}"\n\n[keys]\nagenda = ["alt+d", "f3"]\n')
    monkeypatch.setenv("REFERAT_KEEP_BACKUPS", "4")
    result = runner.invoke(cli_app, ["config", "show"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert 'theme = "nord"  # fra filen' in lines
    assert f'export_folder = "{tmp_path / "ud"}"  # fra filen' in lines
    assert "keep_backups = 4  # fra $REFERAT_KEEP_BACKUPS" in lines
    assert f'database = "{private_home / "data" / "referat" / "referat.db"}"  # standard' in lines
    assert f'backup_folder = "{private_home / "data" / "referat" / "sikkerhedskopier"}"  # standard' in lines
    assert 'export_edition = "fuld"  # standard' in lines
    assert 'agenda = "alt+d,f3"' in lines


def test_the_settings_database_is_the_default_and_referat_db_overrides_it(monkeypatch, tmp_path):
    write_settings(f'database = "{tmp_path / "arkiv.db"}"\n')
    assert paths.database_path() == tmp_path / "arkiv.db"
    monkeypatch.setenv("REFERAT_DB", str(tmp_path / "ci.db"))
    assert paths.database_path() == tmp_path / "ci.db"


def test_config_keys_lists_every_binding_id_with_the_key_in_force():
    write_settings('[keys]\nagenda = "alt+d"\nnonsense = "x"\n')
    result = runner.invoke(cli_app, ["config", "keys"])
    assert result.exit_code == 0
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines()[1:]}
    assert rows["agenda"][:3] == ["agenda", "alt+d", "f3"]
    assert rows["open_meeting"][:3] == ["open_meeting", "o", "o"]
    assert {"present", "free_text", "take_over", "search_close"} <= rows.keys()
    assert "linje 3 ('keys.nonsense'): ingen handling har dette id" in result.stderr


def test_a_broken_file_is_one_sentence_naming_line_and_key_and_the_defaults_apply():
    write_settings('theme = "nord"\nkeep_backups = = 3\n')
    settings = load()
    assert settings.theme is None and settings.keep_backups == 10
    assert len(settings.problems) == 1
    assert settings.problems[0] == (
        f"Indstillingsfilen {config_path()} kan ikke læses: linje 2 ('keep_backups') "
        "er ikke gyldig TOML; referat bruger standardindstillingerne."
    )


def test_a_wrong_value_names_its_line_and_key_and_the_rest_is_used():
    write_settings('theme = "nord"\n\nkeep_backups = "mange"\nexport_edition = "hemmelig"\nfarve = 1\n')
    settings = load()
    assert settings.theme == "nord" and settings.keep_backups == 10 and settings.export_edition == "fuld"
    assert settings.problems == (
        f"Indstillingsfilen {config_path()}, linje 3 ('keep_backups'): skal være et helt tal fra 1 og op; "
        "standardværdien bruges.",
        f'Indstillingsfilen {config_path()}, linje 4 (\'export_edition\'): skal være "fuld" eller "offentlig"; '
        "standardværdien bruges.",
        f"Indstillingsfilen {config_path()}, linje 5 ('farve'): kendes ikke; linjen bruges ikke.",
    )
    result = runner.invoke(cli_app, ["config", "show"])
    assert result.exit_code == 0 and "Advarsel: Indstillingsfilen" in result.stderr


async def test_the_app_starts_with_the_defaults_on_a_broken_file_and_says_so(meeting):
    path, meeting_id = meeting
    write_settings('theme = "nord"\n[keys\nagenda = "alt+d"\n')
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme != "nord"
        assert "linje 2 er ikke gyldig TOML; referat bruger standardindstillingerne." in notifications(app)
        await pilot.press("f3")
        await pilot.pause()
        assert app.current_mode == "dagsorden"


async def test_a_remapped_key_works_and_is_shown_in_help_and_the_key_line(meeting):
    path, meeting_id = meeting
    write_settings('[keys]\n# F-tasterne kræver Fn på denne bærbare\nagenda = "alt+d"\nopen_meeting = "ctrl+o"\n')
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert "^o Åbn mødet" in app.screen.query_one(KeyBar).render().plain
        await pilot.press("f3")
        await pilot.pause()
        assert app.current_mode == "fremmode"  # F3 no longer shows Dagsorden
        await pilot.press("alt+d")
        await pilot.pause()
        assert app.current_mode == "dagsorden"
        await pilot.press("o")
        await pilot.pause()
        assert get_row(open_database(path), "meetings", meeting_id)["status"] == "planlagt"
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert get_row(open_database(path), "meetings", meeting_id)["status"] == "åbnet"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = {description: key for key, description in app.screen.rows}
        assert keys["Dagsorden"] == "Alt+D" and keys["Fremmøde"] == "F2"
        assert "alt+d  Dagsorden" in screen_text(app)  # the top bar names the rebound key
        assert "Indstillingsfilen" not in notifications(app)


async def test_an_unknown_or_clashing_key_entry_is_named_and_the_rest_applies(meeting):
    path, meeting_id = meeting
    write_settings('[keys]\nagenda = "alt+d"\nagendaa = "alt+4"\nreferat = "o"\n')
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        messages = notifications(app)
        assert "linje 3 ('keys.agendaa'): ingen handling har dette id" in messages
        assert "linje 4 ('keys.referat'): tasten o bruges allerede til noget andet; standardtasten bruges." in messages
        await pilot.press("alt+d")
        await pilot.pause()
        assert app.current_mode == "dagsorden"
        await pilot.press("f4")
        await pilot.pause()
        assert app.current_mode == "referat"  # the clashing entry was left out: F4 still shows Referat
        await pilot.press("o")
        await pilot.pause()
        assert get_row(open_database(path), "meetings", meeting_id)["status"] == "åbnet"


def test_the_theme_moves_from_the_database_into_the_settings_file_once(tmp_path):
    copy = tmp_path / "old.db"
    shutil.copy(MIGRATIONS / "schema_v1.db", copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('tui.theme', 'dracula')")
    conn.close()
    write_settings("# mine indstillinger\n")
    db = open_database(copy)
    assert db.execute("SELECT count(*) FROM settings WHERE key = 'tui.theme'").fetchone()[0] == 0
    assert load().theme == "dracula" and load().sources["theme"] == "fil"
    assert config_path().read_text(encoding="utf-8").startswith("# mine indstillinger\n")


def test_a_theme_already_in_the_file_wins_over_the_databases(tmp_path):
    copy = tmp_path / "old.db"
    shutil.copy(MIGRATIONS / "schema_v1.db", copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('tui.theme', 'dracula')")
    conn.close()
    write_settings('theme = "nord"\n')
    open_database(copy)
    assert load().theme == "nord"
