# frozen_string_literal: true

require "json"

module OpenTok
  # Roles (the official gem's symbols); :publisher is the default.
  # The official gem's keys (:publisheronly), plus :publisher_only.
  ROLES = { subscriber: "subscriber", publisher: "publisher", moderator: "moderator", publisheronly: "publisheronly",
            publisher_only: "publisheronly" }.freeze

  # What a token says (read by the core). `claims` holds every JWT claim or T1 field.
  DecodedToken = Struct.new(:format, :algorithm, :project_id, :session_id, :role, :issued_at, :expires_at,
                            :connection_data, :initial_layout_class_list, :nonce, :claims, keyword_init: true)

  # Reading tokens back without a client.
  module Token
    # Reads a token without checking its signature.
    def self.decode(token)
      wrap(::OpenTok.native_call { Native.decode_token(token.to_s) })
    end

    # Verifies the signature (constant time) and expiry with the project secret; `now:` (unix
    # seconds) replaces the system clock.
    def self.verify(token, api_secret, now: nil)
      info = ::OpenTok.native_call do
        now ? Native.verify_token_at(token.to_s, api_secret.to_s, Integer(now)) : Native.verify_token(token.to_s, api_secret.to_s)
      end
      wrap(info)
    end

    # One line about a token: "valid publisher token ..., expires in 23 h", "expired 3 h ago".
    def self.explain(token, api_secret = nil)
      Native.explain_token(token.to_s, api_secret&.to_s)
    end

    def self.wrap(i)
      DecodedToken.new(format: i.format, algorithm: i.algorithm, project_id: i.project_id, session_id: i.session_id,
                       role: i.role, issued_at: i.issued_at, expires_at: i.expires_at, connection_data: i.connection_data,
                       initial_layout_class_list: i.initial_layout_class_list, nonce: i.nonce, claims: JSON.parse(i.claims_json))
    end
    private_class_method :wrap
  end

  TOKEN_OPTIONS = %i[role expire_time expires_in data initial_layout_class_list token_type use_legacy_t1_token].freeze
  private_constant :TOKEN_OPTIONS

  # Token options => the native record. Values are converted, never checked: roles, limits and
  # expiry rules are the core's.
  # @api private
  def self.token_spec(opts)
    o = opts.transform_keys(&:to_sym)
    unknown = o.keys - TOKEN_OPTIONS
    unless unknown.empty?
      raise OpenTokArgumentError.new("invalid option #{unknown.first}: generate_token accepts #{TOKEN_OPTIONS.join(', ')}",
                                     kind: "invalid_argument", field: unknown.first.to_s)
    end
    role = o[:role]
    role = ROLES.fetch(role, role.to_s) if role
    layout = o[:initial_layout_class_list]
    layout = layout.nil? ? [] : Array(layout).map(&:to_s)
    token_type = o[:token_type]
    unless token_type.nil? || %w[jwt t1].include?(token_type.to_s.downcase)
      # The official gem: "'token_type' must be either 'JWT' or 'T1'".
      raise OpenTokArgumentError.new("invalid token_type: must be either JWT or T1 (got #{token_type.inspect})",
                                     kind: "invalid_argument", field: "token_type")
    end
    t1 = o[:use_legacy_t1_token] ? true : token_type.to_s.casecmp?("t1")
    Native::TokenSpec.new(role: role, expire: expire_spec(o[:expire_time], o[:expires_in]), data: o[:data]&.to_s,
                          initial_layout_class_list: layout, legacy_t1: t1)
  end

  # @api private
  def self.expire_spec(expire_time, expires_in)
    unless expires_in.nil?
      return Native::ExpireSpec::IN.new(seconds: expires_in) if expires_in.is_a?(Integer) && expires_in >= 0

      # Not a lifetime in whole seconds: the core rejects it as an invalid expire_time.
      return Native::ExpireSpec::TEXT.new(value: expires_in.to_s)
    end

    case expire_time
    when nil then nil
    when Integer then Native::ExpireSpec::AT.new(unix_seconds: expire_time)
    when Time then Native::ExpireSpec::AT.new(unix_seconds: expire_time.to_i)
    when Float, Rational then Native::ExpireSpec::AT_FRACTIONAL.new(unix_seconds: expire_time.to_f)
    else Native::ExpireSpec::TEXT.new(value: expire_time.to_s)
    end
  end
end
