"""The database schema, as an ordered set of sqlite-utils migrations.

Migrations are append-only: a released migration is never edited, so every
database made by an earlier version opens and upgrades without loss
(tests/data/schema_v1.db is a database made with the first one).

`@migrations(name=…)` lists a migration; sqlite-utils is imported only to apply them
(`apply_migrations`), so store/db.py can tell whether a database is current without it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from sqlite_utils import Database

    from store import db as store_db

MIGRATION_SET = "referat"
MIGRATIONS: list[tuple[str, Callable[[Database], None]]] = []  # (name, function), in order


def migrations(*, name: str) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
    """Add the decorated function as the migration `name` (after every one added before it)."""

    def register(func: Callable[[Database], None]) -> Callable[[Database], None]:
        MIGRATIONS.append((name, func))
        return func

    return register


def _connection(db: Database) -> store_db.Database:
    """The store's own connection inside sqlite-utils' wrapper: what the store's functions take."""
    return cast("store_db.Database", db.conn)


def apply_migrations(conn: sqlite3.Connection) -> None:
    """Apply the migrations a database lacks, each in its own transaction (sqlite-utils' `Migrations`)."""
    from sqlite_utils import Database, Migrations

    steps = Migrations(MIGRATION_SET)
    for name, func in MIGRATIONS:
        steps(name=name)(func)
    steps.apply(Database(conn, execute_plugins=False))


