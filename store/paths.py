"""Where referat keeps its databases: the one place that decides which file a command uses."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "referat"
ENVIRONMENT = "REFERAT_DB"


def data_dir() -> Path:
    """The user's data directory for referat (created on demand)."""
    import platformdirs

    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_path(option: Path | str | None = None) -> Path:
    """The database a command uses: `--db` (`option`), else `$REFERAT_DB`, else the settings file's `database`,
    else referat.db in the user's data directory."""
    if option:
        return Path(option)
    env = os.environ.get(ENVIRONMENT)
    if env:
        return Path(env)
    from store.config import load  # the settings module imports this one

    return load().database


def demo_database_path(option: Path | str | None = None) -> Path:
    """The demo's own database: `--db` (`option`), else demo.db in the user's data directory — never
    `$REFERAT_DB`, the user's real database."""
    return Path(option) if option else data_dir() / "demo.db"
