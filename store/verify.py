"""`referat verify`: does the stored referat still match its log and its approval?

Three checks, each naming where it first fails:
1. the chain: every log row of the meeting, and the row after each, still hashes to its link;
2. the log replayed: each referat row of the meeting holds what the log says was written
   (no row changed, added or removed outside an action);
3. for an approved referat: the log's head recorded at the approval is still there, and the
   referat's rows still give the digest recorded at the approval.
When all hold, the sentence ends with a kontrolsum (the start of the meeting's latest log hash):
noted beside a published copy, it shows later whether the log was cut short or rewritten since.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.chain import CONTENT, GENESIS, LINKED_COLUMNS, content_digest, link
from store.dates import short_iso_date
from store.meetings import get_meeting
from store.model import APPROVED

if TYPE_CHECKING:
    from store.db import Database

# The tables replayed, with what one row of each is called in a sentence.
_NAMES = {
    "meetings": "mødet",
    "items": "et punkt",
    "sections": "et afsnit",
    "recommendations": "et indstillingspunkt",
    "attachments": "et bilag",
    "decision_points": "en beslutning pr. indstillingspunkt",
    "decisions": "en beslutning",
    "votes": "en afstemning",
    "vote_casts": "en stemme",
    "remarks": "en protokolbemærkning",
    "item_absences": "en inhabilitet",
    "attendance": "fremmødet",
    "approvals": "en godkendelse",
    "guests": "en gæst",
    "amendments": "en tilføjelse",
    "approval_seals": "godkendelsens forsegling",
}
_REPLAYED = (*(table for table, _, _ in CONTENT), "amendments", "approval_seals")
_WHERE = {table: where for table, where, _ in CONTENT} | {
    "amendments": "meeting_id = :meeting",
    "approval_seals": "meeting_id = :meeting",
}


@dataclass
class Verdict:
    """The outcome of a check: `ok`, and one Danish sentence saying so or where it first differs."""

    ok: bool
    sentence: str


def _title(row: dict) -> str:
    return f"Referatet for møde {row['id']} ({row['committee']}, {short_iso_date(row['date'])})"


def _chain_break(db: Database, rows: list[tuple]) -> tuple | None:
    """The first log row (of `rows` and the row after each) whose hash is not its link; None if all hold."""
    to_check = {row[0] for row in rows}
    for row in rows:
        following = db.execute("SELECT min(id) FROM audit_log WHERE id > ?", [row[0]]).fetchone()[0]
        if following is not None:
            to_check.add(following)
    for row_id in sorted(to_check):
        row = db.execute(
            f"SELECT {LINKED_COLUMNS}, a.hash FROM audit_log a "
            "LEFT JOIN actions x ON x.id = a.action_id WHERE a.id = ?",
            [row_id],
        ).fetchone()
        previous = db.execute("SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1", [row_id]).fetchone()
        if link(previous[0] if previous else GENESIS, row[:-1]) != row[-1]:
            return row
    return None


def _same(logged, stored) -> bool:
    if isinstance(logged, (list, dict)) and isinstance(stored, str):
        try:
            return json.loads(stored) == logged
        except ValueError:
            return False
    return logged == stored


# What a changed field is called in a sentence (others by their column name).
_FIELDS = {
    "outcome": "udfaldet",
    "text": "teksten",
    "title": "titlen",
    "status": "status",
    "location": "mødestedet",
    "date": "datoen",
    "reservation": "forbeholdet",
    "result": "resultatet",
    "for_count": "antal for",
    "against_count": "antal imod",
    "abstain_count": "antal undlod",
    "choice": "stemmen",
    "label": "navnet",
    "people": "deltagerne",
    "committee": "udvalget",
    "municipality": "kommunen",
    "heading": "overskriften",
    "number": "nummeret",
    "public": "åben/lukket",
    "reason": "begrundelsen",
}


def _shown(value, other=None) -> str:
    """The value quoted; a long one cut to where it differs from `other`."""
    if value is None:
        return "tom"
    text, start = str(value), 0
    if len(text) > 60 and isinstance(other, str):
        start = next((i for i, (a, b) in enumerate(zip(text, other)) if a != b), min(len(text), len(other)))
        start = max(0, start - 20)
    shown = text[start : start + 60]
    return f"'{'…' if start else ''}{shown}{'…' if start + 60 < len(text) else ''}'"


def _when(stamp: str) -> str:
    return f"{short_iso_date(stamp[:10])} kl. {stamp[11:16].replace(':', '.')}" if stamp else "uden tid"


def _describe(db: Database, table: str, row_id: int, row: dict) -> str:
    """'en beslutning på punkt 2 (decisions 7)': the row as a sentence names it."""
    item_id = row.get("item_id")
    if table == "vote_casts":
        vote = db.execute("SELECT item_id FROM votes WHERE id = ?", [row.get("vote_id")]).fetchone()
        item_id = vote[0] if vote else None
    number = db.execute("SELECT number FROM items WHERE id = ?", [item_id]).fetchone() if item_id else None
    where = f" på punkt {number[0]}" if number else ""
    if table == "items" and row.get("number"):
        return f"punkt {row['number']} ({table} {row_id})"
    return f"{_NAMES[table]}{where} ({table} {row_id})"


def _replay_difference(db: Database, meeting_id: int, rows: list[tuple]) -> str | None:
    """Where the referat's rows first differ from what the meeting's log says was written; None if nowhere."""
    logged: dict[tuple[str, int], dict | None] = {}
    for _, _, _, _, entity, entity_id, field, _, new in rows:
        if entity not in _REPLAYED:
            continue
        value = None if new is None else json.loads(new)
        if field is None:
            logged[(entity, entity_id)] = value
        elif (row := logged.get((entity, entity_id))) is not None:
            row[field] = value
    seals_at_upgrade = {
        row[0]
        for row in db.execute("SELECT id FROM approval_seals WHERE meeting_id = ? AND at_upgrade = 1", [meeting_id])
    }
    for table in _REPLAYED:
        cursor = db.execute(f"SELECT * FROM {table} WHERE {_WHERE[table]} ORDER BY id", {"meeting": meeting_id})
        names = [column[0] for column in cursor.description]
        stored = {row[0]: dict(zip(names, row)) for row in cursor}
        expected = {key[1]: value for key, value in logged.items() if key[0] == table and value is not None}
        for row_id in sorted(stored.keys() | expected.keys()):
            row = stored.get(row_id) or expected[row_id]
            if row_id not in expected:
                if table == "approval_seals" and row_id in seals_at_upgrade:
                    continue
                return f"{_describe(db, table, row_id, row)} findes i databasen, men ikke i loggen"
            if row_id not in stored:
                return f"{_describe(db, table, row_id, row)} står i loggen, men er slettet fra databasen"
            for field, value in expected[row_id].items():
                if field in stored[row_id] and not _same(value, stored[row_id][field]):
                    now = stored[row_id][field]
                    return (
                        f"{_FIELDS.get(field, f'feltet {field}')} i {_describe(db, table, row_id, row)} er "
                        f"{_shown(now, value)} i databasen, men loggen siger {_shown(value, now)}"
                    )
    return None


def verify_meeting(db: Database, meeting_id: int) -> Verdict:
    """Check one meeting's referat against its chained log and its approval (StoreError if no such meeting)."""
    meeting = get_meeting(db, meeting_id)
    title = _title(meeting)
    if "hash" not in {row[1] for row in db.execute("PRAGMA table_info(audit_log)")}:
        return Verdict(
            False,
            f"{title} kan ikke kontrolleres: databasen er fra en ældre udgave af referat "
            "og skal først åbnes til skrivning, så den opgraderes.",
        )
    rows = db.execute(
        f"SELECT {LINKED_COLUMNS} FROM audit_log a LEFT JOIN actions x ON x.id = a.action_id "
        "WHERE a.meeting_id = ? ORDER BY a.id",
        [meeting_id],
    ).fetchall()
    broken = _chain_break(db, rows)
    if broken is not None:
        return Verdict(
            False,
            f"{title} stemmer ikke: ændringsloggens række {broken[0]} ({_when(broken[2])}, "
            f'"{broken[1]}") er ændret, indsat eller slettet efter den blev skrevet.',
        )
    difference = _replay_difference(db, meeting_id, rows)
    if difference:
        return Verdict(False, f"{title} stemmer ikke med sin log: {difference}.")
    last = db.execute(
        "SELECT hash FROM audit_log WHERE meeting_id = ? ORDER BY id DESC LIMIT 1", [meeting_id]
    ).fetchone()
    fingerprint = f"(kontrolsum {last[0][:16]})" if last else "(intet logget)"
    seal = next(iter(db.query("SELECT * FROM approval_seals WHERE meeting_id = ?", [meeting_id])), None)
    if meeting["status"] != APPROVED:
        if seal is not None:
            return Verdict(False, f"{title} stemmer ikke: det har en forsegling, men er ikke godkendt.")
        return Verdict(True, f"{title} stemmer med sin log {fingerprint}; det er endnu ikke godkendt.")
    if seal is None or not seal["content_hash"]:
        return Verdict(False, f"{title} stemmer ikke: det er godkendt, men godkendelsen er ikke forseglet.")
    head = db.execute("SELECT hash FROM audit_log WHERE id = ?", [seal["chain_head_id"]]).fetchone()
    if seal["chain_head_id"] and (head is None or head[0] != seal["chain_head"]):
        return Verdict(
            False,
            f"{title} stemmer ikke: ændringsloggen er skrevet om siden godkendelsen "
            f"(række {seal['chain_head_id']} er ikke den, godkendelsen blev givet efter).",
        )
    try:
        digest = content_digest(db, meeting_id, json.loads(seal["content_columns"]), seal)
    except KeyError as error:
        digest = f"mangler {error}"
    if digest != seal["content_hash"]:
        return Verdict(False, f"{title} stemmer ikke: indholdet er ikke det samme som da referatet blev godkendt.")
    if seal["chained_at_upgrade"]:
        return Verdict(
            True,
            f"{title} stemmer med sin log og sin godkendelse {fingerprint}; det blev godkendt, "
            "før loggen blev kædet, så kontrollen gælder fra opgraderingen.",
        )
    return Verdict(True, f"{title} stemmer med sin log og sin godkendelse {fingerprint}.")
