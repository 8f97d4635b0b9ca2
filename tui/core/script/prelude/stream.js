'use strict';
// node:stream — Readable, Writable, Duplex, Transform, PassThrough, pipeline,
// finished, addAbortSignal, the promises API, as node v20 (node streams and
// iterables; no web-stream adapters).

const { Stream, setDefaultHighWaterMark, getDefaultHighWaterMark, destroyer, isDestroyed } =
  require('internal/streams/legacy');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const { Duplex, Transform, PassThrough } = require('internal/streams/duplex');
const eos = require('internal/streams/end-of-stream');
const { pipeline, pipelineImpl } = require('internal/streams/pipeline');

const { promisify } = require('util');

require('internal/streams/operators').install(Readable);

Stream.isDestroyed = isDestroyed;
Stream.isDisturbed = (stream) => !!(stream && (stream.readableDidRead || stream.readableAborted));
Stream.isErrored = (stream) => !!(stream && (stream.readableErrored || stream.writableErrored ||
  (stream._readableState && stream._readableState.errorEmitted) ||
  (stream._writableState && stream._writableState.errorEmitted)));
Stream.isReadable = (stream) => require('internal/streams/legacy').isReadable(stream);
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.pipeline = pipeline;
Stream.addAbortSignal = Readable.addAbortSignal;
Stream.finished = eos;
Stream.destroy = destroyer;
Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;
Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;

const promises = {
  finished: eos.finished,
  pipeline(...streams) {
    return new Promise((resolve, reject) => {
      let signal;
      let end;
      const lastArg = streams[streams.length - 1];
      if (lastArg && typeof lastArg === 'object' && !require('internal/streams/legacy').isNodeStream(lastArg) &&
          !require('internal/streams/legacy').isIterable(lastArg)) {
        const options = streams.pop();
        signal = options.signal;
        end = options.end;
      }
      pipelineImpl(streams, (err, value) => {
        if (err) reject(err);
        else resolve(value);
      }, { signal, end });
    });
  },
};
Object.defineProperty(Stream, 'promises', { configurable: true, enumerable: true, get() { return promises; } });
Object.defineProperty(pipeline, promisify.custom, { enumerable: true, get() { return promises.pipeline; } });
Object.defineProperty(eos, promisify.custom, { enumerable: true, get() { return promises.finished; } });

Stream.Stream = Stream;
Stream._isUint8Array = (v) => v instanceof Uint8Array;
Stream._uint8ArrayToBuffer = (chunk) => require('buffer').Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

module.exports = Stream;
