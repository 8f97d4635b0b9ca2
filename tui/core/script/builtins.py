"""The ECMAScript built-ins the subset offers: Object, Array, String, Number, Math, JSON, Promise, Error.

Methods are registered in module-level tables so that the checker knows,
before anything runs, which property names exist (KNOWN_PROPS): a script
that calls a method ptview lacks is refused up front, not half-run.
"""

from __future__ import annotations

import functools
import math
import random
from typing import Callable

from tui.core.script.errors import JSThrow
from tui.core.script.values import (HOLE, UNDEFINED, Buffer, js_str, JSArray, JSError, JSFunction, JSObject, Native, num_to_str,
                                    str_to_number, strict_equals, to_int32, to_key, to_number, to_str, truthy)

Table = dict[str, Callable]
OBJECT_PROTO: Table = {}
FUNCTION_PROTO: Table = {}
ARRAY_PROTO: Table = {}
STRING_PROTO: Table = {}
NUMBER_PROTO: Table = {}
PROMISE_PROTO: Table = {}
ERROR_PROTO: Table = {}
BUFFER_PROTO: Table = {}
OBJECT_STATIC: Table = {}
ARRAY_STATIC: Table = {}
NUMBER_STATIC: Table = {}
PROMISE_STATIC: Table = {}
MATH: Table = {}
JSON_: Table = {}

MATH_CONSTANTS = {"PI": math.pi, "E": math.e, "LN2": math.log(2), "LN10": math.log(10), "SQRT2": math.sqrt(2),
                  "LOG2E": 1 / math.log(2), "LOG10E": 1 / math.log(10), "SQRT1_2": math.sqrt(0.5)}
NUMBER_CONSTANTS = {"MAX_SAFE_INTEGER": 2.0**53 - 1, "MIN_SAFE_INTEGER": -(2.0**53 - 1),
                    "EPSILON": 2.0**-52, "MAX_VALUE": 1.7976931348623157e308, "MIN_VALUE": 5e-324,
                    "POSITIVE_INFINITY": math.inf, "NEGATIVE_INFINITY": -math.inf, "NaN": math.nan}

# Property names of host objects (errors, Stats, process…), added by node_host.
HOST_PROPS: set[str] = {"length", "name", "message", "stack", "code", "prototype", "constructor"}


def m(table: Table, *names: str):
    def deco(fn):
        for n in names:
            table[n] = fn
        return fn
    return deco


def arg(args: list, i: int):
    return args[i] if i < len(args) else UNDEFINED


def known_props() -> set[str]:
    out = set(HOST_PROPS) | set(MATH_CONSTANTS) | set(NUMBER_CONSTANTS)
    for t in (OBJECT_PROTO, FUNCTION_PROTO, ARRAY_PROTO, STRING_PROTO, NUMBER_PROTO, PROMISE_PROTO, ERROR_PROTO,
              BUFFER_PROTO, OBJECT_STATIC, ARRAY_STATIC, NUMBER_STATIC, PROMISE_STATIC, MATH, JSON_):
        out |= set(t)
    return out


class _Known(set):
    """KNOWN_PROPS, computed when first used (after node_host has added its names)."""

    def _fill(self):
        if not self:
            import tui.core.script.node_host  # noqa: F401  (registers host property names)

            self.update(known_props())

    def __contains__(self, k) -> bool:
        self._fill()
        return set.__contains__(self, k)


KNOWN_PROPS = _Known()


