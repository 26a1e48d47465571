// ESM entry: `import OpenTok, { AuthError, SessionId } from 'opentok-native'`.
import OpenTok from './index.js';

export default OpenTok;
export const {
  OpenTokError, ArgumentError, InvalidTokenError, AuthError, ClockSkewError, NotFoundError, RequestError,
  ConflictError, PayloadTooLargeError, RateLimitError, ServerError, TimeoutError, ConnectionError,
  InvalidResponseError, ArchiveError, CaptionsError, SipError, SignalError, ForceDisconnectError, CallbackError,
  Session, SessionId, OpenTokSDK, SeedSession, Archive, Broadcast, Stream, SipInterconnect, RegisteredCallback, decodeToken, verifyToken, explainToken, parseEvent, Roles, MediaModes,
  ArchiveModes, VERSION, CORE_VERSION,
} = OpenTok;
export { OpenTok };
