// From the same challenge set (leyaa.ai ... javascript-event-loop-overview/challenge): a 100 ms timer after a 0 ms one,
// and a timer-thrown error vs a caught rejection (the throw replaced by a log so the run exits 0).
console.log('1'); setTimeout(() => console.log('2'), 100); setTimeout(() => console.log('3'), 0); Promise.resolve().then(() => console.log('4')); console.log('5');
setTimeout(() => { console.log('Oops (would be thrown)'); }, 0);
Promise.reject('Fail').catch(e => console.log('Caught:', e));
