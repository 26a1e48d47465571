# frozen_string_literal: true

module OpenTok
  # What every error of this gem carries, whatever its Ruby superclass:
  #
  # kind    - stable kind from the core ("invalid_argument", "authentication", "timeout", ...)
  # status  - HTTP status when the server answered, else nil
  # code    - the API's error code from the response body, if any
  # field   - for invalid arguments, the offending field
  module ErrorDetails
    attr_reader :kind, :status, :code, :field

    def initialize(message = nil, kind: "request", status: nil, code: nil, field: nil, retryable: false)
      super(message)
      @kind = kind
      @status = status
      @code = code
      @field = field
      @retryable = retryable
    end

    # Whether retrying the same call may succeed.
    def retryable?
      @retryable
    end
  end

  # Base of the errors this gem raises, as in the official gem (`OpenTokError < StandardError`).
  # `rescue OpenTokError` catches them all, OpenTokArgumentError included (which is an
  # ArgumentError, as the official gem's argument errors are, and answers `is_a?(OpenTokError)`).
  class OpenTokError < StandardError
    include ErrorDetails

    # `rescue OpenTokError` also catches OpenTokArgumentError (an ArgumentError).
    def self.===(other)
      super || (self == OpenTokError && other.is_a?(ErrorDetails))
    end
  end

  # An argument broke a rule; nothing was sent. The message names field, rule and value. A
  # subclass of Ruby's ArgumentError (`rescue ArgumentError` catches it, as it catches the
  # official gem's argument errors); `rescue OpenTokError` catches it too, and
  # `is_a?(OpenTokError)` is true.
  class OpenTokArgumentError < ArgumentError
    include ErrorDetails

    def initialize(message = nil, kind: "invalid_argument", **details)
      super
    end

    # It is also one of this gem's errors: `e.is_a?(OpenTokError)` answers true, as
    # `rescue OpenTokError` catches it (its class tree is ArgumentError's).
    def is_a?(klass)
      super || klass == OpenTokError
    end
    alias kind_of? is_a?
  end

  # A token failed to decode or verify.
  class OpenTokTokenError < OpenTokError; end

  # A request failed: the server refused it or it never completed.
  class OpenTokRequestError < OpenTokError; end

  # 401/403: the credentials were refused (the official gem's class, `< OpenTokError`; also
  # caught by `rescue OpenTokRequestError`, see KindMatch).
  class OpenTokAuthenticationError < OpenTokError; end

  # 404: the resource does not exist.
  class OpenTokNotFoundError < OpenTokRequestError; end

  # 409: conflicting state.
  class OpenTokConflictError < OpenTokRequestError; end

  # 413: the body is too large.
  class OpenTokPayloadTooLargeError < OpenTokRequestError; end

  # 429: too many requests.
  class OpenTokRateLimitedError < OpenTokRequestError; end

  # 5xx: the server failed.
  class OpenTokServerError < OpenTokRequestError; end

  # The connection could not be made (DNS, refused, TLS, proxy); also the official gem's class
  # of force-disconnect and moderation failures (`< OpenTokError`; also caught by
  # `rescue OpenTokRequestError`, see KindMatch).
  class OpenTokConnectionError < OpenTokError; end

  # The request did not complete within the timeout.
  class OpenTokTimeoutError < OpenTokConnectionError; end

  # Authentication failed because the local clock is off.
  class OpenTokClockSkewError < OpenTokRequestError; end

  # The server's answer could not be understood.
  class OpenTokInvalidResponseError < OpenTokRequestError; end

  # Errors of one REST area, named as in the official gem. A failed REST call raises its area's
  # class whatever went wrong, except a broken argument (OpenTokArgumentError, nothing was sent)
  # and refused credentials (OpenTokAuthenticationError), as the official gem does; `kind` and
  # `status` tell a 409 from a 404. `rescue OpenTokConflictError` (and every other kind class
  # above) also catches an area error of that kind: the kind classes match by kind in
  # `rescue`/`===` (but `is_a?` only follows the class tree).

  # Archives (`opentok.archives`).
  class OpenTokArchiveError < OpenTokError; end

  # Live streaming broadcasts (`opentok.broadcasts`).
  class OpenTokBroadcastError < OpenTokError; end

  # SIP dial and DTMF (`opentok.sip`).
  class OpenTokSipError < OpenTokError; end

  # Stream layout classes (`opentok.streams.layout`).
  class OpenTokStreamLayoutError < OpenTokError; end

  # Live captions (`opentok.captions`).
  class OpenTokCaptionsError < OpenTokError; end

  # Experience Composer renders (`opentok.renders`).
  class OpenTokRenderError < OpenTokError; end

  # Audio Connector WebSocket connections (`opentok.websocket`).
  class OpenTokWebSocketError < OpenTokError; end

  # Callback registrations (`opentok.callbacks`; not in the official gem).
  class OpenTokCallbackError < OpenTokError; end

  # The one table from the core's error kind (NativeError#kind: "not_found", ...) to its class.
  # A REST area's class (OpenTokArchiveError, ...) is raised on top of it: see OpenTok.native_call.
  KIND_CLASSES = {
    "invalid_argument" => OpenTokArgumentError,
    "invalid_token" => OpenTokTokenError,
    "request" => OpenTokRequestError,
    "authentication" => OpenTokAuthenticationError,
    "not_found" => OpenTokNotFoundError,
    "conflict" => OpenTokConflictError,
    "payload_too_large" => OpenTokPayloadTooLargeError,
    "rate_limited" => OpenTokRateLimitedError,
    "server" => OpenTokServerError,
    "timeout" => OpenTokTimeoutError,
    "connect" => OpenTokConnectionError,
    "clock_skew" => OpenTokClockSkewError,
    "invalid_response" => OpenTokInvalidResponseError
  }.freeze

  # The kind each kind falls under (a kind not listed stands alone). The class tree follows the
  # official gem (OpenTokAuthenticationError and OpenTokConnectionError are direct subclasses of
  # OpenTokError); this table is how `rescue OpenTokRequestError` still catches them.
  KIND_PARENTS = {
    "authentication" => "request", "not_found" => "request", "conflict" => "request",
    "payload_too_large" => "request", "rate_limited" => "request", "server" => "request",
    "connect" => "request", "timeout" => "connect", "clock_skew" => "request", "invalid_response" => "request"
  }.freeze

  # Lets a kind class catch an error of its kind, or of a kind below it, whatever its class:
  # `rescue OpenTokConflictError` catches an OpenTokArchiveError whose kind is "conflict";
  # `rescue OpenTokRequestError` catches an OpenTokAuthenticationError.
  module KindMatch
    def ===(other)
      return true if super
      return false unless other.is_a?(ErrorDetails)

      kind = other.kind
      until kind.nil?
        return true if KIND_CLASSES[kind] == self

        kind = KIND_PARENTS[kind]
      end
      false
    end
  end
  KIND_CLASSES.each_value { |klass| klass.extend(KindMatch) }

  # Every NativeError variant class of the generated layer (one per core kind).
  NATIVE_ERRORS = Native::NativeError.constants.map { |c| Native::NativeError.const_get(c) }
                                     .select { |c| c.is_a?(Class) && c < StandardError }.freeze
  private_constant :NATIVE_ERRORS

  # Kinds raised as their own class even when a REST area has its own error class.
  OWN_CLASS_KINDS = %w[invalid_argument invalid_token authentication].freeze
  private_constant :OWN_CLASS_KINDS

  # Runs a native call and re-raises its errors as OpenTokError subclasses: the class of the
  # error's kind (KIND_CLASSES), or with `area_error`, that class (e.g. OpenTokArchiveError) for
  # server and transport failures. kind, status, code, field and retryable are the core's.
  def self.native_call(area_error = nil)
    yield
  rescue *NATIVE_ERRORS => e
    klass = KIND_CLASSES.fetch(e.kind, OpenTokRequestError)
    klass = area_error if area_error && !OWN_CLASS_KINDS.include?(e.kind)
    raise klass.new(e.text, kind: e.kind, status: e.status, code: e.code, field: e.field, retryable: e.retryable), cause: nil
  rescue RangeError, TypeError => e
    # A value the FFI layer cannot carry (e.g. an integer beyond 64 bits).
    raise OpenTokArgumentError.new("invalid argument: #{e.message}", kind: "invalid_argument"), cause: nil
  rescue Native::InternalError => e
    raise OpenTokError.new("internal error in the native library: #{e.message}", kind: "internal"), cause: nil
  end
end
