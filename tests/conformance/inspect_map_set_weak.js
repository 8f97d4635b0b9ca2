// Modelled on MDN "Map" and "Set" examples as printed by node's console.log: entries, nested, iterators, WeakMap.
const myMap = new Map();
const keyString = 'a string';
const keyObj = {};
const keyFunc = function () {};
myMap.set(keyString, "value associated with 'a string'");
myMap.set(keyObj, 'value associated with keyObj');
myMap.set(keyFunc, 'value associated with keyFunc');
console.log(myMap.size, myMap.get(keyString), myMap.get({}));
console.log(myMap);
const mySet = new Set([1, 5, 'some text', { a: 1, b: 2 }]);
mySet.add(5);
console.log(mySet, mySet.has(5), mySet.size);
console.log(myMap.keys(), mySet.values(), new Map([[1, 'one']]).entries());
console.log(new Map([[{ k: 1 }, new Set([[1, 2]])]]));
console.log(new WeakMap(), new WeakSet(), new Map(), new Set());
console.log([...new Set([3, 1, 3, 2, 1])], Array.from(new Map([['a', 1], ['b', 2]])));
