"""Escaping user text for referat's Markdown, so that text can never change the document's structure.

Every character that CommonMark (or GitHub's extensions: tables, strikethrough, math) could read
as markup is written with a backslash escape, which every CommonMark renderer shows as the
character itself.  The escapes are reversible: `unescape` gives the original text back, which is
what the importer of referat's own Markdown uses.

The choice for section bodies (`escape_block`): a dagsorden's sections legitimately hold lists
("- …", "• …", "1. …") and sub-headings ("### …", as in Herlev's Markdown).  These are kept as
Markdown lists and headings, because they are what makes a long sagsfremstilling readable, and
none can break the document: sub-headings are kept only at level 3–6, below the item (`#`) and
section (`##`) levels; a "1. …" line of text is written "1) …" (CommonMark's other ordered-list
marker, since "1. " lines are reserved for indstilling points and per-point decisions) and a
"• …" line "* …"; `unescape_line` turns both back.  Everything else that could start a block is
escaped at the start of each line: a `#` or `##` heading (so "# Punkt 7: …" inside a section
stays text and never makes an item), a "1)" marker, `>`, `+`, `*`, `=`, a lone `-`, table pipes,
fences and HTML.  Leading
indentation is dropped (it would make a code block), trailing spaces are dropped (they would make
a hard line break), and runs of blank lines become one.
"""

from __future__ import annotations

import re

# Markup that is escaped wherever it appears.  `&` only where it would start an entity.
_INLINE_CHARACTERS = "\\`*_[]<>#|~$"
_INLINE = re.compile(f"[{re.escape(_INLINE_CHARACTERS)}]")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# Text at the start of a line that would open a block.
_BLOCK_STARTS = "#-•+=>"  # and a digit: the first characters of a structure line or of `_LINE_START`
_LINE_START = re.compile(r"^(?:[-+=>]|\d{1,9}(?=[.)]))")
# Control characters other than those Python (and so a line-based parser) treats as line breaks: the text is
# split at those with str.splitlines.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
_SUBHEADING = re.compile(r"^(#{3,6})[ \t]+(\S.*)$")
_BULLET = re.compile(r"^-[ \t]+(\S.*)$")
_ROUND_BULLET = re.compile(r"^•[ \t]+(\S.*)$")
_NUMBERED = re.compile(r"^(\d{1,9})\.[ \t]+(\S.*)$")
_KEPT_NUMBERED = re.compile(r"^(\d{1,9})\) (.*)$")
_KEPT_ROUND_BULLET = re.compile(r"^\* (.*)$")
# A line ending as the referat's last line does ("Mødet afsluttet kl. 15.45"): its full stop is escaped.
_CLOSED_AT = re.compile(r"(?<=Mødet afsluttet kl)\.(?= \d{1,2}\.\d{2}$)")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
# One entry of a ", "-separated list: escapes, a comma not followed by a space, anything else.
_LIST_ENTRY = re.compile(r"(?:\\.|\\$|,(?! )|[^\\,])*")


def _clean(text: str) -> str:
    return _CONTROL.sub(" ", text)


def escape_inline(text: str, *, line_start: bool = False) -> str:
    """Escape one line of text: line breaks become spaces, surrounding whitespace is dropped.

    With `line_start`, the text also may not begin a block (list, quote, setext underline, …).
    """
    return _escape_line(" ".join(_clean(text).splitlines()), line_start)


def _escape_line(line: str, line_start: bool) -> str:
    """`escape_inline` of a line already cleaned of control characters and line breaks."""
    if _INLINE.search(line):  # most lines have none: searching first is much faster than substituting
        line = _INLINE.sub(r"\\\g<0>", line)
    if "&" in line:
        line = _ENTITY.sub(r"\\&", line)
    line = line.strip()
    if "afsluttet kl." in line:
        line = _CLOSED_AT.sub(r"\\.", line)
    if line_start:
        match = _LINE_START.match(line)
        if match:
            end = match.end()
            if match.group(0)[0].isdigit():  # "1." -> "1\."
                line = line[:end] + "\\" + line[end:]
            else:
                line = "\\" + line
    return line


