"""console.log's formatting: Node's util.inspect (lib/internal/util/inspect.js, v20) for our values.

Ported rules: quotes chosen by strEscape, keys bare when /^[a-zA-Z_][a-zA-Z_0-9]*$/,
depth 2 then [Object]/[Array], breakLength 80 and compact 3
(reduceToSingleString, isBelowBreakLength), groupArrayElements for arrays
of more than 6 entries, maxArrayLength 100, long strings split on newlines.
"""

from __future__ import annotations

import math
import re

from tui.core.script.values import (HOLE, UNDEFINED, Buffer, JSArray, JSError, JSFunction, JSObject, num_to_str,
                                    to_number, to_str)

BREAK = 80
COMPACT = 3
DEPTH = 2
MAX_ARRAY = 100
_OPAQUE = {"Timeout", "Immediate", "Stats", "Socket"}
_KEY = re.compile(r"^[a-zA-Z_][a-zA-Z_0-9]*$")
_META = {i: f"\\x{i:02X}" for i in list(range(0x20)) + list(range(0x7F, 0xA0))}
_META.update({8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r", 0x27: "\\'", 0x5C: "\\\\"})


def str_escape(s: str) -> str:
    quote = "'"
    if "'" in s:
        if '"' not in s:
            quote = '"'
        elif "`" not in s and "${" not in s:
            quote = "`"
    out = []
    for ch in s:
        o = ord(ch)
        if ch == quote == "'":
            out.append("\\'")
        elif o in _META and ch != "'":
            out.append(_META[o])
        else:
            out.append(ch)
    return quote + "".join(out) + quote


class _Ctx:
    def __init__(self) -> None:
        self.indent = 0
        self.current_depth = 0
        self.seen: list = []
        self.circular: dict[int, int] = {}


def inspect(v) -> str:
    return _value(_Ctx(), v, 0)


def _value(ctx: _Ctx, v, rt: int, in_container: bool = True) -> str:
    if isinstance(v, str):
        if len(v) > 16 and len(v) > BREAK - ctx.indent - 4:
            parts = re.split(r"(?<=\n)", v)
            parts = [p for p in parts if p != ""] or [""]
            return f" +\n{' ' * (ctx.indent + 2)}".join(str_escape(p) for p in parts)
        return str_escape(v)
    if isinstance(v, float):
        if v == 0 and math.copysign(1, v) < 0:
            return "-0"
        return num_to_str(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is UNDEFINED:
        return "undefined"
    if v is None:
        return "null"
    if isinstance(v, JSObject):
        if any(v is s for s in ctx.seen):
            idx = ctx.circular.setdefault(id(v), len(ctx.circular) + 1)
            return f"[Circular *{idx}]"
        return _raw(ctx, v, rt)
    return str(v)


def _fn_base(f: JSFunction) -> str:
    kind = "AsyncFunction" if f.is_async else "Function"
    return f"[{kind}: {f.name}]" if f.name else f"[{kind} (anonymous)]"


def _raw(ctx: _Ctx, v: JSObject, rt: int) -> str:
    from tui.core.script.promise import JSPromise

    keys = v.own_keys() if not isinstance(v, (JSArray, Buffer)) else list(JSObject.own_keys(v))
    base = ""
    braces = ["{", "}"]
    is_array = False
    if isinstance(v, JSArray):
        is_array = True
        prefix = ""
        braces = [f"{prefix}[", "]"]
        if not v.items and not keys:
            return "[]"
    elif isinstance(v, JSFunction):
        base = _fn_base(v)
        keys = [k for k in keys if k not in ("prototype",)]
        if not keys:
            return base
    elif isinstance(v, JSError):
        base = to_str(v.get("stack"))
        if "\n    at" not in base:
            base = f"[{base}]"  # formatError: an error without stack frames is shown in brackets
        keys = [k for k in keys if k not in ("stack", "message")]
        if not keys:
            return base
    elif isinstance(v, Buffer):
        data = v.data
        shown = " ".join(f"{b:02x}" for b in data[:50])
        more = f" ... {len(data) - 50} more bytes" if len(data) > 50 else ""
        return f"<Buffer{' ' if shown else ''}{shown}{more}>"
    elif isinstance(v, JSPromise):
        braces = ["Promise {", "}"]
    elif v.cls in _OPAQUE:
        from tui.core.script.errors import Unsupported

        # Node shows their internals (Timeout's _idleTimeout…, Stats' dev/ino…): ptview would misprint them.
        raise Unsupported(f"printing a {v.cls} object is not supported")
    elif v.cls not in ("Object",):
        braces = [f"{v.cls} {{", "}"]
    else:
        if not keys:
            return "{}"
    if rt > DEPTH:
        return "[Array]" if is_array else ("[Object]" if v.cls == "Object" else f"[{v.cls}]")
    rt += 1
    ctx.seen.append(v)
    ctx.current_depth = rt
    output: list[str] = []
    if is_array:
        items = v.items
        holes = 0
        for x in items[:MAX_ARRAY]:
            if x is HOLE:
                holes += 1
                continue
            if holes:
                output.append(f"<{holes} empty item{'s' if holes > 1 else ''}>")
                holes = 0
            output.append(_prop_value(ctx, x, rt))
        if holes:
            output.append(f"<{holes} empty item{'s' if holes > 1 else ''}>")
        if len(items) > MAX_ARRAY:
            rest = len(items) - MAX_ARRAY
            output.append(f"... {rest} more item{'s' if rest > 1 else ''}")
    elif isinstance(v, JSPromise):
        if v.state == "pending":
            output.append("<pending>")
        else:
            ctx.indent += 2
            s = _value(ctx, v.value, rt)
            ctx.indent -= 2
            output.append(s if v.state == "fulfilled" else f"<rejected> {s}")
    for k in keys:
        val = v.props[k]
        output.append(f"{_key(k)}: {_prop_value(ctx, val, rt)}")
    ctx.seen.pop()
    idx = ctx.circular.get(id(v))
    if idx is not None:
        ref = f"<ref *{idx}>"
        base = ref if base == "" else f"{ref} {base}"
    return _reduce(ctx, output, base, braces, is_array, rt, v)


def _prop_value(ctx: _Ctx, x, rt: int) -> str:
    ctx.indent += 2
    s = _value(ctx, x, rt)
    ctx.indent -= 2
    return s


def _key(k: str) -> str:
    return k if _KEY.match(k) else str_escape(k)


def _reduce(ctx: _Ctx, output: list[str], base: str, braces: list[str], is_array: bool, rt: int, value) -> str:
    entries = len(output)
    if is_array and entries > 6:
        output = _group(ctx, output, value)
    if ctx.current_depth - rt < COMPACT and entries == len(output):
        start = len(output) + ctx.indent + len(braces[0]) + len(base) + 10
        if _below(output, start, base):
            joined = ", ".join(output)
            if "\n" not in joined:
                return f"{base + ' ' if base else ''}{braces[0]} {joined} {braces[1]}"
    ind = "\n" + " " * ctx.indent
    return f"{base + ' ' if base else ''}{braces[0]}{ind}  {(',' + ind + '  ').join(output)}{ind}{braces[1]}"


def _below(output: list[str], start: int, base: str) -> bool:
    total = len(output) + start
    if total + len(output) > BREAK:
        return False
    for s in output:
        total += len(s)
        if total > BREAK:
            return False
    return base == "" or "\n" not in base


def _group(ctx: _Ctx, output: list[str], value) -> list[str]:
    total = 0
    max_len = 0
    out_len = len(output)
    if isinstance(value, JSArray) and len(value.items) > MAX_ARRAY:
        out_len -= 1
    sep = 2
    data_len = []
    for i in range(out_len):
        n = len(output[i])
        data_len.append(n)
        total += n + sep
        max_len = max(max_len, n)
    actual_max = max_len + sep
    if actual_max * 3 + ctx.indent < BREAK and (total / actual_max > 5 or max_len <= 6):
        average_bias = math.sqrt(actual_max - total / len(output))
        biased_max = max(actual_max - 3 - average_bias, 1)
        columns = min(
            _js_round(math.sqrt(2.5 * biased_max * out_len) / biased_max),
            (BREAK - ctx.indent) // actual_max,
            COMPACT * 4,
            15,
        )
        if columns <= 1:
            return output
        tmp = []
        max_line = []
        for i in range(columns):
            line_max = 0
            for j in range(i, len(output), columns):
                if j < out_len and data_len[j] > line_max:
                    line_max = data_len[j]
            max_line.append(line_max + sep)
        numeric = isinstance(value, JSArray) and all(isinstance(x, float) for x in value.items)
        for i in range(0, out_len, columns):
            mx = min(i + columns, out_len)
            s = ""
            j = i
            while j < mx - 1:
                cell = output[j] + ", "
                s += cell.rjust(max_line[j - i]) if numeric else cell.ljust(max_line[j - i])
                j += 1
            if numeric:
                s += output[j].rjust(max_line[j - i] - sep)
            else:
                s += output[j]
            tmp.append(s)
        if out_len < len(output):
            tmp.append(output[out_len])
        return tmp
    return output


def _js_round(x: float) -> int:
    return math.floor(x + 0.5)


def format_log(args: list) -> str:
    """console.log(...args): util.formatWithOptions — %s %d %i %f %j %o %O %c %% in a leading string."""
    if not args:
        return ""
    first = args[0]
    parts: list[str] = []
    rest = list(args[1:])
    if isinstance(first, str):
        if "%" in first and rest:
            out = []
            i = 0
            s = first
            while i < len(s):
                ch = s[i]
                if ch == "%" and i + 1 < len(s):
                    c = s[i + 1]
                    if c == "%":
                        out.append("%")
                        i += 2
                        continue
                    if c in "sdifjoOc" and rest:
                        a = rest.pop(0)
                        out.append(_spec(c, a))
                        i += 2
                        continue
                out.append(ch)
                i += 1
            parts.append("".join(out))
        else:
            parts.append(first)
    else:
        parts.append(inspect(first))
    for a in rest:
        parts.append(a if isinstance(a, str) else inspect(a))
    return " ".join(parts)


def _spec(c: str, a) -> str:
    if c == "s":
        if isinstance(a, str):
            return a
        if isinstance(a, JSObject) and not isinstance(a, JSFunction):
            return inspect(a)
        return inspect(a) if isinstance(a, float) else to_str(a)
    if c in "di":
        if isinstance(a, JSObject):
            return "NaN"
        n = to_number(a)
        if c == "i":
            n = float(math.trunc(n)) if n == n and n not in (math.inf, -math.inf) else n
        return num_to_str(n)
    if c == "f":
        return num_to_str(to_number(a))
    if c == "j":
        from tui.core.script.jsjson import stringify

        r = stringify(a)
        return "undefined" if r is UNDEFINED else r
    if c == "O":
        return inspect(a)
    if c == "o":
        from tui.core.script.errors import Unsupported

        raise Unsupported("console.log's %o (showHidden) is not supported: use %O")
    return ""  # %c: CSS, ignored by Node in a terminal
