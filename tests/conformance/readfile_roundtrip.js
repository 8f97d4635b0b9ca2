// fs.readFile: a Buffer whose length is the file's size; 'utf8' gives a string; stat agrees.
const fs = require('fs');
fs.readFile(__filename, (err, data) => {
  console.log('err', err, 'is buffer', Buffer.isBuffer(data), 'first line', data.toString().split('\n')[0]);
  fs.stat(__filename, (err2, st) => {
    console.log('sizes agree', st.size === data.length, st.isFile(), st.isDirectory());
    fs.readFile(__filename, 'utf8', (err3, text) => {
      console.log('utf8 is string', typeof text, text.length === data.length);
    });
  });
});
