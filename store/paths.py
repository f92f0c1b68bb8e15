"""Where referat keeps its databases by default."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "referat"


def data_dir() -> Path:
    """The user's data directory for referat (created on demand)."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """`$REFERAT_DB` if set, else referat.db in the user's data directory."""
    env = os.environ.get("REFERAT_DB")
    return Path(env) if env else data_dir() / "referat.db"


def demo_db_path() -> Path:
    """The demo's own database, apart from the user's real one."""
    return data_dir() / "demo.db"
