"""Parse with esprima and check the whole program against the subset before anything runs.

Anything outside the subset is one Unsupported error naming the construct
and its line:column, so a script either runs as Node would run it or does
not run at all.
"""

from __future__ import annotations

import esprima

from tui.core.script.errors import ScriptError, Unsupported

# Statement and expression kinds the interpreter implements.
ALLOWED = {
    "Program", "VariableDeclaration", "VariableDeclarator", "FunctionDeclaration", "FunctionExpression",
    "ArrowFunctionExpression", "ExpressionStatement", "BlockStatement", "EmptyStatement", "IfStatement",
    "ForStatement", "ForOfStatement", "ForInStatement", "WhileStatement", "DoWhileStatement",
    "ReturnStatement", "BreakStatement", "ContinueStatement", "ThrowStatement", "TryStatement",
    "CatchClause", "SwitchStatement", "SwitchCase", "Identifier", "Literal", "TemplateLiteral",
    "TemplateElement", "ArrayExpression", "ObjectExpression", "Property", "SpreadElement", "RestElement",
    "ArrayPattern", "ObjectPattern", "AssignmentPattern", "UnaryExpression", "UpdateExpression",
    "BinaryExpression", "LogicalExpression", "AssignmentExpression", "ConditionalExpression",
    "CallExpression", "NewExpression", "MemberExpression", "SequenceExpression", "AwaitExpression",
    "ThisExpression",
}

NAMED = {
    "ClassDeclaration": "class declarations",
    "ClassExpression": "class expressions",
    "ClassBody": "classes",
    "LabeledStatement": "labels",
    "WithStatement": "with statements",
    "DebuggerStatement": "debugger statements",
    "TaggedTemplateExpression": "tagged templates",
    "YieldExpression": "generators (yield)",
    "MetaProperty": "new.target",
    "Super": "super",
    "Import": "dynamic import()",
    "ImportDeclaration": "import declarations (use require)",
    "ExportNamedDeclaration": "export declarations",
}

# Globals a script may name (see builtins.make_globals and node_host).
GLOBALS = {
    "console", "setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval",
    "clearImmediate", "queueMicrotask", "process", "Promise", "Date", "Math", "JSON", "require",
    "module", "exports", "__filename", "__dirname", "Error", "TypeError", "RangeError", "Number",
    "String", "Boolean", "Array", "Object", "parseInt", "parseFloat", "isNaN", "isFinite", "undefined",
    "NaN", "Infinity", "Buffer", "performance", "globalThis",
}

MODULES = {
    "fs": {"readFile", "stat", "promises"},
    "dns": {"lookup", "resolve", "resolve4", "promises"},
    "crypto": {"pbkdf2"},
    "zlib": {"gzip"},
    "child_process": set(),  # required for the error it gives: nothing here may spawn
    "net": {"connect", "createConnection"},  # a refused loopback connection: see node_host.NetConnect
}
MODULE_NAMES = ", ".join(MODULES)

# Standard methods ptview lacks: refused even when the script's own property names are unknowable.
UNIMPLEMENTED = {
    "flatMap", "copyWithin", "reduceRight", "findLast", "findLastIndex", "localeCompare", "match",
    "matchAll", "search", "codePointAt", "normalize", "toLocaleString", "toPrecision", "toExponential",
    "fromCharCode", "fromCodePoint", "getOwnPropertyNames", "defineProperty", "getPrototypeOf",
    "setPrototypeOf", "create", "seal", "isFrozen", "any", "withResolvers", "hrtime", "memoryUsage",
    "cpuUsage", "uptime", "emitWarning", "readFileSync", "writeFile", "writeFileSync", "unlink",
}


def load(source: str) -> "esprima.nodes.Node":
    """Parse `source` and check it; raises ScriptError/Unsupported with a line and a column."""
    if source.startswith("#!"):
        source = "//" + source[2:]  # a shebang line, as Node allows
    try:
        tree = esprima.parseScript(source, {"loc": True, "range": True})
    except esprima.Error as e:
        raise _syntax(source, e) from None
    except RecursionError:
        raise ScriptError("the program is nested too deeply to parse") from None
    Checker(source).check(tree)
    return tree


