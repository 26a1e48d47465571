<?php

// Stubs for the opentok extension (libopentok_php.so), for IDEs and static analysers, in the
// style of JetBrains' phpstorm-stubs: declarations only, nothing here runs. The classes, names
// and parameters are those of the official opentok/opentok 4.x package.

namespace OpenTok {

    /** The client: sessions, tokens and every REST operation. */
    class OpenTok
    {
        /**
         * @param string|int $apiKey The project's API key, or a Vonage application id.
         * @param string $apiSecret The project's API secret, or the application's private key (PEM text or a file path).
         * @param array{apiUrl?: string, timeout?: int|float} $options
         * @throws Exception\InvalidArgumentException
         */
        public function __construct($apiKey, $apiSecret, array $options = []) {}

        /**
         * @param array{role?: string, expireTime?: int, data?: string, initialLayoutClassList?: list<string>} $payload
         * @param bool $legacy A legacy T1 token instead of a JWT.
         * @throws Exception\InvalidArgumentException
         */
        public function generateToken(string $sessionId, array $payload = [], bool $legacy = false): string {}

        /**
         * @param array{mediaMode?: string, archiveMode?: string, location?: string, e2ee?: bool, archiveName?: string, archiveResolution?: string} $options
         * @throws Exception\Exception
         */
        public function createSession(array $options = []): Session {}

        /**
         * @param array<string, mixed>|string $options name, hasAudio, hasVideo, outputMode, resolution, streamMode, layout, multiArchiveTag, maxBitrate, quantizationParameter, hasTranscription, transcriptionProperties
         * @throws Exception\ArchiveException|Exception\InvalidArgumentException
         */
        public function startArchive(string $sessionId, $options = []): Archive {}

        /** @throws Exception\ArchiveException */
        public function stopArchive($archiveId): Archive {}

        /** @throws Exception\ArchiveException */
        public function getArchive($archiveId): Archive {}

        /** @throws Exception\ArchiveException */
        public function deleteArchive($archiveId): bool {}

        /** @throws Exception\ArchiveException */
        public function listArchives($offset = 0, $count = null, $sessionId = null): ArchiveList {}

        /** @throws Exception\ArchiveException */
        public function setArchiveLayout(string $archiveId, Layout $layoutType): void {}

        /**
         * @param array<string, mixed> $options layout, hasAudio, hasVideo, streamMode, resolution, maxBitRate, maxDuration, multiBroadcastTag, outputs (hls, rtmp)
         * @throws Exception\BroadcastException|Exception\InvalidArgumentException
         */
        public function startBroadcast(string $sessionId, array $options = []): Broadcast {}

        /** @throws Exception\BroadcastException */
        public function stopBroadcast($broadcastId): Broadcast {}

        /** @throws Exception\BroadcastException */
        public function getBroadcast($broadcastId): Broadcast {}

        /** @throws Exception\BroadcastException */
        public function updateBroadcastLayout(string $broadcastId, Layout $layout): void {}

        /** @throws Exception\Exception */
        public function getStream($sessionId, $streamId): Stream {}

        /** @throws Exception\Exception */
        public function listStreams($sessionId): StreamList {}

        /**
         * @param list<array{id: string, layoutClassList: list<string>}> $classListArray
         * @throws Exception\Exception
         */
        public function setStreamClassLists($sessionId, $classListArray = []): void {}

        /**
         * @param array{layoutClassList?: list<string>} $properties
         * @throws Exception\Exception
         */
        public function updateStream($sessionId, $streamId, $properties = []): void {}

        /** @throws Exception\Exception */
        public function listConnections($sessionId): ConnectionList {}

        /** @throws Exception\ForceDisconnectException */
        public function forceDisconnect($sessionId, $connectionId): bool {}

        /** `false` when the service refuses. @throws Exception\InvalidArgumentException */
        public function forceMuteStream(string $sessionId, string $streamId): bool {}

