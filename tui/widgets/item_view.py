"""The right-hand pane of Dagsorden: one item with its beslutning, indstilling, resume and folded sections.

The item is laid out once into lines (tui/widgets/lines_view.py) when it is shown: walking the agenda costs no
widget mounting, and a frame draws only the lines on screen.  A pathologically long title or section is shown cut
(the store keeps it whole).
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.strip import Strip

from store.model import RECOMMENDATION_SECTION, VOTE_ON_AMENDMENT, Item, Vote
from store.terminal_text import visible
from tui.widgets.lines_view import LinesView

TITLE_SHOWN, TEXT_SHOWN = 1_000, 20_000  # characters of a title, of a section, shown in the pane
CUT_NOTE = " … (forkortet her; hele teksten er gemt)"
RECENT = 8  # items whose laid-out lines are kept
STATE_LABELS = {"afventer": "Afventer", "aktuel": "Aktuelt punkt", "besluttet": "Besluttet", "udsat": "Udsat"}


def vote_line(vote: Vote) -> Text:
    """'Afstemning (Indstillingen): For A, O (3) · Imod Ø (1) · Undlod – (0) → vedtaget'."""
    subject = "ændringsforslag: " + vote.subject if vote.kind == VOTE_ON_AMENDMENT else vote.subject
    text = Text(f"Afstemning ({subject}): ", style="bold")
    parts = (
        ("For", vote.for_, vote.for_count),
        ("Imod", vote.against, vote.against_count),
        ("Undlod", vote.abstain, vote.abstain_count),
    )
    text.append(" · ".join(f"{label} {', '.join(who) or '–'} ({count or 0})" for label, who, count in parts))
    text.append(f" → {vote.result}", style="bold")
    return text


def decision_lines(item: Item) -> list[Text]:
    """What has been recorded on the item, one Text per line."""
    lines: list[Text] = []
    decision = item.decision
    if decision and decision.outcome:
        lines.append(Text(decision.outcome, style="bold"))
    if decision and decision.points:
        lines.append(Text("  ".join(f"{n}. {p}" for n, p in enumerate(decision.points, start=1)), style="bold"))
    if decision and decision.text:
        lines.append(Text(decision.text))
    lines.extend(vote_line(vote) for vote in item.votes)
    for remark in item.remarks:
        line = Text(f"{', '.join(remark.members)} ({remark.kind}): ", style="italic")
        line.append(remark.text)
        lines.append(line)
    for absence in item.absences:
        line = Text(f"{absence.member} deltog ikke i behandlingen af punktet")
        if absence.reason:
            line.append(f" (internt: {absence.reason})", style="dim")
        lines.append(line)
    return lines


def cut(text: str, limit: int) -> str:
    """`text`, or its first `limit` characters and a note that the rest is not shown."""
    return text if len(text) <= limit else text[:limit] + CUT_NOTE


def heading(text: str) -> Text:
    return Text(f"\n{text}", style="bold underline")


def recommendation_parts(item: Item) -> list[Text]:
    """The Indstilling heading and its numbered points, or nothing when the item has none."""
    if not item.recommendation:
        return []
    points = Text("\n").join(Text(f"{n}. {point}") for n, point in enumerate(item.recommendation, start=1))
    return [heading("Indstilling"), points]


def item_renderable(item: Item | None, state: str | None, urgent: bool, unfolded: bool) -> Group:
    """The pane's content: head, beslutning, indstilling, the first section, the others folded (or not)."""
    if item is None:
        return Group(Text("Dagsordenen har ingen punkter. Tilføj en hastesag med n."))
    parts: list[Text] = []
    head = Text(f"Punkt {visible(item.number)}. ", style="bold")
    head.append(visible(cut(item.title, TITLE_SHOWN)), style="bold")
    parts.append(head)
    facts = [STATE_LABELS.get(state or "", ""), "Åbent punkt" if item.public else "🔒 Lukket punkt"]
    if item.case_number:
        facts.append(f"Sagsnr. {item.case_number}")
    if item.kind:
        facts.append(item.kind.capitalize())
    if urgent:
        facts.append("Hastesag")
    parts.append(Text(" · ".join(fact for fact in facts if fact), style="dim"))
    parts.append(heading("Beslutning"))
    recorded = decision_lines(item)
    parts.append(Text("\n").join(recorded) if recorded else Text("Ingen beslutning endnu.", style="dim"))
    parts.extend(recommendation_parts(item))
    sections = [section for section in item.sections if section.kind != RECOMMENDATION_SECTION]
    bilag = [f"{n}. {a.title}" + ("" if a.public else " (lukket)") for n, a in enumerate(item.attachments, 1)]
    if sections:
        parts.append(heading(sections[0].heading))
        parts.append(Text(cut(sections[0].text, TEXT_SHOWN)))
    folded = [(section.heading, cut(section.text, TEXT_SHOWN)) for section in sections[1:]]
    if bilag:
        folded.append((f"Bilag ({len(bilag)})", "\n".join(bilag)))
    if folded and not unfolded:
        parts.append(Text("\n" + "\n".join(f"▸ {title}" for title, _ in folded), style="dim"))
        parts.append(Text("(a eller klik: vis alle afsnit)", style="dim italic"))
    for title, text in folded if unfolded else []:
        parts.append(heading(f"▾ {title}"))
        parts.append(Text(text))
    return Group(*parts)


class ItemView(LinesView):
    """Shows one item, laid out when it (or the pane's width) changes. A click folds or unfolds the sections."""

    can_focus = False

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.shown: tuple | None = None
        self.unfolded = False
        self.width_drawn = 0
        self.recent: list[tuple[tuple, list[Strip]]] = []  # the latest items laid out, newest first

    def show(self, item: Item | None, state: str | None = None, urgent: bool = False) -> None:
        """Show `item` (None: an empty agenda); a different item starts with its sections folded."""
        if self.shown and item is not None and self.shown[0] is not None and self.shown[0].number != item.number:
            self.unfolded = False
        width = self.text_width()
        if self.shown == (item, state, urgent, self.unfolded) and width == self.width_drawn:
            return
        same_item = (
            self.shown is not None
            and self.shown[0] is not None
            and item is not None
            and self.shown[0].number == item.number
        )
        self.shown, self.width_drawn = (item, state, urgent, self.unfolded), width
        self.show_lines(self.laid_out((item, state, urgent, self.unfolded, width)), keep_scroll=same_item)

    def laid_out(self, shown: tuple) -> list[Strip]:
        """The lines of (item, state, urgent, unfolded, width): laid out again unless shown lately (undo and ↑
        return to an item as it was)."""
        for index, (key, lines) in enumerate(self.recent):
            if key == shown:
                self.recent.insert(0, self.recent.pop(index))
                return lines
        item, state, urgent, unfolded, width = shown
        lines = self.lay_out_here(item_renderable(item, state, urgent, unfolded), width)
        self.recent = [(shown, lines), *self.recent[: RECENT - 1]]
        return lines

    def toggle_sections(self) -> None:
        """Fold or unfold the item's other sections."""
        if self.shown:
            self.unfolded = not self.unfolded
            self.show(*self.shown[:3])

    def on_resize(self) -> None:
        """Lay the item out again at the new width."""
        if self.shown is not None and self.text_width() != self.width_drawn:
            self.show(*self.shown[:3])

    def watch_show_vertical_scrollbar(self) -> None:
        """The scrollbar came or went: the text has another width though the pane kept its size."""
        self.on_resize()

    def on_click(self) -> None:
        self.toggle_sections()
