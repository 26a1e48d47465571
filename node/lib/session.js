'use strict';
// Session options (argument shapes only; the core parses and checks them) and the Session object.

const { argumentError } = require('./error');

/** Converts `createSession` options (official shape, plus the seed's `p2p.preference`). */
function sessionInput(opts) {
  if (opts == null) return {};
  if (typeof opts !== 'object' || Array.isArray(opts)) {
    throw argumentError('options', 'must be an object', opts);
  }
  const input = {};
  const mediaMode = opts.mediaMode != null ? opts.mediaMode : opts['p2p.preference'];
  if (mediaMode != null) input.mediaMode = String(mediaMode);
  if (opts.archiveMode != null) input.archiveMode = String(opts.archiveMode);
  if (opts.location != null) input.location = String(opts.location);
  if (opts.archiveName != null) input.archiveName = String(opts.archiveName);
  if (opts.archiveResolution != null) input.archiveResolution = String(opts.archiveResolution);
  if (opts.e2ee != null) {
    // The official SDK documents "true"/"false" strings as well as booleans.
    if (opts.e2ee === true || opts.e2ee === 'true') input.e2ee = true;
    else if (opts.e2ee === false || opts.e2ee === 'false') input.e2ee = false;
    else throw argumentError('e2ee', 'must be true or false', opts.e2ee);
  }
  return input;
}

/**
 * A created session. `sessionId` is the id; the other properties echo what the session was
 * created with (as the official SDK does).
 */
class Session {
  constructor(ot, sessionId, properties) {
    Object.defineProperty(this, 'ot', { value: ot, enumerable: false, writable: true, configurable: true });
    this.sessionId = sessionId;
    if (properties) {
      for (const k of Object.keys(properties)) {
        if (k !== 'sessionId' && properties[k] !== undefined && properties[k] !== null) this[k] = properties[k];
      }
    }
  }

  /** Mints a token for this session (see `OpenTok#generateToken`). */
  generateToken(opts, generateT1Token) {
    return this.ot.generateToken(this.sessionId, opts, generateT1Token);
  }
}

module.exports = { Session, sessionInput };
