// ptview-exit: 1
// An exception nobody catches ends the process (exit code 1): later callbacks never run.
setTimeout(() => console.log('never'), 10);
setTimeout(() => {
  console.log('about to throw');
  throw new Error('boom');
}, 1);
console.log('main');
