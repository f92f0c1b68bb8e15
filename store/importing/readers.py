"""File bytes to plain text: text files in any common encoding, HTML, Word (.docx) and PDF.

Everything a reader returns goes through the same text parser.  Markdown
heading marks are kept (and Word/HTML headings become `#` lines) so heading
levels survive; PDF pages are separated by form feeds so running headers and
page numbers can be recognised later.  PDF text is read in pypdf's layout mode,
which keeps apart the lines and table columns that plain mode runs together;
a wide gap between columns becomes a tab, as between the cells of a Word table.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from pathlib import Path

from store.importing.problems import ImportProblem, where
from store.importing.vocabulary import SUSPENDED_COMPOUND_WORDS

MAX_FILE_BYTES = 200 * 1024 * 1024  # a PDF with scanned bilag can be big; the text rarely is
MAX_TEXT_CHARS = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # a Word file's parts, unpacked (zipfile never reads past the stated size)
PAGE_BREAK = "\f"

_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # Word 97-2003 .doc and other OLE files
_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html|<head|<body)", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def read_document(path: Path) -> str:
    """The text of a dagsorden or referat file; ImportProblem (Danish) when it cannot be read."""
    source = path.name
    if not path.exists():
        raise ImportProblem(f"{where(source)} findes ikke.")
    if path.is_dir():
        raise ImportProblem(f"{where(source)} er en mappe, ikke en fil.")
    size = path.stat().st_size
    if size == 0:
        raise ImportProblem(f"{where(source)} er tom.")
    if size > MAX_FILE_BYTES:
        raise ImportProblem(
            f"{where(source)} er for stor ({size // (1024 * 1024)} MB); højst {MAX_FILE_BYTES // (1024 * 1024)} MB kan indlæses."
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportProblem(f"{where(source)} kan ikke læses: {error.strerror or error}.") from error
    text = read_bytes(data, source, path.suffix.lower())
    if len(text) > MAX_TEXT_CHARS:
        raise ImportProblem(
            f"{where(source)} har for meget tekst til at være en dagsorden "
            f"({len(text) // (1024 * 1024)} MB; højst {MAX_TEXT_CHARS // (1024 * 1024)} MB)."
        )
    if not text.strip():
        raise ImportProblem(f"{where(source)} indeholder ingen tekst.")
    return text


def read_bytes(data: bytes, source: str, suffix: str = "") -> str:
    """Text from a file's bytes, by content first and by file name extension second."""
    head = data[:1024]
    if _PDF_MAGIC in head:
        return pdf_text(data, source)
    if data.startswith(_ZIP_MAGIC):
        return docx_text(data, source)
    if data.startswith(_OLE_MAGIC):
        raise ImportProblem(f"{where(source)} er et gammelt Word-dokument (.doc); gem det som .docx eller PDF først.")
    if suffix == ".pdf":
        raise ImportProblem(f"{where(source)} er ikke en gyldig PDF-fil.")
    if suffix == ".docx":
        raise ImportProblem(f"{where(source)} er ikke et gyldigt Word-dokument.")
    text = decode_text(data)
    if _looks_binary(text):
        raise ImportProblem(f"{where(source)} er ikke en tekst-, Markdown-, HTML-, Word- eller PDF-fil.")
    if suffix in (".html", ".htm") or _HTML_START.match(text):
        return html_text(text, source)
    return text


