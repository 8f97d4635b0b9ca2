"""Attach: sample a running process's threads from /proc (issue 9).

Use `Sampler(pid).start()` and read `snapshot()`; see sampler.py.
"""
