"""The referat as a Word document (python-docx), laid out from `store.export_document`.

Real Word styles (Title, Heading 1–3, List Number, List Bullet, Quote), tables for the attendance
and each afstemning, a running header with the
udvalg and the date, "Side N af M" in the footer, the full edition marked FORTROLIGT in the header
of every page, and the Underskriftsblad on a page of its own with a line to sign for each member.
"""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches, Pt, RGBColor

from store.collector import collection_paused
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

_STYLE = {
    TITLE: "Title",
    HEADING: "Heading 1",
    SECTION: "Heading 2",
    SUBHEADING: "Heading 3",
    QUOTE: "Quote",
    BULLET: "List Bullet",
    SIGNATURE: "Normal",
}
_SIGNATURE_RULE = "_" * 40
_SIGNATURE_SPACE = Pt(28).twips
_TABLE_STYLE = "Light List Accent 1"
_COLUMN = Inches(3).twips  # half the text width of the default page
_ATTENDANCE_GROUPS = ("Deltagere", "Fraværende med afbud", "Fraværende", "Medlemmer")
_MEMBER = re.compile(r"^(?P<name>.*?\))(?:, (?P<rest>.*))?$|^(?P<bare>[^,]*)(?:, (?P<bare_rest>.*))?$")
_VOTE = re.compile(
    r"^(?P<label>Afstemning[^:]*:) (?P<for>For stemte:) (?P<for_side>.*?\.) (?P<against>Imod stemte:) "
    r"(?P<against_side>.*?\.) (?P<abstain>Undlod at stemme:) (?P<abstain_side>.*?\.)(?: (?P<result>.*))?$"
)


def render_docx(meeting: Meeting, *, public: bool = True, decisions_only: bool = False) -> bytes:
    """The referat as .docx bytes, with the same content as the Markdown edition."""
    with collection_paused():
        return write_docx(build_document(meeting, public=public, decisions_only=decisions_only))


def write_docx(document: Document) -> bytes:
    docx = new_docx()
    docx.core_properties.title = document.title
    docx.core_properties.language = "da-DK"
    _header_and_footer(docx, document)
    # The body is written as WordprocessingML and parsed once: python-docx's `add_paragraph` and
    # `add_table` search the whole body on every call.
    body = _Body(docx)
    previous: Block | None = None
    group: str | None = None  # the attendance group whose members go into one table
    rows: list[str] = []
    for block in document.blocks:
        if block.kind == SECTION:
            group = block.text if block.text in _ATTENDANCE_GROUPS else None
        if group and block.kind == BULLET:
            rows.append(_row(_member_cells(block.text)))
            previous = block
            continue
        if rows:
            body.table(rows)
            rows = []
        vote = _VOTE.match(block.text) if block.kind == PARAGRAPH else None
        if vote:
            body.paragraph(_run(vote["label"], bold=True))
            body.table([_row((vote[side], vote[f"{side}_side"])) for side in ("for", "against", "abstain")])
            if vote["result"]:
                body.paragraph(_run(vote["result"]))
            previous = block
            continue
        if block.kind == HEADING and block.text == "Underskriftsblad":
            body.paragraph('<w:r><w:br w:type="page"/></w:r>')
        runs = "".join(_run(span.text, bold=span.bold, italic=span.italic) for span in block.spans)
        if block.kind == SIGNATURE:
            body.paragraph(_run(_SIGNATURE_RULE + "\n") + runs, spacing_before=_SIGNATURE_SPACE)
        elif block.kind == NUMBERED:
            body.paragraph(runs, block.kind, restart=previous is None or previous.kind != NUMBERED)
        else:
            body.paragraph(runs, block.kind)
        previous = block
    if rows:
        body.table(rows)
    body.close()
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


class _Body:
    """The document body as WordprocessingML text, put into the document at `close`."""

    def __init__(self, docx) -> None:
        self.docx = docx
        # Style ids looked up once: python-docx's lookup by name walks every style on each call.
        self.styles = {kind: docx.styles[name].style_id for kind, name in {**_STYLE, NUMBERED: "List Number"}.items()}
        self.table_style = docx.styles[_TABLE_STYLE].style_id
        self.numbering = _Numbering(docx)
        self.parts: list[str] = []

    def paragraph(
        self, runs: str, kind: str | None = None, *, restart: bool = False, spacing_before: int | None = None
    ) -> None:
        properties = ""
        if kind in self.styles:
            properties += f'<w:pStyle w:val="{escape(self.styles[kind], _QUOTE)}"/>'
        if kind == NUMBERED:
            list_id = self.numbering.restart() if restart else self.numbering.current
            properties += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{list_id}"/></w:numPr>'
        if spacing_before is not None:
            properties += f'<w:spacing w:before="{spacing_before}"/>'
        self.parts.append(f"<w:p>{f'<w:pPr>{properties}</w:pPr>' if properties else ''}{runs}</w:p>")

    def table(self, rows: list[str]) -> None:
        """A two-column table in the table style, its rows given as `_row` XML."""
        self.parts.append(
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{escape(self.table_style, _QUOTE)}"/>'
            '<w:tblW w:type="auto" w:w="0"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" '
            'w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{_COLUMN}"/><w:gridCol w:w="{_COLUMN}"/></w:tblGrid>{"".join(rows)}</w:tbl>'
        )

    def close(self) -> None:
        end = self.docx.element.body.sectPr
        for element in parse_xml(f"<w:body {nsdecls('w')}>{''.join(self.parts)}</w:body>"):
            end.addprevious(element)
        self.numbering.close()


_QUOTE = {'"': "&quot;"}


def _run(text: str, *, bold: bool = False, italic: bool = False) -> str:
    """A run of text as WordprocessingML, a line break for each newline."""
    properties = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    content = "<w:br/>".join(
        f'<w:t xml:space="preserve">{escape(line)}</w:t>' if line else "" for line in text.split("\n")
    )
    return f"<w:r>{f'<w:rPr>{properties}</w:rPr>' if properties else ''}{content}</w:r>"


def _row(cells: tuple[str, str]) -> str:
    """One table row of plain-text cells as WordprocessingML."""
    parts = [
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{_COLUMN}"/></w:tcPr><w:p>{_run(text) if text else ""}</w:p></w:tc>'
        for text in cells
    ]
    return f"<w:tr>{''.join(parts)}</w:tr>"


def _member_cells(text: str) -> tuple[str, str]:
    """'Anna Holm (A), formand, ankom kl. 16.20' as the name and what is said about the attendance."""
    match = _MEMBER.match(text)
    if match is None:  # a comma not followed by a space: the whole line is the name
        return text, ""
    name = match["name"] or match["bare"] or text
    rest = match["rest"] if match["name"] else match["bare_rest"]
    return name, rest or ""


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
        self.next_id = max(n.numId for n in self.part.num_lst) + 1
        self.current: int | None = None
        self.added: list[str] = []

    def restart(self) -> int:
        self.current, self.next_id = self.next_id, self.next_id + 1
        self.added.append(
            f'<w:num w:numId="{self.current}"><w:abstractNumId w:val="{self.abstract_id}"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
        return self.current

    def close(self) -> None:
        for element in parse_xml(f"<w:numbering {nsdecls('w')}>{''.join(self.added)}</w:numbering>"):
            self.part.append(element)
