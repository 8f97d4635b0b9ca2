"""Parse with esprima and check the whole program against the subset before anything runs.

Anything outside the subset is one Unsupported error naming the construct
and its line:column, so a script either runs as Node would run it or does
not run at all.
"""

from __future__ import annotations

import os

import esprima

from tui.core.script.errors import ScriptError, Unsupported
from tui.core.script.source import ScriptSourceError, read_script

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
    "child_process": {"fork"},  # fork interprets the module as a child process; nothing is spawned
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


def load(source: str, filename: str | None = None, _seen: dict | None = None) -> "esprima.nodes.Node":
    """Parse `source` and check it; raises ScriptError/Unsupported with a line and a column.

    Modules the script forks are loaded and checked too (before anything runs); they are
    returned in `tree.ptv_children`, path → (source, tree).
    """
    if source.startswith("#!"):
        source = "//" + source[2:]  # a shebang line, as Node allows
    try:
        tree = esprima.parseScript(source, {"loc": True, "range": True})
    except esprima.Error as e:
        raise _syntax(source, e) from None
    except RecursionError:
        raise ScriptError("the program is nested too deeply to parse") from None
    children: dict = {} if _seen is None else _seen
    if filename is not None:
        children.setdefault(os.path.abspath(filename), (source, tree))
    Checker(source, filename, children).check(tree)
    tree.ptv_children = children
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
    def __init__(self, source: str, filename: str | None = None, children: dict | None = None) -> None:
        self.source = source
        self.filename = filename
        self.children = children if children is not None else {}
        self.declared: set[str] = set()
        self.module_vars: dict[str, str] = {}
        self.module_fns: dict[str, tuple[str, str]] = {}  # const { fork } = require('child_process')
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
                    if p.type == "Property" and not p.computed and p.key.type == "Identifier":
                        if p.key.name not in MODULES[mod]:
                            self.fail(p.key, f"{mod}.{p.key.name} is not supported")
                        if p.value.type == "Identifier":
                            self.module_fns[p.value.name] = (mod, p.key.name)

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
            return
        if self._is_fork(c):
            self.check_fork(node)

    def _is_fork(self, c) -> bool:
        if c.type == "Identifier":
            return self.module_fns.get(c.name) == ("child_process", "fork")
        if c.type == "MemberExpression" and not c.computed and c.property.name == "fork":
            o = c.object
            return (o.type == "Identifier" and self.module_vars.get(o.name) == "child_process") or (
                _is_require(o) and o.arguments[0].value.removeprefix("node:") == "child_process")
        return False

    def check_fork(self, node) -> None:
        """fork(module): the module must be known now, so that it is checked before anything runs."""
        if not node.arguments:
            self.fail(node, "fork() needs a module path")
        path = fork_path(node.arguments[0], self.filename)
        if path is None:
            self.fail(node.arguments[0], "fork's module must be a string literal, __filename, or "
                                         "__dirname + '/file.js' (ptview checks it before running)")
        if path in self.children:
            return
        try:
            src = read_script(path)  # a FIFO or /dev/zero is refused here, before anything runs
        except ScriptSourceError as e:
            self.fail(node.arguments[0], f"fork: cannot read {path}: {e.why}")
        self.children[path] = None  # being checked (a module that forks itself)
        try:
            tree = load(src, path, self.children)
        except ScriptError as e:
            if e.file is None:
                e.file = os.path.basename(path)
            raise
        self.children[path] = (src, tree)

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


def fork_path(arg, filename: str | None) -> str | None:
    """The module a fork() call names, when it can be known without running anything."""
    here = os.path.dirname(os.path.abspath(filename)) if filename else None
    if arg.type == "Literal" and isinstance(arg.value, str):
        return os.path.abspath(arg.value)  # as Node: relative to the working directory
    if arg.type == "Identifier" and arg.name == "__filename" and filename:
        return os.path.abspath(filename)
    if here is None:
        return None
    if arg.type == "BinaryExpression" and arg.operator == "+" and arg.left.type == "Identifier" \
            and arg.left.name == "__dirname" and arg.right.type == "Literal" and isinstance(arg.right.value, str):
        return os.path.abspath(here + arg.right.value)
    if arg.type == "TemplateLiteral" and len(arg.expressions) == 1 and arg.expressions[0].type == "Identifier" \
            and arg.expressions[0].name == "__dirname" and arg.quasis[0].value.cooked == "":
        return os.path.abspath(here + arg.quasis[1].value.cooked)
    return None


def _is_require(node) -> bool:
    return (node is not None and node.type == "CallExpression" and node.callee.type == "Identifier"
            and node.callee.name == "require" and len(node.arguments) == 1
            and node.arguments[0].type == "Literal" and isinstance(node.arguments[0].value, str)
            and node.arguments[0].value.removeprefix("node:") in MODULES)
