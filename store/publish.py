"""The public database (`referat publish --public -o PUBLIC.db`): a new SQLite file holding only what the
public referat shows, for Datasette or any other reader.

Every meeting goes through `store.redaction.public_view`, the rules of the public Markdown and JSON: no lukket
content, no inhabilitet or other reasons, no members' notes, no bilag marked not public.  Nothing else is
copied: no audit log, no actions, no recorders, no settings, no drafts.  The file is built beside the target
and renamed over it, so a reader never sees half of it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from store.errors import StoreError
from store.meetings import list_meetings, load_meeting
from store.model import Meeting
from store.output_files import check_output
from store.redaction import public_view

if TYPE_CHECKING:
    from store.db import Database

MARK = "_referat_offentlig"  # the table that marks a file as a public database (one may replace another)
SEARCH_TABLE = "item_search"
# Table: (title, description, label column or None), as Datasette shows them.
TABLES: dict[str, tuple[str, str, str | None]] = {
    "committees": ("Udvalg", "Kommunens udvalg.", "name"),
    "meetings": ("Møder", "Udvalgsmøder med dato, sted og status (planlagt, åbnet, hævet, godkendt).", "date"),
    "members": ("Fremmøde", "Mødets medlemmer: parti, rolle, til stede, afbud eller stedfortræder.", "name"),
    "items": (
        "Dagsordenspunkter",
        "Punkterne på hvert møde. Et lukket punkt viser kun nummer, titel og udfald. "
        "Søgefeltet søger i titel, afsnit, indstilling, beslutning og bemærkninger.",
        "title",
    ),
    "sections": ("Afsnit", "De åbne punkters afsnit: beslutningstema, sagsfremstilling, økonomi osv.", "heading"),
    "recommendations": ("Indstillinger", "Indstillingens punkter (at …) på de åbne punkter.", None),
    "decision_points": ("Beslutninger pr. indstillingspunkt", "Udfaldet for hvert punkt i indstillingen.", None),
    "votes": ("Afstemninger", "Afstemninger: for, imod, undlod og resultat.", "subject"),
    "remarks": ("Protokolbemærkninger", "Mindretalsudtalelser og bemærkninger ført til protokols.", None),
    "absences": ("Deltog ikke", "Medlemmer der ikke deltog i et punkts behandling.", None),
    "attachments": ("Bilag", "De offentlige bilag.", "title"),
    "amendments": ("Tilføjelser", "Daterede tilføjelser til et godkendt referat.", None),
    "approvals": ("Godkendelser", "Medlemmernes godkendelse af referatet, evt. med forbehold.", None),
}
FOREIGN_KEYS = {
    "meetings": [("committee_id", "committees")],
    "members": [("meeting_id", "meetings")],
    "items": [("meeting_id", "meetings")],
    "approvals": [("meeting_id", "meetings")],
}
for _table in (
    "sections",
    "recommendations",
    "decision_points",
    "votes",
    "remarks",
    "absences",
    "attachments",
    "amendments",
):
    FOREIGN_KEYS[_table] = [("item_id", "items")]


def _rows(meetings: list[Meeting]) -> dict[str, list[dict]]:
    """Every table's rows for these (already public) meetings; ids are numbered afresh."""
    rows: dict[str, list[dict]] = {name: [] for name in [*TABLES, SEARCH_TABLE]}
    committees: dict[tuple[str, str | None], int] = {}
    for meeting_id, meeting in enumerate(meetings, start=1):
        key = (meeting.committee, meeting.municipality)
        if key not in committees:
            committees[key] = len(committees) + 1
            rows["committees"].append({"id": committees[key], "name": key[0], "municipality": key[1]})
        rows["meetings"].append(
            {
                "id": meeting_id,
                "committee_id": committees[key],
                "date": meeting.date and meeting.date.isoformat(),
                "start": meeting.start,
                "end": meeting.end,
                "location": meeting.location,
                "status": meeting.status,
            }
        )
        rows["members"] += [
            {
                "meeting_id": meeting_id,
                "name": member.name,
                "party": member.party,
                "role": member.role,
                "attendance": member.attendance,
                "substitute_for": member.substitute_for,
                "arrived_at": member.arrived_at,
                "arrived_item": member.arrived_item,
                "left_at": member.left_at,
                "left_item": member.left_item,
            }
            for member in meeting.members
        ]
        rows["approvals"] += [
            {
                "meeting_id": meeting_id,
                "member": approval.member,
                "at": approval.at,
                "reservation": approval.reservation,
            }
            for approval in meeting.approvals
        ]
        for position, item in enumerate(meeting.items, start=1):
            _item_rows(rows, len(rows["items"]) + 1, meeting_id, position, item)
    return rows


