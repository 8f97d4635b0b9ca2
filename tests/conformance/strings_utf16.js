// JS strings are UTF-16: an emoji is two units for length and indexing, one for iteration.
const s = 'hi 😀 there';
console.log(s, s.length, s.split(' '), [...'a😀'].length, '😀'.charCodeAt(0), s.slice(3, 5), s.toUpperCase());
console.log(['😀', 'é'], { k: '😀' }, JSON.stringify({ e: '😀' }), Buffer.from('😀').length, `${'😀'.length}`);
console.log('😀'.padStart(4, '*'), 'x😀'.at(-1) === '\ude00');
