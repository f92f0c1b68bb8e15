"""Modal dialogs: free text, per-point outcomes, afstemning, protokolbemærkning and the small ones."""