        /**
         * `false` when the service refuses.
         * @param array{excludedStreamIds?: list<string>} $options
         * @throws Exception\InvalidArgumentException
         */
        public function forceMuteAll(string $sessionId, array $options): bool {}

        /** `false` when the service refuses. @throws Exception\InvalidArgumentException */
        public function disableForceMute(string $sessionId, array $options): bool {}

        /**
         * @param array{type?: string, data?: string} $payload
         * @throws Exception\SignalException|Exception\InvalidArgumentException
         */
        public function signal($sessionId, $payload, $connectionId = null): void {}

        /**
         * @param array{auth?: array{username: string, password: string}, headers?: array<string, string>, secure?: bool, from?: string, video?: bool, observeForceMute?: bool, streams?: list<string>} $options
         * @throws Exception\Exception
         */
        public function dial($sessionId, $token, $sipUri, $options = []): SipCall {}

        /** @throws Exception\Exception */
        public function playDTMF(string $sessionId, string $digits, ?string $connectionId = null): void {}

        /**
         * @return array{captionsId: string}
         * @throws Exception\Exception
         */
        public function startCaptions(string $sessionId, string $token, ?string $languageCode = null, ?int $maxDuration = null, ?bool $partialCaptions = null, ?string $statusCallbackUrl = null): array {}

        /** @throws Exception\Exception */
        public function stopCaptions(string $captionsId): bool {}

        /**
         * @param array{name?: string} $properties
         * @throws Exception\Exception
         */
        public function startRender($sessionId, $token, $url, $maxDuration = null, $resolution = null, $properties = null): Render {}

        /** @throws Exception\Exception */
        public function stopRender(string $renderId): bool {}

        /** @throws Exception\Exception */
        public function getRender(string $renderId): Render {}

        /**
         * @return array{count: int, items: list<array<string, mixed>>}
         * @throws Exception\Exception
         */
        public function listRenders(int $offset = 0, int $count = 50): array {}

        /**
         * @param array{uri: string, streams?: list<string>, headers?: array<string, string>, audioRate?: int, bidirectional?: bool} $websocketOptions
         * @return array{id: string, connectionId: string}
         * @throws Exception\Exception
         */
        public function connectAudio(string $sessionId, string $token, array $websocketOptions): array {}

        /** The base URL requests go to (not in the official class). */
        public function getApiUrl(): string {}

        /** The User-Agent sent with every request (not in the official class). */
        public function getUserAgent(): string {}
    }

    class Session implements \Stringable
    {
        /** @param array{location?: string, mediaMode?: string, archiveMode?: string, e2ee?: bool} $properties */
        public function __construct(OpenTok $opentok, $sessionId, $properties = []) {}
        public function getSessionId(): string {}
        public function getLocation(): ?string {}
        /** @return string MediaMode::ROUTED or MediaMode::RELAYED */
        public function getMediaMode(): string {}
        /** @return string ArchiveMode::MANUAL or ArchiveMode::ALWAYS */
        public function getArchiveMode(): string {}
        public function getE2EE(): bool {}
        /** @param array{role?: string, expireTime?: int, data?: string, initialLayoutClassList?: list<string>} $options */
        public function generateToken($options = [], bool $legacy = false): string {}
        public function __toString(): string {}
    }

    /**
     * Webhook events: reads what the service (or the emulator) POSTs to your app with the core's
     * parser. `match (true) { $e instanceof Event\ArchiveChanged => ..., }` or `$e->type`.
     */
    class Events
    {
        /** Throws: `parse` is static. */
        public function __construct() {}

        /**
         * @param string|array<mixed> $body The request body (`file_get_contents('php://input')`), or it decoded with `json_decode($body, true)`.
         * @return Event\Event An `Event\Unknown` holding the body for an event the SDK does not know (never an exception).
         * @throws Exception\InvalidArgumentException A string that is not JSON (field `body`, rule `must be a JSON document`), or neither a string nor an array.
         */
        public static function parse(string|array $body): Event\Event {}
    }

