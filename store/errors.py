"""The exceptions the store raises for problems a user must be told about."""


class StoreError(Exception):
    """A problem stated as one clear Danish sentence, safe to show as it is."""


class NotFound(StoreError):
    """A row that should exist does not (deleted meanwhile, or a wrong id)."""

    def __init__(self, table: str, row_id: object) -> None:
        super().__init__(f"Der findes ingen række {row_id} i {table}; den kan være slettet i mellemtiden.")
        self.table, self.row_id = table, row_id


RECORDING_LOST = "Optagelsen er overtaget af et andet vindue; dette vindue følger nu mødet."
FOLLOWING = "Dette vindue følger mødet; overtag optagelsen for at ændre noget."


class RecordingLost(StoreError):
    """This window's claim on the meeting was taken over by another process (store/recorder.py)."""


class Following(StoreError):
    """This window follows the meeting (another process records it): it may not write."""
