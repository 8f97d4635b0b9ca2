"""url: WHATWG URL / URLSearchParams, file URL helpers and the legacy
url.parse / url.format, compared with node v20."""

import json

PARSE = [
    ["https://example.com"], ["https://user:pa ss@EXAMPLE.com:443/a/./b/../c?x=1 2&y=é#frag ment"], ["http://example.com:8080/"],
    ["HTTP://Example.COM/%7Efoo/"], ["https://example.com/a b/ü?q=\"x\"<>`'#`"], ["http://[::1]:3000/x"], ["http://[2001:db8:0:0:0:0:2:1]/"],
    ["http://[::ffff:192.168.1.1]/"], ["http://192.168.0.1/"], ["http://0x7f.1/"], ["http://0300.0250.0.1/"], ["http://4294967295/"],
    ["http://4294967296/"], ["http://1.2.3.4.5/"], ["http://münchen.de/"], ["http://xn--mnchen-3ya.de/"], ["http://a%41b.com/"],
    ["http://ex ample.com/"], ["http://exa<mple.com/"], ["http:example.com/x"], ["http:/example.com/x"], ["http:\\\\example.com\\a\\b"],
    ["file:///home/user/file.txt"], ["file://localhost/etc/hosts"], ["file://host/share/x"], ["file:/a/b"], ["file:c:/x"], ["file:///C|/x"],
    ["mailto:someone@example.com"], ["javascript:alert(1)"], ["data:text/plain,hello world"], ["urn:isbn:0451450523"],
    ["foo://host/path"], ["foo://host:99/p?q#f"], ["foo:/path/./x/../y"], ["foo://"], ["non-spec:/.//p"], ["sc://ñ.test/"],
    ["ws://example.com:80/"], ["wss://example.com:443/"], ["ftp://ftp.example.com:21/f"], ["blob:https://example.com/uuid"],
    ["https://example.com/?"], ["https://example.com/#"], ["https://example.com/a/b/c/../../d"], ["https://example.com/%2e%2E/x"],
    ["https://ex.com/\t\na\r"], ["  https://ex.com/  "], ["https://:@ex.com/"], ["https://user@ex.com/"], ["https://ex.com:/"],
    ["https://ex.com:65536/"], ["https://ex.com:abc/"], ["https://"], ["//noscheme"], ["not a url"], [""],
    ["/relative/path", "https://example.com/base/x?y#z"], ["rel", "https://example.com/base/x"], ["../up", "https://example.com/a/b/c"],
    ["?q=1", "https://example.com/p?old#h"], ["#only", "https://example.com/p?q"], ["//other.com/x", "https://example.com/"],
    ["", "https://example.com/p?q#h"], ["https:rel", "https://example.com/a/b"], ["x", "mailto:a@b"], ["#x", "mailto:a@b"],
    ["a/b", "file:///c:/d/e"], ["/abs", "file:///c:/d/e"], ["..", "http://ex.com/a/b/"], ["./", "http://ex.com/a/b"],
    ["http://ex.com/path?a=1&a=2&b=%20c+d"], ["https://ex.com/\u00e9\ud83d\ude00?\u00e9=\ud83d\ude00#\u00e9"], ["http://EX.com./"],
    ["http://ex.com/%zz%2"], ["http://ex.com/a%2Fb"], ["http://a@b@c/"], ["http://a:b:c@d/"], ["https://ex.com/x?%zz"],
]

SETTERS = [
    ("https://ex.com/p?q#h", "protocol", "http"), ("https://ex.com/p", "protocol", "foo"), ("foo://ex.com/p", "protocol", "https"),
    ("https://ex.com:8080/p", "protocol", "http:"), ("https://ex.com/p", "username", "us er"), ("https://ex.com/p", "password", "p@ss"),
    ("https://ex.com/p", "host", "other.com:99"), ("https://ex.com:99/p", "hostname", "h.com"), ("https://ex.com/p", "port", "8080"),
    ("https://ex.com/p", "port", "443"), ("https://ex.com:1/p", "port", ""), ("https://ex.com/p", "port", "99999"), ("https://ex.com/p", "port", "12ab"),
    ("https://ex.com/p", "pathname", "/a b/../c"), ("https://ex.com/p", "pathname", "no-slash"), ("https://ex.com/p", "search", "?a=1&b= 2"),
    ("https://ex.com/p?x", "search", ""), ("https://ex.com/p", "search", "c=#d"), ("https://ex.com/p", "hash", "frag ment"),
    ("https://ex.com/p#h", "hash", ""), ("https://ex.com/p", "href", "http://new.com/n"), ("mailto:a@b", "pathname", "x"),
    ("mailto:a@b", "host", "x.com"), ("file:///x", "host", "srv"), ("file:///x", "username", "u"),
]

