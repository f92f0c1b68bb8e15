"""Meetings: create, list, find, and save or load a whole meeting document."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from store.audit import Action, action
from store.committees import (
    SUBSTITUTE_ROLE,
    ensure_committee,
    ensure_membership,
    ensure_person,
    get_committee,
    municipality_committee_ids,
    roster,
)
from store.dates import parse_clock, parse_date
from store.errors import StoreError
from store.model import (
    ABSENT,
    APPROVED,
    EXPECTED_LATE,
    PLANNED,
    SENT_APOLOGIES,
    SUBSTITUTE,
    Amendment,
    Approval,
    Attachment,
    Decision,
    Item,
    ItemAbsence,
    Meeting,
    Member,
    Remark,
    Section,
    Vote,
    display_name,
)
from store.seal import seal, sealed
from store.terminal_text import cleaned

if TYPE_CHECKING:
    from store.db import Database

_DISPLAY = re.compile(r"^(?P<name>.*?)\s*\((?P<party>[^()]{1,6})\)\s*$")


def split_display(text: str) -> tuple[str, str | None]:
    """'Benthe Viola Holm (A)' -> ('Benthe Viola Holm', 'A'); a bare name -> (name, None)."""
    match = _DISPLAY.match(text.strip())
    return (match["name"], match["party"]) if match else (text.strip(), None)


def create_meeting(
    db: Database,
    committee: str,
    date: str,
    time: str | None = None,
    place: str | None = None,
    municipality: str | None = None,
) -> int:
    """Plan a meeting of a committee (in `municipality`); its current members are put on the attendance list."""
    committee_row = get_committee(db, committee, municipality)
    day = parse_date(date)
    start = parse_clock(time) if time else None
    with action(db, None, f"Opret møde {day.isoformat()}") as act:
        meeting_id = act.insert(
            "meetings",
            {
                "committee_id": committee_row["id"],
                "date": day.isoformat(),
                "planned_start": start,
                "location": place,
                "status": "planlagt",
                "created_at": act.at,
            },
        )
        for member in roster(db, committee_row["id"]):
            act.insert("attendance", {"meeting_id": meeting_id, "person_id": member["person_id"]})
    return meeting_id


def meeting_filters(
    db: Database,
    alias: str,
    committee: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    municipality: str | None = None,
) -> tuple[list[str], list]:
    """SQL conditions and parameters restricting meetings (table alias `alias`) by committee or kommune and date."""
    where, params = [], []
    if committee:
        where.append(f"{alias}.committee_id = ?")
        params.append(get_committee(db, committee, municipality)["id"])
    elif municipality and municipality.strip():
        ids = municipality_committee_ids(db, municipality)
        where.append(f"{alias}.committee_id IN ({', '.join('?' * len(ids))})")
        params += ids
    if since:
        where.append(f"{alias}.date >= ?")
        params.append(since.isoformat())
    if until:
        where.append(f"{alias}.date <= ?")
        params.append(until.isoformat())
    return where, params


def list_meetings(
    db: Database,
    committee: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    upcoming: bool = False,
    municipality: str | None = None,
) -> list[dict]:
    """Meetings with id, date, start, committee, its kommune, status and number of items, oldest first."""
    if upcoming:
        since = max(since or dt.date.min, dt.date.today())
    where, params = meeting_filters(db, "g", committee, since, until, municipality)
    if upcoming:
        where.append("g.status = 'planlagt'")
    sql = (
        "SELECT g.id, g.date, g.planned_start AS start, c.name AS committee, c.municipality, g.status, g.location, "
        "(SELECT count(*) FROM items i WHERE i.meeting_id = g.id) AS items "
        "FROM meetings g JOIN committees c ON c.id = g.committee_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY g.date, g.planned_start, g.id"
    )
    return list(db.query(sql, params))


def get_meeting(db: Database, meeting_id: int) -> dict:
    """The meeting row joined with its committee; StoreError if there is none."""
    rows = list(
        db.query(
            "SELECT g.*, c.name AS committee, c.municipality, c.decision_placement AS committee_placement "
            "FROM meetings g "
            "JOIN committees c ON c.id = g.committee_id WHERE g.id = ?",
            [meeting_id],
        )
    )
    if not rows:
        raise StoreError(f"Møde {meeting_id} findes ikke.")
    return rows[0]


def todays_meeting(db: Database, today: dt.date | None = None) -> int | None:
    """The id of today's meeting (the first, if several), or None."""
    row = db.execute(
        "SELECT id FROM meetings WHERE date = ? ORDER BY planned_start, id LIMIT 1",
        [(today or dt.date.today()).isoformat()],
    ).fetchone()
    return row[0] if row else None


