// From doc/api/url.md "The WHATWG URL API" and URLSearchParams examples, plus doc/api/querystring.md.
const myURL = new URL('https://user:pass@sub.example.com:8080/p/a/t/h?query=string#hash');
console.log(myURL.protocol, myURL.username, myURL.host, myURL.port, myURL.pathname, myURL.search, myURL.hash);
const u = new URL('/foo', 'https://example.org/');
console.log(u.href, String(u));
const params = new URLSearchParams('user=abc&query=xyz');
console.log(params.get('user'), params.has('query'));
params.append('user', 'def');
params.sort();
console.log(params.getAll('user'), params.toString(), [...params.keys()]);
console.log(new URLSearchParams({ a: '1 2', b: 'é' }).toString());
try {
  new URL('/foo');
} catch (e) {
  console.log(e.code, e.name);
}
const querystring = require('node:querystring');
console.log(querystring.parse('foo=bar&abc=xyz&abc=123'));
console.log(querystring.stringify({ foo: 'bar', baz: ['qux', 'quux'], corge: '' }));
console.log(myURL);
