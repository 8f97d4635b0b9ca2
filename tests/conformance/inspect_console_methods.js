// Modelled on doc/api/console.md: console.table, console.group/groupEnd indentation, console.count, console.assert
// (to stderr), console.dir, console.info/debug (stdout).
console.table([{ a: 1, b: 'Y' }, { a: 'Z', b: 2 }]);
console.table([{ a: 1, b: 'Y' }, { a: 'Z', b: 2 }], ['a']);
console.group('Group A');
console.log('inside A');
console.group();
console.info('nested');
console.groupEnd();
console.groupEnd();
console.log('outside');
console.count();
console.count('default');
console.count('abc');
console.countReset('abc');
console.count('abc');
console.assert(false, 'goes to stderr');
console.debug('debug is stdout too');
console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