def meeting_to_open(db: Database, meeting_id: int | None) -> int:
    """`meeting_id` if that meeting exists, or today's meeting for None; StoreError when there is none."""
    if meeting_id is None:
        meeting_id = todays_meeting(db)
        if meeting_id is None:
            raise StoreError("Der er intet møde i dag; angiv mødets id (se 'referat meetings').")
    get_meeting(db, meeting_id)
    return meeting_id


# --- saving a whole document -------------------------------------------------


class AlreadyImported(StoreError):
    """The document (by its content hash) is already a meeting: `meeting_id`."""

    def __init__(self, source: str | None, meeting_id: int) -> None:
        super().__init__(f"{source or 'Dokumentet'} er allerede indlæst som møde {meeting_id}.")
        self.meeting_id = meeting_id


def imported_as(db: Database, source_hash: str) -> int | None:
    """The meeting a document with this content hash was imported as, or None."""
    row = db.execute("SELECT id FROM meetings WHERE source_hash = ? ORDER BY id LIMIT 1", [source_hash]).fetchone()
    return row[0] if row else None


def save_meeting(
    db: Database,
    meeting: Meeting,
    committee: str | None = None,
    source: str | None = None,
    municipality: str | None = None,
    source_hash: str | None = None,
) -> int:
    """Persist a whole meeting document in one transaction; returns the new meeting id.

    The committee is found by name and kommune (`committee` and `municipality`
    override the document's; created if new); members are matched to the
    roster by name and added with their party letter when new.  Control characters are removed from every
    text (store/terminal_text.py).  A document whose `source_hash` was imported before is refused with
    AlreadyImported (checked inside the transaction, so two imports of one file at once make one meeting).
    """
    meeting, committee, municipality = cleaned(meeting), cleaned(committee), cleaned(municipality)
    name = committee or meeting.committee
    if not name or not name.strip():
        raise StoreError("Mødet har intet udvalg; angiv det med --committee.")
    with action(db, None, f"Importér møde {meeting.date or ''}".strip()) as act:
        if source_hash and (earlier := imported_as(db, source_hash)):
            raise AlreadyImported(source, earlier)
        committee_id = ensure_committee(act, name, municipality or meeting.municipality)
        meeting_id = act.insert(
            "meetings",
            {
                "committee_id": committee_id,
                "date": meeting.date.isoformat() if meeting.date else None,
                "planned_start": meeting.start,
                "location": meeting.location,
                "status": meeting.status,
                "started_at": stamp(meeting.date, meeting.start) if meeting.status != "planlagt" else None,
                "ended_at": stamp(meeting.date, meeting.end),
                "source": source,
                "created_at": act.at,
                "decision_placement": meeting.decision_placement,
                "closing": meeting.closing,
                "closed_prefix": meeting.closed_prefix,
                "closed_marker": meeting.closed_marker,
                "source_hash": source_hash,
            },
        )
        save_content(act, meeting_id, committee_id, meeting)
        if meeting.status == PLANNED and not meeting.members:
            for member in roster(db, committee_id):
                act.insert("attendance", {"meeting_id": meeting_id, "person_id": member["person_id"]})
        if meeting.status == APPROVED:
            seal(act, meeting_id, meeting.layout)
    return meeting_id


