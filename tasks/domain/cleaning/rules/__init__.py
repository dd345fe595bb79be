"""Cleaning rules, one per noise class. `registry.RULES` decides their order."""