class Realm:
    def __init__(self, interp) -> None:
        self.interp = interp
        self.object_proto = JSObject(None)
        fp = self.function_proto = JSObject(self.object_proto)
        self.array_proto = JSObject(self.object_proto)
        self.string_proto = JSObject(self.object_proto)
        self.number_proto = JSObject(self.object_proto)
        self.boolean_proto = JSObject(self.object_proto)
        self.promise_proto = JSObject(self.object_proto)
        self.buffer_proto = JSObject(self.object_proto)
        base_error = JSObject(self.object_proto)
        self.error_protos = {"Error": base_error}
        for kind in ("TypeError", "RangeError", "ReferenceError", "SyntaxError"):
            self.error_protos[kind] = JSObject(base_error)
            self.error_protos[kind].props["name"] = kind
        base_error.props["name"] = "Error"
        self.fill(self.object_proto, OBJECT_PROTO)
        self.fill(fp, FUNCTION_PROTO)
        self.fill(self.array_proto, ARRAY_PROTO)
        self.fill(self.string_proto, STRING_PROTO)
        self.fill(self.number_proto, NUMBER_PROTO)
        self.fill(self.promise_proto, PROMISE_PROTO)
        self.fill(base_error, ERROR_PROTO)
        self.fill(self.buffer_proto, BUFFER_PROTO)
        self.rng = random.Random(1)

    def native(self, name: str, fn: Callable, ctor: Callable | None = None) -> Native:
        return Native(self.function_proto, name, fn, ctor)

    def fill(self, obj: JSObject, table: Table) -> None:
        I = self.interp
        for name, fn in table.items():
            obj.props[name] = self.native(name, functools.partial(fn, I))

    def array(self, items: list) -> JSArray:
        return JSArray(self.array_proto, items)

    def obj(self, props: dict | None = None) -> JSObject:
        return JSObject(self.object_proto, dict(props or {}))

    def install(self, env) -> None:
        """The ECMAScript globals (the host adds Node's)."""
        I = self.interp
        g = env.vars

        def static(name, table, extra=None, ctor=None, call=None):
            f = self.native(name, call or (lambda this, args: UNDEFINED), ctor)
            self.fill(f, table)
            for k, v in (extra or {}).items():
                f.props[k] = v
            g[name] = f
            return f

        mathobj = self.obj(dict(MATH_CONSTANTS))
        self.fill(mathobj, MATH)
        g["Math"] = mathobj
        jsonobj = self.obj()
        self.fill(jsonobj, JSON_)
        g["JSON"] = jsonobj
        o = static("Object", OBJECT_STATIC, call=lambda this, args: arg(args, 0) if isinstance(arg(args, 0), JSObject) else self.obj())
        o.props["prototype"] = self.object_proto
        a = static("Array", ARRAY_STATIC, ctor=lambda args: _array_ctor(I, args), call=lambda this, args: _array_ctor(I, args))
        a.props["prototype"] = self.array_proto
        n = static("Number", NUMBER_STATIC, dict(NUMBER_CONSTANTS),
                   call=lambda this, args: to_number(args[0]) if args else 0.0)
        n.props["prototype"] = self.number_proto
        s = static("String", {}, call=lambda this, args: to_str(args[0]) if args else "")
        s.props["prototype"] = self.string_proto
        b = static("Boolean", {}, call=lambda this, args: truthy(arg(args, 0)))
        b.props["prototype"] = self.boolean_proto
        p = static("Promise", PROMISE_STATIC, ctor=lambda args: _promise_ctor(I, args))
        p.props["prototype"] = self.promise_proto
        for kind, proto in self.error_protos.items():
            def make(args, kind=kind):
                msg = arg(args, 0)
                e = I.make_error(kind, "" if msg is UNDEFINED else to_str(msg))
                if msg is UNDEFINED:
                    e.props.pop("message", None)
                return e
            f = self.native(kind, lambda this, args, make=make: make(args), make)
            f.props["prototype"] = proto
            g[kind] = f
        g["parseInt"] = self.native("parseInt", lambda this, args: _parse_int(args))
        g["parseFloat"] = self.native("parseFloat", lambda this, args: _parse_float(to_str(arg(args, 0))))
        g["isNaN"] = self.native("isNaN", lambda this, args: to_number(arg(args, 0)) != to_number(arg(args, 0)))
        g["isFinite"] = self.native("isFinite", lambda this, args: math.isfinite(to_number(arg(args, 0))))
        g["undefined"] = UNDEFINED
        g["NaN"] = math.nan
        g["Infinity"] = math.inf
        env.consts = {"undefined", "NaN", "Infinity"}


def _throw(I, kind, msg):
    raise JSThrow(I.make_error(kind, msg))


def _fn(I, f, what: str) -> JSFunction:
    if not isinstance(f, JSFunction):
        _throw(I, "TypeError", f"{I.text_of(f) if hasattr(I, 'text_of') else to_str(f)} is not a function")
    return f


def _array_ctor(I, args):
    if len(args) == 1 and isinstance(args[0], float):
        n = args[0]
        if n < 0 or n != int(n) or n > 2**32 - 1:
            _throw(I, "RangeError", "Invalid array length")
        if n > 10_000_000:
            I.unsupported("arrays of more than 10,000,000 elements are not supported")
        return I.realm.array([HOLE] * int(n))
    return I.realm.array(list(args))


