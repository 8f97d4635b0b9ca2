"""The tree-walking interpreter for the checked subset.

Evaluation is written as Python generators so that `await` can suspend an
async function anywhere inside an expression: an AwaitExpression yields the
awaited value up to the async function's driver, which resumes the
generator from a promise reaction (a microtask on the model's queue).
Synchronous calls run their generator to the end on the spot.

Every node evaluated is one step. Steps cost model time (the host charges
them to the loop thread) and are bounded by a budget.
"""

from __future__ import annotations

import math
from typing import Any

from tui.core.script.errors import BudgetExceeded, JSThrow, ScriptError, Unsupported
from tui.core.script.values import (HOLE, UNDEFINED, Bound, js_str, Buffer, Closure, JSArray, JSError, JSFunction, JSObject,
                                    Native, loose_equals, strict_equals, to_int32, to_key, to_number,
                                    to_str, to_uint32, truthy, typeof)

MAX_DEPTH = 400  # JS call depth; each JS frame is ~15-25 nested Python frames
_TDZ = object()


class Env:
    __slots__ = ("vars", "parent", "consts")

    def __init__(self, parent: "Env | None") -> None:
        self.vars: dict[str, Any] = {}
        self.parent = parent
        self.consts: set[str] | None = None

    def declare(self, name: str, value, const: bool = False) -> None:
        self.vars[name] = value
        if const:
            if self.consts is None:
                self.consts = set()
            self.consts.add(name)


class BreakSignal(Exception):
    pass


class ContinueSignal(Exception):
    pass


class ReturnSignal(Exception):
    def __init__(self, value) -> None:
        self.value = value


def _run_to_end(gen):
    try:
        gen.send(None)
    except StopIteration as s:
        return s.value
    raise ScriptError("await outside an async function")


