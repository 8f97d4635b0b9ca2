'use strict';
// node:readline/promises — the same Interface with question() returning a
// promise, and Readline: cursor commands queued until commit().

const readline = require('readline');
const { codes, AbortError, validateAbortSignal } = require('internal/errors');

class Interface extends readline.Interface {
  question(query, options = {}) {
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new codes.ERR_USE_AFTER_CLOSE('readline'));
        return;
      }
      const signal = options && options.signal;
      if (signal) {
        validateAbortSignal(signal, 'options.signal');
        if (signal.aborted) {
          reject(new AbortError(undefined, { cause: signal.reason }));
          return;
        }
        const onAbort = () => reject(new AbortError(undefined, { cause: signal.reason }));
        signal.addEventListener('abort', onAbort, { once: true });
        resolve = ((inner) => (answer) => {
          signal.removeEventListener('abort', onAbort);
          inner(answer);
        })(resolve);
      }
      super.question(query, resolve);
    });
  }
}

const CSI = (s) => `\x1b[${s}`;

class Readline {
  #stream;
  #todo = [];
  #autoCommit;

  constructor(stream, options = undefined) {
    if (!stream || typeof stream.write !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('stream', 'Writable', stream);
    }
    this.#stream = stream;
    this.#autoCommit = !!(options && options.autoCommit);
  }

  #queue(data) {
    if (this.#autoCommit) globalThis.process.nextTick(() => this.#stream.write(data));
    else this.#todo.push(data);
    return this;
  }

  cursorTo(x, y = undefined) {
    if (y !== undefined && typeof y !== 'number') y = undefined;
    return this.#queue(y === undefined ? CSI(`${x + 1}G`) : CSI(`${y + 1};${x + 1}H`));
  }

  moveCursor(dx, dy) {
    if (dx || dy) {
      let data = '';
      if (dx < 0) data += CSI(`${-dx}D`);
      else if (dx > 0) data += CSI(`${dx}C`);
      if (dy < 0) data += CSI(`${-dy}A`);
      else if (dy > 0) data += CSI(`${dy}B`);
      this.#queue(data);
    }
    return this;
  }

  clearLine(dir) {
    return this.#queue(dir < 0 ? CSI('1K') : dir > 0 ? CSI('0K') : CSI('2K'));
  }

  clearScreenDown() {
    return this.#queue(CSI('0J'));
  }

  commit() {
    return new Promise((resolve) => {
      this.#stream.write(this.#todo.join(''), resolve);
      this.#todo = [];
    });
  }

  rollback() {
    this.#todo = [];
    return this;
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = { Interface, Readline, createInterface };
