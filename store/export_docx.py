"""The referat as a Word document (python-docx), laid out from `store.export_document`.

Real Word styles (Title, Heading 1–3, List Number, List Bullet, Quote), tables for the attendance
and each afstemning, a running header with the
udvalg and the date, "Side N af M" in the footer, the full edition marked FORTROLIGT in the header
of every page, and the Underskriftsblad on a page of its own with a line to sign for each member.
"""

from __future__ import annotations

import io
import re

from docx import Document as new_docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from store.export_document import (
    BULLET,
    CONFIDENTIAL_MARK,
    HEADING,
    NUMBERED,
    PARAGRAPH,
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

_STYLE = {TITLE: "Title", HEADING: "Heading 1", SECTION: "Heading 2", SUBHEADING: "Heading 3",
          QUOTE: "Quote", BULLET: "List Bullet", SIGNATURE: "Normal"}
_SIGNATURE_RULE = "_" * 40
_ATTENDANCE_GROUPS = ("Deltagere", "Fraværende med afbud", "Fraværende", "Medlemmer")
_MEMBER = re.compile(r"^(?P<name>.*?\))(?:, (?P<rest>.*))?$|^(?P<bare>[^,]*)(?:, (?P<bare_rest>.*))?$")
_VOTE = re.compile(r"^(?P<label>Afstemning[^:]*:) (?P<for>For stemte:) (?P<for_side>.*?\.) (?P<against>Imod stemte:) "
                   r"(?P<against_side>.*?\.) (?P<abstain>Undlod at stemme:) (?P<abstain_side>.*?\.)(?: (?P<result>.*))?$")


def render_docx(meeting: Meeting, *, public: bool = True, decisions_only: bool = False) -> bytes:
    """The referat as .docx bytes, with the same content as the Markdown edition."""
    return write_docx(build_document(meeting, public=public, decisions_only=decisions_only))


def write_docx(document: Document) -> bytes:
    docx = new_docx()
    docx.core_properties.title = document.title
    docx.core_properties.language = "da-DK"
    _header_and_footer(docx, document)
    numbering = _Numbering(docx)
    # Style ids looked up once: python-docx's lookup by name walks every style on each call.
    style_ids = {kind: docx.styles[name].style_id for kind, name in {**_STYLE, NUMBERED: "List Number"}.items()}
    previous: Block | None = None
    group: str | None = None  # the attendance group whose members go into one table
    table = None
    for block in document.blocks:
        if block.kind == SECTION:
            group = block.text if block.text in _ATTENDANCE_GROUPS else None
            table = None
        if group and block.kind == BULLET:
            table = table or _table(docx, 2)
            _member_row(table, block.text)
            previous = block
            continue
        vote = _VOTE.match(block.text) if block.kind == PARAGRAPH else None
        if vote:
            _vote(docx, vote)
            previous = block
            continue
        if block.kind == HEADING and block.text == "Underskriftsblad":
            docx.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        paragraph = docx.add_paragraph()
        if block.kind in style_ids and block.kind != SIGNATURE:
            paragraph._p.style = style_ids[block.kind]
        if block.kind == NUMBERED:
            if previous is None or previous.kind != NUMBERED:
                numbering.restart(paragraph)
            else:
                numbering.continue_list(paragraph)
        if block.kind == SIGNATURE:
            paragraph.paragraph_format.space_before = Pt(28)
            _add_run(paragraph, _SIGNATURE_RULE + "\n")
        for span in block.spans:
            _add_run(paragraph, span.text, bold=span.bold, italic=span.italic)
        previous = block
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


def _table(docx, columns: int):
    table = docx.add_table(rows=0, cols=columns)
    table.style = docx.styles["Light List Accent 1"]
    return table


def _member_row(table, text: str) -> None:
    """'Anna Holm (A), formand, ankom kl. 16.20' as the name and what is said about the attendance."""
    match = _MEMBER.match(text)
    name = match["name"] or match["bare"] or text
    rest = match["rest"] if match["name"] else match["bare_rest"]
    cells = table.add_row().cells
    cells[0].text = name
    cells[1].text = rest or ""


def _vote(docx, vote: re.Match) -> None:
    """An afstemning as its label, a table of for, imod and undlod, and the result."""
    label = docx.add_paragraph()
    _add_run(label, vote["label"], bold=True)
    table = _table(docx, 2)
    for side in ("for", "against", "abstain"):
        cells = table.add_row().cells
        cells[0].text = vote[side]
        cells[1].text = vote[f"{side}_side"]
    if vote["result"]:
        docx.add_paragraph(vote["result"])


def _add_run(paragraph, text: str, *, bold: bool = False, italic: bool = False) -> None:
    """A run of text, a line break for each newline (python-docx's `add_run(text)` is slow on long text)."""
    run = paragraph._p.add_r()
    if bold or italic:
        properties = run.get_or_add_rPr()
        if bold:
            properties._add_b()
        if italic:
            properties._add_i()
    for index, line in enumerate(text.split("\n")):
        if index:
            run.add_br()
        if line:
            run.add_t(line)


def _header_and_footer(docx, document: Document) -> None:
    section = docx.sections[0]
    header = section.header.paragraphs[0]
    header.text = document.header
    if document.full:
        mark = section.header.add_paragraph().add_run(CONFIDENTIAL_MARK)
        mark.bold = True
        mark.font.color.rgb = RGBColor(0xB0, 0x00, 0x00)
    footer = section.footer.paragraphs[0]
    footer.add_run("Side ")
    _field(footer, "PAGE")
    footer.add_run(" af ")
    _field(footer, "NUMPAGES")


def _field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


class _Numbering:
    """Each numbered list starts at 1: a new numbering instance of the List Number style's list."""

    def __init__(self, docx) -> None:
        self.part = docx.part.numbering_part.element
        style = docx.styles["List Number"].element
        num_id = style.pPr.numPr.numId.val
        num = next(n for n in self.part.num_lst if n.numId == num_id)
        self.abstract_id = num.abstractNumId.val
        self.current: int | None = None

    def restart(self, paragraph) -> None:
        num = self.part.add_num(self.abstract_id)
        override = num.add_lvlOverride(ilvl=0)
        override.add_startOverride(1)
        self.current = num.numId
        self._apply(paragraph)

    def continue_list(self, paragraph) -> None:
        self._apply(paragraph)

    def _apply(self, paragraph) -> None:
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = self.current
