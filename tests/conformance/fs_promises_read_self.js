// From doc/api/fs.md "Promise example" (fs/promises with async/await), reading the script itself via __filename.
const { readFile, stat, access } = require('node:fs/promises');
const { constants } = require('node:fs');

async function main() {
  try {
    const contents = await readFile(__filename, { encoding: 'utf8' });
    console.log(contents.split('\n')[1]);
    const st = await stat(__filename);
    console.log(st.isFile(), st.size === Buffer.byteLength(contents));
    await access(__filename, constants.R_OK);
    console.log('can read');
    await access('/no/such/file');
  } catch (err) {
    console.error(err.message);
    console.log('failed:', err.code);
  }
}
main();
