"""Scripts: a small JavaScript subset, checked before it runs and interpreted on the model.

`parse.load()` parses with esprima and rejects anything outside the subset;
`runner.ScriptRun` interprets the program with every callback scheduled
through the model's loop (tui.core.ops / tui.core.loop), so the order of
output comes from the model, never from the interpreter.
"""
