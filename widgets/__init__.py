"""Textual widgets: each renders a snapshot of the headless core's state."""
