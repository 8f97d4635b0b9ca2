"""The one sanitising function: what a hostile name becomes on a terminal."""

from tui.core.untrusted import shown, shown_lines

DANGEROUS = [chr(c) for c in range(0x20)] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)] + [
    "\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c",
    "\u2028", "\u2029", "\ufeff", "\u200b",
]


def test_no_control_format_or_separator_character_survives():
    hostile = "a" + "".join(DANGEROUS) + "b"
    out = shown(hostile)
    assert not any(c in out for c in DANGEROUS)
    assert out.startswith("a") and out.endswith("b")


def test_escape_sequences_become_caret_notation_as_cat_v_shows_them():
    assert shown("\x1b]0;pwned\x07") == "^[]0;pwned^G"
    assert shown("\x1b]52;c;aGk=\x07") == "^[]52;c;aGk=^G"
    assert shown("x\ty\x7f") == "x^Iy^?"


def test_c1_and_bidi_controls_are_named_by_code_point():
    assert shown("\x9b2J") == "<U+009B>2J"
    assert shown("evil\u202etxt.exe") == "evil<U+202E>txt.exe"


def test_invalid_utf8_and_lone_surrogates_become_the_replacement_character():
    assert shown(b"caf\xe9") == "caf\ufffd"
    assert shown("caf\udce9") == "caf\ufffd"  # os.fsdecode's surrogateescape of b"\xe9"


def test_printable_text_of_any_script_is_kept_exactly():
    for s in ["node", "ptview-pool-0", "Grüße 日本語 🚀", "a\u00a0b", "[bold]not markup[/]"]:
        assert shown(s) == s


def test_multi_line_text_is_split_and_each_line_sanitised():
    assert shown_lines("one\r\ntwo\x1b[2J\nthree\rfour") == ["one", "two^[[2J", "three^Mfour"]
    assert shown_lines(b"\xff\n") == ["\ufffd", ""]
