"""Word and PDF editions: read back with python-docx and pypdf, they say what the Markdown says, item by item,
and the public edition shows nothing of a lukket item's content."""

from __future__ import annotations

import dataclasses
import io
import re
import stat

import docx
import pypdf
import pypdfium2
import pytest
from export_support import sample_meeting
from hypothesis import HealthCheck, given, settings
from markdown_it import MarkdownIt
from redaction_support import TOKEN, meetings, secrets
from typer.testing import CliRunner

from cli import app
from store.export_docx import render_docx
from store.export_markdown import render_markdown
from store.export_pdf import render_pdf
from store.importing import ImportProblem, parse_file
from store.meetings import save_meeting
from store.model import Attachment

MARKDOWN = MarkdownIt("commonmark")
ITEM = re.compile(r"^Punkt (\S+?): ")
runner = CliRunner()


def markdown_items(markdown: str) -> dict[str, list[str]]:
    """Each item's words as a CommonMark reader sees the Markdown edition (escapes resolved)."""
    items: dict[str, list[str]] = {}
    current = None
    tokens = MARKDOWN.parse(markdown)
    for index, token in enumerate(tokens):
        if token.type != "inline":
            continue
        text = "".join(child.content if child.type != "softbreak" else " " for child in token.children or [])
        opened = tokens[index - 1]
        if opened.type == "heading_open" and opened.tag == "h1":
            match = ITEM.match(text)
            current = match[1] if match else None
            if current:
                items[current] = []
        if current:
            items[current] += text.split()
    return items


def docx_blocks(document) -> list[tuple[str, str]]:
    """(style, text) of every paragraph and table cell in document order."""
    blocks = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            blocks += [("Table", cell.text) for row in block.rows for cell in row.cells]
        else:
            blocks.append((block.style.name, block.text))
    return blocks


def docx_text(data: bytes) -> tuple[docx.document.Document, list[str]]:
    document = docx.Document(io.BytesIO(data))
    return document, [text for _, text in docx_blocks(document)]


def docx_items(paragraphs: list[str], document) -> dict[str, list[str]]:
    items: dict[str, list[str]] = {}
    current = None
    for style, text in docx_blocks(document):
        if style == "Heading 1":
            match = ITEM.match(text)
            current = match[1] if match else None
            if current:
                items[current] = []
        if current:
            items[current] += text.replace("_" * 40, " ").split()
    return items


