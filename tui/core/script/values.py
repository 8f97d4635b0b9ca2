"""JavaScript values as the interpreter holds them, and the conversions between them.

undefined is UNDEFINED, null is None, booleans are bool, every number is a
float (JS has one number type), strings are str; objects are JSObject and
its subclasses below.
"""

from __future__ import annotations

import math
from typing import Any, Callable


class _Undefined:
    __slots__ = ()

    def __repr__(self) -> str:
        return "undefined"

    def __bool__(self) -> bool:
        return False


UNDEFINED = _Undefined()


class _Hole:
    """An array slot that was never set (`Array(3)`, `[, 1]`): reads as undefined, shown as empty."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<empty>"


HOLE = _Hole()


class JSObject:
    __slots__ = ("props", "proto", "cls")

    def __init__(self, proto: "JSObject | None" = None, props: dict | None = None, cls: str = "Object") -> None:
        self.props: dict[str, Any] = props if props is not None else {}
        self.proto = proto
        self.cls = cls  # what util.inspect and typeof need to know

    def get_own(self, key: str):
        return self.props.get(key, UNDEFINED) if key in self.props else _MISSING

    def get(self, key: str):
        o = self
        while o is not None:
            v = o.get_own(key)
            if v is not _MISSING:
                return v
            o = o.proto
        return UNDEFINED

    def has(self, key: str) -> bool:
        o = self
        while o is not None:
            if o.get_own(key) is not _MISSING:
                return True
            o = o.proto
        return False

    def put(self, key: str, value) -> None:
        self.props[key] = value

    def delete(self, key: str) -> bool:
        self.props.pop(key, None)
        return True

    def own_keys(self) -> list[str]:
        """Integer-like keys first in ascending order, then the rest in insertion order (as JS)."""
        keys = list(self.props)
        ints = [k for k in keys if _is_index(k)]
        if not ints:
            return keys
        rest = [k for k in keys if not _is_index(k)]
        return sorted(ints, key=int) + rest


class _Missing:
    __slots__ = ()


_MISSING = _Missing()


def _is_index(k: str) -> bool:
    return k.isdigit() and (k == "0" or k[0] != "0") and len(k) < 10


class JSArray(JSObject):
    __slots__ = ("items",)

    def __init__(self, proto: JSObject | None, items: list | None = None) -> None:
        super().__init__(proto, None, "Array")
        self.items: list = items if items is not None else []

    def get_own(self, key: str):
        if key == "length":
            return float(len(self.items))
        if _is_index(key):
            i = int(key)
            if i < len(self.items):
                v = self.items[i]
                return _MISSING if v is HOLE else v
            return _MISSING
        return super().get_own(key)

    def put(self, key: str, value) -> None:
        if key == "length":
            n = int(to_number(value))
            if n < len(self.items):
                del self.items[n:]
            else:
                self.items.extend([HOLE] * (n - len(self.items)))
            return
        if _is_index(key):
            i = int(key)
            if i >= len(self.items):
                if i - len(self.items) > 10_000_000:
                    from tui.core.script.errors import Unsupported

                    raise Unsupported(f"sparse array index {i} is not supported")
                self.items.extend([HOLE] * (i + 1 - len(self.items)))
            self.items[i] = value
            return
        super().put(key, value)

    def own_keys(self) -> list[str]:
        return [str(i) for i, v in enumerate(self.items) if v is not HOLE] + super().own_keys()

    def delete(self, key: str) -> bool:
        if _is_index(key):
            if int(key) < len(self.items):
                self.items[int(key)] = HOLE
            return True
        return super().delete(key)

    def values(self) -> list:
        """The elements as iteration sees them: holes read as undefined."""
        return [UNDEFINED if v is HOLE else v for v in self.items]


class JSFunction(JSObject):
    __slots__ = ("name",)

    def __init__(self, proto: JSObject | None, name: str = "") -> None:
        super().__init__(proto, None, "Function")
        self.name = name

    is_async = False

    def get_own(self, key: str):
        if key == "name":
            return self.name
        return super().get_own(key)


class Native(JSFunction):
    """A function written in Python: fn(this, args) -> value."""

    __slots__ = ("fn", "ctor")

    def __init__(self, proto: JSObject | None, name: str, fn: Callable, ctor: Callable | None = None) -> None:
        super().__init__(proto, name)
        self.fn = fn
        self.ctor = ctor  # what `new` does, when it is allowed


class Closure(JSFunction):
    """A function written in the script: its AST node and the scope it closes over."""

    __slots__ = ("node", "env", "arrow", "this_val", "bound")

    def __init__(self, proto: JSObject | None, node, env, name: str = "") -> None:
        super().__init__(proto, name)
        self.node = node
        self.env = env
        self.arrow = node.type == "ArrowFunctionExpression"

    @property
    def is_async(self) -> bool:  # type: ignore[override]
        return bool(self.node.isAsync)

    def get_own(self, key: str):
        if key == "length":  # parameters before the first default or rest one
            n = 0
            for p in self.node.params:
                if p.type in ("AssignmentPattern", "RestElement"):
                    break
                n += 1
            return float(n)
        return super().get_own(key)

    @property
    def line(self) -> int:
        return self.node.loc.start.line


class Bound(JSFunction):
    __slots__ = ("target", "this_val", "args")

    def __init__(self, proto, target: JSFunction, this_val, args: list) -> None:
        super().__init__(proto, "bound " + target.name)
        self.target = target
        self.this_val = this_val
        self.args = args


class JSError(JSObject):
    """Error objects: name, message, and Node's `code` for system errors."""

    __slots__ = ()

    def __init__(self, proto: JSObject | None, message: str, name: str = "Error") -> None:
        super().__init__(proto, None, "Error")
        self.props["message"] = message
        self.props["stack"] = f"{name}: {message}\n    at <anonymous> (interpreted by ptview)"


