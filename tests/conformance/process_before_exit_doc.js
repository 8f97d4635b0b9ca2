// From doc/api/process.md "Event: 'beforeExit'": beforeExit fires when the loop empties (once per restart, not after
// an explicit exit); scheduling work in it restarts the loop.
process.on('beforeExit', (code) => {
  console.log('Process beforeExit event with code: ', code);
});

process.on('exit', (code) => {
  console.log('Process exit event with code: ', code);
});

console.log('This message is displayed first.');

let restarts = 0;
process.on('beforeExit', () => {
  if (restarts++ < 2) setTimeout(() => console.log('work scheduled from beforeExit', restarts), 1);
});