def save_content(act: Action, meeting_id: int, committee_id: int, meeting: Meeting) -> None:
    """Save a document's members, items, attendance, approvals and guests into the meeting `meeting_id`."""
    people = _save_members(act, committee_id, meeting.members)
    item_ids = {}
    for position, item in enumerate(meeting.items, start=1):
        item_ids[item.number] = _save_item(act, meeting_id, position, item, people)
    _save_attendance(act, meeting_id, meeting.members, people, item_ids)
    for approval in meeting.approvals:
        act.insert(
            "approvals",
            {
                "meeting_id": meeting_id,
                "person_id": _person(act, people, approval.member),
                "at": approval.at,
                "reservation": approval.reservation,
            },
        )
    for position, guest in enumerate(meeting.guests, start=1):
        act.insert("guests", {"meeting_id": meeting_id, "position": position, "name": guest})


def stamp(day: dt.date | None, hhmm: str | None) -> str | None:
    """The ISO-8601 local time of HH:MM on `day` (how the meeting's start and end are stored), or None."""
    if not day or not hhmm:
        return None
    hour, minute = map(int, hhmm.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute)).astimezone().isoformat(timespec="seconds")


def _person(act: Action, people: dict[str, int], display: str) -> int:
    """The person id for a display name or bare name, created if unknown."""
    name, party = split_display(display)
    key = name.lower()
    if key not in people:
        people[key] = ensure_person(act, name, party)
    return people[key]


def _save_members(act: Action, committee_id: int, members: list[Member]) -> dict[str, int]:
    people: dict[str, int] = {}
    for member in members:
        person_id = ensure_person(act, member.name, member.party)
        people[member.name.lower()] = person_id
    for member in members:
        if member.attendance == SUBSTITUTE:
            seat = _person(act, people, member.substitute_for) if member.substitute_for else None
            ensure_membership(act, committee_id, people[member.name.lower()], SUBSTITUTE_ROLE, seat)
        else:
            ensure_membership(act, committee_id, people[member.name.lower()], member.role)
    return people


def _save_attendance(
    act: Action, meeting_id: int, members: list[Member], people: dict[str, int], item_ids: dict[str, int]
) -> None:
    for member in members:
        act.insert(
            "attendance",
            {
                "meeting_id": meeting_id,
                "person_id": people[member.name.lower()],
                "status": member.attendance,
                "substitute_for_id": _person(act, people, member.substitute_for) if member.substitute_for else None,
                "arrived_at": member.arrived_at,
                "arrived_item_id": item_ids.get(member.arrived_item or ""),
                "left_at": member.left_at,
                "left_item_id": item_ids.get(member.left_item or ""),
                "note": member.note,
            },
        )


