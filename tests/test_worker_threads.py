"""worker_threads in scripts: each rule a test named after it, every expected output node v20's.

(Each script's output was checked against `node` when the test was written; the conformance
corpus, tests/conformance/worker_*.js, checks more against node's recorded output.)
"""

from __future__ import annotations

import json
import threading

import pytest

from tui.cli import main
from tui.core.script.runner import ScriptRun


def _run(tmp_path, capsys, src: str, *extra: str) -> tuple[int, str, str]:
    p = tmp_path / "w.js"
    p.write_text(src)
    code = main(["--headless", *extra, str(p)])
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def test_rule_3_8_a_workers_script_runs_in_its_first_poll_phase_so_a_queued_message_comes_after_its_immediates(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, """\
const { Worker, isMainThread, parentPort } = require('worker_threads');
if (isMainThread) {
  const w = new Worker(__filename);
  w.on('message', (m) => console.log('main got', m));
  w.on('exit', (c) => console.log('exit', c));
  w.postMessage('hello');
} else {
  parentPort.once('message', (m) => parentPort.postMessage('worker got ' + m + ' after ' + order.join(',')));
  const order = [];
  setImmediate(() => order.push('immediate'));
  process.nextTick(() => order.push('tick'));
  Promise.resolve().then(() => order.push('promise'));
}
""")
    assert (code, out) == (0, 'main got worker got hello after tick,promise,immediate\nexit 0\n'), err

def test_rule_3_8_onmessage_and_addEventListener_get_a_MessageEvent_and_a_listener_refs_the_port(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, """\
const { MessageChannel } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
port2.onmessage = (e) => { console.log('onmessage', e.data, e.constructor.name, e instanceof Event); };
port2.addEventListener('message', (e) => { console.log('listener', e.data); port2.close(); });
port1.postMessage({ n: 1 });
console.log('hasRef', port2.hasRef(), port1.hasRef());
""")
    assert (code, out) == (0, 'hasRef true false\nonmessage { n: 1 } MessageEvent true\nlistener { n: 1 }\n'), err

def test_rule_3_8_every_message_a_worker_sent_comes_before_its_exit_event(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, """\
const { Worker, isMainThread, parentPort } = require('worker_threads');
if (isMainThread) {
  const w = new Worker(__filename);
  w.on('message', (m) => console.log('message', m));
  w.on('exit', (c) => console.log('exit', c, w.threadId));
} else {
  for (let i = 0; i < 3; i++) parentPort.postMessage(i);
}
""")
    assert (code, out) == (0, 'message 0\nmessage 1\nmessage 2\nexit 0 -1\n'), err

def test_rule_3_8_atomics_wait_times_out_and_is_woken_by_notify_in_model_time(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, """\
const { Worker, isMainThread, workerData } = require('worker_threads');
if (isMainThread) {
  const sab = new SharedArrayBuffer(8);
  const ia = new Int32Array(sab);
  const w = new Worker(__filename, { workerData: sab });
  const t0 = Date.now();
  setTimeout(() => { Atomics.store(ia, 0, 1); console.log('notified', Atomics.notify(ia, 0)); }, 200);
  w.on('message', (m) => console.log('worker:', m));
} else {
  const ia = new Int32Array(workerData);
  const t0 = Date.now();
  const r1 = Atomics.wait(ia, 1, 0, 50);
  const d1 = Date.now() - t0;
  const r2 = Atomics.wait(ia, 0, 0);
  require('worker_threads').parentPort.postMessage([r1, d1 >= 50 && d1 < 60, r2, Atomics.load(ia, 0)]);
}
""")
    assert (code, out) == (0, "notified 1\nworker: [ 'timed-out', true, 'ok', 1 ]\n"), err

