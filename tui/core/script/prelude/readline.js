'use strict';
// node:readline over a Readable, non-terminal only: ptview's scripts have no
// TTY, so there is no keypress decoding, history or line editing; prompts and
// questions are written to `output` as node does with terminal: false.
// Event order is node's: each 'data' chunk emits its complete lines
// synchronously; 'end' emits the unterminated rest, then close() emits
// 'pause' and 'close'. The async iterator is events.on(rl, 'line') closed by
// 'close' (so a `break` leaves rl open, as in node v20).

const EventEmitter = require('events');
const { StringDecoder } = require('string_decoder');
const { kFirstEventParam } = require('internal/events_symbols');
const { codes, validateAbortSignal, validateString } = require('internal/errors');

const kMinCrlfDelay = 100;
const lineEnding = /\r?\n|\r(?!\n)/g;
const kQuestionCallback = Symbol('kQuestionCallback');
const kLineObjectStream = Symbol('kLineObjectStream');

class Interface extends EventEmitter {
  constructor(input, output, completer, terminal) {
    super();
    let crlfDelay;
    let prompt = '> ';
    let signal;
    if (input && input.input) {
      // createInterface(options)
      ({ output, completer, terminal, crlfDelay, signal } = input);
      if (input.prompt !== undefined) prompt = input.prompt;
      input = input.input;
    }
    if (completer !== undefined && typeof completer !== 'function') {
      throw new codes.ERR_INVALID_ARG_VALUE('completer', completer);
    }
    if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
    if (terminal === undefined && !(output === null || output === undefined)) terminal = !!output.isTTY;
    this.line = '';
    this.input = input;
    this.output = output;
    this.terminal = !!terminal;
    this.crlfDelay = crlfDelay ? Math.max(kMinCrlfDelay, crlfDelay) : kMinCrlfDelay;
    this.completer = completer;
    this._prompt = prompt;
    this[kQuestionCallback] = null;
    this._decoder = new StringDecoder('utf8');
    this._lineBuffer = null;
    this._sawReturnAt = 0;

    const ondata = (data) => this._normalWrite(data);
    const onend = () => {
      if (typeof this._lineBuffer === 'string' && this._lineBuffer.length > 0) this.emit('line', this._lineBuffer);
      this.close();
    };
    const onerror = (err) => this.emit('error', err);
    input.on('error', onerror);
    input.on('data', ondata);
    input.on('end', onend);
    this.once('close', () => {
      input.removeListener('data', ondata);
      input.removeListener('error', onerror);
      input.removeListener('end', onend);
    });
    if (signal) {
      const onAborted = () => this.close();
      if (signal.aborted) {
        globalThis.process.nextTick(onAborted);
      } else {
        signal.addEventListener('abort', onAborted, { once: true });
        this.once('close', () => signal.removeEventListener('abort', onAborted));
      }
    }
    input.resume(); // the input flows now, without a 'resume' event (node's order)
  }

  get columns() {
    return this.output && this.output.columns ? this.output.columns : Infinity;
  }

  setPrompt(prompt) {
    this._prompt = prompt;
  }

  getPrompt() {
    return this._prompt;
  }

  prompt() {
    if (this.paused) this.resume();
    this._writeToOutput(this._prompt);
  }

  question(query, options, cb) {
    if (this.closed) throw new codes.ERR_USE_AFTER_CLOSE('readline');
    cb = typeof options === 'function' ? options : cb;
    if (options && typeof options === 'object' && options.signal) {
      validateAbortSignal(options.signal, 'options.signal');
      if (options.signal.aborted) return;
      const onAbort = () => { this[kQuestionCallback] = null; };
      options.signal.addEventListener('abort', onAbort, { once: true });
      const inner = cb;
      cb = (answer) => {
        options.signal.removeEventListener('abort', onAbort);
        inner(answer);
      };
    }
    if (typeof cb !== 'function') return;
    if (this[kQuestionCallback]) {
      this.prompt();
    } else {
      this._oldPrompt = this._prompt;
      this.setPrompt(query);
      this[kQuestionCallback] = cb;
      this.prompt();
    }
  }

  _writeToOutput(s) {
    validateString(s, 'stringToWrite');
    if (this.output !== null && this.output !== undefined) this.output.write(s);
  }

