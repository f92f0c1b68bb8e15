"""The referat as a list of typed blocks: what the Word and PDF exports lay out.

The blocks are read from the Markdown edition (`render_markdown`) with markdown-it, so Word, PDF
and Markdown say exactly the same things in the same order and the public rules of
`store.redaction` apply to all three through the one renderer.  Each block carries its text as
spans (bold, italic, link) with every Markdown escape already undone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from store.dates import long_date
from store.export_markdown import CONFIDENTIAL_LINE, SIGNATURE_LEAD, render_markdown
from store.model import Meeting

# Block kinds.
TITLE, HEADING, SECTION, SUBHEADING, PARAGRAPH, NUMBERED, BULLET, QUOTE, SIGNATURE = (
    "title",
    "heading",
    "section",
    "subheading",
    "paragraph",
    "numbered",
    "bullet",
    "quote",
    "signature",
)
CONFIDENTIAL_MARK = "FORTROLIGT – må ikke offentliggøres"

# The export escapes every character that would start code, HTML, a rule, a setext heading or an image, so
# those rules never match its text and are left out (checking them at every line is what parsing costs).
# The inline content is parsed here only where it holds a character an enabled inline rule acts on
# (`_INLINE_MARKUP`: a line break, an escape, emphasis, a link, an entity); most of a referat's
# paragraphs, headings and list entries are plain text, which that parse would return as one text token.
_PARSER = MarkdownIt("commonmark").disable(
    ["code", "fence", "hr", "html_block", "lheading", "reference", "backticks", "autolink", "html_inline", "image"]
    + ["inline"]
)
_INLINE_MARKUP = "\n\\*_[&"
_HEADING_KIND = {"h2": SECTION}


@dataclass
class Span:
    """A run of text in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


@dataclass
class Block:
    """One paragraph-like block: a heading, a paragraph, a list entry, a quote or a line to sign."""

    kind: str
    spans: list[Span] = field(default_factory=list)
    number: int | None = None  # a numbered entry's number
    level: int = 0  # nesting depth of a list entry

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass
class Document:
    """The whole referat for a page layout: running header, confidentiality and blocks."""

    title: str
    header: str  # "Arbejdsmarkedsudvalget · Mandag den 29. maj 2017"
    full: bool
    blocks: list[Block]

    def items(self) -> list[tuple[Block, list[Block]]]:
        """Each item heading with the blocks under it (up to the next level-1 heading)."""
        result: list[tuple[Block, list[Block]]] = []
        for block in self.blocks:
            if block.kind == HEADING:
                result.append((block, []))
            elif result:
                result[-1][1].append(block)
        return [(heading, body) for heading, body in result if heading.text.startswith("Punkt ")]


def build_document(meeting: Meeting, *, public: bool = True, decisions_only: bool = False) -> Document:
    """The referat's blocks, from its Markdown edition with the same options."""
    markdown = render_markdown(meeting, public=public, decisions_only=decisions_only)
    blocks = document_blocks(markdown)
    title = blocks[0].text if blocks and blocks[0].kind == TITLE else meeting.committee
    header = " · ".join(part for part in (meeting.committee, meeting.date and long_date(meeting.date)) if part)
    return Document(title=title, header=header, full=not public, blocks=blocks)


def document_blocks(markdown: str) -> list[Block]:
    """The blocks of a referat Markdown text, in order."""
    blocks: list[Block] = []
    lists: list[list[int]] = []  # per open list: [next number] or [] for a bullet list
    quote = 0
    pending: str | None = None
    for token in _PARSER.parse(markdown):
        kind = token.type
        if kind == "heading_open":
            pending = _HEADING_KIND.get(token.tag, HEADING if token.tag == "h1" else SUBHEADING)
        elif kind == "ordered_list_open":
            lists.append([int(token.attrGet("start") or 1)])
        elif kind == "bullet_list_open":
            lists.append([])
        elif kind in ("ordered_list_close", "bullet_list_close"):
            lists.pop()
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind == "inline":
            spans = _spans(token.content)
            if pending:
                blocks.append(Block(pending, spans))
                pending = None
            elif lists:
                current = lists[-1]
                if current:
                    blocks.append(Block(NUMBERED, spans, number=current[0], level=len(lists) - 1))
                    current[0] += 1
                else:
                    blocks.append(Block(BULLET, spans, level=len(lists) - 1))
            else:
                blocks.append(Block(QUOTE if quote else PARAGRAPH, spans))
    return _mark_signatures(_title_first(blocks))


def _title_first(blocks: list[Block]) -> list[Block]:
    """The first heading is the title; the full edition's first line becomes the mark on every page instead."""
    if blocks and blocks[0].kind == PARAGRAPH and f"**{blocks[0].text}**" == CONFIDENTIAL_LINE:
        blocks = blocks[1:]
    if blocks and blocks[0].kind == HEADING:
        blocks[0].kind = TITLE
    return blocks


def _mark_signatures(blocks: list[Block]) -> list[Block]:
    """The names listed under the Underskriftsblad's lead sentence are lines to sign."""
    signing = False
    for block in blocks:
        if block.kind == PARAGRAPH:
            signing = block.text == SIGNATURE_LEAD
        elif block.kind == BULLET and signing:
            block.kind = SIGNATURE
        elif block.kind != BULLET:
            signing = False
    return blocks


def _spans(content: str) -> list[Span]:
    """The spans of an inline token's content."""
    if not any(char in content for char in _INLINE_MARKUP):
        return [Span(content)] if content else []
    children: list[Token] = []
    _PARSER.inline.parse(content, _PARSER, {}, children)
    spans: list[Span] = []
    bold = italic = 0
    link: str | None = None
    for child in children:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            link = str(child.attrGet("href") or "")
        elif kind == "link_close":
            link = None
        elif kind in ("text", "text_special", "code_inline", "html_inline"):  # text_special: an escape, an entity
            spans.append(Span(child.content, bool(bold), bool(italic), link))
        elif kind in ("softbreak", "hardbreak"):
            spans.append(Span("\n", bool(bold), bool(italic), link))
    merged: list[Span] = []
    for span in spans:
        last = merged[-1] if merged else None
        if last and (last.bold, last.italic, last.link) == (span.bold, span.italic, span.link):
            last.text += span.text
        elif span.text:
            merged.append(span)
    return merged
