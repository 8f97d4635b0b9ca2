// From doc/api/timers.md "Cancelling timers": aborting a timers/promises setTimeout rejects it with an AbortError.
const { setTimeout: setTimeoutPromise } = require('node:timers/promises');

const ac = new AbortController();
const signal = ac.signal;

setTimeoutPromise(1000, 'foobar', { signal })
  .then(console.log)
  .catch((err) => {
    if (err.name === 'AbortError')
      console.error('The timeout was aborted');
    console.log(err.name, err.code, err.message);
  });

ac.abort();