def test_rule_3_8_atomics_argument_errors_and_wait_async_as_v8(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, """\
const ia = new Int32Array(new SharedArrayBuffer(8));
for (const [label, f] of [
  ['non-shared', () => Atomics.wait(new Int32Array(4), 0, 0, 0)],
  ['uint8', () => Atomics.wait(new Uint8Array(new SharedArrayBuffer(4)), 0, 0, 0)],
  ['index', () => Atomics.wait(ia, 5, 0, 0)],
  ['not-equal', () => Atomics.wait(ia, 0, 1, 0)],
  ['timed-out 0', () => Atomics.wait(ia, 0, 0, 0)],
  ['notify nobody', () => Atomics.notify(ia, 0)],
  ['notify non-shared', () => Atomics.notify(new Int32Array(4), 0)],
  ['waitAsync not-equal', () => JSON.stringify(Atomics.waitAsync(ia, 0, 1))],
  ['waitAsync 0', () => JSON.stringify(Atomics.waitAsync(ia, 0, 0, 0))],
]) {
  try { console.log(label, f()); } catch (e) { console.log(label, e.name, e.message); }
}
const r = Atomics.waitAsync(ia, 0, 0, 30);
console.log(r.async, typeof r.value.then);
r.value.then((v) => console.log('waitAsync settled', v));
const r2 = Atomics.waitAsync(ia, 1, 0);
r2.value.then((v) => console.log('waitAsync 2 settled', v));
setTimeout(() => console.log('notify', Atomics.notify(ia, 1)), 10);
""")
    assert (code, out) == (0, 'non-shared TypeError [object Int32Array] is not a shared typed array.\nuint8 TypeError [object Uint8Array] is not an int32 or BigInt64 typed array.\nindex RangeError Invalid atomic access index\nnot-equal not-equal\ntimed-out 0 timed-out\nnotify nobody 0\nnotify non-shared 0\nwaitAsync not-equal {"async":false,"value":"not-equal"}\nwaitAsync 0 {"async":false,"value":"timed-out"}\ntrue function\nnotify 1\nwaitAsync 2 settled ok\n'), err

def test_rule_3_8_a_transferred_arraybuffer_is_detached_and_what_cannot_be_cloned_throws(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, """\
const { MessageChannel } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
const ab = new ArrayBuffer(4);
new Uint8Array(ab)[0] = 7;
port1.postMessage({ ab }, [ab]);
console.log('sender byteLength', ab.byteLength);
port2.once('message', (m) => { console.log('receiver', m.ab.byteLength, new Uint8Array(m.ab)[0]); port2.close(); });
try { port1.postMessage(port2); } catch (e) { console.log(e.name, e.message); }
try { port1.postMessage({ f() {} }); } catch (e) { console.log(e.name, e.message, e.code); }
""")
    assert (code, out) == (0, 'sender byteLength 0\nTypeError Object that needs transfer was found in message but not listed in transferList\nDataCloneError f() {} could not be cloned. 25\nreceiver 4 7\n'), err

def test_rule_3_8_a_worker_starts_after_its_modelled_boot_and_its_clock_starts_there(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, """\
const { Worker } = require('worker_threads');
const t0 = performance.now();
const w = new Worker('require("worker_threads").parentPort.postMessage(performance.now() < 1000)', { eval: true });
const ctor = performance.now() - t0;
w.on('online', () => console.log('online after', Math.round(performance.now() - t0) > 10, 'ctor < 20 ms', ctor < 20));
w.on('message', (m) => console.log('worker clock starts at its own start:', m));
w.on('exit', (c) => console.log('exit', c));
""")
    assert (code, out) == (0, 'online after true ctor < 20 ms true\nworker clock starts at its own start: true\nexit 0\n'), err

def test_rule_2_1_a_workers_env_is_a_copy_so_the_pool_size_is_the_processs(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, """\
process.env.UV_THREADPOOL_SIZE = '2';
const { Worker, isMainThread, parentPort } = require('worker_threads');
if (isMainThread) {
  const w = new Worker(__filename);
  w.on('message', (m) => console.log(m, process.env.UV_THREADPOOL_SIZE, process.env.FROM_WORKER));
} else {
  process.env.UV_THREADPOOL_SIZE = '9';
  process.env.FROM_WORKER = 'x';
  parentPort.postMessage(['worker env', process.env.UV_THREADPOOL_SIZE, Object.keys(process.env).includes('FROM_WORKER')]);
}
""")
    assert (code, out) == (0, "[ 'worker env', '9', true ] 2 undefined\n"), err

def test_rule_3_8_a_main_thread_spinning_on_shared_memory_sees_a_workers_store(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, """\
const { Worker, isMainThread, workerData } = require('worker_threads');
if (isMainThread) {
  const ia = new Int32Array(new SharedArrayBuffer(4));
  new Worker(__filename, { workerData: ia.buffer });
  let spins = 0;
  while (Atomics.load(ia, 0) === 0) spins++;
  console.log('main saw the worker store after spinning:', spins > 0, Atomics.load(ia, 0));
} else {
  const ia = new Int32Array(workerData);
  Atomics.store(ia, 0, 5);
}
""")
    assert (code, out) == (0, 'main saw the worker store after spinning: true 5\n'), err

