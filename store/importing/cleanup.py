"""Text to clean lines: odd spaces, web-page noise, PDF page furniture and tables of contents removed,
attendance tables laid out in columns ('Til stede' | 'Afbud') turned into one list per column.

Each `Line` keeps its line number in the file (for error messages), the raw
text (for section contents, so Markdown inside a section survives) and a
plain form for recognising structure: without `#` marks, bold marks and
surrounding space.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from store.importing.page_lines import unfold_page_lines
from store.importing.people import names_in
from store.importing.readers import PAGE_BREAK
from store.importing.structure import ItemHeading, heading_kind, item_heading
from store.importing.vocabulary import MEMBER_HEADINGS, ROSTER_COLUMNS, WEB_CHROME

_SPACE_LIKE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# CSI ('ESC[2J'), OSC ('ESC]0;title BEL') and two-character escapes, as a terminal would read them.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b\n]*(?:\x07|\x1b\\)?|[@-Z\\-_]?)|\x9b[0-?]*[ -/]*[@-~]?"
)
# Every control character but tab, line feed and the form feed between PDF pages; and the Unicode line separators.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_FORM_FEED_IN_LINE = re.compile(r"(?<=[^\n])\f(?=[^\n])")  # pages are joined with a form feed on its own line
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BOLD = re.compile(r"\*\*|__")
_PAGE_NUMBER = re.compile(r"^(?:(?:side|s\.|page)\s*)?\d{1,4}(?:\s*(?:af|/|of)\s*\d{1,4})?$", re.IGNORECASE)
_PAGE_LABEL = re.compile(r"^(?:side|s\.|page)\s*\d{1,4}(?:\s*(?:af|/|of)\s*\d{1,4})?$", re.IGNORECASE)
_PAGE_IN_LINE = re.compile(r"\b(?:side|page)\s*\d{1,4}(?:\s*(?:af|/|of)\s*\d{1,4})?\b", re.IGNORECASE)
_DOT_LEADER_TOC = re.compile(r"(?:\.{4,}|…{2,}|(?:\. ){4,})\s*\d{0,4}\s*$")
_TAB_TOC = re.compile(r"\S\t+\s*\d{1,4}\s*$")


@dataclass
class Line:
    """One line of the document: number in the file, raw text, plain text, Markdown heading level."""

    no: int
    raw: str
    text: str
    level: int | None = None

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass
class CleanText:
    """The clean lines, and whether the text looks extracted from PDF (pages, page numbers)."""

    lines: list[Line]
    from_pdf: bool


def normalise(text: str) -> str:
    """Unify line ends and spaces; drop soft hyphens, zero-width characters and terminal escape sequences;
    other control characters become spaces, so they neither split a line nor join two."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _SPACE_LIKE.sub(" ", text)
    text = _CONTROL.sub(" ", _FORM_FEED_IN_LINE.sub(" ", text))
    return _INVISIBLE.sub("", text)


def plain(raw: str) -> tuple[str, int | None]:
    """The text of a raw line without heading marks and bold marks, and its heading level."""
    level = None
    match = _HEADING.match(raw)
    if match:
        level, raw = len(match.group(1)), match.group(2)
    return _BOLD.sub("", raw).strip(), level


def clean_lines(text: str) -> CleanText:
    """The document as clean `Line`s (blank lines kept as paragraph breaks)."""
    text = normalise(text)
    pages = text.split(PAGE_BREAK)
    numbered: list[list[tuple[int, str]]] = []
    no = 0
    for page in pages:
        rows = []
        for raw in page.split("\n"):
            no += 1
            rows.append((no, raw.rstrip()))
        numbered.append(rows)
    from_pdf = len(pages) > 1
    unfolded = None if from_pdf else unfold_page_lines(text.split("\n"))
    if unfolded is not None:
        from_pdf, rows = True, unfolded
    elif from_pdf:
        rows = _drop_page_edges(numbered)
        rows = _drop_continued_headings(rows)
    else:
        rows = [row for page in numbered for row in page]
        page_labels = sum(1 for _, raw in rows if _PAGE_LABEL.match(raw.strip()))
        if page_labels >= 2:
            from_pdf = True
            rows = _drop_continued_headings(_drop_running_headers(rows))
    rows = _roster_table(_columns_to_lists(_drop_noise(rows)))
    lines = []
    for line_no, raw in rows:
        text_, level = plain(raw)
        lines.append(Line(line_no, raw, text_, level))
    return CleanText(_collapse_blank(lines), from_pdf)


def _edge_key(raw: str) -> str:
    return _PAGE_IN_LINE.sub("side #", raw.strip().lower())


