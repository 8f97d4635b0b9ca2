// From doc/api/timers.md "Class: Timeout": unref() lets the process exit before the timer fires; hasRef(), refresh()
// and the Timeout's [Symbol.toPrimitive] id used with clearTimeout. (The kept timer is created in the immediate, so
// even a stalled start cannot reorder the two.)
console.log('start');
const t = setTimeout(() => console.log('never: unref-ed and nothing else keeps the loop alive'), 10000);
console.log(t.hasRef());
t.unref();
console.log(t.hasRef());
const id = +setTimeout(() => console.log('cleared by its number'), 1);
clearTimeout(id);
const imm = setImmediate(() => {
  console.log('immediate still runs');
  const k = setTimeout(() => console.log('kept timer'), 20);
  console.log(typeof +k, typeof k.refresh, k.refresh() === k);
});
console.log(imm.hasRef(), typeof imm.unref);
