"""Everything shown over a main screen: the dialogs, help, the archive search and its read-only viewer.

Every modal is a `Modal` (tui/modals/base.py); modals.tcss, read when the first modal opens, nests every
rule in `Modal`, so none of them reaches a main screen.  A dialog that changes the meeting is a
`SavingDialog`: it saves through the meeting day and closes only once the store has committed.
"""
