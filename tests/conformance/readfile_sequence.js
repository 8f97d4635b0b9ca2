// Each readFile is several pool round trips; three reads in parallel and one after the other.
const fs = require('fs');
let done = 0;
for (let i = 0; i < 3; i++) {
  fs.readFile(__filename, (err, data) => {
    done += 1;
    console.log('parallel read done', done, data.length > 100);
    if (done === 3) {
      fs.readFile(__filename, () => {
        console.log('sequential read after the three');
        setImmediate(() => console.log('immediate after the last read'));
      });
    }
  });
}
console.log('reads started');