def _table(db: Database, name: str, columns: dict, foreign_keys=(), not_null=(), defaults=None):
    db.table(name).create(
        {"id": int, **columns},
        pk="id",
        foreign_keys=list(foreign_keys),
        not_null=set(not_null),
        defaults=defaults or {},
    )


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    """Committees, people, meetings, items, decisions, votes, approvals, audit."""
    _table(db, "committees", {"name": str, "municipality": str, "short_name": str}, not_null=["name"])
    db.table("committees").create_index(["name"], unique=True)
    _table(
        db,
        "vocabulary",
        {"committee_id": int, "position": int, "phrase": str},
        foreign_keys=[("committee_id", "committees", "id")],
        not_null=["committee_id", "phrase"],
    )
    _table(db, "persons", {"name": str, "party": str}, not_null=["name"])
    db.table("persons").create_index(["name"], unique=True)
    _table(
        db,
        "memberships",
        {
            "committee_id": int,
            "person_id": int,
            "role": str,
            "substitute_for_id": int,
            "valid_from": str,
            "valid_to": str,
        },
        foreign_keys=[
            ("committee_id", "committees", "id"),
            ("person_id", "persons", "id"),
            ("substitute_for_id", "persons", "id"),
        ],
        not_null=["committee_id", "person_id"],
    )
    _table(
        db,
        "meetings",
        {
            "committee_id": int,
            "date": str,
            "planned_start": str,
            "location": str,
            "status": str,
            "started_at": str,
            "ended_at": str,
            "current_item_id": int,
            "source": str,
            "created_at": str,
        },
        foreign_keys=[("committee_id", "committees", "id")],
        not_null=["committee_id", "status"],
        defaults={"status": "planlagt"},
    )
    db.table("meetings").create_index(["date"])
    _table(
        db,
        "items",
        {
            "meeting_id": int,
            "number": str,
            "position": int,
            "title": str,
            "case_number": str,
            "public": int,
            "kind": str,
            "title_confidential": int,
            "outcome_confidential": int,
            "postponed": int,
            "urgent": int,
            "started_at": str,
            "finished_at": str,
        },
        foreign_keys=[("meeting_id", "meetings", "id")],
        not_null=["meeting_id", "number", "position", "title"],
        defaults={"public": 1, "title_confidential": 0, "outcome_confidential": 0, "postponed": 0, "urgent": 0},
    )
    db.table("items").create_index(["meeting_id", "position"])
    db.table("meetings").add_foreign_key("current_item_id", "items", "id")
    _table(
        db,
        "attendance",
        {
            "meeting_id": int,
            "person_id": int,
            "status": str,
            "substitute_for_id": int,
            "arrived_at": str,
            "arrived_item_id": int,
            "left_at": str,
            "left_item_id": int,
            "note": str,
        },
        foreign_keys=[
            ("meeting_id", "meetings", "id"),
            ("person_id", "persons", "id"),
            ("substitute_for_id", "persons", "id"),
            ("arrived_item_id", "items", "id"),
            ("left_item_id", "items", "id"),
        ],
        not_null=["meeting_id", "person_id"],
    )
    db.table("attendance").create_index(["meeting_id", "person_id"], unique=True)
    for name, columns in {
        "sections": {"item_id": int, "position": int, "heading": str, "text": str, "kind": str},
        "recommendations": {"item_id": int, "position": int, "text": str},
        "attachments": {"item_id": int, "position": int, "title": str, "reference": str, "public": int},
        "decision_points": {"item_id": int, "position": int, "outcome": str},
        "votes": {
            "item_id": int,
            "position": int,
            "subject": str,
            "kind": str,
            "result": str,
            "for_count": int,
            "against_count": int,
            "abstain_count": int,
            "created_at": str,
        },
        "remarks": {"item_id": int, "kind": str, "text": str, "members": str},
        "item_absences": {"item_id": int, "person_id": int, "reason": str},
    }.items():
        _table(db, name, columns, foreign_keys=[("item_id", "items", "id")], not_null=["item_id"])
        db.table(name).create_index(["item_id"])
    db.table("item_absences").add_foreign_key("person_id", "persons", "id")
    _table(
        db,
        "decisions",
        {"item_id": int, "outcome": str, "text": str, "decided_at": str},
        foreign_keys=[("item_id", "items", "id")],
        not_null=["item_id"],
    )
    db.table("decisions").create_index(["item_id"], unique=True)
    _table(
        db,
        "vote_casts",
        {"vote_id": int, "choice": str, "label": str, "person_id": int},
        foreign_keys=[("vote_id", "votes", "id"), ("person_id", "persons", "id")],
        not_null=["vote_id", "choice", "label"],
    )
    db.table("vote_casts").create_index(["vote_id"])
    _table(
        db,
        "approvals",
        {"meeting_id": int, "person_id": int, "at": str, "reservation": str},
        foreign_keys=[("meeting_id", "meetings", "id"), ("person_id", "persons", "id")],
        not_null=["meeting_id", "person_id", "at"],
    )
    _table(
        db,
        "amendments",
        {"meeting_id": int, "item_id": int, "text": str, "reason": str, "at": str},
        foreign_keys=[("meeting_id", "meetings", "id"), ("item_id", "items", "id")],
        not_null=["meeting_id", "text", "at"],
    )
    _table(
        db,
        "actions",
        {"meeting_id": int, "label": str, "at": str, "undoable": int, "undoes_id": int, "undone_by_id": int},
        not_null=["label", "at"],
        defaults={"undoable": 1},
    )
    db.table("actions").create_index(["meeting_id"])
    _table(
        db,
        "audit_log",
        {
            "action_id": int,
            "at": str,
            "meeting_id": int,
            "entity": str,
            "entity_id": int,
            "field": str,
            "old": str,
            "new": str,
        },
        foreign_keys=[("action_id", "actions", "id")],
        not_null=["action_id", "at", "entity"],
    )
    db.table("audit_log").create_index(["meeting_id"])
    db.table("settings").create({"key": str, "value": str}, pk="key")
    # The audit log is append-only: the database itself refuses edits and deletes.
    for verb in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
        )


# What full-text search sees of one item: its title, and as body the sections
# (heading and text), the recommendations, the decision (outcome and text) and
# the remarks.  `{item}` is the SQL expression for the item's id.
_SEARCH_SELECT = """
INSERT INTO search_items (item_id, title, body)
SELECT i.id, i.title,
       coalesce((SELECT group_concat(coalesce(heading, '') || ' ' || coalesce(text, ''), ' ')
                 FROM sections WHERE item_id = i.id), '') || ' ' ||
       coalesce((SELECT group_concat(text, ' ') FROM recommendations WHERE item_id = i.id), '') || ' ' ||
       coalesce((SELECT coalesce(outcome, '') || ' ' || coalesce(text, '')
                 FROM decisions WHERE item_id = i.id), '') || ' ' ||
       coalesce((SELECT group_concat(text, ' ') FROM remarks WHERE item_id = i.id), '')
FROM items i"""
_SEARCH_ROW = "DELETE FROM search_items WHERE item_id = {item};" + _SEARCH_SELECT + " WHERE i.id = {item};"
SEARCHED_CHILDREN = ("sections", "recommendations", "decisions", "remarks")