def _promise_ctor(I, args):
    ex = arg(args, 0)
    if not isinstance(ex, JSFunction):
        _throw(I, "TypeError", f"Promise resolver {to_str(ex)} is not a function")
    P = I.promises
    p = P.new()
    res, rej = P.resolving_functions(p)
    try:
        I.call(ex, UNDEFINED, [res, rej])
    except JSThrow as e:
        I.call(rej, UNDEFINED, [e.value])
    return p


def _parse_int(args):
    s = to_str(arg(args, 0)).strip()
    radix = to_int32(arg(args, 1))
    sign = 1
    if s[:1] in "+-" and s:
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    if radix == 0:
        radix = 10
        if s[:2].lower() == "0x":
            radix, s = 16, s[2:]
    elif radix == 16 and s[:2].lower() == "0x":
        s = s[2:]
    if not 2 <= radix <= 36:
        return math.nan
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"[:radix]
    n = ""
    for ch in s.lower():
        if ch in digits:
            n += ch
        else:
            break
    return float(sign * int(n, radix)) if n else math.nan


def _parse_float(s: str) -> float:
    s = s.strip()
    best = math.nan
    for i in range(len(s), 0, -1):
        v = str_to_number(s[:i])
        if v == v and s[:i].strip() and s[:i][-1] not in " ":
            if not s[:i].lower().startswith(("0x", "0o", "0b")):
                return v
    if s.startswith("Infinity") or s.startswith("+Infinity"):
        return math.inf
    if s.startswith("-Infinity"):
        return -math.inf
    return best


def _idx(v, length: int, default: int) -> int:
    if v is UNDEFINED:
        return default
    n = to_number(v)
    if n != n:
        return 0
    n = int(n) if math.isfinite(n) else (length if n > 0 else -length - 1)
    if n < 0:
        return max(0, length + n)
    return min(n, length)


# -- Object ------------------------------------------------------------------------------------


@m(OBJECT_PROTO, "hasOwnProperty")
def _has_own(I, this, args):
    k = to_key(arg(args, 0))
    return isinstance(this, JSObject) and this.get_own(k).__class__.__name__ != "_Missing"


@m(OBJECT_PROTO, "toString")
def _obj_to_string(I, this, args):
    if isinstance(this, float):
        r = arg(args, 0)
        return num_to_str(this, 10 if r is UNDEFINED else int(to_number(r)))
    return to_str(this)


@m(OBJECT_STATIC, "keys")
def _keys(I, this, args):
    o = arg(args, 0)
    if isinstance(o, str):
        return I.realm.array([str(i) for i in range(len(o))])
    return I.realm.array(o.own_keys() if isinstance(o, JSObject) else [])


@m(OBJECT_STATIC, "values")
def _values(I, this, args):
    o = arg(args, 0)
    return I.realm.array([o.get(k) for k in o.own_keys()] if isinstance(o, JSObject) else [])


@m(OBJECT_STATIC, "entries")
def _entries(I, this, args):
    o = arg(args, 0)
    r = I.realm
    return r.array([r.array([k, o.get(k)]) for k in o.own_keys()] if isinstance(o, JSObject) else [])


@m(OBJECT_STATIC, "assign")
def _assign(I, this, args):
    t = arg(args, 0)
    for s in args[1:]:
        if isinstance(s, JSObject):
            for k in s.own_keys():
                I.set_prop(t, k, s.get(k))
    return t


@m(OBJECT_STATIC, "freeze")
def _freeze(I, this, args):
    return arg(args, 0)


@m(OBJECT_STATIC, "fromEntries")
def _from_entries(I, this, args):
    o = I.realm.obj()
    for e in I.iterate(arg(args, 0)):
        kv = I.iterate(e)
        o.props[to_key(kv[0] if kv else UNDEFINED)] = kv[1] if len(kv) > 1 else UNDEFINED
    return o


# -- Function.prototype ------------------------------------------------------------------------------


@m(FUNCTION_PROTO, "call")
def _call(I, this, args):
    return I.call(this, arg(args, 0), list(args[1:]))


@m(FUNCTION_PROTO, "apply")
def _apply(I, this, args):
    a = arg(args, 1)
    return I.call(this, arg(args, 0), I.iterate(a) if isinstance(a, JSObject) else [])


@m(FUNCTION_PROTO, "bind")
def _bind(I, this, args):
    from tui.core.script.values import Bound

    return Bound(I.realm.function_proto, this, arg(args, 0), list(args[1:]))


# -- Array -------------------------------------------------------------------------------------------


def _items(I, this) -> list:
    if isinstance(this, JSArray):
        return this.items
    _throw(I, "TypeError", "Array.prototype method called on a non-array")


