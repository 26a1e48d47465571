'use strict';
// Audio Connector: the official websocketConnect, plus stopAudioConnector.

const { run, settle, nativeOf, str, opts, fill, shift } = require('./rest');

const methods = {
  /**
   * `websocketConnect(sessionId, token, websocketUri, [{streams, headers, audioRate, bidirectional, audioTransport}], [callback])`
   * → `{id, connectionId}`. `audioTransport` is sent as a JSON object.
   */
  websocketConnect(sessionId, token, websocketUri, options, callback) {
    [options, callback] = shift(options, callback);
    return run(callback, async () => {
      const o = Object.assign({}, opts('options', options), { uri: str('websocketUri', websocketUri) });
      return fill({}, await settle(nativeOf(this).connectAudio(str('sessionId', sessionId), str('token', token), o)));
    });
  },

  /** `stopAudioConnector(connectorId, [callback])`: `POST /connect/{id}/stop` (not in the official SDK). */
  stopAudioConnector(connectorId, callback) {
    return run(callback, () => settle(nativeOf(this).stopAudioConnector(str('connectorId', connectorId))));
  },
};

module.exports = { methods };
