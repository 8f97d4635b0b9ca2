"""Maintain tests/conformance/: record node's output, and the list of scripts pending the engine.

    python tests/conformance_tool.py record [--runs 20] NAME...   # NAME or NAME.js, in tests/conformance/
    python tests/conformance_tool.py pending [--write]            # what the current ptview misprints

`record` runs each script `--runs` times with node the way the test does
(`env -i PATH=/usr/bin:/bin node NAME.js` inside tests/conformance), plus once
with UV_THREADPOOL_SIZE=2 and once with 8, two scripts at a time (some load
on purpose); a script whose stdout or exit status is not the same in every
run is reported UNSTABLE and nothing is written for it; otherwise NAME.out
is written and the `// ptview-exit: N` header added or fixed.

`pending` runs `ptview --headless` on every script and prints PASS/FAIL with
the reason; with `--write` it rewrites conformance/PENDING_ENGINE.txt with
the failing scripts, and names any that were not listed before (a script that
used to pass and now fails is a regression, not something to list).
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import os
import pathlib
import re
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent / "conformance"
ROOT = HERE.parent.parent
PENDING = HERE / "PENDING_ENGINE.txt"


def _exit_code(src: str) -> int:
    m = re.search(r"ptview-exit: (\d+)", src)
    return int(m.group(1)) if m else 0


def _node(p: pathlib.Path, extra: dict | None = None) -> tuple[str, int]:
    env = {"PATH": "/usr/bin:/bin", **(extra or {})}
    r = subprocess.run(["node", p.name], cwd=HERE, capture_output=True, text=True, timeout=60, env=env)
    return r.stdout, r.returncode


def record_one(name: str, runs: int) -> tuple[str, str]:
    p = HERE / (name if name.endswith(".js") else name + ".js")
    res = [_node(p) for _ in range(runs)]
    res += [_node(p, {"UV_THREADPOOL_SIZE": "2"}), _node(p, {"UV_THREADPOOL_SIZE": "8"})]
    if len(set(res)) != 1:
        return p.stem, f"UNSTABLE ({len(set(res))} different outputs)"
    out, rc = res[0]
    p.with_suffix(".out").write_text(out)
    src = p.read_text()
    m = re.search(r"ptview-exit: (\d+)", src)
    if rc and not m:
        lines = src.split("\n")
        lines.insert(1, f"// ptview-exit: {rc}")
        p.write_text("\n".join(lines))
    elif m and int(m.group(1)) != rc:
        p.write_text(src.replace(m.group(0), f"ptview-exit: {rc}"))
    return p.stem, f"ok (exit {rc})"


def ptview_one(p: pathlib.Path) -> tuple[str, bool, str]:
    env = dict(os.environ)
    env.pop("UV_THREADPOOL_SIZE", None)
    code = "import sys; from tui.cli import main; sys.exit(main(['--headless', sys.argv[1]]))"
    try:
        r = subprocess.run([sys.executable, "-c", code, str(p)], capture_output=True, text=True,
                           timeout=120, env=env, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return p.stem, False, "timeout"
    ok = r.stdout == p.with_suffix(".out").read_text() and r.returncode == _exit_code(p.read_text())
    why = "" if ok else ((r.stderr.strip().splitlines() or ["output differs"])[-1][:120])
    return p.stem, ok, why


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("--runs", type=int, default=20)
    rec.add_argument("names", nargs="+")
    pen = sub.add_parser("pending")
    pen.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    if args.cmd == "record":
        bad = 0
        with cf.ThreadPoolExecutor(2) as ex:
            for name, verdict in ex.map(lambda n: record_one(n, args.runs), args.names):
                print(name, verdict)
                bad += verdict.startswith("UNSTABLE")
        return 1 if bad else 0
    scripts = sorted(HERE.glob("*.js"))
    with cf.ThreadPoolExecutor(2) as ex:
        res = list(ex.map(ptview_one, scripts))
    for name, ok, why in res:
        print("PASS" if ok else "FAIL", name, why)
    failing = [n for n, ok, _ in res if not ok]
    print(f"{len(res) - len(failing)} of {len(res)} print what node prints")
    if args.write:
        # Keep the header and each listed script's reason ("name  # why"); new ones get none.
        lines = PENDING.read_text().splitlines() if PENDING.exists() else []
        header = [ln for ln in lines if ln.startswith("#")]
        before = {ln.split("#")[0].strip(): ln for ln in lines if ln.strip() and not ln.startswith("#")}
        newly = [n for n in failing if n not in before]
        if newly:
            print("not listed before (regressions?):", " ".join(newly))
        PENDING.write_text("".join(ln + "\n" for ln in header + [before.get(n, n) for n in failing]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