def escape_name(text: str) -> str:
    """Escape a name or short field in a structured line: also `,`, `:`, `(` and `)`.

    Those characters separate the parts of lines such as "Afbud: Anna Holm (A), Bo Berg (V)".
    """
    return re.sub(r"[,:()]", lambda m: "\\" + m.group(0), escape_inline(text)).strip()


def escape_block(text: str, *, allow_structure: bool = True) -> str:
    """Escape multi-line text; keeps lists and level 3–6 sub-headings when `allow_structure`."""
    # Most section text holds no markup character: it is looked for once in the whole text (a substring
    # search, far faster than a pattern), and then each line only needs its start checked.
    markup = _has_markup(text)
    lines: list[str] = []
    for raw in text.splitlines():
        escape = _escape_line if markup else _escape_start
        if not raw.isprintable():  # a tab, a no-break space … or a control character
            cleaned = _clean(raw)
            if cleaned != raw:  # a control character became a space: the line may read differently now
                escape = _escape_line
            raw = cleaned
        raw = raw.strip()
        if not raw:
            if lines and lines[-1]:
                lines.append("")
            continue
        if escape is _escape_start and raw[0] not in _BLOCK_STARTS and not raw[0].isdigit():
            lines.append(raw)  # most lines of most sections: nothing to escape
            continue
        structure = allow_structure and (raw[0] in "#-•" or raw[0].isdigit())
        heading = _SUBHEADING.match(raw) if structure else None
        bullet = _BULLET.match(raw) if structure else None
        round_bullet = _ROUND_BULLET.match(raw) if structure else None
        numbered = _NUMBERED.match(raw) if structure else None
        if heading:
            lines.append(f"{heading.group(1)} {escape(heading.group(2), False)}")
        elif bullet:
            lines.append("- " + escape(bullet.group(1), True))
        elif round_bullet:
            lines.append("* " + escape(round_bullet.group(1), True))
        elif numbered:
            lines.append(f"{numbered.group(1)}) " + escape(numbered.group(2), True))
        else:
            lines.append(escape(raw, True))
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _has_markup(text: str) -> bool:
    """Whether `_escape_line` could change any line of `text` other than at its start."""
    return any(char in text for char in _INLINE_CHARACTERS) or "&" in text or "afsluttet kl." in text


def _escape_start(line: str, line_start: bool) -> str:
    """`_escape_line` of a line with no markup character (`_has_markup`): only its start can need escaping."""
    if line_start:
        match = _LINE_START.match(line)
        if match:
            end = match.end()
            return line[:end] + "\\" + line[end:] if match.group(0)[0].isdigit() else "\\" + line
    return line


def unescape(text: str) -> str:
    """Undo backslash escapes (CommonMark: a backslash before ASCII punctuation)."""
    return _ESCAPED.sub(r"\1", text)


def split_list(text: str) -> list[str]:
    """Split a line written with `escape_name` at its ", " separators, never at an escaped comma."""
    entries = []
    position = 0
    while True:
        entry = _LIST_ENTRY.match(text, position)
        assert entry is not None  # the pattern also matches the empty string
        entries.append(entry.group(0))
        position = entry.end() + len(", ")
        if entry.end() >= len(text):
            return entries


def unescape_line(line: str) -> str:
    """One line of an `escape_block` text back: also "1) …" to "1. …" and "* …" to "• …"."""
    numbered = _KEPT_NUMBERED.match(line)
    if numbered:
        return f"{numbered.group(1)}. {unescape(numbered.group(2))}"
    round_bullet = _KEPT_ROUND_BULLET.match(line)
    if round_bullet:
        return "• " + unescape(round_bullet.group(1))
    return unescape(line)
