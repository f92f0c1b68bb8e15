"""The three main screens, one per F-key (Fremmøde, Dagsorden, Referat), and the chair's screen; what is shown
over them (dialogs, help, the archive search) lives in tui/modals/."""
