// process.on('exit') listeners run when the loop has nothing left to do.
process.on('exit', (code) => console.log('exit with code', code));
setTimeout(() => console.log('last timer'), 5);
console.log('main');