@m(ARRAY_PROTO, "push")
def _push(I, this, args):
    it = _items(I, this)
    it.extend(args)
    return float(len(it))


@m(ARRAY_PROTO, "pop")
def _pop(I, this, args):
    it = _items(I, this)
    v = it.pop() if it else UNDEFINED
    return UNDEFINED if v is HOLE else v


@m(ARRAY_PROTO, "shift")
def _shift(I, this, args):
    it = _items(I, this)
    v = it.pop(0) if it else UNDEFINED
    return UNDEFINED if v is HOLE else v


@m(ARRAY_PROTO, "unshift")
def _unshift(I, this, args):
    it = _items(I, this)
    it[0:0] = args
    return float(len(it))


@m(ARRAY_PROTO, "slice")
def _slice(I, this, args):
    it = _items(I, this)
    n = len(it)
    return I.realm.array(it[_idx(arg(args, 0), n, 0):_idx(arg(args, 1), n, n)])


@m(ARRAY_PROTO, "splice")
def _splice(I, this, args):
    it = _items(I, this)
    n = len(it)
    start = _idx(arg(args, 0), n, 0)
    count = n - start if len(args) < 2 else max(0, min(int(to_number(args[1]) or 0), n - start))
    removed = it[start:start + count]
    it[start:start + count] = list(args[2:])
    return I.realm.array(removed)


@m(ARRAY_PROTO, "concat")
def _concat(I, this, args):
    out = list(_items(I, this))
    for a in args:
        if isinstance(a, JSArray):
            out.extend(a.items)
        else:
            out.append(a)
    return I.realm.array(out)


@m(ARRAY_PROTO, "join")
def _join(I, this, args):
    sep = "," if arg(args, 0) is UNDEFINED else to_str(args[0])
    return sep.join("" if x is UNDEFINED or x is None or x is HOLE else to_str(x) for x in _items(I, this))


@m(ARRAY_PROTO, "reverse")
def _reverse(I, this, args):
    _items(I, this).reverse()
    return this


@m(ARRAY_PROTO, "indexOf")
def _index_of(I, this, args):
    it = _items(I, this)
    x = arg(args, 0)
    for i in range(_idx(arg(args, 1), len(it), 0), len(it)):
        if strict_equals(it[i], x):
            return float(i)
    return -1.0


@m(ARRAY_PROTO, "lastIndexOf")
def _last_index_of(I, this, args):
    it = _items(I, this)
    x = arg(args, 0)
    for i in range(len(it) - 1, -1, -1):
        if strict_equals(it[i], x):
            return float(i)
    return -1.0


@m(ARRAY_PROTO, "includes")
def _includes(I, this, args):
    x = arg(args, 0)
    for v in _items(I, this):
        v = UNDEFINED if v is HOLE else v
        if strict_equals(v, x) or (isinstance(v, float) and isinstance(x, float) and v != v and x != x):
            return True
    return False


def _each(I, this, args):
    it = _items(I, this)
    f = arg(args, 0)
    if not isinstance(f, JSFunction):
        _throw(I, "TypeError", f"{to_str(f)} is not a function")
    t = arg(args, 1)
    i = 0
    while i < len(it):
        if it[i] is not HOLE:  # callbacks never see holes (HasProperty is false)
            yield i, it[i], I.call(f, t, [it[i], float(i), this])
        i += 1


@m(ARRAY_PROTO, "forEach")
def _for_each(I, this, args):
    for _ in _each(I, this, args):
        pass
    return UNDEFINED


@m(ARRAY_PROTO, "map")
def _map(I, this, args):
    out = [HOLE] * len(_items(I, this))
    for i, _, r in _each(I, this, args):
        if i < len(out):
            out[i] = r
    return I.realm.array(out)


@m(ARRAY_PROTO, "filter")
def _filter(I, this, args):
    return I.realm.array([v for _, v, r in _each(I, this, args) if truthy(r)])


@m(ARRAY_PROTO, "find")
def _find(I, this, args):
    for _, v, r in _each(I, this, args):
        if truthy(r):
            return v
    return UNDEFINED


@m(ARRAY_PROTO, "findIndex")
def _find_index(I, this, args):
    for i, _, r in _each(I, this, args):
        if truthy(r):
            return float(i)
    return -1.0


@m(ARRAY_PROTO, "some")
def _some(I, this, args):
    return any(truthy(r) for _, _, r in _each(I, this, args))


@m(ARRAY_PROTO, "every")
def _every(I, this, args):
    for _, _, r in _each(I, this, args):
        if not truthy(r):
            return False
    return True


