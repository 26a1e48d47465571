'use strict';
// Broadcasts: the official startBroadcast, stopBroadcast, getBroadcast, listBroadcasts,
// setBroadcastLayout, addBroadcastStream, removeBroadcastStream.

const { layoutOf } = require('./archive');
const { Owned, counted, run, settle, nativeOf, str, opts, shift } = require('./rest');

/**
 * A broadcast: the service's fields (`id`, `status`, `broadcastUrls`, ...) and `stop()`. Like the
 * official SDK's, it leaves out `partnerId` (and the webhook `event`).
 */
class Broadcast extends Owned {
  constructor(ot, props) {
    super(ot, props);
    delete this.partnerId;
    delete this.event;
  }

  /** Stops this broadcast (callback or Promise of the stopped Broadcast). */
  stop(callback) {
    return this.ot.stopBroadcast(this.id, callback);
  }
}

const methods = {
  /**
   * `startBroadcast(sessionId, options, [callback])`: options `outputs` (`{hls: {dvr, lowLatency},
   * rtmp: [{id, serverUrl, streamName}]}`), `layout`, `maxDuration`, `maxBitrate`, `resolution`,
   * `streamMode`, `multiBroadcastTag`, `hasAudio`, `hasVideo`.
   */
  startBroadcast(sessionId, options, callback) {
    return run(callback, async () => {
      const o = opts('options', options);
      // The official SDK sends streamMode 'auto' unless one is given.
      if (o && !o.streamMode) o.streamMode = 'auto';
      return new Broadcast(this, await settle(nativeOf(this).startBroadcast(str('sessionId', sessionId), o)));
    });
  },

  /** `stopBroadcast(broadcastId, [callback])` → the stopped Broadcast. */
  stopBroadcast(broadcastId, callback) {
    return run(callback, async () => new Broadcast(this, await settle(nativeOf(this).stopBroadcast(str('broadcastId', broadcastId)))));
  },

  /** `getBroadcast(broadcastId, [callback])` → the Broadcast. */
  getBroadcast(broadcastId, callback) {
    return run(callback, async () => new Broadcast(this, await settle(nativeOf(this).getBroadcast(str('broadcastId', broadcastId)))));
  },

  /**
   * `listBroadcasts([{offset, count, sessionId}], [callback])`: `callback(null, broadcasts, totalCount)`;
   * the Promise resolves to the array with a `totalCount` property.
   */
  listBroadcasts(options, callback) {
    [options, callback] = shift(options, callback);
    return run(callback, async () => {
      const list = await settle(nativeOf(this).listBroadcasts(opts('options', options)));
      return counted(list, (b) => new Broadcast(this, b));
    });
  },

  /** `setBroadcastLayout(broadcastId, type, [stylesheet], [screenshareType], [callback])`. */
  setBroadcastLayout(broadcastId, type, stylesheet, screenshareType, callback) {
    if (typeof stylesheet === 'function') [stylesheet, callback] = [undefined, stylesheet];
    else if (typeof screenshareType === 'function') [screenshareType, callback] = [undefined, screenshareType];
    return run(callback, () =>
      settle(nativeOf(this).setBroadcastLayout(str('broadcastId', broadcastId), layoutOf(type, stylesheet, screenshareType))));
  },

  /** `addBroadcastStream(broadcastId, streamId, [{hasAudio, hasVideo}], [callback])` (sent as given; default true). */
  addBroadcastStream(broadcastId, streamId, broadcastOptions, callback) {
    [broadcastOptions, callback] = shift(broadcastOptions, callback);
    return run(callback, () =>
      settle(nativeOf(this).addBroadcastStream(str('broadcastId', broadcastId), str('streamId', streamId), opts('options', broadcastOptions))));
  },

  /** `removeBroadcastStream(broadcastId, streamId, [callback])`. */
  removeBroadcastStream(broadcastId, streamId, callback) {
    return run(callback, () => settle(nativeOf(this).removeBroadcastStream(str('broadcastId', broadcastId), str('streamId', streamId))));
  },
};

module.exports = { Broadcast, methods };
