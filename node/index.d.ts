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
    /** Request timeout in milliseconds (default 30 000; connecting is capped at 10 000); more than 0, at most 86 400 000 (1 day). */
    timeout?: number;
    /** HTTP, HTTPS or SOCKS5 proxy. */
    proxy?: string | ProxyOptions;
    /** Text appended to the User-Agent header. */
    uaAddendum?: string;
    /** Automatic retries of requests that are safe to resend (default 2; 0 turns them off; at most 10). */
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
    e2ee?: boolean | 'true' | 'false'; // as given to createSession
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

  // ---- REST operations (issue 7) ----

  type LayoutType = 'bestFit' | 'custom' | 'horizontalPresentation' | 'pip' | 'verticalPresentation';

  interface Layout {
    type: LayoutType;
    /** Required with `custom`, not allowed otherwise. */
    stylesheet?: string;
    /** Only with `bestFit`; not `custom`. */
    screenshareType?: Exclude<LayoutType, 'custom'>;
  }

  /** `startArchive` options (unknown keys are an `ArgumentError`). */
  interface ArchiveOptions {
    name?: string;
    hasAudio?: boolean;
    hasVideo?: boolean;
    outputMode?: 'composed' | 'individual';
    resolution?: ArchiveResolution;
    streamMode?: 'auto' | 'manual';
    layout?: Layout;
    multiArchiveTag?: string;
    /** 100000 to 6000000; not with `quantizationParameter`. */
    maxBitrate?: number;
    /** 15 to 40; composed only. */
    quantizationParameter?: number;
    hasTranscription?: boolean;
    transcriptionProperties?: { primaryLanguageCode?: string; hasSummary?: boolean };
  }

  /** A stream included in an archive or broadcast. */
  interface IncludedStream {
    streamId: string;
    hasAudio?: boolean;
    hasVideo?: boolean;
  }

  /** The transcription of an archive as the service reports it (unknown fields are null). */
  interface ArchiveTranscription {
    status?: string | null;
    reason?: string | null;
    url?: string | null;
    primaryLanguageCode?: string | null;
    hasSummary?: boolean | null;
  }

  /** An archive: the service's fields (absent ones are not set) and `stop()` / `delete()`. */
  class Archive {
    private constructor();
    readonly ot: OpenTok;
    id: string;
    status: 'started' | 'paused' | 'stopped' | 'available' | 'uploaded' | 'deleted' | 'expired' | 'failed' | 'unknown';
    sessionId: string;
    name?: string;
    partnerId?: number | string; // a number for project (api key) ids, as the service sends them
    projectId?: number | string; // a number for project (api key) ids, as the service sends them
    createdAt?: number;
    updatedAt?: number;
    size?: number;
    duration?: number;
    /** True unless the service says otherwise (its default). */
    hasAudio: boolean;
    /** True unless the service says otherwise (its default). */
    hasVideo: boolean;
    outputMode?: 'composed' | 'individual';
    streamMode?: 'auto' | 'manual';
    streams?: IncludedStream[];
    url?: string;
    resolution?: string;
    reason?: string;
    password?: string;
    multiArchiveTag?: string;
    maxBitrate?: number;
    quantizationParameter?: number;
    hasTranscription?: boolean;
    transcription?: ArchiveTranscription;
    transcriptionProperties?: { primaryLanguageCode?: string | null; hasSummary?: boolean | null };
    stop(): Promise<Archive>;
    stop(callback: Callback<Archive>): void;
    delete(): Promise<void>;
    delete(callback: Callback<void>): void;
  }

  /** An array of results with the service's total count. */
  type ListResult<T> = T[] & { readonly totalCount: number };
  /** `listArchives` / `listBroadcasts` callback: the page and the total count. */
  type ListCallback<T> = (err: OpenTokError | null, items?: T[], totalCount?: number) => void;

  interface ListOptions {
    offset?: number;
    /** 1 to 1000. */
    count?: number;
    sessionId?: string;
  }

  /** `startBroadcast` options. */
  interface BroadcastOptions {
    outputs: {
      hls?: { dvr?: boolean; lowLatency?: boolean };
      rtmp?: Array<{ id?: string; serverUrl: string; streamName: string }>;
    };
    layout?: Layout;
    /** 60 to 36000 seconds. */
    maxDuration?: number;
    maxBitrate?: number;
    resolution?: ArchiveResolution;
    streamMode?: 'auto' | 'manual';
    multiBroadcastTag?: string;
    hasAudio?: boolean;
    hasVideo?: boolean;
  }

  /** A broadcast: the service's fields and `stop()`. */
  class Broadcast {
    private constructor();
    readonly ot: OpenTok;
    id: string;
    sessionId: string;
    projectId?: number | string; // a number for project (api key) ids, as the service sends them
    status?: string;
    createdAt?: number;
    updatedAt?: number;
    maxDuration?: number;
    maxBitrate?: number;
    resolution?: string;
    /** True unless the service says otherwise (its default). */
    hasAudio: boolean;
    /** True unless the service says otherwise (its default). */
    hasVideo: boolean;
    streamMode?: 'auto' | 'manual';
    streams?: IncludedStream[];
    multiBroadcastTag?: string;
    broadcastUrls?: {
      hls?: string;
      hlsStatus?: string;
      rtmp?: Array<{ id?: string; serverUrl?: string; streamName?: string; status?: string }>;
    };
    stop(): Promise<Broadcast>;
    stop(callback: Callback<Broadcast>): void;
  }

  /** Which tracks of a stream to add (both default true). */
  interface StreamTracks {
    hasAudio?: boolean;
    hasVideo?: boolean;
  }

  /** A stream of a session. */
  class Stream {
    private constructor();
    id: string;
    videoType?: 'camera' | 'screen' | 'custom' | string;
    name?: string;
    layoutClassList?: string[];
    /** Whether a moderator force-muted its audio (when the service says). */
    forceMuted?: boolean;
  }

  interface StreamClassList {
    id: string;
    layoutClassList: string[];
  }

  interface ConnectionList {
    /** The service's count (the number of items when it does not say). */
    count: number;
    projectId?: number | string; // a number for project (api key) ids, as the service sends them
    sessionId?: string;
    items: Array<{ connectionId: string; connectionState?: string; createdAt?: number }>;
  }

  interface SignalPayload {
    /** 1 to 128 characters of letters, digits, `-`, `_`, `~`. */
    type?: string;
    /** Up to 8 kB (the service answers 413, a `SignalError`). */
    data: string;
  }

  interface DialOptions {
    from?: string;
    /** Custom SIP headers (names starting with `X-`). */
    headers?: Record<string, string>;
    auth?: { username: string; password: string };
    secure?: boolean;
    video?: boolean;
    observeForceMute?: boolean;
    streams?: string[];
  }

  /** A SIP call. */
  class SipInterconnect {
    private constructor();
    id: string;
    connectionId: string;
    streamId?: string;
  }

  interface CaptionOptions {
    /** `xx-XX`, default `en-US`. */
    languageCode?: string;
    /** 300 to 14400 seconds. */
    maxDuration?: number;
    partialCaptions?: boolean;
    statusCallbackUrl?: string;
  }

  interface CaptionStatus {
    captionsId: string;
    sessionId?: string;
    projectId?: number | string; // a number for project (api key) ids, as the service sends them
    applicationId?: string;
    status?: string;
    languageCode?: string;
    provider?: string;
    reason?: string;
    maxDuration?: number;
    createdAt?: number;
    updatedAt?: number;
  }

  interface RenderOptions {
    sessionId: string;
    token: string;
    /** http(s), 15 to 2048 characters. */
    url: string;
    /** 60 to 36000 seconds. */
    maxDuration?: number;
    resolution?: '640x480' | '480x640' | '1280x720' | '720x1280';
    properties?: { name?: string };
    statusCallbackUrl?: string;
  }

  interface Render {
    id: string;
    sessionId?: string;
    projectId?: number | string; // a number for project (api key) ids, as the service sends them
    applicationId?: string;
    createdAt?: number;
    updatedAt?: number;
    url?: string;
    resolution?: string;
    status?: 'starting' | 'started' | 'stopped' | 'failed' | string;
    streamId?: string;
    reason?: string;
  }

  interface WebsocketOptions {
    streams?: string[];
    headers?: Record<string, string>;
    /** 8000, 16000 or 24000. */
    audioRate?: number;
    bidirectional?: boolean;
    /** Sent as a JSON object. */
    audioTransport?: {
      transport?: string;
      encoding?: string;
      audio_field?: string;
      receive_audio_field?: string;
      static_fields?: Record<string, unknown>;
    };
  }

  interface AudioConnection {
    id: string;
    connectionId: string;
    bidirectional?: boolean;
  }

  interface CallbackOptions {
    group: 'connection' | 'stream' | 'archive';
    event: 'connectionCreated' | 'connectionDestroyed' | 'streamCreated' | 'streamDestroyed' | 'status';
    url: string;
  }

  /** A registered callback and `unregister()`. */
  class RegisteredCallback {
    private constructor();
    readonly ot: OpenTok;
    id: string;
    group?: string;
    event?: string;
    url?: string;
    createdAt?: number;
    unregister(): Promise<void>;
    unregister(callback: Callback<void>): void;
  }

  /** A connection as session-monitoring events describe it. */
  interface EventConnection {
    id: string;
    createdAt?: number;
    /** The token's connection data. */
    data?: string;
  }

  /** A stream as session-monitoring events describe it. */
  interface EventStream {
    id: string;
    connection?: EventConnection;
    createdAt?: number;
    name?: string;
    /** `camera`, `screen` or `custom` (as sent). */
    videoType?: string;
  }

  /** A SIP call as its events describe it. */
  interface EventCall {
    id: string;
    connectionId?: string;
    streamId?: string;
    createdAt?: number;
    sipUri?: string;
    state?: string;
  }

  /** Fields of every session-monitoring event. */
  interface SessionEventFields {
    sessionId: string;
    projectId?: string;
    /** Unix milliseconds. */
    timestamp?: number;
    /** Why (destroyed events, `sessionNotification`), as sent. */
    reason?: string;
  }

  interface SessionCreatedEvent extends SessionEventFields { type: 'sessionCreated' }
  interface SessionDestroyedEvent extends SessionEventFields { type: 'sessionDestroyed' }
  interface SessionNotificationEvent extends SessionEventFields { type: 'sessionNotification' }
  interface ConnectionCreatedEvent extends SessionEventFields { type: 'connectionCreated'; connection: EventConnection }
  interface ConnectionDestroyedEvent extends SessionEventFields { type: 'connectionDestroyed'; connection: EventConnection }
  interface StreamCreatedEvent extends SessionEventFields { type: 'streamCreated'; stream: EventStream }
  interface StreamDestroyedEvent extends SessionEventFields { type: 'streamDestroyed'; stream: EventStream }
  interface CallCreatedEvent extends SessionEventFields { type: 'callCreated'; call: EventCall }
  interface CallUpdatedEvent extends SessionEventFields { type: 'callUpdated'; call: EventCall }
  interface CallDestroyedEvent extends SessionEventFields { type: 'callDestroyed'; call: EventCall }

  /** The archive document of an archive status callback (the core's model, camelCase). */
  interface EventArchive {
    id: string;
    /** The core's name for the status (`unknown` for one it does not know; the event's `status` is as sent). */
    status: string;
    name?: string | null;
    sessionId: string;
    partnerId?: string | null;
    projectId?: string | null;
    createdAt?: number | null;
    updatedAt?: number | null;
    size?: number | null;
    duration?: number | null;
    hasAudio: boolean;
    hasVideo: boolean;
    outputMode?: string | null;
    streamMode?: string | null;
    streams: Array<{ streamId: string; hasAudio?: boolean; hasVideo?: boolean }>;
    url?: string | null;
    resolution?: string | null;
    reason?: string | null;
    password?: string | null;
    multiArchiveTag?: string | null;
    maxBitrate?: number | null;
    quantizationParameter?: number | null;
    hasTranscription?: boolean | null;
    transcription?: { status?: string | null; reason?: string | null; url?: string | null; primaryLanguageCode?: string | null; hasSummary?: boolean | null } | null;
    transcriptionProperties?: { primaryLanguageCode?: string | null; hasSummary?: boolean | null } | null;
  }

  /** The broadcast document of a broadcast status callback (the core's model, camelCase). */
  interface EventBroadcast {
    id: string;
    sessionId: string;
    projectId?: string | null;
    partnerId?: string | null;
    status?: string | null;
    createdAt?: number | null;
    updatedAt?: number | null;
    maxDuration?: number | null;
    maxBitrate?: number | null;
    resolution?: string | null;
    hasAudio: boolean;
    hasVideo: boolean;
    streamMode?: string | null;
    streams: Array<{ streamId: string; hasAudio?: boolean; hasVideo?: boolean }>;
    multiBroadcastTag?: string | null;
    broadcastUrls?: {
      hls?: string | null;
      hlsStatus?: string | null;
      rtmp: Array<{ id?: string | null; serverUrl?: string | null; streamName?: string | null; status?: string | null }>;
    } | null;
  }

  /** The render document of an Experience Composer status callback (the core's model, camelCase). */
  interface EventRender {
    id: string;
    sessionId?: string | null;
    projectId?: string | null;
    applicationId?: string | null;
    createdAt?: number | null;
    updatedAt?: number | null;
    url?: string | null;
    resolution?: string | null;
    status?: string | null;
    streamId?: string | null;
    reason?: string | null;
  }

  /** An archive status callback: `started`, `paused`, `stopped`, `uploaded`, `available`, `failed` (as sent). */
  interface ArchiveEvent { type: 'archive'; sessionId: string; status: string; archive: EventArchive }
  /** A broadcast status callback (`status` as sent). */
  interface BroadcastEvent { type: 'broadcast'; sessionId: string; status: string; broadcast: EventBroadcast }
  /** An Experience Composer status callback (`status` as sent). */
  interface RenderEvent { type: 'render'; sessionId?: string; status: string; render: EventRender }
  /** A live-captions status callback: `started`, `stopped`, `paused`, `failed` (as sent). */
  interface CaptionsEvent {
    type: 'captions';
    captionId: string;
    sessionId: string;
    status: string;
    applicationId?: string;
    projectId?: string;
    createdAt?: number;
    updatedAt?: number;
    /** Seconds captioned. */
    duration?: number;
    languageCode?: string;
    provider?: string;
    reason?: string;
  }
  /** An event the SDK does not know (or a known one it could not read): `raw` is the body. */
  interface UnknownEvent { type: 'unknown'; raw: string; sessionId?: string }

  /** Any event `parseEvent` returns: switch on `type`. */
  type WebhookEvent =
    | SessionCreatedEvent
    | SessionDestroyedEvent
    | SessionNotificationEvent
    | ConnectionCreatedEvent
    | ConnectionDestroyedEvent
    | StreamCreatedEvent
    | StreamDestroyedEvent
    | CallCreatedEvent
    | CallUpdatedEvent
    | CallDestroyedEvent
    | ArchiveEvent
    | BroadcastEvent
    | CaptionsEvent
    | RenderEvent
    | UnknownEvent;

  /**
   * Reads a webhook body (what the service POSTs to your app) into its typed event; `type` is the
   * discriminant. Unknown events are `{type: 'unknown', raw}`; throws `ArgumentError` (field
   * `body`) only for a body that is not JSON.
   */
  function parseEvent(body: string | Buffer | Uint8Array): WebhookEvent;

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

  // ---- REST operations: each returns a Promise without a callback, undefined with one ----

  startArchive(sessionId: string, options?: OpenTok.ArchiveOptions): Promise<OpenTok.Archive>;
  startArchive(sessionId: string, options: OpenTok.ArchiveOptions | undefined, callback: OpenTok.Callback<OpenTok.Archive>): void;
  startArchive(sessionId: string, callback: OpenTok.Callback<OpenTok.Archive>): void;
  stopArchive(archiveId: string): Promise<OpenTok.Archive>;
  stopArchive(archiveId: string, callback: OpenTok.Callback<OpenTok.Archive>): void;
  getArchive(archiveId: string): Promise<OpenTok.Archive>;
  getArchive(archiveId: string, callback: OpenTok.Callback<OpenTok.Archive>): void;
  listArchives(options?: OpenTok.ListOptions): Promise<OpenTok.ListResult<OpenTok.Archive>>;
  listArchives(options: OpenTok.ListOptions | undefined, callback: OpenTok.ListCallback<OpenTok.Archive>): void;
  listArchives(callback: OpenTok.ListCallback<OpenTok.Archive>): void;
  deleteArchive(archiveId: string): Promise<void>;
  deleteArchive(archiveId: string, callback: OpenTok.Callback<void>): void;
  setArchiveLayout(archiveId: string, type: OpenTok.LayoutType, stylesheet?: string | null, screenshareType?: OpenTok.LayoutType | null): Promise<void>;
  setArchiveLayout(archiveId: string, type: OpenTok.LayoutType, stylesheet: string | null | undefined, screenshareType: OpenTok.LayoutType | null | undefined, callback: OpenTok.Callback<void>): void;
  setArchiveLayout(archiveId: string, type: OpenTok.LayoutType, callback: OpenTok.Callback<void>): void;
  addArchiveStream(archiveId: string, streamId: string, options?: OpenTok.StreamTracks): Promise<void>;
  addArchiveStream(archiveId: string, streamId: string, options: OpenTok.StreamTracks | undefined, callback: OpenTok.Callback<void>): void;
  addArchiveStream(archiveId: string, streamId: string, callback: OpenTok.Callback<void>): void;
  removeArchiveStream(archiveId: string, streamId: string): Promise<void>;
  removeArchiveStream(archiveId: string, streamId: string, callback: OpenTok.Callback<void>): void;

  startBroadcast(sessionId: string, options: OpenTok.BroadcastOptions): Promise<OpenTok.Broadcast>;
  startBroadcast(sessionId: string, options: OpenTok.BroadcastOptions, callback: OpenTok.Callback<OpenTok.Broadcast>): void;
  stopBroadcast(broadcastId: string): Promise<OpenTok.Broadcast>;
  stopBroadcast(broadcastId: string, callback: OpenTok.Callback<OpenTok.Broadcast>): void;
  getBroadcast(broadcastId: string): Promise<OpenTok.Broadcast>;
  getBroadcast(broadcastId: string, callback: OpenTok.Callback<OpenTok.Broadcast>): void;
  listBroadcasts(options?: OpenTok.ListOptions): Promise<OpenTok.ListResult<OpenTok.Broadcast>>;
  listBroadcasts(options: OpenTok.ListOptions | undefined, callback: OpenTok.ListCallback<OpenTok.Broadcast>): void;
  listBroadcasts(callback: OpenTok.ListCallback<OpenTok.Broadcast>): void;
  setBroadcastLayout(broadcastId: string, type: OpenTok.LayoutType, stylesheet?: string | null, screenshareType?: OpenTok.LayoutType | null): Promise<void>;
  setBroadcastLayout(broadcastId: string, type: OpenTok.LayoutType, stylesheet: string | null | undefined, screenshareType: OpenTok.LayoutType | null | undefined, callback: OpenTok.Callback<void>): void;
  setBroadcastLayout(broadcastId: string, type: OpenTok.LayoutType, callback: OpenTok.Callback<void>): void;
  addBroadcastStream(broadcastId: string, streamId: string, options?: OpenTok.StreamTracks): Promise<void>;
  addBroadcastStream(broadcastId: string, streamId: string, options: OpenTok.StreamTracks | undefined, callback: OpenTok.Callback<void>): void;
  addBroadcastStream(broadcastId: string, streamId: string, callback: OpenTok.Callback<void>): void;
  removeBroadcastStream(broadcastId: string, streamId: string): Promise<void>;
  removeBroadcastStream(broadcastId: string, streamId: string, callback: OpenTok.Callback<void>): void;

  getStream(sessionId: string, streamId: string): Promise<OpenTok.Stream>;
  getStream(sessionId: string, streamId: string, callback: OpenTok.Callback<OpenTok.Stream>): void;
  listStreams(sessionId: string): Promise<OpenTok.Stream[]>;
  listStreams(sessionId: string, callback: OpenTok.Callback<OpenTok.Stream[]>): void;
  setStreamClassLists(sessionId: string, classListArray: OpenTok.StreamClassList[]): Promise<void>;
  setStreamClassLists(sessionId: string, classListArray: OpenTok.StreamClassList[], callback: OpenTok.Callback<void>): void;

  forceDisconnect(sessionId: string, connectionId: string): Promise<void>;
  forceDisconnect(sessionId: string, connectionId: string, callback: OpenTok.Callback<void>): void;
  forceMuteStream(sessionId: string, streamId: string): Promise<void>;
  forceMuteStream(sessionId: string, streamId: string, callback: OpenTok.Callback<void>): void;
  forceMuteAll(sessionId: string, options?: { excludedStreamIds?: string[] }): Promise<void>;
  forceMuteAll(sessionId: string, options: { excludedStreamIds?: string[] } | undefined, callback: OpenTok.Callback<void>): void;
  forceMuteAll(sessionId: string, callback: OpenTok.Callback<void>): void;
  disableForceMute(sessionId: string): Promise<void>;
  disableForceMute(sessionId: string, callback: OpenTok.Callback<void>): void;

  /** Signals every client (`connectionId` null) or one connection. */
  signal(sessionId: string, connectionId: string | null | undefined, payload: OpenTok.SignalPayload): Promise<void>;
  signal(sessionId: string, connectionId: string | null | undefined, payload: OpenTok.SignalPayload, callback: OpenTok.Callback<void>): void;

  /** Lists the connected clients (not in the official SDK). */
  listConnections(sessionId: string): Promise<OpenTok.ConnectionList>;
  listConnections(sessionId: string, callback: OpenTok.Callback<OpenTok.ConnectionList>): void;

  dial(sessionId: string, token: string, sipUri: string, options?: OpenTok.DialOptions): Promise<OpenTok.SipInterconnect>;
  dial(sessionId: string, token: string, sipUri: string, options: OpenTok.DialOptions | undefined, callback: OpenTok.Callback<OpenTok.SipInterconnect>): void;
  dial(sessionId: string, token: string, sipUri: string, callback: OpenTok.Callback<OpenTok.SipInterconnect>): void;
  /** Plays DTMF digits (`0-9`, `*`, `#`, `p`) to every SIP participant (`connectionId` null) or one. */
  playDTMF(sessionId: string, connectionId: string | null | undefined, digits: string): Promise<void>;
  playDTMF(sessionId: string, connectionId: string | null | undefined, digits: string, callback: OpenTok.Callback<void>): void;

  /** Resolves to the captions id. */
  startCaptions(sessionId: string, token: string, options?: OpenTok.CaptionOptions): Promise<string>;
  startCaptions(sessionId: string, token: string, options: OpenTok.CaptionOptions | undefined, callback: OpenTok.Callback<string>): void;
  startCaptions(sessionId: string, token: string, callback: OpenTok.Callback<string>): void;
  stopCaptions(captionsId: string): Promise<true>;
  stopCaptions(captionsId: string, callback: OpenTok.Callback<true>): void;
  /** The captions' status (not in the official SDK). */
  getCaptions(captionsId: string): Promise<OpenTok.CaptionStatus>;
  getCaptions(captionsId: string, callback: OpenTok.Callback<OpenTok.CaptionStatus>): void;

  startRender(options: OpenTok.RenderOptions): Promise<OpenTok.Render>;
  startRender(options: OpenTok.RenderOptions, callback: OpenTok.Callback<OpenTok.Render>): void;
  getRender(renderId: string): Promise<OpenTok.Render>;
  getRender(renderId: string, callback: OpenTok.Callback<OpenTok.Render>): void;
  stopRender(renderId: string): Promise<void>;
  stopRender(renderId: string, callback: OpenTok.Callback<void>): void;
  listRenders(options?: { offset?: number; count?: number }): Promise<{ count: number; items: OpenTok.Render[] }>;
  listRenders(options: { offset?: number; count?: number } | undefined, callback: OpenTok.Callback<{ count: number; items: OpenTok.Render[] }>): void;
  listRenders(callback: OpenTok.Callback<{ count: number; items: OpenTok.Render[] }>): void;

  websocketConnect(sessionId: string, token: string, websocketUri: string, options?: OpenTok.WebsocketOptions): Promise<OpenTok.AudioConnection>;
  websocketConnect(sessionId: string, token: string, websocketUri: string, options: OpenTok.WebsocketOptions | undefined, callback: OpenTok.Callback<OpenTok.AudioConnection>): void;
  websocketConnect(sessionId: string, token: string, websocketUri: string, callback: OpenTok.Callback<OpenTok.AudioConnection>): void;
  /** Stops an Audio Connector (not in the official SDK). */
  stopAudioConnector(connectorId: string): Promise<void>;
  stopAudioConnector(connectorId: string, callback: OpenTok.Callback<void>): void;

  registerCallback(options: OpenTok.CallbackOptions): Promise<OpenTok.RegisteredCallback>;
  registerCallback(options: OpenTok.CallbackOptions, callback: OpenTok.Callback<OpenTok.RegisteredCallback>): void;
  listCallbacks(options?: object): Promise<OpenTok.RegisteredCallback[]>;
  listCallbacks(options: object | undefined, callback: OpenTok.Callback<OpenTok.RegisteredCallback[]>): void;
  listCallbacks(callback: OpenTok.Callback<OpenTok.RegisteredCallback[]>): void;
  unregisterCallback(callbackId: string): Promise<void>;
  unregisterCallback(callbackId: string, callback: OpenTok.Callback<void>): void;

  static OpenTok: typeof OpenTok;
  static default: typeof OpenTok;
}

export = OpenTok;
