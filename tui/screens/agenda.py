"""Dagsorden (F3): the agenda walk. Digits record outcomes; dialogs cover every other kind of beslutning."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import OptionList

from store.model import Item, display_name
from store.views import AgendaView, ItemPane
from tui.screens.base import MeetingScreen
from tui.widgets.agenda_list import AgendaList
from tui.widgets.decision_bar import DecisionBar
from tui.widgets.item_view import ItemView
from tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:  # the dialogs themselves are imported when first opened: startup time counts on meeting day
    from tui.modals.not_taking_part import NotTakingPart
    from tui.modals.remark import RemarkEntry
    from tui.modals.vote import VoteEntry

DIGITS = "123456789"


class AgendaScreen(MeetingScreen):
    """The agenda on the left, the highlighted item on the right, the digit mapping below."""

    SCREEN_TITLE = "Dagsorden"
    MODE = "dagsorden"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # -wide: the agenda list takes 60 % (referat.tcss)
    BINDINGS = [
        *(Binding(digit, f"outcome({index})", show=False) for index, digit in enumerate(DIGITS)),
        Binding("e", "free_text", "Fritekst", id="free_text"),
        Binding("p", "point_outcomes", "Pr. punkt", id="point_outcomes"),
        Binding("v", "vote", "Afstemning", id="vote"),
        Binding("b", "remark", "Bemærkning", id="remark"),
        Binding("d", "not_taking_part", "Deltog ikke", id="not_taking_part"),
        Binding("space", "toggle_blok", "Blok og ↓", id="toggle_blok"),
        Binding("escape", "clear_blok", "Ryd blok", show=False, id="clear_blok"),
        Binding("u", "postpone", "Udsæt", show=False, id="postpone"),
        Binding("n", "urgent_item", "Hastesag", show=False, id="urgent_item"),
        Binding("l", "toggle_public", "Åbent/lukket", show=False, id="toggle_public"),
        Binding("a", "toggle_sections", "Vis/skjul afsnit", show=False, id="toggle_sections"),
        Binding("ctrl+down", "scroll_item(1)", "Rul punktet ned", show=False, key_display="^↓", id="scroll_down"),
        Binding("ctrl+up", "scroll_item(-1)", "Rul punktet op", show=False, key_display="^↑", id="scroll_up"),
        Binding("shift+up", "move(-1)", "Flyt op", show=False, key_display="⇧↑", id="move_up"),
        Binding("shift+down", "move(1)", "Flyt ned", show=False, key_display="⇧↓", id="move_down"),
    ]
    HELP_EXTRA = [
        (
            "1–9",
            "Beslutning på det markerede punkt (eller blokken) efter udvalgets formuleringer (se linjen "
            "nederst); en gemt beslutning erstattes først efter bekræftelse; var punktet aktuelt, bliver det "
            "næste ubesluttede punkt aktuelt",
        ),
        ("Enter", "Gør det markerede punkt aktuelt (▶)"),
        ("Mellemrum", "Punktet med i blokken (eller ud af den), og markøren går ét punkt ned"),
        ("Escape", "Ryd blokmarkeringen"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.marked: set[int] = set()
        self.last_current: int | None = None
        self.shown_item: int | None = None
        self.view: AgendaView | None = None  # what was last read (the rows, the phrases)
        self.pane: ItemPane | None = None  # the item shown on the right, as last read

    def compose(self) -> ComposeResult:
        yield from self.top_bars()
        with Horizontal(id="agenda-body"):
            yield AgendaList(id="agenda-list", compact=True)
            yield ItemView(id="item-view")
        yield DecisionBar(id="decision-bar")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(AgendaList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.app.may(action)

    # --- drawing ------------------------------------------------------------------

    @property
    def agenda_list(self) -> AgendaList:
        return self.query_one(AgendaList)

    def highlighted(self) -> int | None:
        """The item under the cursor: what the keys act on."""
        return self.agenda_list.highlighted_item()

    def read_view(self) -> AgendaView:
        """The agenda, with the cursor kept on its item unless the current item changed (only the rows changed since
        the view drawn are read again)."""
        return self.app.day.agenda_view(self.highlighted(), self.last_current, self.view)

    def draw(self, view: AgendaView) -> None:
        """Redraw the list, the item, the quorum and the decision bar."""
        self.view = view
        self.last_current = view.meeting["current_item_id"]
        self.marked &= {row["id"] for row in view.rows}
        self.agenda_list.show(view.rows, self.marked, view.cursor)
        self.show_item(view.pane)

    def show_item(self, pane: ItemPane | None = None) -> None:
        """Show the highlighted item, its quorum and the decision bar (`pane`: already read for it)."""
        item_id = self.highlighted()
        if self.view is None or (pane is None and item_id == self.shown_item):
            return
        if pane is None or pane.item_id != item_id:
            pane = self.app.day.item_pane(item_id)
        self.shown_item, self.pane = item_id, pane
        rows = self.view.rows
        row = next((r for r in rows if r["id"] == item_id), None)
        self.query_one(ItemView).show(pane.item, row["state"] if row else None, bool(row and row["urgent"]))
        current = next((r for r in rows if r["id"] == self.view.meeting["current_item_id"]), None)
        about = f"punkt {row['number']} ({'aktuelt' if row is current else 'markeret'})" if row else None
        self.draw_top(pane.top, about)
        numbers = [r["number"] for r in rows if r["id"] in self.marked]
        self.query_one(DecisionBar).show(
            self.view.phrases,
            f"Punkt {row['number']}" if row else None,
            numbers,
            following=self.app.following,
            read_only=self.app.read_only,
            current=current["number"] if current and current is not row else None,
        )

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_item()

    def phrases(self) -> list[str]:
        """The committee's outcome phrases, in digit order."""
        return self.view.phrases if self.view else []

    def focus_item(self, item_id: int) -> None:
        """Put the cursor on an item."""
        self.agenda_list.highlight_item(item_id)

    def shown(self) -> Item | None:
        """The highlighted item as shown on the right (read with the view, not again)."""
        item_id = self.highlighted()
        if item_id is None:
            return None
        if self.pane is None or self.pane.item_id != item_id or self.pane.item is None:
            self.pane = self.app.day.item_pane(item_id)
        return self.pane.item

    # --- beslutninger -------------------------------------------------------------

    def action_outcome(self, index: int) -> None:
        """Record phrase number `index` on the highlighted item (or the blok); replacing a beslutning, or deciding
        without a quorum, is confirmed first."""
        phrases = self.phrases()
        item_id = self.highlighted()
        if index >= len(phrases) or item_id is None or self.view is None:
            return
        phrase, day = phrases[index], self.app.day
        if self.marked:
            ordered = [row["id"] for row in self.view.rows if row["id"] in self.marked]

            def record_blok() -> None:
                if self.app.perform(day.record_outcomes, ordered, phrase):
                    self.marked.clear()
                    self.refresh_view()

            self.confirm_decision(ordered, phrase, record_blok)
        else:
            self.confirm_decision([item_id], phrase, lambda: self.app.perform(day.record_outcome, item_id, phrase))

    def replaced(self, item_ids: list[int], phrase: str | None) -> list[str]:
        """'punkt 34: Taget til efterretning' for each of the items whose recorded beslutning would be replaced."""
        rows = {row["id"]: row for row in (self.view.rows if self.view else [])}
        return [
            f"punkt {rows[i]['number']}: {rows[i]['summary'] or 'beslutning'}"
            for i in item_ids
            if i in rows and rows[i]["decided"] and rows[i]["summary"] != phrase
        ]

    def confirm_decision(self, item_ids: list[int], phrase: str | None, record, *, quorum: bool = True) -> None:
        """Run `record` once the secretary has confirmed replacing a recorded beslutning (if any) and deciding
        without a quorum (if so); each question is asked in its own dialog, Enter or j answers ja."""
        questions = []
        replaced = self.replaced(item_ids, phrase)
        if replaced:
            into = f" med '{phrase}'" if phrase else ""
            questions.append((f"Erstat den gemte beslutning{into}?", "Nu: " + "; ".join(replaced) + "."))
        warning = quorum and self.app.day.quorum_warning(item_ids)
        if warning:
            questions.append(("Ikke beslutningsdygtigt. Gem alligevel?", warning))

        def ask(remaining: list[tuple[str, str]]) -> None:
            if not remaining:
                record()
                return
            from tui.modals.confirm import ConfirmDialog  # imported when a question is asked, not on every digit

            question, detail = remaining[0]
            self.app.push_screen(ConfirmDialog(question, detail), lambda yes: ask(remaining[1:]) if yes else None)

        ask(questions)

    def outcome_commands(self) -> Iterable[SystemCommand]:
        """One palette command per phrase of the vocabulary (also those beyond 9)."""
        if not self.app.may("outcome"):
            return
        for index, phrase in enumerate(self.phrases()):
            key = f"tast {DIGITS[index]}" if index < len(DIGITS) else "kun her"
            yield SystemCommand(
                f"Beslutning: {phrase}", f"På det markerede punkt ({key})", partial(self.action_outcome, index)
            )
        yield SystemCommand(
            "Lukket punkt: fortrolig titel til/fra",
            "Titlen skjules i det offentlige referat",
            partial(self.action_confidential, "title"),
        )
        yield SystemCommand(
            "Lukket punkt: fortroligt udfald til/fra",
            "Beslutningen skjules i det offentlige referat",
            partial(self.action_confidential, "outcome"),
        )

    def action_free_text(self) -> None:
        from tui.modals.decision_text import DecisionTextDialog

        item, item_id, day = self.shown(), self.highlighted(), self.app.day
        if item is None or item_id is None:
            return

        def save(text: str) -> bool:
            return self.app.perform(day.set_decision_text, item_id, text)

        self.app.push_screen(
            DecisionTextDialog(
                item, save, draft_key=day.draft_key("beslutning", item_id), warning=day.quorum_warning([item_id])
            )
        )

    def action_point_outcomes(self) -> None:
        from tui.modals.point_outcomes import PointOutcomesDialog

        item, item_id, day = self.shown(), self.highlighted(), self.app.day
        if item is None or item_id is None:
            return

        def save(outcomes: list[str]) -> bool:
            return self.app.perform(day.record_point_outcomes, item_id, outcomes)

        self.app.push_screen(PointOutcomesDialog(item, self.phrases(), save, warning=day.quorum_warning([item_id])))

    def action_vote(self) -> None:
        from tui.modals.vote import VoteDialog

        item, item_id, day = self.shown(), self.highlighted(), self.app.day
        if item is None or item_id is None:
            return
        people = day.vote_participants(item_id)
        if not people:
            self.notify("Ingen medlemmer deltager i punktet; markér fremmødet først (F2).", severity="warning")
            return
        warnings = [
            f"Med 'som beslutning' erstattes den gemte beslutning ({line})." for line in self.replaced([item_id], None)
        ]
        warning = day.quorum_warning([item_id])
        if warning:
            warnings.append(warning)

        def record(entry: VoteEntry) -> None:
            vote = day.record_vote(item_id, entry.subject, entry.kind, entry.choices, entry.adopt)
            self.notify(
                f"Afstemning: {vote.result} (for {vote.for_count}, imod {vote.against_count}, "
                f"undlod {vote.abstain_count}).",
                timeout=5,
            )

        def save(entry: VoteEntry) -> bool:
            return self.app.perform(record, entry)

        self.app.push_screen(VoteDialog(item, people, save, warnings, draft_key=day.draft_key("afstemning", item_id)))

    def action_remark(self) -> None:
        from tui.modals.remark import RemarkDialog

        item, item_id, day = self.shown(), self.highlighted(), self.app.day
        if item is None or item_id is None:
            return

        def save(entry: RemarkEntry) -> bool:
            return self.app.perform(day.add_remark, item_id, entry.members, entry.kind, entry.text)

        self.app.push_screen(
            RemarkDialog(
                f"punkt {item.number}",
                day.vote_participants(item_id),
                save,
                draft_key=day.draft_key("bemærkning", item_id),
            )
        )

    def action_not_taking_part(self) -> None:
        from tui.modals.not_taking_part import NotTakingPartDialog

        item, item_id, day = self.shown(), self.highlighted(), self.app.day
        if item is None or item_id is None:
            return
        people = day.present_members()
        absent = {absence.member for absence in item.absences}
        marked = {p["person_id"] for p in people if display_name(p["name"], p["party"]) in absent}

        def save(answer: NotTakingPart) -> bool:
            return self.app.perform(day.set_taking_part, item_id, answer.person_id, answer.taking_part, answer.reason)

        self.app.push_screen(
            NotTakingPartDialog(
                f"punkt {item.number}", people, marked, save, draft_key=day.draft_key("deltager-ikke", item_id)
            )
        )

    # --- the agenda itself --------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a second click): make the item current."""
        if self.app.may("make_current") and event.option_id is not None:
            self.app.perform(self.app.day.make_current, int(event.option_id))

    def action_toggle_blok(self) -> None:
        item_id = self.highlighted()
        if item_id is None:
            return
        self.marked ^= {item_id}
        self.refresh_view()
        self.agenda_list.action_cursor_down()

    def action_clear_blok(self) -> None:
        if self.marked:
            self.marked.clear()
            self.refresh_view()

    def action_postpone(self) -> None:
        item_id = self.highlighted()
        if item_id is not None:
            self.confirm_decision(
                [item_id], "Udsat", lambda: self.app.perform(self.app.day.postpone, item_id), quorum=False
            )

    def action_move(self, delta: int) -> None:
        item_id = self.highlighted()
        if item_id is not None:
            self.app.perform(self.app.day.move_item, item_id, delta)

    def action_urgent_item(self) -> None:
        from tui.modals.urgent_item import UrgentItemDialog

        added: list[int] = []

        def add(title: str) -> bool:
            if not self.app.perform(lambda: added.append(self.app.day.add_urgent_item(title))):
                return False
            self.focus_item(added[-1])
            return True

        self.app.push_screen(UrgentItemDialog(add, draft_key=self.app.day.draft_key("hastesag")))

    def action_toggle_sections(self) -> None:
        self.query_one(ItemView).toggle_sections()

    def action_scroll_item(self, direction: int) -> None:
        """Scroll the item pane half a page while the cursor stays in the agenda."""
        view = self.query_one(ItemView)
        view.scroll_relative(y=direction * max(1, view.size.height // 2), animate=False)

    def action_toggle_public(self) -> None:
        item = self.shown()
        if item is not None:
            self.app.perform(self.app.day.set_public, self.highlighted(), not item.public)

    def action_confidential(self, part: str) -> None:
        """Toggle a lukket item's confidential title or outcome."""
        item, item_id = self.shown(), self.highlighted()
        if item is None:
            return
        if part == "title":
            self.app.perform(self.app.day.set_confidential, item_id, title=not item.title_confidential)
        else:
            self.app.perform(self.app.day.set_confidential, item_id, outcome=not item.outcome_confidential)