class Buffer(JSObject):
    """A Node Buffer: bytes, or a promise of them (`load`) for contents ptview did not read yet."""

    __slots__ = ("_data", "_len", "_load")

    def __init__(self, proto, data: bytes | None = None, length: int | None = None,
                 load: Callable[[], bytes] | None = None) -> None:
        super().__init__(proto, None, "Buffer")
        self._data = data
        self._len = len(data) if data is not None else length
        self._load = load

    @property
    def data(self) -> bytes:
        if self._data is None:
            self._data = self._load() if self._load else b"\0" * self._len
            if len(self._data) != self._len:  # the file changed since it was "read": keep the length
                self._data = (self._data + b"\0" * self._len)[: self._len]
        return self._data

    def get_own(self, key: str):
        if key == "length":
            return float(self._len)
        if _is_index(key):
            i = int(key)
            return float(self.data[i]) if i < self._len else UNDEFINED
        return super().get_own(key)


# -- strings are UTF-16, as in JS ---------------------------------------------------------


def js_str(s: str) -> str:
    """Python text → a JS string: characters beyond U+FFFF become surrogate pairs, so that
    length, indexing and slicing count UTF-16 units as JS does ('😀'.length is 2)."""
    if s.isascii() or all(ord(c) <= 0xFFFF for c in s):
        return s
    out = []
    for c in s:
        o = ord(c)
        if o > 0xFFFF:
            o -= 0x10000
            out.append(chr(0xD800 + (o >> 10)))
            out.append(chr(0xDC00 + (o & 0x3FF)))
        else:
            out.append(c)
    return "".join(out)


def py_str(s: str) -> str:
    """A JS string → Python text for output: pairs recombined, a lone surrogate becomes U+FFFD."""
    if s.isascii():
        return s
    return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def utf8(s: str) -> bytes:
    return py_str(s).encode("utf-8")


# -- conversions -------------------------------------------------------------------------


def typeof(v) -> str:
    if v is UNDEFINED:
        return "undefined"
    if v is None:
        return "object"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, float):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, JSFunction):
        return "function"
    return "object"


def truthy(v) -> bool:
    if v is UNDEFINED or v is None:
        return False
    if isinstance(v, bool):
        return v
    if isinstance(v, float):
        return not (v == 0 or v != v)
    if isinstance(v, str):
        return v != ""
    return True


def to_number(v) -> float:
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if isinstance(v, float):
        return v
    if v is UNDEFINED:
        return math.nan
    if v is None:
        return 0.0
    if isinstance(v, str):
        return str_to_number(v)
    if isinstance(v, JSArray):
        if not v.items:
            return 0.0
        if len(v.items) == 1:
            return to_number(to_str(v.items[0]))
        return math.nan
    return math.nan


