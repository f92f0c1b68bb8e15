"""Writing and correcting the dagsorden: add, edit, remove, move and renumber items.

An item is found by its number as printed on the agenda. Every change is one audited
action (`store.audit.action`): it shows in `referat log`, ctrl+z undoes it, and it is
refused on an approved referat. Its checks run inside that action's transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.audit import Action, action
from store.errors import StoreError
from store.meetings import get_meeting
from store.model import (  # noqa: F401  (the draft and its vocabulary are defined with the other documents)
    BRIEFING_KIND,
    COMMON_HEADINGS,
    DECISION_KIND,
    ITEM_KINDS,
    RECOMMENDATION_SECTION,
    TEXT_SECTION,
    Attachment,
    ItemDraft,
    Section,
)
from store.terminal_text import cleaned

if TYPE_CHECKING:
    from store.db import Database

# Tables whose rows hang on an item: its preparation (removed with it) and what the meeting recorded.
PREPARED = ("sections", "recommendations", "attachments")
RECORDED = (
    ("decisions", "en beslutning"),
    ("decision_points", "en beslutning"),
    ("votes", "en afstemning"),
    ("remarks", "en protokolbemærkning"),
    ("item_absences", "en notering om inhabilitet"),
    ("amendments", "en tilføjelse"),
)


def items(db: Database, meeting_id: int) -> list[dict]:
    """The meeting's items in order: id, number, position, title, public, case_number, kind."""
    return list(
        db.query(
            "SELECT id, number, position, title, public, case_number, kind, urgent FROM items "
            "WHERE meeting_id = ? ORDER BY position, id",
            [meeting_id],
        )
    )


def find_item(db: Database, meeting_id: int, number: str) -> dict:
    """The item with this number on the meeting's agenda; StoreError if there is none."""
    wanted = str(number).strip()
    found = [row for row in items(db, meeting_id) if row["number"] == wanted]
    if not found:
        raise StoreError(f"Mødet har intet punkt {wanted}.")
    return found[0]


def item_number(db: Database, meeting_id: int, item_id: int) -> str:
    """The number the item with this id has on the meeting's agenda; StoreError if it is gone."""
    row = db.execute("SELECT number FROM items WHERE id = ? AND meeting_id = ?", [item_id, meeting_id]).fetchone()
    if row is None:
        raise StoreError("Punktet findes ikke længere på dagsordenen.")
    return row[0]


def item_draft(db: Database, meeting_id: int, number: str) -> ItemDraft:
    """The item numbered `number` as a complete draft: what an editor starts from."""
    row = find_item(db, meeting_id, number)
    sections = [
        Section(r["heading"], r["text"] or "", r["kind"] or TEXT_SECTION)
        for r in db.query(
            "SELECT heading, text, kind FROM sections WHERE item_id = ? ORDER BY position, id", [row["id"]]
        )
    ]
    points = [
        r[0]
        for r in db.execute("SELECT text FROM recommendations WHERE item_id = ? ORDER BY position, id", [row["id"]])
    ]
    bilag = [
        Attachment(r["title"], r["reference"], bool(r["public"]))
        for r in db.query(
            "SELECT title, reference, public FROM attachments WHERE item_id = ? ORDER BY position, id", [row["id"]]
        )
    ]
    return ItemDraft(
        title=row["title"],
        number=row["number"],
        public=bool(row["public"]),
        case_number=row["case_number"] or "",
        kind=row["kind"] or "",
        recommendation=points,
        sections=sections,
        attachments=bilag,
        urgent=bool(row["urgent"]),
    )


def _one_line(text: str | None) -> str | None:
    return None if text is None else " ".join(text.split())


def _check(draft: ItemDraft) -> ItemDraft:
    """The draft cleaned (no control characters, titles on one line, no empty points), or StoreError for
    what cannot be saved."""
    draft = cleaned(draft)
    if draft.title is not None:
        draft.title = _one_line(draft.title)
        if not draft.title:
            raise StoreError("Punktet skal have en titel.")
    if draft.number is not None:
        draft.number = _one_line(draft.number)
        if not draft.number:
            raise StoreError("Punktet skal have et nummer.")
    if draft.kind is not None:
        draft.kind = draft.kind.strip().lower()
        if draft.kind and draft.kind not in ITEM_KINDS:
            raise StoreError(f"Ukendt punkttype '{draft.kind}' (brug {' eller '.join(ITEM_KINDS)}).")
    if draft.case_number is not None:
        draft.case_number = _one_line(draft.case_number)
    if draft.recommendation is not None:
        draft.recommendation = [" ".join(point.split()) for point in draft.recommendation if point.strip()]
    if draft.sections is not None:
        for section in draft.sections:
            section.heading = _one_line(section.heading) or ""
            if not section.heading:
                raise StoreError("Hvert afsnit skal have en overskrift.")
            section.text = (section.text or "").strip("\n")
    if draft.attachments is not None:
        for bilag in draft.attachments:
            bilag.title = _one_line(bilag.title) or ""
            bilag.reference = (bilag.reference or "").strip() or None
            if not bilag.title:
                raise StoreError("Hvert bilag skal have en titel.")
    return draft