  pause() {
    if (this.paused) return;
    this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (!this.paused) return;
    this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  write(d) {
    if (this.paused) this.resume();
    this._normalWrite(d);
  }

  close() {
    if (this.closed) return;
    this.pause();
    this.closed = true;
    this.emit('close');
  }

  _onLine(line) {
    const cb = this[kQuestionCallback];
    if (cb) {
      this[kQuestionCallback] = null;
      this.setPrompt(this._oldPrompt);
      cb(line);
    } else {
      this.emit('line', line);
    }
  }

  // node's kNormalWrite: split on \r\n, \n or a lone \r; a \r that ends a chunk
  // swallows a \n that starts the next one within crlfDelay ms.
  _normalWrite(b) {
    if (b === undefined) return;
    let string = typeof b === 'string' ? b : this._decoder.write(b);
    if (this._sawReturnAt && Date.now() - this._sawReturnAt <= this.crlfDelay) {
      if (string.codePointAt(0) === 10) string = string.slice(1);
      this._sawReturnAt = 0;
    }
    lineEnding.lastIndex = 0;
    let match = lineEnding.exec(string);
    if (match === null) {
      if (string) this._lineBuffer = this._lineBuffer ? this._lineBuffer + string : string;
      return;
    }
    if (this._lineBuffer) {
      string = this._lineBuffer + string;
      this._lineBuffer = null;
      lineEnding.lastIndex = 0;
      match = lineEnding.exec(string);
    }
    this._sawReturnAt = string.endsWith('\r') ? Date.now() : 0;
    const indexes = [0, match.index, lineEnding.lastIndex];
    while ((match = lineEnding.exec(string)) !== null) indexes.push(match.index, lineEnding.lastIndex);
    const last = indexes.length - 1;
    this._lineBuffer = string.slice(indexes[last]);
    for (let i = 1; i < last; i += 2) this._onLine(string.slice(indexes[i - 1], indexes[i]));
  }

  [Symbol.asyncIterator]() {
    if (this[kLineObjectStream] === undefined) {
      this[kLineObjectStream] = EventEmitter.on(this, 'line', {
        close: ['close'], highWaterMark: 1024, [kFirstEventParam]: true,
      });
    }
    return this[kLineObjectStream];
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

// The ANSI cursor helpers write to any stream ('\x1b[…'), as node's do.
const CSI = (s) => `\x1b[${s}`;

function writeTo(stream, data, callback) {
  if (stream === null || stream === undefined) {
    if (typeof callback === 'function') globalThis.process.nextTick(callback, null);
    return true;
  }
  return stream.write(data, callback);
}

function cursorTo(stream, x, y, callback) {
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  if (Number.isNaN(x)) throw new codes.ERR_INVALID_ARG_VALUE('x', x);
  if (Number.isNaN(y)) throw new codes.ERR_INVALID_ARG_VALUE('y', y);
  if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) return writeTo(null, '', callback);
  if (typeof x !== 'number') throw new codes.ERR_INVALID_CURSOR_POS();
  const data = typeof y !== 'number' ? CSI(`${x + 1}G`) : CSI(`${y + 1};${x + 1}H`);
  return writeTo(stream, data, callback);
}

function moveCursor(stream, dx, dy, callback) {
  if (stream == null || !(dx || dy)) return writeTo(null, '', callback);
  let data = '';
  if (dx < 0) data += CSI(`${-dx}D`);
  else if (dx > 0) data += CSI(`${dx}C`);
  if (dy < 0) data += CSI(`${-dy}A`);
  else if (dy > 0) data += CSI(`${dy}B`);
  return writeTo(stream, data, callback);
}

function clearLine(stream, dir, callback) {
  if (typeof dir === 'function') {
    callback = dir;
    dir = 0;
  }
  if (stream == null) return writeTo(null, '', callback);
  const type = dir < 0 ? CSI('1K') : dir > 0 ? CSI('0K') : CSI('2K');
  return writeTo(stream, type, callback);
}

function clearScreenDown(stream, callback) {
  if (stream == null) return writeTo(null, '', callback);
  return writeTo(stream, CSI('0J'), callback);
}

// Keypress decoding needs a TTY, which ptview's scripts never have: a no-op.
function emitKeypressEvents() {}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
};
Object.defineProperty(module.exports, 'promises', {
  configurable: true, enumerable: true, get: () => require('readline/promises'),
});