@m(ARRAY_PROTO, "reduce")
def _reduce(I, this, args):
    it = _items(I, this)
    f = arg(args, 0)
    if not isinstance(f, JSFunction):
        _throw(I, "TypeError", f"{to_str(f)} is not a function")
    idx = [i for i, v in enumerate(it) if v is not HOLE]
    if len(args) > 1:
        acc = args[1]
    else:
        if not idx:
            _throw(I, "TypeError", "Reduce of empty array with no initial value")
        acc = it[idx.pop(0)]
    for i in idx:
        if i < len(it) and it[i] is not HOLE:
            acc = I.call(f, UNDEFINED, [acc, it[i], float(i), this])
    return acc


@m(ARRAY_PROTO, "sort")
def _sort(I, this, args):
    it = _items(I, this)
    f = arg(args, 0)
    undef = [x for x in it if x is UNDEFINED]
    holes = [x for x in it if x is HOLE]
    vals = [x for x in it if x is not UNDEFINED and x is not HOLE]
    if isinstance(f, JSFunction):
        def cmp(a, b):
            r = to_number(I.call(f, UNDEFINED, [a, b]))
            return 0 if r != r else (-1 if r < 0 else (1 if r > 0 else 0))
        vals.sort(key=functools.cmp_to_key(cmp))
    else:
        vals.sort(key=lambda x: [ord(c) if ord(c) < 0x10000 else 0xFFFF for c in to_str(x)])
    it[:] = vals + undef + holes
    return this


@m(ARRAY_PROTO, "fill")
def _fill(I, this, args):
    it = _items(I, this)
    n = len(it)
    for i in range(_idx(arg(args, 1), n, 0), _idx(arg(args, 2), n, n)):
        it[i] = arg(args, 0)
    return this


@m(ARRAY_PROTO, "at")
def _at(I, this, args):
    if isinstance(this, str):
        n = len(this)
        i = int(to_number(arg(args, 0)) or 0)
        i = i + n if i < 0 else i
        return this[i] if 0 <= i < n else UNDEFINED
    it = _items(I, this)
    i = int(to_number(arg(args, 0)) or 0)
    i = i + len(it) if i < 0 else i
    v = it[i] if 0 <= i < len(it) else UNDEFINED
    return UNDEFINED if v is HOLE else v


@m(ARRAY_PROTO, "flat")
def _flat(I, this, args):
    depth = 1 if arg(args, 0) is UNDEFINED else int(to_number(args[0]))

    def fl(items, d):
        out = []
        for x in items:
            if isinstance(x, JSArray) and d > 0:
                out.extend(fl(x.items, d - 1))
            else:
                out.append(x)
        return out

    return I.realm.array(fl(_items(I, this), depth))


@m(ARRAY_STATIC, "isArray")
def _is_array(I, this, args):
    return isinstance(arg(args, 0), JSArray)


@m(ARRAY_STATIC, "from")
def _from(I, this, args):
    src = arg(args, 0)
    f = arg(args, 1)
    if isinstance(src, (JSArray, str)):
        items = I.iterate(src)
    elif isinstance(src, JSObject):
        n = int(to_number(src.get("length")) or 0)
        if n > 10_000_000:
            I.unsupported("arrays of more than 10,000,000 elements are not supported")
        items = [src.get(str(i)) for i in range(n)]
    else:
        items = []
    if isinstance(f, JSFunction):
        items = [I.call(f, UNDEFINED, [v, float(i)]) for i, v in enumerate(items)]
    return I.realm.array(items)


@m(ARRAY_STATIC, "of")
def _of(I, this, args):
    return I.realm.array(list(args))


# -- String ----------------------------------------------------------------------------------------------


def _s(this) -> str:
    return this if isinstance(this, str) else to_str(this)


@m(STRING_PROTO, "toUpperCase")
def _upper(I, this, args):
    return _s(this).upper()


@m(STRING_PROTO, "toLowerCase")
def _lower(I, this, args):
    return _s(this).lower()


@m(STRING_PROTO, "trim")
def _trim(I, this, args):
    return _s(this).strip()


@m(STRING_PROTO, "trimStart")
def _trim_start(I, this, args):
    return _s(this).lstrip()


@m(STRING_PROTO, "trimEnd")
def _trim_end(I, this, args):
    return _s(this).rstrip()


@m(STRING_PROTO, "slice")
def _str_slice(I, this, args):
    s = _s(this)
    n = len(s)
    return s[_idx(arg(args, 0), n, 0):_idx(arg(args, 1), n, n)]


