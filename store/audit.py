"""Audited writes and undo.

Every user action runs as one `action(...)` block: one transaction, one row in
`actions`, and one `audit_log` row per inserted, changed or deleted value
(old → new).  Nothing is written any other way, so the log is complete, and
undo simply replays an action's log rows backwards as a new action.

The transaction begins with `BEGIN IMMEDIATE`: it waits for any other writer
first, and the checks every write depends on (the referat is not locked, the
`write_checks` other modules register, such as store.recorder's claim) run
inside it, so no other process can commit between a check and the write.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, cast

from store.chain import head, link
from store.db import translate_error
from store.errors import NotFound, StoreError
from store.model import APPROVED

if TYPE_CHECKING:
    from store.db import Database

LOCKED_MESSAGE = (
    "Referatet er godkendt og låst; brug 'referat amend' til en tilføjelse eller 'referat reopen' for at åbne det igen."
)


WriteCheck = Callable[["Database", "int | None"], None]
write_checks: list[WriteCheck] = []  # run inside every action's transaction, after the lock check


def register_write_check(check: WriteCheck) -> WriteCheck:
    """Run `check(db, meeting_id)` inside every action's transaction; it refuses a write by raising StoreError."""
    if check not in write_checks:
        write_checks.append(check)
    return check


def now_iso() -> str:
    """The current local time as ISO-8601 with seconds and offset."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def database_path(db: Database) -> str:
    """The file behind a connection (for messages)."""
    return db.execute("PRAGMA database_list").fetchone()[2] or ":memory:"


_LOG_INSERT = (
    "INSERT INTO audit_log (id, action_id, at, meeting_id, entity, entity_id, field, old, new, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_to_json = json.JSONEncoder(ensure_ascii=False).encode
_statements: weakref.WeakKeyDictionary[Database, tuple[int, dict]] = weakref.WeakKeyDictionary()


def statements(db: Database) -> dict[tuple, tuple[str, str]]:
    """The connection's cache of the writer's SQL, (sql, primary key) by (kind, table, columns).

    It is emptied whenever SQLite's schema version changes (a migration,
    ALTER TABLE, a new table), so a statement never outlives its table's shape.
    """
    version = db.execute("PRAGMA schema_version").fetchone()[0]
    cached = _statements.get(db)
    if cached is None or cached[0] != version:
        cached = _statements[db] = (version, {})
    return cached[1]


def _statement(db: Database, kind: str, table: str, columns: tuple[str, ...]) -> tuple[str, str]:
    """Build the SQL to insert, update, delete or select one row of `table` by primary key."""
    info = db.execute(f"PRAGMA table_info({quote_identifier(table)})").fetchall()
    if not info:
        raise sqlite3.OperationalError(f"no such table: {table}")
    keys = [column[1] for column in sorted(info, key=lambda column: column[5]) if column[5]]
    key = keys[0] if len(keys) == 1 else "rowid"
    name, where = quote_identifier(table), f"WHERE {quote_identifier(key)} = ?"
    names = [quote_identifier(column) for column in columns]
    if kind == "insert":
        sql = f"INSERT INTO {name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))}) RETURNING *"
    elif kind == "update":
        sql = f"UPDATE {name} SET {', '.join(f'{column} = ?' for column in names)} {where}"
    elif kind == "delete":
        sql = f"DELETE FROM {name} {where} RETURNING *"
    else:
        sql = f"SELECT * FROM {name} {where}"
    return sql, key


def quote_identifier(identifier: str) -> str:
    """A table or column name quoted for SQL (as sqlite-utils quotes it)."""
    return '"{}"'.format(identifier.replace('"', '""'))


def sql_value(value: object) -> object:
    """A value as SQLite stores it: a list, tuple or dict as JSON, a date or time as ISO-8601 (as sqlite-utils)."""
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, default=repr, ensure_ascii=False)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def row_dict(cursor: sqlite3.Cursor, row: tuple) -> dict:
    """A row fetched from `cursor` as a dict keyed by column name."""
    return dict(zip([column[0] for column in cursor.description], row))


class Action:
    """The writer handed out by `action()`: insert, update and delete, each logged."""

    def __init__(self, db: Database, action_id: int, meeting_id: int | None, at: str, label: str):
        self.db = db
        self.id = action_id
        self.meeting_id = meeting_id
        self.at = at
        self.label = label
        self._statements = statements(db)
        self._head: tuple[int, str] | None = None

    def relabel(self, label: str) -> None:
        """Name the action once its checks (inside the transaction) have found what it is about.

        Only before its first write: the label is part of each of its log rows' hash.
        """
        self.label = label
        self.db.execute("UPDATE actions SET label = ? WHERE id = ?", [label, self.id])

    def _log(self, entity: str, entity_id: int | str, field: str | None, old, new) -> None:
        """Append one log row, chained to the row before it (store/chain.py)."""
        if self._head is None:
            self._head = head(self.db)  # inside the write transaction: no other writer can append meanwhile
        row_id = self._head[0] + 1
        content = (
            row_id,
            self.label,
            self.at,
            self.meeting_id,
            entity,
            entity_id,
            field,
            None if old is None else _to_json(old),
            None if new is None else _to_json(new),
        )
        digest = link(self._head[1], content)
        self.db.execute(_LOG_INSERT, [row_id, self.id, *content[2:], digest])
        self._head = (row_id, digest)

    def _sql(self, kind: str, table: str, columns: tuple[str, ...] = ()) -> tuple[str, str]:
        key = (kind, table, columns)
        if key not in self._statements:
            self._statements[key] = _statement(self.db, kind, table, columns)
        return self._statements[key]

    def _one(self, kind: str, table: str, row_id: int | str) -> dict:
        """Select or delete the row with this primary key, returning it (NotFound if there is none)."""
        cursor = self.db.execute(self._sql(kind, table)[0], [row_id])
        rows = cursor.fetchall()
        if not rows:
            raise NotFound(table, row_id)
        return row_dict(cursor, rows[0])

    def row(self, table: str, row_id: int | str) -> dict:
        """The row with this primary key (NotFound if there is none)."""
        return self._one("select", table, row_id)

    def insert(self, table: str, row: dict) -> int:
        """Insert a row and log it whole; returns its id.

        An action that creates a meeting becomes that meeting's action, so the
        meeting's log starts with its own creation.
        """
        sql, key = self._sql("insert", table, tuple(row))
        cursor = self.db.execute(sql, [sql_value(value) for value in row.values()])
        stored = row_dict(cursor, cursor.fetchall()[0])
        row_id = stored[key] if key in stored else cursor.lastrowid
        assert row_id is not None  # a rowid table: the row SQLite just inserted
        if table == "meetings" and self.meeting_id is None:
            self.meeting_id = row_id
            self.db.execute("UPDATE actions SET meeting_id = ? WHERE id = ?", [row_id, self.id])
        self._log(table, row_id, None, None, stored)
        return row_id

    def update(self, table: str, row_id: int | str, **changes) -> None:
        """Change some fields of a row, logging each that really changes."""
        current = self.row(table, row_id)
        changed = {key: value for key, value in changes.items() if current.get(key) != value}
        if not changed:
            return
        sql, _ = self._sql("update", table, tuple(changed))
        self.db.execute(sql, [*(sql_value(value) for value in changed.values()), row_id])
        for key, value in changed.items():
            self._log(table, row_id, key, current.get(key), value)

    def delete(self, table: str, row_id: int | str) -> None:
        """Delete a row, logging its whole old content."""
        current = self._one("delete", table, row_id)
        self._log(table, row_id, None, current, None)

    def delete_where(self, table: str, where: str, params: list) -> None:
        """Delete every row matching `where`, one logged delete each."""
        for (row_id,) in self.db.execute(f"SELECT id FROM {quote_identifier(table)} WHERE {where}", params).fetchall():
            self.delete(table, row_id)


def meeting_is_locked(db: Database, meeting_id: int) -> bool:
    """True once the referat is approved (godkendt)."""
    row = db.execute("SELECT status FROM meetings WHERE id = ?", [meeting_id]).fetchone()
    return bool(row) and row[0] == APPROVED


@contextmanager
def write_transaction(db: Database) -> Iterator[None]:
    """`BEGIN IMMEDIATE` … `COMMIT` (rolled back on any exception); inside a transaction already, a savepoint."""
    if db.in_transaction:
        db.execute("SAVEPOINT action")
        try:
            yield
            db.execute("RELEASE action")
        except BaseException:
            if db.in_transaction:  # an error may have ended the whole transaction already
                db.execute("ROLLBACK TO action")
                db.execute("RELEASE action")
            raise
        return
    db.execute("BEGIN IMMEDIATE")  # waits (busy timeout) for another writer; what follows reads the latest commit
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:  # also when COMMIT itself failed (a full disk): nothing stays half-written
            db.execute("ROLLBACK")
        raise


@contextmanager
def action(
    db: Database, meeting_id: int | None, label: str, *, allow_locked: bool = False, undoable: bool = True
) -> Iterator[Action]:
    """Run one user action as one committed, logged transaction.

    `undoable=False` marks actions that ctrl+z passes over (moving between items).
    Refuses (StoreError) when the meeting's referat is locked, unless `allow_locked`, or when a registered
    write check refuses; both are checked inside the transaction, after it has taken the write lock.
    SQLite failures (read-only file, full disk, lock) become one Danish StoreError;
    the transaction is rolled back, so the last committed state stays intact.
    """
    try:
        with write_transaction(db):
            if meeting_id is not None and not allow_locked and meeting_is_locked(db, meeting_id):
                raise StoreError(LOCKED_MESSAGE)
            for check in write_checks:
                check(db, meeting_id)
            at = now_iso()
            action_id = cast(
                int,
                db.execute(
                    "INSERT INTO actions (meeting_id, label, at, undoable) VALUES (?, ?, ?, ?)",
                    [meeting_id, label, at, int(undoable)],
                ).lastrowid,
            )
            yield Action(db, action_id, meeting_id, at, label)
    except sqlite3.Error as error:
        raise translate_error(error, database_path(db)) from error


# The formal acts undo never reaches past: the meeting's creation (its dagsorden as imported or planned),
# and the members' and the secretary's acts on the approved referat (approvals, reopening, tilføjelser).
# One index seek each (audit_log's index on meeting, entity and field): the meeting's audit rows grow with it.
_BARRIER_ROWS = (
    "entity IN ('approvals', 'amendments', 'approval_seals')",
    "entity = 'meetings' AND field IS NULL",
    "entity = 'meetings' AND field = 'status' AND :approved IN (old, new)",
)


def undo_barrier(db: Database, meeting_id: int) -> int:
    """The id of the meeting's latest action that undo may not undo or pass (0 if there is none).

    That is the action that created the meeting, and every approval, reopening,
    tilføjelse and seal: those are formal acts outside the meeting, not keystrokes.
    """
    latest = " UNION ALL ".join(
        f"SELECT max(action_id) AS id FROM audit_log WHERE meeting_id = :meeting AND {rows}" for rows in _BARRIER_ROWS
    )
    row = db.execute(
        f"SELECT max(id) FROM ({latest})", {"meeting": meeting_id, "approved": _to_json(APPROVED)}
    ).fetchone()
    return row[0] or 0


def _previous_current_item(db: Database, meeting_id: int, item_id: int) -> int | None:
    """The item that was current before `item_id` became current (None if none or gone)."""
    row = db.execute(
        "SELECT old FROM audit_log WHERE meeting_id = ? AND entity = 'meetings' AND field = 'current_item_id' "
        "AND new = ? ORDER BY id DESC LIMIT 1",
        [meeting_id, _to_json(item_id)],
    ).fetchone()
    previous = json.loads(row[0]) if row and row[0] is not None else None
    if previous is None or previous == item_id:
        return None
    exists = db.execute("SELECT 1 FROM items WHERE id = ?", [previous]).fetchone()
    return previous if exists else None


def _revert(db: Database, meeting_id: int, target_id: int, label: str, mark: str) -> None:
    """Replay the target action's logged changes backwards as one new action labelled `label`.

    In the same transaction the target is marked undone by the new action, and the new action's
    `mark` column (undoes_id or redoes_id) names the action it undoes or redoes.  An item that is
    removed (a hastesag) and was made current since is replaced as current item by the one before it.
    """
    rows = list(db.query("SELECT * FROM audit_log WHERE action_id = ? ORDER BY id DESC", [target_id]))
    original = db.execute("SELECT undoes_id FROM actions WHERE id = ?", [target_id]).fetchone()[0]
    with action(db, meeting_id, label) as act:
        for row in rows:
            entity, entity_id = row["entity"], row["entity_id"]
            old = None if row["old"] is None else json.loads(row["old"])
            if row["field"] is not None:
                act.update(entity, entity_id, **{row["field"]: old})
            elif row["old"] is None:
                if entity == "items" and act.row("meetings", meeting_id)["current_item_id"] == entity_id:
                    act.update(
                        "meetings", meeting_id, current_item_id=_previous_current_item(db, meeting_id, entity_id)
                    )
                act.delete(entity, entity_id)
            else:
                act.insert(entity, cast(dict, old))  # a delete logs the whole row
        db.execute(
            f"UPDATE actions SET {mark} = ? WHERE id = ?", [original if mark == "redoes_id" else target_id, act.id]
        )
        db.execute("UPDATE actions SET undone_by_id = ? WHERE id = ?", [act.id, target_id])


def undo_last(db: Database, meeting_id: int) -> str | None:
    """Undo the meeting's latest action not yet undone; returns its label, or None if nothing is left.

    Undo stops at `undo_barrier()`.  An item that undo removes (a hastesag) and
    that was made current since is replaced as current item by the one before it.
    """
    target = db.execute(
        "SELECT id, label FROM actions WHERE meeting_id = ? AND undoable = 1 AND undoes_id IS NULL "
        "AND undone_by_id IS NULL AND id > ? "
        "ORDER BY id DESC LIMIT 1",
        [meeting_id, undo_barrier(db, meeting_id)],
    ).fetchone()
    if target is None:
        return None
    target_id, label = target
    label = _original_label(db, target_id, label)
    _revert(db, meeting_id, target_id, f"Fortryd: {label}", "undoes_id")
    return label


def _original_label(db: Database, action_id: int, label: str) -> str:
    """The label of the action a redo (of a redo …) stands for; the label itself for any other action."""
    while True:
        row = db.execute(
            "SELECT a.id, a.label FROM actions r JOIN actions a ON a.id = r.redoes_id WHERE r.id = ?", [action_id]
        ).fetchone()
        if row is None:
            return label
        action_id, label = row


def redo_last(db: Database, meeting_id: int) -> str | None:
    """Redo the latest undone action (ctrl+y), as a new logged action; returns its label, or None.

    Redoing walks back through the undos in the order they were made; a new action other than an
    undo or a redo ends what can be redone, as in any editor, and so does `undo_barrier()`.  A redone
    action can be undone again.
    """
    target = None
    for action_id, undoes_id, undone_by_id, redoes_id in db.execute(
        "SELECT id, undoes_id, undone_by_id, redoes_id FROM actions WHERE meeting_id = ? AND undoable = 1 "
        "AND id > ? ORDER BY id DESC",
        [meeting_id, undo_barrier(db, meeting_id)],
    ):
        if redoes_id is not None or (undoes_id is not None and undone_by_id is not None):
            continue  # a redo, or an undo already redone
        if undoes_id is not None:
            target = (action_id, undoes_id)
        break  # the undo to redo, or a new action since the last undo
    if target is None:
        return None
    action_id, undone_id = target
    label = _original_label(
        db, undone_id, db.execute("SELECT label FROM actions WHERE id = ?", [undone_id]).fetchone()[0]
    )
    _revert(db, meeting_id, action_id, f"Gentag: {label}", "redoes_id")
    return label


def audit_trail(db: Database, meeting_id: int) -> list[dict]:
    """Every logged change of a meeting, oldest first, with its action's label."""
    return list(
        db.query(
            "SELECT audit_log.id, audit_log.at, actions.label AS action, audit_log.entity, "
            "audit_log.entity_id, audit_log.field, audit_log.old, audit_log.new "
            "FROM audit_log JOIN actions ON actions.id = audit_log.action_id "
            "WHERE audit_log.meeting_id = ? ORDER BY audit_log.id",
            [meeting_id],
        )
    )


