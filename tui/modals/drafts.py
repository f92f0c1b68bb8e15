"""Text being typed in a dialog is kept as a draft (store/drafts.py): saved every second while it changes,
and when the app quits with the dialog open; offered again when the same dialog reopens (also after a
crash or a SIGKILL); discarded once the dialog's content is saved, or when the secretary says so.

Escape on a dialog holding typed text asks before the text is thrown away.
"""

from __future__ import annotations

from tui.modals.base import SavingDialog

DRAFT_SECONDS = 1.0
RESTORED = "Teksten, du skrev sidst, er sat ind igen (kladde)."


class DraftDialog(SavingDialog):
    """A dialog whose typed text is kept as a draft under `draft_key` (None: not kept)."""

    draft_key: str | None = None
    _initial = ""
    _kept = ""
    _finished = False

    def draft_text(self) -> str:
        """The text typed so far (subclasses)."""
        return ""

    def restore_draft(self, text: str) -> None:
        """Put a kept draft back into the dialog's field (subclasses)."""

    def start_draft(self) -> None:
        """Call once the fields hold their starting text: offer a kept draft and start keeping it."""
        self._initial = self._kept = self.draft_text()
        if self.draft_key is None:
            return
        kept = self.app.load_draft(self.draft_key)
        if kept and kept != self._initial:
            self.restore_draft(kept)
            self._kept = kept
            self.notify(RESTORED, timeout=5)
        self.set_interval(DRAFT_SECONDS, self.keep_draft)

    def typed(self) -> bool:
        """True when the dialog holds text that was typed here (not just what it opened with)."""
        text = self.draft_text()
        return bool(text.strip()) and text.strip() != self._initial.strip()

    def keep_draft(self) -> None:
        """Save the typed text as the draft if it changed since last time."""
        if self.draft_key is None or self._finished:
            return
        text = self.draft_text()
        if text != self._kept:
            self.app.keep_draft(self.draft_key, text if self.typed() else "")
            self._kept = text

    def close_saved(self, value) -> None:
        """The content is saved: close, and its draft goes."""
        self.finish(value)

    def finish(self, result=None) -> None:
        """Close the dialog and forget its draft (its content was saved, or thrown away on purpose)."""
        self._finished = True
        if self.draft_key is not None:
            self.app.keep_draft(self.draft_key, "")
        self.dismiss(result)

    def action_cancel(self) -> None:
        """Escape: close; with typed text only after asking whether to throw it away."""
        if not self.typed():
            self.finish(None)
            return
        from tui.modals.confirm import ConfirmDialog

        def answered(discard: bool | None) -> None:
            if discard:
                self.finish(None)

        self.app.push_screen(
            ConfirmDialog("Kassér den skrevne tekst?", "Nej (n) beholder den her i dialogen."), answered
        )
