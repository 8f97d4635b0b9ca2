// Modelled on lydiahallie/javascript-questions (questions about arrow functions and this, typeof, sort, ++, and
// Object keys): printed answers rather than alerts.
const shape = {
  radius: 10,
  diameter() {
    return this.radius * 2;
  },
  perimeter: () => 2 * Math.PI * this.radius,
};
console.log(shape.diameter());
console.log(shape.perimeter());
console.log(+true, !'Lydia');
let number = 0;
console.log(number++);
console.log(++number);
console.log(number);
console.log(typeof typeof 1, [1, 10, 2, 21].sort(), [1, 2, 3].map((num) => { if (typeof num === 'number') return; return num * 2; }));
const obj = { 1: 'a', 2: 'b', 3: 'c' };
const set = new Set([1, 2, 3, 4, 5]);
console.log(obj.hasOwnProperty('1'), obj.hasOwnProperty(1), set.has('1'), set.has(1));
const o2 = { a: 'one', b: 'two', a: 'three' };
console.log(o2);
console.log([..."Lydia"], 0.1 + 0.2 === 0.3, [] + [], [] == ![], null + 1, '5' - 3, '5' + 3);
