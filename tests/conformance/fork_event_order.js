// §3.7: the parent sees 'disconnect', then 'exit' and 'close' in one call (ticks run after both).
const { fork } = require('child_process');
if (process.argv[2] === 'child') {
  process.send('hi');
} else {
  const child = fork(__filename, ['child']);
  child.on('message', (m) => console.log('message', m));
  child.on('disconnect', () => console.log('disconnect'));
  child.on('exit', (code) => {
    console.log('exit', code);
    process.nextTick(() => console.log('tick from exit'));
    Promise.resolve().then(() => console.log('promise from exit'));
  });
  child.on('close', (code) => console.log('close', code));
}
