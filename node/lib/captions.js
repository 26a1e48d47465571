'use strict';
// Live captions: the official startCaptions and stopCaptions, plus getCaptions.

const { CaptionsError } = require('./error');
const { run, settle, nativeOf, str, opts, fill, shift } = require('./rest');

const methods = {
  /**
   * `startCaptions(sessionId, token, [{languageCode, maxDuration, partialCaptions, statusCallbackUrl}], [callback])`
   * → the captions id (a string). 409 (already captioning) is a `CaptionsError` (and a `ConflictError`).
   */
  startCaptions(sessionId, token, options, callback) {
    [options, callback] = shift(options, callback);
    return run(callback, async () => {
      // The official SDK always sends its defaults: en-US, 14400 s, partial captions on.
      const o = { languageCode: 'en-US', maxDuration: 14400, partialCaptions: true, ...opts('options', options) };
      const r = await settle(nativeOf(this).startCaptions(str('sessionId', sessionId), str('token', token), o), CaptionsError);
      return r.captionsId;
    });
  },

  /** `stopCaptions(captionsId, [callback])` → true. */
  stopCaptions(captionsId, callback) {
    return run(callback, async () => {
      await settle(nativeOf(this).stopCaptions(str('captionsId', captionsId)), CaptionsError);
      return true;
    });
  },

  /** `getCaptions(captionsId, [callback])` → `{captionsId, sessionId, status, languageCode, ...}` (not in the official SDK). */
  getCaptions(captionsId, callback) {
    return run(callback, async () => fill({}, await settle(nativeOf(this).getCaptions(str('captionsId', captionsId)), CaptionsError)));
  },
};

module.exports = { methods };
