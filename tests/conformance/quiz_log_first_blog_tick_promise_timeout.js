// From the "Random notes about Node" blog (https://blog-cc4.pages.dev/notes/random-notes-about-node), without its fetch():
// logs, a 1e8-iteration counting loop in the main module, then nextTick, timeout, immediate.
setTimeout(() => console.log('timer phase'), 0);
process.nextTick(() => console.log('next tick phase'));
setImmediate(() => {
  console.log('Set immediate phase or check phase');
});
console.log('Program starts');
for (let i = 0; i < 1e7; i++);
console.log('Program ends');
