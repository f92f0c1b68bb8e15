"""The chair's quorum line: "Beslutningsdygtigt: 4 af 5 til stede" (the main screens show it in MeetingBar)."""

from __future__ import annotations

from textual.widgets import Static


class QuorumLine(Static):
    """One line with the store's quorum label; warning style when fewer than half are present."""

    DEFAULT_CSS = """
    QuorumLine {
        height: 1;
        padding: 0 1;
        color: $success;
        text-style: bold;
    }
    QuorumLine.-warning {
        color: $text;
        background: $error;
    }
    """

    def show(self, label: str, ok: bool) -> None:
        """Show the quorum label (already a Danish sentence)."""
        self.update(label)
        self.set_class(not ok, "-warning")