class Interpreter:
    def __init__(self, source: str, budget: int) -> None:
        from tui.core.script.builtins import Realm

        self.source = source
        self.budget = budget
        self.steps = 0
        self.depth = 0
        self.current = None  # the statement being run: where a runtime refusal points
        self.top_fn: Closure | None = None  # the script function the loop entered last (for a code pane)
        self.realm = Realm(self)
        self.globals = Env(None)
        self.promises = None  # set by the host (it owns the microtask queue)
        self._ev = {}
        self._ex = {}
        for name in dir(self):
            if name.startswith("ev_"):
                self._ev[name[3:]] = getattr(self, name)
            elif name.startswith("ex_"):
                self._ex[name[3:]] = getattr(self, name)

    # -- errors ------------------------------------------------------------------------------

    def make_error(self, kind: str, message: str, **props) -> JSError:
        e = JSError(self.realm.error_protos[kind], message, kind)
        for k, v in props.items():
            e.props[k] = v
        return e

    def throw(self, kind: str, message: str):
        raise JSThrow(self.make_error(kind, message))

    def unsupported(self, what: str, node=None):
        node = node or self.current
        if node is not None:
            raise Unsupported(what, node.loc.start.line, node.loc.start.column + 1)
        raise Unsupported(what)

    def text(self, node) -> str:
        a, b = node.range
        s = self.source[a:b]
        return s if len(s) <= 40 else s[:37] + "..."

    # -- dispatch ----------------------------------------------------------------------------

    def ev(self, node, env):
        self.steps += 1
        if self.steps > self.budget:
            self._over(node)
        return self._ev[node.type](node, env)

    def ex(self, node, env):
        self.steps += 1
        if self.steps > self.budget:
            self._over(node)
        self.current = node
        return self._ex[node.type](node, env)

    def _over(self, node):
        raise BudgetExceeded(
            f"step budget of {self.budget:,} interpreter steps used up (an infinite loop?)",
            node.loc.start.line, node.loc.start.column + 1)

    # -- running the program -------------------------------------------------------------------

    def run_program(self, tree, this) -> None:
        env = Env(self.globals)
        env.declare("this", this)
        self.hoist(tree.body, env, True)
        self.top_fn = None
        self.depth += 1  # calls made by the main module are not loop entries
        try:
            _run_to_end(self.exec_list(tree.body, env))
        finally:
            self.depth -= 1

    def hoist(self, stmts, env: Env, function_scope: bool) -> None:
        if function_scope:
            for name in _var_names(stmts):
                if name not in env.vars:
                    env.vars[name] = UNDEFINED
        for s in stmts:
            t = s.type
            if t == "VariableDeclaration" and s.kind != "var":
                for d in s.declarations:
                    for name in _pattern_names(d.id):
                        env.vars[name] = _TDZ
            elif t == "FunctionDeclaration":
                env.vars[s.id.name] = self.make_closure(s, env, s.id.name)

    def exec_list(self, stmts, env):
        for s in stmts:
            yield from self.ex(s, env)

    # -- functions -------------------------------------------------------------------------------

    def make_closure(self, node, env, name: str = "") -> Closure:
        return Closure(self.realm.function_proto, node, env, name)

    def call(self, f, this, args: list):
        if isinstance(f, Native):
            return f.fn(this, args)
        if isinstance(f, Closure):
            if self.depth == 0:
                self.top_fn = f
            if f.is_async:
                return self.call_async(f, this, args)
            self.depth += 1
            try:
                if self.depth > MAX_DEPTH:
                    self.throw("RangeError", "Maximum call stack size exceeded")
                return _run_to_end(self.invoke(f, this, args))
            finally:
                self.depth -= 1
        if isinstance(f, Bound):
            return self.call(f.target, f.this_val, f.args + list(args))
        self.throw("TypeError", f"{to_str(f) if not isinstance(f, JSObject) else 'object'} is not a function")

    def invoke(self, f: Closure, this, args: list):
        node = f.node
        env = Env(f.env)
        if not f.arrow:
            env.vars["this"] = this
        params = node.params
        for i, p in enumerate(params):
            if p.type == "Identifier":
                env.vars[p.name] = args[i] if i < len(args) else UNDEFINED
            elif p.type == "RestElement":
                yield from self.bind(p.argument, JSArray(self.realm.array_proto, list(args[i:])), env, "let")
            else:
                yield from self.bind(p, args[i] if i < len(args) else UNDEFINED, env, "let")
        body = node.body
        if node.type == "ArrowFunctionExpression" and node.expression:
            return (yield from self.ev(body, env))
        self.hoist(body.body, env, True)
        try:
            yield from self.exec_list(body.body, env)
        except ReturnSignal as r:
            return r.value
        return UNDEFINED

    def call_async(self, f: Closure, this, args: list):
        p = self.promises.new()
        gen = self.invoke(f, this, args)
        self._resume(f, gen, p, None, False)
        return p

    def _resume(self, f: Closure, gen, p, value, is_throw: bool) -> None:
        if self.depth == 0:
            self.top_fn = f
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                self.throw("RangeError", "Maximum call stack size exceeded")
            if is_throw:
                awaited = gen.throw(JSThrow(value))
            else:
                awaited = gen.send(value)
        except StopIteration as s:
            self.promises.resolve(p, s.value)
            return
        except JSThrow as e:
            self.promises.reject(p, e.value)
            return
        finally:
            self.depth -= 1
        self.promises.await_value(awaited, lambda v: self._resume(f, gen, p, v, False),
                                  lambda r: self._resume(f, gen, p, r, True))

    # -- properties ------------------------------------------------------------------------------

    def get_prop(self, obj, key: str):
        if isinstance(obj, JSObject):
            v = obj.get(key)
            if v is UNDEFINED and key in _STD_ANY and not obj.has(key):
                self._missing_builtin(obj, key)
            return v
        r = self.realm
        if isinstance(obj, str):
            if key == "length":
                return float(len(obj))
            if key.isdigit():
                i = int(key)
                return obj[i] if i < len(obj) else UNDEFINED
            v = r.string_proto.get(key)
            if v is UNDEFINED and key in _STD["String"]:
                self.unsupported(f"String.prototype.{key} is not supported")
            return v
        if isinstance(obj, bool):
            return r.boolean_proto.get(key)
        if isinstance(obj, float):
            v = r.number_proto.get(key)
            if v is UNDEFINED and key in _STD["Number"]:
                self.unsupported(f"Number.prototype.{key} is not supported")
            return v
        what = "undefined" if obj is UNDEFINED else "null"
        self.throw("TypeError", f"Cannot read properties of {what} (reading '{key}')")

    def _missing_builtin(self, obj: JSObject, key: str) -> None:
        """A standard method ptview lacks would read as undefined here: refuse rather than mislead."""
        kind = "Array" if isinstance(obj, JSArray) else ("Function" if isinstance(obj, JSFunction) else None)
        if kind is None:
            from tui.core.script.promise import JSPromise

            kind = "Promise" if isinstance(obj, JSPromise) else "Object"
        if key in _STD[kind]:
            self.unsupported(f"{kind}.prototype.{key} is not supported")
        if obj is self.realm_globals_get("Object") and key in _STD["ObjectStatic"]:
            self.unsupported(f"Object.{key} is not supported")
        if obj is self.realm_globals_get("Promise") and key in _STD["PromiseStatic"]:
            self.unsupported(f"Promise.{key} is not supported")
        if obj is self.realm_globals_get("Array") and key in ("fromAsync",):
            self.unsupported(f"Array.{key} is not supported")

    def realm_globals_get(self, name: str):
        return self.globals.vars.get(name)

    def set_prop(self, obj, key: str, value) -> None:
        if isinstance(obj, JSObject):
            if obj.cls == "frozen":
                return
            obj.put(key, value)
            return
        if obj is UNDEFINED or obj is None:
            what = "undefined" if obj is UNDEFINED else "null"
            self.throw("TypeError", f"Cannot set properties of {what} (setting '{key}')")

    # -- variables -------------------------------------------------------------------------------

    def lookup(self, name: str, env: Env, node=None):
        e = env
        while e is not None:
            v = e.vars.get(name, _MISSING)
            if v is not _MISSING:
                if v is _TDZ:
                    self.throw("ReferenceError", f"Cannot access '{name}' before initialization")
                return v
            e = e.parent
        self.throw("ReferenceError", f"{name} is not defined")

    def assign(self, name: str, value, env: Env) -> None:
        e = env
        while e is not None:
            if name in e.vars:
                if e.consts is not None and name in e.consts:
                    self.throw("TypeError", "Assignment to constant variable.")
                if e.vars[name] is _TDZ:
                    self.throw("ReferenceError", f"Cannot access '{name}' before initialization")
                e.vars[name] = value
                return
            e = e.parent
        self.throw("ReferenceError", f"{name} is not defined")

    def bind(self, target, value, env: Env, kind: str | None):
        """Bind a declaration pattern (kind var/let/const) or assign to a target (kind None)."""
        t = target.type
        if t == "Identifier":
            if kind is None:
                self.assign(target.name, value, env)
            elif kind == "var":
                e = env
                while e is not None and target.name not in e.vars:
                    e = e.parent
                (e or env).vars[target.name] = value
            else:
                env.declare(target.name, value, kind == "const")
            return
        if t == "MemberExpression":
            obj = yield from self.ev(target.object, env)
            key = (to_key((yield from self.ev(target.property, env))) if target.computed
                   else target.property.name)
            self.set_prop(obj, key, value)
            return
        if t == "AssignmentPattern":
            if value is UNDEFINED:
                value = yield from self.ev(target.right, env)
                if isinstance(value, Closure) and not value.name and target.left.type == "Identifier":
                    value.name = target.left.name
            yield from self.bind(target.left, value, env, kind)
            return
        if t == "ArrayPattern":
            items = self.iterate(value)
            for i, el in enumerate(target.elements):
                if el is None:
                    continue
                if el.type == "RestElement":
                    yield from self.bind(el.argument, JSArray(self.realm.array_proto, items[i:]), env, kind)
                    break
                yield from self.bind(el, items[i] if i < len(items) else UNDEFINED, env, kind)
            return
        if t == "ObjectPattern":
            if value is UNDEFINED or value is None:
                self.throw("TypeError", f"Cannot destructure '{to_str(value)}' as it is {to_str(value)}.")
            used = []
            for prop in target.properties:
                if prop.type == "RestElement":
                    rest = JSObject(self.realm.object_proto)
                    if isinstance(value, JSObject):
                        for k in value.own_keys():
                            if k not in used:
                                rest.props[k] = value.get(k)
                    yield from self.bind(prop.argument, rest, env, kind)
                    continue
                if prop.computed:
                    key = to_key((yield from self.ev(prop.key, env)))
                else:
                    key = prop.key.name if prop.key.type == "Identifier" else to_key(_literal(prop.key.value))
                used.append(key)
                yield from self.bind(prop.value, self.get_prop(value, key), env, kind)
            return
        self.unsupported(f"assignment to {t}", target)

    def iterate(self, value) -> list:
        if isinstance(value, JSArray):
            return value.values()
        if isinstance(value, str):
            return _code_points(value)
        if isinstance(value, Buffer):
            return [float(b) for b in value.data]
        if isinstance(value, JSObject) and value.cls in ("Map", "Set"):
            self.unsupported("Map and Set are not supported")
        self.throw("TypeError", f"{typeof(value) if not isinstance(value, JSObject) else 'object'} is not iterable")

    # -- statements -------------------------------------------------------------------------------

    def ex_ExpressionStatement(self, node, env):
        yield from self.ev(node.expression, env)

    def ex_VariableDeclaration(self, node, env):
        kind = node.kind
        for d in node.declarations:
            if d.init is None:
                if kind == "var":
                    continue
                value = UNDEFINED
            else:
                value = yield from self.ev(d.init, env)
                if isinstance(value, Closure) and not value.name and d.id.type == "Identifier" \
                        and d.init.type in ("ArrowFunctionExpression", "FunctionExpression"):
                    value.name = d.id.name
            yield from self.bind(d.id, value, env, kind)

    def ex_FunctionDeclaration(self, node, env):
        return
        yield

    def ex_EmptyStatement(self, node, env):
        return
        yield

    def ex_BlockStatement(self, node, env):
        body = node.body
        if _needs_scope(node):
            env = Env(env)
            self.hoist(body, env, False)
        for s in body:
            yield from self.ex(s, env)

    def ex_IfStatement(self, node, env):
        if truthy((yield from self.ev(node.test, env))):
            yield from self.ex(node.consequent, env)
        elif node.alternate is not None:
            yield from self.ex(node.alternate, env)

    def ex_WhileStatement(self, node, env):
        while truthy((yield from self.ev(node.test, env))):
            try:
                yield from self.ex(node.body, env)
            except BreakSignal:
                break
            except ContinueSignal:
                pass

    def ex_DoWhileStatement(self, node, env):
        while True:
            try:
                yield from self.ex(node.body, env)
            except BreakSignal:
                break
            except ContinueSignal:
                pass
            if not truthy((yield from self.ev(node.test, env))):
                break

    def ex_ForStatement(self, node, env):
        init = node.init
        per_iteration = None
        loop_env = env
        if init is not None:
            if init.type == "VariableDeclaration":
                if init.kind != "var":
                    loop_env = Env(env)
                    names = [n for d in init.declarations for n in _pattern_names(d.id)]
                    for n in names:
                        loop_env.vars[n] = _TDZ
                    if init.kind == "let":
                        per_iteration = names
                yield from self.ex(init, loop_env)
            else:
                yield from self.ev(init, env)
        if per_iteration:
            loop_env = _copy_env(loop_env)
        while True:
            if node.test is not None and not truthy((yield from self.ev(node.test, loop_env))):
                break
            try:
                yield from self.ex(node.body, loop_env)
            except BreakSignal:
                break
            except ContinueSignal:
                pass
            if per_iteration:
                loop_env = _copy_env(loop_env)
            if node.update is not None:
                yield from self.ev(node.update, loop_env)

    def _for_each(self, node, env, values):
        left = node.left
        for v in values:
            if left.type == "VariableDeclaration":
                it_env = Env(env) if left.kind != "var" else env
                yield from self.bind(left.declarations[0].id, v, it_env, left.kind)
            else:
                it_env = env
                yield from self.bind(left, v, env, None)
            try:
                yield from self.ex(node.body, it_env)
            except BreakSignal:
                break
            except ContinueSignal:
                pass

    def ex_ForOfStatement(self, node, env):
        if getattr(node, "await", False):
            self.unsupported("for await is not supported", node)
        values = self.iterate((yield from self.ev(node.right, env)))
        yield from self._for_each(node, env, values)

    def ex_ForInStatement(self, node, env):
        obj = yield from self.ev(node.right, env)
        keys = []
        if isinstance(obj, JSObject):
            keys = obj.own_keys()
        elif isinstance(obj, str):
            keys = [str(i) for i in range(len(obj))]
        yield from self._for_each(node, env, keys)

    def ex_ReturnStatement(self, node, env):
        v = UNDEFINED if node.argument is None else (yield from self.ev(node.argument, env))
        raise ReturnSignal(v)

    def ex_BreakStatement(self, node, env):
        raise BreakSignal()
        yield

    def ex_ContinueStatement(self, node, env):
        raise ContinueSignal()
        yield

    def ex_ThrowStatement(self, node, env):
        v = yield from self.ev(node.argument, env)
        raise JSThrow(v)

    def ex_TryStatement(self, node, env):
        fin = node.finalizer
        try:
            try:
                yield from self.ex(node.block, env)
            except JSThrow as e:
                if node.handler is None:
                    raise
                h = node.handler
                cenv = Env(env)
                if h.param is not None:
                    yield from self.bind(h.param, e.value, cenv, "let")
                yield from self.ex(h.body, cenv)
        except (JSThrow, BreakSignal, ContinueSignal, ReturnSignal):
            if fin is not None:
                yield from self.ex(fin, env)
            raise
        if fin is not None:
            yield from self.ex(fin, env)

    def ex_SwitchStatement(self, node, env):
        d = yield from self.ev(node.discriminant, env)
        senv = Env(env)
        for c in node.cases:
            self.hoist(c.consequent, senv, False)
        matched = -1
        for i, c in enumerate(node.cases):
            if c.test is not None and strict_equals(d, (yield from self.ev(c.test, senv))):
                matched = i
                break
        if matched < 0:
            for i, c in enumerate(node.cases):
                if c.test is None:
                    matched = i
        if matched < 0:
            return
        try:
            for c in node.cases[matched:]:
                for s in c.consequent:
                    yield from self.ex(s, senv)
        except BreakSignal:
            pass

    # -- expressions --------------------------------------------------------------------------------

    def ev_Literal(self, node, env):
        return _literal(node.value)
        yield

    def ev_Identifier(self, node, env):
        return self.lookup(node.name, env, node)
        yield

    def ev_ThisExpression(self, node, env):
        return self.lookup("this", env)
        yield

    def ev_TemplateLiteral(self, node, env):
        out = []
        quasis = node.quasis
        for i, q in enumerate(quasis):
            out.append(js_str(q.value.cooked))
            if i < len(node.expressions):
                out.append(to_str((yield from self.ev(node.expressions[i], env))))
        return "".join(out)

    def ev_ArrayExpression(self, node, env):
        items = []
        for el in node.elements:
            if el is None:
                items.append(HOLE)
            elif el.type == "SpreadElement":
                items.extend(self.iterate((yield from self.ev(el.argument, env))))
            else:
                items.append((yield from self.ev(el, env)))
        return JSArray(self.realm.array_proto, items)

    def ev_ObjectExpression(self, node, env):
        obj = JSObject(self.realm.object_proto)
        for p in node.properties:
            if p.type == "SpreadElement":
                src = yield from self.ev(p.argument, env)
                if isinstance(src, JSObject):
                    for k in src.own_keys():
                        obj.props[k] = src.get(k)
                continue
            if p.computed:
                key = to_key((yield from self.ev(p.key, env)))
            elif p.key.type == "Identifier":
                key = p.key.name
            else:
                key = to_key(_literal(p.key.value))
            v = yield from self.ev(p.value, env)
            if isinstance(v, Closure) and not v.name and p.value.type in ("FunctionExpression",
                                                                        "ArrowFunctionExpression"):
                v.name = key
            obj.props[key] = v
        return obj

    def ev_FunctionExpression(self, node, env):
        if node.id is not None:
            fenv = Env(env)
            f = self.make_closure(node, fenv, node.id.name)
            fenv.vars[node.id.name] = f
            return f
        return self.make_closure(node, env)
        yield

    def ev_ArrowFunctionExpression(self, node, env):
        return self.make_closure(node, env)
        yield

    def ev_SequenceExpression(self, node, env):
        v = UNDEFINED
        for e in node.expressions:
            v = yield from self.ev(e, env)
        return v

    def ev_ConditionalExpression(self, node, env):
        if truthy((yield from self.ev(node.test, env))):
            return (yield from self.ev(node.consequent, env))
        return (yield from self.ev(node.alternate, env))

    def ev_LogicalExpression(self, node, env):
        left = yield from self.ev(node.left, env)
        op = node.operator
        if op == "&&":
            return (yield from self.ev(node.right, env)) if truthy(left) else left
        if op == "||":
            return left if truthy(left) else (yield from self.ev(node.right, env))
        return left if left is not UNDEFINED and left is not None else (yield from self.ev(node.right, env))

    def ev_UnaryExpression(self, node, env):
        op = node.operator
        arg = node.argument
        if op == "typeof" and arg.type == "Identifier":
            try:
                return typeof(self.lookup(arg.name, env))
            except JSThrow:
                return "undefined"
        if op == "delete":
            obj = yield from self.ev(arg.object, env)
            key = to_key((yield from self.ev(arg.property, env))) if arg.computed else arg.property.name
            if isinstance(obj, JSObject):
                obj.delete(key)
            return True
        v = yield from self.ev(arg, env)
        if op == "!":
            return not truthy(v)
        if op == "-":
            return -to_number(v)
        if op == "+":
            return to_number(v)
        if op == "typeof":
            return typeof(v)
        if op == "void":
            return UNDEFINED
        if op == "~":
            return float(~to_int32(v))
        self.unsupported(f"the {op} operator is not supported", node)

    def ev_UpdateExpression(self, node, env):
        arg = node.argument
        delta = 1.0 if node.operator == "++" else -1.0
        if arg.type == "Identifier":
            old = to_number(self.lookup(arg.name, env))
            self.assign(arg.name, old + delta, env)
        else:
            obj = yield from self.ev(arg.object, env)
            key = to_key((yield from self.ev(arg.property, env))) if arg.computed else arg.property.name
            old = to_number(self.get_prop(obj, key))
            self.set_prop(obj, key, old + delta)
        return old + delta if node.prefix else old

    def ev_BinaryExpression(self, node, env):
        a = yield from self.ev(node.left, env)
        b = yield from self.ev(node.right, env)
        return self.binary(node.operator, a, b)

    def binary(self, op: str, a, b):
        if op == "+":
            if isinstance(a, float) and isinstance(b, float):
                return a + b
            if isinstance(a, JSObject):
                a = to_str(a)
            if isinstance(b, JSObject):
                b = to_str(b)
            if isinstance(a, str) or isinstance(b, str):
                return to_str(a) + to_str(b)
            return to_number(a) + to_number(b)
        if op == "===":
            return strict_equals(a, b)
        if op == "!==":
            return not strict_equals(a, b)
        if op == "==":
            return loose_equals(a, b)
        if op == "!=":
            return not loose_equals(a, b)
        if op in ("<", ">", "<=", ">="):
            if isinstance(a, JSObject):
                a = to_str(a)
            if isinstance(b, JSObject):
                b = to_str(b)
            if isinstance(a, str) and isinstance(b, str):
                x, y = a, b
            else:
                x, y = to_number(a), to_number(b)
                if x != x or y != y:
                    return False
            if op == "<":
                return x < y
            if op == ">":
                return x > y
            if op == "<=":
                return x <= y
            return x >= y
        if op == "instanceof":
            if not isinstance(b, JSFunction):
                self.throw("TypeError", "Right-hand side of 'instanceof' is not callable")
            proto = b.get("prototype")
            o = a.proto if isinstance(a, JSObject) else None
            while o is not None:
                if o is proto:
                    return True
                o = o.proto
            return False
        if op == "in":
            if not isinstance(b, JSObject):
                self.throw("TypeError", f"Cannot use 'in' operator to search for '{to_str(a)}' in {to_str(b)}")
            return b.has(to_key(a))
        x, y = to_number(a), to_number(b)
        if op == "-":
            return x - y
        if op == "*":
            return x * y
        if op == "/":
            if y == 0:
                if x == 0 or x != x:
                    return math.nan
                return math.copysign(math.inf, x) * math.copysign(1, y)
            return x / y
        if op == "%":
            if y == 0 or x != x or y != y or x in (math.inf, -math.inf):
                return math.nan
            if y in (math.inf, -math.inf):
                return x
            return math.fmod(x, y)
        if op == "**":
            try:
                return math.pow(x, y)
            except (OverflowError, ValueError):
                return math.inf if abs(x) > 1 else math.nan
        if op == "&":
            return float(to_int32(x) & to_int32(y))
        if op == "|":
            return float(to_int32(x) | to_int32(y))
        if op == "^":
            return float(to_int32(x) ^ to_int32(y))
        if op == "<<":
            r = (to_int32(x) << (to_uint32(y) & 31)) & 0xFFFFFFFF
            return float(r - (1 << 32) if r >= 1 << 31 else r)
        if op == ">>":
            return float(to_int32(x) >> (to_uint32(y) & 31))
        if op == ">>>":
            return float(to_uint32(x) >> (to_uint32(y) & 31))
        self.unsupported(f"the {op} operator is not supported")

    def ev_AssignmentExpression(self, node, env):
        op = node.operator
        left = node.left
        if op == "=":
            v = yield from self.ev(node.right, env)
            if isinstance(v, Closure) and not v.name and left.type == "Identifier" \
                    and node.right.type in ("ArrowFunctionExpression", "FunctionExpression"):
                v.name = left.name
            yield from self.bind(left, v, env, None)
            return v
        bop = op[:-1]
        if left.type == "Identifier":
            old = self.lookup(left.name, env)
            if bop in ("&&", "||"):
                return old  # logical assignment is ES2021: esprima 4 never produces it
            v = self.binary(bop, old, (yield from self.ev(node.right, env)))
            self.assign(left.name, v, env)
            return v
        obj = yield from self.ev(left.object, env)
        key = to_key((yield from self.ev(left.property, env))) if left.computed else left.property.name
        old = self.get_prop(obj, key)
        v = self.binary(bop, old, (yield from self.ev(node.right, env)))
        self.set_prop(obj, key, v)
        return v

    def ev_MemberExpression(self, node, env):
        obj = yield from self.ev(node.object, env)
        key = to_key((yield from self.ev(node.property, env))) if node.computed else node.property.name
        if obj is UNDEFINED or obj is None:
            self.throw("TypeError", f"Cannot read properties of {to_str(obj)} (reading '{key}')")
        return self.get_prop(obj, key)

    def _args(self, nodes, env):
        args = []
        for a in nodes:
            if a.type == "SpreadElement":
                args.extend(self.iterate((yield from self.ev(a.argument, env))))
            else:
                args.append((yield from self.ev(a, env)))
        return args

    def ev_CallExpression(self, node, env):
        callee = node.callee
        if callee.type == "MemberExpression":
            this = yield from self.ev(callee.object, env)
            key = to_key((yield from self.ev(callee.property, env))) if callee.computed else callee.property.name
            if this is UNDEFINED or this is None:
                self.throw("TypeError", f"Cannot read properties of {to_str(this)} (reading '{key}')")
            f = self.get_prop(this, key)
        else:
            this = UNDEFINED
            f = yield from self.ev(callee, env)
        args = yield from self._args(node.arguments, env)
        if not isinstance(f, JSFunction):
            self.throw("TypeError", f"{self.text(callee)} is not a function")
        self.current = node
        return self.call(f, this, args)

    def ev_NewExpression(self, node, env):
        f = yield from self.ev(node.callee, env)
        args = yield from self._args(node.arguments, env)
        if not isinstance(f, Native) or f.ctor is None:
            self.throw("TypeError", f"{self.text(node.callee)} is not a constructor")
        return f.ctor(args)

    def ev_AwaitExpression(self, node, env):
        v = yield from self.ev(node.argument, env)
        return (yield v)