def decode_text(data: bytes) -> str:
    """Decode text: a BOM wins, then UTF-8, then Windows-1252, then Latin-1 (which always succeeds)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if "\x00" in sample:
        return True
    return len(_CONTROL.findall(sample)) > max(8, len(sample) // 200)


# --- PDF ------------------------------------------------------------------------


def pdf_text(data: bytes, source: str) -> str:
    """The text of every page, pages separated by a form feed on a line of its own (pypdf)."""
    from pypdf import PdfReader

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # a damaged PDF makes pypdf log warnings; we report once, in Danish
    try:
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise ImportProblem(f"{where(source)} er beskyttet med adgangskode.")
            pages = [_page_text(page) for page in reader.pages]
        except ImportProblem:
            raise
        except Exception as error:  # pypdf raises many kinds on damaged input
            raise ImportProblem(f"{where(source)} kan ikke læses som PDF; den er ødelagt eller afkortet.") from error
    finally:
        logger.setLevel(level)
    if not any(page.strip() for page in pages):
        raise ImportProblem(f"{where(source)} er en PDF uden tekst (måske en scanning); den kan ikke indlæses.")
    return f"\n{PAGE_BREAK}\n".join(pages)


_COLUMN_GAP = re.compile(r" {4,}")  # layout mode keeps a column's place with spaces; within a line of text they are few
_SPLIT_WORD = re.compile(r"(?<=[a-zæøå]{2})-$")
_WORD_START = re.compile(r"^(?P<word>[a-zæøå][\wæøå]*[.,;:!?)]*)\s*(?P<rest>.*)$")


def _page_text(page) -> str:
    """One page's lines as laid out (plain mode where layout mode fails on the page), words split
    over a line end joined again."""
    try:
        text = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # layout mode is newer and stricter than plain mode on odd fonts
        text = page.extract_text() or ""
    lines = [_COLUMN_GAP.sub("\t", line.rstrip()) for line in text.split("\n")]
    return "\n".join(_join_split_words(lines))


def _join_split_words(lines: list[str]) -> list[str]:
    """'budget-' / 'området er …' -> 'budgetområdet' / 'er …'; 'Arbejdsmarkeds-' / 'og Beskæftigelse' stays
    (a shared ending: 'Arbejdsmarkeds- og Beskæftigelsesområdet'), and so does a hyphen before a capital or digit."""
    out: list[str | None] = list(lines)
    for index in range(len(out) - 1):
        line, following = out[index], out[index + 1]
        if line is None or following is None or not _SPLIT_WORD.search(line):
            continue
        match = _WORD_START.match(following.strip())
        if not match or match.group("word").rstrip(".,;:!?)").lower() in SUSPENDED_COMPOUND_WORDS:
            continue
        out[index] = line[:-1] + match.group("word")
        indent = following[: len(following) - len(following.lstrip())]
        out[index + 1] = indent + match.group("rest") if match.group("rest") else None
    return [line for line in out if line is not None]


# --- Word -----------------------------------------------------------------------


def docx_text(data: bytes, source: str) -> str:
    """Paragraphs and table rows in document order; headings as `#` lines, list numbers restored."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
    except zipfile.BadZipFile as error:
        raise ImportProblem(f"{where(source)} er et ødelagt zip- eller Word-dokument.") from error
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED_BYTES:  # a zip bomb: refuse before anything is unpacked
        raise ImportProblem(
            f"{where(source)} fylder {unpacked // (1024 * 1024)} MB pakket ud; "
            f"højst {MAX_UNPACKED_BYTES // (1024 * 1024)} MB kan indlæses."
        )
    if "word/document.xml" not in names:
        kind = "et OpenDocument-dokument; gem det som .docx" if "content.xml" in names else "et zip-arkiv"
        raise ImportProblem(f"{where(source)} er {kind}, ikke et Word-dokument.")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise ImportProblem(f"{where(source)} er et ødelagt Word-dokument.") from error
    numbering = _WordNumbering(document)
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(_paragraph_line(Paragraph(child, document), numbering))
        elif child.tag == qn("w:tbl"):
            for row in Table(child, document).rows:
                cells = [cell.text.strip() for cell in row.cells]
                lines.append("\t".join(dict.fromkeys(c for c in cells if c)))  # merged cells repeat
        lines.append("")
    return "\n".join(lines)


def _paragraph_line(paragraph, numbering: _WordNumbering) -> str:
    text = paragraph.text
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    level = re.search(r"(?:Heading|Overskrift)\s*(\d)", style)
    prefix = numbering.label(paragraph)
    if level:
        return "#" * int(level.group(1)) + " " + (prefix + " " if prefix else "") + text
    if style in ("Title", "Titel"):
        return "# " + text
    return (prefix + " " if prefix else "") + text


