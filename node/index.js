'use strict';
// opentok-native: the official `opentok` 2.x API over one Rust core.
//   const OpenTok = require('opentok-native');
//   const ot = new OpenTok(apiKey, apiSecret);

const native = require('./lib/native');
const errors = require('./lib/error');
const { OpenTok } = require('./lib/client');
const { Session } = require('./lib/session');
const { SessionId } = require('./lib/session_id');
const { decodeToken, verifyToken, explainToken } = require('./lib/token');
const { OpenTokSDK, SeedSession } = require('./lib/seed');
const { Archive } = require('./lib/archive');
const { Broadcast } = require('./lib/broadcast');
const { Stream } = require('./lib/stream');
const { SipInterconnect } = require('./lib/sip');
const { Callback } = require('./lib/callback');
const { parseEvent } = require('./lib/events');

const ERROR_CLASSES = [
  'OpenTokError', 'ArgumentError', 'InvalidTokenError', 'AuthError', 'ClockSkewError', 'NotFoundError',
  'RequestError', 'ConflictError', 'PayloadTooLargeError', 'RateLimitError', 'ServerError', 'TimeoutError',
  'ConnectionError', 'InvalidResponseError', 'ArchiveError', 'CaptionsError', 'SipError', 'SignalError',
  'ForceDisconnectError', 'CallbackError',
];
for (const name of ERROR_CLASSES) OpenTok[name] = errors[name];

OpenTok.OpenTok = OpenTok;
OpenTok.default = OpenTok;
OpenTok.Session = Session;
OpenTok.SessionId = SessionId;
OpenTok.OpenTokSDK = OpenTokSDK;
OpenTok.SeedSession = SeedSession;
OpenTok.Archive = Archive;
OpenTok.Broadcast = Broadcast;
OpenTok.Stream = Stream;
OpenTok.SipInterconnect = SipInterconnect;
OpenTok.RegisteredCallback = Callback;
OpenTok.decodeToken = decodeToken;
OpenTok.verifyToken = verifyToken;
OpenTok.explainToken = explainToken;
OpenTok.parseEvent = parseEvent;
OpenTok.Roles = Object.freeze({ PUBLISHER: 'publisher', SUBSCRIBER: 'subscriber', MODERATOR: 'moderator', PUBLISHER_ONLY: 'publisheronly' });
OpenTok.MediaModes = Object.freeze({ RELAYED: 'relayed', ROUTED: 'routed' });
OpenTok.ArchiveModes = Object.freeze({ MANUAL: 'manual', ALWAYS: 'always' });
OpenTok.VERSION = require('./package.json').version;
OpenTok.CORE_VERSION = native.coreVersion();

module.exports = OpenTok;