_MISSING = object()

# Standard (ES2023) names per kind: reading one that ptview lacks is refused, never undefined.
_STD = {
    "Array": {"at", "concat", "copyWithin", "entries", "every", "fill", "filter", "find", "findIndex", "findLast",
              "findLastIndex", "flat", "flatMap", "forEach", "includes", "indexOf", "join", "keys",
              "lastIndexOf", "map", "pop", "push", "reduce", "reduceRight", "reverse", "shift", "slice", "some",
              "sort", "splice", "toLocaleString", "toReversed", "toSorted", "toSpliced", "unshift", "values",
              "with", "toString"},
    "String": {"at", "charAt", "charCodeAt", "codePointAt", "concat", "endsWith", "includes", "indexOf",
               "lastIndexOf", "localeCompare", "match", "matchAll", "normalize", "padEnd", "padStart", "repeat",
               "replace", "replaceAll", "search", "slice", "split", "startsWith", "substring", "substr",
               "toLocaleLowerCase", "toLocaleUpperCase", "toLowerCase", "toString", "toUpperCase", "trim",
               "trimEnd", "trimStart", "valueOf", "isWellFormed", "toWellFormed"},
    "Number": {"toExponential", "toFixed", "toLocaleString", "toPrecision", "toString", "valueOf"},
    "Function": {"apply", "bind", "call", "toString"},
    "Promise": {"then", "catch", "finally"},
    "Object": {"hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString",
               "valueOf", "__proto__", "__defineGetter__", "__lookupGetter__"},
    "ObjectStatic": {"assign", "create", "defineProperties", "defineProperty", "entries", "freeze",
                     "fromEntries", "getOwnPropertyDescriptor", "getOwnPropertyDescriptors", "getOwnPropertyNames",
                     "getOwnPropertySymbols", "getPrototypeOf", "groupBy", "hasOwn", "is", "isExtensible",
                     "isFrozen", "isSealed", "keys", "preventExtensions", "seal", "setPrototypeOf", "values"},
    "PromiseStatic": {"all", "allSettled", "any", "race", "reject", "resolve", "withResolvers"},
}
_STD_ANY = set().union(*_STD.values())


