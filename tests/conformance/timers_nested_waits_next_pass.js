// §3.4: a timer set inside a timer callback waits for a later pass; its sibling runs first.
setTimeout(() => {
  console.log('outer');
  setTimeout(() => console.log('inner'), 0);
  process.nextTick(() => console.log('tick in outer'));
}, 1);
setTimeout(() => console.log('sibling'), 1);
