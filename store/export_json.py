"""The referat as JSON: the documented contract of `Meeting.to_json()`, public or full.

Every key of the contract (see README) is kept; one field is added at the top:
`"edition": "offentlig" | "fuld"`, saying which rules the file was made under.  The public
edition applies `store.redaction.public_view`, the same rules as the public Markdown.
"""

from __future__ import annotations

import orjson

from store.model import Meeting
from store.redaction import public_view

PUBLIC_EDITION, FULL_EDITION = "offentlig", "fuld"


def render_json(meeting: Meeting, *, public: bool = True) -> str:
    """The meeting as pretty-printed UTF-8 JSON text (æøå unescaped), ending in a newline."""
    data = (public_view(meeting) if public else meeting).to_json()
    document = {"edition": PUBLIC_EDITION if public else FULL_EDITION, **data}
    return orjson.dumps(document, option=orjson.OPT_INDENT_2).decode() + "\n"  # as json.dumps(indent=2), in C