def _literal(v):
    if isinstance(v, str):
        return js_str(v)
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, (int, float)):
        return float(v)
    return v


def _code_points(s: str) -> list[str]:
    """String iteration goes by code point: a surrogate pair is one element."""
    out = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if "\ud800" <= c <= "\udbff" and i + 1 < n and "\udc00" <= s[i + 1] <= "\udfff":
            out.append(s[i:i + 2])
            i += 2
        else:
            out.append(c)
            i += 1
    return out


def _copy_env(env: Env) -> Env:
    e = Env(env.parent)
    e.vars = dict(env.vars)
    e.consts = env.consts
    return e


def _pattern_names(p) -> list[str]:
    t = p.type
    if t == "Identifier":
        return [p.name]
    if t == "AssignmentPattern":
        return _pattern_names(p.left)
    if t == "RestElement":
        return _pattern_names(p.argument)
    if t == "ArrayPattern":
        return [n for e in p.elements if e is not None for n in _pattern_names(e)]
    if t == "ObjectPattern":
        out = []
        for prop in p.properties:
            out.extend(_pattern_names(prop.argument if prop.type == "RestElement" else prop.value))
        return out
    return []


def _needs_scope(block) -> bool:
    cached = getattr(block, "_ptv_scope", None)
    if cached is None:
        cached = any((s.type == "VariableDeclaration" and s.kind != "var") or s.type == "FunctionDeclaration"
                     for s in block.body)
        block._ptv_scope = cached
    return cached


def _var_names(stmts) -> list[str]:
    out: list[str] = []

    def walk(s):
        if s is None:
            return
        t = s.type
        if t == "VariableDeclaration":
            if s.kind == "var":
                for d in s.declarations:
                    out.extend(_pattern_names(d.id))
        elif t == "BlockStatement":
            for x in s.body:
                walk(x)
        elif t == "IfStatement":
            walk(s.consequent)
            walk(s.alternate)
        elif t in ("ForStatement",):
            walk(s.init if s.init is not None and s.init.type == "VariableDeclaration" else None)
            walk(s.body)
        elif t in ("ForInStatement", "ForOfStatement"):
            walk(s.left if s.left.type == "VariableDeclaration" else None)
            walk(s.body)
        elif t in ("WhileStatement", "DoWhileStatement"):
            walk(s.body)
        elif t == "TryStatement":
            walk(s.block)
            if s.handler is not None:
                walk(s.handler.body)
            walk(s.finalizer)
        elif t == "SwitchStatement":
            for c in s.cases:
                for x in c.consequent:
                    walk(x)

    for s in stmts:
        walk(s)
    return out
