"""path.win32: calls whose JSON results must match node v20's (drive letters, UNC roots,
the \\\\.\\ and \\\\?\\ namespaces, node's '.\\' guard on colons). Nothing depends on the cwd."""

CALLS = {
    "join": [[], ["C:\\a", "..\\b"], ["//server", "share"], ["\\\\server\\share", "x"], ["/", "//a"],
             ["C:", "x", "..", "y"], ["\\\\.\\", "pipe", "p"], ["a", "C:b"], ["foo", "..", "C:"]],
    "normalize": [[""], ["/"], ["C:"], ["C:\\"], ["C:\\temp\\\\foo\\bar\\..\\"], ["C:////temp\\\\/\\/\\/foo/bar"],
                  ["//server/share/a/../b/"], ["\\\\server\\share"], ["\\\\.\\pipe\\x\\..\\y"], ["\\\\?\\C:\\a\\.."],
                  ["a\\..\\C:x"], ["b\\C:\\..\\"], ["x:"], ["c:..\\.."], ["..\\a/./b"]],
    "dirname": [[""], ["C:"], ["C:\\"], ["C:\\a"], ["C:\\a\\b\\"], ["C:a"], ["\\\\server\\share"],
                ["\\\\server\\share\\a"], ["//a"], ["\\"], ["a\\b"]],
    "basename": [["C:\\temp\\myfile.html"], ["C:\\temp\\myfile.html", ".html"], ["C:"], ["C:foo.txt"],
                 ["\\\\srv\\sh\\f.js", "js"], ["a/b\\c/"], ["C:\\"]],
    "extname": [["C:\\a.b\\c"], ["C:.x"], ["index.coffee.md"], ["a\\.bashrc"], ["C:\\..\\x."]],
    "isAbsolute": [["//server"], ["\\\\server"], ["C:/foo/.."], ["C:\\foo\\.."], ["bar\\baz"], ["bar/baz"], ["."],
                   ["C:"], ["c:\\"]],
    "relative": [["C:\\orandea\\test\\aaa", "C:\\orandea\\impl\\bbb"], ["C:\\", "C:\\foo"], ["C:\\foo", "C:\\"],
                 ["c:\\A\\b", "C:\\a\\B\\c"], ["C:\\a", "D:\\a"], ["\\\\srv\\sh\\a", "\\\\srv\\sh\\b\\c"],
                 ["\\\\srv\\sh", "\\\\srv\\sh\\x"], ["C:\\x\\y", "C:\\x\\y"]],
    "parse": [[""], ["C:\\path\\dir\\file.txt"], ["C:\\"], ["C:"], ["C:abc"], ["\\\\server\\share\\dir\\f.e"],
              ["\\\\server\\share"], ["//server/share/"], ["\\a\\.b"], ["a\\b.c.d"]],
    "format": [[{"root": "C:\\", "dir": "C:\\path\\dir", "base": "file.txt"}], [{"root": "C:\\", "name": "f", "ext": "e"}],
               [{"dir": "d", "base": "b"}]],
    "resolve": [["C:\\foo", "bar"], ["C:\\foo", "D:\\bar", "baz"], ["C:\\a", "\\\\srv\\sh\\b", "..\\c"],
                ["\\\\srv\\sh\\", "..\\.."], ["D:\\x", "C:\\y", "D:z"], ["\\\\.\\pipe\\a"]],
    "toNamespacedPath": [["C:\\a\\..\\b"], ["\\\\srv\\sh\\x"], ["\\\\?\\C:\\x"], ["\\\\.\\pipe\\p"], [""]],
}

EXTRA = [
    "(() => { const p = require('path'); return [p.win32.sep, p.win32.delimiter, p.posix.win32 === p.win32, "
    "p.win32.posix === p.posix, p.win32.win32 === p.win32, p.win32._makeLong === p.win32.toNamespacedPath]; })()",
    "(() => { const p = require('path'); return [Object.keys(p.win32).filter((k) => k !== 'matchesGlob'), p.win32.toNamespacedPath(3)]; })()",
    "(() => { try { require('path').win32.join('a', 1); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { require('path').win32.basename('a', 1); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { require('path').win32.resolve('C:\\\\', null); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { const w = require('path').win32; return w.parse(w.format({ root: 'D:\\\\', name: 'n', ext: '.e' })); })()",
]


def cases():
    import json
    out = []
    for fn, calls in CALLS.items():
        for args in calls:
            out.append({"kind": "json", "src": f"require('path').win32.{fn}(...{json.dumps(args)})"})
    out += [{"kind": "json", "src": s} for s in EXTRA]
    return out
