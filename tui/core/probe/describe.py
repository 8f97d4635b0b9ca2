"""One line of plain English per real event, for the text timeline and the app's log.

Sites and types come from the program and its node: they go through
`shown()` like every text from outside ptview.
"""

from __future__ import annotations

import os

from tui.core.untrusted import shown


def short_site(site: str | None) -> str:
    """`/long/path/app.js:3:4` → `app.js:3:4`: the file's name is what a reader recognises."""
    if not site:
        return ""
    return shown(os.path.basename(site))


def describe(e: dict) -> str | None:
    """None for events a timeline does not need (after, destroy; phases become headers)."""
    ev = e["ev"]
    what = f"#{e['task']} {shown(e.get('op', '?'))}" if "task" in e else ""
    site = short_site(e.get("site"))
    if ev == "submit":
        api = shown(e["api"]) if e.get("api") else ""
        origin = f"{api} at {site}" if api and e.get("detail") == "user" else (f"from {site}" if site else "")
        mark = "" if e.get("detail") == "user" else " (node internal)"
        return f"create   {what}{' ' + origin if origin else ''}{mark}"
    if ev == "callback":
        queue = f" ({e['detail']} queue)" if e.get("detail") in ("nextTick", "microtask") else ""
        mark = " (node internal)" if e.get("internal") else ""
        return f"callback {what}{queue}{' from ' + site if site else ''}{mark}"
    if ev == "resolve":
        return f"resolve  {what}"
    return None


def phase_title(e: dict) -> str:
    if e["phase"] == "exit":
        return f"exit (code {e.get('result')})"
    if e["phase"] == "main":
        return "main module"
    return f"{e['phase']} phase (inferred)"
