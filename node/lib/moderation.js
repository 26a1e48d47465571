'use strict';
// Moderation: the official forceDisconnect, forceMuteStream, forceMuteAll, disableForceMute.

const { ForceDisconnectError } = require('./error');
const { run, settle, nativeOf, str, opts, shift } = require('./rest');

const methods = {
  /** `forceDisconnect(sessionId, connectionId, [callback])`; 404 is a `ForceDisconnectError` (and a `NotFoundError`). */
  forceDisconnect(sessionId, connectionId, callback) {
    return run(callback, () =>
      settle(nativeOf(this).forceDisconnect(str('sessionId', sessionId), str('connectionId', connectionId)), ForceDisconnectError));
  },

  /** `forceMuteStream(sessionId, streamId, [callback])`. */
  forceMuteStream(sessionId, streamId, callback) {
    return run(callback, () => settle(nativeOf(this).muteStream(str('sessionId', sessionId), str('streamId', streamId))));
  },

  /** `forceMuteAll(sessionId, [{excludedStreamIds}], [callback])`: sends `excludedStreamIds`. */
  forceMuteAll(sessionId, options, callback) {
    [options, callback] = shift(options, callback);
    return run(callback, () => settle(nativeOf(this).muteAll(str('sessionId', sessionId), opts('options', options))));
  },

  /** `disableForceMute(sessionId, [callback])`. */
  disableForceMute(sessionId, callback) {
    return run(callback, () => settle(nativeOf(this).disableForceMute(str('sessionId', sessionId))));
  },
};

module.exports = { methods };
