// From MDN "Private properties": #fields, #methods, static #fields, `#x in obj` brand checks, and accessors.
class ClassWithPrivate {
  #privateField;
  #privateFieldWithInitializer = 42;

  #privateMethod() {
    return 'private method';
  }

  static #privateStaticField = 'static private';

  static #privateStaticMethod() {
    return ClassWithPrivate.#privateStaticField;
  }

  constructor(v) {
    this.#privateField = v;
  }

  get value() { return this.#privateField; }
  set value(v) { this.#privateField = v * 2; }

  describe() {
    return `${this.#privateField} ${this.#privateFieldWithInitializer} ${this.#privateMethod()} ${ClassWithPrivate.#privateStaticMethod()}`;
  }

  static isInstance(o) { return #privateField in o; }
}
const c = new ClassWithPrivate('hi');
console.log(c.describe());
c.value = 5;
console.log(c.value, ClassWithPrivate.isInstance(c), ClassWithPrivate.isInstance({}));
console.log(c, Object.keys(c));
class Counter {
  static #instances = 0;
  #count = 0;
  constructor() { Counter.#instances++; }
  inc() { return ++this.#count; }
  static get instances() { return Counter.#instances; }
}
const k = new Counter(); new Counter();
k.inc(); k.inc();
console.log(k.inc(), Counter.instances);
try {
  ClassWithPrivate.prototype.describe.call({});
} catch (e) {
  console.log(e.constructor.name, e.message);
}
