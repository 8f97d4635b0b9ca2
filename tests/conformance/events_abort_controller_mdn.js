// From MDN "AbortController" / "AbortSignal" and doc/api/globals.md: abort() fires 'abort' once, sets aborted and reason;
// AbortSignal.abort() is pre-aborted; throwIfAborted throws the reason.
const controller = new AbortController();
const signal = controller.signal;
signal.addEventListener('abort', () => {
  console.log('aborted!', signal.aborted, signal.reason.name);
});
console.log(signal.aborted);
controller.abort();
controller.abort(); // no second event
const custom = new AbortController();
custom.abort(new Error('my reason'));
console.log(custom.signal.reason.message);
const pre = AbortSignal.abort('already');
console.log(pre.aborted, pre.reason);
try {
  pre.throwIfAborted();
} catch (e) {
  console.log('thrown:', e);
}
