"""Talks: scenes and beats played on the model (presenter mode, `--present`, `--check`).

No Textual below this line: a talk is parsed, checked and run to any beat headless
(`tui/present_app.py` is the screen that shows it).
"""
