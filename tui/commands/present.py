"""`ptview --check TALK.toml` (headless) and `ptview --present TALK.toml` (the presenter app)."""

from __future__ import annotations

import os
import sys

from tui.core.talk.model import TalkError
from tui.core.errors import echo
from tui.core.untrusted import shown
from tui.errors import UsageError


def run_check(args) -> int:
    """One line `talk.toml:LINE: what` and exit 2 for the first problem; a summary and 0 when all is well."""
    from tui.core.talk.check import check_talk

    try:
        talk, _ = check_talk(args.check)
    except TalkError as e:
        # The compiler's form, so an editor can jump to the line; the path and values are the user's.
        print(shown(str(e)), file=sys.stderr)
        return 2
    beats = sum(len(s.beats) for s in talk.scenes)
    print(f"{shown(os.path.basename(args.check))}: ok: {len(talk.scenes)} scenes, {beats} beats, every beat reached")
    return 0


def run_present(args) -> int:
    from tui.commands.terminal import require_terminal
    from tui.core.talk.check import check_talk

    try:
        talk, plans = check_talk(args.present)  # a talk that would stop mid-way is refused before the screen opens
    except TalkError as e:
        raise UsageError(str(e)) from None
    if args.record is not None and (os.path.lexists(args.record) or args.record == ""):
        raise UsageError(f"--record {echo(args.record)}: "
                         f"{'give a file name' if not args.record else 'the file exists; ptview never replaces a file'}")
    theme = args.theme
    if theme is not None:
        from tui.themes import theme_problem

        if theme_problem(theme):
            raise UsageError(f"--theme {echo(theme)}: {theme_problem(theme)}")
    require_terminal()
    from tui.present_app import PresentApp

    cast = _start_recording(args.record, talk.title) if args.record is not None else None
    try:
        app = PresentApp(talk, plans, os.path.dirname(os.path.abspath(args.present)), theme=theme, cast=cast)
        app.run()
    finally:
        if cast is not None:
            cast.close()
    return app.return_code or 0


def _start_recording(path: str, title: str):
    from tui.core.asciicast import CastExists, CastWriter

    cols, rows = os.get_terminal_size(2)  # Textual draws on stderr
    try:
        return CastWriter(path, cols, rows, title=title, env={"TERM": os.environ.get("TERM", "")})
    except CastExists:
        raise UsageError(f"--record {echo(path)}: the file appeared meanwhile; ptview never replaces a file") from None
    except OSError as e:
        raise UsageError(f"--record {echo(path)}: cannot create it: {e.strerror}") from None
