// Modelled on MDN "Proxy" and "Object.freeze" examples: a logging proxy handler (get/set traps), how console.log shows
// a proxy, frozen objects and Object.defineProperty non-enumerables.
const target = { message1: 'hello', message2: 'everyone' };
const handler = {
  get(target, prop, receiver) {
    if (prop === 'message2') return 'world';
    return Reflect.get(...arguments);
  },
  set(obj, prop, value) {
    if (prop === 'age' && !Number.isInteger(value)) throw new TypeError('The age is not an integer');
    obj[prop] = value;
    return true;
  },
};
const proxy = new Proxy(target, handler);
console.log(proxy.message1, proxy.message2);
try {
  proxy.age = 'young';
} catch (e) {
  console.log(e.message);
}
proxy.age = 30;
console.log(proxy, target);
const frozen = Object.freeze({ x: 1, nested: { y: 2 } });
frozen.x = 9;
frozen.nested.y = 3;
console.log(frozen, Object.isFrozen(frozen), Object.isFrozen(frozen.nested));
const o = {};
Object.defineProperty(o, 'hidden', { value: 42, enumerable: false });
o.shown = 1;
console.log(o, o.hidden, Object.getOwnPropertyNames(o));
