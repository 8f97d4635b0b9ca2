// From a GitHub gist by kriskowal (gist.github.com/kriskowal/e692ab16207f5f09e0095000d7142a59): an await loop and a nextTick
// loop interleave (ticks first, then one await per turn), before a setImmediate loop (shortened to 3 rounds, setTimeout loop dropped).
async function avery() {
  await null;
  for (let i = 0; i < 3; i += 1) {
    console.log('await');
    await null;
  }
}
function blake() {
  return new Promise((resolve) => {
    let i = 3;
    function tick() {
      if (i < 0) {
        return resolve();
      }
      i -= 1;
      console.log('setImmediate');
      setImmediate(tick);
    }
    setImmediate(tick);
  });
}
function clarke() {
  return new Promise((resolve) => {
    let i = 3;
    function tick() {
      if (i < 0) {
        return resolve();
      }
      i -= 1;
      console.log('nextTick');
      process.nextTick(tick);
    }
    process.nextTick(tick);
  });
}
async function main() {
  return Promise.all([avery(), blake(), clarke()]);
}
main().then(() => console.log('all done'));
