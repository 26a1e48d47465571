'use strict';
// Connections: listConnections (not in the official Node SDK; the Java SDK's name).

const { run, settle, nativeOf, str } = require('./rest');

const methods = {
  /** `listConnections(sessionId, [callback])` → `{count, projectId, sessionId, items: [{connectionId, connectionState, createdAt}]}`. */
  listConnections(sessionId, callback) {
    return run(callback, () => settle(nativeOf(this).listConnections(str('sessionId', sessionId))));
  },
};

module.exports = { methods };
