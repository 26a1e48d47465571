'use strict';
// SIP interconnect: the official dial and playDTMF.

const { SipError } = require('./error');
const { run, settle, nativeOf, str, optStr, opts, fill, shift } = require('./rest');

/** A SIP call: `id`, `connectionId`, `streamId`. */
class SipInterconnect {
  constructor(props) {
    fill(this, props);
  }
}

const methods = {
  /**
   * `dial(sessionId, token, sipUri, [options], [callback])`: options `from`, `headers`, `auth`
   * (`{username, password}`), `secure`, `video`, `observeForceMute`, `streams` → a SipInterconnect.
   */
  dial(sessionId, token, sipUri, options, callback) {
    [options, callback] = shift(options, callback);
    return run(callback, async () =>
      new SipInterconnect(await settle(
        nativeOf(this).dial(str('sessionId', sessionId), str('token', token), str('sipUri', sipUri), opts('options', options)),
        SipError,
      )));
  },

  /** `playDTMF(sessionId, connectionId, digits, [callback])`: to every SIP participant when `connectionId` is null. */
  playDTMF(sessionId, connectionId, digits, callback) {
    return run(callback, () =>
      settle(nativeOf(this).playDtmf(str('sessionId', sessionId), optStr('connectionId', connectionId), str('digits', digits)), SipError));
  },
};

module.exports = { SipInterconnect, methods };