def _drop_page_edges(pages: list[list[tuple[int, str]]]) -> list[tuple[int, str]]:
    """Remove page numbers and lines repeated at the top or bottom of most pages (running headers)."""
    edges: list[set[int]] = []
    counts: Counter[str] = Counter()
    for page in pages:
        filled = [i for i, (_, raw) in enumerate(page) if raw.strip()]
        edge = set(filled[:3] + filled[-3:])
        edges.append(edge)
        counts.update({_edge_key(page[i][1]) for i in edge})
    threshold = max(2, (len(pages) + 1) // 2)
    kept = []
    seen: set[str] = set()
    for number, (page, edge) in enumerate(zip(pages, edges, strict=True)):
        filled = [i for i, (_, raw) in enumerate(page) if raw.strip()]
        for i, (line_no, raw) in enumerate(page):
            if i in edge:
                key = _edge_key(raw)
                if _PAGE_NUMBER.match(raw.strip()):
                    continue
                # A running header is kept once, at the top of the first page: it often names the committee.
                first_top = number == 0 and i in filled[:3] and key not in seen
                seen.add(key)
                if counts[key] >= threshold and not _is_structural(raw) and not first_top:
                    continue
            kept.append((line_no, raw))
        kept.append((0, ""))
    return kept


_CONTINUED = re.compile(
    r"\s*(?:[-–,:]\s*)?[(\[]?\s*(?:fortsat|fortsættelse|fortsættes|forts\.|fortsat fra forrige side)\s*[)\]]?\s*:?$",
    re.IGNORECASE,
)
_FOLLOWING_SECTION = 4  # filled lines after an item heading within which its first section heading stands


def _drop_continued_headings(rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """An item's heading printed again at the top of a page its text runs onto ('12. Salg af grund (fortsat)',
    'Punkt 12 (fortsat)' or the same heading once more): dropped, so it is neither a new item nor item text.

    Only the heading of the item in progress counts: the last heading with a higher number than the one before it
    and a section heading close under it (indstilling points and contents lists have none)."""
    filled = [i for i, (_, raw) in enumerate(rows) if raw.strip()]
    page_tops, after_break = set(), False
    for i, (no, raw) in enumerate(rows):
        if no == 0 and not raw:  # the blank row `_drop_page_edges` puts between pages
            after_break = True
        elif raw.strip():
            if after_break:
                page_tops.add(i)
            after_break = False
    current: tuple[str, str] | None = None
    dropped: set[int] = set()
    for n, i in enumerate(filled):
        text, level = plain(rows[i][1])
        base = _CONTINUED.sub("", text)
        heading = item_heading(base, level)
        if i in page_tops and current and _continues(current, heading, base, base != text):
            dropped.add(i)
            continue
        if heading and (current is None or _number(heading.number) > _number(current[0])):
            ahead = [plain(rows[j][1])[0] for j in filled[n + 1 : n + 1 + _FOLLOWING_SECTION]]
            if any(heading_kind(line) for line in ahead):
                current = (heading.number, _key(heading.title))
    return [row for i, row in enumerate(rows) if i not in dropped]


def _continues(current: tuple[str, str], heading: ItemHeading | None, base: str, marked: bool) -> bool:
    """Whether a page's first line repeats the heading of the item in progress."""
    number, title = current
    if heading is not None and heading.number == number:
        return _key(heading.title) == title or (marked and not heading.title)
    return marked and _key(base) == title


def _number(number: str) -> tuple[int, str]:
    match = re.match(r"(\d+)(.*)", number)
    return (int(match.group(1)), match.group(2).lower()) if match else (0, number)


def _key(title: str) -> str:
    return re.sub(r"\W+", " ", title.lower()).strip()


def _drop_running_headers(rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Without page breaks: 'Side 3 af 12' lines become page breaks; the repeated lines standing next to them go."""
    filled = [i for i, (_, raw) in enumerate(rows) if raw.strip()]
    position = {row_index: n for n, row_index in enumerate(filled)}
    page_rows = {i for i in filled if _PAGE_LABEL.match(rows[i][1].strip())}
    beside: Counter[str] = Counter()
    for i in page_rows:
        n = position[i]
        for neighbour in filled[max(0, n - 2) : n] + filled[n + 1 : n + 3]:
            if neighbour not in page_rows:
                beside[rows[neighbour][1].strip()] += 1
    occurrences = Counter(rows[i][1].strip() for i in filled)
    headers = {
        line for line, count in beside.items() if count >= 2 and occurrences[line] >= 2 and not _is_structural(line)
    }
    # a page label becomes the blank row that marks a page break, as between pages of a PDF
    return [(0, "") if i in page_rows else (no, raw) for i, (no, raw) in enumerate(rows) if raw.strip() not in headers]


def _is_structural(raw: str) -> bool:
    """Lines that repeat legitimately at a page edge: section headings and item headings."""
    text, level = plain(raw)
    return bool(heading_kind(text) or item_heading(text, level))


def _drop_noise(rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Web-page chrome anywhere; cookie banners before the document proper; tables of contents."""
    kept: list[tuple[int, str]] = []
    in_front = True
    for line_no, raw in rows:
        text = plain(raw)[0]
        lower = text.lower().rstrip(".:! ")
        if lower in WEB_CHROME:
            continue
        if in_front and "cookie" in lower:
            continue
        if in_front and re.search(r"\d{4}", text) and "cookie" not in lower:
            in_front = False
        kept.append((line_no, raw))
    return _drop_contents(kept)


def _drop_contents(rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Table-of-contents lines: dot leaders with a page number, or runs of 'title<TAB>page'."""
    toc = [bool(_DOT_LEADER_TOC.search(raw)) for _, raw in rows]
    tabbed = [bool(_TAB_TOC.search(raw)) for _, raw in rows]
    filled = [i for i, (_, raw) in enumerate(rows) if raw.strip()]
    for n, i in enumerate(filled):
        if tabbed[i]:
            neighbours = filled[max(0, n - 1) : n] + filled[n + 1 : n + 2]
            if any(tabbed[j] or toc[j] for j in neighbours):
                toc[i] = True
    return [row for row, is_toc in zip(rows, toc, strict=True) if not is_toc]


def _cells(raw: str) -> list[str]:
    return [cell.strip() for cell in raw.split("\t")]


def _member_heading(cell: str) -> bool:
    return cell.rstrip(":").strip().lower() in MEMBER_HEADINGS


def _columns_to_lists(rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A table whose header row names attendance in columns ('Til stede<TAB>Ikke til stede') and whose rows
    hold names under them: one list per column, under its heading, as the header reader expects."""
    out: list[tuple[int, str]] = []
    index = 0
    while index < len(rows):
        line_no, raw = rows[index]
        headings = _cells(raw) if "\t" in raw else []
        if len(headings) < 2 or not all(_member_heading(cell) for cell in headings if cell):
            out.append(rows[index])
            index += 1
            continue
        columns: list[list[tuple[int, str]]] = [[] for _ in headings]
        end = index + 1
        while end < len(rows):
            row_no, row = rows[end]
            cells = _cells(row)
            if not row.strip():
                end += 1
                continue
            if not all(names_in(cell) for cell in cells if cell):
                break
            for column, cell in enumerate(cells[: len(columns)]):
                if cell:
                    columns[column].append((row_no, cell))
            end += 1
        for heading, names in zip(headings, columns, strict=True):
            if heading:
                out.extend([(line_no, heading), *names, (line_no, "")])
        index = end
    return out


def _roster_table(rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A member table ('Medlem<TAB>Parti<TAB>Fremmøde', or a Markdown table '| Navn | Parti | Fremmøde |', then a
    row per member): a line per member, 'Afbud: Lars Møller (V)', as a member list writes it."""
    out: list[tuple[int, str]] = []
    index = 0
    while index < len(rows):
        line_no, raw = rows[index]
        header = _row_cells(raw)
        columns = [ROSTER_COLUMNS.get(cell.rstrip(":").lower()) for cell in header or ()]
        if "name" not in columns or not ({"party", "attendance"} & set(columns)):
            out.append(rows[index])
            index += 1
            continue
        out.append((line_no, "Medlemmer"))
        index += 1
        while index < len(rows):
            row_no, row = rows[index]
            found = _row_cells(row)
            if not row.strip() or (found is not None and all(_RULE_CELL.match(cell) for cell in found)):
                index += 1  # a blank line, or the '|---|---|' under a Markdown table's header
                continue
            cells = dict(zip(columns, found or (), strict=False))
            name = cells.get("name", "")
            if found is None or not names_in(name):
                break
            party = cells.get("party", "")
            entry = f"{name} ({party})" if party and "(" not in name else name
            status = cells.get("attendance", "")
            if _member_heading(status):
                out.append((row_no, f"{status}: {entry}"))
            else:  # no status, or a remark ('Formand'): the row's own heading, so no row above lends it its status
                out.append((row_no, f"Medlemmer: {entry}, {status}" if status else f"Medlemmer: {entry}"))
            index += 1
        out.append((line_no, ""))
    return out


_RULE_CELL = re.compile(r"^:?-{3,}:?$")


def _row_cells(raw: str) -> list[str] | None:
    """A table row's cells: tab-separated, or a Markdown table row ('| a | b |'); None for a line of text."""
    if "\t" in raw:
        return _cells(raw)
    text = raw.strip()
    if text.startswith("|") and text.count("|") >= 3:
        return [cell.strip() for cell in text.strip("|").split("|")]
    return None


def _collapse_blank(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    for line in lines:
        if line.blank and (not out or out[-1].blank):
            continue
        out.append(line)
    while out and out[-1].blank:
        out.pop()
    return out
