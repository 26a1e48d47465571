'use strict';
// Callback registration: the official registerCallback, listCallbacks, unregisterCallback.

const { CallbackError, argumentError } = require('./error');
const { Owned, run, settle, nativeOf, str, opts, shift } = require('./rest');

/** A registered callback: `id`, `group`, `event`, `url`, `createdAt`, and `unregister()`. */
class Callback extends Owned {
  /** Unregisters this callback (callback or Promise). */
  unregister(callback) {
    return this.ot.unregisterCallback(this.id, callback);
  }
}

const methods = {
  /** `registerCallback({group, event, url}, [callback])` → a Callback. */
  registerCallback(options, callback) {
    return run(callback, async () => {
      const o = opts('options', options);
      if (o === undefined) throw argumentError('options', 'must be an object {group, event, url}', options);
      return new Callback(this, await settle(nativeOf(this).registerCallback(o), CallbackError));
    });
  },

  /** `listCallbacks([options], [callback])` → an array of Callbacks. */
  listCallbacks(options, callback) {
    [options, callback] = shift(options, callback);
    return run(callback, async () => {
      const list = await settle(nativeOf(this).listCallbacks(), CallbackError);
      return list.map((c) => new Callback(this, c));
    });
  },

  /** `unregisterCallback(callbackId, [callback])`. */
  unregisterCallback(callbackId, callback) {
    return run(callback, () => settle(nativeOf(this).deleteCallback(str('callbackId', callbackId)), CallbackError));
  },
};

module.exports = { Callback, methods };
