"""The referat as PDF (fpdf2), laid out from `store.export_document`.

DejaVu Sans (bundled in store/data/fonts, licence beside it) is embedded, so æøå and every other
letter show on any machine.  Each page has the udvalg and date at the top, "Side N af M" at the
bottom, and in the full edition FORTROLIGT; each item is a bookmark.  The Underskriftsblad starts
a page and gives each member a line to sign.
"""

from __future__ import annotations

import re
from importlib.resources import as_file, files
from typing import cast

from fpdf import FPDF
from fpdf.fonts import TTFFont

from store.collector import collection_paused
from store.export_document import (
    BULLET,
    CONFIDENTIAL_MARK,
    HEADING,
    NUMBERED,
    QUOTE,
    SECTION,
    SIGNATURE,
    SUBHEADING,
    TITLE,
    Block,
    Document,
    build_document,
)
from store.model import Meeting

FONT = "DejaVu"
PDF_A = "PDF/A-2B"  # archival PDF (ISO 19005-2, level B), as Rigsarkivet takes it
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
# Size (pt), style and space before (mm) of each kind of heading.
_HEADINGS = {TITLE: (18, "B", 0), HEADING: (14, "B", 6), SECTION: (11.5, "B", 3), SUBHEADING: (10.5, "B", 2)}
_BODY_SIZE = 10
_LINE = 5.2  # mm per body line
_INDENT = 7  # mm per list level
_WORD = re.compile(r"\S+\s*|\s+")
_Word = tuple[str, str, str | None, float]  # a word of a line: text, style, link, width


def render_pdf(meeting: Meeting, *, public: bool = True, decisions_only: bool = False) -> bytes:
    """The referat as PDF bytes, with the same content as the Markdown edition."""
    with collection_paused():
        return write_pdf(build_document(meeting, public=public, decisions_only=decisions_only))


def write_pdf(document: Document) -> bytes:
    pdf = _Pages(document)
    for block in document.blocks:
        pdf.block(block)
    return bytes(pdf.output())


class _Subset(dict[int, str | None]):
    """A face's characters and their codes in the font subset fpdf2 embeds (None: the face lacks it), for
    `str.translate`: a character it meets for the first time is picked then, in the text's order, as
    fpdf2's `text()` picks them."""

    def __init__(self, font: TTFFont) -> None:
        super().__init__()
        self.font = font

    def __missing__(self, char: int) -> str | None:
        code = self.font.subset.pick(char)
        self[char] = None if code is None else chr(code)
        return self[char]


