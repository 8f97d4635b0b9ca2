"""Test-only CommonJS loader for the JS prelude (tui/core/script/prelude).

The real loader belongs to the engine host; this one only evaluates each
prelude file wrapped as ``(function (exports, require, module, internalBinding) {...})``
inside a bare QuickJS context, so the modules can be tested on their own.
"""
from __future__ import annotations

import json
from pathlib import Path

import quickjs

PRELUDE = Path(__file__).resolve().parent.parent / "tui" / "core" / "script" / "prelude"

_BOOT = r"""
(function () {
  const cache = Object.create(null);
  const sources = globalThis.__preludeSources;
  const bindings = globalThis.__bindings || {};
  function internalBinding(name) { return bindings[name]; }
  function require(name) {
    if (name.startsWith('node:')) name = name.slice(5);
    if (cache[name]) return cache[name].exports;
    const src = sources[name];
    if (src === undefined) throw new Error("Cannot find module '" + name + "'");
    const module = { exports: {}, id: name };
    cache[name] = module;
    const fn = (0, eval)('(function (exports, require, module, internalBinding) {' + src + '\n})\n//# sourceURL=' + name + '.js');
    fn.call(module.exports, module.exports, require, module, internalBinding);
    return module.exports;
  }
  globalThis.require = require;
})();
"""


def sources() -> dict[str, str]:
    return {
        str(p.relative_to(PRELUDE).with_suffix("")): p.read_text()
        for p in PRELUDE.rglob("*.js")
    }


def make_context(bindings_js: str | None = None) -> quickjs.Context:
    ctx = quickjs.Context()
    ctx.set("__preludeSources_json", json.dumps(sources()))
    ctx.eval("globalThis.__preludeSources = JSON.parse(__preludeSources_json)")
    if bindings_js:
        ctx.eval(bindings_js)
    ctx.eval(_BOOT)
    return ctx


def run_jobs(ctx: quickjs.Context) -> None:
    while ctx.execute_pending_job():
        pass
