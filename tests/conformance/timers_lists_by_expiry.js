// §3.4: one FIFO list per duration; lists run by expiry, not by creation order.
setTimeout(() => console.log('20 a'), 20);
setTimeout(() => console.log('5 a'), 5);
setTimeout(() => console.log('10 a'), 10);
setTimeout(() => console.log('5 b'), 5);
setTimeout(() => console.log('20 b'), 20);
setTimeout(() => console.log('10 b'), 10);
