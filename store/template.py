"""An empty dagsorden to fill in by hand, in the Markdown format `referat import` reads.

It is referat's own export of a small sample meeting, so it follows the export's grammar
(`store.export_markdown`) exactly: fill it in, and it imports; export a dagsorden, edit it
in any editor, and it imports again.
"""

from __future__ import annotations

import datetime as dt

from store.export_markdown import CONFIDENTIAL_LINE, render_markdown
from store.model import CHAIR, Attachment, Item, Meeting, Member, Section


def _sample(day: dt.date) -> Meeting:
    return Meeting(
        committee="Udvalgets navn",
        municipality="Kommunens navn",
        date=day,
        start="16:00",
        location="Mødelokale",
        members=[
            Member("Fornavn Efternavn", "A", CHAIR),
            Member("Andet Medlem", "B"),
            Member("Tredje Medlem", "C"),
        ],
        items=[
            Item("1", "Godkendelse af dagsorden", kind="beslutning", recommendation=["at dagsordenen godkendes."]),
            Item(
                "2",
                "Punktets titel",
                case_number="00.00.00-A00-1-27",
                kind="beslutning",
                sections=[
                    Section("Resume", "Kort om sagen."),
                    Section("Sagsfremstilling", "Sagens baggrund og indhold.\n\nEt afsnit mere."),
                    Section("Økonomi", "Sagen har ingen økonomiske konsekvenser."),
                    Section("Indstilling", "Forvaltningen indstiller,", "indstilling"),
                ],
                recommendation=["at det første godkendes,", "at det andet tages til efterretning."],
                attachments=[Attachment("Bilag 1: Titel", "https://eksempel.dk/bilag1.pdf")],
            ),
            Item("3", "Meddelelser", kind="orientering", sections=[Section("Sagsfremstilling", "")]),
            Item(
                "4",
                "Et lukket punkt",
                public=False,
                kind="beslutning",
                sections=[Section("Sagsfremstilling", "Behandles for lukkede døre.")],
            ),
        ],
    )


def agenda_template(day: dt.date | None = None) -> str:
    """The template as Markdown (dated `day`, default today)."""
    text = render_markdown(_sample(day or dt.date.today()), public=False)
    return text.removeprefix(CONFIDENTIAL_LINE + "\n\n")
