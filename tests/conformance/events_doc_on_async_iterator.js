// From doc/api/events.md "events.on(emitter, eventName)": for await over events emitted on nextTick; the loop is left
// with break (the doc's version never ends).
const { on, EventEmitter } = require('node:events');

(async () => {
  const ee = new EventEmitter();

  // Emit later on
  process.nextTick(() => {
    ee.emit('foo', 'bar');
    ee.emit('foo', 42);
    ee.emit('done');
  });

  for await (const event of on(ee, 'foo')) {
    // The execution of this inner block is synchronous and it
    // processes one event at a time (even with await). Do not use
    // if concurrent execution is required.
    console.log(event); // prints ['bar'] [42]
    if (event[0] === 42) break;
  }
  console.log('left the loop; listeners now', ee.listenerCount('foo'));
})();
