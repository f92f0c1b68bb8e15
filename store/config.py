"""The settings file: a TOML file in the platform's config folder, with environment overrides.

`load()` never fails: a missing file means the defaults; a broken file or a wrong value gives one
Danish sentence per problem (in `Settings.problems`, naming the line and the key) and the default for
what could not be read.  `save_value()` changes one value and keeps the file's comments and layout
(tomlkit).  Each setting can be overridden by an environment variable (for CI and scripts); the file's
own place by `$REFERAT_CONFIG`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from store.errors import StoreError
from store.paths import APP_NAME, data_dir

CONFIG_ENV = "REFERAT_CONFIG"
EDITIONS = ("fuld", "offentlig")  # the edition a ctrl+p export writes


@dataclass(frozen=True)
class Setting:
    """One top-level setting: its kind ('text', 'folder', 'file', 'edition', 'count') and environment variable."""

    name: str
    kind: str
    env: str
    help: str


SETTINGS = (
    Setting("theme", "text", "REFERAT_THEME", "Farvetema (skiftes med ctrl+p → Tema og huskes her)."),
    Setting("database", "file", "REFERAT_DB", "Databasen som kommandoerne bruger uden --db."),
    Setting("export_folder", "folder", "REFERAT_EXPORT_FOLDER", "Mappen eksporter fra ctrl+p og --all skrives til."),
    Setting("export_edition", "edition", "REFERAT_EXPORT_EDITION", "Udgaven ctrl+p eksporterer: fuld eller offentlig."),
    Setting("backup_folder", "folder", "REFERAT_BACKUP_FOLDER", "Mappen sikkerhedskopierne lægges i."),
    Setting("keep_backups", "count", "REFERAT_KEEP_BACKUPS", "Hvor mange automatiske sikkerhedskopier der gemmes."),
)
BY_NAME = {setting.name: setting for setting in SETTINGS}
KEYS_TABLE = "keys"


def config_path() -> Path:
    """`$REFERAT_CONFIG` if set, else config.toml in the user's config folder."""
    env = os.environ.get(CONFIG_ENV)
    return Path(env) if env else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def defaults() -> dict[str, object]:
    """Every setting's value when neither the file nor the environment sets it."""
    return {
        "theme": None,
        "database": data_dir() / "referat.db",
        "export_folder": Path(platformdirs.user_documents_dir()),
        "export_edition": "fuld",
        "backup_folder": data_dir() / "sikkerhedskopier",
        "keep_backups": 10,
    }


@dataclass(frozen=True)
class Settings:
    """The settings in force, where each came from, and what could not be read."""

    path: Path
    values: dict[str, object]
    sources: dict[str, str]  # name -> 'standard', 'fil' or the environment variable
    keys: dict[str, str] = field(default_factory=dict)  # binding id -> key(s), comma separated
    key_lines: dict[str, int] = field(default_factory=dict)  # binding id -> its line in the file
    problems: tuple[str, ...] = ()

    def __getattr__(self, name: str):
        """`settings.theme` for `settings.values["theme"]` (never for private names: unpickling asks for them)."""
        values = self.__dict__.get("values", {})
        if name.startswith("_") or name not in values:
            raise AttributeError(name)
        return values[name]

    def problem(self, binding_id: str, what: str, then: str = "standardtasten bruges") -> str:
        """The sentence for a `[keys]` entry the TUI cannot use (an unknown binding id, a clash)."""
        return _sentence(self.path, self.key_lines.get(binding_id), f"{KEYS_TABLE}.{binding_id}", what, then)


def _sentence(path: Path, line: int | None, key: str | None, what: str, then: str = "standardværdien bruges") -> str:
    where = f", linje {line}" if line else ""
    named = f" ('{key}')" if key else ""
    return f"Indstillingsfilen {path}{where}{named}: {what}; {then}."


