"""Text of a PDF copied with one line per page: back to pages of lines.

Some web viewers of PDF files give each page as one long line that begins with the
page number ('3 Arbejdsmarkeds- og Beskæftigelsesudvalget d Godkendelse af dagsorden
Åben sag Sagsnr.: 15/11238 … BESLUTNING I … DEN Dagsorden godkendt. 2').  Such a
line is recognised by page numbers that count up, its running header (the words most
pages begin with) and printed page number are removed, and it is cut into lines where
a label ('Sagsnr.:'), an access mark ('Åben sag'), an upper-case section heading or a
numbered list entry begins — the places a page's own line breaks stood.
"""

from __future__ import annotations

import re
from collections import Counter

from store.importing.structure import heading_kind
from store.importing.vocabulary import CLOSED_MARKS, OPEN_WORDS

MIN_PAGES = 3
MIN_PAGE_CHARS = 80
_PAGE_START = re.compile(r"^(?P<page>\d{1,4})(?:\s+(?P<text>\S.*))?$")
_PRINTED_NUMBER = re.compile(r"\s+\d{1,4}$")
_ACCESS = "|".join(
    sorted({word.split()[0].capitalize() for word in (*OPEN_WORDS, *CLOSED_MARKS)}, key=len, reverse=True)
)
# Where a line began on the page: before a label, an access mark or a bilag entry ('2 Åben Titel 87912/15').
_BREAK_BEFORE = re.compile(
    r"\s+(?="
    r"(?-i:[A-ZÆØÅ][a-zæøå]+\.?:)(?:\s|$)"  # 'Sagsnr.:', 'Mødedato:', 'Afbud:'
    rf"|(?-i:(?:{_ACCESS})\s+(?:sag|punkt))\b"  # 'Åben sag', 'Lukket sag'
    rf"|\d{{1,3}}\s+(?-i:Åben|Lukket|Fortrolig)\s"  # a bilag entry
    r")",
    re.IGNORECASE,
)
_UPPER_WORD = re.compile(r"^[A-ZÆØÅÉ][A-ZÆØÅÉ\-:]*$")
_NUMBERED_ENTRY = re.compile(r"(?:(?<=\s)|^)(?P<n>\d{1,2})\.\s+(?=\S)")


def unfold_page_lines(lines: list[str]) -> list[tuple[int, str]] | None:
    """(line number, text) rows with each page cut into its lines, or None when the text is not one line per page."""
    pages: list[tuple[int, str]] = []
    expected = None
    for no, raw in enumerate(lines, 1):
        match = _PAGE_START.match(raw.strip())
        if match and (expected is None or int(match.group("page")) == expected):
            if expected is not None or len(raw) >= MIN_PAGE_CHARS:
                pages.append((no, match.group("text") or ""))
                expected = int(match.group("page")) + 1
    long_pages = [text for _, text in pages if len(text) >= MIN_PAGE_CHARS]
    if len(long_pages) < MIN_PAGES:
        return None
    first = pages[0][0]
    rows = [(no, raw) for no, raw in enumerate(lines[: first - 1], 1)]
    header = _running_header(long_pages)
    for no, text in pages:
        words = text.split()
        if header and " ".join(words[: len(header.split())]) == header:
            text = " ".join(words[len(header.split()) :])
        text = _PRINTED_NUMBER.sub("", text)
        rows.extend((no, piece) for piece in split_page(text))
        rows.append((no, ""))
    return rows


def _running_header(pages: list[str]) -> str:
    """The longest run of first words (two or more) that many pages begin with: a quarter, and at least three."""
    needed = max(MIN_PAGES, len(pages) // 4)
    for size in range(8, 1, -1):
        counts = Counter(" ".join(text.split()[:size]) for text in pages if len(text.split()) > size)
        if counts:
            prefix, count = counts.most_common(1)[0]
            if count >= needed:
                return prefix
    return ""


def split_page(text: str) -> list[str]:
    """One page's text cut into lines at labels, access marks, upper-case headings and numbered entries."""
    pieces = [piece for piece in _BREAK_BEFORE.split(text) if piece.strip()]
    lines: list[str] = []
    for piece in pieces:
        lines.extend(_split_headings(piece.strip()))
    return [part for line in lines for part in _split_numbered(line)]


def _split_headings(text: str) -> list[str]:
    """'… til udvalget. RESUMÉ Orientering …' -> ['… til udvalget.', 'RESUMÉ', 'Orientering …']."""
    words = text.split(" ")
    out: list[str] = []
    current: list[str] = []
    index = 0
    while index < len(words):
        end = index
        while end < len(words) and _UPPER_WORD.match(words[end]) and (len(words[end]) > 1 or end > index):
            end += 1
        if end > index:
            run = " ".join(words[index:end])
            if heading_kind(run.rstrip(":")) not in (None,):
                if current:
                    out.append(" ".join(current))
                out.append(run)
                current = []
                index = end
                continue
        current.append(words[index])
        index += 1
    if current:
        out.append(" ".join(current))
    return out


def _split_numbered(line: str) -> list[str]:
    """'… indstiller, at 1. redegørelsen … ' and '1. Godkende … 2. Godkende …': a line per numbered entry.

    An entry counts when it is number 1 after 'at' or a colon, or one of a run 1, 2, … in the line."""
    found = list(_NUMBERED_ENTRY.finditer(line))
    numbers = [int(m.group("n")) for m in found]
    cuts = []
    for position, match in enumerate(found):
        number = numbers[position]
        before = line[: match.start()].rstrip()
        in_run = (number + 1 in numbers[position + 1 :]) or (number > 1 and number - 1 in numbers[:position])
        after_lead = number == 1 and (before.endswith((":", ",")) or re.search(r"\bat$", before) is not None)
        if (in_run and number <= len(found)) or after_lead or (match.start() == 0 and in_run):
            cuts.append(match.start())
    if not cuts:
        return [line]
    bounds = [0, *cuts, len(line)]
    return [line[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False) if line[a:b].strip()]