def _trigger(db: Database, name: str, event: str, table: str, body: str) -> None:
    db.execute(f"CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN {body} END")


@migrations(name="0002_search")
def search(db: Database) -> None:
    """Full-text search over items, kept in step with the tables by triggers."""
    db.table("search_items").create({"item_id": int, "title": str, "body": str}, pk="item_id")
    _trigger(db, "search_items_ins", "INSERT", "items", _SEARCH_ROW.format(item="new.id"))
    _trigger(
        db,
        "search_items_upd",
        "UPDATE",
        "items",
        "DELETE FROM search_items WHERE item_id = old.id;" + _SEARCH_ROW.format(item="new.id"),
    )
    _trigger(db, "search_items_del", "DELETE", "items", "DELETE FROM search_items WHERE item_id = old.id;")
    for table in SEARCHED_CHILDREN:
        _trigger(db, f"search_{table}_ins", "INSERT", table, _SEARCH_ROW.format(item="new.item_id"))
        _trigger(
            db,
            f"search_{table}_upd",
            "UPDATE",
            table,
            _SEARCH_ROW.format(item="old.item_id") + _SEARCH_ROW.format(item="new.item_id"),
        )
        _trigger(db, f"search_{table}_del", "DELETE", table, _SEARCH_ROW.format(item="old.item_id"))
    db.table("search_items").enable_fts(
        ["title", "body"], create_triggers=True, tokenize="unicode61 remove_diacritics 0"
    )
    db.execute(_SEARCH_SELECT)


@migrations(name="0003_committee_municipality")
def committee_municipality(db: Database) -> None:
    """Committees are unique per (name, kommune): two kommuner may each have an Arbejdsmarkedsudvalget."""
    db.execute("DROP INDEX idx_committees_name")
    db.table("committees").create_index(["name", "municipality"], unique=True)


@migrations(name="0004_recorder")
def recorder(db: Database) -> None:
    """Which process records each meeting (store/recorder.py): at most one row per meeting."""
    _table(
        db,
        "recorders",
        {"meeting_id": int, "token": str, "pid": int, "host": str, "started": str, "since": str},
        foreign_keys=[("meeting_id", "meetings", "id")],
        not_null=["meeting_id", "token", "pid", "host", "since"],
    )
    db.table("recorders").create_index(["meeting_id"], unique=True)


@migrations(name="0005_archive_indexes")
def archive_indexes(db: Database) -> None:
    """Indexes for lookups that scanned a whole table, costly in a ten-year archive (see bench/archive.py).

    Undo reads an action's audit rows (audit_log holds every saved value, the archive's largest table);
    load_meeting reads a meeting's approvals and each item's tilføjelser.
    """
    db.table("audit_log").create_index(["action_id"])
    db.table("approvals").create_index(["meeting_id"])
    db.table("amendments").create_index(["item_id"])


@migrations(name="0006_search_reindex_on_title")
def search_reindex_on_title(db: Database) -> None:
    """Re-index an item only when its title (or id) changes: the only columns of `items` search sees.

    Starting, finishing or moving an item no longer rewrites its full-text entry
    (it did twice for every recorded beslutning).
    """
    db.execute("DROP TRIGGER search_items_upd")
    _trigger(
        db,
        "search_items_upd",
        "UPDATE OF id, title",
        "items",
        "DELETE FROM search_items WHERE item_id = old.id;" + _SEARCH_ROW.format(item="new.id"),
    )


