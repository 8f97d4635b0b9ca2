// From nodejs.org Learn "Don't Block the Event Loop", "Blocking the Event Loop: REDOS": a vulnerable nested-quantifier
// regex vs a safe one on short inputs (long inputs would block for seconds), and the doc's input-length guard.
const vulnerable = /(\/.+)+$/;
const safe = /^(\/[^/]+)+$/;
const inputs = ['/a/b/c', '/a//b', '//', '/x'.repeat(5) + '\n'];
for (const s of inputs) {
  console.log(JSON.stringify(s), vulnerable.test(s), safe.test(s));
}
function isSafeToTest(userInput) {
  return typeof userInput === 'string' && userInput.length <= 128;
}
console.log(isSafeToTest('/a'.repeat(10)), isSafeToTest('/a'.repeat(100)));
const emailish = /^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$/;
console.log(emailish.test('someone@example.com'), emailish.test('not an email'));