    class Layout
    {
        public const LAYOUT_BESTFIT = 'bestFit';
        public const LAYOUT_CUSTOM = 'custom';
        public const LAYOUT_HORIZONTAL = 'horizontalPresentation';
        public const LAYOUT_PIP = 'pip';
        public const LAYOUT_VERTICAL = 'verticalPresentation';
        /** Throws: the static constructors make layouts (the official constructor is private). */
        public function __construct() {}
        /** @param array{stylesheet: string} $options */
        public static function createCustom(array $options): Layout {}
        /** @param array{type: string, stylesheet?: string, screenshareType?: string} $layoutData */
        public static function fromData(array $layoutData): Layout {}
        public static function getBestFit(): Layout {}
        public static function getPIP(): Layout {}
        public static function getVerticalPresentation(): Layout {}
        public static function getHorizontalPresentation(): Layout {}
        public function setScreenshareType(string $screenshareType): Layout {}
        public function toArray(): array {}
        public function toJson(): string {}
        public function jsonSerialize(): array {}
    }

    class MediaMode
    {
        public const ROUTED = 'disabled';
        public const RELAYED = 'enabled';
    }

    class ArchiveMode
    {
        public const MANUAL = 'manual';
        public const ALWAYS = 'always';
    }

    class Role
    {
        public const SUBSCRIBER = 'subscriber';
        public const PUBLISHER = 'publisher';
        public const MODERATOR = 'moderator';
        public const PUBLISHER_ONLY = 'publisheronly';
    }

    class OutputMode
    {
        public const COMPOSED = 'composed';
        public const INDIVIDUAL = 'individual';
    }

    class StreamMode
    {
        public const AUTO = 'auto';
        public const MANUAL = 'manual';
    }

    class Archive
    {
        public ?int $createdAt = null;
        public ?int $duration = null;
        public ?bool $hasAudio = null;
        public ?bool $hasTranscription = null;
        public ?bool $hasVideo = null;
        public ?string $id = null;
        public ?int $maxBitrate = null;
        public ?string $multiArchiveTag = null;
        public ?string $name = null;
        public ?string $outputMode = null;
        public ?string $partnerId = null;
        public ?string $password = null;
        public ?string $projectId = null;
        public ?int $quantizationParameter = null;
        public ?string $reason = null;
        public ?string $resolution = null;
        public ?string $sessionId = null;
        public ?int $size = null;
        /** started, stopped, uploaded, available, deleted, failed, paused, expired */
        public ?string $status = null;
        public ?string $streamMode = null;
        public ?array $streams = null;
        public ?array $transcription = null;
        public ?array $transcriptionProperties = null;
        public ?int $updatedAt = null;
        public ?string $url = null;
        public function toArray(): array {}
        public function toJson(): string {}
    }

    class Broadcast
    {
        /** @var array{hls?: string, rtmp?: list<array<string, mixed>>}|null */
        public ?array $broadcastUrls = null;
        public ?int $createdAt = null;
        public ?bool $hasAudio = null;
        public ?bool $hasVideo = null;
        public ?string $id = null;
        public ?int $maxBitrate = null;
        public ?int $maxDuration = null;
        public ?string $multiBroadcastTag = null;
        public ?string $partnerId = null;
        public ?string $projectId = null;
        public ?string $resolution = null;
        public ?string $sessionId = null;
        public ?string $status = null;
        public ?string $streamMode = null;
        public ?array $streams = null;
        public ?int $updatedAt = null;
        public function toArray(): array {}
        public function toJson(): string {}
    }

    class Stream
    {
        public ?string $id = null;
        public ?array $layoutClassList = null;
        public ?string $name = null;
        public ?string $videoType = null;
        public ?bool $forceMuted = null;
        public function toArray(): array {}
        public function toJson(): string {}
    }

