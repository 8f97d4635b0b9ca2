// From doc/api/fs.md "FileHandle": open, read a few bytes, close in finally; fh.readFile; reading past EOF.
const { open } = require('node:fs/promises');

(async () => {
  let filehandle;
  try {
    filehandle = await open(__filename, 'r');
    const buf = Buffer.alloc(16);
    const { bytesRead } = await filehandle.read(buf, 0, 16, 0);
    console.log(bytesRead, JSON.stringify(buf.toString()));
    const past = await filehandle.read(Buffer.alloc(4), 0, 4, 10 ** 9);
    console.log('past EOF', past.bytesRead);
    const all = await filehandle.readFile('utf8');
    console.log('rest starts after position 16:', all.length > 0);
  } finally {
    await filehandle?.close();
    console.log('closed');
  }
})();
