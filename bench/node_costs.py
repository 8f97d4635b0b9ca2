"""Node's own start-up costs, measured on the real `node` here (SEMANTICS §3.9).

    python bench/node_costs.py [--runs N] [--race-runs N] [--kernel-runs N] [--json]

Every figure comes from fresh `node FILE.js` processes started the way the
conformance test starts them (`env -i PATH=/usr/bin:/bin`, stdout a pipe),
each FILE.js a main module written to a temporary directory.

1. the first `console.log` of a main module, and what part of it is the lazy
   `process.stdout` getter (the stream is created on first access);
2. a later `console.log` (the 2nd, and the median of the 3rd to 12th);
3. each builtin `require(...)`, first call vs cached second call, one
   process per module so every first call is a first call;
4. how often `setTimeout(fn, 0)` runs before `setImmediate(fn)` in the main
   module: nothing logged, the first `console.log` before scheduling the pair,
   after it (between the scheduling and the loop), and before and after;
5. counting-loop kernels on node vs the same JS in QuickJS-ng through Python
   (`pip install quickjs-ng`), the engine-to-node factor per kernel.
6. a worker_threads Worker beside a child_process.fork child: `new Worker()`
   itself (the first of a process, then a second one), from it to 'online', to
   the Worker's first message, from that message (the Worker's script ends) to
   'exit', and the RSS the Worker adds; fork() itself, to the child's first IPC
   message, and the child's own RSS. `--only workers` measures only this.

`--snippets` adds (4) on public snippets: bench/race_snippets/ (puzzles whose
first console.log comes BEFORE the setTimeout call) and, for contrast, the
conformance scripts whose first log comes after it.

(1)-(3) are timed inside node with `process.hrtime.bigint()`; each process also
times an empty `hrtime` pair (the baseline: what the clock itself costs) and
each row shows median, quartiles, ratio to that baseline and the share of the
1 ms that `setTimeout(fn, 0)` waits.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

NODE = shutil.which("node")
ENV = {"PATH": "/usr/bin:/bin"}
MODULES = ["events", "util", "fs", "path", "timers/promises", "crypto", "dns", "zlib", "child_process", "net"]

CONSOLE_JS = """
const h = process.hrtime.bigint;
const a = h(); const b = h();
const t0 = h(); console.log('first'); const t1 = h(); console.log('second'); const t2 = h();
const later = [];
for (let i = 0; i < 10; i++) { const s = h(); console.log('later', i); later.push(Number(h() - s)); }
later.sort((x, y) => x - y);
console.log(JSON.stringify({ empty: Number(b - a), first: Number(t1 - t0), second: Number(t2 - t1),
  later: (later[4] + later[5]) / 2 }));
