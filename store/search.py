"""Full-text search over the items of every meeting (titles, sagsfremstilling, beslutninger, bemærkninger)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from store.meetings import meeting_filters

if TYPE_CHECKING:
    from store.db import Database

HIT_START, HIT_END = "[", "]"


def match_expression(query: str) -> str:
    """An FTS5 query that matches every word of `query` as a prefix ('kontanthjælp' finds 'kontanthjælpsloftet')."""
    terms = re.findall(r"\w+", query)
    if not terms:
        raise ValueError("Søgningen skal indeholde mindst ét ord.")
    return " ".join('"' + term.replace('"', '""') + '"*' for term in terms)


def search(
    db: Database,
    query: str,
    committee: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    public_only: bool = False,
    limit: int = 20,
    marks: tuple[str, str] = (HIT_START, HIT_END),
    municipality: str | None = None,
) -> list[dict]:
    """Items matching every word of `query`, best first.

    Each hit has meeting_id, item_id, date, committee, municipality, item number, title and a
    snippet with the matched words between `marks` ([brackets] by default).
    With public_only, lukket items are left out entirely, so nothing of their
    content can be found or shown.
    """
    filters, filter_params = meeting_filters(db, "m", committee, since, until, municipality)
    where, params = ["search_items_fts MATCH ?", *filters], [match_expression(query), *filter_params]
    if public_only:
        where.append("i.public = 1")
    sql = f"""
        SELECT m.id AS meeting_id, i.id AS item_id, m.date, c.name AS committee, c.municipality, i.number, i.title,
               snippet(search_items_fts, -1, ?, ?, '…', 16) AS snippet
        FROM search_items_fts
        JOIN items i ON i.id = search_items_fts.rowid
        JOIN meetings m ON m.id = i.meeting_id
        JOIN committees c ON c.id = m.committee_id
        WHERE {" AND ".join(where)}
        ORDER BY search_items_fts.rank, m.date DESC, i.position
        LIMIT ?"""
    hits = list(db.query(sql, [*marks, *params, limit]))
    for hit in hits:
        hit["snippet"] = " ".join(hit["snippet"].split())
    return hits


def snippet_parts(snippet: str, marks: tuple[str, str]) -> list[tuple[str, bool]]:
    """The snippet as (text, matched) pieces, split at the `marks` given to `search`."""
    start, end = marks
    pieces = snippet.split(start)
    parts = [(pieces[0], False)]
    for piece in pieces[1:]:
        matched, _, rest = piece.partition(end)
        parts += [(matched, True), (rest, False)]
    return [(text, matched) for text, matched in parts if text]
