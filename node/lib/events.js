'use strict';
// Webhook events: `parseEvent(body)` reads what the service POSTs to an app (session monitoring,
// SIP calls, archive / broadcast / captions / render status) through the core's `parse_event`.
// The result is a plain object whose `type` names the event (`connectionCreated`, `archive`, ...,
// `unknown`); see index.d.ts for the union and docs/events.md for the shapes.

const native = require('./native');
const { argumentError, fromNative, isNativeError } = require('./error');

/**
 * Reads a webhook body (a string, a Buffer or a Uint8Array) into its typed event. An event the
 * SDK does not know is `{type: 'unknown', raw}`; only a body that is not JSON throws
 * (`ArgumentError` naming `body`).
 */
function parseEvent(body) {
  let input = body;
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) {
    if (!(body instanceof Uint8Array)) throw argumentError('body', 'must be a string or a Buffer', body);
    input = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  }
  const r = native.parseEvent(input);
  if (isNativeError(r)) throw fromNative(r);
  return r;
}

module.exports = { parseEvent };
