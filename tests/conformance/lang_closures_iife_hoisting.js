// From the classic "var in a loop with setTimeout" interview question (javascript-questions #2 style): var shares one
// binding (3 3 3), let gets one per iteration (0 1 2), an IIFE captures a copy; plus hoisting and TDZ.
for (var i = 0; i < 3; i++) {
  setTimeout(() => console.log('var', i), 1);
}
for (let i = 0; i < 3; i++) {
  setTimeout(() => console.log('let', i), 1);
}
for (var j = 0; j < 3; j++) {
  (function (j) {
    setTimeout(() => console.log('iife', j), 1);
  })(j);
}
console.log(typeof hoisted, hoisted());
function hoisted() { return 'function declarations are hoisted'; }
console.log(v);
var v = 'var is hoisted as undefined';
try {
  console.log(t);
} catch (e) {
  console.log(e.name, e.message);
}
let t = 'tdz';
