"""Run a table of JavaScript cases (see runner.js) in real node or in QuickJS
with ptview's prelude, and (re)generate the expected outputs with node."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from prelude_loader import make_context, run_jobs  # noqa: E402

RUNNER = (HERE / "runner.js").read_text()

_NODE_MAIN = r"""
const util = require('util');
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const run = eval(RUNNER_SRC);
const settle = (values) => {
  for (const v of values) {
    if (v instanceof Promise) v.catch(() => {});
    else if (v && typeof v === 'object') for (const d of Object.values(Object.getOwnPropertyDescriptors(v))) if (d.value instanceof Promise) d.value.catch(() => {});
  }
  return new Promise((r) => setImmediate(r));
};
process.on('warning', () => {});
const keepAlive = setInterval(() => {}, 1000);  // unref'd timers in the cases must not end the run
run(util, cases, settle).then((out) => { clearInterval(keepAlive); process.stdout.write(JSON.stringify(out)); });
"""

# A test stand-in for the host's internalBinding('util').getPromiseState:
# promise states recorded through then() while the case values settle.
TEST_BINDINGS = r"""
(function () {
  const states = new WeakMap();
  globalThis.__trackPromise = (p) => {
    if (!(p instanceof Promise) || states.has(p)) return;
    states.set(p, [0, undefined]);
    p.then((v) => states.set(p, [1, v]), (e) => states.set(p, [2, e]));
  };
  // Timers for the test loop: fired in (time, order) order by __fireTimer().
  const timers = [];
  let seq = 0;
  let now = 0;
  globalThis.setTimeout = (fn, ms = 0, ...args) => {
    const t = { at: now + Math.max(1, ms | 0), seq: seq++, fn, args, unref() { return t; }, ref() { return t; } };
    timers.push(t);
    return t;
  };
  globalThis.clearTimeout = (t) => { const i = timers.indexOf(t); if (i !== -1) timers.splice(i, 1); };
  globalThis.setImmediate = (fn, ...args) => globalThis.setTimeout(fn, 0, ...args);
  globalThis.__fireTimer = () => {
    if (!timers.length) return false;
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const t = timers.shift();
    now = t.at;
    t.fn(...t.args);
    return true;
  };
  globalThis.process = {
    emitWarning() {},
    nextTick(fn, ...args) { queueMicrotask(() => fn(...args)); },
    cwd() { return '/work/cwd'; },
    env: {},
    platform: 'linux',
    stdout: { isTTY: false, write() { return true; } },
  };
  // Proxies made through the global Proxy are remembered, for getProxyDetails.
  const proxies = new WeakMap();
  const NativeProxy = Proxy;
  globalThis.Proxy = new NativeProxy(NativeProxy, {
    construct(target, args) {
      const p = Reflect.construct(target, args);
      proxies.set(p, [args[0], args[1]]);
      return p;
    },
  });
  globalThis.__bindings = {
    util: {
      getProxyDetails(v) { return proxies.get(v); },
      getPromiseState(p) { return p instanceof Promise ? (states.get(p) || [0, undefined]) : undefined; },
    },
  };
})();
"""

# Web globals the engine host installs from the prelude.
_POST_BOOT = r"""
(function () {
  let abort;
  try { abort = require('internal/abort'); } catch { return; }
  for (const k of ['AbortController', 'AbortSignal', 'EventTarget', 'Event']) globalThis[k] = abort[k];
  if (typeof globalThis.Buffer !== 'function') globalThis.Buffer = require('buffer').Buffer;
  const url = require('internal/url');
  for (const k of ['URL', 'URLSearchParams']) if (typeof globalThis[k] !== 'function') globalThis[k] = url[k];
  if (typeof globalThis.structuredClone !== 'function') {
    globalThis.structuredClone = require('internal/structured_clone').structuredClone;
  }
  const util = require('util');
  for (const k of ['TextEncoder', 'TextDecoder']) if (typeof globalThis[k] !== 'function') globalThis[k] = util[k];
})();
"""

_QJS_MAIN = r"""
(function () {
  const run = (0, eval)(__runnerSrc);
  const settle = (values) => {
    for (const v of values) {
      __trackPromise(v);
      if (v && typeof v === 'object' && !(v instanceof Promise)) {
        for (const d of Object.values(Object.getOwnPropertyDescriptors(v))) __trackPromise(d.value);
      }
    }
    return Promise.resolve().then(() => {}).then(() => {});
  };
  run(require(__utilName), JSON.parse(__casesJson), settle).then(
    (out) => { globalThis.__out = JSON.stringify(out); },
    (e) => { globalThis.__out = JSON.stringify(String(e)); });
})();
"""


def node_available() -> bool:
    return shutil.which("node") is not None


def node_outputs(cases: list[dict], main: str = _NODE_MAIN) -> list[str]:
    script = f"const RUNNER_SRC = {json.dumps(RUNNER)};\n{main}"
    proc = subprocess.run(["node", "-e", script], input=json.dumps(cases),
                          capture_output=True, text=True, timeout=120, check=True)
    return json.loads(proc.stdout)


def quickjs_outputs(cases: list[dict], util_name: str = "util") -> list[str]:
    ctx = make_context(TEST_BINDINGS)
    ctx.set("__runnerSrc", RUNNER)
    ctx.set("__casesJson", json.dumps(cases))
    ctx.set("__utilName", util_name)
    ctx.eval(_POST_BOOT)
    ctx.eval(_QJS_MAIN)
    run_jobs(ctx)
    while ctx.eval("__fireTimer()"):
        run_jobs(ctx)
    return json.loads(ctx.eval("globalThis.__out"))


def regenerate(name: str) -> None:
    mod = __import__(f"prelude_data.{name}_cases", fromlist=["cases"])
    cases = mod.cases()
    outs = node_outputs(cases)
    known = getattr(mod, "KNOWN", {})
    key = lambda c: (c["src"], c.get("opts"))  # noqa: E731
    known = {(k if isinstance(k, tuple) else (k, None)): v for k, v in known.items()}
    data = [dict(c, expected=o, **({"known": known[key(c)]} if key(c) in known else {}))
            for c, o in zip(cases, outs)]
    (HERE / f"{name}_expected.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    print(f"{name}: {len(data)} cases")


if __name__ == "__main__":
    for n in sys.argv[1:]:
        regenerate(n)


def load_expected(name: str) -> list[dict]:
    return json.loads((HERE / f"{name}_expected.json").read_text())


def strip(data: list[dict]) -> list[dict]:
    return [{k: v for k, v in d.items() if k not in ("expected", "known")} for d in data]


def case_id(d: dict) -> str:
    return f"{d['kind']}:{d['src'][:60]}{':' + d['opts'] if 'opts' in d else ''}"
