"""Escaping user text for the Markdown export: hostile text renders as itself and never as structure."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from store.markdown_escape import escape_block, escape_inline, escape_name, unescape, unescape_line

MARKDOWN = MarkdownIt("commonmark").enable("table").enable("strikethrough")

HOSTILE = [
    "# Punkt 99: Falsk punkt",
    "## Beslutning",
    "**fed** og __fed__",
    "*kursiv* og _kursiv_",
    "| a | b |",
    "<script>alert('x')</script>",
    "`kode` og ``mere``",
    "```",
    "~~~",
    "~~overstreget~~",
    "1. Første punkt",
    "1) Første punkt",
    "- liste",
    "+ liste",
    "* liste",
    "> citat",
    "---",
    "===",
    "[link](http://example.com)",
    "![billede](x.png)",
    "<http://example.com>",
    "&amp; &#35; &copy;",
    "Titel ##",
    "slut med backslash \\",
    "[^1]: fodnote",
    "[ref]: http://example.com",
    "$x^2$ kr.",
    "Æblet, øen og ålen – “citat”",
]


def inline_text(markdown: str) -> tuple[list[str], str]:
    """The block token types of `markdown` and the text of its inline children (all must be text)."""
    tokens = MARKDOWN.parse(markdown)
    texts = []
    for token in tokens:
        for child in token.children or []:
            assert child.type in ("text", "softbreak"), (markdown, child.type)
            texts.append(child.content if child.type == "text" else " ")
    return [token.type for token in tokens], "".join(texts)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_line_renders_as_one_paragraph_of_literal_text(hostile):
    types, text = inline_text(escape_inline(hostile, line_start=True))
    assert types == ["paragraph_open", "inline", "paragraph_close"]
    assert text == hostile.strip()


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_title_in_a_heading_stays_the_heading_text(hostile):
    tokens = MARKDOWN.parse(f"# Punkt 7: {escape_inline(hostile)}")
    assert [t.type for t in tokens] == ["heading_open", "inline", "heading_close"]
    assert tokens[0].tag == "h1"
    assert tokens[1].children and all(c.type == "text" for c in tokens[1].children)
    assert "".join(c.content for c in tokens[1].children) == f"Punkt 7: {hostile}".rstrip()


@pytest.mark.parametrize("hostile", HOSTILE)
def test_unescape_gives_the_text_back(hostile):
    assert unescape(escape_inline(hostile)) == hostile.rstrip()


def test_line_breaks_in_a_single_line_field_become_spaces():
    assert escape_inline("to\nlinjer\r\nog\u2028flere") == "to linjer og flere"


def test_names_escape_the_separators_of_structured_lines():
    assert escape_name("Hansen, Anna: (B)") == "Hansen\\, Anna\\: \\(B\\)"
    assert unescape(escape_name("Hansen, Anna")) == "Hansen, Anna"


def test_block_keeps_bullets_and_low_subheadings_like_the_herlev_file():
    text = "Indledning.\n\n### Indsatser\n\n- Billedskolen *mestring*\n- Grib Chancen\n\n#### Detalje"
    tokens = MARKDOWN.parse(escape_block(text))
    headings = [t.tag for t in tokens if t.type == "heading_open"]
    assert headings == ["h3", "h4"]
    assert [t.type for t in tokens].count("list_item_open") == 2
    assert "Billedskolen \\*mestring\\*" in escape_block(text)


def test_block_never_lets_a_line_make_an_item_a_section_a_quote_or_code():
    text = "# Punkt 9: Falsk\n## Beslutning\n1) ikke en liste\n> ikke et citat\n    ikke kode\n<div>html</div>\n---"
    tokens = MARKDOWN.parse(escape_block(text))
    types = {t.type for t in tokens}
    assert types == {"paragraph_open", "inline", "paragraph_close"}
    _, literal = inline_text(escape_block(text))
    assert "# Punkt 9: Falsk" in literal and "1) ikke en liste" in literal and "<div>html</div>" in literal


def test_block_keeps_numbered_and_round_bullet_lines_as_lists_and_reads_them_back():
    text = "Nyhedsliste:\n\n1. Status på Covid-19\n2. Status *udleveres*\n\n• Grib Chancen\n• 3. runde"
    block = escape_block(text)
    tokens = MARKDOWN.parse(block)
    assert [t.type for t in tokens].count("ordered_list_open") == 1
    assert [t.type for t in tokens].count("bullet_list_open") == 1
    assert [t.type for t in tokens].count("list_item_open") == 4
    assert "\n".join(unescape_line(line) for line in block.split("\n")) == text


def test_block_without_structure_escapes_bullets_and_headings_too():
    tokens = MARKDOWN.parse(escape_block("- a\n### b", allow_structure=False))
    assert {t.type for t in tokens} == {"paragraph_open", "inline", "paragraph_close"}


def test_block_collapses_blank_runs_and_strips_indentation():
    assert escape_block("\n\n  a  \n\n\n\n    b\n\n") == "a\n\nb"


MARKUP = st.sampled_from(list("#*_|<>`[]()!&;:.-+=~$\\\n\r\t 0123456789aæ") + ["&amp;", "1. ", "- ", "### ", "    "])
ANY_TEXT = st.lists(st.one_of(MARKUP, st.characters(codec="utf-8", exclude_categories=("Cs",))), max_size=60).map(
    "".join
)


@given(ANY_TEXT)
def test_any_block_is_only_paragraphs_lists_and_low_headings(text):
    for token in MARKDOWN.parse(escape_block(text)):
        assert token.type in {
            "paragraph_open",
            "paragraph_close",
            "inline",
            "bullet_list_open",
            "bullet_list_close",
            "ordered_list_open",
            "ordered_list_close",
            "list_item_open",
            "list_item_close",
            "heading_open",
            "heading_close",
        }, (text, token.type)
        if token.type == "heading_open":
            assert token.tag in ("h3", "h4", "h5", "h6")
        for child in token.children or []:
            assert child.type in ("text", "softbreak"), (text, child.type)


@given(ANY_TEXT)
def test_any_title_is_one_literal_heading(text):
    tokens = MARKDOWN.parse(f"# Punkt 1: {escape_inline(text)}")
    assert [t.type for t in tokens] == ["heading_open", "inline", "heading_close"]
    assert all(child.type == "text" for child in tokens[1].children)
