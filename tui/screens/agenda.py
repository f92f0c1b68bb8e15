"""Dagsorden (F3): the agenda walk. Digits record outcomes; dialogs cover every other kind of beslutning."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import OptionList

from store.agenda import (
    add_urgent_item,
    agenda,
    item_detail,
    move_item,
    set_confidential,
    set_current_item,
    set_public,
)
from store.attendance import attendance_list, quorum_warning
from store.committees import vocabulary
from store.decisions import (
    add_remark,
    clear_not_taking_part,
    mark_not_taking_part,
    postpone_item,
    record_outcome,
    record_outcomes,
    record_point_outcomes,
    record_vote,
    set_decision_text,
    vote_participants,
)
from store.drafts import draft_key
from store.meetings import get_meeting
from store.model import PRESENT, SUBSTITUTE, display_name
from store.views import AgendaView, ItemPane, agenda_view, item_pane
from tui.screens.base import MeetingScreen
from tui.widgets.agenda_list import AgendaList
from tui.widgets.decision_bar import DecisionBar
from tui.widgets.item_view import ItemView
from tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:  # the dialogs themselves are imported when first opened: startup time counts on meeting day
    from tui.dialogs.not_taking_part import NotTakingPart
    from tui.dialogs.remark import RemarkEntry
    from tui.dialogs.vote import VoteEntry

DIGITS = "123456789"
READS = {"help", "show_mode", "toggle_sections", "scroll_item"}


class AgendaScreen(MeetingScreen):
    """The agenda on the left, the highlighted item on the right, the digit mapping below."""

    SCREEN_TITLE = "Dagsorden"
    MODE = "dagsorden"
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
        ("1–9", "Beslutning på det markerede punkt (eller blokken) efter udvalgets formuleringer (se linjen "
                "nederst); en gemt beslutning erstattes først efter bekræftelse; var punktet aktuelt, bliver det "
                "næste ubesluttede punkt aktuelt"),
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
        if self.app.read_only and action not in READS:
            return False
        return True

    # --- drawing ------------------------------------------------------------------

    @property
    def agenda_list(self) -> AgendaList:
        return self.query_one(AgendaList)

    def highlighted(self) -> int | None:
        """The item under the cursor: what the keys act on."""
        return self.agenda_list.highlighted_item()

    def read_view(self) -> AgendaView:
        """The agenda, with the cursor kept on its item unless the current item changed."""
        return agenda_view(self.app.db, self.app.meeting_id, self.highlighted(), self.last_current)

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
            pane = item_pane(self.app.db, self.app.meeting_id, item_id)
        self.shown_item = item_id
        rows = self.view.rows
        row = next((r for r in rows if r["id"] == item_id), None)
        self.query_one(ItemView).show(pane.item, row and row["state"], bool(row and row["urgent"]))
        current = next((r for r in rows if r["id"] == self.view.meeting["current_item_id"]), None)
        about = row and f"punkt {row['number']} ({'aktuelt' if row is current else 'markeret'})"
        self.draw_top(pane.top, about)
        numbers = [r["number"] for r in rows if r["id"] in self.marked]
        self.query_one(DecisionBar).show(self.view.phrases, row and f"Punkt {row['number']}", numbers,
                                         following=self.app.following, read_only=self.app.read_only,
                                         current=current and current is not row and current["number"])

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_item()

    def phrases(self) -> list[str]:
        """The committee's outcome phrases, in digit order."""
        committee_id = get_meeting(self.app.db, self.app.meeting_id)["committee_id"]
        return vocabulary(self.app.db, committee_id)

    def focus_item(self, item_id: int) -> None:
        """Put the cursor on an item."""
        self.agenda_list.highlight_item(item_id)

    # --- beslutninger -------------------------------------------------------------

    def action_outcome(self, index: int) -> None:
        """Record phrase number `index` on the highlighted item (or the blok); replacing a beslutning, or deciding
        without a quorum, is confirmed first."""
        phrases = self.phrases()
        item_id = self.highlighted()
        if index >= len(phrases) or item_id is None:
            return
        phrase = phrases[index]
        if self.marked:
            ordered = [row["id"] for row in agenda(self.app.db, self.app.meeting_id) if row["id"] in self.marked]

            def record_blok() -> None:
                if self.app.perform(record_outcomes, ordered, phrase)[0]:
                    self.marked.clear()
                    self.refresh_view()

            self.confirm_decision(ordered, phrase, record_blok)
        else:
            self.confirm_decision([item_id], phrase, lambda: self.app.perform(record_outcome, item_id, phrase))

    def replaced(self, item_ids: list[int], phrase: str | None) -> list[str]:
        """'punkt 34: Taget til efterretning' for each of the items whose recorded beslutning would be replaced."""
        rows = {row["id"]: row for row in agenda(self.app.db, self.app.meeting_id)}
        return [f"punkt {rows[i]['number']}: {rows[i]['summary'] or 'beslutning'}" for i in item_ids
                if i in rows and rows[i]["decided"] and rows[i]["summary"] != phrase]

    def confirm_decision(self, item_ids: list[int], phrase: str | None, record, *, quorum: bool = True) -> None:
        """Run `record` once the secretary has confirmed replacing a recorded beslutning (if any) and deciding
        without a quorum (if so); each question is asked in its own dialog, Enter or j answers ja."""
        from tui.dialogs.confirm import ConfirmDialog

        questions = []
        replaced = self.replaced(item_ids, phrase)
        if replaced:
            into = f" med '{phrase}'" if phrase else ""
            questions.append((f"Erstat den gemte beslutning{into}?", "Nu: " + "; ".join(replaced) + "."))
        warning = quorum and quorum_warning(self.app.db, item_ids)
        if warning:
            questions.append(("Ikke beslutningsdygtigt. Gem alligevel?", warning))

        def ask(remaining: list[tuple[str, str]]) -> None:
            if not remaining:
                record()
                return
            question, detail = remaining[0]
            self.app.push_screen(ConfirmDialog(question, detail), lambda yes: yes and ask(remaining[1:]))

        ask(questions)

    def outcome_commands(self) -> Iterable[SystemCommand]:
        """One palette command per phrase of the vocabulary (also those beyond 9)."""
        if self.app.read_only:
            return
        for index, phrase in enumerate(self.phrases()):
            key = f"tast {DIGITS[index]}" if index < len(DIGITS) else "kun her"
            yield SystemCommand(f"Beslutning: {phrase}", f"På det markerede punkt ({key})",
                                partial(self.action_outcome, index))
        yield SystemCommand("Lukket punkt: fortrolig titel til/fra", "Titlen skjules i det offentlige referat",
                            partial(self.action_confidential, "title"))
        yield SystemCommand("Lukket punkt: fortroligt udfald til/fra", "Beslutningen skjules i det offentlige referat",
                            partial(self.action_confidential, "outcome"))

    def action_free_text(self) -> None:
        from tui.dialogs.decision_text import DecisionTextDialog

        item_id = self.highlighted()
        if item_id is None:
            return

        def save(text: str) -> bool:
            return self.app.perform(set_decision_text, item_id, text)[0]

        self.app.push_screen(DecisionTextDialog(item_detail(self.app.db, item_id), save,
                                                draft_key=draft_key("beslutning", item_id),
                                                warning=quorum_warning(self.app.db, [item_id])))

    def action_point_outcomes(self) -> None:
        from tui.dialogs.point_outcomes import PointOutcomesDialog

        item_id = self.highlighted()
        if item_id is None:
            return

        def save(outcomes: list[str]) -> bool:
            return self.app.perform(record_point_outcomes, item_id, outcomes)[0]

        self.app.push_screen(PointOutcomesDialog(item_detail(self.app.db, item_id), self.phrases(), save,
                                                 warning=quorum_warning(self.app.db, [item_id])))

    def action_vote(self) -> None:
        from tui.dialogs.vote import VoteDialog

        item_id = self.highlighted()
        if item_id is None:
            return
        people = vote_participants(self.app.db, item_id)
        if not people:
            self.notify("Ingen medlemmer deltager i punktet; markér fremmødet først (F2).", severity="warning")
            return
        warnings = [f"Med 'som beslutning' erstattes den gemte beslutning ({line})." for line in
                    self.replaced([item_id], None)]
        warning = quorum_warning(self.app.db, [item_id])
        if warning:
            warnings.append(warning)

        def save(entry: VoteEntry) -> bool:
            ok, vote = self.app.perform(record_vote, item_id, entry.subject, entry.kind, entry.choices, entry.adopt)
            if ok:
                self.notify(f"Afstemning: {vote.result} (for {vote.for_count}, imod {vote.against_count}, "
                            f"undlod {vote.abstain_count}).", timeout=5)
            return ok

        self.app.push_screen(VoteDialog(item_detail(self.app.db, item_id), people, save, warnings,
                                        draft_key=draft_key("afstemning", item_id)))

    def action_remark(self) -> None:
        from tui.dialogs.remark import RemarkDialog

        item_id = self.highlighted()
        if item_id is None:
            return
        item = item_detail(self.app.db, item_id)

        def save(entry: RemarkEntry) -> bool:
            return self.app.perform(add_remark, item_id, entry.members, entry.kind, entry.text)[0]

        self.app.push_screen(RemarkDialog(f"punkt {item.number}", vote_participants(self.app.db, item_id), save,
                                          draft_key=draft_key("bemærkning", item_id)))

    def action_not_taking_part(self) -> None:
        from tui.dialogs.not_taking_part import NotTakingPartDialog

        item_id = self.highlighted()
        if item_id is None:
            return
        db = self.app.db
        item = item_detail(db, item_id)
        people = [row for row in attendance_list(db, self.app.meeting_id)
                  if row["effective_status"] in (PRESENT, SUBSTITUTE)]
        absent = {absence.member for absence in item.absences}
        marked = {p["person_id"] for p in people if display_name(p["name"], p["party"]) in absent}

        def save(answer: NotTakingPart) -> bool:
            if answer.taking_part:
                return self.app.perform(clear_not_taking_part, item_id, answer.person_id)[0]
            return self.app.perform(mark_not_taking_part, item_id, answer.person_id, answer.reason)[0]

        self.app.push_screen(NotTakingPartDialog(f"punkt {item.number}", people, marked, save,
                                                 draft_key=draft_key("deltager-ikke", item_id)))

    # --- the agenda itself --------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a second click): make the item current."""
        if not self.app.read_only:
            self.app.perform(set_current_item, self.app.meeting_id, int(event.option_id))

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
            self.confirm_decision([item_id], "Udsat", lambda: self.app.perform(postpone_item, item_id), quorum=False)

    def action_move(self, delta: int) -> None:
        item_id = self.highlighted()
        if item_id is not None:
            self.app.perform(move_item, item_id, delta)

    def action_urgent_item(self) -> None:
        from tui.dialogs.urgent_item import UrgentItemDialog

        def add(title: str) -> bool:
            ok, item_id = self.app.perform(add_urgent_item, self.app.meeting_id, title)
            if ok:
                self.focus_item(item_id)
            return ok

        self.app.push_screen(UrgentItemDialog(add, draft_key=draft_key("hastesag")))

    def action_toggle_sections(self) -> None:
        self.query_one(ItemView).toggle_sections()

    def action_scroll_item(self, direction: int) -> None:
        """Scroll the item pane half a page while the cursor stays in the agenda."""
        view = self.query_one(ItemView)
        view.scroll_relative(y=direction * max(1, view.size.height // 2), animate=False)

    def action_toggle_public(self) -> None:
        item_id = self.highlighted()
        if item_id is not None:
            self.app.perform(set_public, item_id, not item_detail(self.app.db, item_id).public)

    def action_confidential(self, part: str) -> None:
        """Toggle a lukket item's confidential title or outcome."""
        item_id = self.highlighted()
        if item_id is None:
            return
        item = item_detail(self.app.db, item_id)
        if part == "title":
            self.app.perform(set_confidential, item_id, title=not item.title_confidential)
        else:
            self.app.perform(set_confidential, item_id, outcome=not item.outcome_confidential)
