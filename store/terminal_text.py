"""Text that is safe to write to a terminal: control characters removed (on import) or made visible (on output).

An imported title or committee name may carry terminal control sequences (`ESC]0;…BEL` sets the window title,
`ESC[2J` clears the screen, an unterminated OSC swallows the rest of the screen).  Every C0 control character
but tab and line feed, DEL and every C1 control character count; no other text is touched.
"""

from __future__ import annotations

import dataclasses
import re

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}  # ␛ ␇ ␡ …


def _picture(match: re.Match) -> str:
    code = ord(match.group())
    return _CONTROL_PICTURES.get(code, f"<{code:02X}>")


def visible(text: str) -> str:
    """`text` for a terminal: each control character shown as its picture ('ESC' → '␛', BEL → '␇', C1 → '<9B>')."""
    return _CONTROLS.sub(_picture, text)


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
