"""Promises as ECMA-262 defines them; every reaction is a job on the model's microtask queue.

PerformPromiseThen, the resolving functions with thenable adoption
(NewPromiseResolveThenableJob: one extra job, then the `then` call's own
reaction), PromiseResolve for `await` (a native promise is awaited as is:
one job per await, as V8 does since the 2019 await optimisation).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from tui.core.script.errors import JSThrow
from tui.core.script.values import UNDEFINED, Closure, JSFunction, JSObject, Native

if TYPE_CHECKING:
    from tui.core.script.interp import Interpreter


class JSPromise(JSObject):
    __slots__ = ("state", "value", "reactions", "handled")

    def __init__(self, proto) -> None:
        super().__init__(proto, None, "Promise")
        self.state = "pending"
        self.value: Any = UNDEFINED
        self.reactions: list = []   # (on_fulfilled, on_rejected, derived)
        self.handled = False


def _line_of(h) -> str:
    if isinstance(h, Closure):
        return f" (line {h.line})"
    return ""


class Promises:
    def __init__(self, interp: "Interpreter", enqueue: Callable[[Callable[[], None], str, Any], None]) -> None:
        self.interp = interp
        self.enqueue = enqueue   # (thunk, label, handler) → a microtask on the model's queue
        self.unhandled: list[JSPromise] = []

    def new(self) -> JSPromise:
        return JSPromise(self.interp.realm.promise_proto)

    # -- settling -----------------------------------------------------------------------------

    def fulfill(self, p: JSPromise, v) -> None:
        if p.state != "pending":
            return
        p.state, p.value = "fulfilled", v
        reactions, p.reactions = p.reactions, []
        for r in reactions:
            self._job(r[0], r[2], v, True)

    def reject(self, p: JSPromise, r) -> None:
        if p.state != "pending":
            return
        p.state, p.value = "rejected", r
        reactions, p.reactions = p.reactions, []
        if not reactions and not p.handled:
            self.unhandled.append(p)
        for re in reactions:
            self._job(re[1], re[2], r, False)

    def resolve(self, p: JSPromise, x) -> None:
        """The resolve function's steps (without its already-resolved guard)."""
        if p.state != "pending":
            return
        if x is p:
            return self.reject(p, self.interp.make_error("TypeError", "Chaining cycle detected for promise #<Promise>"))
        if not isinstance(x, JSObject):
            return self.fulfill(p, x)
        try:
            then = self.interp.get_prop(x, "then")
        except JSThrow as e:
            return self.reject(p, e.value)
        if not isinstance(then, JSFunction):
            return self.fulfill(p, x)

        def thenable_job():
            res, rej = self.resolving_functions(p)
            try:
                self.interp.call(then, x, [res, rej])
            except JSThrow as e:
                self.interp.call(rej, UNDEFINED, [e.value])

        self.enqueue(thenable_job, "Promise resolve thenable", None)

    def resolving_functions(self, p: JSPromise) -> tuple[Native, Native]:
        done = [False]
        fp = self.interp.realm.function_proto

        def res(this, args):
            if not done[0]:
                done[0] = True
                self.resolve(p, args[0] if args else UNDEFINED)
            return UNDEFINED

        def rej(this, args):
            if not done[0]:
                done[0] = True
                self.reject(p, args[0] if args else UNDEFINED)
            return UNDEFINED

        return Native(fp, "", res), Native(fp, "", rej)

    # -- reactions ------------------------------------------------------------------------------

    def then(self, p: JSPromise, on_ful, on_rej, derived: JSPromise | None) -> None:
        """PerformPromiseThen. Handlers are JS functions, Python callables, or None (pass through)."""
        if not callable(on_ful) and not isinstance(on_ful, JSFunction):
            on_ful = None
        if not callable(on_rej) and not isinstance(on_rej, JSFunction):
            on_rej = None
        if p.state == "pending":
            p.reactions.append((on_ful, on_rej, derived))
        elif p.state == "fulfilled":
            self._job(on_ful, derived, p.value, True)
        else:
            if not p.handled and p in self.unhandled:
                self.unhandled.remove(p)
            self._job(on_rej, derived, p.value, False)
        p.handled = True

    def _job(self, handler, derived: JSPromise | None, arg, ok: bool) -> None:
        interp = self.interp

        def job():
            if handler is None:
                result, good = arg, ok
            else:
                try:
                    if isinstance(handler, JSFunction):
                        result = interp.call(handler, UNDEFINED, [arg])
                    else:
                        result = handler(arg)
                    good = True
                except JSThrow as e:
                    result, good = e.value, False
            if derived is not None:
                if good:
                    self.resolve(derived, result)
                else:
                    self.reject(derived, result)

        label = "await" if callable(handler) and not isinstance(handler, JSFunction) else "Promise.then"
        self.enqueue(job, label + _line_of(handler), handler)

    def promise_resolve(self, x) -> JSPromise:
        if isinstance(x, JSPromise):
            return x
        p = self.new()
        self.resolve(p, x)
        return p

    def await_value(self, x, ok: Callable, fail: Callable) -> None:
        self.then(self.promise_resolve(x), ok, fail, None)

    def js_then(self, p: JSPromise, on_ful, on_rej) -> JSPromise:
        d = self.new()
        self.then(p, on_ful if isinstance(on_ful, JSFunction) else None,
                  on_rej if isinstance(on_rej, JSFunction) else None, d)
        return d

    def settled_promise(self, value, ok: bool) -> JSPromise:
        p = self.new()
        if ok:
            self.resolve(p, value)
        else:
            self.reject(p, value)
        return p
