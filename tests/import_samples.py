"""Test documents made on the fly: a real .pdf (written with pypdf) and a real .docx (python-docx)."""

from __future__ import annotations

import io

PAGE_WIDTH, PAGE_HEIGHT = 595, 842


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A PDF whose pages hold the given lines in Helvetica (WinAnsi, so æøå work)."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    for lines in pages:
        page = writer.add_blank_page(PAGE_WIDTH, PAGE_HEIGHT)
        content = [b"BT", b"/F1 10 Tf", b"13 TL", b"40 800 Td"]
        for line in lines:
            text = line.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            content.append(b"(" + text + b") Tj T*")
        content.append(b"ET")
        stream = DecodedStreamObject()
        stream.set_data(b"\n".join(content))
        page[NameObject("/Resources")] = DictionaryObject(
            {
                NameObject("/Font"): DictionaryObject({NameObject("/F1"): font}),
            }
        )
        page.replace_contents(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def docx_bytes(blocks: list[tuple[str, str | list[list[str]]]]) -> bytes:
    """A Word document from (style, text) paragraphs; style 'table' takes rows of cells."""
    import docx

    document = docx.Document()
    for style, content in blocks:
        if style == "table":
            table = document.add_table(rows=0, cols=len(content[0]))
            for row in content:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
        elif style.startswith("Heading"):
            document.add_heading(content, level=int(style[-1]))
        else:
            document.add_paragraph(content, style=style or None)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def laid_out_pdf(
    running_header: str,
    title_block: list[str],
    attendance: list[tuple[str, str]],
    members: list[str],
    items: list[tuple[str, str]],
) -> bytes:
    """A dagsorden or referat as an agenda system prints it (fpdf2): a running header and 'Side n af m' on every
    page, an attendance table with a column per heading, members in two columns, then `items` as
    (bold heading, body text) with their sections."""
    from fpdf import FPDF

    class Pages(FPDF):
        def header(self):
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, running_header, new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, f"Side {self.page_no()} af {{nb}}", align="C")

    pdf = Pages()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)

    def paragraph(text: str, height: float = 6) -> None:
        pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")

    paragraph("\n".join(title_block) + "\n")
    with pdf.table(col_widths=(60, 60)) as table:
        for left, right in attendance:
            row = table.row()
            row.cell(left)
            row.cell(right)
    pdf.ln(4)
    paragraph("Medlemmer")
    top = pdf.get_y()
    for index, name in enumerate(members):
        pdf.set_xy(pdf.l_margin + (index % 2) * 90, top + (index // 2) * 6)
        pdf.cell(80, 6, name)
    pdf.set_xy(pdf.l_margin, top + (len(members) + 1) // 2 * 6 + 6)
    for heading, body in items:
        pdf.set_font("Helvetica", "B", 12)
        paragraph(heading, 7)
        pdf.set_font("Helvetica", size=11)
        paragraph(body + "\n")
    return bytes(pdf.output())


def text_as_pdf(text: str, running_header: str) -> bytes:
    """A text document printed as PDF (fpdf2, DejaVu Sans): its lines wrapped at the margin, a running header
    and 'Side n af m' on every page, as an agenda system's PDF edition of a web page has them."""
    from pathlib import Path

    from fpdf import FPDF

    fonts = Path(__file__).resolve().parents[1] / "store" / "data" / "fonts"

    class Pages(FPDF):
        def header(self):
            self.set_font("dejavu", size=8)
            self.cell(0, 6, running_header, new_x="LMARGIN", new_y="NEXT")
            self.ln(2)

        def footer(self):
            self.set_y(-15)
            self.set_font("dejavu", size=8)
            self.cell(0, 6, f"Side {self.page_no()} af {{nb}}", align="C")

    pdf = Pages()
    pdf.add_font("dejavu", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_page()
    pdf.set_font("dejavu", size=10)
    for line in text.split("\n"):
        pdf.multi_cell(0, 5, line.replace("\t", "    ") or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
