// From doc/api/util.md "util.promisify()": promisifying a method loses `this` unless it is bound.
const util = require('node:util');

class Foo {
  constructor() {
    this.a = 42;
  }

  bar(callback) {
    callback(null, this.a);
  }
}

const foo = new Foo();

const naiveBar = util.promisify(foo.bar);
// TypeError: Cannot read properties of undefined (reading 'a')
naiveBar.call(foo).then((a) => console.log(a)); // '42'

naiveBar().catch((e) => console.log(e.constructor.name, e.message));

const bindBar = naiveBar.bind(foo);
bindBar().then((a) => console.log('bound', a)); // '42'
