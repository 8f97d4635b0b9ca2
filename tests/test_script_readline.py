"""readline (the prelude's, non-terminal) against node v20: line splitting across chunks (\\r\\n, lone \\r,
split UTF-8), the order of 'line'/'pause'/'close' relative to nextTick and promises when reading a file,
for await (a break leaves the interface open), question() and readline/promises, the cursor helpers,
input errors. Expected outputs were recorded with node v20; the last test re-checks them when node is here."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tui.cli import main

LINES = "one\r\ntwo\nthree\rfour"  # no final newline: 'four' comes from 'end'

ORDER_JS = r"""
const fs = require('fs');
const readline = require('readline');
const { once } = require('events');
async function main() {
  const rl = readline.createInterface({ input: fs.createReadStream(__dirname + '/lines.txt'), crlfDelay: Infinity });
  for await (const line of rl) { console.log('line', JSON.stringify(line)); if (line === 'two') break; }
  console.log('after break closed=', rl.closed, typeof rl[Symbol.asyncIterator]);
  const rl2 = readline.createInterface({ input: fs.createReadStream(__dirname + '/lines.txt') });
  const seen = [];
  rl2.on('line', (l) => { seen.push(l); process.nextTick(() => seen.push('tick:' + l)); Promise.resolve().then(() => seen.push('micro:' + l)); });
  rl2.on('pause', () => seen.push('pause'));
  rl2.on('resume', () => seen.push('resume'));
  rl2.on('close', () => seen.push('close'));
  await once(rl2, 'close');
  console.log(seen.join(' '));
  console.log(Object.keys(readline).sort().join(','), Object.keys(readline.promises).sort().join(','));
  console.log(rl2.terminal, rl2.line, rl2.cursor, rl2.crlfDelay, rl2.closed, rl2.getPrompt());
}
main();
"""
ORDER_OUT = r"""
line "one"
line "two"
after break closed= undefined function
one two three tick:one tick:two tick:three micro:one micro:two micro:three four pause close tick:four micro:four
Interface,clearLine,clearScreenDown,createInterface,cursorTo,emitKeypressEvents,moveCursor,promises Interface,Readline,createInterface
false  undefined 100 true > 
"""[1:]

STREAMS_JS = r"""
const { PassThrough, Writable } = require('stream');
const readline = require('readline');
const { once } = require('events');
const sink = () => { const out = []; const w = new Writable({ write(c, e, cb) { out.push(String(c)); cb(); } }); w.out = out; return w; };
(async () => {
  const input = new PassThrough();
  const rl = readline.createInterface({ input });
  const got = [];
  rl.on('line', (l) => got.push(l));
  input.write('ab'); input.write('c\r'); input.write('\nd\n');
  input.write(Buffer.from([0x65, 0xc3])); input.write(Buffer.from([0xa9, 0x0a]));
  input.end('tail');
  await once(rl, 'close');
  console.log(JSON.stringify(got), rl.closed);

  const inp2 = new PassThrough();
  const out = sink();
  const rl2 = readline.createInterface({ input: inp2, output: out, terminal: false, prompt: '$ ' });
  rl2.question('name? ', (a) => console.log('answer', a, rl2.getPrompt()));
  inp2.write('bob\nnext\n');
  rl2.on('line', (l) => console.log('line', l));
  await new Promise((r) => setImmediate(r));
  rl2.prompt();
  console.log(JSON.stringify(out.out));
  const p = require('readline/promises').createInterface({ input: inp2, output: out });
  const q = p.question('age? ');
  inp2.write('42\n');
  console.log('promise answer', await q);
  rl2.close(); p.close();
  try { rl2.question('again', () => {}); } catch (e) { console.log(e.code, e.message); }
  await p.question('x').catch((e) => console.log('rejected', e.code));

  const w = sink();
  readline.cursorTo(w, 3); readline.cursorTo(w, 1, 2); readline.moveCursor(w, -2, 3);
  readline.clearLine(w, -1); readline.clearLine(w, 0); readline.clearScreenDown(w);
  const R = new (require('readline/promises').Readline)(w);
  await R.cursorTo(0).moveCursor(1, -1).clearLine(1).commit();
  console.log(JSON.stringify(w.out));

  const inp3 = new PassThrough();
  const rl3 = readline.createInterface({ input: inp3 });
  rl3.on('error', (e) => console.log('rl error', e.message));
  inp3.destroy(new Error('boom'));
  await new Promise((r) => setImmediate(r));
  rl3.close();
  const inp4 = new PassThrough();
  const rl4 = readline.createInterface({ input: inp4 });
  setTimeout(() => { inp4.write('x\ny\n'); inp4.destroy(new Error('late')); }, 1);
  try { for await (const l of rl4) console.log('it', l); } catch (e) { console.log('for await threw', e.message); }
})();
"""
STREAMS_OUT = r"""
["abc","d","eé","tail"] true
answer bob $ 
["name? ","$ "]
line 42
promise answer 42
ERR_USE_AFTER_CLOSE readline was closed
rejected ERR_USE_AFTER_CLOSE
["\u001b[4G","\u001b[3;2H","\u001b[2D\u001b[3B","\u001b[1K","\u001b[2K","\u001b[0J","\u001b[1G\u001b[1C\u001b[1A\u001b[0K"]
rl error boom
it x
it y
for await threw late
"""[1:]

CASES = {"order": (ORDER_JS, ORDER_OUT), "streams": (STREAMS_JS, STREAMS_OUT)}


def _write(tmp_path, src: str):
    (tmp_path / "lines.txt").write_text(LINES, newline="")
    p = tmp_path / "s.js"
    p.write_text(src)
    return p


@pytest.mark.parametrize("name", CASES)
def test_ptview_prints_what_node_printed(tmp_path, capsys, name):
    src, expected = CASES[name]
    code = main(["--headless", str(_write(tmp_path, src))])
    out, err = capsys.readouterr()
    assert (code, out) == (0, expected), err


def test_readline_is_no_longer_refused(tmp_path, capsys):
    code = main(["--headless", str(_write(tmp_path, "console.log(typeof require('node:readline').createInterface);"))])
    assert (code, capsys.readouterr().out) == (0, "function\n")


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
@pytest.mark.parametrize("name", CASES)
def test_recorded_outputs_are_node_s(tmp_path, name):
    src, expected = CASES[name]
    run = subprocess.run(["node", str(_write(tmp_path, src))], capture_output=True, text=True, timeout=60)
    assert run.stdout == expected
