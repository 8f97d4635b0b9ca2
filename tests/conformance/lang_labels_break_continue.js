// From MDN "label": labeled continue and break out of nested loops, and a labeled block.
let i, j;

loop1: for (i = 0; i < 3; i++) {
  loop2: for (j = 0; j < 3; j++) {
    if (i === 1 && j === 1) {
      continue loop1;
    }
    console.log(`i = ${i}, j = ${j}`);
  }
}

outer: for (let a = 0; a < 3; a++) {
  for (let b = 0; b < 3; b++) {
    if (a + b === 3) break outer;
    console.log('a,b', a, b);
  }
}

foo: {
  console.log('face');
  break foo;
  console.log('this will not be executed');
}
console.log('swap');
