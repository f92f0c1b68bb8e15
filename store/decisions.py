"""Beslutninger: outcome phrases, per-point outcomes, free text, votes, remarks, not taking part."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from store.agenda import item_started_at, next_undecided
from store.attendance import participants, quorum
from store.audit import Action, action, row_dict
from store.committees import vocabulary
from store.errors import StoreError
from store.meetings import get_meeting
from store.model import (
    CARRIED,
    OPENED,
    PLANNED,
    REMARK_KINDS,
    VOTE_CHOICES,
    VOTE_ON_AMENDMENT,
    VOTE_ON_RECOMMENDATION,
    Vote,
    display_name,
    tally,
)

if TYPE_CHECKING:
    from store.db import Database

POSTPONED_PHRASE = "Udsat"


def _item(db: Database, item_id: int) -> dict:
    cursor = db.execute("SELECT * FROM items WHERE id = ?", [item_id])
    row = cursor.fetchone()
    if row is None:
        raise StoreError(f"Punkt {item_id} findes ikke.")
    return row_dict(cursor, row)


def _open_if_planned(act: Action, meeting_id: int) -> None:
    """Recording the first beslutning of a meeting that was not opened opens it at that moment."""
    if act.db.execute("SELECT status FROM meetings WHERE id = ?", [meeting_id]).fetchone()[0] == PLANNED:
        act.update("meetings", meeting_id, status=OPENED, started_at=act.at)


def _decision(act: Action, item_id: int, **fields) -> None:
    row = act.db.execute("SELECT id FROM decisions WHERE item_id = ?", [item_id]).fetchone()
    if row:
        act.update("decisions", row[0], **fields)
    else:
        act.insert("decisions", {"item_id": item_id, "decided_at": act.at, **fields})


def _finish(act: Action, item: dict, outcome: str | None) -> None:
    """The item is treated: postponed or not, when, and whether the udvalg was beslutningsdygtigt for it
    (a postponement needs no quorum)."""
    started = act.row("items", item["id"])["started_at"]  # read inside the transaction: what it overwrites
    without_quorum = outcome != POSTPONED_PHRASE and not quorum(act.db, item["meeting_id"], item["id"]).ok
    act.update(
        "items",
        item["id"],
        postponed=int(outcome == POSTPONED_PHRASE),
        finished_at=act.at,
        started_at=started or act.at,
        without_quorum=int(without_quorum),
    )


def _advance(act: Action, meeting_id: int, after_item_id: int) -> int | None:
    """Make the next undecided item current (within the action); returns it."""
    following = next_undecided(act.db, meeting_id, after_item_id)
    act.update("meetings", meeting_id, current_item_id=following)
    if following and item_started_at(act.db, following) is None:
        act.update("items", following, started_at=act.at)
    return following


def _advance_if_current(act: Action, meeting_id: int, item_ids: list[int]) -> int | None:
    """After any beslutning (a digit, a dialog, a blok): if one of the items was current, the current item
    becomes the first undecided item after it in agenda order (after the first of them when none was current);
    a beslutning on other items leaves the current item where it is. Returns the current item."""
    current = get_meeting(act.db, meeting_id)["current_item_id"]
    if current in item_ids:
        return _advance(act, meeting_id, current)
    if current is None:
        return _advance(act, meeting_id, item_ids[0])
    return current


def record_outcome(db: Database, item_id: int, phrase: str) -> int | None:
    """Record a standard outcome on an item; the current item moves on as after any beslutning. Returns it."""
    item = _item(db, item_id)
    with action(db, item["meeting_id"], f"Beslutning punkt {item['number']}: {phrase}") as act:
        _open_if_planned(act, item["meeting_id"])
        _decision(act, item_id, outcome=phrase)
        _finish(act, item, phrase)
        return _advance_if_current(act, item["meeting_id"], [item_id])


def postpone_item(db: Database, item_id: int) -> int | None:
    """Udsæt punktet (outcome 'Udsat'); returns the current item afterwards."""
    return record_outcome(db, item_id, POSTPONED_PHRASE)


def record_outcomes(db: Database, item_ids: list[int], phrase: str) -> None:
    """Blok: give several items the same outcome in one action."""
    if not item_ids:
        raise StoreError("Ingen punkter er markeret.")
    items = [_item(db, item_id) for item_id in item_ids]
    meeting_id = items[0]["meeting_id"]
    numbers = ", ".join(item["number"] for item in items)
    with action(db, meeting_id, f"Blokbeslutning punkt {numbers}: {phrase}") as act:
        _open_if_planned(act, meeting_id)
        for item in items:
            _decision(act, item["id"], outcome=phrase)
            _finish(act, item, phrase)
        _advance_if_current(act, meeting_id, item_ids)


def record_point_outcomes(db: Database, item_id: int, outcomes: list[str]) -> None:
    """One outcome per indstilling point ('1. Anbefales 2. Ikke godkendt'); a current item moves on."""
    outcomes = [outcome.strip() for outcome in outcomes]
    if not any(outcomes):
        raise StoreError("Angiv mindst ét punkts beslutning.")
    item = _item(db, item_id)
    with action(db, item["meeting_id"], f"Beslutning pr. indstillingspunkt, punkt {item['number']}") as act:
        _open_if_planned(act, item["meeting_id"])
        act.delete_where("decision_points", "item_id = ?", [item_id])
        for position, outcome in enumerate(outcomes, start=1):
            act.insert("decision_points", {"item_id": item_id, "position": position, "outcome": outcome})
        _decision(act, item_id)
        _finish(act, item, None)
        _advance_if_current(act, item["meeting_id"], [item_id])


def split_decision_text(text: str, phrases: list[str]) -> tuple[str | None, str | None]:
    """'Godkendt.\\nPræsentationen bilægges.' -> ('Godkendt', 'Præsentationen bilægges.').

    A first line that is one of the committee's phrases (with or without a final
    period) is the outcome; everything else is free text.
    """
    lines = text.strip().split("\n")
    first = lines[0].strip().rstrip(".").strip()
    known = {phrase.lower(): phrase for phrase in phrases}
    if first.lower() in known:
        rest = "\n".join(lines[1:]).strip()
        return known[first.lower()], rest or None
    return None, text.strip() or None


def set_decision_text(db: Database, item_id: int, text: str) -> None:
    """Save the beslutning as typed in the editor (phrase first line, then free text); a current item moves on."""
    item = _item(db, item_id)
    meeting = get_meeting(db, item["meeting_id"])
    outcome, free_text = split_decision_text(text, vocabulary(db, meeting["committee_id"]))
    with action(db, item["meeting_id"], f"Beslutningstekst punkt {item['number']}") as act:
        _open_if_planned(act, item["meeting_id"])
        _decision(act, item_id, outcome=outcome, text=free_text)
        _finish(act, item, outcome)
        _advance_if_current(act, item["meeting_id"], [item_id])


def vote_participants(db: Database, item_id: int) -> list[dict]:
    """Who may vote on the item: everyone taking part in it (person_id, name, party)."""
    item = _item(db, item_id)
    return [
        {"person_id": row["person_id"], "name": row["name"], "party": row["party"]}
        for row in participants(db, item["meeting_id"], item_id)
    ]


def vote_labels(people: list[dict], choices: dict[int, str]) -> dict[str, list[str]]:
    """Per choice, party letters where a whole party voted alike, else names 'X (A)'."""
    by_party: dict[str | None, list[dict]] = defaultdict(list)
    for person in people:
        if person["person_id"] in choices:
            by_party[person["party"]].append(person)
    labels: dict[str, list[str]] = {choice: [] for choice in VOTE_CHOICES}
    for party, members in sorted(by_party.items(), key=lambda pair: pair[0] or "~"):
        voted = {choices[m["person_id"]] for m in members}
        if party and len(voted) == 1:
            labels[voted.pop()].append(party)
        else:
            for member in members:
                labels[choices[member["person_id"]]].append(display_name(member["name"], member["party"]))
    return labels


def record_vote(
    db: Database, item_id: int, subject: str, kind: str, choices: dict[int, str], adopt: bool = False
) -> Vote:
    """Add an afstemning (never replacing an earlier one).

    With `adopt` its result becomes the item's outcome (Godkendt / Ikke godkendt)
    and the next undecided item becomes current, as with a digit key.
    """
    if kind not in (VOTE_ON_RECOMMENDATION, VOTE_ON_AMENDMENT):
        raise StoreError(f"Ukendt afstemningstype '{kind}'.")
    if not subject.strip():
        raise StoreError("Angiv hvad der stemmes om.")
    people = vote_participants(db, item_id)
    allowed = {person["person_id"] for person in people}
    if not choices:
        raise StoreError("Ingen stemmer er afgivet.")
    if set(choices) - allowed:
        raise StoreError("Kun medlemmer, der deltager i punktet, kan stemme.")
    if set(choices.values()) - set(VOTE_CHOICES):
        raise StoreError("En stemme skal være for, imod eller undlod.")
    for_count, against_count, abstain_count, result = tally(choices)
    labels = vote_labels(people, choices)
    item = _item(db, item_id)
    with action(db, item["meeting_id"], f"Afstemning punkt {item['number']}: {result}") as act:
        position = db.execute("SELECT count(*) FROM votes WHERE item_id = ?", [item_id]).fetchone()[0] + 1
        _open_if_planned(act, item["meeting_id"])
        vote_id = act.insert(
            "votes",
            {
                "item_id": item_id,
                "position": position,
                "subject": subject.strip(),
                "kind": kind,
                "result": result,
                "for_count": for_count,
                "against_count": against_count,
                "abstain_count": abstain_count,
                "created_at": act.at,
            },
        )
        for choice in VOTE_CHOICES:
            for label in labels[choice]:
                act.insert("vote_casts", {"vote_id": vote_id, "choice": choice, "label": label})
        for person_id, choice in choices.items():
            act.insert("vote_casts", {"vote_id": vote_id, "choice": choice, "label": "", "person_id": person_id})
        if adopt:
            outcome = "Godkendt" if result == CARRIED else "Ikke godkendt"
            _decision(act, item_id, outcome=outcome)
            _finish(act, item, outcome)
            _advance_if_current(act, item["meeting_id"], [item_id])
    return Vote(
        subject=subject.strip(),
        for_=labels["for"],
        against=labels["imod"],
        abstain=labels["undlod"],
        result=result,
        kind=kind,
        for_count=for_count,
        against_count=against_count,
        abstain_count=abstain_count,
    )


def add_remark(db: Database, item_id: int, members: list[str], kind: str, text: str) -> None:
    """A protokolbemærkning asked for by member(s) or a party."""
    if kind not in REMARK_KINDS:
        raise StoreError(f"Ukendt bemærkningstype '{kind}'.")
    if not members or not text.strip():
        raise StoreError("En protokolbemærkning skal have afsender og tekst.")
    item = _item(db, item_id)
    with action(db, item["meeting_id"], f"Protokolbemærkning punkt {item['number']}") as act:
        act.insert("remarks", {"item_id": item_id, "kind": kind, "text": text.strip(), "members": members})


def mark_not_taking_part(db: Database, item_id: int, person_id: int, reason: str | None = None) -> None:
    """The member does not take part in the item (inhabil, left the room); the reason stays internal."""
    item = _item(db, item_id)
    with action(db, item["meeting_id"], f"Deltager ikke i punkt {item['number']}") as act:
        marked = "SELECT 1 FROM item_absences WHERE item_id = ? AND person_id = ?"
        if not db.execute(marked, [item_id, person_id]).fetchone():
            act.insert("item_absences", {"item_id": item_id, "person_id": person_id, "reason": reason})


def clear_not_taking_part(db: Database, item_id: int, person_id: int) -> None:
    """Undo a 'does not take part' mark."""
    item = _item(db, item_id)
    with action(db, item["meeting_id"], f"Deltager igen i punkt {item['number']}") as act:
        act.delete_where("item_absences", "item_id = ? AND person_id = ?", [item_id, person_id])
