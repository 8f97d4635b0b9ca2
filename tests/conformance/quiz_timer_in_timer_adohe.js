// From a GitHub gist "node.js event loop" (gist.github.com/adohe-zz/9021941) without its fs.stat (whose
// completion may beat the check phase or not): inside a timer, the immediate runs in the same iteration's check phase, before the nested 0 ms timer.
setTimeout(function () {
  console.log('first timer...');
  setTimeout(function () {
    console.log('second timer...');
  }, 0);
  setImmediate(function () {
    console.log('setImmediate');
  });
}, 0);
