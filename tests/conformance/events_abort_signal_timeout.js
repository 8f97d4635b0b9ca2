// From MDN "AbortSignal.timeout()" and doc/api/globals.md: the signal aborts with a TimeoutError DOMException after the delay.
const signal = AbortSignal.timeout(10);
signal.addEventListener('abort', () => {
  console.log('timed out:', signal.reason.name, signal.reason.message);
});
setTimeout(() => console.log('keep-alive timer, aborted?', signal.aborted), 30);
