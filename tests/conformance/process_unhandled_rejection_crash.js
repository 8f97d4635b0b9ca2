// Modelled on "Node 15+ crashes on unhandled rejections" posts: with no handler, an unhandled rejection ends the process
// with code 1 after the current microtasks; the 'exit' listener still runs.
// ptview-exit: 1
process.on('exit', (code) => console.log('exit code', code));
Promise.reject(new Error('nobody catches me'));
Promise.resolve().then(() => console.log('microtask still runs'));
process.nextTick(() => console.log('tick still runs'));
setTimeout(() => console.log('timer does not run'), 0);
