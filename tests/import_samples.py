"""Test documents made on the fly: a real .pdf (written with pypdf) and a real .docx (python-docx)."""

from __future__ import annotations

import io

PAGE_WIDTH, PAGE_HEIGHT = 595, 842


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A PDF whose pages hold the given lines in Helvetica (WinAnsi, so æøå work)."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    })
    for lines in pages:
        page = writer.add_blank_page(PAGE_WIDTH, PAGE_HEIGHT)
        content = [b"BT", b"/F1 10 Tf", b"13 TL", b"40 800 Td"]
        for line in lines:
            text = line.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            content.append(b"(" + text + b") Tj T*")
        content.append(b"ET")
        stream = DecodedStreamObject()
        stream.set_data(b"\n".join(content))
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): font}),
        })
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
