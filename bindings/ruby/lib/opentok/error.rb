# frozen_string_literal: true

module OpenTok
  # Base of every error this gem raises. Rescue it to catch them all.
  #
  # kind    - stable kind from the core ("invalid_argument", "authentication", "timeout", ...)
  # status  - HTTP status when the server answered, else nil
  # code    - the API's error code from the response body, if any
  # field   - for invalid arguments, the offending field
  class OpenTokError < StandardError
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

  # An argument broke a rule; nothing was sent. The message names field, rule and value.
  class OpenTokArgumentError < OpenTokError; end

  # A token failed to decode or verify.
  class OpenTokTokenError < OpenTokError; end

  # A request failed: the server refused it or it never completed.
  class OpenTokRequestError < OpenTokError; end

  # 401/403: the credentials were refused.
  class OpenTokAuthenticationError < OpenTokRequestError; end

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

  # The connection could not be made (DNS, refused, TLS, proxy).
  class OpenTokConnectionError < OpenTokRequestError; end

  # The request did not complete within the timeout.
  class OpenTokTimeoutError < OpenTokConnectionError; end

  # Authentication failed because the local clock is off.
  class OpenTokClockSkewError < OpenTokRequestError; end

  # The server's answer could not be understood.
  class OpenTokInvalidResponseError < OpenTokRequestError; end

  # Native error variant name => Ruby class (names only; the rules are the core's).
  ERROR_CLASSES = {
    "InvalidArgument" => OpenTokArgumentError,
    "InvalidToken" => OpenTokTokenError,
    "Request" => OpenTokRequestError,
    "Authentication" => OpenTokAuthenticationError,
    "NotFound" => OpenTokNotFoundError,
    "Conflict" => OpenTokConflictError,
    "PayloadTooLarge" => OpenTokPayloadTooLargeError,
    "RateLimited" => OpenTokRateLimitedError,
    "Server" => OpenTokServerError,
    "Timeout" => OpenTokTimeoutError,
    "Connect" => OpenTokConnectionError,
    "ClockSkew" => OpenTokClockSkewError,
    "InvalidResponse" => OpenTokInvalidResponseError
  }.freeze

  NATIVE_ERRORS = ERROR_CLASSES.keys.map { |name| Native::NativeError.const_get(name) }.freeze
  private_constant :NATIVE_ERRORS

  # Runs a native call and re-raises its errors as OpenTokError subclasses.
  def self.native_call
    yield
  rescue *NATIVE_ERRORS => e
    klass = ERROR_CLASSES.fetch(e.class.name.split("::").last)
    raise klass.new(e.text, kind: e.kind, status: e.status, code: e.code, field: e.field, retryable: e.retryable), cause: nil
  rescue RangeError, TypeError => e
    # A value the FFI layer cannot carry (e.g. an integer beyond 64 bits).
    raise OpenTokArgumentError.new("invalid argument: #{e.message}", kind: "invalid_argument"), cause: nil
  rescue Native::InternalError => e
    raise OpenTokError.new("internal error in the native library: #{e.message}", kind: "internal"), cause: nil
  end
end
