// From doc/api/readline.md "Example: Read file stream line-by-Line": for await over readline lines of the script itself.
const fs = require('node:fs');
const readline = require('node:readline');

async function processLineByLine() {
  const fileStream = fs.createReadStream(__filename);

  const rl = readline.createInterface({
    input: fileStream,
    crlfDelay: Infinity,
  });
  // Note: we use the crlfDelay option to recognize all instances of CR LF
  // ('\r\n') in input.txt as a single line break.

  let n = 0;
  for await (const line of rl) {
    // Each line in input.txt will be successively available here as `line`.
    n++;
    if (n <= 2) console.log(`Line from file: ${line.slice(0, 30)}`);
  }
  console.log('lines:', n);
}

processLineByLine();
