"""`--record FILE.cast`: a Textual driver that also writes everything it sends to the terminal.

Textual's drivers send every byte through `Driver.write()` (the Linux driver hands it to
its writer thread, which writes to stderr): wrapping that one method records exactly
what the terminal was sent, escape sequences and all, and nothing else. On a terminal
that is not UTF-8 the ASCII layer (`tui/ascii_driver.py`) goes over this one, not under it
(`PresentApp.get_driver_class`): the cast gets the ASCII the terminal gets.
"""

from __future__ import annotations

from textual.driver import Driver

from tui.core.asciicast import CastWriter


def recording(base: type[Driver], cast: CastWriter) -> type[Driver]:
    class RecordingDriver(base):  # type: ignore[misc, valid-type]
        def write(self, data: str) -> None:
            cast.output(data)
            super().write(data)

        def stop_application_mode(self) -> None:
            super().stop_application_mode()
            cast.close()  # what restores the terminal is the recording's last word

    RecordingDriver.__name__ = f"Recording{base.__name__}"
    return RecordingDriver