    class Connection
    {
        public ?string $connectionId = null;
        public ?string $connectionState = null;
        public ?int $createdAt = null;
        public function toArray(): array {}
        public function toJson(): string {}
    }

    class SipCall
    {
        public ?string $connectionId = null;
        public ?string $id = null;
        public ?string $streamId = null;
        public function toArray(): array {}
        public function toJson(): string {}
    }

    class Render
    {
        public ?string $applicationId = null;
        public ?int $createdAt = null;
        public ?string $id = null;
        public ?string $projectId = null;
        public ?string $reason = null;
        public ?string $resolution = null;
        public ?string $sessionId = null;
        public ?string $status = null;
        public ?string $streamId = null;
        public ?int $updatedAt = null;
        public ?string $url = null;
        public function toArray(): array {}
        public function toJson(): string {}
    }

    /** @implements \IteratorAggregate<int, Archive> */
    class ArchiveList implements \IteratorAggregate
    {
        public ?int $count = null;
        /** @var list<Archive>|null */
        public ?array $items = null;
        public function totalCount(): int {}
        /** @return list<Archive> */
        public function getItems(): array {}
        /** `foreach ($list as $item)`. */
        public function getIterator(): \Traversable {}
    }

    /** @implements \IteratorAggregate<int, Stream> */
    class StreamList implements \IteratorAggregate
    {
        public ?int $count = null;
        /** @var list<Stream>|null */
        public ?array $items = null;
        public function totalCount(): int {}
        /** @return list<Stream> */
        public function getItems(): array {}
        /** `foreach ($list as $item)`. */
        public function getIterator(): \Traversable {}
    }

    /** @implements \IteratorAggregate<int, Connection> */
    class ConnectionList implements \IteratorAggregate
    {
        public ?int $count = null;
        /** @var list<Connection>|null */
        public ?array $items = null;
        public function totalCount(): int {}
        /** @return list<Connection> */
        public function getItems(): array {}
        /** `foreach ($list as $item)`. */
        public function getIterator(): \Traversable {}
    }
}

namespace OpenTok\Exception {

    /** Every exception of the extension implements it. */
    interface Exception {}
    interface ArchiveException {}
    interface BroadcastException {}
    interface ForceDisconnectException {}
    interface SignalException {}

    /** Carries the facts: kind, httpStatus, apiCode, retryable, field. */
    class InvalidArgumentException extends \InvalidArgumentException implements Exception
    {
        /** The core's error kind: invalid_argument, authentication, not_found, conflict, payload_too_large, rate_limited, server, timeout, connect, clock_skew, invalid_response, request, invalid_token. */
        public $kind = null;
        /** The HTTP status of the answer, when there was one (also the exception's code). */
        public $httpStatus = null;
        /** The API's error code from the answer body, when it gave one. */
        public $apiCode = null;
        /** Whether the same call may succeed if tried again. */
        public $retryable = false;
        /** The argument an invalid-argument error names. */
        public $field = null;
    }

    /** Carries the facts: kind, httpStatus, apiCode, retryable, field. */
    class DomainException extends \DomainException implements Exception
    {
        /** The core's error kind: invalid_argument, authentication, not_found, conflict, payload_too_large, rate_limited, server, timeout, connect, clock_skew, invalid_response, request, invalid_token. */
        public $kind = null;
        /** The HTTP status of the answer, when there was one (also the exception's code). */
        public $httpStatus = null;
        /** The API's error code from the answer body, when it gave one. */
        public $apiCode = null;
        /** Whether the same call may succeed if tried again. */
        public $retryable = false;
        /** The argument an invalid-argument error names. */
        public $field = null;
    }