class _Pages(FPDF):
    def __init__(self, document: Document) -> None:
        super().__init__(format="A4", enforce_compliance=PDF_A)
        self.document = document
        self.widths: dict[tuple[str, float], dict[str, float]] = {}
        # per style and size: each word (with its space) as (the word without it, its width so, its width)
        self.measured: dict[tuple[str, float], dict[str, tuple[str, float, float]]] = {}
        self.glyphs: dict[str, _Subset] = {}  # per face
        self.set_title(document.title)
        self.set_lang("da-DK")
        self.set_creator("referat")
        self.set_margins(20, 22, 20)
        self.set_auto_page_break(True, margin=18)
        fonts = files("store.data") / "fonts"
        italic = any(block.kind == QUOTE or any(span.italic for span in block.spans) for block in document.blocks)
        for style, name in _FONT_FILES.items():
            if style == "I" and not italic:
                continue  # reading a face is a good part of the time; most referater have no italics
            with as_file(fonts / name) as path:
                self.add_font(FONT, style, str(path))
            # The embedded subset keeps the face's own bounding boxes, which fontTools would otherwise compute
            # again from every glyph kept, decompiling and recompiling each one.
            cast(TTFFont, self.fonts[FONT.lower() + style]).ttfont.recalcBBoxes = False
        self.add_page()

    # --- every page -------------------------------------------------------------------------------

    def header(self) -> None:
        baseline = 10 + 2 + 0.3 * 8 / self.k
        self.set_font(FONT, "", 8)
        self.set_text_color(90)
        self._run(self.l_margin, baseline, self.document.header)
        if self.document.full:
            self.set_font(FONT, "B", 8)
            self.set_text_color(176, 0, 0)
            self._run(self.w - self.r_margin - self.get_string_width(CONFIDENTIAL_MARK), baseline, CONFIDENTIAL_MARK)
        self.set_text_color(0)
        self.set_y(self.t_margin)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FONT, "", 8)
        self.set_text_color(90)
        self.cell(0, 4, f"Side {self.page_no()} af {{nb}}", align="C")
        self.set_text_color(0)

    # --- blocks -------------------------------------------------------------------------------------

    def block(self, block: Block) -> None:
        if block.kind in _HEADINGS:
            self._heading(block)
        elif block.kind == SIGNATURE:
            self._signature(block)
        elif block.kind in (NUMBERED, BULLET):
            marker = f"{block.number}." if block.kind == NUMBERED else "•"
            self._paragraph(block, indent=_INDENT * (block.level + 1), marker=marker, after=0.8)
        elif block.kind == QUOTE:
            self._paragraph(block, indent=_INDENT, italic=True)
        else:
            self._paragraph(block)

    def _heading(self, block: Block) -> None:
        size, style, before = _HEADINGS[block.kind]
        if block.kind == HEADING and block.text == "Underskriftsblad":
            self.add_page()
        elif block.kind in (HEADING, SECTION) and self.get_y() > self.h - 45:
            self.add_page()  # keep a heading with the first lines under it
        elif self.get_y() > self.t_margin:
            self.ln(before)
        if block.kind == HEADING:
            self.start_section(block.text, level=0)
        words = [(word, style, None) for word in _WORD.findall(block.text.replace("\n", " "))]
        for line in self._lines(words, self.w - self.r_margin - self.l_margin, size):
            self._line(line, size, size * 0.5)
        self.ln(1.5)

    def _paragraph(
        self, block: Block, *, indent: float = 0, marker: str | None = None, italic: bool = False, after: float = 2.2
    ) -> None:
        left = self.l_margin
        self.set_left_margin(left + indent)
        self.set_x(left + indent)
        if marker:
            if self.y + _LINE > self.page_break_trigger:
                self.add_page()
            self.set_font(FONT, "", _BODY_SIZE)
            self._run(left + indent - _INDENT + 1.5, self.y + 0.5 * _LINE + 0.3 * _BODY_SIZE / self.k, marker)
        words: list = []
        for span in block.spans:
            style = ("B" if span.bold else "") + ("I" if span.italic or italic else "")
            for index, piece in enumerate(span.text.split("\n")):
                if index:
                    words.append(None)  # a line break inside the paragraph
                link = span.link if span.link and not span.link.startswith("#") else None  # "#…": no anchor here
                words.extend((word, style, link) for word in _WORD.findall(piece))
        for line in self._lines(words, self.w - self.r_margin - self.l_margin):
            self._line(line)
        self.set_left_margin(left)
        self.set_x(left)
        self.ln(after)

    # --- line breaking: by whole words whose widths are remembered (fpdf2's own breaker measures
    # --- every line again for each character, which is slow on a long referat)

    def _width(self, text: str, style: str, size: float = _BODY_SIZE) -> float:
        """The text's width, as fpdf2's get_string_width gives it for this font (no shaping, spacing or
        stretching), summed from the font's character widths without selecting the font."""
        widths = self.widths.get((style, size))
        if widths is None:
            widths = self.widths[(style, size)] = {}
        width = widths.get(text)
        if width is None:
            advances = cast(TTFFont, self.fonts[FONT.lower() + style]).cw  # the DejaVu faces
            width = widths[text] = sum(advances[ord(char)] for char in text) * size * 0.001 / self.k
        return width

    def _font(self, style: str, size: float) -> None:
        """fpdf2's set_font, skipped when the font is already in use (it is called for every line)."""
        if self.font_style != style or self.font_size_pt != size or self.font_family != FONT.lower():
            self.set_font(FONT, style, size)

    def _lines(self, words: list, room: float, size: float = _BODY_SIZE) -> list[list[_Word]]:
        """Break words into lines, each word with its width (with its space); each word is measured once per
        document, with and without its space."""
        lines: list[list[_Word]] = [[]]
        line = lines[0]
        used = 0.0
        width_of = self._width
        measured: dict[str, tuple[str, float, float]] = {}
        measured_style = None
        for entry in words:
            if entry is None:
                line = []
                lines.append(line)
                used = 0.0
                continue
            word, style, link = entry
            if style != measured_style:
                measured_style = style
                measured = self.measured.setdefault((style, size), {})
            known = measured.get(word)
            if known is None:
                bare = word.rstrip()
                known = measured[word] = (bare, width_of(bare, style, size), width_of(word, style, size))
            bare, width, full = known
            if line and used + width > room:
                line = []
                lines.append(line)
                used = 0.0
            if not line and not bare:
                continue  # no space at the start of a line
            if width <= room:
                line.append((word, style, link, full))
                used += full
                continue
            for chunk in self._chunks(word, style, room, size):
                if line and used + width_of(chunk.rstrip(), style, size) > room:
                    line = []
                    lines.append(line)
                    used = 0.0
                full = width_of(chunk, style, size)
                line.append((chunk, style, link, full))
                used += full
        return lines

    def _chunks(self, word: str, style: str, room: float, size: float) -> list[str]:
        """A word wider than the line, cut into pieces that fit."""
        chunks, current, used = [], "", 0.0
        for char in word:
            width = self._width(char, style, size)
            if current and used + width > room:
                chunks.append(current)
                current, used = "", 0.0
            current += char
            used += width
        return [*chunks, current] if current else chunks

    def _line(self, line: list[_Word], size: float = _BODY_SIZE, height: float = _LINE) -> None:
        """One line of words, one text run per style and link, placed by the words' widths."""
        segments: list[list] = []
        for word, style, link, width in line:
            if segments and segments[-1][1] == style and segments[-1][2] == link:
                segments[-1][0] += word
                segments[-1][3] += width
            else:
                segments.append([word, style, link, width])
        if segments:
            last = segments[-1]
            bare = last[0].rstrip()
            if bare != last[0]:
                last[3] -= self._width(last[0][len(bare) :], last[1], size)
                last[0] = bare
        if self.y + height > self.page_break_trigger:
            x = self.x
            self.add_page()
            self.x = x
        x = self.x
        baseline = self.y + 0.5 * height + 0.3 * size / self.k
        for text, style, link, width in segments:
            self._font(style, size)
            if link:
                self.set_text_color(0, 70, 160)
            self._run(x, baseline, text)
            if link:
                self.link(x, self.y, width, height, link)
                self.set_text_color(0)
            x += width
        self.ln(height)

    def _run(self, x: float, baseline: float, text: str) -> None:
        """fpdf2's `text()` as this layout uses it (no underline, no text mode), writing the same page
        content; each character is looked up in the font's subset once per document instead of once
        per occurrence, which is where `text()` spends its time."""
        font = cast(TTFFont, self.current_font)
        if not self.current_font_is_set_on_page:
            self._out(self._set_font_for_page(font, self.font_size_pt))
        codes = self.glyphs.get(font.fontkey)
        if codes is None:
            codes = self.glyphs[font.fontkey] = _Subset(font)
        run = f"BT {x * self.k:.2f} {(self.h - baseline) * self.k:.2f} Td ({font.escape_text(text.translate(codes))}) Tj ET"
        if self.fill_color != self.text_color:
            assert self.text_color is not None
            run = f"q {self.text_color.serialize().lower()} {run} Q"
        self._out(run)

    def _signature(self, block: Block) -> None:
        if self.get_y() > self.h - 40:
            self.add_page()
        self.ln(12)
        y = self.get_y()
        self.set_draw_color(0)
        self.line(self.l_margin, y, self.l_margin + 90, y)
        self.set_font(FONT, "", _BODY_SIZE)
        self.set_y(y + 1)
        self.cell(90, _LINE, block.text, new_x="LMARGIN", new_y="NEXT")
