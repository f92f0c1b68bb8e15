"""Committees (udvalg), people, memberships and each committee's decision vocabulary."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from store.audit import Action, action
from store.error_sentences import toml_error_sentence
from store.errors import StoreError
from store.model import DECISION_PLACEMENTS, DEFAULT_VOCABULARY, MEMBER, ROLES, committee_label
from store.terminal_text import cleaned

if TYPE_CHECKING:
    from store.db import Database

SUBSTITUTE_ROLE = "stedfortræder"


def _kommune(text: str | None) -> str:
    """'Hvidovre Kommune', 'hvidovre' -> 'hvidovre': how two spellings of one kommune compare.

    The genitive of 'Københavns Kommune' and 'Bornholms Regionskommune' goes too: a final 's' is
    dropped from every name alike ('Aarhus' and 'Aarhus Kommune' both compare as 'aarhu'), which
    no two of the 98 kommuner differ by.
    """
    words = (text or "").lower().split()
    if words[-1:] in (["kommune"], ["regionskommune"]):
        words = words[:-1]
    return " ".join(words).removesuffix("s")


def same_municipality(first: str | None, second: str | None) -> bool:
    """Whether two names of a kommune name the same one ('Hvidovre' and 'Hvidovre Kommune' do)."""
    return _kommune(first) == _kommune(second)


def _named(db: Database, name: str) -> list[dict]:
    return list(db.query("SELECT * FROM committees WHERE lower(name) = lower(?) ORDER BY municipality", [name.strip()]))


def _ambiguous(name: str, rows: list[dict], how: str = "med --municipality") -> StoreError:
    kommuner = " og ".join(row["municipality"] or "uden kommune" for row in rows)
    return StoreError(f"Der er flere udvalg med navnet {name.strip()} ({kommuner}); angiv kommunen {how}.")


def find_committee(db: Database, name: str, municipality: str | None = None) -> dict | None:
    """The committee with this name (case-insensitive), in `municipality` when given, or None.

    Committees are unique per (name, kommune): StoreError asks for the kommune
    when the name alone fits committees of more than one.
    """
    rows = _named(db, name)
    if municipality:
        rows = [row for row in rows if same_municipality(row["municipality"], municipality)]
    if len(rows) > 1:
        raise _ambiguous(name, rows)
    return rows[0] if rows else None


def get_committee(db: Database, name: str, municipality: str | None = None) -> dict:
    """The committee with this name (in `municipality`); StoreError naming the known ones if absent."""
    committee = find_committee(db, name, municipality)
    if committee is None:
        known = ", ".join(committee_label(row["name"], row["municipality"]) for row in list_committees(db)) or "ingen"
        where = f" i {municipality.strip()}" if municipality else ""
        raise StoreError(f"Udvalget '{name}'{where} findes ikke (kendte udvalg: {known}).")
    return committee


def municipality_committee_ids(db: Database, municipality: str) -> list[int]:
    """The ids of the kommune's committees ('Herlev' or 'Herlev Kommune'); StoreError naming the known kommuner
    if it has none."""
    rows = list(db.query("SELECT id, municipality FROM committees ORDER BY municipality"))
    ids = [row["id"] for row in rows if same_municipality(row["municipality"], municipality)]
    if not ids:
        known = ", ".join(dict.fromkeys(row["municipality"] for row in rows if row["municipality"])) or "ingen"
        raise StoreError(f"Der er ingen udvalg i {municipality.strip()} (kendte kommuner: {known}).")
    return ids


def list_committees(db: Database) -> list[dict]:
    """All committees, by name, with their number of members and meetings."""
    return list(
        db.query(
            "SELECT c.*, "
            "(SELECT count(*) FROM memberships m WHERE m.committee_id = c.id AND m.role != ?) AS members, "
            "(SELECT count(*) FROM meetings g WHERE g.committee_id = c.id) AS meetings "
            "FROM committees c ORDER BY c.name",
            [SUBSTITUTE_ROLE],
        )
    )


def _add_committee(
    act: Action, name: str, municipality: str | None, short_name: str | None, vocabulary: list[str] | None
) -> int:
    committee_id = act.insert(
        "committees", {"name": name.strip(), "municipality": municipality, "short_name": short_name}
    )
    for position, phrase in enumerate(vocabulary or DEFAULT_VOCABULARY, start=1):
        act.insert("vocabulary", {"committee_id": committee_id, "position": position, "phrase": phrase})
    return committee_id


def add_committee(
    db: Database,
    name: str,
    municipality: str | None = None,
    short_name: str | None = None,
    vocabulary: list[str] | None = None,
) -> int:
    """Create a committee with the default (or given) vocabulary; StoreError if it exists.

    Control characters are removed from the names (store/terminal_text.py)."""
    name, municipality, short_name = cleaned(name), cleaned(municipality), cleaned(short_name)
    if not name.strip():
        raise StoreError("Udvalget skal have et navn.")
    for row in _named(db, name):
        if not (municipality and row["municipality"]) or same_municipality(row["municipality"], municipality):
            where = f" i {row['municipality']}" if row["municipality"] else " (uden kommune)"
            hint = "" if municipality else "; et udvalg med samme navn i en anden kommune oprettes med --municipality"
            raise StoreError(f"Udvalget '{name}'{where} findes allerede{hint}.")
    with action(db, None, f"Opret udvalg {name}") as act:
        return _add_committee(act, name, municipality, short_name, vocabulary)


def ensure_committee(act: Action, name: str, municipality: str | None = None) -> int:
    """The id of the named committee in `municipality`, creating it (default vocabulary) inside `act` if needed.

    A committee of that name without a kommune is taken (and given the kommune)
    when there is no committee of that name in the kommune already.
    """
    committee = find_committee(act.db, name, municipality)
    if committee is None and municipality:
        unplaced = [row for row in _named(act.db, name) if not row["municipality"]]
        if len(unplaced) == 1:
            act.update("committees", unplaced[0]["id"], municipality=municipality)
            return unplaced[0]["id"]
    if committee:
        return committee["id"]
    return _add_committee(act, name, municipality, None, None)


def set_decision_placement(db: Database, committee_id: int, placement: str) -> None:
    """Where the committee's referater show each beslutning: "efter-indstilling" or "sidst" (after every section).

    A meeting imported from a referat keeps the placement of its own document.
    """
    if placement not in DECISION_PLACEMENTS:
        raise StoreError(f"Placeringen '{placement}' kendes ikke; brug {' eller '.join(DECISION_PLACEMENTS)}.")
    with action(db, None, f"Beslutningen placeres {placement}") as act:
        act.update("committees", committee_id, decision_placement=placement)


def vocabulary(db: Database, committee_id: int) -> list[str]:
    """The committee's decision phrases in key order (1–9 and beyond)."""
    return [
        row["phrase"]
        for row in db.query("SELECT phrase FROM vocabulary WHERE committee_id = ? ORDER BY position", [committee_id])
    ]