LoggedRow = tuple[str, int, "str | None", "str | None", "str | None"]  # entity, entity_id, field, old, new


def logged_since(db: Database, meeting_id: int, mark: int) -> list[LoggedRow] | None:
    """The audit log's rows after row `mark`, oldest first (every write is logged, this window's and other
    processes', undo included); None when one of them is not this meeting's: more than the meeting changed."""
    rows = db.execute(
        "SELECT entity, entity_id, field, old, new, meeting_id FROM audit_log WHERE id > ? ORDER BY id", [mark]
    ).fetchall()
    if any(row[5] != meeting_id for row in rows):
        return None
    return [row[:5] for row in rows]


def logged_item(
    db: Database, entity: str, entity_id: int, field: str | None, old: str | None, new: str | None
) -> int | None:
    """The item a logged row of an item's table hangs on (a vote's cast through its vote): from the row as logged
    when it was inserted or deleted, else as stored; None when it is gone."""
    logged = json.loads(new or old or "null") if field is None else None
    if entity == "vote_casts":
        vote = logged["vote_id"] if logged else _column(db, "vote_casts", "vote_id", entity_id)
        return None if vote is None else _column(db, "votes", "item_id", vote)
    return logged["item_id"] if logged else _column(db, entity, "item_id", entity_id)


def _column(db: Database, table: str, column: str, row_id: int) -> int | None:
    row = db.execute(f"SELECT {column} FROM {quote_identifier(table)} WHERE id = ?", [row_id]).fetchone()
    return None if row is None else row[0]


_LOG_VERBS = (("Fortryd: ", "Fortrudt: "), ("Gentag: ", "Gentaget: "))


def log_sentences(db: Database, meeting_id: int) -> list[str]:
    """The meeting's log as one Danish sentence per action ('15.07 Beslutning punkt 29: Godkendt'),
    oldest first, with a line naming the day before the first action of each day."""
    from store.dates import short_date

    lines: list[str] = []
    day = None
    for at, label in db.execute("SELECT at, label FROM actions WHERE meeting_id = ? ORDER BY id", [meeting_id]):
        when = dt.datetime.fromisoformat(at)
        if when.date() != day:
            day = when.date()
            lines.append(f"{short_date(day)}:")
        for stored, said in _LOG_VERBS:
            if label.startswith(stored):
                label = said + label[len(stored) :]
        lines.append(f"{when:%H.%M} {label}")
    return lines
