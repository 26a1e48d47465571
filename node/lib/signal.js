'use strict';
// Signaling: the official signal(sessionId, connectionId, payload, callback).

const { SignalError, argumentError } = require('./error');
const { run, settle, nativeOf, str, optStr, opts } = require('./rest');

const methods = {
  /**
   * `signal(sessionId, connectionId, {type, data}, [callback])`: to every client when
   * `connectionId` is null/undefined. 404 and 413 (data over 8 kB) are `SignalError`s (and a
   * `NotFoundError` / `PayloadTooLargeError`).
   */
  signal(sessionId, connectionId, payload, callback) {
    return run(callback, () => {
      const p = opts('payload', payload);
      if (p === undefined) throw argumentError('payload', 'must be an object {type, data}', payload);
      return settle(nativeOf(this).signal(str('sessionId', sessionId), optStr('connectionId', connectionId), p), SignalError);
    });
  },
};

module.exports = { methods };
