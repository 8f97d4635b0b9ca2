"""ptview: Node.js processes, threads, event loop and libuv threadpool, in the terminal."""

__version__ = "0.1.0"