def _set_vocabulary(act: Action, committee_id: int, phrases: list[str]) -> None:
    act.delete_where("vocabulary", "committee_id = ?", [committee_id])
    for position, phrase in enumerate(phrases, start=1):
        act.insert("vocabulary", {"committee_id": committee_id, "position": position, "phrase": phrase})


def set_vocabulary(db: Database, committee_id: int, phrases: list[str]) -> None:
    """Replace the committee's vocabulary (reorder, rename, extend)."""
    phrases = [phrase.strip() for phrase in phrases if phrase.strip()]
    if not phrases:
        raise StoreError("Et udvalg skal have mindst én beslutningsformulering.")
    with action(db, None, "Ret beslutningsformuleringer") as act:
        _set_vocabulary(act, committee_id, phrases)


def ensure_person(act: Action, name: str, party: str | None) -> int:
    """The id of the person with this name, created (or given a missing party) inside `act`."""
    name = " ".join(name.split())
    rows = list(act.db.query("SELECT id, party FROM persons WHERE lower(name) = lower(?)", [name]))
    if rows:
        if party and not rows[0]["party"]:
            act.update("persons", rows[0]["id"], party=party)
        return rows[0]["id"]
    return act.insert("persons", {"name": name, "party": party})


def ensure_membership(
    act: Action, committee_id: int, person_id: int, role: str | None = None, substitute_for_id: int | None = None
) -> int:
    """The person's membership of the committee, created inside `act` if missing."""
    rows = list(
        act.db.query(
            "SELECT id, role FROM memberships WHERE committee_id = ? AND person_id = ? AND valid_to IS NULL",
            [committee_id, person_id],
        )
    )
    if rows:
        if role and rows[0]["role"] != role:
            act.update("memberships", rows[0]["id"], role=role)
        return rows[0]["id"]
    return act.insert(
        "memberships",
        {
            "committee_id": committee_id,
            "person_id": person_id,
            "role": role or MEMBER,
            "substitute_for_id": substitute_for_id,
        },
    )