def _refuse_duplicate(db: Database, meeting_id: int, number: str, item_id: int | None = None) -> None:
    row = db.execute(
        "SELECT id FROM items WHERE meeting_id = ? AND number = ? AND id IS NOT ?", [meeting_id, number, item_id]
    ).fetchone()
    if row:
        raise StoreError(f"Punkt {number} findes allerede på dagsordenen.")


def _next_number(rows: list[dict], index: int) -> str:
    """A number for an item placed at `index` of `rows`: one more than the item before it,
    or that item's number with a letter ('3a') when the next number is taken."""
    taken = {row["number"] for row in rows}
    before = rows[index - 1]["number"] if index > 0 else None
    if before is None:
        candidate = "1"
    elif before.isdigit():
        candidate = str(int(before) + 1)
    else:
        candidate = before + "a"
    if candidate not in taken:
        return candidate
    base = before or "0"
    for letter in "abcdefghijklmnopqrstuvwxyz":
        if base + letter not in taken:
            return base + letter
    raise StoreError("Angiv punktets nummer.")


def _current(db: Database, table: str, columns: str, item_id: int) -> list[tuple]:
    return [
        tuple(row)
        for row in db.execute(
            f"SELECT {columns} FROM {table} WHERE item_id = ? ORDER BY position, id", [item_id]
        ).fetchall()
    ]


def _replace(act: Action, table: str, item_id: int, rows: list[dict]) -> None:
    """Replace the item's rows of `table` with `rows` (in order), unless they are the same already."""
    columns = list(rows[0]) if rows else []
    wanted = [tuple(row.values()) for row in rows]
    if columns and _current(act.db, table, ", ".join(columns), item_id) == wanted:
        return
    if not rows and not _current(act.db, table, "id", item_id):
        return
    act.delete_where(table, "item_id = ?", [item_id])
    for position, row in enumerate(rows, start=1):
        act.insert(table, {"item_id": item_id, "position": position, **row})


def _write_children(act: Action, item_id: int, draft: ItemDraft) -> None:
    """Replace the item's sections, indstilling points and bilag with the draft's (those it gives)."""
    if draft.sections is not None:
        _replace(
            act,
            "sections",
            item_id,
            [
                {
                    "heading": section.heading,
                    "text": section.text,
                    "kind": section.kind if section.kind in (TEXT_SECTION, RECOMMENDATION_SECTION) else TEXT_SECTION,
                }
                for section in draft.sections
            ],
        )
    if draft.recommendation is not None:
        _replace(act, "recommendations", item_id, [{"text": text} for text in draft.recommendation])
    if draft.attachments is not None:
        _replace(
            act,
            "attachments",
            item_id,
            [
                {"title": bilag.title, "reference": bilag.reference, "public": int(bilag.public)}
                for bilag in draft.attachments
            ],
        )


def _renumber_positions(act: Action, ordered_ids: list[int]) -> None:
    """Give the items positions 1, 2, 3 … in this order, logging only those that change."""
    for position, item_id in enumerate(ordered_ids, start=1):
        act.update("items", item_id, position=position)


def add_item(db: Database, meeting_id: int, draft: ItemDraft, *, after: str | None = None, first: bool = False) -> int:
    """Add an item at the end, after the item numbered `after`, or `first`; returns its id.

    Without a number it gets one more than the item before it ('3a' when that is taken).
    """
    draft = _check(draft)
    if not draft.title:
        raise StoreError("Punktet skal have en titel.")
    get_meeting(db, meeting_id)
    with action(db, meeting_id, f"Nyt punkt: {draft.title}") as act:
        rows = items(db, meeting_id)
        index = 0 if first else len(rows)
        if after is not None:
            index = rows.index(find_item(db, meeting_id, after)) + 1
        number = draft.number or _next_number(rows, index)
        _refuse_duplicate(db, meeting_id, number)
        item_id = act.insert(
            "items",
            {
                "meeting_id": meeting_id,
                "number": number,
                "position": len(rows) + 1,
                "title": draft.title,
                "case_number": draft.case_number or None,
                "public": int(draft.public is not False),
                "kind": draft.kind or None,
                "urgent": int(bool(draft.urgent)),
            },
        )
        _write_children(act, item_id, draft)
        ids = [row["id"] for row in rows]
        ids.insert(index, item_id)
        _renumber_positions(act, ids)
        return item_id


