"""Scripts: a user's JavaScript in an embedded, sandboxed QuickJS-ng context, on the model.

`engine.Engine` is the context and its limits; `host.Host` and `host_*.py` are
the Node host (every asynchronous thing a call into tui.core.ops / the loop);
`loader` finds the JS: `js/bootstrap.js`, host modules in `js/node/`, Node's
JavaScript-level modules in `prelude/`. `runner.ScriptRun` runs one script and
`session.ScriptSession` steps it callback by callback for the app.
"""
