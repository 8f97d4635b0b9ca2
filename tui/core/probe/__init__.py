"""Real node under ptview: an async_hooks probe preloaded into `node`, and its reader (no Textual)."""
