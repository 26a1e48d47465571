# frozen_string_literal: true

module OpenTok
  # The token hot path: one plain C call into `opentok_uniffi_token_fast` (bindings/src/token_fast.rs,
  # the export the JVM uses too) with C strings and integers, the token written into a per-thread
  # buffer. The uniffi method it stands in for (`Client#generate_token(session_id, TokenSpec)`)
  # lowers a record into a RustBuffer and lifts a RustCallStatus and a RustBuffer back, about
  # 24 µs per token in Ruby. The core mints and checks either way; on any error the export answers
  # -1 and the caller repeats the call through uniffi, which raises the error with its field.
  # @api private
  module TokenFast
    extend FFI::Library

    # Whether the export could be bound (`OPENTOK_TOKEN_FAST_PATH=false` turns it off).
    AVAILABLE =
      ENV["OPENTOK_TOKEN_FAST_PATH"] != "false" &&
      begin
        ffi_lib File.join(__dir__, "native", "libopentok_uniffi.so")
        attach_function :opentok_uniffi_token_fast,
                        %i[uint64 string string int32 int64 string string int8 pointer int32], :int32
        attach_function :opentok_uniffi_token_handle_free, %i[uint64], :void
        true
      rescue LoadError, FFI::NotFoundError
        false
      end

    # The separator of layout classes in the export's one `layout` string.
    LAYOUT_SEPARATOR = "\u001f"
    # Option keys the fast path carries; any other key goes through uniffi (which raises).
    KEYS = %i[role expire_time expires_in data initial_layout_class_list token_type use_legacy_t1_token].freeze
    EMPTY = {}.freeze

    # A finalizer freeing [handle] once its client is unreachable (no call can still use it).
    def self.releaser(handle)
      proc { opentok_uniffi_token_handle_free(handle) }
    end

    # The token, or nil when the caller must take the uniffi path (an error, or options this path
    # does not carry: fractional or text expiry, NUL bytes, unknown keys).
    def self.mint(handle, session_id, opts)
      return nil unless session_id.is_a?(String) && !session_id.include?("\0") && (opts.nil? || opts.is_a?(Hash))

      args = opts.nil? || opts.empty? ? [nil, 0, 0, nil, nil, 0] : arguments(opts)
      return nil unless args

      buf = (Thread.current[:opentok_token_buffer] ||= FFI::MemoryPointer.new(:uint8, 1024))
      n = opentok_uniffi_token_fast(handle, session_id, *args, buf, buf.size)
      if n > buf.size
        buf = Thread.current[:opentok_token_buffer] = FFI::MemoryPointer.new(:uint8, n * 2)
        n = opentok_uniffi_token_fast(handle, session_id, *args, buf, buf.size)
      end
      return nil if n.negative?

      buf.get_bytes(0, n).force_encoding(Encoding::UTF_8)
    end

    # [role, expire_kind, expire, data, layout, legacy_t1] for the export, converted as
    # OpenTok.token_spec converts them; nil when only the uniffi path can carry them.
    def self.arguments(opts)
      o = opts.transform_keys(&:to_sym)
      return nil unless (o.keys - KEYS).empty?

      token_type = o[:token_type]
      return nil unless token_type.nil? || %w[jwt t1].include?(token_type.to_s.downcase)

      role = o[:role]
      role = ROLES.fetch(role, role.to_s) if role
      kind, expire = expiry(o[:expire_time], o[:expires_in])
      return nil unless kind

      data = o[:data]&.to_s
      layout = o[:initial_layout_class_list]
      layout = layout.nil? ? nil : Array(layout).map(&:to_s)
      return nil if layout&.any? { |c| c.include?(LAYOUT_SEPARATOR) }

      texts = [role, data, *layout]
      return nil if texts.any? { |t| t&.include?("\0") }

      t1 = o[:use_legacy_t1_token] ? true : token_type.to_s.casecmp?("t1")
      [role, kind, expire, data, layout&.join(LAYOUT_SEPARATOR), t1 ? 1 : 0]
    end

    # [kind, value]: 0 none, 1 at unix seconds, 2 seconds from now; nil for the uniffi path.
    def self.expiry(expire_time, expires_in)
      unless expires_in.nil?
        return expires_in.is_a?(Integer) && expires_in >= 0 && expires_in < 2**63 ? [2, expires_in] : nil
      end

      case expire_time
      when nil then [0, 0]
      when Integer then expire_time.bit_length < 64 ? [1, expire_time] : nil
      when Time then [1, expire_time.to_i]
      end
    end
  end
end