@m(STRING_PROTO, "substring")
def _substring(I, this, args):
    s = _s(this)
    n = len(s)

    def c(v, d):
        if v is UNDEFINED:
            return d
        x = to_number(v)
        return 0 if x != x else int(min(max(x, 0), n))

    a, b = c(arg(args, 0), 0), c(arg(args, 1), n)
    return s[min(a, b):max(a, b)]


@m(STRING_PROTO, "charAt")
def _char_at(I, this, args):
    s = _s(this)
    i = int(to_number(arg(args, 0)) or 0) if arg(args, 0) is not UNDEFINED else 0
    return s[i] if 0 <= i < len(s) else ""


@m(STRING_PROTO, "charCodeAt")
def _char_code_at(I, this, args):
    s = _s(this)
    i = int(to_number(arg(args, 0)) or 0) if arg(args, 0) is not UNDEFINED else 0
    return float(ord(s[i])) if 0 <= i < len(s) else math.nan


@m(STRING_PROTO, "split")
def _split(I, this, args):
    s = _s(this)
    sep = arg(args, 0)
    if sep is UNDEFINED:
        return I.realm.array([s])
    sep = to_str(sep)
    parts = list(s) if sep == "" else s.split(sep)
    if arg(args, 1) is not UNDEFINED:
        parts = parts[: int(to_number(args[1]))]
    return I.realm.array(parts)


@m(STRING_PROTO, "startsWith")
def _starts(I, this, args):
    return _s(this).startswith(to_str(arg(args, 0)), _idx(arg(args, 1), len(_s(this)), 0))


@m(STRING_PROTO, "endsWith")
def _ends(I, this, args):
    return _s(this).endswith(to_str(arg(args, 0)))


