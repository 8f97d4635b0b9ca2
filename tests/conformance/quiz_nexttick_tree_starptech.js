// From the same gist (gist.github.com/StarpTech/ef4ea0c6b8069774a7b261052e036043) and the Stack Overflow question
// "nextTick vs setImmediate, visual explanation": nested nextTicks all run before the 0 ms timeout.
process.nextTick(function A() {
  process.nextTick(function B() {
    console.log(1);
    process.nextTick(function D() { console.log(2); });
    process.nextTick(function E() { console.log(3); });
  });
  process.nextTick(function C() {
    console.log(4);
    process.nextTick(function F() { console.log(5); });
    process.nextTick(function G() { console.log(6); });
  });
});
setTimeout(function timeout() {
  console.log('TIMEOUT FIRED');
}, 0);