def roster(db: Database, committee_id: int, *, substitutes: bool = False) -> list[dict]:
    """Current members (formand first) — or, with `substitutes`, the stedfortrædere — with name and party."""
    op = "=" if substitutes else "!="
    return list(
        db.query(
            "SELECT p.id AS person_id, p.name, p.party, m.role, m.substitute_for_id "
            "FROM memberships m JOIN persons p ON p.id = m.person_id "
            f"WHERE m.committee_id = ? AND m.valid_to IS NULL AND m.role {op} ? "
            "ORDER BY CASE m.role WHEN 'formand' THEN 0 WHEN 'næstformand' THEN 1 ELSE 2 END, p.name",
            [committee_id, SUBSTITUTE_ROLE],
        )
    )


def import_roster(db: Database, path: Path) -> int:
    """Create or update a committee from a roster TOML file; returns the committee id (see `sync_roster`)."""
    return sync_roster(db, path)[0]


def sync_roster(db: Database, path: Path) -> tuple[int, list[str]]:
    """Make the committee's roster equal to a roster TOML file; returns its id and what changed, in Danish.

    The format (documented in the README):
    [committee] name, municipality, short_name, vocabulary = [...];
    [[members]] name, party, role; [[substitutes]] name, party, substitute_for.
    A change of party, role or seat is applied; a current member the file leaves out leaves the
    committee today (the membership ends, earlier meetings keep them).
    """
    import datetime as dt
    import tomllib  # only here: the meeting-day UI imports this module before its first frame

    try:
        data = cleaned(tomllib.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError) as error:
        raise StoreError(f"{path} kan ikke læses.") from error
    except tomllib.TOMLDecodeError as error:
        raise StoreError(toml_error_sentence(error, path)) from error
    except RecursionError as error:
        raise StoreError(f"{path} er ikke en medlemsliste: dens tabeller og lister er indlejret for dybt.") from error
    head = data.get("committee")
    if not isinstance(head, dict) or not isinstance(head.get("name"), str) or not head["name"].strip():
        raise StoreError(f"{path} mangler [committee] med et navn.")
    members, substitutes = data.get("members", []), data.get("substitutes", [])
    _check_roster(path, head, members, substitutes)
    rows = _named(db, head["name"])
    if not head.get("municipality") and len(rows) > 1:
        raise _ambiguous(head["name"], rows, "med municipality under [committee] i medlemslisten")
    changes: list[str] = []
    with action(db, None, f"Indlæs medlemsliste for {head['name']}") as act:
        committee_id = ensure_committee(act, head["name"], head.get("municipality"))
        if head.get("short_name"):
            act.update("committees", committee_id, short_name=head["short_name"])
        if head.get("vocabulary"):
            _set_vocabulary(act, committee_id, head["vocabulary"])
        kept = set()
        for entry in members:
            person_id = _roster_person(act, entry, changes)
            kept.add(
                _roster_membership(act, committee_id, person_id, entry, entry.get("role") or MEMBER, None, changes)
            )
        for entry in substitutes:
            person_id = _roster_person(act, entry, changes)
            seat = entry.get("substitute_for")
            seat_id = _seat(act, committee_id, path, entry["name"], seat) if seat is not None else None
            kept.add(_roster_membership(act, committee_id, person_id, entry, SUBSTITUTE_ROLE, seat_id, changes))
        for row in act.db.query(
            "SELECT m.id, p.name FROM memberships m JOIN persons p ON p.id = m.person_id "
            "WHERE m.committee_id = ? AND m.valid_to IS NULL ORDER BY p.name",
            [committee_id],
        ):
            if row["id"] not in kept:
                act.update("memberships", row["id"], valid_to=dt.date.today().isoformat())
                changes.append(f"{row['name']} er udtrådt af udvalget.")
    return committee_id, changes


