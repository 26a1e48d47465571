# frozen_string_literal: true

require "set"

module OpenTok
  # Media modes (the official gem's symbols): :relayed (default) or :routed.
  MEDIA_MODES = %i[relayed routed].freeze
  # Archive modes: :manual (default) or :always (a Set, as the official gem's).
  ARCHIVE_MODES = Set[:manual, :always].freeze

  # A session, as the official gem's OpenTok::Session: built by OpenTok#create_session, or by
  # hand from an id (`OpenTok::Session.new(api_key, api_secret, session_id, opts = {})`) to mint
  # tokens for it. Sessions never expire.
  class Session
    # The official gem's readers; media_mode defaults to :relayed, archive_mode to :manual and
    # e2ee to false, as there.
    attr_reader :session_id, :media_mode, :location, :archive_mode, :archive_name, :archive_resolution, :e2ee,
                :api_key, :api_secret
    # What the service answered (nil for a Session built by hand).
    attr_reader :create_dt, :media_server_url

    # As the official gem: opts media_mode, location, archive_mode, archive_name,
    # archive_resolution, e2ee (symbol or string keys). Nothing is sent; #generate_token mints
    # tokens with api_key/api_secret.
    def initialize(api_key, api_secret, session_id, opts = {})
      o = (opts || {}).transform_keys(&:to_sym)
      @api_key = api_key.to_s
      @api_secret = api_secret
      @session_id = session_id
      @media_mode = o.fetch(:media_mode, :relayed)
      @location = o[:location]
      @archive_mode = o.fetch(:archive_mode, :manual)
      # As the official gem: with archive mode :always, name "" and resolution "640x480" unless given.
      @archive_name = @archive_mode.to_s == "always" ? o.fetch(:archive_name, "") : o[:archive_name]
      @archive_resolution = @archive_mode.to_s == "always" ? o.fetch(:archive_resolution, "640x480") : o[:archive_resolution]
      @e2ee = o.fetch(:e2ee, false)
      @opentok = nil
    end

    # @api private (OpenTok#create_session): the session the core created.
    def self.from_native(opentok, info)
      session = new(opentok.api_key, opentok.api_secret, info.session_id,
                    media_mode: info.media_mode.to_sym, location: info.location, archive_mode: info.archive_mode.to_sym,
                    archive_name: info.archive_name, archive_resolution: info.archive_resolution, e2ee: info.e2ee)
      session.instance_variable_set(:@opentok, opentok)
      session.instance_variable_set(:@create_dt, info.create_dt)
      session.instance_variable_set(:@media_server_url, info.media_server_url)
      session
    end

    # Whether a session id names this API key (the official gem's check: the id's base64 part
    # contains the key).
    def self.belongs_to_api_key?(session_id, api_key)
      encoded = session_id.to_s[2..]
      return false if encoded.nil? || encoded.empty?

      decoded = encoded.tr("-_", "+/").unpack1("m")
      decoded.include?(api_key.to_s)
    rescue ArgumentError
      false
    end

    # A token for this session: `generate_token(opts = {})` (see OpenTok#generate_token for the
    # options; `*args` as the official gem's generated method).
    def generate_token(*args)
      unless args.size <= 1
        raise OpenTokArgumentError.new("Session#generate_token takes (opts = {}), got #{args.size} arguments",
                                       kind: "invalid_argument", field: "opts")
      end
      opentok.generate_token(@session_id, args.first || {})
    end

    # The session id, as the official gem prints it.
    def to_s
      @session_id
    end

    def inspect
      "#<OpenTok::Session session_id=#{@session_id} media_mode=#{@media_mode} archive_mode=#{@archive_mode} " \
        "location=#{@location.inspect} e2ee=#{@e2ee}>"
    end

    private

    # The client that mints this session's tokens: the creator's, or one made from the
    # credentials (token minting needs no network).
    def opentok
      @opentok ||= OpenTok.new(@api_key, @api_secret)
    end
  end

  # Session options => the native record; values are passed as text and parsed by the core;
  # e2ee may be a boolean or "true"/"false".
  # @api private
  def self.session_spec(opts)
    unknown = opts.keys.map(&:to_sym) - %i[media_mode archive_mode location archive_name archive_resolution e2ee]
    unless unknown.empty?
      raise OpenTokArgumentError.new("invalid option #{unknown.first}: create_session accepts media_mode, archive_mode, " \
                                     "location, archive_name, archive_resolution, e2ee", kind: "invalid_argument", field: unknown.first.to_s)
    end
    o = opts.transform_keys(&:to_sym)
    # The official gem always sends p2p.preference: disabled for :routed, else enabled.
    Native::SessionSpec.new(
      location: o[:location]&.to_s,
      media_mode: (o[:media_mode] || :relayed).to_s,
      archive_mode: o[:archive_mode]&.to_s,
      archive_name: o[:archive_name]&.to_s,
      archive_resolution: o[:archive_resolution]&.to_s,
      e2ee: o.key?(:e2ee) && !o[:e2ee].nil? ? ::OpenTok.boolean(o[:e2ee], "e2ee") : nil
    )
  end
end
