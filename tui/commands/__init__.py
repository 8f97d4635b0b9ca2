"""The commands `ptview` runs, one module each; `tui.cli` parses the line and picks one.

Arrows point down: a command imports the shared pieces below it (`terminal`, `pid_arg`,
`node_args`, `lab_shared`, `tui.errors`, the core), never another command's module (the
lab hands `--live` to its live half, `lab_live`), and
nothing outside this package imports a command except `tui.cli`.
"""