def _item_rows(rows: dict[str, list[dict]], item_id: int, meeting_id: int, position: int, item) -> None:
    decision = item.decision
    rows["items"].append(
        {
            "id": item_id,
            "meeting_id": meeting_id,
            "position": position,
            "number": item.number,
            "title": item.title,
            "public": item.public,
            "case_number": item.case_number,
            "kind": item.kind,
            "outcome": decision.outcome if decision else None,
            "decision_text": decision.text if decision else None,
            "postponed": item.postponed,
        }
    )
    rows["sections"] += [
        {"item_id": item_id, "position": n, "heading": section.heading, "text": section.text}
        for n, section in enumerate(item.sections, start=1)
    ]
    rows["recommendations"] += [
        {"item_id": item_id, "position": n, "text": text} for n, text in enumerate(item.recommendation, start=1)
    ]
    rows["decision_points"] += [
        {"item_id": item_id, "position": n, "outcome": outcome}
        for n, outcome in enumerate(decision.points if decision else [], start=1)
    ]
    rows["votes"] += [
        {
            "item_id": item_id,
            "subject": vote.subject,
            "for": ", ".join(vote.for_),
            "against": ", ".join(vote.against),
            "abstain": ", ".join(vote.abstain),
            "result": vote.result,
        }
        for vote in item.votes
    ]
    rows["remarks"] += [
        {"item_id": item_id, "members": ", ".join(remark.members), "kind": remark.kind, "text": remark.text}
        for remark in item.remarks
    ]
    absent = dict.fromkeys([*item.absent, *(absence.member for absence in item.absences)])
    rows["absences"] += [{"item_id": item_id, "member": member} for member in absent]
    rows["attachments"] += [
        {"item_id": item_id, "title": bilag.title, "reference": bilag.reference}
        for bilag in item.attachments
        if bilag.public
    ]
    rows["amendments"] += [
        {"item_id": item_id, "at": amendment.at, "text": amendment.text} for amendment in item.amendments
    ]
    body = [
        *(f"{s.heading}\n{s.text}" for s in item.sections),
        *item.recommendation,
        *(remark.text for remark in item.remarks),
    ]
    if decision:
        body += [decision.outcome or "", decision.text or ""]
    rows[SEARCH_TABLE].append({"id": item_id, "title": item.title, "body": "\n".join(body)})


def _write(path: Path, meetings: list[Meeting]) -> None:
    import sqlite_utils

    out = sqlite_utils.Database(path, execute_plugins=False)
    try:
        out.table(MARK).insert({"edition": "offentlig"})
        for name, table_rows in _rows(meetings).items():
            pk = "id" if table_rows and "id" in table_rows[0] else None
            out.table(name).insert_all(table_rows, pk=pk, foreign_keys=FOREIGN_KEYS.get(name, []), alter=True)
            if not table_rows:
                out.table(name).create({"id": int}, pk="id", if_not_exists=True)
        out.table(SEARCH_TABLE).enable_fts(["title", "body"], tokenize="unicode61 remove_diacritics 0")
        out.execute("VACUUM")
    finally:
        out.close()


def _replaceable(path: Path) -> bool:
    """Whether `path` is an earlier public database (which a new one may replace)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [MARK]).fetchone() is not None
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def publish(db: Database, path: Path, *, database: Path | None = None) -> int:
    """Write the public database of every meeting in `db` to `path`; returns the number of meetings.

    `path` may be new or an earlier public database; anything else (the working database, another database, a
    symbolic link, a folder) is refused with StoreError.
    """
    path = Path(path)
    if not (path.is_file() and not path.is_symlink() and _replaceable(path)):
        check_output(path, database)
    if not path.parent.is_dir():
        raise StoreError(f"Mappen {path.parent} findes ikke.")
    meetings = [public_view(load_meeting(db, row["id"])) for row in list_meetings(db)]
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(descriptor)
    try:
        _write(Path(temporary), meetings)
        os.chmod(temporary, 0o644)  # published: anyone may read it, only the owner write
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return len(meetings)


def public_metadata(database_name: str) -> dict:
    """Datasette metadata for the public database served as `database_name`: Danish titles, a search box on the
    items, the search index and the mark hidden, and no SQL of the reader's own."""
    tables: dict[str, dict] = {name: {"hidden": True} for name in (MARK, SEARCH_TABLE)}
    for name, (title, description, label) in TABLES.items():
        tables[name] = {"title": title, "description": description} | ({"label_column": label} if label else {})
    tables["items"] |= {"fts_table": f"{SEARCH_TABLE}_fts", "fts_pk": "id"}
    return {
        "title": "Offentlige referater",
        "description": "Udvalgenes offentlige referater: dagsordener, fremmøde og beslutninger. "
        "Lukkede punkter viser kun nummer, titel og udfald.",
        "allow_sql": False,
        "databases": {database_name: {"tables": tables}},
    }
