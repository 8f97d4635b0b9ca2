"""The headless core: the libuv loop/pool model, clocks, executors, the process scanner.

Nothing under this package may import Textual (enforced by tests/test_boundary.py).
"""
