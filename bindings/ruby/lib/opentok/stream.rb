# frozen_string_literal: true

module OpenTok
  # A stream published in a session. Readers: id, video_type ("camera", "screen", "custom"),
  # name, layout_class_list.
  class Stream < Resource
    fields "id", "videoType", "name", "layoutClassList"
  end

  # The streams of a session: an Array of Stream with `total`.
  class StreamList < ResourceList
    # @api private
    def initialize(json, interface = nil)
      super(json, Stream, interface)
    end
  end

  # Streams of a session and their moderation, as the official gem's `opentok.streams`.
  class Streams
    # @api private
    def initialize(rest)
      @rest = rest
    end

    # The Stream `stream_id` of a session.
    def find(session_id, stream_id)
      Stream.new(@rest.call("get_stream", [Rest.id(session_id), Rest.id(stream_id)]))
    end

    # The streams of a session (a StreamList).
    def all(session_id)
      StreamList.new(@rest.call("list_streams", [Rest.id(session_id)]))
    end

    # Replaces the layout classes of streams, as the official gem:
    #   opentok.streams.layout(session_id, items: [{ id: stream_id, layoutClassList: %w[focus] }])
    # (`layout_class_list` is accepted too). Returns true. Raises OpenTokStreamLayoutError.
    def layout(session_id, options)
      items = options.is_a?(Hash) ? (options[:items] || options["items"]) : options
      @rest.call("set_stream_class_lists", [Rest.id(session_id), Rest.plain(items)], OpenTokStreamLayoutError)
      true
    end

    # Forces one stream's audio off. Returns true. Raises OpenTokConnectionError (kind
    # "not_found") for an unknown stream, as the official gem.
    def force_mute(session_id, stream_id)
      @rest.call("mute_stream", [Rest.id(session_id), Rest.id(stream_id)], OpenTokConnectionError)
      true
    end

    # Mutes every stream of the session, and streams published later, except
    # `excluded_streams` (or `excluded_stream_ids`; sent as excludedStreamIds). Returns true.
    def force_mute_all(session_id, options = {})
      opts = Rest.options(options, "options").reject { |k, _| k.to_s == "active" } # the official gem's own flag
      @rest.call("mute_all", [Rest.id(session_id), opts], OpenTokConnectionError)
      true
    end

    # Stops muting streams published from now on. Returns true.
    def disable_force_mute(session_id)
      @rest.call("disable_force_mute", [Rest.id(session_id)], OpenTokConnectionError)
      true
    end

    def inspect
      "#<OpenTok::Streams>"
    end
  end
end
