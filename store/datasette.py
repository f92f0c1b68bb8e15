"""metadata.json for browsing a referat database with Datasette (`datasette referat.db -m metadata.json`).

Generated from the database's real schema: Danish titles and descriptions for
the tables a reader cares about, a label column for every table that others
refer to (so a meeting shows as its date, an item as its title), sortable
columns, full-text search on the items, and the internal tables hidden.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

    from store.db import Database


# Table: (title, description, label column or None).
TABLES: dict[str, tuple[str, str, str | None]] = {
    "committees": ("Udvalg", "Kommunens udvalg. Et udvalgs navn er entydigt inden for en kommune.", "name"),
    "vocabulary": (
        "Beslutningsformuleringer",
        "Udvalgets faste formuleringer (Godkendt, Taget til efterretning …) i tasternes rækkefølge.",
        "phrase",
    ),
    "persons": ("Personer", "Medlemmer og stedfortrædere med partibogstav.", "name"),
    "memberships": (
        "Medlemskaber",
        "Hvem der sidder i hvilket udvalg, med rolle og evt. stedfortræder for hvem.",
        None,
    ),
    "meetings": (
        "Møder",
        "Udvalgsmøder med dato, sted, status (planlagt, åbnet, hævet, godkendt) og tidspunkter.",
        "date",
    ),
    "items": (
        "Dagsordenspunkter",
        "Punkterne på hvert møde i rækkefølge. public = 0 er et lukket punkt. "
        "Søgefeltet søger i titel, sagsfremstilling, indstilling, beslutning og bemærkninger.",
        "title",
    ),
    "guests": (
        "Gæster",
        'Personer der deltog i et møde uden at være medlem ("Desuden deltog"), uden stemmeret.',
        "name",
    ),
    "attendance": ("Fremmøde", "Til stede, afbud, fraværende eller stedfortræder, med ankomst og afgang.", None),
    "sections": ("Afsnit", "Punkternes afsnit: beslutningstema, sagsfremstilling, økonomi osv.", "heading"),
    "recommendations": ("Indstillinger", "Indstillingens punkter (at …) for hvert dagsordenspunkt.", None),
    "attachments": ("Bilag", "Bilag til punkterne; public = 0 er et lukket bilag.", "title"),
    "decision_points": ("Beslutninger pr. indstillingspunkt", "Udfaldet for hvert punkt i indstillingen.", None),
    "decisions": ("Beslutninger", "Udvalgets beslutning på hvert punkt: udfald og evt. fritekst.", None),
    "votes": ("Afstemninger", "Afstemninger med emne, resultat og antal for, imod og undlod.", "subject"),
    "vote_casts": ("Stemmer", "Hvordan hvert medlem eller parti stemte.", None),
    "remarks": ("Protokolbemærkninger", "Mindretalsudtalelser og bemærkninger ført til protokols.", None),
    "item_absences": ("Deltog ikke", "Medlemmer der ikke deltog i et punkts behandling (fx inhabilitet).", None),
    "approvals": ("Godkendelser", "Medlemmernes godkendelse af referatet, evt. med forbehold.", None),
    "amendments": ("Tilføjelser", "Daterede tilføjelser til et godkendt referat.", None),
    "approval_seals": ("Forseglinger", "Udvalg, kommune og deltagere som de var, da referatet blev godkendt.", None),
    "actions": ("Handlinger", "Hver handling brugeren har udført (én transaktion hver).", "label"),
    "audit_log": ("Ændringslog", "Hver ændret værdi: gammel → ny, pr. handling. Kan ikke ændres eller slettes.", None),
}
# Hidden, with "_*" and the full-text index's own tables: settings, the search index, which window records a meeting,
# the text being typed in a dialog.
INTERNAL = {"settings", "search_items", "recorders", "drafts"}
# Free text: sorting by it helps nobody.
UNSORTABLE = {"text", "body", "reason", "note", "reference", "members", "old", "new", "reservation", "block", "people"}
SEARCH = {"items": ("search_items_fts", "id")}  # table: (FTS table, the column its rowid matches)


def _hidden_tables(db: sqlite_utils.Database) -> set[str]:
    names = set(db.table_names())
    virtual = {
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
        )
    }
    shadows = {name for name in names for table in virtual if name.startswith(f"{table}_")}
    return {name for name in names if name.startswith("_")} | virtual | shadows | (INTERNAL & names)


def datasette_metadata(connection: Database, database_name: str = "referat") -> dict:
    """Datasette metadata for `db` as served under `database_name` (the file name without .db)."""
    import sqlite_utils

    db = sqlite_utils.Database(connection, execute_plugins=False)  # its table API: columns, foreign keys
    hidden = _hidden_tables(db)
    tables: dict[str, dict] = {}
    for table in db.tables:
        if table.name in hidden:
            tables[table.name] = {"hidden": True}
            continue
        spec: dict = {"sortable_columns": [c.name for c in table.columns if c.name not in UNSORTABLE]}
        if table.name in TABLES:
            title, description, label = TABLES[table.name]
            spec.update(title=title, description=description)
            if label:
                spec["label_column"] = label
        if table.name in SEARCH:
            spec["fts_table"], spec["fts_pk"] = SEARCH[table.name]
        tables[table.name] = spec
    return {
        "title": "referat",
        "description": "Udvalgsmøder: dagsordener, fremmøde, beslutninger og referater (beslutningsprotokoller).",
        "databases": {database_name: {"tables": tables}},
    }
