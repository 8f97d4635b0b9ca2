// §3.4: delays are coerced (after *= 1; outside [1, 2^31-1] -> 1; truncated); 0, -5, NaN, 0.5, 1.9,
// undefined and null all join the 1 ms list and run in insertion order; '5' means 5 ms.
setTimeout(() => console.log('ten (string "10")'), '10');
setTimeout(() => console.log('zero'), 0);
setTimeout(() => console.log('minus five'), -5);
setTimeout(() => console.log('NaN'), NaN);
setTimeout(() => console.log('one point nine'), 1.9);
setTimeout(() => console.log('five (string "5")'), '5');
setTimeout(() => console.log('undefined'));
setTimeout(() => console.log('null'), null);
setTimeout(() => console.log('zero point five'), 0.5);