def edit_item(db: Database, meeting_id: int, number: str, draft: ItemDraft) -> list[str]:
    """Change what the draft gives of the item numbered `number`; returns the Danish names of what changed.

    An empty case number or kind clears it. A draft that changes nothing logs nothing.
    """
    draft = _check(draft)
    fields: dict[str, str | int | None] = {
        "title": draft.title,
        "number": draft.number,
        "case_number": draft.case_number,
        "kind": draft.kind,
        "public": None if draft.public is None else int(draft.public),
    }
    try:
        with action(db, meeting_id, f"Ret punkt {number}") as act:
            item = find_item(db, meeting_id, number)
            if draft.number is not None:
                _refuse_duplicate(db, meeting_id, draft.number, item["id"])
            changes: dict[str, str | int | None] = {key: value for key, value in fields.items() if value is not None}
            changes.update(dict.fromkeys((key for key in ("case_number", "kind") if changes.get(key) == ""), None))
            act.update("items", item["id"], **changes)
            _write_children(act, item["id"], draft)
            changed = [
                row[0]
                for row in db.execute(
                    "SELECT DISTINCT coalesce(field, entity) FROM audit_log WHERE action_id = ? ORDER BY id", [act.id]
                )
            ]
            if not changed:
                raise _Unchanged
    except _Unchanged:
        return []
    return [_FIELD_NAMES[name] for name in changed]


class _Unchanged(Exception):
    """Raised inside an edit that changes nothing, so its action rolls back and leaves no empty entry to undo."""


_FIELD_NAMES = {
    "title": "titel",
    "number": "nummer",
    "case_number": "sagsnummer",
    "kind": "punkttype",
    "public": "åben/lukket",
    "sections": "afsnit",
    "recommendations": "indstilling",
    "attachments": "bilag",
}


def recorded_on(db: Database, item_id: int) -> str | None:
    """What the meeting recorded on the item ('en beslutning', …), or None."""
    for table, what in RECORDED:
        if db.execute(f"SELECT 1 FROM {table} WHERE item_id = ? LIMIT 1", [item_id]).fetchone():
            return what
    return None


def delete_item_rows(act: Action, item_id: int) -> None:
    """Delete an item and everything that hangs on it, each row logged (so undo restores it)."""
    db = act.db
    for (vote_id,) in db.execute("SELECT id FROM votes WHERE item_id = ?", [item_id]).fetchall():
        act.delete_where("vote_casts", "vote_id = ?", [vote_id])
    for table in (*PREPARED, *(table for table, _ in RECORDED)):
        act.delete_where(table, "item_id = ?", [item_id])
    for column in ("arrived_item_id", "left_item_id"):
        for (row_id,) in db.execute(f"SELECT id FROM attendance WHERE {column} = ?", [item_id]).fetchall():
            act.update("attendance", row_id, **{column: None})
    meeting_id = db.execute("SELECT meeting_id FROM items WHERE id = ?", [item_id]).fetchone()[0]
    if db.execute("SELECT 1 FROM meetings WHERE id = ? AND current_item_id = ?", [meeting_id, item_id]).fetchone():
        act.update("meetings", meeting_id, current_item_id=None)
    act.delete("items", item_id)


def remove_item(db: Database, meeting_id: int, number: str) -> str:
    """Delete the item numbered `number` (refused once it has a beslutning, a vote or a remark); returns its title."""
    with action(db, meeting_id, f"Slet punkt {number}") as act:
        item = find_item(db, meeting_id, number)
        recorded = recorded_on(db, item["id"])
        if recorded:
            raise StoreError(f"Punkt {item['number']} har {recorded} og kan ikke slettes.")
        delete_item_rows(act, item["id"])
        _renumber_positions(act, [row["id"] for row in items(db, meeting_id)])
        return item["title"]


def move_item(
    db: Database,
    meeting_id: int,
    number: str,
    *,
    after: str | None = None,
    before: str | None = None,
    to: int | None = None,
) -> int:
    """Move an item after or before another, or to place `to` (1 = first); returns its new place."""
    if sum(value is not None for value in (after, before, to)) != 1:
        raise StoreError("Angiv præcis én af --after, --before og --to.")
    with action(db, meeting_id, f"Flyt punkt {number}") as act:
        rows = items(db, meeting_id)
        item = find_item(db, meeting_id, number)
        ids = [row["id"] for row in rows if row["id"] != item["id"]]
        if to is not None:
            if not 1 <= to <= len(rows):
                raise StoreError(f"Pladsen skal være mellem 1 og {len(rows)}.")
            index = to - 1
        else:
            other = find_item(db, meeting_id, after if after is not None else before or "")
            if other["id"] == item["id"]:
                raise StoreError("Et punkt kan ikke flyttes i forhold til sig selv.")
            index = ids.index(other["id"]) + (1 if after is not None else 0)
        ids.insert(index, item["id"])
        _renumber_positions(act, ids)
        return index + 1


def renumber(db: Database, meeting_id: int, start: int = 1) -> int:
    """Number the items start, start+1, … in agenda order (municipalities number through the year);
    returns how many numbers changed."""
    if start < 0:
        raise StoreError("Nummereringen skal begynde ved 0 eller derover.")
    with action(db, meeting_id, f"Omnummerér dagsordenen fra {start}") as act:
        rows = items(db, meeting_id)
        changed = 0
        for offset, row in enumerate(rows):
            if row["number"] != str(start + offset):
                act.update("items", row["id"], number=str(start + offset))
                changed += 1
        return changed
