console.log('child about to throw');
setTimeout(() => { throw new Error('child boom'); }, 5);
