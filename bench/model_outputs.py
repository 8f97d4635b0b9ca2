"""Every observable output of the model, written to a directory, to diff two versions.

    python bench/model_outputs.py OUT_DIR [--root TREE] [--jobs 2]
    diff -r before/ after/        # a change that must not change the model: no output

For a speed-up of the model the timeline must stay byte for byte what it was:
run this on the old tree and on the new one (`--root` picks the tree whose
`tui` runs) and diff the two directories. It writes, one file each:

- the headless lab (`python -m tui --headless --sim ...`) as text, `--json`,
  `--summary` and `--summary --json` (wall-clock figures blanked) for the
  README's specs, the lab tests' specs, pool sizes 1-16, seeds, costs, files
  that fail, a FIFO that blocks, /dev/zero;
- every script in tests/conformance/: its output, its `--json` timeline and
  its `--trace` file;
- in-process runs: every event of tasks that fire more tasks from their
  callbacks (as bench/model.py does), a snapshot after every step() and every
  UI frame, run(until) and run(max_steps), cancel of queued jobs.

Fixtures (a FIFO, big files) live in `--fixtures` (same path for both trees:
labels print it). Takes a minute or two per tree.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import glob
import hashlib
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def make_fixtures(d: str) -> None:
    os.makedirs(d, exist_ok=True)
    if not os.path.exists(os.path.join(d, "fifo")):
        os.mkfifo(os.path.join(d, "fifo"))
    for name, size in (("big.bin", 3_000_000), ("mib.bin", 1048576)):
        p = os.path.join(d, name)
        if not os.path.exists(p) or os.path.getsize(p) != size:
            with open(p, "wb") as f:
                f.write(b"\0" * size)


def cli_cases(root: str, fx: str) -> list[tuple[str, list[str]]]:
    cases = []

    def lab(name, *args, modes=("text", "json", "sum", "sumjson")):
        for m in modes:
            extra = {"text": [], "json": ["--json"], "sum": ["--summary"], "sumjson": ["--summary", "--json"]}[m]
            cases.append((f"lab-{name}-{m}", ["--headless", "--sim", *args, *extra]))

    def fire(*specs):
        return [x for s in specs for x in ("--fire", s)]

    lab("pbkdf2x5", *fire("pbkdf2x5"))
    lab("readme2", "--pool-size", "4", *fire("lookupx4:example.com", "pbkdf2x2"))
    lab("readme3", "--pool-size", "1", *fire("readFile:/etc/services", "stat:/"))
    lab("readme4", *fire("pbkdf2x4", "block:800"))
    lab("stat2000", *fire("statx2000:/"), modes=("json", "sum", "sumjson"))
    for n in (1, 2, 3, 4, 8):
        lab(f"lookupx8-p{n}", "--pool-size", str(n), *fire("lookupx8"))
    lab("hostname-timeout", *fire("readFile:/etc/hostname", "timeout:5"))
    lab("missing", *fire(f"readFile:{fx}/missing"))
    for s in (7, 8):
        lab(f"seed{s}", "--seed", str(s), *fire("pbkdf2x5", "lookupx3"))
    lab("stat", *fire("stat:/"))
    lab("until100", "--until", "100", *fire("pbkdf2"))
    lab("until3", "--until", "3", *fire("pbkdf2x10:1000", "readFilex5:/etc/hostname", "timeoutx3:1"))
    lab("big", *fire(f"readFile:{fx}/big.bin", f"readFile:{fx}/mib.bin"))
    lab("devnull-zero", *fire("readFile:/dev/null", "readFile:/dev/zero"), modes=("json", "sumjson"))
    lab("dir", *fire("readFile:/", "readFile:/tmp"))
    lab("fifo", *fire(f"readFile:{fx}/fifo", "pbkdf2x3:100"))
    lab("gzip", *fire("gzip:/etc/services", f"gzip:{fx}/big.bin"))
    lab("net", *fire("netx3", "resolvex2:example.com", "resolve:x.invalid"))
    lab("lookups", *fire("lookup:localhost", "lookup:127.0.0.1", "lookup:::1", "lookup:foo.invalid",
                         "lookupx3:a.example"))
    lab("timers", *fire("timeout:0", "timeout:-1", "timeout:1.5", "intervalx2:3", "immediatex3", "nextTickx3",
                        "promisex3"))
    lab("fork", *fire("fork", "fork:50", "pbkdf2x2"))
    lab("p1-1000", *fire("pbkdf2x1000:1"), modes=("json", "sumjson"))
    lab("lk-1000", *fire("lookupx1000"), modes=("json", "sumjson"))
    lab("rf-300", *fire("readFilex300:/etc/hostname"), modes=("json", "sumjson"))
    mix = fire("readFilex50:/etc/hostname", "lookupx20", "pbkdf2x30:1000", "statx20:/", "timeoutx10:1",
               "immediatex5", "nextTickx5", "promisex5", "netx3", "resolvex2", "gzipx3:/etc/services",
               "lookupx4:localhost", "block:3", "fork")
    for p in (1, 2, 3, 4, 7, 16):
        for s in (1, 2, 3):
            lab(f"mix-p{p}-s{s}", "--pool-size", str(p), "--seed", str(s), *mix,
                modes=("text", "json", "sum", "sumjson") if (p, s) == (4, 1) else ("json", "sumjson"))
    lab("mix-zero", "--cost", "callback=0", "--cost", "internal=0", "--cost", "main_op=0", *mix,
        modes=("json", "sumjson"))
    lab("mix-nojit", "--cost", "jitter=0", *mix, modes=("json", "sumjson"))
    lab("mix-slowcb", "--cost", "callback=0.4", "--cost", "internal=0.3", "--pool-size", "2", *mix,
        modes=("json", "sumjson"))
    for js in sorted(glob.glob(os.path.join(root, "tests/conformance/*.js"))):
        b, rel = os.path.basename(js), os.path.relpath(js, root)
        cases.append((f"js-{b}-out", ["--headless", rel]))
        cases.append((f"js-{b}-json", ["--headless", rel, "--json"]))
        cases.append((f"js-{b}-trace", ["--headless", rel, "--trace", "TRACE"]))
    return cases


def run_cli(root: str, out: str, name: str, args: list[str]) -> None:
    trace = os.path.join(out, name + ".trace")
    args = [trace if a == "TRACE" else a for a in args]
    r = subprocess.run([sys.executable, "-m", "tui", *args], cwd=root, capture_output=True, text=True, timeout=600)
    text = r.stdout
    # wall-clock figures differ on every run
    text = re.sub(r'"wall_s": [0-9.e-]+, "jobs_per_s": [0-9.e+-]+', '"wall_s": X, "jobs_per_s": X', text)
    text = re.sub(r"model, [0-9.]+ s wall(, [0-9,.]+ pool jobs/s)?", "model, X wall", text)
    text = text.replace(root, "ROOT")
    if os.path.exists(trace):
        with open(trace) as f:
            t = f.read().replace(root, "ROOT")
        with open(trace, "w") as f:
            f.write(t)
    with open(os.path.join(out, name), "w") as f:
        f.write(f"rc={r.returncode}\n{text}\n--stderr--\n{r.stderr.replace(root, 'ROOT')}")


# -- in process (run by a child: python bench/model_outputs.py --inproc ROOT OUT FIXTURES) ------

def inproc(root: str, out: str, fx: str) -> None:
    sys.path.insert(0, root)
    from tui.core.driver import SimDriver
    from tui.core.ops import NodeAPI
    from tui.core.runtime import Runtime
    from tui.core.sim_work import SimWork

    def listen(rt, lines):
        rt.events.subscribe(lambda e: lines.append(json.dumps(e.to_dict(), sort_keys=True)))

    def state(rt):
        lp, p = rt.loop, rt.pool
        return (f"count {rt.events.count} done {p.done} failed {p.failed} iter {lp.iteration} "
                f"cbs {lp.callbacks_run} now {rt.clock.now()!r} wait {p.wait_total!r} run {p.run_total!r} "
                f"tc {rt.task_counts} delay {lp.delay_last!r} {lp.delay_max!r} blocked {lp.blocked_ms!r}\n"
                + repr(rt.snapshot()))

    def chained(kinds, pool, tasks, inflight, costs=None):
        rt = Runtime(pool, work=SimWork(1, costs))
        lines = []
        listen(rt, lines)
        api = NodeAPI(rt)
        fires = {"pbkdf2": lambda cb: api.pbkdf2(1, cb), "lookup": lambda cb: api.lookup("example.com", cb),
                 "lookuplocal": lambda cb: api.lookup("localhost", cb),
                 "readFile": lambda cb: api.read_file("/etc/hostname", cb),
                 "readBig": lambda cb: api.read_file(f"{fx}/big.bin", cb), "stat": lambda cb: api.stat("/", cb),
                 "timeout": lambda cb: api.set_timeout(1, cb), "immediate": lambda cb: api.set_immediate(cb),
                 "tick": lambda cb: api.next_tick(cb), "promise": lambda cb: api.promise_then(cb),
                 "gzip": lambda cb: api.gzip("/etc/services", cb)}
        left, n = [tasks], [0]

        def fire(cb):
            fires[kinds[n[0] % len(kinds)]](cb)
            n[0] += 1

        def next_one(err=None, result=None):
            if left[0] > 0:
                left[0] -= 1
                fire(next_one)

        def main():
            for _ in range(min(inflight, tasks)):
                left[0] -= 1
                fire(next_one)

        rt.start(main)
        lines.append(rt.run())
        lines.append(state(rt))
        return lines

    def mix(pool, seed, costs=None):
        rt = Runtime(pool, work=SimWork(seed, costs))
        api = NodeAPI(rt)

        def main():
            for _ in range(6):
                api.pbkdf2(1000)
            for _ in range(5):
                api.lookup("example.com")
            api.lookup("localhost"), api.lookup("127.0.0.1"), api.lookup("x.invalid")
            for _ in range(4):
                api.read_file("/etc/hostname", lambda e, r: api.next_tick())
            api.read_file(f"{fx}/big.bin"), api.read_file("/nonexistent"), api.stat("/")
            api.set_timeout(1, lambda e, r: api.set_immediate()), api.set_timeout(0), api.set_timeout(5)
            api.set_interval(2)
            api.set_immediate(lambda e, r: api.promise_then()), api.next_tick(), api.promise_then()
            api.net_request(), api.resolve("example.com"), api.fork(None, 3), api.gzip("/etc/services")
            api.block(2)
            api.cancel(api.pbkdf2(10))

        rt.start(main)
        return rt

    def digest(rt):
        return hashlib.md5(repr(rt.snapshot()).encode()).hexdigest()

    def stepwise(pool, seed, costs=None):
        rt = mix(pool, seed, costs)
        lines = []
        listen(rt, lines)
        d = SimDriver(rt)
        while d.step():
            lines.append(f"t={rt.clock.now()!r} {digest(rt)}")
        return lines + [state(rt)]

    def framewise(pool, seed, frame, costs=None):
        rt = mix(pool, seed, costs)
        lines = []
        listen(rt, lines)
        d = SimDriver(rt)
        for _ in range(4000):
            d.advance(frame)
            lines.append(digest(rt))
            if rt.done:
                break
        return lines + [state(rt)]

    def partial_runs(pool):
        rt = mix(pool, 1)
        lines = []
        listen(rt, lines)
        for until in (0.5, 1, 1.7, 3, 10, 30, 60, 200):
            lines += [rt.run(until=until), state(rt)]
        for _ in range(5):
            lines += [rt.run(max_steps=7), state(rt)]
        rt.shutdown()
        return lines + [rt.run(), state(rt)]

    def cancel_mid(pool):
        rt = Runtime(pool, work=SimWork(3))
        api = NodeAPI(rt)
        lines = []
        listen(rt, lines)
        rt.start(lambda: ([api.read_file("/etc/hostname") for _ in range(20)],
                          [api.lookup("example.com") for _ in range(10)]))
        rt.run(until=0.2)
        lines.append(str(rt.cancel_queued()))
        return lines + [rt.run(), state(rt)]

    cases = {}
    for kinds in (["pbkdf2"], ["lookup"], ["readFile"], ["lookup", "pbkdf2", "readFile", "stat"],
                  ["readBig", "lookuplocal", "timeout", "immediate", "tick", "promise", "gzip", "pbkdf2"]):
        for pool in (1, 2, 3, 4, 8):
            for inflight in (1, 7, 50):
                cases[f"chain-{'+'.join(kinds)}-p{pool}-i{inflight}"] = (
                    lambda k=kinds, p=pool, i=inflight: chained(k, p, 300, i))
    mixed = ["pbkdf2", "readFile", "lookup"]
    cases["chain-zero-costs"] = lambda: chained(mixed, 4, 300, 20, {"callback": 0, "internal": 0})
    cases["chain-nojitter"] = lambda: chained(mixed, 3, 300, 20, {"jitter": 0})
    cases["chain-slowcb"] = lambda: chained(mixed, 3, 300, 20, {"callback": 0.5, "internal": 0.2})
    for pool in (1, 2, 4, 5):
        for seed in (1, 2):
            cases[f"step-p{pool}-s{seed}"] = lambda p=pool, s=seed: stepwise(p, s)
            cases[f"frame-p{pool}-s{seed}"] = lambda p=pool, s=seed: framewise(p, s, 0.37)
        cases[f"partial-p{pool}"] = lambda p=pool: partial_runs(p)
        cases[f"cancel-p{pool}"] = lambda p=pool: cancel_mid(p)
    cases["step-zero"] = lambda: stepwise(4, 1, {"callback": 0, "internal": 0, "main_op": 0})
    cases["frame-zero"] = lambda: framewise(4, 1, 1.0, {"callback": 0, "internal": 0})
    cases["frame-big"] = lambda: framewise(3, 1, 16.0)
    for name, fn in cases.items():
        with open(os.path.join(out, "inproc-" + name), "w") as f:
            f.write("\n".join(map(str, fn())) + "\n")


def main() -> None:
    if sys.argv[1:2] == ["--inproc"]:
        return inproc(*sys.argv[2:5])
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--root", default=os.path.dirname(HERE), help="the tree whose model runs (default: this one)")
    ap.add_argument("--fixtures", default="/tmp/ptview-model-outputs")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    a = ap.parse_args()
    root, out = os.path.abspath(a.root), os.path.abspath(a.out)
    os.makedirs(out, exist_ok=True)
    make_fixtures(a.fixtures)
    cases = cli_cases(root, a.fixtures)
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        child = ex.submit(subprocess.run, [sys.executable, os.path.abspath(__file__), "--inproc", root, out,
                                           a.fixtures], check=True)
        for f in [ex.submit(run_cli, root, out, name, args) for name, args in cases]:
            f.result()
        child.result()
    print(f"{len(os.listdir(out))} files in {out}")


if __name__ == "__main__":
    main()
