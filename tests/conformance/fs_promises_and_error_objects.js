// Promise forms of fs and dns, and how console.log shows an error made by Node (no JS frames).
const fs = require('fs');
const dns = require('dns');
fs.readFile('/nonexistent/ptview-x', (err) => {
  console.log(err);
  fs.promises.stat('/nonexistent/ptview-y')
    .catch((e) => {
      console.log('promise stat', e.code, e instanceof Error, `${e}`);
      return fs.promises.readFile(__filename, 'utf8');
    })
    .then((text) => {
      console.log('read with promises', text.split('\n').length, 'lines');
      return dns.promises.lookup('localhost');
    })
    .then((r) => console.log('%O', r));
});
