"""Host modules and globals a script sees: each backed by the model or by real, read-only data."""

from __future__ import annotations

from tui.cli import main


def _run(tmp_path, capsys, src: str, *extra: str) -> tuple[int, str, str]:
    p = tmp_path / "m.js"
    p.write_text(src)
    code = main(["--headless", *extra, str(p)])
    out, err = capsys.readouterr()
    return code, out, err


def test_timeout_objects_have_node_methods_and_unref_lets_the_loop_end(tmp_path, capsys):
    code, out, _ = _run(tmp_path, capsys, """\
const t = setTimeout(() => console.log('never'), 1000);
console.log(t.hasRef(), typeof t.ref, typeof t.refresh);
t.unref();
console.log(t.hasRef());
const n = +setTimeout(() => console.log('cleared by number'), 5);
clearTimeout(n);
setTimeout(() => console.log('ran'), 2);
""")
    assert (code, out) == (0, "true function function\nfalse\nran\n")


def test_interval_runs_until_cleared_on_the_model_clock(tmp_path, capsys):
    code, out, _ = _run(tmp_path, capsys, """\
const start = Date.now();
let n = 0;
const i = setInterval(() => { n++; if (n === 3) { clearInterval(i); console.log(n, Date.now() - start >= 30); } }, 10);
""")
    assert (code, out) == (0, "3 true\n")


def test_timers_promises_and_an_async_iterator_of_intervals(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, """\
const { setTimeout: sleep, setImmediate: immediate } = require('timers/promises');
(async () => {
  console.log(await sleep(5, 'slept'));
  console.log(await immediate('immediate'));
})();
""")
    assert (code, out) == (0, "slept\nimmediate\n"), err


def test_process_surface(tmp_path, capsys):
    code, out, _ = _run(tmp_path, capsys, """\
console.log(process.platform, process.version.startsWith('v20.'), typeof process.pid);
console.log(Array.isArray(process.hrtime()), typeof process.hrtime.bigint());
console.log(typeof process.memoryUsage().heapUsed, process.argv.length, process.cwd() === __dirname);
process.on('exit', (c) => console.log('exit', c, process.exitCode));
process.exitCode = 4;
""")
    assert code == 4
    assert out == "linux true number\ntrue bigint\nnumber 2 true\nexit 4 4\n"


def test_before_exit_restarts_the_loop_when_it_schedules_work(tmp_path, capsys):
    # SEMANTICS §1.3: 'beforeExit' when the loop dies; the loop runs again if a listener added work
    code, out, _ = _run(tmp_path, capsys, """\
let rounds = 0;
process.on('beforeExit', () => {
  if (rounds++ < 2) setTimeout(() => console.log('round', rounds), 1);
});
process.on('exit', () => console.log('exit after', rounds));
""")
    assert (code, out) == (0, "round 1\nround 2\nexit after 3\n")


def test_uncaught_exception_listener_keeps_the_process_alive(tmp_path, capsys):
    code, out, _ = _run(tmp_path, capsys, """\
process.on('uncaughtException', (e, origin) => console.log('caught', e.message, origin));
setTimeout(() => { throw new Error('late'); }, 1);
setTimeout(() => console.log('still running'), 2);
""")
    assert (code, out) == (0, "caught late uncaughtException\nstill running\n")


def test_unhandled_rejection_listener_and_the_default_exit_1(tmp_path, capsys):
    code, out, _ = _run(tmp_path, capsys, """\
process.on('unhandledRejection', (r) => console.log('unhandled', r.message));
Promise.reject(new Error('nobody'));
""")
    assert (code, out) == (0, "unhandled nobody\n")
    code, out, err = _run(tmp_path, capsys, "async function f() { throw new Error('x'); }\nf();\n")
    assert code == 1 and "Error: x" in err


def test_a_rejection_handled_later_in_the_same_tick_is_not_unhandled(tmp_path, capsys):
    code, out, _ = _run(tmp_path, capsys, """\
const p = Promise.reject(new Error('r'));
Promise.reject(new Error('r2')).finally(() => {}).catch((e) => console.log('late catch', e.message));
p.catch((e) => console.log('caught', e.message));
""")
    assert (code, out) == (0, "caught r\nlate catch r2\n")


def test_fs_sync_forms_and_the_write_overlay_never_touch_the_disk(tmp_path, capsys):
    (tmp_path / "data.txt").write_text("hello")
    code, out, _ = _run(tmp_path, capsys, """\
const fs = require('fs');
const path = __dirname + '/data.txt';
console.log(fs.readFileSync(path, 'utf8'), fs.statSync(path).size, fs.existsSync(path));
console.log(fs.readdirSync(__dirname).includes('data.txt'));
fs.writeFileSync(__dirname + '/new.txt', 'in memory');
console.log(fs.readFileSync(__dirname + '/new.txt', 'utf8'));
fs.readFile(__dirname + '/new.txt', 'utf8', (e, s) => console.log('async', s));
try { fs.readFileSync(__dirname + '/missing'); } catch (e) { console.log(e.code, e.syscall); }
""")
    assert code == 0
    assert out == "hello 5 true\ntrue\nin memory\nENOENT open\nasync in memory\n"
    assert not (tmp_path / "new.txt").exists()


