"""Modal screens: help, the fire dialog, a task's details."""
