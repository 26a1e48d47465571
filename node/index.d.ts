// Type definitions for opentok-native: the official `opentok` 2.x API (plus Promises, token
// reading and session ids) over one Rust core.
//
//   import OpenTok = require('opentok-native');          // CommonJS
//   import OpenTok, { AuthError } from 'opentok-native'; // ESM / esModuleInterop

declare namespace OpenTok {
  type Role = 'publisher' | 'subscriber' | 'moderator' | 'publisheronly';
  type MediaMode = 'relayed' | 'routed';
  type ArchiveMode = 'manual' | 'always';
  type ArchiveResolution = '640x480' | '480x640' | '1280x720' | '720x1280' | '1920x1080' | '1080x1920';

  /** Proxy given as an object (a URL string works too; credentials may be in the URL). */
  interface ProxyOptions {
    url: string;
    username?: string;
    password?: string;
  }

  /** The third constructor argument when it is not an API URL string. */
  interface ClientOptions {
    /** Base URL of the API, e.g. the emulator's `http://127.0.0.1:4010`. */
    apiUrl?: string;
    /** Request timeout in milliseconds (default 30 000; connecting is capped at 10 000). */
    timeout?: number;
    /** HTTP, HTTPS or SOCKS5 proxy. */
    proxy?: string | ProxyOptions;
    /** Text appended to the User-Agent header. */
    uaAddendum?: string;
    /** Automatic retries of requests that are safe to resend (default 2; 0 turns them off). */
    maxRetries?: number;
    /** Test hooks: a fixed clock (unix seconds) and token nonce. */
    testing?: { now?: number; nonce?: number };
  }

  /** `createSession` options. Anything invalid is an `ArgumentError` (the official SDK silently coerced it). */
  interface SessionOptions {
    /** `'relayed'` (default) or `'routed'`. */
    mediaMode?: MediaMode;
    /** `'manual'` (default) or `'always'` (needs `routed`). */
    archiveMode?: ArchiveMode;
    /** Location hint: an IPv4 (or IPv6) address. */
    location?: string;
    /** End-to-end encryption (needs `routed`, not with `always`). */
    e2ee?: boolean | 'true' | 'false';
    /** Name of automatic archives, 1 to 80 characters (only with `always`). */
    archiveName?: string;
    /** Resolution of automatic archives (only with `always`). */
    archiveResolution?: ArchiveResolution;
    /** The seed API's spelling of the media mode: `'enabled'` = relayed, `'disabled'` = routed. */
    'p2p.preference'?: 'enabled' | 'disabled';
  }

  /** `generateToken` options. */
  interface TokenOptions {
    /** Default `'publisher'`. */
    role?: Role | string;
    /** Expiry in unix seconds (fractions are truncated), a numeric string, or a Date; default 24 h, at most 30 days. */
    expireTime?: number | string | Date;
    /** The official SDK's Vonage-mode spelling of `expireTime`. */
    expire_time?: number | string | Date;
    /** Lifetime in seconds from now (instead of `expireTime`). */
    expireIn?: number;
    /** Connection data, at most 1000 characters. */
    data?: string;
    /** Initial layout classes (joined with spaces, at most 1000 characters). */
    initialLayoutClassList?: string[] | string;
  }

  type Callback<T> = (err: OpenTokError | null, result?: T) => void;

  /** A created session. */
  class Session {
    constructor(ot: OpenTok, sessionId: string, properties?: object);
    readonly ot: OpenTok;
    sessionId: string;
    mediaMode?: MediaMode;
    archiveMode?: ArchiveMode;
    location?: string;
    e2ee?: boolean;
    archiveName?: string;
    archiveResolution?: ArchiveResolution;
    projectId?: string;
    createDt?: string;
    mediaServerUrl?: string;
    /** Mints a token for this session. */
    generateToken(options?: TokenOptions, generateT1Token?: boolean): string;
  }

  /** A token read back by `decodeToken` / `verifyToken`. */
  interface DecodedToken {
    format: 'JWT' | 'T1';
    algorithm?: string;
    projectId?: string;
    sessionId?: string;
    role?: string;
    issuedAt?: number;
    expiresAt?: number;
    connectionData?: string;
    initialLayoutClassList?: string;
    nonce?: string;
    /** Every claim (JWT) or field (T1, as strings). */
    claims: Record<string, unknown>;
  }

  interface TokenExplanation {
    decoded?: DecodedToken;
    valid: boolean;
    /** Why it is not valid: `'expired'`, `'bad_signature'`, `'malformed'`, ... */
    rejection?: string;
    /** In words: `'valid, expires in 23 h'`, `'expired 3 h ago'`, `'bad signature'`. */
    verdict: string;
  }

  /** A secret, a PEM public key, or either spelled out. */
  type VerifyKey = string | { secret: string } | { publicKey: string };

  interface VerifyOptions {
    /** Check expiry at this time (unix seconds or a Date) instead of now. */
    now?: number | Date;
  }

  /** A parsed session id. */
  class SessionId {
    constructor(sessionId: string);
    static parse(sessionId: string): SessionId;
    static mint(apiKey: string | number, options?: { location?: string | null; createdAtMs?: number; random?: string; flag?: string }): SessionId;
    readonly sessionId: string;
    readonly prefix: string;
    readonly apiKey: string;
    readonly location: string | null;
    readonly createTimeField: string;
    readonly createdAtMs: number | null;
    readonly createdAt: Date | null;
    readonly fields: string[];
    belongsTo(apiKey: string | number): boolean;
    toString(): string;
  }