EXTRA = [
    "util.inspect(new URL('https://user:pw@example.com:8080/p/a/t/h?query=string&a=1#hash'))",
    "util.inspect(new URL('https://example.com'))", "util.inspect({ u: new URL('http://a.com/') })",
    "util.inspect(new URLSearchParams('a=1&b=2&a=3'))", "util.inspect(new URLSearchParams())",
    "util.inspect(new URLSearchParams({ looooooooooooooooooong: 'vaaaaaaaaaaaaaaaaaaaaaaaaaaaaalue', another: 'one more long value here' }))",
    "(() => { const p = new URLSearchParams('?a=1&b=2&a=3&c'); return [p.get('a'), p.getAll('a'), p.get('c'), p.get('z'), p.has('b'), p.has('a', '3'), p.has('a', '9'), p.size, p.toString(), [...p], [...p.keys()], [...p.values()]]; })()",
    "(() => { const p = new URLSearchParams('a=1&b=2&a=3'); p.set('a', 'x'); p.append('d', 'é &='); p.delete('b'); return p.toString(); })()",
    "(() => { const p = new URLSearchParams('a=1&a=2&b=1'); p.delete('a', '2'); return p.toString(); })()",
    "(() => { const p = new URLSearchParams('z=1&b=2&a=3&b=1&é=4&A=5'); p.sort(); return p.toString(); })()",
    "new URLSearchParams({ a: 1, b: [1, 2], c: null, d: undefined }).toString()", "new URLSearchParams([['a', '1'], ['b', 'x y']]).toString()",
    "new URLSearchParams(new Map([['m', 'v']])).toString()", "new URLSearchParams('q=a+b%20c%2Bd&e=%zz&f=%E2%82%AC').get('q')",
    "[...new URLSearchParams('q=a+b%20c%2Bd&e=%zz&f=%E2%82%AC&g=%FF')]", "new URLSearchParams(\"sp ace=~!*()'-._\").toString()",
    "(() => { try { new URLSearchParams([['a']]); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { new URLSearchParams().append('a'); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { const u = new URL('https://ex.com/?a=1'); u.searchParams.append('b', '2 3'); u.searchParams.set('a', 'x'); return [u.href, u.search]; })()",
    "(() => { const u = new URL('https://ex.com/?a=1'); u.search = '?c=3'; return [...u.searchParams]; })()",
    "(() => { const u = new URL('https://ex.com/?a=1'); u.searchParams.delete('a'); return [u.href, u.search]; })()",
    "(() => { const p = new URLSearchParams('a=1'); const out = []; p.forEach((v, k, o) => out.push([k, v, o === p])); return out; })()",
    "(() => { try { new URL('nope'); } catch (e) { return [e.name, e.code, e.message, e.input]; } })()",
    "(() => { try { new URL('/x', 'also bad'); } catch (e) { return [e.name, e.code, e.message, e.input]; } })()",
    "(() => { try { new URL(); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "[URL.canParse('https://x'), URL.canParse('nope'), URL.canParse('/a', 'https://b')]",
    "JSON.stringify({ u: new URL('https://ex.com/a b') })", "String(new URL('HTTPS://EX.COM'))",
    "Object.keys(URL.prototype)", "[Object.prototype.toString.call(new URL('http://a')), Object.prototype.toString.call(new URLSearchParams())]",
    "[url.fileURLToPath('file:///home/u/a%20b.txt'), url.fileURLToPath(new URL('file:///tmp/%E2%82%AC'))]",
    "(() => { try { url.fileURLToPath('https://x/y'); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { url.fileURLToPath('file://host/y'); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "(() => { try { url.fileURLToPath('file:///a%2Fb'); } catch (e) { return [e.name, e.code, e.message]; } })()",
    "[url.pathToFileURL('/tmp/a b#c?d%e.txt').href, url.pathToFileURL('/tmp/dir/').href]",
    "url.urlToHttpOptions(new URL('https://u:p@[::1]:8080/p?q#h'))",
    "[url.domainToASCII('español.com'), url.domainToASCII('xn--iñvalid.com'), url.domainToUnicode('xn--espaol-zwa.com'), url.domainToASCII('EXAMPLE.com')]",
    "url.format(new URL('https://u:p@例え.jp:8080/p?q#h'), { unicode: true, auth: false, fragment: false })",
    "url.format({ protocol: 'https', hostname: 'ex.com', port: 8080, pathname: '/a b', query: { x: 1, y: ['a', 'b'] }, hash: 'h' })",
    "url.format({ protocol: 'file', pathname: '/tmp/x' })", "url.format('HTTP://ex.com/a?b#c')",
    "[url.resolve('/one/two/three', 'four'), url.resolve('http://example.com/', '/one'), url.resolve('http://example.com/one', '/two'), url.resolve('http://example.com/a/b', '../c')]",
]

LEGACY = [
    "https://user:pass@sub.example.com:8080/p/a/t/h?query=string#hash", "http://example.com", "HTTP://EXAMPLE.COM/A?B#C", "/just/a/path?x=1&y=2",
    "//host/path", "mailto:user@example.com", "javascript:alert(1)", "http://[::1]:3000/x", "http://ex.com/a b?c d#e f", "example.com/path",
    "http://user@host", "file:///etc/passwd", "http://a.com\\b\\c?d\\e", "  http://trim.me/  ", "?q=1", "#frag", "http://ex.com:/x", "foo:bar",
]


def cases():
    out = []
    for args in PARSE:
        src = ("(() => { try { const u = new URL(...%s); return [u.href, u.origin, u.protocol, u.username, u.password, u.host, "
               "u.hostname, u.port, u.pathname, u.search, u.hash]; } catch (e) { return [e.name, e.code, e.message]; } })()") % json.dumps(args)
        out.append({"kind": "json", "src": src})
    for href, key, value in SETTERS:
        src = "(() => { const u = new URL(%s); u[%s] = %s; return [u.href, u[%s]]; })()" % (json.dumps(href), json.dumps(key), json.dumps(value), json.dumps(key))
        out.append({"kind": "json", "src": src})
    for e in EXTRA:
        out.append({"kind": "json", "src": "(() => { const util = require('util'); const url = require('url'); const { URL, URLSearchParams } = url; return %s; })()" % e})
    for u in LEGACY:
        for pq in ("false", "true"):
            out.append({"kind": "json", "src": "(() => { const util = require('util'); const url = require('url'); const p = url.parse(%s, %s); return [util.inspect(p), url.format(p)]; })()" % (json.dumps(u), pq)})
    out.append({"kind": "json", "src": "(() => { const url = require('url'); const p = url.parse('//host/path', false, true); return [p.host, p.pathname]; })()"})
    return out
