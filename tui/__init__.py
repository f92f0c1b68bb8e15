"""The meeting-day terminal UI (Textual): Fremmøde, Dagsorden and Referat."""