class _WordNumbering:
    """Restores the numbers Word draws for numbered paragraphs (python-docx gives only the text)."""

    def __init__(self, document) -> None:
        from docx.oxml.ns import qn

        self._qn = qn
        self._formats: dict[tuple[str | None, str | None], tuple[str, int]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                start = lvl.find(qn("w:start"))
                levels[lvl.get(qn("w:ilvl"))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    int(start.get(qn("w:val"))) if start is not None else 1,
                )
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(qn("w:val")), {}).items():
                self._formats[(num.get(qn("w:numId")), ilvl)] = spec

    def label(self, paragraph) -> str:
        """'3.' for the third paragraph of a decimal list, '•' for a bullet, '' if not numbered."""
        qn = self._qn
        num_pr = _numbering_properties(paragraph._p.pPr, qn)
        style = paragraph.style
        while num_pr is None and style is not None:  # numbering given by the paragraph's style ("List Number")
            num_pr = _numbering_properties(style.element.pPr, qn)
            style = style.base_style
        if num_pr is None:
            return ""
        num_id_el, ilvl_el = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
        num_id = num_id_el.get(qn("w:val")) if num_id_el is not None else None
        ilvl = ilvl_el.get(qn("w:val")) if ilvl_el is not None else "0"
        fmt, start = self._formats.get((num_id, ilvl), ("decimal", 1))
        if fmt == "bullet":
            return "•"
        if fmt == "none" or num_id in (None, "0"):
            return ""
        levels = self._counters.setdefault(num_id, {})
        depth = int(ilvl)
        levels[depth] = levels.get(depth, start - 1) + 1
        for deeper in [d for d in levels if d > depth]:
            del levels[deeper]
        value = levels[depth]
        if fmt == "lowerLetter":
            return f"{chr(ord('a') + (value - 1) % 26)})"
        if fmt == "upperLetter":
            return f"{chr(ord('A') + (value - 1) % 26)})"
        return f"{value}."


def _numbering_properties(ppr, qn):
    return ppr.find(qn("w:numPr")) if ppr is not None else None


# --- HTML -----------------------------------------------------------------------

_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head", "nav", "button", "form", "iframe", "footer"}
_BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "figure",
}
_SPACES = re.compile(r"\s+")


def html_text(markup: str, source: str) -> str:
    """A saved web page as lines: headings become `#` lines, list items bullets or numbers."""
    import lxml.html  # type: ignore[import-untyped]
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as error:
        raise ImportProblem(f"{where(source)} er en HTML-side, der ikke kan læses.") from error
    parts: list[str] = []
    skipping = 0
    ordinals: list[int | None] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if skipping or tag in _SKIP_TAGS:
                skipping += 1
                continue
            if tag in _BLOCK_TAGS:
                parts.append("\n\n" if tag not in ("li", "tr", "dd", "dt") else "\n")
            if tag in ("ol", "ul"):
                ordinals.append(0 if tag == "ol" else None)
            elif tag == "li" and ordinals and ordinals[-1] is not None:
                ordinals[-1] += 1
                parts.append(f"{ordinals[-1]}. ")
            elif tag == "li":
                parts.append("• ")
            elif re.fullmatch(r"h[1-6]", tag):
                parts.append("#" * int(tag[1]) + " ")
            elif tag == "br":
                parts.append("\n")
            if element.text:
                parts.append(_SPACES.sub(" ", element.text))
        else:
            if skipping:
                skipping -= 1
                if skipping == 0 and element.tail:
                    parts.append(_SPACES.sub(" ", element.tail))
                continue
            if tag in ("ol", "ul") and ordinals:
                ordinals.pop()
            if tag in ("td", "th"):
                parts.append("\t")
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if element.tail and element is not root:
                parts.append(_SPACES.sub(" ", element.tail))
    lines = [line.strip(" ") for line in "".join(parts).split("\n")]
    return "\n".join(line.rstrip("\t") for line in lines)
