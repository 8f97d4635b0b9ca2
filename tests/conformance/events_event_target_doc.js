// From doc/api/events.md "EventTarget and Event API" and MDN EventTarget: listeners by type, once, handleEvent objects,
// and dispatch order.
const target = new EventTarget();

target.addEventListener('foo', (event) => {
  console.log('foo event happened!', event.type, event instanceof Event);
});
target.addEventListener('foo', { handleEvent(e) { console.log('object listener', e.type); } });
target.addEventListener('foo', () => console.log('only once'), { once: true });
console.log(target.dispatchEvent(new Event('foo')));
target.dispatchEvent(new Event('foo'));
const ev = new Event('bar', { cancelable: true });
target.addEventListener('bar', (e) => e.preventDefault());
console.log(target.dispatchEvent(ev), ev.defaultPrevented);
