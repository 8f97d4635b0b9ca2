// From an event-loop interview snippet (a for loop scheduling every kind of callback, then 'Sync code'):
// all ticks, then all promises, then the five timeouts, then the five immediates (the log ran after scheduling, §3.9).
for (let i = 1; i <= 5; i++) {
  setTimeout(() => console.log(`setTimeout ${i}`), 0);
  Promise.resolve().then(() => console.log(`Promise ${i}`));
  process.nextTick(() => console.log(`nextTick ${i}`));
  setImmediate(() => console.log(`setImmediate ${i}`));
}

console.log('Sync code');
