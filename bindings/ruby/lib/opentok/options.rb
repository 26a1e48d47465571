# frozen_string_literal: true

module OpenTok
  # A boolean option: true/false, or "true"/"false" in any case (as the official gem's callers
  # pass them); anything else raises OpenTokArgumentError naming `path`.
  # @api private
  def self.boolean(value, path)
    return value if [true, false].include?(value)

    text = value.is_a?(String) || value.is_a?(Symbol) ? value.to_s.strip.downcase : nil
    return text == "true" if %w[true false].include?(text)

    raise OpenTokArgumentError.new("invalid #{path}: must be true or false (got #{Options.shown(value)})",
                                   kind: "invalid_argument", field: path)
  end

  # Options Hashes => the core's typed option records (OpentokUniffi::ArchiveOptions, ...).
  #
  # One table per options type names the keys it accepts and how each value becomes the record's
  # field. Keys may be symbols or strings, snake_case (`output_mode`) or the wire's camelCase
  # (`outputMode`): they are compared without case, `_` or `-`, as the core's JSON reader did.
  # An unknown key, or a value of the wrong shape, raises OpenTokArgumentError naming the key
  # (with its path, e.g. "layout.colour"). Enum texts ("individual", "1280x720", "bestFit") are
  # read by the core (`*_from_text`); every rule on the values (limits, combinations) is the
  # core's, checked when the operation runs.
  # @api private
  module Options
    # How one value becomes a field: `read.call(value, path)`; `empty` when the key is absent
    # (or nil): what the core's reader used for a missing key.
    Field = Struct.new(:empty, :read) do
      # The same reader with another value for a missing key.
      def or(empty)
        Field.new(empty, read)
      end
    end

    # Raises the argument error of a key or value (the core's message shape).
    def self.invalid(path, rule, value)
      raise OpenTokArgumentError.new("invalid #{path}: #{rule} (got #{shown(value)})", kind: "invalid_argument", field: path)
    end

    # `value` as an error message shows it: containers by class and size (their #inspect recurses
    # without limit: a Hash nested 100,000 deep overflows the stack), anything else by #inspect
    # cut to 80 characters (an #inspect that raises shows the class).
    def self.shown(value)
      case value
      when Hash then "a Hash of #{value.size} #{value.size == 1 ? 'key' : 'keys'}"
      when Array then "an Array of #{value.size} #{value.size == 1 ? 'item' : 'items'}"
      else
        text = begin
          value.inspect.to_s
        rescue StandardError
          "#<#{value.class}>"
        end
        text.length > 80 ? "#{text[0, 77]}..." : text
      end
    end

    def self.text?(value)
      value.is_a?(String) || value.is_a?(Symbol)
    end

    STRING = Field.new(nil, ->(v, path) { text?(v) ? v.to_s : invalid(path, "must be a string", v) })
    # A boolean: true/false, or the strings "true"/"false" (any case), which the official gem
    # takes where it takes booleans (`secure: "true"`).
    BOOL = Field.new(nil, ->(v, path) { ::OpenTok.boolean(v, path) })
    UINT = Field.new(nil, lambda do |v, path|
      n = v.is_a?(Float) && v.finite? && v == v.floor ? v.to_i : v
      n.is_a?(Integer) && n >= 0 && n < 2**32 ? n : invalid(path, "must be a non-negative integer", v)
    end)
    STRINGS = Field.new([], lambda do |v, path|
      v.is_a?(Array) && v.all? { |s| text?(s) } ? v.map(&:to_s) : invalid(path, "must be a list of strings", v)
    end)
    STRING_MAP = Field.new({}, lambda do |v, path|
      invalid(path, "must be a Hash of strings", v) unless v.is_a?(Hash)
      v.to_h { |k, s| [k.to_s, STRING.read.call(s, "#{path}.#{k}")] }
    end)

    # A core enum read from its text by the core (`parser` is e.g. :output_mode_from_text); the
    # error then names the key as given.
    def self.enum(parser)
      Field.new(nil, lambda do |v, path|
        invalid(path, "must be a string", v) unless text?(v)
        ::OpenTok.native_call { Native.public_send(parser, v.to_s) }
      rescue OpenTokArgumentError => e
        raise OpenTokArgumentError.new(e.message, kind: e.kind, field: path)
      end)
    end

    # The table of one options type: `fields` maps each accepted key (snake_case) to a Field;
    # `names` renames keys whose record field differs (type: :layout_type). `record` is the
    # native record class built, or nil for a plain Hash of fields.
    class Table
      def initialize(record, names = {}, **fields)
        @record = record
        @fields = fields
        @names = names
        @by_canon = fields.keys.to_h { |k| [Table.canon(k), k] }
      end

      def self.canon(key)
        key.to_s.delete("_-").downcase
      end

      # The record for options Hash `value` (nil means no options); `path` prefixes keys in errors.
      def build(value, path = "options")
        values = read(value, path)
        @record ? @record.new(**values) : values
      end

      # A Field reading a nested Hash with this table.
      def field(empty = nil)
        Field.new(empty, ->(v, path) { build(v, path) })
      end

      # A Field reading an Array of Hashes with this table.
      def list
        Field.new([], lambda do |v, path|
          Options.invalid(path, "must be an Array of Hashes", v) unless v.is_a?(Array)
          v.each_with_index.map { |item, i| build(item, "#{path}[#{i}]") }
        end)
      end

      private

      def read(value, path)
        value = {} if value.nil?
        Options.invalid(path, "must be a Hash", value) unless value.is_a?(Hash)
        given = {}
        value.each do |key, v|
          name = @by_canon[Table.canon(key)]
          prefix = path == "options" ? "" : "#{path}."
          if name.nil?
            known = @fields.empty? ? "none are accepted" : "known: #{@fields.keys.join(', ')}"
            raise OpenTokArgumentError.new("invalid #{prefix}#{key}: is not a known option (#{known})",
                                           kind: "invalid_argument", field: "#{prefix}#{key}")
          end
          given[name] = @fields[name].read.call(v, "#{prefix}#{key}") unless v.nil?
        end
        # Several keys may fill one field (aliases): a given key wins over a missing one.
        @fields.each_with_object({}) do |(name, f), out|
          target = @names.fetch(name, name)
          if given.key?(name) then out[target] = given[name]
          elsif !out.key?(target) then out[target] = f.empty
          end
        end
      end
    end

    LAYOUT_TYPE = enum(:layout_type_from_text)
    STREAM_MODE = enum(:stream_mode_from_text)
    RESOLUTION = enum(:archive_resolution_from_text)

    LAYOUT = Table.new(Native::Layout, { type: :layout_type },
                       type: LAYOUT_TYPE.or(Native::LayoutType::BEST_FIT), stylesheet: STRING, screenshare_type: LAYOUT_TYPE)
    TRACKS = Table.new(Native::TrackChoice, has_audio: BOOL, has_video: BOOL)
    LIST = Table.new(Native::ListOptions, offset: UINT, count: UINT, session_id: STRING)

    ARCHIVE = Table.new(
      Native::ArchiveOptions,
      name: STRING, has_audio: BOOL, has_video: BOOL, output_mode: enum(:output_mode_from_text), resolution: RESOLUTION,
      stream_mode: STREAM_MODE, layout: LAYOUT.field, multi_archive_tag: STRING, max_bitrate: UINT,
      quantization_parameter: UINT, has_transcription: BOOL,
      transcription_properties: Table.new(Native::TranscriptionProperties, primary_language_code: STRING, has_summary: BOOL).field
    )

    BROADCAST = Table.new(
      Native::BroadcastOptions,
      outputs: Table.new(
        Native::BroadcastOutputs,
        hls: Table.new(Native::HlsOptions, dvr: BOOL, low_latency: BOOL).field,
        rtmp: Table.new(Native::RtmpOutput, id: STRING, server_url: STRING.or(""), stream_name: STRING.or("")).list
      ).field(Native::BroadcastOutputs.new(hls: nil, rtmp: [])),
      layout: LAYOUT.field, max_duration: UINT, max_bitrate: UINT, resolution: RESOLUTION, stream_mode: STREAM_MODE,
      multi_broadcast_tag: STRING, has_audio: BOOL, has_video: BOOL
    )

    STREAM_CLASSES = Table.new(Native::StreamClassList, id: STRING.or(""), layout_class_list: STRINGS)
    # excluded_streams is the official gem's name of excludedStreamIds.
    MUTE_ALL = Table.new(Native::MuteAllOptions, { excluded_streams: :excluded_stream_ids },
                         excluded_stream_ids: STRINGS, excluded_streams: STRINGS)
    SIGNAL = Table.new(Native::Signal, { type: :signal_type }, type: STRING, data: STRING.or(""))

    SIP = Table.new(
      Native::SipDialOptions,
      from: STRING, headers: STRING_MAP,
      auth: Table.new(Native::SipAuth, username: STRING.or(""), password: STRING.or("")).field,
      secure: BOOL, video: BOOL, observe_force_mute: BOOL, streams: STRINGS
    )

    CAPTIONS = Table.new(Native::CaptionOptions, language_code: STRING, max_duration: UINT, partial_captions: BOOL,
                                                 status_callback_url: STRING)

    # properties: {name:} is the official gem's spelling of the render's name (name: is accepted too).
    RENDER_PROPERTIES = Table.new(nil, name: STRING)
    RENDER = Table.new(Native::RenderOptions, { properties: :name },
                       url: STRING.or(""), max_duration: UINT, resolution: RESOLUTION, name: STRING,
                       properties: Field.new(nil, ->(v, path) { RENDER_PROPERTIES.build(v, path)[:name] }),
                       status_callback_url: STRING)

    AUDIO_CONNECTOR = Table.new(
      Native::AudioConnectorOptions,
      uri: STRING.or(""), streams: STRINGS, headers: STRING_MAP, audio_rate: UINT, bidirectional: BOOL,
      audio_transport: Table.new(Native::AudioTransport, transport: STRING, encoding: STRING, audio_field: STRING,
                                                         receive_audio_field: STRING, static_fields: STRING_MAP.or(nil)).field
    )

    CALLBACK = Table.new(Native::CallbackOptions, group: STRING.or(""), event: STRING.or(""), url: STRING.or(""))
  end
end