def _save_item(act: Action, meeting_id: int, position: int, item: Item, people: dict[str, int]) -> int:
    item_id = act.insert(
        "items",
        {
            "meeting_id": meeting_id,
            "number": item.number,
            "position": position,
            "title": item.title,
            "case_number": item.case_number,
            "public": int(item.public),
            "kind": item.kind,
            "title_confidential": int(item.title_confidential),
            "outcome_confidential": int(item.outcome_confidential),
            "postponed": int(item.postponed),
            "without_quorum": int(item.without_quorum),
            "urgent": int(item.urgent),
            "recommendation_numbered": int(item.recommendation_numbered),
        },
    )
    for pos, section in enumerate(item.sections, start=1):
        act.insert(
            "sections",
            {
                "item_id": item_id,
                "position": pos,
                "heading": section.heading,
                "text": section.text,
                "kind": section.kind,
            },
        )
    for pos, text in enumerate(item.recommendation, start=1):
        act.insert("recommendations", {"item_id": item_id, "position": pos, "text": text})
    for pos, bilag in enumerate(item.attachments, start=1):
        act.insert(
            "attachments",
            {
                "item_id": item_id,
                "position": pos,
                "title": bilag.title,
                "reference": bilag.reference,
                "public": int(bilag.public),
            },
        )
    if item.decision:
        act.insert(
            "decisions",
            {"item_id": item_id, "outcome": item.decision.outcome, "text": item.decision.text, "decided_at": act.at},
        )
        for pos, outcome in enumerate(item.decision.points, start=1):
            act.insert("decision_points", {"item_id": item_id, "position": pos, "outcome": outcome})
    for pos, vote in enumerate(item.votes, start=1):
        vote_id = act.insert(
            "votes",
            {
                "item_id": item_id,
                "position": pos,
                "subject": vote.subject,
                "kind": vote.kind,
                "result": vote.result,
                "for_count": vote.for_count,
                "against_count": vote.against_count,
                "abstain_count": vote.abstain_count,
                "created_at": act.at,
            },
        )
        for choice, labels in (("for", vote.for_), ("imod", vote.against), ("undlod", vote.abstain)):
            for label in labels:
                act.insert("vote_casts", {"vote_id": vote_id, "choice": choice, "label": label})
    for remark in item.remarks:
        act.insert("remarks", {"item_id": item_id, "kind": remark.kind, "text": remark.text, "members": remark.members})
    for absence in item.absences:
        act.insert(
            "item_absences",
            {"item_id": item_id, "person_id": _person(act, people, absence.member), "reason": absence.reason},
        )
    for amendment in item.amendments:
        act.insert(
            "amendments",
            {
                "meeting_id": meeting_id,
                "item_id": item_id,
                "text": amendment.text,
                "reason": amendment.reason,
                "at": amendment.at,
            },
        )
    return item_id


# --- loading a whole document -------------------------------------------------


def _hhmm(stamp: str | None) -> str | None:
    return dt.datetime.fromisoformat(stamp).strftime("%H:%M") if stamp else None


