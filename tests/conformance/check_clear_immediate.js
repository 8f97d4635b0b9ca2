// §3.4: clearImmediate removes a queued immediate, even from the same check pass.
let second;
setImmediate(() => {
  console.log('first');
  clearImmediate(second);
});
second = setImmediate(() => console.log('second: never printed'));
setImmediate((a, b) => console.log('third', a, b), 'x', 42);