def _pad_impl(end: bool):
    def pad(I, this, args):
        s = _s(this)
        n = int(to_number(arg(args, 0)) or 0)
        fill = " " if arg(args, 1) is UNDEFINED else to_str(args[1])
        if n <= len(s) or fill == "":
            return s
        k = n - len(s)
        filler = (fill * (k // len(fill) + 1))[:k]
        return s + filler if end else filler + s
    return pad


STRING_PROTO["padStart"] = _pad_impl(False)
STRING_PROTO["padEnd"] = _pad_impl(True)


@m(STRING_PROTO, "repeat")
def _repeat(I, this, args):
    n = to_number(arg(args, 0))
    if n < 0 or n == math.inf:
        _throw(I, "RangeError", f"Invalid count value: {num_to_str(n)}")
    if len(_s(this)) * int(n) > 50_000_000:
        I.unsupported("strings longer than 50,000,000 characters are not supported")
    return _s(this) * int(n)


@m(STRING_PROTO, "replace")
def _replace(I, this, args):
    s = _s(this)
    pat = to_str(arg(args, 0))
    rep = arg(args, 1)
    i = s.find(pat)
    if i < 0:
        return s
    r = to_str(I.call(rep, UNDEFINED, [pat, float(i), s])) if isinstance(rep, JSFunction) else to_str(rep)
    return s[:i] + r + s[i + len(pat):]


@m(STRING_PROTO, "replaceAll")
def _replace_all(I, this, args):
    s = _s(this)
    pat = to_str(arg(args, 0))
    rep = arg(args, 1)
    if isinstance(rep, JSFunction):
        I.unsupported("replaceAll with a function is not supported")
    return s.replace(pat, to_str(rep))


@m(STRING_PROTO, "concat")
def _str_concat(I, this, args):
    return _s(this) + "".join(to_str(a) for a in args)


@m(STRING_PROTO, "toString", "valueOf")
def _str_to_string(I, this, args):
    return _s(this)


def _str_or_array(name):
    def f(I, this, args):
        if isinstance(this, str):
            return STRING_IMPL[name](I, this, args)
        return ARRAY_IMPL[name](I, this, args)
    return f


def _str_index_of(I, this, args):
    s = _s(this)
    return float(s.find(to_str(arg(args, 0)), _idx(arg(args, 1), len(s), 0)))


def _str_last_index_of(I, this, args):
    return float(_s(this).rfind(to_str(arg(args, 0))))


def _str_includes(I, this, args):
    return to_str(arg(args, 0)) in _s(this)


STRING_IMPL = {"indexOf": _str_index_of, "lastIndexOf": _str_last_index_of, "includes": _str_includes,
               "slice": _str_slice, "at": _at, "concat": _str_concat}
ARRAY_IMPL = {"indexOf": _index_of, "lastIndexOf": _last_index_of, "includes": _includes, "slice": _slice,
              "at": _at, "concat": _concat}
for _name in ("indexOf", "lastIndexOf", "includes", "at"):
    STRING_PROTO[_name] = _str_or_array(_name)


# -- Number ----------------------------------------------------------------------------------------


@m(NUMBER_PROTO, "toFixed")
def _to_fixed(I, this, args):
    x = to_number(this)
    d = int(to_number(arg(args, 0)) or 0) if arg(args, 0) is not UNDEFINED else 0
    if not 0 <= d <= 100:
        _throw(I, "RangeError", "toFixed() digits argument must be between 0 and 100")
    if not math.isfinite(x) or abs(x) >= 1e21:
        return num_to_str(x)
    from decimal import ROUND_HALF_UP, Decimal

    q = Decimal(x).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)
    s = f"{q:f}"
    if s.startswith("-") and float(q) == 0:
        s = s[1:]
    return s


@m(NUMBER_PROTO, "toString")
def _num_to_string(I, this, args):
    r = arg(args, 0)
    return num_to_str(to_number(this), 10 if r is UNDEFINED else int(to_number(r)))


@m(NUMBER_STATIC, "isInteger")
def _is_integer(I, this, args):
    x = arg(args, 0)
    return isinstance(x, float) and math.isfinite(x) and x == int(x)


@m(NUMBER_STATIC, "isFinite")
def _num_is_finite(I, this, args):
    x = arg(args, 0)
    return isinstance(x, float) and math.isfinite(x)


@m(NUMBER_STATIC, "isNaN")
def _num_is_nan(I, this, args):
    x = arg(args, 0)
    return isinstance(x, float) and x != x


@m(NUMBER_STATIC, "parseFloat")
def _num_parse_float(I, this, args):
    return _parse_float(to_str(arg(args, 0)))


@m(NUMBER_STATIC, "parseInt")
def _num_parse_int(I, this, args):
    return _parse_int(args)


# -- Math ------------------------------------------------------------------------------------------------


def _math1(fn, keep_non_finite: bool = False):
    def f(I, this, args):
        x = to_number(arg(args, 0))
        if keep_non_finite and not math.isfinite(x):
            return x
        try:
            return float(fn(x))
        except (ValueError, OverflowError):
            return math.nan
    return f


def _round(x: float) -> float:
    return float(math.floor(x + 0.5))


for _n, _f in {"floor": math.floor, "ceil": math.ceil, "trunc": math.trunc, "round": _round,
               "sign": lambda x: x if x == 0 else math.copysign(1.0, x)}.items():
    MATH[_n] = _math1(_f, keep_non_finite=True)
for _n, _f in {"abs": abs, "sqrt": math.sqrt, "log": math.log, "log2": math.log2, "log10": math.log10,
               "exp": math.exp, "sin": math.sin, "cos": math.cos, "tan": math.tan,
               "cbrt": lambda x: math.copysign(abs(x) ** (1 / 3), x)}.items():
    MATH[_n] = _math1(_f)


@m(MATH, "max")
def _max(I, this, args):
    r = -math.inf
    for a in args:
        x = to_number(a)
        if x != x:
            return math.nan
        r = max(r, x)
    return r


@m(MATH, "min")
def _min(I, this, args):
    r = math.inf
    for a in args:
        x = to_number(a)
        if x != x:
            return math.nan
        r = min(r, x)
    return r


@m(MATH, "pow")
def _pow(I, this, args):
    return I.binary("**", to_number(arg(args, 0)), to_number(arg(args, 1)))


@m(MATH, "random")
def _random(I, this, args):
    return I.realm.rng.random()  # seeded: a rerun (or a step back) gives the same numbers


# -- JSON ------------------------------------------------------------------------------------------------


@m(JSON_, "stringify")
def _stringify(I, this, args):
    from tui.core.script.jsjson import stringify

    ind = arg(args, 2)
    indent = " " * int(to_number(ind)) if isinstance(ind, float) else (ind if isinstance(ind, str) else "")
    if arg(args, 1) not in (UNDEFINED, None):
        I.unsupported("JSON.stringify with a replacer is not supported")
    try:
        return stringify(arg(args, 0), indent[:10])
    except ValueError as e:
        _throw(I, "TypeError", str(e))


@m(JSON_, "parse")
def _json_parse(I, this, args):
    import json

    from tui.core.script.jsjson import parse

    try:
        return parse(to_str(arg(args, 0)), I.realm)
    except (json.JSONDecodeError, RecursionError) as e:
        _throw(I, "SyntaxError", f"Unexpected token in JSON at position {getattr(e, 'pos', 0)}")


# -- Promise -------------------------------------------------------------------------------------------


def _promise(I, this):
    from tui.core.script.promise import JSPromise

    if not isinstance(this, JSPromise):
        _throw(I, "TypeError", "Method Promise.prototype.then called on incompatible receiver")
    return this


@m(PROMISE_PROTO, "then")
def _then(I, this, args):
    return I.promises.js_then(_promise(I, this), arg(args, 0), arg(args, 1))


@m(PROMISE_PROTO, "catch")
def _catch(I, this, args):
    # Promise.prototype.catch is Invoke(this, "then", undefined, onRejected).
    then = I.get_prop(this, "then")
    return I.call(then, this, [UNDEFINED, arg(args, 0)])


@m(PROMISE_PROTO, "finally")
def _finally(I, this, args):
    f = arg(args, 0)
    P = I.promises
    if not isinstance(f, JSFunction):
        return I.call(I.get_prop(this, "then"), this, [f, f])
    r = I.realm

    def then_finally(_, a):
        value = arg(a, 0)
        res = I.call(f, UNDEFINED, [])
        p = P.promise_resolve(res)
        return P.js_then(p, r.native("", lambda t, aa: value), UNDEFINED)

    def catch_finally(_, a):
        reason = arg(a, 0)
        res = I.call(f, UNDEFINED, [])
        p = P.promise_resolve(res)

        def thrower(t, aa):
            raise JSThrow(reason)
        return P.js_then(p, r.native("", thrower), UNDEFINED)

    return I.call(I.get_prop(this, "then"), this, [r.native("", then_finally), r.native("", catch_finally)])


@m(PROMISE_STATIC, "resolve")
def _p_resolve(I, this, args):
    return I.promises.promise_resolve(arg(args, 0))


@m(PROMISE_STATIC, "reject")
def _p_reject(I, this, args):
    return I.promises.settled_promise(arg(args, 0), False)


def _combinator(kind: str):
    def comb(I, this, args):
        P = I.promises
        r = I.realm
        out = P.new()
        res_all, rej_all = P.resolving_functions(out)
        items = I.iterate(arg(args, 0))
        values = [UNDEFINED] * len(items)
        left = [len(items) + 1]

        def finish_one():
            left[0] -= 1
            if left[0] == 0:
                I.call(res_all, UNDEFINED, [r.array(values)])

        for i, item in enumerate(items):
            p = P.promise_resolve(item)

            if kind == "all":
                def ok(t, a, i=i):
                    values[i] = arg(a, 0)
                    finish_one()
                    return UNDEFINED
                on_ok, on_err = r.native("", ok), rej_all
            elif kind == "allSettled":
                def ok(t, a, i=i):
                    values[i] = r.obj({"status": "fulfilled", "value": arg(a, 0)})
                    finish_one()
                    return UNDEFINED

                def err(t, a, i=i):
                    values[i] = r.obj({"status": "rejected", "reason": arg(a, 0)})
                    finish_one()
                    return UNDEFINED
                on_ok, on_err = r.native("", ok), r.native("", err)
            else:  # race
                on_ok, on_err = res_all, rej_all
            I.call(I.get_prop(p, "then"), p, [on_ok, on_err])
        if kind != "race":
            finish_one()
        return out
    return comb


PROMISE_STATIC["all"] = _combinator("all")
PROMISE_STATIC["allSettled"] = _combinator("allSettled")
PROMISE_STATIC["race"] = _combinator("race")


# -- Error, Buffer -----------------------------------------------------------------------------------------


@m(ERROR_PROTO, "toString")
def _err_to_string(I, this, args):
    return to_str(this) if isinstance(this, JSError) else "Error"


@m(BUFFER_PROTO, "toString")
def _buf_to_string(I, this, args):
    if not isinstance(this, Buffer):
        return to_str(this)
    enc = "utf8" if arg(args, 0) is UNDEFINED else to_str(args[0]).lower()
    data = this.data
    if enc == "hex":
        return data.hex()
    if enc == "base64":
        import base64

        return base64.b64encode(data).decode()
    if enc in ("utf8", "utf-8"):
        return js_str(data.decode("utf-8", "replace"))
    if enc in ("latin1", "binary", "ascii"):
        return data.decode("latin-1")
    I.unsupported(f"Buffer encoding '{enc}' is not supported")