def str_to_number(s: str) -> float:
    s = s.strip(" \t\n\r\v\f\u00a0\ufeff")
    if s == "":
        return 0.0
    sign = 1.0
    body = s
    if body[0] in "+-":
        sign = -1.0 if body[0] == "-" else 1.0
        body = body[1:]
    if body == "Infinity":
        return sign * math.inf
    low = body.lower()
    if s[0] not in "+-" and low[:2] in ("0x", "0o", "0b"):
        base = {"0x": 16, "0o": 8, "0b": 2}[low[:2]]
        try:
            return float(int(body[2:], base))
        except ValueError:
            return math.nan
    if not body or any(c not in "0123456789.eE+-" for c in body) or "inf" in low or "nan" in low:
        return math.nan
    try:
        return sign * float(body)
    except ValueError:
        return math.nan


def to_int32(v) -> int:
    n = to_number(v)
    if n != n or n in (math.inf, -math.inf):
        return 0
    i = int(n) & 0xFFFFFFFF
    return i - (1 << 32) if i >= 1 << 31 else i


def to_uint32(v) -> int:
    return to_int32(v) & 0xFFFFFFFF


def num_to_str(x: float, radix: int = 10) -> str:
    """Number::toString: the shortest round-trip digits, laid out by JS's rules."""
    if x != x:
        return "NaN"
    if x == 0:
        return "0"
    if x in (math.inf, -math.inf):
        return "Infinity" if x > 0 else "-Infinity"
    if radix != 10:
        return _radix(x, radix)
    if x.is_integer() and abs(x) < 1e21:
        return str(int(x))
    sign = "-" if x < 0 else ""
    r = repr(abs(x))
    mant, _, exp = r.partition("e")
    e = int(exp) if exp else 0
    if "." in mant:
        ip, fp = mant.split(".")
    else:
        ip, fp = mant, ""
    digits = (ip + fp).lstrip("0")
    # position of the decimal point relative to the digits: value = 0.digits × 10^n
    n = len(ip) + e if ip != "0" else e - (len(fp) - len(fp.lstrip("0")))
    digits = digits.rstrip("0") or "0"
    k = len(digits)
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + digits
    e1 = n - 1
    es = f"+{e1}" if e1 >= 0 else str(e1)
    if k == 1:
        return f"{sign}{digits}e{es}"
    return f"{sign}{digits[0]}.{digits[1:]}e{es}"


def _radix(x: float, radix: int) -> str:
    sign = "-" if x < 0 else ""
    x = abs(x)
    ip = int(x)
    chars = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        out = chars[ip % radix] + out
        ip //= radix
        if ip == 0:
            break
    frac = x - int(x)
    if frac:
        out += "."
        for _ in range(20):
            frac *= radix
            d = int(frac)
            out += chars[d]
            frac -= d
            if not frac:
                break
    return sign + out


def to_str(v) -> str:
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return num_to_str(v)
    if v is UNDEFINED:
        return "undefined"
    if v is None:
        return "null"
    if isinstance(v, JSArray):
        return ",".join("" if x is UNDEFINED or x is None or x is HOLE else to_str(x) for x in v.items)
    if isinstance(v, Buffer):
        return js_str(v.data.decode("utf-8", "replace"))
    if isinstance(v, JSError):
        name = to_str(v.get("name"))
        msg = to_str(v.get("message"))
        return f"{name}: {msg}" if msg else name
    if isinstance(v, JSFunction):
        return f"function {v.name}() {{ [native code] }}"
    return "[object Object]"


def to_key(v) -> str:
    return to_str(v)


def strict_equals(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return a == b
    if type(a) is not type(b):
        return False
    if isinstance(a, (str, bool)):
        return a == b
    return a is b


def loose_equals(a, b) -> bool:
    if (a is None or a is UNDEFINED) and (b is None or b is UNDEFINED):
        return True
    if a is None or a is UNDEFINED or b is None or b is UNDEFINED:
        return False
    if type(a) is type(b) or (isinstance(a, JSObject) and isinstance(b, JSObject)):
        return strict_equals(a, b)
    if isinstance(a, JSObject):
        a = to_primitive(a)
    if isinstance(b, JSObject):
        b = to_primitive(b)
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    return to_number(a) == to_number(b)


def to_primitive(v):
    if isinstance(v, JSObject):
        return to_str(v)
    return v
