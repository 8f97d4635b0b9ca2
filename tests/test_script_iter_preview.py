"""util.inspect of Map/Set iterators: the entries they still have (the host's previewEntries,
ptview_iter_preview.js). EXPECTED is real node v20's output, re-checked when node is installed."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tui.cli import main

SRC = r"""const m = new Map([['a', 1], ['b', { x: 2 }], ['c', 3]]);
const e = m.entries();
e.next();
console.log(e, m.keys(), m.values());
const k = m[Symbol.iterator]();
k.next(); k.next();
console.log(k);
k.next(); k.next();
console.log(k);
const s = new Set([1, 'two']);
const se = s.entries();
console.log(se, s.values());
se.next();
console.log(se);
console.log(new Map().entries(), new Set().values());
const d = m.keys();
d.next(); m.delete('a'); m.delete('b'); m.set('z', 26);
console.log(d);
console.log([...d], d);
const c = new Set([1, 2]); const ci = c.values(); ci.next(); c.clear(); c.add(3);
console.log(ci);
console.log(Map.prototype.entries.name, Map.prototype.entries.length, Map.prototype[Symbol.iterator] === Map.prototype.entries,
  Set.prototype.keys === Set.prototype.values, Object.keys(Map.prototype), Object.keys(Set.prototype));
const it = new Map([[1, 2]]).keys();
console.log(Object.prototype.toString.call(it), it[Symbol.toStringTag], Object.getPrototypeOf(it).next.name);
"""

EXPECTED = r"""[Map Entries] { [ 'b', { x: 2 } ], [ 'c', 3 ] } [Map Iterator] { 'a', 'b', 'c' } [Map Iterator] { 1, { x: 2 }, 3 }
[Map Entries] { [ 'c', 3 ] }
[Map Entries] {  }
[Set Entries] { [ 1, 1 ], [ 'two', 'two' ] } [Set Iterator] { 1, 'two' }
[Set Entries] { [ 'two', 'two' ] }
[Map Entries] {  } [Set Iterator] {  }
[Map Iterator] { 'c', 'z' }
[ 'c', 'z' ] [Map Iterator] {  }
[Set Iterator] { 3 }
entries 0 true true [] []
[object Map Iterator] Map Iterator next
"""


def test_iterators_print_their_remaining_entries_as_node_does(tmp_path, capsys):
    p = tmp_path / "iters.js"
    p.write_text(SRC)
    assert main(["--headless", str(p)]) == 0
    assert capsys.readouterr().out == EXPECTED


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_expected_is_still_what_node_prints(tmp_path):
    p = tmp_path / "iters.js"
    p.write_text(SRC)
    assert subprocess.run(["node", str(p)], capture_output=True, text=True, check=True).stdout == EXPECTED