def test_fs_promises_readdir_and_stat(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("abc")
    code, out, _ = _run(tmp_path, capsys, """\
const fsp = require('fs').promises;
(async () => {
  const s = await fsp.stat(__dirname + '/a.txt');
  console.log(s.size, s.isFile(), s.isDirectory());
  console.log((await fsp.readdir(__dirname)).includes('a.txt'));
})();
""")
    assert (code, out) == (0, "3 true false\ntrue\n")


def test_dns_lookup_options_and_promises(tmp_path, capsys):
    code, out, _ = _run(tmp_path, capsys, """\
const dns = require('dns');
dns.lookup('localhost', { all: true }, (e, list) => console.log('all', JSON.stringify(list)));
dns.promises.lookup('127.0.0.1').then((r) => console.log('promise', r.address, r.family));
dns.lookup('x.invalid', (e) => console.log('err', e.code));
""")
    assert code == 0
    assert sorted(out.splitlines()) == sorted(['all [{"address":"127.0.0.1","family":4}]',
                                               "promise 127.0.0.1 4", "err ENOTFOUND"])


def test_crypto_hashes_are_real_and_random_is_seeded(tmp_path, capsys):
    src = """\
const crypto = require('crypto');
console.log(crypto.createHash('sha256').update('abc').digest('hex'));
console.log(crypto.createHmac('sha256', 'k').update('abc').digest('hex').length);
console.log(crypto.randomUUID().length, Math.random());
crypto.randomBytes(4, (e, b) => console.log('bytes', b.length));
"""
    code, out1, _ = _run(tmp_path, capsys, src)
    code2, out2, _ = _run(tmp_path, capsys, src)
    assert code == code2 == 0 and out1 == out2
    assert out1.startswith("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n64\n36 0.")
    assert out1.endswith("bytes 4\n")


def test_zlib_round_trip_on_the_pool(tmp_path, capsys):
    code, out, _ = _run(tmp_path, capsys, """\
const zlib = require('zlib');
zlib.gzip('hello hello hello', (e, z) => zlib.gunzip(z, (e2, back) => console.log(back.toString(), z[0], z[1])));
""")
    assert (code, out) == (0, "hello hello hello 31 139\n")


def test_console_methods(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, """\
console.count(); console.count(); console.count('x');
console.group('g'); console.log('inside'); console.groupEnd(); console.log('outside');
console.assert(1 === 2, 'nope');
console.dir({ a: { b: { c: { d: 1 } } } });
console.error('to stderr');
""")
    assert code == 0
    assert out == "default: 1\ndefault: 2\nx: 1\ng\n  inside\noutside\n{ a: { b: { c: [Object] } } }\n"
    assert err == "Assertion failed: nope\nto stderr\n"


def test_require_of_the_scripts_own_files(tmp_path, capsys):
    (tmp_path / "lib.js").write_text("exports.twice = (x) => 2 * x;\nexports.file = __filename;\n")
    (tmp_path / "conf.json").write_text('{"n": 21}')
    code, out, _ = _run(tmp_path, capsys, """\
const lib = require('./lib');
console.log(lib.twice(require('./conf.json').n), lib.file.endsWith('/lib.js'), require('./lib') === lib);
try { require('./nope'); } catch (e) { console.log(e.code); }
""")
    assert (code, out) == (0, "42 true true\nMODULE_NOT_FOUND\n")


def test_os_reports_the_real_cpu_count(tmp_path, capsys):
    import os

    code, out, err = _run(tmp_path, capsys, "const os = require('os');\nconsole.log(os.cpus().length, os.EOL === '\\n', os.platform());\n")
    assert (code, out) == (0, f"{os.cpu_count()} true linux\n"), err


def test_spawn_and_cluster_are_refused_with_their_place(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, "const cp = require('child_process');\ncp.spawn('ls');\n")
    assert code == 2 and err.startswith("ptview: error: m.js:2:4: child_process.spawn is not supported")
    code, out, err = _run(tmp_path, capsys, "require('node:cluster');\n")
    assert code == 2 and "m.js:1:1: cluster is not supported" in err


def test_a_script_cannot_reach_host_functions_or_python(tmp_path, capsys):
    code, out, _ = _run(tmp_path, capsys, """\
console.log(Object.getOwnPropertyNames(globalThis).filter((k) => k.startsWith('__')).join(',') || 'none');
console.log(typeof std, typeof os, typeof require('process').binding);
""")
    assert (code, out) == (0, "none\nundefined undefined undefined\n")


def test_timers_promises_interval_iterator_stops_on_break(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, """\
const { setInterval: every } = require('timers/promises');
(async () => {
  let n = 0;
  for await (const v of every(10, 'tick')) { console.log(v, ++n); if (n === 3) break; }
  console.log('done');
})();
""")
    assert (code, out) == (0, "tick 1\ntick 2\ntick 3\ndone\n"), err


def test_fs_open_read_close_and_a_file_handle(tmp_path, capsys):
    (tmp_path / "f.txt").write_text("0123456789")
    code, out, _ = _run(tmp_path, capsys, """\
const fs = require('fs');
fs.open(__dirname + '/f.txt', (e, fd) => {
  const b = Buffer.alloc(4);
  fs.read(fd, b, 0, 4, 2, (e2, n) => {
    console.log('fd', fd, n, b.toString());
    fs.close(fd, () => console.log('closed'));
  });
});
(async () => {
  const fh = await fs.promises.open(__dirname + '/f.txt');
  const { bytesRead, buffer } = await fh.read(Buffer.alloc(3), 0, 3, null);
  console.log('handle', bytesRead, buffer.toString(), await fh.readFile('utf8'));
  await fh.close();
})();
""")
    assert code == 0
    assert sorted(out.splitlines()) == sorted(["fd 18 4 2345", "closed", "handle 3 012 3456789"])


def test_a_read_stream_reads_64_kib_chunks_on_the_pool_and_closes(tmp_path, capsys):
    (tmp_path / "big.txt").write_bytes(b"x" * 200_000)
    code, out, _ = _run(tmp_path, capsys, """\
const fs = require('fs');
const rs = fs.createReadStream(__dirname + '/big.txt');
let n = 0;
rs.on('open', () => console.log('open'));
rs.on('data', (c) => { n++; });
rs.on('end', () => console.log('end', n, rs.bytesRead));
rs.on('close', () => {
  console.log('close');
  fs.createReadStream(__dirname + '/missing').on('error', (e) => console.log('error', e.code));
});
""")
    # 200,000 bytes = 3 full 64 KiB chunks and one of 3,392 bytes
    assert (code, out) == (0, "open\nend 4 200000\nclose\nerror ENOENT\n")


def test_node_globals_from_the_prelude_and_node_20s_surface(tmp_path, capsys):
    code, out, _ = _run(tmp_path, capsys, """\
const ac = new AbortController();
ac.signal.addEventListener('abort', () => console.log('aborted', ac.signal.aborted));
ac.abort();
console.log(structuredClone(new Map([[1, { a: 2 }]])), new TextEncoder().encode('hé'));
console.log(new URL('https://a.b/c?d=1').searchParams.get('d'), Buffer.from('hi'), typeof global);
console.log(typeof Object.groupBy, typeof Set.prototype.union, typeof Promise.withResolvers, typeof Iterator);
console.log(new Date(0).toISOString(), Date.now() === new Date().getTime(), Date.name);
""")
    assert code == 0
    assert out == ("aborted true\nMap(1) { 1 => { a: 2 } } Uint8Array(3) [ 104, 195, 169 ]\n"
                   "1 <Buffer 68 69> object\nundefined undefined undefined undefined\n"
                   "1970-01-01T00:00:00.000Z true Date\n")


def test_internal_modules_are_not_for_scripts(tmp_path, capsys):
    code, out, _ = _run(tmp_path, capsys, """\
for (const m of ['internal/errors', 'node:internal/errors', 'ptview_globals', 'node:nope', 'nope']) {
  try { require(m); console.log('loaded', m); } catch (e) { console.log(e.code); }
}
""")
    assert (code, out) == (0, "MODULE_NOT_FOUND\nERR_UNKNOWN_BUILTIN_MODULE\nMODULE_NOT_FOUND\n"
                              "ERR_UNKNOWN_BUILTIN_MODULE\nMODULE_NOT_FOUND\n")


def test_timeout_and_immediate_print_with_nodes_fields_not_ptviews(tmp_path, capsys):
    code, out, _ = _run(tmp_path, capsys, """\
const t = setTimeout(() => {}, 10);
console.log(t);
const i = setImmediate(() => {});
console.log(i);
clearTimeout(t);
console.log(t._destroyed, t._idlePrev);
""")
    assert code == 0
    assert out == """\
Timeout {
  _idleTimeout: 10,
  _idlePrev: [TimersList],
  _idleNext: [TimersList],
  _idleStart: 0,
  _onTimeout: [Function (anonymous)],
  _timerArgs: undefined,
  _repeat: null,
  _destroyed: false,
  [Symbol(refed)]: true,
  [Symbol(kHasPrimitive)]: false,
  [Symbol(asyncId)]: 2,
  [Symbol(triggerId)]: 1
}
Immediate {
  _idleNext: null,
  _idlePrev: null,
  _onImmediate: [Function (anonymous)],
  _argv: undefined,
  _destroyed: false,
  [Symbol(refed)]: true,
  [Symbol(asyncId)]: 4,
  [Symbol(triggerId)]: 1
}
true null
"""  # node's own: the same but _idleStart, which counts from node's start-up (~15 ms), not 0