def load_meeting(db: Database, meeting_id: int, *, contents: bool | Collection[int] = True) -> Meeting:
    """The whole meeting as a document (what the exporters render); without `contents`, its items hold only their
    own row, who did not take part and their bilag (all the referat's head and ending need: attendance, table of
    contents, bilagsoversigt); with item ids as `contents`, those items whole."""
    row = get_meeting(db, meeting_id)
    roster_seal = sealed(db, meeting_id) if row["status"] == APPROVED else None
    if roster_seal:
        row = {
            **row,
            "committee": roster_seal["committee"],
            "municipality": roster_seal["municipality"],
            "committee_placement": roster_seal["decision_placement"],
        }
    persons = (
        roster_seal["people"]
        if roster_seal
        else {
            p["id"]: p
            for p in db.query(
                "SELECT p.id, p.name, p.party FROM persons p WHERE p.id IN "
                "(SELECT person_id FROM attendance WHERE meeting_id = ? UNION SELECT substitute_for_id FROM attendance "
                "WHERE meeting_id = ? UNION SELECT person_id FROM item_absences WHERE item_id IN "
                "(SELECT id FROM items WHERE meeting_id = ?) UNION SELECT person_id FROM approvals WHERE meeting_id = ?)",
                [meeting_id] * 4,
            )
        }
    )
    roles = (
        {person_id: person["role"] for person_id, person in persons.items()}
        if roster_seal
        else {
            m["person_id"]: m["role"]
            for m in db.query(
                "SELECT person_id, role FROM memberships WHERE committee_id = ? AND valid_to IS NULL",
                [row["committee_id"]],
            )
        }
    )
    items = list(db.query("SELECT * FROM items WHERE meeting_id = ? ORDER BY position", [meeting_id]))
    every_item = "SELECT id FROM items WHERE meeting_id = ?"
    if contents is True:
        children = item_children(db, every_item, [meeting_id])
    else:
        children = item_children(db, every_item, [meeting_id], OUTLINE_CHILDREN)
        if contents:
            some = list(contents)
            read = item_children(
                db,
                f"{every_item} AND id IN ({', '.join('?' * len(some))})",
                [meeting_id, *some],
                [table for table in ITEM_CHILDREN if table not in OUTLINE_CHILDREN],
            )
            children.update({table: rows for table, rows in read.items() if table not in OUTLINE_CHILDREN})
    numbers = {item["id"]: item["number"] for item in items}
    members = []
    for att in db.query("SELECT * FROM attendance WHERE meeting_id = ? ORDER BY id", [meeting_id]):
        person = persons[att["person_id"]]
        seat = persons.get(att["substitute_for_id"])
        role = roles.get(att["person_id"])
        members.append(
            Member(
                name=person["name"],
                party=person["party"],
                role=None if role == SUBSTITUTE_ROLE else role,
                attendance=att["status"],
                substitute_for=seat["name"] if seat else None,
                arrived_at=att["arrived_at"],
                arrived_item=numbers.get(att["arrived_item_id"]),
                left_at=att["left_at"],
                left_item=numbers.get(att["left_item_id"]),
                note=att["note"],
            )
        )
    meeting = Meeting(
        committee=row["committee"],
        municipality=row["municipality"],
        date=dt.date.fromisoformat(row["date"]) if row["date"] else None,
        start=_hhmm(row["started_at"]) or row["planned_start"],
        end=_hhmm(row["ended_at"]),
        location=row["location"],
        status=row["status"],
        members=members,
        decision_placement=row["decision_placement"] or row["committee_placement"],
        items=[item_from_row(db, item, persons, children) for item in items],
        approvals=[
            Approval(
                member=display_name(persons[a["person_id"]]["name"], persons[a["person_id"]]["party"]),
                at=a["at"],
                reservation=a["reservation"],
            )
            for a in db.query("SELECT * FROM approvals WHERE meeting_id = ? ORDER BY at, id", [meeting_id])
        ],
        guests=[
            g["name"]
            for g in db.query("SELECT name FROM guests WHERE meeting_id = ? ORDER BY position, id", [meeting_id])
        ],
        closing=row["closing"],
        layout=roster_seal["layout"] if roster_seal else None,
        closed_prefix=row["closed_prefix"],
        closed_marker=row["closed_marker"],
    )
    _fill_absent(meeting)
    return meeting


# What hangs on an item: each table with the order its rows are read in.
ITEM_CHILDREN = {
    "decisions": "id",
    "decision_points": "position",
    "votes": "position",
    "sections": "position",
    "recommendations": "position",
    "remarks": "id",
    "item_absences": "id",
    "attachments": "position",
    "amendments": "at",
}


OUTLINE_CHILDREN = ("item_absences", "attachments")  # what hangs on every item in a meeting read without contents


def item_children(
    db: Database, items_sql: str, params: list, tables: Collection[str] = ITEM_CHILDREN.keys()
) -> dict[str, dict[int, list[dict]]]:
    """The rows hanging on the items `items_sql` selects (their ids), by table and item id: one query a table,
    however many items (`tables`: only these are read, the others left empty)."""
    children: dict[str, dict[int, list[dict]]] = {table: {} for table in [*ITEM_CHILDREN, "vote_casts"]}
    for table in tables:
        grouped: dict[int, list[dict]] = {}
        for row in db.query(
            f"SELECT * FROM {table} WHERE item_id IN ({items_sql}) ORDER BY item_id, {ITEM_CHILDREN[table]}, id", params
        ):
            grouped.setdefault(row["item_id"], []).append(row)
        children[table] = grouped
    if "votes" in tables:
        for cast in db.query(
            "SELECT vote_id, choice, label FROM vote_casts WHERE person_id IS NULL AND vote_id IN "
            f"(SELECT id FROM votes WHERE item_id IN ({items_sql})) ORDER BY id",
            params,
        ):
            children["vote_casts"].setdefault(cast["vote_id"], []).append(cast)
    return children