    /** Carries the facts: kind, httpStatus, apiCode, retryable, field. */
    class UnexpectedValueException extends \UnexpectedValueException implements Exception
    {
        /** The core's error kind: invalid_argument, authentication, not_found, conflict, payload_too_large, rate_limited, server, timeout, connect, clock_skew, invalid_response, request, invalid_token. */
        public $kind = null;
        /** The HTTP status of the answer, when there was one (also the exception's code). */
        public $httpStatus = null;
        /** The API's error code from the answer body, when it gave one. */
        public $apiCode = null;
        /** Whether the same call may succeed if tried again. */
        public $retryable = false;
        /** The argument an invalid-argument error names. */
        public $field = null;
    }

    class AuthenticationException extends DomainException implements Exception {}

    class ArchiveAuthenticationException extends AuthenticationException implements ArchiveException {}
    class ArchiveDomainException extends DomainException implements ArchiveException {}
    class ArchiveUnexpectedValueException extends UnexpectedValueException implements ArchiveException {}

    class BroadcastAuthenticationException extends AuthenticationException implements BroadcastException {}
    class BroadcastDomainException extends DomainException implements BroadcastException {}
    class BroadcastUnexpectedValueException extends UnexpectedValueException implements BroadcastException {}

    class ForceDisconnectAuthenticationException extends AuthenticationException implements ForceDisconnectException {}
    class ForceDisconnectConnectionException extends DomainException implements ForceDisconnectException {}
    class ForceDisconnectUnexpectedValueException extends UnexpectedValueException implements ForceDisconnectException {}

    class SignalAuthenticationException extends AuthenticationException implements SignalException {}
    class SignalConnectionException extends DomainException implements SignalException {}
    /** Carries the facts: kind, httpStatus, apiCode, retryable, field. */
    class SignalNetworkConnectionException extends \RuntimeException implements SignalException, Exception
    {
        /** The core's error kind: invalid_argument, authentication, not_found, conflict, payload_too_large, rate_limited, server, timeout, connect, clock_skew, invalid_response, request, invalid_token. */
        public $kind = null;
        /** The HTTP status of the answer, when there was one (also the exception's code). */
        public $httpStatus = null;
        /** The API's error code from the answer body, when it gave one. */
        public $apiCode = null;
        /** Whether the same call may succeed if tried again. */
        public $retryable = false;
        /** The argument an invalid-argument error names. */
        public $field = null;
    }

    class SignalUnexpectedValueException extends UnexpectedValueException implements SignalException {}
}

namespace OpenTok\Event {

    /** Every webhook event: its name and the session it is about. Properties are readonly. */
    abstract class Event
    {
        /** The event name: sessionCreated, sessionDestroyed, sessionNotification, connectionCreated, connectionDestroyed, streamCreated, streamDestroyed, callCreated, callUpdated, callDestroyed, archive, broadcast, captions, render or unknown (the class's TYPE). */
        public readonly string $type;
        /** The session (an Unknown event's top-level sessionId, if it has one). */
        public readonly ?string $sessionId;
    }

    /** The session-monitoring events POSTed to the project's callback URL. */
    abstract class MonitoringEvent extends Event
    {
        /** API key or application id. */
        public readonly ?string $projectId;
        /** When it happened, unix milliseconds. */
        public readonly ?int $timestamp;
        /** Why (e.g. clientDisconnected, forceDisconnected, networkDisconnected, serverRotation), as sent. */
        public readonly ?string $reason;
    }

    abstract class SessionEvent extends MonitoringEvent {}
    /** The first client connected. */
    final class SessionCreated extends SessionEvent
    {
        public const TYPE = 'sessionCreated';
    }
    /** The last client left (see reason). */
    final class SessionDestroyed extends SessionEvent
    {
        public const TYPE = 'sessionDestroyed';
    }
    /** A notice about the session (reason e.g. serverRotation). */
    final class SessionNotification extends SessionEvent
    {
        public const TYPE = 'sessionNotification';
    }

    abstract class ConnectionEvent extends MonitoringEvent
    {
        public readonly ConnectionInfo $connection;
    }
    final class ConnectionCreated extends ConnectionEvent
    {
        public const TYPE = 'connectionCreated';
    }
    final class ConnectionDestroyed extends ConnectionEvent
    {
        public const TYPE = 'connectionDestroyed';
    }

