"""The reading edge: the only code that touches inbox files."""
