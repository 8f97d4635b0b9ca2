// §3.5: recursive setImmediate does not starve: one hop per iteration, poll runs in between,
// so a file read completes while the immediates keep coming.
const fs = require('fs');
let hops = 0;
let read = false;
function hop() {
  hops += 1;
  if (!read && hops < 100000) setImmediate(hop);
}
setImmediate(hop);
fs.readFile(__filename, (err, data) => {
  read = true;
  console.log('read finished while immediates ran:', hops > 0 && hops < 100000, data.length > 0);
});