@migrations(name="0007_one_approval_per_member")
def one_approval_per_member(db: Database) -> None:
    """At most one approval per member and meeting.

    Two approvals of the same member given at the same moment could both be saved before; the
    first (oldest) is kept, the later copy removed, so the approval list prints each member once.
    """
    db.execute("DELETE FROM approvals WHERE id NOT IN (SELECT min(id) FROM approvals GROUP BY meeting_id, person_id)")
    db.execute("DROP INDEX IF EXISTS idx_approvals_meeting_id")
    db.table("approvals").create_index(["meeting_id", "person_id"], unique=True)


@migrations(name="0008_approval_seals")
def approval_seals(db: Database) -> None:
    """The seal of each approved referat: committee, kommune and the people it names (store/seal.py).

    A meeting approved before this release is sealed as its tables stand at the upgrade,
    marked `at_upgrade`, since how they stood at the approval is no longer known.
    """
    from store.seal import snapshot

    _table(
        db,
        "approval_seals",
        {"meeting_id": int, "at": str, "committee": str, "municipality": str, "people": str, "at_upgrade": int},
        foreign_keys=[("meeting_id", "meetings", "id")],
        not_null=["meeting_id", "at", "committee", "people"],
        defaults={"at_upgrade": 0},
    )
    db.table("approval_seals").create_index(["meeting_id"], unique=True)
    for meeting_id, at in db.execute(
        "SELECT g.id, coalesce((SELECT max(at) FROM approvals WHERE meeting_id = g.id), g.ended_at, g.date) "
        "FROM meetings g WHERE g.status = 'godkendt'"
    ).fetchall():
        db.table("approval_seals").insert({**snapshot(_connection(db), meeting_id), "at": at, "at_upgrade": 1})


@migrations(name="0009_meeting_day")
def meeting_day(db: Database) -> None:
    """What meeting day needs to record exactly what the secretary meant.

    `items.without_quorum`: a beslutning recorded while the item's udvalg was not beslutningsdygtigt
    (the referat says so); `actions.redoes_id`: a ctrl+y that redid an undone action; `drafts`: text
    being typed in a dialog, kept outside the audit log until it is saved as an action.
    """
    db.table("items").add_column("without_quorum", int, not_null_default=0)
    db.table("actions").add_column("redoes_id", int)
    db.table("drafts").create(
        {"meeting_id": int, "key": str, "text": str, "saved_at": str},
        pk=("meeting_id", "key"),
        foreign_keys=[("meeting_id", "meetings", "id")],
        not_null={"meeting_id", "key", "text"},
    )


@migrations(name="0010_decision_placement")
def decision_placement(db: Database) -> None:
    """Where the referat shows each item's beslutning: the committee's choice, and an imported meeting's own."""
    db.table("committees").add_column("decision_placement", str)
    db.table("meetings").add_column("decision_placement", str)


_APPEND_ONLY = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
)


@migrations(name="0011_audit_chain")
def audit_chain(db: Database) -> None:
    """Chain the audit log (store/chain.py) and let each seal record the chain's head and the referat's digest.

    The rows written before are chained at the upgrade, in their order; a referat sealed before
    gets its head and digest as it stands at the upgrade, marked `chained_at_upgrade`.
    """
    from store.chain import content_columns, content_digest, head, rehash_all

    db.execute("ALTER TABLE audit_log ADD COLUMN hash TEXT")
    db.execute("DROP TRIGGER audit_log_no_update")
    rehash_all(_connection(db))
    db.execute(_APPEND_ONLY)
    for column, kind in (
        ("chain_head_id", "INTEGER"),
        ("chain_head", "TEXT"),
        ("content_hash", "TEXT"),
        ("content_columns", "TEXT"),
        ("chained_at_upgrade", "INTEGER NOT NULL DEFAULT 0"),
    ):
        db.execute(f"ALTER TABLE approval_seals ADD COLUMN {column} {kind}")
    columns = content_columns(_connection(db))
    head_id, head_hash = head(_connection(db))
    for seal in list(db.query("SELECT * FROM approval_seals")):
        db.execute(
            "UPDATE approval_seals SET chain_head_id = ?, chain_head = ?, content_hash = ?, content_columns = ?, "
            "chained_at_upgrade = 1 WHERE id = ?",
            [
                head_id,
                head_hash,
                content_digest(_connection(db), seal["meeting_id"], columns, seal),
                json.dumps(columns),
                seal["id"],
            ],
        )


