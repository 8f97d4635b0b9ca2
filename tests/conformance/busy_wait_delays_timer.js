// Synchronous code blocks the loop: a 10 ms timer set before a 50 ms busy-wait runs late.
const start = Date.now();
setTimeout(() => {
  const waited = Date.now() - start;
  console.log('timer ran late:', waited >= 50);
}, 10);
while (Date.now() - start < 50) {}
console.log('busy-wait over:', Date.now() - start >= 50);
