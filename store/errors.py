"""The one exception the store raises for problems a user must be told about."""


class StoreError(Exception):
    """A problem stated as one clear Danish sentence, safe to show as it is."""