@migrations(name="0012_meeting_preparation")
def meeting_preparation(db: Database) -> None:
    """What preparing a meeting in referat needs: a closing line, the imported document's hash, guests.

    `closing` is the referat's last line ("Protokollen oplæst."); `source_hash` recognises a document
    imported before, so an import retried after a kill does not import it twice; `guests` are people
    who took part in one meeting without being members ("Desuden deltog: …"), never counted in the quorum.
    """
    db.table("meetings").add_column("closing", str)
    db.table("meetings").add_column("source_hash", str)
    db.table("meetings").create_index(["source_hash"])
    _table(
        db,
        "guests",
        {"meeting_id": int, "position": int, "name": str},
        foreign_keys=[("meeting_id", "meetings", "id")],
        not_null=["meeting_id", "name"],
    )
    db.table("guests").create_index(["meeting_id"])


@migrations(name="0013_seal_decision_placement")
def seal_decision_placement(db: Database) -> None:
    """The seal also keeps where the committee placed the beslutning.

    So a later setting does not change a signed referat; a seal made before gets the committee's
    placement at the upgrade.
    """
    db.execute("ALTER TABLE approval_seals ADD COLUMN decision_placement TEXT")
    db.execute(
        "UPDATE approval_seals SET decision_placement = (SELECT c.decision_placement FROM meetings g "
        "JOIN committees c ON c.id = g.committee_id WHERE g.id = approval_seals.meeting_id)"
    )


@migrations(name="0014_settings_to_config")
def settings_to_config(db: Database) -> None:
    """The theme moves from the database to the user's settings file (store/config.py), once.

    A theme already in the settings file wins; a file that cannot be written loses only the theme.
    """
    from store.config import load, save_value
    from store.errors import StoreError

    row = db.execute("SELECT value FROM settings WHERE key = 'tui.theme'").fetchone()
    if row and row[0] and load().sources["theme"] != "fil":
        try:
            save_value("theme", row[0])
        except StoreError:
            pass
    db.execute("DELETE FROM settings WHERE key = 'tui.theme'")


def known_migrations() -> list[str]:
    """Names of every migration this release knows, in order."""
    return [name for name, _ in MIGRATIONS]


@migrations(name="0015_recommendation_form")
def recommendation_form(db: Database) -> None:
    """Whether an item's indstilling points are numbered, as its source wrote them ("at …" alone has no number)."""
    db.table("items").add_column("recommendation_numbered", int, not_null_default=1)


@migrations(name="0016_seal_layout")
def seal_layout(db: Database) -> None:
    """The seal also keeps the export layout the referat was approved in (store.model.LAYOUTS).

    A seal made before keeps the first layout, so an upgrade never rewords a signed referat.
    """
    db.execute("ALTER TABLE approval_seals ADD COLUMN layout INTEGER")
    db.execute("UPDATE approval_seals SET layout = 1")


@migrations(name="0017_closed_prefix")
def closed_prefix(db: Database) -> None:
    """Where an imported document wrote a lukket item's 'Lukket: ' prefix (store.model.CLOSED_PREFIX_PLACES).

    Every meeting before it keeps the prefix in both places, as the export always wrote it.
    """
    db.table("meetings").add_column("closed_prefix", str)


@migrations(name="0018_closed_marker")
def closed_marker(db: Database) -> None:
    """The lukket marker an imported document wrote after a title, ' - LUKKET SAG' (store.model.CLOSED_SUFFIX).

    Every meeting before it has 'Lukket: ' before the title, as the export always wrote it.
    """
    db.table("meetings").add_column("closed_marker", str)


@migrations(name="0019_audit_meeting_entity_index")
def audit_meeting_entity_index(db: Database) -> None:
    """An index on the audit rows of a meeting by entity and field: undo's barrier and the previous current item
    are looked up among the meeting's rows, which grow with its agenda (bench/meeting_size.py)."""
    db.table("audit_log").create_index(["meeting_id", "entity", "field"])