def item_from_row(
    db: Database,
    row: dict,
    persons: dict[int, dict] | None = None,
    children: dict[str, dict[int, list[dict]]] | None = None,
) -> Item:
    """An item row with everything that hangs on it (`children`: read already by item_children), as a document Item."""
    item_id = row["id"]
    if persons is None:
        persons = {
            p["id"]: p
            for p in db.query(
                "SELECT id, name, party FROM persons WHERE id IN (SELECT person_id FROM item_absences WHERE item_id = ?)",
                [item_id],
            )
        }
    if children is None:
        children = item_children(db, "?", [item_id])

    def rows(table: str) -> list[dict]:
        return children[table].get(item_id, [])

    decision_row = next(iter(rows("decisions")), None)
    points = [p["outcome"] for p in rows("decision_points")]
    decision = None
    if decision_row or points:
        decision = Decision(
            outcome=decision_row["outcome"] if decision_row else None,
            text=decision_row["text"] if decision_row else None,
            points=points,
        )
    votes = []
    for vote in rows("votes"):
        casts: dict[str, list[str]] = {"for": [], "imod": [], "undlod": []}
        for cast in children["vote_casts"].get(vote["id"], []):
            casts[cast["choice"]].append(cast["label"])
        votes.append(
            Vote(
                subject=vote["subject"],
                for_=casts["for"],
                against=casts["imod"],
                abstain=casts["undlod"],
                result=vote["result"],
                kind=vote["kind"],
                for_count=vote["for_count"],
                against_count=vote["against_count"],
                abstain_count=vote["abstain_count"],
            )
        )
    return Item(
        number=row["number"],
        title=row["title"],
        public=bool(row["public"]),
        case_number=row["case_number"],
        kind=row["kind"],
        sections=[Section(s["heading"], s["text"] or "", s["kind"]) for s in rows("sections")],
        recommendation=[r["text"] for r in rows("recommendations")],
        decision=decision,
        votes=votes,
        remarks=[
            Remark(members=json.loads(r["members"] or "[]"), kind=r["kind"], text=r["text"]) for r in rows("remarks")
        ],
        absences=[
            ItemAbsence(
                member=display_name(persons[a["person_id"]]["name"], persons[a["person_id"]]["party"])
                if a["person_id"] in persons
                else "",
                reason=a["reason"],
            )
            for a in rows("item_absences")
        ],
        attachments=[Attachment(a["title"], a["reference"], bool(a["public"])) for a in rows("attachments")],
        amendments=[Amendment(text=a["text"], at=a["at"], reason=a["reason"]) for a in rows("amendments")],
        title_confidential=bool(row["title_confidential"]),
        outcome_confidential=bool(row["outcome_confidential"]),
        postponed=bool(row["postponed"]),
        without_quorum=bool(row["without_quorum"]),
        urgent=bool(row["urgent"]),
        recommendation_numbered=bool(row["recommendation_numbered"]),
    )


def _fill_absent(meeting: Meeting) -> None:
    """Item.absent: everyone who did not take part in the item, by display name."""
    order = {item.number: index for index, item in enumerate(meeting.items)}
    for index, item in enumerate(meeting.items):
        absent = []
        for member in meeting.members:
            if member.attendance in (SENT_APOLOGIES, ABSENT, EXPECTED_LATE):
                absent.append(member.display)
            elif member.arrived_item in order and index < order[member.arrived_item]:
                absent.append(member.display)
            elif member.left_item in order and index > order[member.left_item]:
                absent.append(member.display)
        for absence in item.absences:
            if absence.member not in absent:
                absent.append(absence.member)
        item.absent = absent
