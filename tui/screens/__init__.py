"""The three main screens (one per F-key) and the help screen."""