"""

STDOUT_JS = """
const h = process.hrtime.bigint;
const a = h(); const b = h();
const t0 = h(); process.stdout; const t1 = h(); console.log('first'); const t2 = h();
console.log(JSON.stringify({ empty: Number(b - a), getter: Number(t1 - t0), first_after_getter: Number(t2 - t1) }));
"""

REQUIRE_JS = """
const h = process.hrtime.bigint;
const a = h(); const b = h();
const t0 = h(); require(%(mod)s); const t1 = h(); require(%(mod)s); const t2 = h();
console.log(JSON.stringify({ empty: Number(b - a), first: Number(t1 - t0), cached: Number(t2 - t1) }));
"""

RACE = {
    "nothing logged": "setTimeout(() => console.log('timeout'), 0);\nsetImmediate(() => console.log('immediate'));\n",
    "first log BEFORE the pair": "console.log('x');\nsetTimeout(() => console.log('timeout'), 0);\n"
                                 "setImmediate(() => console.log('immediate'));\n",
    "first log AFTER the pair": "setTimeout(() => console.log('timeout'), 0);\nsetImmediate(() => console.log('immediate'));\n"
                                "console.log('x');\n",
    "first log before, 2nd after": "console.log('x');\nsetTimeout(() => console.log('timeout'), 0);\n"
                                   "setImmediate(() => console.log('immediate'));\nconsole.log('y');\n",
}

KERNELS = {
    "empty loop 1e7": "for (let i = 0; i < 1e7; i++) {}",
    "string concat 1e6": "let s = ''; for (let i = 0; i < 1e6; i++) { s += 'x'; } if (s.length !== 1e6) throw 0;",
    "array push 1e6": "const a = []; for (let i = 0; i < 1e6; i++) { a.push(i); } if (a.length !== 1e6) throw 0;",
    "object fields 1e6": "let o = { n: 0 }; for (let i = 0; i < 1e6; i++) { o.n += i & 7; } if (o.n < 0) throw 0;",
}

ROOT = pathlib.Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "bench" / "race_snippets"
CONFORMANCE = ROOT / "tests" / "conformance"
# script -> (the main-module timeout's line, the main-module immediate's line)
SNIPPET_MARKERS = {
    SNIPPETS / "log_before_danny_whyte_phases.js": ("timeout 3", "set immediate 2"),
    SNIPPETS / "log_before_gist_ackuser_timeout_10.js": ("TIMEOUT 1", "IMMEDIATE 1"),
    SNIPPETS / "log_before_habr_timeout_immediate.js": ("setTimeout", "setImmediate"),
    SNIPPETS / "log_before_itlead_quick_example.js": ("setTimeout", "setImmediate"),
    SNIPPETS / "log_before_learn_nexttick_order_of_events.js": ("The timeout running last => number 4",
                                                                "Running before the timeout => number 3"),
    SNIPPETS / "log_before_leyaa_start_end.js": ("timeout", "immediate"),
    SNIPPETS / "log_before_shaoshing_main_and_io.js": ("setTimeout in main", "setImmediate in main"),
    CONFORMANCE / "quiz_log_first_textbook_nexttick_js.js": ("timeout", "immediate"),
    CONFORMANCE / "quiz_log_first_harveyz_gist.js": ("timeout", "immediate"),
    CONFORMANCE / "quiz_log_first_gist_run_function.js": (" I am setTimeout", "I am setImmediate"),
    CONFORMANCE / "quiz_log_first_stackoverflow_tutorialdocs.js": ("1", "2"),
    CONFORMANCE / "quiz_log_first_code123_korean.js": ("setTimeout 0", "setImmediate"),
}

WORKER_JS = """
const { Worker, isMainThread, parentPort } = require('worker_threads');
const h = process.hrtime.bigint;
if (isMainThread) {
  const rss0 = process.memoryUsage().rss;
  const t0 = h(); const w = new Worker(__filename); const t1 = h();
  let online = 0n;
  w.on('online', () => { online = h(); });
  w.once('message', () => {
    const msg = h(); const rss1 = process.memoryUsage().rss;
    w.on('exit', () => {
      const ex = h();
      const s0 = h(); const w2 = new Worker(__filename); const s1 = h();
      w2.once('message', () => {});
      w2.on('exit', () => console.log(JSON.stringify({ ctor: Number(t1 - t0), online: Number(online - t0),
        msg: Number(msg - t0), exit: Number(ex - msg), rss: rss1 - rss0, ctor2: Number(s1 - s0) })));
    });
  });
} else {
  parentPort.postMessage('up');
}
"""

FORK_JS = """
const { fork } = require('child_process');
const h = process.hrtime.bigint;
if (process.send === undefined) {
  const t0 = h(); const c = fork(__filename); const t1 = h();
  c.once('message', (m) => {
    const t2 = h();
    c.on('exit', () => console.log(JSON.stringify({ ctor: Number(t1 - t0), msg: Number(t2 - t0), rss: m.rss })));
    c.disconnect();
  });
} else {
  process.send({ rss: process.memoryUsage().rss });
}
"""

NODE_KERNEL_JS = """
const h = process.hrtime.bigint;
function kernel() { %(body)s }
const t0 = h(); kernel(); const t1 = h();
console.log(JSON.stringify({ ns: Number(t1 - t0) }));
"""


def run_node(path: pathlib.Path) -> str:
    r = subprocess.run([NODE, path.name], cwd=path.parent, env=ENV, capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise RuntimeError(f"{path.name}: exit {r.returncode}: {r.stderr[-300:]}")
    return r.stdout


def last_json(out: str) -> dict:
    return json.loads(out.strip().splitlines()[-1])


def stats(xs: list[float]) -> dict:
    xs = sorted(xs)
    q = statistics.quantiles(xs, n=4) if len(xs) >= 2 else [xs[0]] * 3
    return {"median": statistics.median(xs), "q1": q[0], "q3": q[2], "n": len(xs)}


def collect(tmp: pathlib.Path, name: str, src: str, runs: int) -> list[dict]:
    p = tmp / f"{name}.js"
    p.write_text(src)
    return [last_json(run_node(p)) for _ in range(runs)]


def measure_inside(tmp: pathlib.Path, runs: int) -> list[dict]:
    """Rows for (1)-(3): label, stats in µs, baseline stats."""
    rows = []
    recs = collect(tmp, "console_cost", CONSOLE_JS, runs)
    base = stats([r["empty"] / 1000 for r in recs])
    for key, label in (("first", "1. first console.log (main module)"), ("second", "2. second console.log"),
                       ("later", "2. later console.log (median of 3rd-12th)")):
        rows.append({"what": label, **stats([r[key] / 1000 for r in recs]), "baseline": base["median"]})
    recs = collect(tmp, "stdout_getter", STDOUT_JS, runs)
    base = stats([r["empty"] / 1000 for r in recs])
    rows.append({"what": "1a. first process.stdout access (lazy getter)", **stats([r["getter"] / 1000 for r in recs]),
                 "baseline": base["median"]})
    rows.append({"what": "1b. first console.log once stdout exists", **stats([r["first_after_getter"] / 1000 for r in recs]),
                 "baseline": base["median"]})
    for mod in MODULES:
        recs = collect(tmp, "require_" + mod.replace("/", "_"), REQUIRE_JS % {"mod": json.dumps(mod)}, runs)
        base = stats([r["empty"] / 1000 for r in recs])
        rows.append({"what": f"3. require('{mod}') first", **stats([r["first"] / 1000 for r in recs]),
                     "baseline": base["median"]})
        rows.append({"what": f"3. require('{mod}') cached", **stats([r["cached"] / 1000 for r in recs]),
                     "baseline": base["median"]})
    return rows


def measure_race(tmp: pathlib.Path, runs: int) -> list[dict]:
    rows = []
    for i, (label, src) in enumerate(RACE.items()):
        p = tmp / f"race_{i}.js"
        p.write_text(src)
        first = 0
        for _ in range(runs):
            lines = [ln for ln in run_node(p).splitlines() if ln in ("timeout", "immediate")]
            first += lines[0] == "timeout"
        rows.append({"what": label, "timeout_first": first, "runs": runs})
    return rows


def measure_snippets(runs: int) -> list[dict]:
    rows = []
    for path, (t_line, i_line) in SNIPPET_MARKERS.items():
        first = 0
        for _ in range(runs):
            lines = run_node(path).splitlines()
            first += lines.index(t_line) < lines.index(i_line)
        rows.append({"what": str(path.relative_to(ROOT)), "timeout_first": first, "runs": runs})
    return rows


def measure_kernels(tmp: pathlib.Path, runs: int) -> list[dict]:
    try:
        import quickjs  # quickjs-ng's module name
    except ImportError:
        quickjs = None
    rows = []
    for i, (label, body) in enumerate(KERNELS.items()):
        recs = collect(tmp, f"kernel_{i}", NODE_KERNEL_JS % {"body": body}, runs)
        node_ms = stats([r["ns"] / 1e6 for r in recs])
        row = {"what": label, "node_ms": node_ms}
        if quickjs is not None:
            times = []
            for _ in range(runs):
                ctx = quickjs.Context()
                ctx.eval(f"function kernel() {{ {body} }}")
                t0 = time.perf_counter()
                ctx.eval("kernel()")
                times.append((time.perf_counter() - t0) * 1000)
            row["qjs_ms"] = stats(times)
            row["factor"] = row["qjs_ms"]["median"] / node_ms["median"]
        rows.append(row)
    return rows


def measure_workers(tmp: pathlib.Path, runs: int) -> list[dict]:
    """(6): Worker and fork costs, ms (RSS in MiB)."""
    recs = collect(tmp, "worker_cost", WORKER_JS, runs)
    ms = lambda key: stats([r[key] / 1e6 for r in recs])  # noqa: E731
    rows = [
        {"what": "6. new Worker() itself, the first of a process (ms)", **ms("ctor")},
        {"what": "6. new Worker() itself, a second one (ms)", **ms("ctor2")},
        {"what": "6. new Worker() to 'online' (ms)", **ms("online")},
        {"what": "6. new Worker() to its first message (ms)", **ms("msg")},
        {"what": "6. its script done to 'exit' in the parent (ms)", **ms("exit")},
        {"what": "6. RSS a Worker adds (MiB)", **stats([r["rss"] / 1048576 for r in recs])},
    ]
    recs = collect(tmp, "fork_cost", FORK_JS, runs)
    rows += [
        {"what": "6. fork() itself (ms)", **stats([r["ctor"] / 1e6 for r in recs])},
        {"what": "6. fork() to the child's first IPC message (ms)", **stats([r["msg"] / 1e6 for r in recs])},
        {"what": "6. RSS of the forked child (MiB)", **stats([r["rss"] / 1048576 for r in recs])},
    ]
    return rows


def fmt_us(x: float) -> str:
    return f"{x:,.1f}" if x < 100 else f"{x:,.0f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=30, help="processes per (1)-(3) measurement (default 30)")
    ap.add_argument("--race-runs", type=int, default=100, help="processes per (4) variant (default 100)")
    ap.add_argument("--kernel-runs", type=int, default=5, help="runs per (5) kernel and engine (default 5)")
    ap.add_argument("--snippets", action="store_true", help="(4) also on public snippets (bench/race_snippets/ "
                    "and the conformance scripts that log after scheduling)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON instead of tables")
    ap.add_argument("--worker-runs", type=int, default=20, help="processes per (6) measurement (default 20)")
    ap.add_argument("--only", choices=("all", "workers"), default="all", help="'workers': (6) alone")
    args = ap.parse_args(argv)
    if NODE is None:
        print("node is not installed", file=sys.stderr)
        return 2
    version = subprocess.run([NODE, "--version"], capture_output=True, text=True).stdout.strip()
    cmd = "python bench/node_costs.py" + "".join(
        f" --{k.replace('_', '-')} {v}" for k, v in (("runs", args.runs), ("race_runs", args.race_runs),
                                                   ("kernel_runs", args.kernel_runs),
                                                   ("worker_runs", args.worker_runs))) + (" --snippets" if args.snippets else "")
    if args.only == "workers":
        with tempfile.TemporaryDirectory(prefix="node_costs_") as d:
            workers = measure_workers(pathlib.Path(d), args.worker_runs)
        if args.json:
            print(json.dumps({"node": version, "cpus": os.cpu_count(), "workers": workers}, indent=1))
            return 0
        print(f"node {version}, {os.cpu_count()} CPUs; rerun: python bench/node_costs.py --only workers "
              f"--worker-runs {args.worker_runs}\n")
        print_workers(workers, args.worker_runs)
        return 0
    with tempfile.TemporaryDirectory(prefix="node_costs_") as d:
        tmp = pathlib.Path(d)
        workers = measure_workers(tmp, args.worker_runs)
        inside = measure_inside(tmp, args.runs)
        race = measure_race(tmp, args.race_runs)
        snippets = measure_snippets(args.race_runs) if args.snippets else []
        kernels = measure_kernels(tmp, args.kernel_runs)
    if args.json:
        print(json.dumps({"node": version, "cpus": os.cpu_count(), "command": cmd,
                          "inside": inside, "race": race, "snippets": snippets, "kernels": kernels,
                          "workers": workers}, indent=1))
        return 0
    print(f"node {version}, {os.cpu_count()} CPUs, stdout a pipe; rerun: {cmd}\n")
    print(f"{'(1)-(3), µs per call, ' + str(args.runs) + ' processes':<46} {'median':>8} {'q1':>8} {'q3':>8} "
          f"{'x empty hrtime':>15} {'% of 1 ms':>10}")
    for r in inside:
        ratio = r["median"] / r["baseline"] if r["baseline"] else float("inf")
        print(f"{r['what']:<46} {fmt_us(r['median']):>8} {fmt_us(r['q1']):>8} {fmt_us(r['q3']):>8} "
              f"{ratio:>15,.0f} {r['median'] / 10:>9.1f}%")
    base = statistics.median(r["baseline"] for r in inside)
    print(f"{'(baseline: an empty hrtime.bigint() pair)':<46} {fmt_us(base):>8}")
    print(f"\n(4) setTimeout(0) before setImmediate in the main module, {args.race_runs} processes each")
    for r in race:
        print(f"  {r['what']:<32} {r['timeout_first']:>4} / {r['runs']}")
    if snippets:
        print(f"\n(4) on public snippets, {args.race_runs} processes each: timeout first")
        for r in snippets:
            print(f"  {r['what']:<70} {r['timeout_first']:>4} / {r['runs']}")
    print(f"\n(5) kernels, ms, median (q1-q3) of {args.kernel_runs}")
    print(f"  {'kernel':<20} {'node':>22} {'QuickJS-ng':>24} {'QuickJS / node':>15}")
    for r in kernels:
        n = r["node_ms"]
        q = r.get("qjs_ms")
        qs = f"{q['median']:.1f} ({q['q1']:.1f}-{q['q3']:.1f})" if q else "not installed"
        fs = (f"{r['factor']:.1f}x" if r["factor"] < 10 else f"{r['factor']:,.0f}x") if q else "-"
        print(f"  {r['what']:<20} {n['median']:>8.2f} ({n['q1']:.2f}-{n['q3']:.2f}) {qs:>24} {fs:>15}")
    print()
    print_workers(workers, args.worker_runs)
    return 0


def print_workers(rows: list[dict], runs: int) -> None:
    print(f"(6) a Worker beside a forked child, median (q1-q3) of {runs} processes")
    for r in rows:
        print(f"  {r['what']:<56} {r['median']:>8.2f} ({r['q1']:.2f}-{r['q3']:.2f})")


if __name__ == "__main__":
    sys.exit(main())