def key_lines(text: str) -> dict[str, int]:
    """'name' or 'table.name' -> the line number (from 1) where the file assigns it."""
    lines: dict[str, int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if header := re.fullmatch(r"\[\s*([^\]]+?)\s*\]\s*(#.*)?", stripped):
            table = header.group(1).strip().strip("\"'") + "."
        elif assignment := re.match(r"""("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=""", stripped):
            lines.setdefault(table + assignment.group(1).strip("\"'"), number)
    return lines


def _convert(setting: Setting, raw: object) -> tuple[object, str | None]:
    """(value, None) or (None, what is wrong) for a raw value from the file or the environment."""
    if setting.kind == "count":
        if isinstance(raw, str) and raw.strip().isdigit():
            raw = int(raw)
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
            return None, "skal være et helt tal fra 1 og op"
        return raw, None
    if not isinstance(raw, str) or not raw.strip():
        return None, "skal være en tekst i anførselstegn"
    if setting.kind == "edition":
        if raw.strip().lower() not in EDITIONS:
            return None, 'skal være "fuld" eller "offentlig"'
        return raw.strip().lower(), None
    if setting.kind in ("folder", "file"):
        return Path(raw).expanduser(), None
    return raw.strip(), None


def _read_file(path: Path) -> tuple[dict, str, list[str]]:
    """(parsed table, text, problems) of the settings file; ({}, '', []) when there is none."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, "", []
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "filen er ikke UTF-8-tekst"
        return {}, "", [f"Indstillingsfilen {path} kan ikke læses ({reason}); referat bruger standardindstillingerne."]
    import tomllib  # only when there is a file: startup counts on meeting day

    try:
        return tomllib.loads(text), text, []
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"line (\d+)", str(error))
        line = int(found.group(1)) if found else None
        key = None
        if line and line <= len(text.splitlines()):
            named = re.match(r"\s*([^=\s]+)\s*=", text.splitlines()[line - 1])
            key = named.group(1) if named else None
        where = f" linje {line}" + (f" ('{key}')" if key else "") if line else " den"
        return (
            {},
            text,
            [
                f"Indstillingsfilen {path} kan ikke læses: {where.strip()} er ikke gyldig TOML; "
                "referat bruger standardindstillingerne."
            ],
        )


def load() -> Settings:
    """The settings in force: the defaults, overridden by the file, overridden by the environment."""
    path = config_path()
    table, text, problems = _read_file(path)
    lines = key_lines(text)
    values, sources = defaults(), dict.fromkeys(BY_NAME, "standard")
    for name, raw in table.items():
        if name == KEYS_TABLE:
            continue
        setting = BY_NAME.get(name)
        if setting is None:
            problems.append(_sentence(path, lines.get(name), name, "kendes ikke", "linjen bruges ikke"))
            continue
        value, wrong = _convert(setting, raw)
        if wrong:
            problems.append(_sentence(path, lines.get(name), name, wrong))
        else:
            values[name], sources[name] = value, "fil"
    for setting in SETTINGS:
        raw = os.environ.get(setting.env)
        if raw:
            value, wrong = _convert(setting, raw)
            if wrong:
                problems.append(f"Miljøvariablen {setting.env} {wrong}; den bruges ikke.")
            else:
                values[setting.name], sources[setting.name] = value, setting.env
    keys: dict[str, str] = {}
    raw_keys = table.get(KEYS_TABLE, {})
    if not isinstance(raw_keys, dict):
        problems.append(_sentence(path, lines.get(KEYS_TABLE), KEYS_TABLE, "skal være en tabel: [keys]"))
        raw_keys = {}
    for binding_id, raw in raw_keys.items():
        if isinstance(raw, list) and raw and all(isinstance(key, str) and key.strip() for key in raw):
            keys[binding_id] = ",".join(key.strip() for key in raw)
        elif isinstance(raw, str) and raw.strip():
            keys[binding_id] = ",".join(key.strip() for key in raw.split(",") if key.strip())
        else:
            line = lines.get(f"{KEYS_TABLE}.{binding_id}")
            problems.append(
                _sentence(
                    path,
                    line,
                    f"{KEYS_TABLE}.{binding_id}",
                    'skal være en tast i anførselstegn, fx "ctrl+1", eller en liste af taster',
                )
            )
    key_line_map = {name.split(".", 1)[1]: line for name, line in lines.items() if name.startswith(KEYS_TABLE + ".")}
    return Settings(path, values, sources, keys, key_line_map, tuple(problems))


def save_value(name: str, value: object) -> Path:
    """Set one top-level setting in the file (created if missing), keeping its comments; returns the file.

    Raises StoreError (one Danish sentence) when the file cannot be read as TOML or written.
    """
    import tomlkit

    path = config_path()
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        document = tomlkit.parse(text)
    except (OSError, UnicodeDecodeError, tomlkit.exceptions.ParseError) as error:
        raise StoreError(f"Indstillingsfilen {path} kan ikke læses, så {name} er ikke gemt.") from error
    document[name] = str(value) if isinstance(value, Path) else value  # tomlkit puts a new key before the tables
    rendered = tomlkit.dumps(document)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".ny")
        temporary.write_text(rendered, encoding="utf-8")
        temporary.replace(path)
    except OSError as error:
        raise StoreError(f"Indstillingsfilen {path} kan ikke skrives ({error.strerror or error}).") from error
    return path


def render(settings: Settings) -> str:
    """The settings in force as TOML, each with where it came from (`referat config show`)."""
    out = []
    for setting in SETTINGS:
        value = settings.values[setting.name]
        source = settings.sources[setting.name]
        origin = {"standard": "standard", "fil": "fra filen"}.get(source, f"fra ${source}")
        if value is None:
            out.append(f"# {setting.name} er ikke sat ({origin}): {setting.help}")
            continue
        shown = value if isinstance(value, int) else '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
        out.append(f"{setting.name} = {shown}  # {origin}")
    out.append("")
    out.append(f"[{KEYS_TABLE}]")
    if not settings.keys:
        out.append("# ingen taster er ændret (alle kan ses med 'referat config keys')")
    for binding_id, keys in settings.keys.items():
        out.append(f'{binding_id} = "{keys}"')
    return "\n".join(out) + "\n"