    abstract class StreamEvent extends MonitoringEvent
    {
        public readonly StreamInfo $stream;
    }
    final class StreamCreated extends StreamEvent
    {
        public const TYPE = 'streamCreated';
    }
    final class StreamDestroyed extends StreamEvent
    {
        public const TYPE = 'streamDestroyed';
    }

    /** SIP call events. */
    abstract class CallEvent extends MonitoringEvent
    {
        public readonly CallInfo $call;
    }
    final class CallCreated extends CallEvent
    {
        public const TYPE = 'callCreated';
    }
    final class CallUpdated extends CallEvent
    {
        public const TYPE = 'callUpdated';
    }
    final class CallDestroyed extends CallEvent
    {
        public const TYPE = 'callDestroyed';
    }

    /** The status callbacks of archives, broadcasts, live captions and Experience Composer renders. */
    abstract class StatusEvent extends Event
    {
        /** The status as sent (started, stopped, available, failed, ...), also one the SDK does not know. */
        public readonly string $status;
    }
    /** An archive status callback with the archive document (`$archive->status` is the SDK's name for the status, "unknown" for one it does not know). */
    final class ArchiveChanged extends StatusEvent
    {
        public const TYPE = 'archive';
        public readonly \OpenTok\Archive $archive;
    }
    final class BroadcastChanged extends StatusEvent
    {
        public const TYPE = 'broadcast';
        public readonly \OpenTok\Broadcast $broadcast;
    }
    final class CaptionsChanged extends StatusEvent
    {
        public const TYPE = 'captions';
        public readonly string $captionId;
        public readonly ?string $applicationId;
        public readonly ?string $projectId;
        /** Unix milliseconds. */
        public readonly ?int $createdAt;
        /** Unix milliseconds. */
        public readonly ?int $updatedAt;
        /** Seconds captioned. */
        public readonly ?int $duration;
        public readonly ?string $languageCode;
        public readonly ?string $provider;
        public readonly ?string $reason;
    }
    final class RenderChanged extends StatusEvent
    {
        public const TYPE = 'render';
        public readonly \OpenTok\Render $render;
    }

    /** An event the SDK does not know, or a known one without its ids: the body as received. */
    final class Unknown extends Event
    {
        public const TYPE = 'unknown';
        /** The body (JSON text). */
        public readonly string $raw;
    }

    /** A connection as session-monitoring events describe it. */
    final class ConnectionInfo
    {
        public readonly string $id;
        /** Unix milliseconds. */
        public readonly ?int $createdAt;
        /** The token's connection data. */
        public readonly ?string $data;
    }

    /** A stream as session-monitoring events describe it. */
    final class StreamInfo
    {
        public readonly string $id;
        public readonly ?ConnectionInfo $connection;
        /** Unix milliseconds. */
        public readonly ?int $createdAt;
        public readonly ?string $name;
        /** camera, screen or custom, as sent. */
        public readonly ?string $videoType;
    }

    /** A SIP call as its events describe it. */
    final class CallInfo
    {
        public readonly string $id;
        public readonly ?string $connectionId;
        public readonly ?string $streamId;
        /** Unix milliseconds. */
        public readonly ?int $createdAt;
        public readonly ?string $sipUri;
        /** e.g. ringing, answered, as sent. */
        public readonly ?string $state;
    }
}

namespace {

    /** The seed's API. The API server is `API_Config::API_SERVER` when the application defines it. */
    class OpenTokSDK
    {
        public function __construct($api_key, $api_secret, $api_server = null) {}
        /**
         * @param array<string, string|int|bool> $properties /session/create form fields, e.g. ['p2p.preference' => 'enabled']
         */
        public function create_session($location = null, $properties = []): \OpenTok\Session {}
        public function generate_token($session_id, $role = null, $expire_time = null, $connection_data = null): string {}
    }
}
