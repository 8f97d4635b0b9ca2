// From doc/api/string_decoder.md and the WHATWG TextEncoder/TextDecoder (MDN): a multi-byte character split across writes.
const { StringDecoder } = require('node:string_decoder');
const decoder = new StringDecoder('utf8');

const cent = Buffer.from([0xC2, 0xA2]);
console.log(decoder.write(cent)); // Prints: ¢

const euro = Buffer.from([0xE2, 0x82, 0xAC]);
console.log(JSON.stringify(decoder.write(euro.subarray(0, 1))));
console.log(JSON.stringify(decoder.write(euro.subarray(1, 2))));
console.log(decoder.end(euro.subarray(2)));
const enc = new TextEncoder();
console.log(enc.encode('€'), new TextDecoder().decode(new Uint8Array([226, 130, 172])), enc.encoding);
console.log(new TextDecoder('utf-8', { fatal: false }).decode(new Uint8Array([0xff])));
