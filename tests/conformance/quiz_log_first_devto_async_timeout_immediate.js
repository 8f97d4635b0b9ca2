// Modelled on the dev.to/Medium "setTimeout vs setImmediate vs process.nextTick" posts: an async function awaits,
// scheduling first, logging last: ticks, microtasks, then the timeout before the immediate (§3.9).
async function main() {
  setTimeout(() => console.log('setTimeout'), 0);
  setImmediate(() => console.log('setImmediate'));
  await null;
  console.log('after await');
  process.nextTick(() => console.log('nextTick from the continuation'));
}
main();
console.log('main returned');
