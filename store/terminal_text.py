"""Text that is safe to write to a terminal: control characters removed (on import) or made visible (on output).

An imported title or committee name may carry terminal control sequences (`ESC]0;…BEL` sets the window title,
`ESC[2J` clears the screen, an unterminated OSC swallows the rest of the screen).  Every C0 control character
but tab and line feed, DEL and every C1 control character count; no other text is touched.
"""

from __future__ import annotations

import dataclasses
import re

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# The same characters in UTF-8: one byte each for C0 and DEL, the byte C2 and one of 80–9F for C1.
_C0_BYTES = bytes(range(0x09)) + bytes(range(0x0B, 0x20)) + b"\x7f"
_C1_BYTES = re.compile(b"\xc2[\x80-\x9f]")
_CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}  # ␛ ␇ ␡ …


def _picture(match: re.Match) -> str:
    code = ord(match.group())
    return _CONTROL_PICTURES.get(code, f"<{code:02X}>")


def visible(text: str) -> str:
    """`text` for a terminal: each control character shown as its picture ('ESC' → '␛', BEL → '␇', C1 → '<9B>')."""
    return _CONTROLS.sub(_picture, text) if _has_controls(text) else text


def _has_controls(text: str) -> bool:
    """Whether `text` holds a control character `_CONTROLS` matches, looked for in its UTF-8 bytes: deleting bytes
    by a table and finding the byte C2 are far faster than the pattern over a whole referat's text."""
    data = text.encode("utf-8", "surrogatepass")
    return len(data.translate(None, _C0_BYTES)) != len(data) or (b"\xc2" in data and bool(_C1_BYTES.search(data)))


def without_controls(text: str) -> str:
    """`text` with every control character but tab and line feed removed (a carriage return too)."""
    return _CONTROLS.sub("", text)


def cleaned(value):
    """A copy of a dataclass (a Meeting with its items, members …), dict, list or string with `without_controls`
    applied to every string in it; anything else is returned as it is."""
    if isinstance(value, str):
        return without_controls(value)
    if isinstance(value, list):
        return [cleaned(element) for element in value]
    if isinstance(value, dict):
        return {cleaned(key): cleaned(element) for key, element in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {field.name: cleaned(getattr(value, field.name)) for field in dataclasses.fields(value) if field.init}
        return dataclasses.replace(value, **changes)
    return value