def _syntax(source: str, e) -> ScriptError:
    line = getattr(e, "lineNumber", None)
    col = getattr(e, "column", None)
    msg = str(getattr(e, "description", None) or e.message)
    msg = msg.split(": ", 1)[1] if msg.startswith("Line ") and ": " in msg else msg
    index = getattr(e, "index", None)
    if index is not None:
        # esprima 4 predates ES2020: say what the construct is rather than "Unexpected token".
        lo = max(0, index - 1)
        here = source[lo: index + 2]
        for tok, what in (("?.", "optional chaining (?.)"), ("??", "nullish coalescing (??)")):
            if tok in here:
                at = lo + here.index(tok)
                col = at - source.rfind("\n", 0, at)  # 1-based
                return Unsupported(f"{what} is not supported", line, col)
    if "import" in msg.lower() or source.lstrip().startswith(("import ", "export ")):
        if any(source[i:].startswith(("import", "export")) for i in (index or 0, max(0, (index or 1) - 1))):
            return Unsupported("ES modules (import/export) are not supported: use require()", line, col)
    return ScriptError(f"syntax error: {msg}", line, col)


def _pos(node) -> tuple[int, int]:
    return node.loc.start.line, node.loc.start.column + 1


class Checker:
    def __init__(self, source: str) -> None:
        self.source = source
        self.declared: set[str] = set()
        self.module_vars: dict[str, str] = {}
        self.refs: list = []          # (Identifier node)
        self.members: list = []       # (MemberExpression node)
        self.defined_props: set[str] = set()
        self.dynamic_props = False  # JSON.parse or o[expr] = v: property names the checker cannot list

    def fail(self, node, what: str):
        line, col = _pos(node)
        raise Unsupported(what, line, col)

    def check(self, tree) -> None:
        self.walk(tree, None)
        from tui.core.script.builtins import KNOWN_PROPS

        for ident in self.refs:
            n = ident.name
            if n not in self.declared and n not in GLOBALS:
                self.fail(ident, f"'{n}' is not supported (not a global ptview provides)")
        for m in self.members:
            self.check_member(m, KNOWN_PROPS)

    def check_member(self, m, known: set[str]) -> None:
        name = m.property.name
        obj = m.object
        mod = None
        if obj.type == "Identifier" and obj.name in self.module_vars:
            mod = self.module_vars[obj.name]
        elif _is_require(obj):
            mod = obj.arguments[0].value.removeprefix("node:")
        if mod is not None:
            if name not in MODULES[mod]:
                self.fail(m.property, f"{mod}.{name} is not supported")
            return
        if obj.type == "MemberExpression" and not obj.computed and obj.property.name == "env" \
                and obj.object.type == "Identifier" and obj.object.name == "process":
            return  # any environment variable name
        if name in known or name in self.defined_props:
            return
        if name in UNIMPLEMENTED or not self.dynamic_props:
            self.fail(m.property, f"'.{name}' is not supported")

    # -- the walk ----------------------------------------------------------------------------

    def walk(self, node, parent) -> None:
        if node is None:
            return
        if isinstance(node, list):
            for n in node:
                self.walk(n, parent)
            return
        t = node.type
        if t not in ALLOWED:
            self.fail(node, f"{NAMED.get(t, t)} {'are' if NAMED.get(t, t).endswith('s') else 'is'} not supported")
        handler = getattr(self, "c_" + t, None)
        if handler is not None:
            if handler(node) is False:
                return
        for key, child in vars(node).items():
            if key in ("loc", "range", "type") or child is None:
                continue
            if isinstance(child, list) or isinstance(getattr(child, "type", None), str):
                self.walk(child, node)

    def c_Literal(self, node):
        if getattr(node, "regex", None) is not None:
            self.fail(node, "regular expressions are not supported")
        return False

    def c_Identifier(self, node):
        self.refs.append(node)
        return False

    def _function(self, node):
        if node.generator:
            self.fail(node, "generator functions are not supported")
        if getattr(node, "id", None) is not None:
            self.declared.add(node.id.name)
        for p in node.params:
            self._declare(p)

    c_FunctionDeclaration = _function
    c_FunctionExpression = _function
    c_ArrowFunctionExpression = _function

    def c_VariableDeclarator(self, node):
        self._declare(node.id)
        init = node.init
        if _is_require(init):
            mod = init.arguments[0].value.removeprefix("node:")
            if node.id.type == "Identifier":
                self.module_vars[node.id.name] = mod
            elif node.id.type == "ObjectPattern":
                for p in node.id.properties:
                    if p.type == "Property" and not p.computed and p.key.type == "Identifier" \
                            and p.key.name not in MODULES[mod]:
                        self.fail(p.key, f"{mod}.{p.key.name} is not supported")

    def c_CatchClause(self, node):
        if node.param is not None:
            self._declare(node.param)

    def c_CallExpression(self, node):
        c = node.callee
        if c.type == "Identifier" and c.name == "require":
            a = node.arguments
            if len(a) != 1 or a[0].type != "Literal" or not isinstance(a[0].value, str):
                self.fail(node, "require() with anything but one string literal is not supported")
            name = a[0].value
            if name.startswith("node:"):
                name = name[5:]
                a[0].value = name
            if name not in MODULES:
                self.fail(a[0], f"require('{a[0].value}') is not supported (modules: {MODULE_NAMES})")

    def c_MemberExpression(self, node):
        if not node.computed and node.property.name == "parse" and node.object.type == "Identifier" \
                and node.object.name == "JSON":
            self.dynamic_props = True
        if not node.computed:
            self.members.append(node)
            self.walk(node.object, node)
            return False

    def c_Property(self, node):
        if node.kind != "init":
            self.fail(node, f"{'getters' if node.kind == 'get' else 'setters'} are not supported")
        if getattr(node.value, "generator", False):
            self.fail(node, "generator functions are not supported")
        if not node.computed:
            key = node.key.name if node.key.type == "Identifier" else str(node.key.value)
            self.defined_props.add(key)
            if node.shorthand:
                self.walk(node.value, node)
            else:
                self.walk(node.value, node)
            return False

    def c_AssignmentExpression(self, node):
        left = node.left
        if left.type == "MemberExpression":
            if not left.computed:
                self.defined_props.add(left.property.name)
            elif left.property.type == "Literal":
                self.defined_props.add(str(left.property.value))
            else:
                self.dynamic_props = True

    def c_BreakStatement(self, node):
        if node.label is not None:
            self.fail(node, "labels are not supported")
        return False

    c_ContinueStatement = c_BreakStatement

    def c_NewExpression(self, node):
        c = node.callee
        if c.type != "Identifier" or c.name not in ("Promise", "Error", "TypeError", "RangeError", "Array"):
            self.fail(node, "new is only supported for Promise, Error, TypeError, RangeError and Array")

    def c_VariableDeclaration(self, node):
        pass

    def c_UnaryExpression(self, node):
        if node.operator == "delete" and node.argument.type != "MemberExpression":
            self.fail(node, "delete of anything but a property is not supported")

    def _declare(self, p) -> None:
        t = p.type
        if t == "Identifier":
            self.declared.add(p.name)
        elif t == "AssignmentPattern":
            self._declare(p.left)
        elif t == "RestElement":
            self._declare(p.argument)
        elif t == "ArrayPattern":
            for e in p.elements:
                if e is not None:
                    self._declare(e)
        elif t == "ObjectPattern":
            for prop in p.properties:
                if prop.type == "RestElement":
                    self._declare(prop.argument)
                else:
                    if not prop.computed and prop.key.type == "Identifier":
                        self.defined_props.add(prop.key.name)
                    self._declare(prop.value)


def _is_require(node) -> bool:
    return (node is not None and node.type == "CallExpression" and node.callee.type == "Identifier"
            and node.callee.name == "require" and len(node.arguments) == 1
            and node.arguments[0].type == "Literal" and isinstance(node.arguments[0].value, str)
            and node.arguments[0].value.removeprefix("node:") in MODULES)
