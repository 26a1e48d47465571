# frozen_string_literal: true

require "json"

module OpenTok
  # Webhook events, typed: what the service POSTs to your app (session monitoring, SIP calls, and
  # the status callbacks of archives, broadcasts, live captions and Experience Composer renders).
  #
  #   event = OpenTok::Events.parse(request.body.read)
  #   case event
  #   when OpenTok::Events::ConnectionCreated then puts "#{event.connection.id} joined #{event.session_id}"
  #   when OpenTok::Events::ArchiveChanged then download(event.archive.url) if event.status == "available"
  #   end
  #
  # The core's parse_event reads the body (tolerantly, with its defaults and aliases); this module
  # only gives the result Ruby shapes: frozen Structs with snake_case members, `type` naming the
  # event (`"connectionCreated"`, `"archive"`, ..., `"unknown"`). An event the SDK does not know is
  # an Unknown holding the body; only a body that is not JSON raises OpenTokArgumentError.
  module Events
    # A connection as session-monitoring events describe it.
    ConnectionInfo = Struct.new(:id, :created_at, :data, keyword_init: true)
    # A stream as session-monitoring events describe it.
    StreamInfo = Struct.new(:id, :connection, :created_at, :name, :video_type, keyword_init: true)
    # A SIP call as its events describe it.
    CallInfo = Struct.new(:id, :connection_id, :stream_id, :created_at, :sip_uri, :state, keyword_init: true)
    # The archive document of an archive status callback (the core's Archive; `status` is the
    # core's name for it, "unknown" for one it does not know). `password` stays out of #inspect.
    ArchiveInfo = Struct.new(
      :id, :status, :name, :session_id, :partner_id, :project_id, :created_at, :updated_at, :size, :duration,
      :has_audio, :has_video, :output_mode, :stream_mode, :streams, :url, :resolution, :reason, :password,
      :multi_archive_tag, :max_bitrate, :quantization_parameter, :has_transcription, :transcription,
      :transcription_properties,
      keyword_init: true
    ) do
      def inspect
        to_h.reject { |k, v| k == :password || v.nil? }.then { |h| "#<struct OpenTok::Events::ArchiveInfo #{h}>" }
      end
      alias_method :to_s, :inspect
    end
    # Where a broadcast can be watched (`rtmp`: hashes with id, serverUrl, streamName, status).
    BroadcastUrls = Struct.new(:hls, :hls_status, :rtmp, keyword_init: true)
    # The broadcast document of a broadcast status callback (the core's Broadcast).
    BroadcastInfo = Struct.new(
      :id, :session_id, :project_id, :partner_id, :status, :created_at, :updated_at, :max_duration, :max_bitrate,
      :resolution, :has_audio, :has_video, :stream_mode, :streams, :multi_broadcast_tag, :broadcast_urls,
      keyword_init: true
    )
    # The render document of an Experience Composer status callback (the core's Render).
    RenderInfo = Struct.new(
      :id, :session_id, :project_id, :application_id, :created_at, :updated_at, :url, :resolution, :status,
      :stream_id, :reason,
      keyword_init: true
    )

    SESSION_FIELDS = %i[type session_id project_id timestamp reason].freeze
    private_constant :SESSION_FIELDS

    # sessionCreated: the first client connected.
    SessionCreated = Struct.new(*SESSION_FIELDS, keyword_init: true)
    # sessionDestroyed: the last client left (see reason).
    SessionDestroyed = Struct.new(*SESSION_FIELDS, keyword_init: true)
    # sessionNotification: a notice about the session (reason e.g. "serverRotation").
    SessionNotification = Struct.new(*SESSION_FIELDS, keyword_init: true)
    # connectionCreated: a client connected.
    ConnectionCreated = Struct.new(*SESSION_FIELDS, :connection, keyword_init: true)
    # connectionDestroyed: a client disconnected (reason as sent).
    ConnectionDestroyed = Struct.new(*SESSION_FIELDS, :connection, keyword_init: true)
    # streamCreated: a client started publishing.
    StreamCreated = Struct.new(*SESSION_FIELDS, :stream, keyword_init: true)
    # streamDestroyed: a stream ended (reason as sent).
    StreamDestroyed = Struct.new(*SESSION_FIELDS, :stream, keyword_init: true)
    # callCreated: a SIP call was dialled.
    CallCreated = Struct.new(*SESSION_FIELDS, :call, keyword_init: true)
    # callUpdated: a SIP call changed state.
    CallUpdated = Struct.new(*SESSION_FIELDS, :call, keyword_init: true)
    # callDestroyed: a SIP call ended.
    CallDestroyed = Struct.new(*SESSION_FIELDS, :call, keyword_init: true)
    # An archive status callback (status as sent) with the archive document.
    ArchiveChanged = Struct.new(:type, :session_id, :status, :archive, keyword_init: true)
    # A broadcast status callback (status as sent) with the broadcast document.
    BroadcastChanged = Struct.new(:type, :session_id, :status, :broadcast, keyword_init: true)
    # An Experience Composer status callback (status as sent) with the render document.
    RenderChanged = Struct.new(:type, :session_id, :status, :render, keyword_init: true)
    # A live-captions status callback (started, stopped, paused, failed; as sent).
    CaptionsChanged = Struct.new(
      :type, :caption_id, :session_id, :status, :application_id, :project_id, :created_at, :updated_at,
      :duration, :language_code, :provider, :reason,
      keyword_init: true
    )
    # An event the SDK does not know, or a known one it could not read: raw is the body.
    Unknown = Struct.new(:type, :raw, :session_id, keyword_init: true)

    # Each event class by its type.
    CLASSES = {
      "sessionCreated" => SessionCreated, "sessionDestroyed" => SessionDestroyed,
      "sessionNotification" => SessionNotification, "connectionCreated" => ConnectionCreated,
      "connectionDestroyed" => ConnectionDestroyed, "streamCreated" => StreamCreated,
      "streamDestroyed" => StreamDestroyed, "callCreated" => CallCreated, "callUpdated" => CallUpdated,
      "callDestroyed" => CallDestroyed, "archive" => ArchiveChanged, "broadcast" => BroadcastChanged,
      "captions" => CaptionsChanged, "render" => RenderChanged, "unknown" => Unknown
    }.freeze

    NESTED = {
      connection: ConnectionInfo, stream: StreamInfo, call: CallInfo, archive: ArchiveInfo,
      broadcast: BroadcastInfo, render: RenderInfo, broadcast_urls: BroadcastUrls
    }.freeze
    private_constant :NESTED

    # Reads a webhook request body (a String, in any encoding: its bytes are read as UTF-8 JSON)
    # into its typed event.
    def self.parse(body)
      unless body.is_a?(String)
        raise OpenTokArgumentError.new("invalid body: must be a String (got #{body.class})", field: "body")
      end

      typed = JSON.parse(::OpenTok.native_call { Native.parse_event_typed_json(body.b) })
      build(CLASSES.fetch(typed["type"], Unknown), typed)
    end

    def self.build(klass, values)
      fields = klass.members.to_h do |m|
        value = values[camel(m)]
        value = build(NESTED[m], value) if value.is_a?(Hash) && NESTED.key?(m)
        [m, value]
      end
      fields[:raw] ||= JSON.generate(values.except("type")) if klass == Unknown
      klass.new(**fields).freeze
    end
    private_class_method :build

    def self.camel(name)
      head, *rest = name.to_s.split("_")
      head + rest.map(&:capitalize).join
    end
    private_class_method :camel
  end
end
