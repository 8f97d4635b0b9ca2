// Modelled on the "The Node.js Event emitter" Learn guide (https://nodejs.org/en/learn/asynchronous-work/the-nodejs-event-emitter)
// and the common "Ticker extends EventEmitter" slide: a class emitting 'tick' from a timer, removed with off().
const EventEmitter = require('events');

class Ticker extends EventEmitter {
  #count = 0;
  start(ms, times) {
    const id = setInterval(() => {
      this.#count++;
      this.emit('tick', this.#count);
      if (this.#count === times) {
        clearInterval(id);
        this.emit('end', this.#count);
      }
    }, ms);
  }
}

const t = new Ticker();
const onTick = (n) => console.log('tick', n);
t.on('tick', onTick);
t.once('end', (n) => {
  console.log('end after', n);
  t.off('tick', onTick);
  console.log('listeners left:', t.listenerCount('tick'));
});
t.start(2, 3);
