# frozen_string_literal: true

module OpenTok
  # Media modes (the official gem's symbols): :relayed (default) or :routed.
  MEDIA_MODES = %i[relayed routed].freeze
  # Archive modes: :manual (default) or :always.
  ARCHIVE_MODES = %i[manual always].freeze

  # A created session. Sessions never expire; mint tokens with #generate_token.
  class Session
    attr_reader :session_id, :api_key, :media_mode, :archive_mode, :location, :e2ee,
                :archive_name, :archive_resolution, :create_dt, :media_server_url

    # @api private (built by OpenTok#create_session)
    def initialize(opentok, info)
      @opentok = opentok
      @api_key = opentok.api_key
      @session_id = info.session_id
      @media_mode = info.media_mode.to_sym
      @archive_mode = info.archive_mode.to_sym
      @location = info.location
      @e2ee = info.e2ee
      @archive_name = info.archive_name
      @archive_resolution = info.archive_resolution
      @create_dt = info.create_dt
      @media_server_url = info.media_server_url
    end

    # A token for this session (see OpenTok#generate_token for the options).
    def generate_token(opts = {}, **kwargs)
      @opentok.generate_token(@session_id, opts, **kwargs)
    end

    # The session id, as the official gem prints it.
    def to_s
      @session_id
    end

    def inspect
      "#<OpenTok::Session session_id=#{@session_id} media_mode=#{@media_mode} archive_mode=#{@archive_mode} " \
        "location=#{@location.inspect} e2ee=#{@e2ee}>"
    end
  end

  # Session options => the native record; values are passed as text and parsed by the core.
  # @api private
  def self.session_spec(opts)
    unknown = opts.keys.map(&:to_sym) - %i[media_mode archive_mode location archive_name archive_resolution e2ee]
    unless unknown.empty?
      raise OpenTokArgumentError.new("invalid option #{unknown.first}: create_session accepts media_mode, archive_mode, " \
                                     "location, archive_name, archive_resolution, e2ee", kind: "invalid_argument", field: unknown.first.to_s)
    end
    o = opts.transform_keys(&:to_sym)
    Native::SessionSpec.new(
      location: o[:location]&.to_s,
      media_mode: o[:media_mode]&.to_s,
      archive_mode: o[:archive_mode]&.to_s,
      archive_name: o[:archive_name]&.to_s,
      archive_resolution: o[:archive_resolution]&.to_s,
      e2ee: o[:e2ee] ? true : false
    )
  end
end
