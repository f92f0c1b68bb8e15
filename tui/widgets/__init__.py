"""Widgets shared by the screens: the meeting bar, the quorum line, the decision bar, the item view."""
