"""path (POSIX): calls whose JSON results must match node v20's."""

CALLS = {
    "join": [[], [""], ["a", "b"], ["/a", "b/", "../c"], ["a", "", "b"], ["/", "/a"], ["a/./b", "../../.."],
             ["..", "x"], ["./", ".."], ["foo/", "bar/"], ["/foo", "../../../bar"], ["a//b", "c"]],
    "normalize": [[""], ["."], ["./"], ["/"], ["//"], ["///a//b/"], ["a/../.."], ["/../a"], ["a/b/../../c/"],
                  ["./a/./b/."], ["../../x/../y"], ["/a/b/c/../../d"], ["foo/bar//baz/asdf/quux/.."]],
    "dirname": [[""], ["/"], ["//"], ["a"], ["/a"], ["/a/b"], ["/a/b/"], ["a/b/c.txt"], ["//a"], ["./x"], ["/a//b//"]],
    "basename": [[""], ["/"], ["a.txt"], ["/a/b.txt"], ["/a/b.txt", ".txt"], ["/a/b.txt", "b.txt"], ["/a/b/"],
                 ["file.tar.gz", ".gz"], ["aaa", "a"], ["/x/y.js", "js"], ["dir/", "r"], ["a.txt", ".TXT"]],
    "extname": [[""], ["a"], [".a"], ["a."], ["a.b.c"], ["/a.b/c"], ["..."], [".."], ["a.txt/"], ["/x/.bashrc"], ["x..y"]],
    "isAbsolute": [[""], ["/"], ["a"], ["./a"], ["/a/b"]],
    "relative": [["/a/b/c", "/a/d"], ["/a", "/a"], ["/a/b", "/a/b/c/d"], ["/a/b/c", "/a"], ["/", "/x"], ["/x", "/"],
                 ["/foo/bar/baz", "/foo/bar/baz-quux"], ["/data/orandea/test/aaa", "/data/orandea/impl/bbb"],
                 ["a/b", "a/c"]],
    "parse": [[""], ["/"], ["/home/user/dir/file.txt"], ["file"], [".hidden"], ["a/b.c.d"], ["/a/"], ["./x.y"], ["//z"]],
    "format": [[{"dir": "/home/user", "base": "f.txt"}], [{"root": "/", "base": "f.txt"}], [{"root": "/", "name": "f", "ext": ".txt"}],
               [{"name": "f", "ext": "txt"}], [{"dir": "d", "name": "n", "ext": ".e", "base": "b"}], [{}]],
    "resolve": [["/a", "b", "c"], ["/a", "/b", "c"], ["/foo/bar", "./baz"], ["/foo/bar", "/tmp/file/"], ["/", ".."],
                ["/a/b", "../../../.."], ["/a", "", "b"]],
}

EXTRA = [
    "(() => { const path = require('path'); return [path.sep, path.delimiter, path.posix === path.posix.posix, typeof path.posix.join]; })()",
    "(() => { const path = require('path'); return path.resolve('rel/x') === process.cwd() + '/rel/x' && path.resolve() === process.cwd(); })()",
    "(() => { const path = require('path'); try { path.join('a', 1); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { const path = require('path'); try { path.basename(null); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { const path = require('path'); try { path.resolve('a', {}); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { const path = require('path'); try { path.format(null); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { const path = require('path'); return path.parse(path.format({ dir: '/x', name: 'y', ext: '.z' })); })()",
]


def cases():
    import json
    out = []
    for fn, calls in CALLS.items():
        for args in calls:
            out.append({"kind": "json", "src": f"require('path').{fn}(...{json.dumps(args)})"})
    out += [{"kind": "json", "src": s} for s in EXTRA]
    return out
