// Promises: thenables adopted via a job, pass-through handlers, this in methods, await in loops.
const thenable = { then(resolve) { console.log('thenable.then called'); resolve('from thenable'); } };
Promise.resolve(thenable).then((v) => console.log('resolved', v));
(async () => { const v = await thenable; console.log('awaited', v); })();
Promise.resolve().then(() => console.log('tick 1')).then(() => console.log('tick 2')).then(() => console.log('tick 3'));
Promise.resolve(1).then(2).then((v) => console.log('passthrough', v));
Promise.reject(new Error('e')).then(null, (e) => console.log('second arg', e.message));
const obj = {
  name: 'obj',
  async method() { await null; return this.name; },
  regular() { return this.name; },
  arrow: () => typeof this,
};
obj.method().then((n) => console.log('method', n));
console.log(obj.regular(), obj.arrow());
async function loop() {
  const out = [];
  for (let i = 0; i < 3; i++) { out.push(await new Promise((r) => setTimeout(() => r(i * 10), 5 - i))); }
  return out;
}
loop().then((o) => console.log('loop', o));
Promise.all([1, 2, 3].map(async (x) => { await null; return x * 2; })).then((v) => console.log('all map', v));
const p = new Promise((res, rej) => { res('first'); rej(new Error('ignored')); res('second'); });
p.then((v) => console.log('settled once', v));
new Promise(() => { throw new Error('thrown in executor'); }).catch((e) => console.log('executor threw', e.message));
Promise.resolve('fin').finally(() => console.log('finally runs')).then((v) => console.log('finally passes', v));
Promise.reject(new Error('r')).finally(() => { console.log('finally on reject'); }).catch((e) => console.log('still rejected', e.message));