def pdf_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def pdf_items(data: bytes) -> dict[str, list[str]]:
    """Each item's words in the PDF, cut at the item bookmarks' titles."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    titles = [entry["/Title"] for entry in reader.outline]
    text = "\n".join(page.extract_text() for page in reader.pages)
    starts = []
    position = 0
    for title in titles:  # a heading starts a line (the contents list's entries start with "•")
        found = re.compile(r"^" + re.escape(title), re.MULTILINE).search(text, position)
        starts.append(found.start())
        position = found.end()
    items: dict[str, list[str]] = {}
    for index, title in enumerate(titles):
        match = ITEM.match(title)
        if match:
            end = starts[index + 1] if index + 1 < len(starts) else None
            items[match[1]] = text[starts[index] : end].split()
    return items


def in_order(needle: list[str], haystack: list[str]) -> bool:
    """Every word of `needle` occurs in `haystack` in the same order (page headers and list markers may lie between)."""
    words = iter(haystack)
    return all(any(word == other for other in words) for word in needle)


@pytest.fixture(params=[False, True], ids=["fuld", "offentlig"])
def public(request) -> bool:
    return request.param


def test_docx_uses_word_styles_header_page_numbers_and_marks_the_full_edition(public):
    document, paragraphs = docx_text(render_docx(sample_meeting(), public=public))
    styles = {paragraph.style.name for paragraph in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Heading 3", "List Number", "List Bullet", "Quote"} <= styles
    assert paragraphs[0] == "Referat: Arbejdsmarkedsudvalget"
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header[0] == "Arbejdsmarkedsudvalget · Mandag den 29. maj 2017"
    assert ("FORTROLIGT – må ikke offentliggøres" in header) == (not public)
    footer = document.sections[0].footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer


def test_attendance_and_votes_are_word_tables():
    document, _ = docx_text(render_docx(sample_meeting()))
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    assert tables[0][:2] == [
        ["Benthe Viola Holm (A)", "formand"],
        ["Ivan Fogtmann (O)", "næstformand, ankom kl. 15.50 under behandlingen af punkt 2"],
    ]
    assert tables[2] == [["Jan Kongebro (A)", ""], ["Mikail Erman (A)", "sag 2-3"]]
    assert tables[4] == [["For stemte:", "A (2), Ø (1)."], ["Imod stemte:", "O (1)."], ["Undlod at stemme:", "ingen."]]


def test_each_numbered_list_in_word_starts_at_one():
    document, _ = docx_text(render_docx(sample_meeting(), public=False))
    lists: list[list[str]] = []
    previous = None
    for paragraph in document.paragraphs:
        if paragraph.style.name == "List Number":
            num_id = paragraph._p.pPr.numPr.numId.val
            if num_id != previous:
                lists.append([])
            lists[-1].append(paragraph.text)
            previous = num_id
        else:
            previous = None
    assert lists[0] == ["at godkende deltagelse i projektet.", "at give en bevilling på 2.500.000 kr."]
    assert lists[1] == ["Anbefales", "Anbefales"]
    numbering = document.part.numbering_part.element
    for num in numbering.num_lst[-len(lists) :]:
        assert num.lvlOverride_lst[0].startOverride.val == 1


def test_signature_page_gives_each_member_a_line_until_they_approve():
    meeting = dataclasses.replace(sample_meeting(), approvals=[])
    document, paragraphs = docx_text(render_docx(meeting))
    signing = [p.text for p in document.paragraphs if p.text.startswith("_" * 40)]
    assert [text.split("\n")[1] for text in signing] == [
        "Benthe Viola Holm (A)",
        "Ivan Fogtmann (O)",
        "Mikail Erman (A)",
        "Birgitte Glifberg (A)",
        "Mogens Leo Hansen (Ø)",
    ]
    pages = pdf_text(render_pdf(meeting))
    assert pages[-1].index("Underskriftsblad") < pages[-1].index("Benthe Viola Holm (A)")
    assert "Underskriftsblad" not in "".join(pages[:-1])


def test_pdf_has_embedded_fonts_bookmarks_page_numbers_and_the_confidential_mark(public):
    data = render_pdf(sample_meeting(), public=public)
    reader = pypdf.PdfReader(io.BytesIO(data))
    fonts = {
        font["/BaseFont"]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
        for font in [font.get_object()]
    }
    assert all("DejaVu" in name for name in fonts)
    descendants = [
        font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    ]
    assert all("/FontFile2" in descriptor for descriptor in descendants)
    assert [entry["/Title"] for entry in reader.outline][:5] == [
        "Punkt 1: Godkendelse af dagsorden",
        "Punkt 2: Beslutning om projektet Flere skal med",
        "Punkt 3: Lukket: Køb af ejendom på Hvidovrevej",
        "Punkt 4: Lukket punkt" if public else "Punkt 4: Lukket: Personalesag",
        "Punkt 5: Eventuelt",
    ]
    pages = pdf_text(data)
    for number, text in enumerate(pages, 1):
        assert f"Side {number} af {len(pages)}" in text
        assert "Arbejdsmarkedsudvalget · Mandag den 29. maj 2017" in text
        assert ("FORTROLIGT – må ikke offentliggøres" in text) == (not public)
    assert "Ømer Kuscu (A)" in pages[0] and "Belægningen" in pages[0]


def test_word_and_pdf_say_what_the_markdown_says_item_by_item(public):
    meeting = sample_meeting()
    expected = markdown_items(render_markdown(meeting, public=public))
    document, paragraphs = docx_text(render_docx(meeting, public=public))
    in_word = docx_items(paragraphs, document)
    in_pdf = pdf_items(render_pdf(meeting, public=public))
    assert list(in_word) == list(in_pdf) == list(expected) == ["1", "2", "3", "4", "5"]
    for number, words in expected.items():
        assert in_word[number] == words, number
        assert in_order(words, in_pdf[number]), number
        extra = [word for word in in_pdf[number] if word not in words]
        assert set(extra) <= {
            "•",
            "1.",
            "2.",
            "Side",
            "af",
            "Arbejdsmarkedsudvalget",
            "·",
            "Mandag",
            "den",
            "29.",
            "maj",
            "2017",
            "FORTROLIGT",
            "–",
            "må",
            "ikke",
            "offentliggøres",
            *"0123456789",
        }, extra


def test_pdf_is_pdf_a_2b(public):
    """What ISO 19005-2 level B asks of the file (veraPDF does not install with pip or apt, so checked here):
    the marker comment after the header, a file identifier, no encryption, XMP metadata naming PDF/A-2B
    with the document's title, an sRGB output intent with an embedded ICC profile, every font embedded,
    and every link annotation set to print."""
    meeting = sample_meeting()
    meeting.items[0].attachments.append(Attachment("Dagsorden på nettet", "https://example.org/dagsorden.pdf"))
    data = render_pdf(meeting, public=public)
    assert data.startswith(b"%PDF-1.") and all(byte > 127 for byte in data.split(b"\n")[1][1:5])
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert not reader.is_encrypted and len(reader.trailer["/ID"]) == 2
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "<pdfaid:part>2</pdfaid:part>" in xmp and "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    assert "Referat: Arbejdsmarkedsudvalget" in xmp
    [intent] = [entry.get_object() for entry in root["/OutputIntents"]]
    assert intent["/S"] == "/GTS_PDFA1" and intent["/OutputConditionIdentifier"] == "sRGB"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3 and profile.get_data()[36:40] == b"acsp"  # an ICC profile's signature
    links = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor
        links += [annotation.get_object() for annotation in page.get("/Annots") or []]
    assert links and all(int(link["/F"]) & 4 for link in links)  # flagged to print


def test_first_pdf_page_renders_as_a_picture_that_is_not_blank():
    page = pypdfium2.PdfDocument(render_pdf(sample_meeting()))[0]
    image = page.render(scale=0.5).to_pil().convert("L")
    darkest, lightest = image.getextrema()
    histogram = image.histogram()
    ink = sum(histogram[:128]) / sum(histogram)
    assert (darkest, lightest) == (0, 255) or darkest < 60
    assert 0.005 < ink < 0.5


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings())
def test_public_word_and_pdf_show_nothing_of_a_lukket_item(meeting):
    hidden = secrets(meeting)
    _, paragraphs = docx_text(render_docx(meeting))
    for name, text in (("docx", "\n".join(paragraphs)), ("pdf", "\n".join(pdf_text(render_pdf(meeting))))):
        leaked = hidden & set(TOKEN.findall(text))
        assert not leaked, f"{name} viser {sorted(leaked)}"


def shared_meetings(shared_referater):
    for path in sorted(shared_referater.glob("*-*.*")):
        try:
            yield path.name, parse_file(path)
        except ImportProblem:
            continue


def test_every_shared_referat_opens_as_word_and_pdf_and_the_public_ones_hide_lukket_content(shared_referater):
    read = 0
    for name, meeting in shared_meetings(shared_referater):
        lukket = " ".join(f"{s.heading} {s.text}" for item in meeting.items if not item.public for s in item.sections)
        secret_words = set(re.findall(r"\w{6,}", lukket)) - set(re.findall(r"\w{6,}", render_markdown(meeting)))
        for public in (True, False):
            document, paragraphs = docx_text(render_docx(meeting, public=public))
            pages = pdf_text(render_pdf(meeting, public=public))
            expected = markdown_items(render_markdown(meeting, public=public))
            assert list(docx_items(paragraphs, document)) == list(expected), name
            words = set(re.findall(r"\w+", "\n".join(paragraphs))) | set(re.findall(r"\w+", "\n".join(pages)))
            if public:
                assert not secret_words & words, (name, sorted(secret_words & words)[:5])
            else:
                assert secret_words <= words, name
        read += 1
    assert read >= 3


def test_cli_writes_word_and_pdf_files_and_the_full_edition_is_private(db, db_path, tmp_path):
    meeting_id = save_meeting(db, sample_meeting())
    for fmt in ("docx", "pdf"):
        target = tmp_path / f"referat.{fmt}"
        result = runner.invoke(
            app, ["export", str(meeting_id), "--format", fmt, "--full", "-o", str(target), "--db", str(db_path)]
        )
        assert result.exit_code == 0, result.output
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "Sælger ønsker" in "\n".join(docx_text((tmp_path / "referat.docx").read_bytes())[1])
    assert "Sælger ønsker" in "\n".join(pdf_text((tmp_path / "referat.pdf").read_bytes()))
    result = runner.invoke(
        app, ["export", "--all", "--format", "pdf", "-o", str(tmp_path / "alle"), "--db", str(db_path)]
    )
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (tmp_path / "alle").iterdir())
    assert written == ["2017-05-29-arbejdsmarkedsudvalget.pdf"]
    assert "Sælger ønsker" not in "\n".join(pdf_text((tmp_path / "alle" / written[0]).read_bytes()))


def test_cli_refuses_a_document_on_the_terminal(db, db_path):
    meeting_id = save_meeting(db, sample_meeting())
    result = runner.invoke(app, ["export", str(meeting_id), "--format", "docx", "--db", str(db_path)])
    assert (result.exit_code, result.stderr) == (
        1,
        "Fejl: --format docx skrives til en fil: angiv -o FIL (eller -o MAPPE med --all).\n",
    )


def test_a_bilag_address_beginning_with_a_hash_is_no_anchor_in_the_pdf():
    meeting = sample_meeting()
    item = next(item for item in meeting.items if item.attachments)
    item.attachments = [*item.attachments, dataclasses.replace(item.attachments[0], reference="#Bilag-3")]
    assert render_pdf(meeting).startswith(b"%PDF")  # fpdf2 took "#…" for a named destination never set