def _roster_person(act: Action, entry: dict, changes: list[str]) -> int:
    """The person a roster entry names, created or given the entry's party."""
    name = " ".join(entry["name"].split())
    party = (entry.get("party") or "").strip() or None
    row = act.db.execute("SELECT id, party FROM persons WHERE lower(name) = lower(?)", [name]).fetchone()
    if row is None:
        return act.insert("persons", {"name": name, "party": party})
    if party and party != row[1]:
        act.update("persons", row[0], party=party)
        changes.append(f"{name}: parti {row[1] or '–'} → {party}.")
    return row[0]


def _roster_membership(
    act: Action, committee_id: int, person_id: int, entry: dict, role: str, seat_id: int | None, changes: list[str]
) -> int:
    """The person's current membership, created or given the roster's role and seat; its id."""
    name = " ".join(entry["name"].split())
    row = act.db.execute(
        "SELECT id, role, substitute_for_id FROM memberships WHERE committee_id = ? "
        "AND person_id = ? AND valid_to IS NULL",
        [committee_id, person_id],
    ).fetchone()
    if row is None:
        changes.append(f"Nyt medlem: {name} ({role}).")
        return act.insert(
            "memberships",
            {"committee_id": committee_id, "person_id": person_id, "role": role, "substitute_for_id": seat_id},
        )
    if row[1] != role:
        changes.append(f"{name}: rolle {row[1]} → {role}.")
    if row[2] != seat_id and role == SUBSTITUTE_ROLE:
        changes.append(f"{name}: stedfortræder for {' '.join(entry['substitute_for'].split())}.")
    act.update("memberships", row[0], role=role, substitute_for_id=seat_id)
    return row[0]


def _seat(act: Action, committee_id: int, path: Path, name: str, seat: str) -> int:
    """The person id of the member whose seat `name` substitutes for; StoreError unless that is a member."""
    rows = list(
        act.db.query(
            "SELECT p.id FROM memberships m JOIN persons p ON p.id = m.person_id WHERE m.committee_id = ? "
            "AND m.valid_to IS NULL AND m.role != ? AND lower(p.name) = lower(?)",
            [committee_id, SUBSTITUTE_ROLE, " ".join(seat.split())],
        )
    )
    if not rows:
        raise StoreError(f"{path}: {name} er stedfortræder for '{seat.strip()}', som ikke er medlem af udvalget.")
    return rows[0]["id"]


def _check_roster(path: Path, head: dict, members: object, substitutes: object) -> None:
    """StoreError in one Danish sentence unless every value the roster gives has the type the import needs."""
    for key in ("municipality", "short_name"):
        if not isinstance(head.get(key, ""), str):
            raise StoreError(f"{path}: {key} under [committee] skal være en tekst.")
    phrases = head.get("vocabulary", [])
    if not isinstance(phrases, list) or not all(isinstance(phrase, str) for phrase in phrases):
        raise StoreError(f"{path}: vocabulary under [committee] skal være en liste af tekster.")
    if not all(phrase.strip() for phrase in phrases):
        raise StoreError(f"{path}: vocabulary under [committee] har en tom beslutningsformulering.")
    if not isinstance(members, list) or not isinstance(substitutes, list):
        raise StoreError(f"{path}: hvert medlem skal have et navn.")
    for entry in [*members, *substitutes]:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
            raise StoreError(f"{path}: hvert medlem skal have et navn.")
        if entry.get("role") and entry["role"] not in ROLES:
            raise StoreError(f"{path}: ukendt rolle '{entry['role']}' (brug {', '.join(ROLES)}).")
        for key in ("party", "substitute_for"):
            if not isinstance(entry.get(key, ""), str):
                raise StoreError(f"{path}: {key} for {entry['name']} skal være en tekst.")