  type ErrorKind =
    | 'invalid_argument' | 'invalid_token' | 'request' | 'authentication' | 'not_found' | 'conflict'
    | 'payload_too_large' | 'rate_limited' | 'server' | 'timeout' | 'connect' | 'clock_skew' | 'invalid_response';

  /** Base class of every error this package raises. */
  class OpenTokError extends Error {
    constructor(message?: string, details?: object);
    /** The class name: `'AuthError'`, `'ArgumentError'`, ... */
    name: string;
    /** The core's stable kind. */
    kind: ErrorKind;
    /** The API's error code when the server sent one, otherwise the kind. */
    code: string;
    /** HTTP status when the server answered. */
    status?: number;
    /** The API's error code from the response body. */
    apiCode?: string;
    /** The server's own message. */
    apiMessage?: string;
    /** For argument errors: the offending field. */
    field?: string;
    /** For token errors: why the token was refused. */
    reason?: string;
    /** HTTP method and path of the failed request. */
    method?: string;
    path?: string;
    /** Whether trying again later may succeed. */
    retryable: boolean;
  }
  class ArgumentError extends OpenTokError {}
  class InvalidTokenError extends ArgumentError {}
  class AuthError extends OpenTokError {}
  class ClockSkewError extends AuthError {}
  class NotFoundError extends OpenTokError {}
  class RequestError extends OpenTokError {}
  class ConflictError extends RequestError {}
  class PayloadTooLargeError extends RequestError {}
  class RateLimitError extends RequestError {}
  class ServerError extends RequestError {}
  class TimeoutError extends RequestError {}
  class ConnectionError extends RequestError {}
  class InvalidResponseError extends RequestError {}
  class ArchiveError extends OpenTokError {}
  class CaptionsError extends OpenTokError {}
  class SipError extends OpenTokError {}
  class SignalError extends OpenTokError {}
  class ForceDisconnectError extends OpenTokError {}
  class CallbackError extends OpenTokError {}

  /** Decodes a token (JWT or T1) without checking its signature. */
  function decodeToken(token: string): DecodedToken;
  /** Verifies signature (constant time) and expiry; throws `InvalidTokenError`. */
  function verifyToken(token: string, key: VerifyKey, options?: VerifyOptions): DecodedToken;
  /** Explains a token; never throws for a bad token. */
  function explainToken(token: string, key?: VerifyKey, options?: VerifyOptions): TokenExplanation;

  /** A session as the seed API returns it. */
  class SeedSession {
    readonly session_id: string;
    readonly session: Session;
    getSessionId(): string;
  }

  /** The seed API: `OpenTokSDK(apiKey, apiSecret).createSession(location, properties)`. */
  class OpenTokSDK {
    constructor(apiKey: string | number, apiSecret: string, env?: string | ClientOptions);
    readonly apiKey: string;
    createSession(location?: string | null, properties?: SessionOptions): Promise<SeedSession>;
    createSession(location: string | null | undefined, properties: SessionOptions | undefined, callback: Callback<SeedSession>): void;
    create_session(location?: string | null, properties?: SessionOptions): Promise<SeedSession>;
    generateToken(sessionId: string, options?: TokenOptions, generateT1Token?: boolean): string;
    generate_token(sessionId: string, options?: TokenOptions, generateT1Token?: boolean): string;
  }

  const Roles: { readonly PUBLISHER: 'publisher'; readonly SUBSCRIBER: 'subscriber'; readonly MODERATOR: 'moderator'; readonly PUBLISHER_ONLY: 'publisheronly' };
  const MediaModes: { readonly RELAYED: 'relayed'; readonly ROUTED: 'routed' };
  const ArchiveModes: { readonly MANUAL: 'manual'; readonly ALWAYS: 'always' };
  /** This package's version. */
  const VERSION: string;
  /** The Rust core's version. */
  const CORE_VERSION: string;
}

/**
 * `new OpenTok(apiKey, apiSecret, env)`: an API key (string or number) and secret, or a Vonage
 * application id and PEM private key; `env` is an API URL or {@link OpenTok.ClientOptions}.
 */
declare class OpenTok {
  constructor(apiKey: string | number, apiSecret: string, env?: string | OpenTok.ClientOptions);
  /** The API key (as a string) or application id. */
  readonly apiKey: string;
  /** The base URL requests go to. */
  readonly apiUrl: string;

  /** Creates a session; resolves to a {@link OpenTok.Session}. */
  createSession(options?: OpenTok.SessionOptions): Promise<OpenTok.Session>;
  createSession(options: OpenTok.SessionOptions, callback: OpenTok.Callback<OpenTok.Session>): void;
  createSession(callback: OpenTok.Callback<OpenTok.Session>): void;

  /** Mints a connection token: a JWT, or legacy T1 when `generateT1Token` is true. */
  generateToken(sessionId: string, options?: OpenTok.TokenOptions, generateT1Token?: boolean): string;

  static OpenTok: typeof OpenTok;
  static default: typeof OpenTok;
}

export = OpenTok;
