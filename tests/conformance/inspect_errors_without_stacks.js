// Modelled on MDN "Error" examples: custom error classes, cause, AggregateError, and how node prints errors whose
// stack was removed (no frames, so nothing depends on where the file lives).
class ValidationError extends Error {
  constructor(message, field) {
    super(message);
    this.name = 'ValidationError';
    this.field = field;
  }
}
const e = new ValidationError('bad input', 'email');
console.log(e.name, e.message, e.field, e instanceof ValidationError, e instanceof Error);
console.log(String(e), `${new TypeError('t')}`, Object.prototype.toString.call(e));
const noStack = new RangeError('out of range');
noStack.stack = undefined;
delete noStack.stack;
console.log(noStack);
const withCause = new Error('outer', { cause: 'inner reason' });
console.log(withCause.cause, 'cause' in withCause);
const agg = new AggregateError([new Error('a'), new Error('b')], 'many');
console.log(agg.name, agg.message, agg.errors.map((x) => x.message));
try {
  null.f();
} catch (err) {
  console.log(err.constructor.name, '-', err.message);
}
try {
  undefinedVariable;
} catch (err) {
  console.log(err.name, '-', err.message);
}
console.log(JSON.stringify({ err: new Error('x') }), Object.keys(new Error('x')));
