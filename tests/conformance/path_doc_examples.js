// From doc/api/path.md: basename, dirname, extname, join, normalize, parse, format, relative, resolve with absolute
// arguments (nothing depends on the current directory), and posix separators.
const path = require('node:path');
console.log(path.basename('/foo/bar/baz/asdf/quux.html'));
console.log(path.basename('/foo/bar/baz/asdf/quux.html', '.html'));
console.log(path.dirname('/foo/bar/baz/asdf/quux'));
console.log(path.extname('index.html'), path.extname('index.coffee.md'), path.extname('index.'), path.extname('index'), path.extname('.index'));
console.log(path.join('/foo', 'bar', 'baz/asdf', 'quux', '..'));
console.log(path.normalize('/foo/bar//baz/asdf/quux/..'));
console.log(path.parse('/home/user/dir/file.txt'));
console.log(path.format({ root: '/ignored', dir: '/home/user/dir', base: 'file.txt' }));
console.log(path.relative('/data/orandea/test/aaa', '/data/orandea/impl/bbb'));
console.log(path.resolve('/foo/bar', './baz'), path.resolve('/foo/bar', '/tmp/file/'));
console.log(path.isAbsolute('/foo/bar'), path.isAbsolute('qux/'), path.sep, path.delimiter);
console.log('foo/bar/baz'.split(path.sep), path.win32.basename('C:\\temp\\myfile.html'), path.posix.join('a', 'b'));
console.log(path.basename(__filename), path.extname(__filename));
