# frozen_string_literal: true

module OpenTok
  # The official gem's entry point:
  #
  #   opentok = OpenTok::OpenTok.new(api_key, api_secret, api_url: "http://127.0.0.1:4010", timeout_length: 10)
  #   session = opentok.create_session(media_mode: :routed, location: "12.34.56.78")
  #   token = opentok.generate_token(session.session_id, role: :moderator)
  #
  # Calls block the calling thread but release the GVL while the core waits on the network
  # (the native *_blocking functions are attached with ruby-ffi's `blocking: true`).
  # Every error is an OpenTok::OpenTokError.
  class OpenTok
    OPTIONS = %i[api_url ua_addendum timeout_length connect_timeout proxy proxy_username proxy_password
                 max_retries fixed_now fixed_nonce].freeze
    private_constant :OPTIONS

    # The official gem's default request timeout, in seconds.
    DEFAULT_TIMEOUT_LENGTH = 2
    private_constant :DEFAULT_TIMEOUT_LENGTH

    # As in the official gem: the API key (a String), the secret as given, the options given
    # (`api_url` is the URL in use: the default when none was given), `timeout_length` in
    # seconds (default 2, as the official gem).
    attr_reader :api_key, :api_secret, :ua_addendum, :timeout_length

    # Options (all optional):
    #   api_url:         API base URL (default https://api.opentok.com; the emulator's URL in tests)
    #   ua_addendum:     appended to the User-Agent
    #   timeout_length:  seconds allowed per request (default 30)
    #   connect_timeout: seconds allowed to connect (default 10)
    #   proxy:           proxy URL (http://, https://, socks5://), with proxy_username/proxy_password
    #   max_retries:     retries of idempotent or unsent requests (default 2; 0 = none)
    #   fixed_now, fixed_nonce: test hooks that make tokens reproducible
    #
    # Vonage application credentials (an extension; the official gem has none):
    # `OpenTok.new(application_id, private_key)` where private_key is the RSA private key's PEM
    # text or the path of a PEM file (a Pathname, or a String such as "private.key"); the core
    # tells a secret, a key and a path apart. The default api_url becomes
    # https://video.api.vonage.com and tokens are RS256 JWTs.
    def initialize(api_key, api_secret, opts = {}, **kwargs)
      o = opts.transform_keys(&:to_sym).merge(kwargs)
      unknown = o.keys - OPTIONS
      unless unknown.empty?
        raise OpenTokArgumentError.new("invalid option #{unknown.first}: OpenTok.new accepts #{OPTIONS.join(', ')}",
                                       kind: "invalid_argument", field: unknown.first.to_s)
      end
      @api_secret = api_secret
      @ua_addendum = o[:ua_addendum]
      @timeout_length = o[:timeout_length] || DEFAULT_TIMEOUT_LENGTH
      @client = ::OpenTok.native_call do
        config = Native::ClientConfig.new(
          api_url: o[:api_url]&.to_s,
          request_timeout_ms: millis(@timeout_length),
          connect_timeout_ms: millis(o[:connect_timeout]),
          proxy_url: o[:proxy]&.to_s,
          proxy_username: o[:proxy_username]&.to_s,
          proxy_password: o[:proxy_password]&.to_s,
          user_agent_suffix: o[:ua_addendum]&.to_s,
          binding: "ruby/#{RUBY_VERSION}",
          dialect: Native::Dialect::RUBY,
          max_retries: o[:max_retries],
          fixed_now: o[:fixed_now],
          fixed_nonce: o[:fixed_nonce]
        )
        # The core decides what the second value is (secret, PEM text, key file path); only a
        # Pathname-like value is known here to be a path.
        if api_secret.respond_to?(:to_path)
          Native::Client.with_key_file(api_key.to_s, api_secret.to_path, config)
        else
          Native::Client.new(api_key.to_s, api_secret.to_s, config)
        end
      end
      @api_key = @client.api_key
      @token_handle = TokenFast::AVAILABLE ? @client.token_handle : 0
      ObjectSpace.define_finalizer(self, TokenFast.releaser(@token_handle)) unless @token_handle.zero?
    end

    # The API base URL in use.
    def api_url
      @client.api_url
    end

    # The User-Agent sent with each request.
    def user_agent
      @client.user_agent
    end

    # Creates a session. Options: media_mode (:relayed/:routed), archive_mode (:manual/:always),
    # location (an IP address), archive_name, archive_resolution ("1280x720", ...), e2ee.
    #
    # Sends what the official gem sends: `p2p.preference` always (enabled unless routed), the
    # other fields only when given.
    def create_session(opts = {})
      spec = ::OpenTok.session_spec(opts)
      Session.from_native(self, ::OpenTok.native_call { @client.create_session_blocking(spec) })
    end

    # Mints a token (pure CPU): `generate_token(session_id, opts = {})`. Options: role
    # (:publisher, :subscriber, :moderator, :publisher_only), expire_time (Integer/Time/Float
    # unix seconds), expires_in (seconds), data, initial_layout_class_list (Array or String),
    # token_type ("JWT"/"T1", any case; anything else raises) or use_legacy_t1_token: true.
    # (`*args` as the official gem's generated method.)
    def generate_token(*args)
      unless (1..2).cover?(args.size)
        raise OpenTokArgumentError.new("generate_token takes (session_id, opts = {}), got #{args.size} arguments",
                                       kind: "invalid_argument", field: "session_id")
      end
      session_id, opts = args
      # The flat export first (bindings/src/token_fast.rs); on any error, or options it does not
      # carry, the uniffi call, which raises the core's error with its field.
      (TokenFast.mint(@token_handle, session_id, opts) unless @token_handle.zero?) ||
        ::OpenTok.native_call { @client.generate_token(session_id.to_s, ::OpenTok.token_spec(opts || {})) }
    end

    # Archives: create, stop_by_id, find, all, delete_by_id, layout, add_stream, remove_stream.
    def archives
      @archives ||= Archives.new(rest)
    end

    # Live streaming broadcasts: create, stop, find, all, layout, add_stream, remove_stream.
    def broadcasts
      @broadcasts ||= Broadcasts.new(rest)
    end

    # Streams: find, all, layout (class lists), force_mute, force_mute_all, disable_force_mute.
    def streams
      @streams ||= Streams.new(rest)
    end

    # Connections: forceDisconnect (alias force_disconnect), list.
    def connections
      @connections ||= Connections.new(rest)
    end

    # Signals: send(session_id, connection_id = "", type:, data:).
    def signals
      @signals ||= Signals.new(rest)
    end

    # SIP: dial, play_dtmf_to_session, play_dtmf_to_connection.
    def sip
      @sip ||= Sip.new(rest)
    end

    # Live captions: start, stop, find.
    def captions
      @captions ||= Captions.new(rest)
    end

    # Experience Composer renders: start, find, stop, list.
    def renders
      @renders ||= Renders.new(rest)
    end

    # Audio Connector: connect, stop.
    def websocket
      @websocket ||= WebSocket.new(rest)
    end

    # Callback registrations: all, register, unregister.
    def callbacks
      @callbacks ||= Callbacks.new(rest)
    end

    def inspect
      "#<OpenTok::OpenTok api_key=#{@api_key} api_url=#{api_url}>"
    end
    alias to_s inspect

    private

    # The native client (for OpenTok::Client).
    def native_client
      @client
    end

    def rest
      @rest ||= Rest.new(@client)
    end

    def millis(seconds)
      return nil if seconds.nil?

      ms = (seconds.to_f * 1000).round
      ms.negative? ? 0 : ms
    end
  end
end
