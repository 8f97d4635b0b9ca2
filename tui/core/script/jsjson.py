"""JSON.stringify and JSON.parse for the interpreter's values."""

from __future__ import annotations

import json
import math

from tui.core.script.values import UNDEFINED, Buffer, js_str, JSArray, JSFunction, JSObject, num_to_str


def stringify(v, indent: str = "", _cur: str = "", _seen=None):
    seen = _seen if _seen is not None else []
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return num_to_str(v) if math.isfinite(v) else "null"
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if v is UNDEFINED or isinstance(v, JSFunction):
        return UNDEFINED
    if isinstance(v, JSObject):
        if any(v is s for s in seen):
            raise ValueError("Converting circular structure to JSON")
        seen.append(v)
        inner = _cur + indent
        if isinstance(v, JSArray):
            parts = [stringify(x, indent, inner, seen) for x in v.items]
            parts = ["null" if p is UNDEFINED else p for p in parts]
            open_, close = "[", "]"
        elif isinstance(v, Buffer):
            seen.pop()
            data = ",".join(str(b) for b in v.data)
            return '{"type":"Buffer","data":[' + data + "]}"
        else:
            parts = []
            for k in v.own_keys():
                s = stringify(v.props[k], indent, inner, seen)
                if s is UNDEFINED:
                    continue
                parts.append(json.dumps(k, ensure_ascii=False) + (": " if indent else ":") + s)
            open_, close = "{", "}"
        seen.pop()
        if not parts:
            return open_ + close
        if indent:
            return open_ + "\n" + inner + (",\n" + inner).join(parts) + "\n" + _cur + close
        return open_ + ",".join(parts) + close
    return UNDEFINED


def parse(text: str, realm):
    def conv(x):
        if isinstance(x, dict):
            o = JSObject(realm.object_proto)
            for k, val in x.items():
                o.props[k] = conv(val)
            return o
        if isinstance(x, list):
            return JSArray(realm.array_proto, [conv(i) for i in x])
        if isinstance(x, str):
            return js_str(x)
        if isinstance(x, bool) or x is None:
            return x
        return float(x)

    return conv(json.loads(text))