POOL_SCRIPT = """\
const crypto = require('crypto');
const { Worker, isMainThread, parentPort } = require('worker_threads');
if (isMainThread) {
  for (const id of ['A', 'B']) crypto.pbkdf2('s', 'salt', 100000, 32, 'sha512', () => console.log('main', id));
  new Worker(__filename).on('message', (m) => console.log(m));
} else {
  crypto.pbkdf2('s', 'salt', 1, 32, 'sha512', () => parentPort.postMessage('worker pbkdf2 done'));
}
"""


def test_rule_2_1_a_workers_pool_job_waits_in_the_processs_one_fifo(tmp_path, capsys):
    # UV_THREADPOOL_SIZE=1: the Worker's one-iteration pbkdf2 queues behind main's two long ones
    code, out, err = _run(tmp_path, capsys, POOL_SCRIPT, "--pool-size", "1")
    assert (code, out) == (0, "main A\nmain B\nworker pbkdf2 done\n"), err


def test_json_events_carry_the_thread_and_pool_events_name_the_jobs_loop(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, POOL_SCRIPT, "--json", "--pool-size", "1")
    assert code == 0, err
    events = [json.loads(line) for line in out.splitlines()]
    assert all("thread" in e for e in events)
    assert {e["thread"] for e in events} == {0, 1}
    jobs = [e for e in events if e["ev"] in ("start", "done")]
    assert [(e["ev"], e["thread"]) for e in jobs] == [("start", 0), ("done", 0), ("start", 0), ("done", 0),
                                                        ("start", 1), ("done", 1)]
    assert len({e["job"] for e in jobs}) == 3            # one job-id sequence for the process
    worker_cb = [e for e in events if e["ev"] == "callback" and e["thread"] == 1 and e.get("op") == "crypto.pbkdf2"]
    assert worker_cb and worker_cb[0]["phase"] == "poll"   # its completion runs on the Worker's own loop
    exits = [e for e in events if e.get("op") == "worker.exit"]
    assert exits and exits[0]["thread"] == 0 and exits[0]["rule"] == "worker.thread"


def test_rule_3_8_a_workers_console_output_goes_through_its_parent(tmp_path, capsys):
    # the first write is sent at once, the next ones wait for the parent's "more data" (node's
    # WritableWorkerStdio): node prints this order in most runs (the rest is real-time racing)
    code, out, err = _run(tmp_path, capsys, """\
const { Worker, isMainThread, parentPort } = require('worker_threads');
if (isMainThread) {
  const w = new Worker(__filename);
  w.on('message', (m) => console.log('main got', m));
  w.on('exit', (c) => console.log('exit', c));
} else {
  console.log('w a'); parentPort.postMessage(1); console.log('w b'); parentPort.postMessage(2); console.log('w c');
}
""")
    assert (code, out) == (0, "w a\nmain got 1\nmain got 2\nw b\nw c\nexit 0\n"), err


def test_rule_3_8_process_exit_in_a_worker_ends_the_worker_only(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, """\
const { Worker, isMainThread } = require('worker_threads');
if (isMainThread) {
  new Worker(__filename).on('exit', (c) => { console.log('worker exit', c); setTimeout(() => console.log('main goes on'), 5); });
} else {
  console.log('worker'); process.exit(7); console.log('never');
}
""")
    assert (code, out) == (0, "worker\nworker exit 7\nmain goes on\n"), err


def test_rule_3_8_terminate_stops_a_busy_worker_in_model_time(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, """\
const { Worker } = require('worker_threads');
const w = new Worker('require("worker_threads").parentPort.postMessage("spin"); for (;;) {}', { eval: true });
w.once('message', async () => {
  const t = performance.now();
  console.log('terminated with', await w.terminate(), 'within 10 ms:', performance.now() - t < 10);
});
""")
    assert (code, out) == (0, "terminated with 1 within 10 ms: true\n"), err


def test_a_worker_run_is_deterministic(tmp_path, capsys):
    first = _run(tmp_path, capsys, POOL_SCRIPT, "--json")
    second = _run(tmp_path, capsys, POOL_SCRIPT, "--json")
    assert first[0] == 0 and first == second


def test_no_worker_thread_is_left_after_a_run(tmp_path):
    p = tmp_path / "w.js"
    p.write_text("""\
const { Worker } = require('worker_threads');
const w = new Worker('setInterval(() => {}, 1000)', { eval: true });
w.on('online', () => process.exit(0));
""")
    run = ScriptRun.from_file(str(p), write=lambda s: None, write_err=lambda s: None)
    assert run.run() == 0
    assert not [t for t in threading.enumerate() if t.name.startswith("ptview-js-worker-") and t.is_alive()]


