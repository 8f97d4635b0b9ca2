// §3.4: setInterval re-inserts itself until clearInterval; args are passed through.
let n = 0;
const h = setInterval((label) => {
  n += 1;
  console.log(label, n);
  if (n === 3) {
    clearInterval(h);
    setTimeout(() => console.log('after the interval'), 0);
  }
}, 10, 'tick');
const never = setTimeout(() => console.log('cleared timeout: never printed'), 5);
clearTimeout(never);
