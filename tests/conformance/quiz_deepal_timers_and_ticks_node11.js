// From Deepal Jayasekara's "New Changes to the Timers and Microtasks in Node v11.0.0": four 0 ms timeouts; the tick
// and the promise queued by timer 2 run before timer 3 (Node >= 11).
setTimeout(() => console.log('this is set timeout 1'), 0);
setTimeout(() => {
  console.log('this is set timeout 2');
  process.nextTick(() => console.log('this is process.nextTick added inside setTimeout'));
  Promise.resolve().then(() => console.log('this is a promise added inside setTimeout'));
}, 0);
setTimeout(() => console.log('this is set timeout 3'), 0);
setTimeout(() => console.log('this is set timeout 4'), 0);