def test_workers_alive_at_once_are_bounded(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, """\
const { Worker } = require('worker_threads');
for (let i = 0; i < 65; i++) new Worker('setTimeout(() => {}, 10)', { eval: true });
""")
    assert code == 2 and out == ""
    assert "w.js:2:" in err and "more than 64 Workers alive at once" in err


@pytest.mark.parametrize("bad, message", [
    ("new Worker('x.js')", "The worker script or module filename must be an absolute path or a relative path "
                           "starting with './' or '../'. Received \"x.js\""),
    ("new Worker(42)", 'The "filename" argument must be of type string or an instance of URL. Received type number (42)'),
])
def test_bad_worker_filenames_throw_as_node(tmp_path, capsys, bad, message):
    code, out, err = _run(tmp_path, capsys, f"""\
const {{ Worker }} = require('worker_threads');
try {{ {bad}; }} catch (e) {{ console.log(e.name, e.code, e.message); }}
""")
    assert code == 0
    assert message in out


def test_a_trace_gives_each_workers_loop_a_track_and_names_a_jobs_thread(tmp_path, capsys):
    trace = tmp_path / "t.json"
    code, out, err = _run(tmp_path, capsys, POOL_SCRIPT, "--pool-size", "1", "--trace", str(trace))
    assert code == 0, err
    evs = json.loads(trace.read_text())["traceEvents"]
    names = {e["tid"]: e["args"]["name"] for e in evs if e.get("name") == "thread_name"}
    assert names == {1: "loop thread (main)", 10_001: "loop thread (Worker 1)", 2: "libuv worker 0"}
    jobs = [e for e in evs if e.get("cat") == "pool"]
    assert [e["args"].get("thread") for e in jobs] == [None, None, 1]
    assert any(e["tid"] == 10_001 and e.get("name") == "crypto.pbkdf2" for e in evs)


def test_rule_3_8_messages_between_ports_of_one_thread_wait_for_the_next_poll_phase(tmp_path, capsys):
    # a MessagePort is a uv_async_t: after the main module's ticks and promises, in poll, before
    # setImmediate's check phase (node v20: the same order in every run)
    code, out, err = _run(tmp_path, capsys, """\
const { MessageChannel } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
port2.on('message', (m) => { console.log('message', m); if (m === 'b') port2.close(); });
setImmediate(() => console.log('immediate'));
port1.postMessage('a');
port1.postMessage('b');
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise'));
console.log('end');
""")
    assert (code, out) == (0, "end\ntick\npromise\nmessage a\nmessage b\nimmediate\n"), err


def test_rule_3_8_each_message_is_its_own_callback_with_ticks_and_microtasks_after_it(tmp_path, capsys):
    code, out, err = _run(tmp_path, capsys, """\
const { MessageChannel } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
port2.on('message', (m) => {
  console.log('message', m);
  process.nextTick(() => console.log('tick in', m));
  Promise.resolve().then(() => console.log('promise in', m));
});
setImmediate(() => console.log('immediate'));
port1.postMessage('a');
port1.postMessage('b');
setTimeout(() => port2.close(), 20);
port2.on('close', () => console.log('close'));
""")
    assert (code, out) == (0, "message a\ntick in a\npromise in a\nmessage b\ntick in b\npromise in b\n"
                              "immediate\nclose\n"), err


async def test_the_app_steps_a_script_with_a_worker_to_its_end_and_back(tmp_path):
    from textual.widgets import RichLog

    from tui.app import PtviewApp
    from tui.core.script.session import ScriptSession

    path = tmp_path / "w.js"
    path.write_text(POOL_SCRIPT)
    app = PtviewApp(session=ScriptSession.from_file(str(path), pool_env="1"), autoplay=False)
    async with app.run_test(size=(160, 44)) as pilot:
        for _ in range(12):
            await pilot.press("full_stop")
        lines = [str(line.text) for line in app.query_one("#output", RichLog).lines]
        assert lines == ["main A", "main B", "worker pbkdf2 done"]
        assert app.session.done
        await pilot.press("comma")             # back: a replay (its own Workers; the old run's end)
        assert not app.session.done
    assert not [t for t in threading.enumerate() if t.name.startswith("ptview-js-worker-") and t.is_alive()]
