'use strict';
// Session options (argument shapes only; the core parses and checks them) and the Session object.

const { argumentError } = require('./error');

/**
 * Converts `createSession` options as the official SDK 2.23.2 does: `mediaMode` defaults to
 * `relayed` and `archiveMode` to `manual` (both always sent, like the official's
 * `archiveMode=manual&p2p.preference=enabled`), and values other than routed/relayed and
 * manual/always fall back to those defaults, as in the official SDK; `location`, `e2ee`,
 * `archiveName` and `archiveResolution` are sent only when given (the core checks the rules the
 * service enforces). Returns the native input and the properties the Session object echoes: the
 * caller's options as given, with the modes filled in.
 */
function sessionInput(opts) {
  if (opts == null) opts = {};
  if (typeof opts !== 'object' || Array.isArray(opts)) {
    throw argumentError('options', 'must be an object', opts);
  }
  const input = {};
  if (opts.mediaMode != null || opts['p2p.preference'] == null) {
    input.mediaMode = opts.mediaMode === 'routed' ? 'routed' : 'relayed';
  } else {
    input.mediaMode = String(opts['p2p.preference']); // this package's extension: parsed by the core
  }
  input.archiveMode = opts.archiveMode === 'always' ? 'always' : 'manual';
  if (opts.location != null) input.location = String(opts.location);
  if (opts.archiveName != null) input.archiveName = String(opts.archiveName);
  if (opts.archiveResolution != null) input.archiveResolution = String(opts.archiveResolution);
  if (opts.e2ee != null) {
    // The official SDK documents "true"/"false" strings as well as booleans.
    if (opts.e2ee === true || opts.e2ee === 'true') input.e2ee = true;
    else if (opts.e2ee === false || opts.e2ee === 'false') input.e2ee = false;
    else throw argumentError('e2ee', 'must be true or false', opts.e2ee);
  }
  return { input, props: { ...opts } };
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
