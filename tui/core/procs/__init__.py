"""Processes and threads: a /proc scanner, Node thread roles, the tree for --tree.

Headless: nothing here imports Textual. Import the submodules themselves:
this package imports nothing, so `roles` works where psutil cannot be loaded
(an unprivileged user without access to the installing user's site-packages).
"""
