"""The quorum line shown on every screen: "Beslutningsdygtigt: 4 af 5 til stede"."""

from __future__ import annotations

from textual.widgets import Static


class QuorumLine(Static):
    """One line with the store's quorum label; warning style when fewer than half are present."""

    def show(self, label: str, ok: bool) -> None:
        """Show the quorum label (already a Danish sentence)."""
        self.update(label)
        self.set_class(not ok, "-warning")
