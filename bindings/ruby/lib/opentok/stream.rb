# frozen_string_literal: true

module OpenTok
  # A stream published in a session. Readers: id, video_type ("camera", "screen", "custom"),
  # name, layout_class_list, force_muted.
  class Stream < Resource
    record Native::Stream
  end

  # The streams of a session: an Array of Stream with `total`.
  class StreamList < ResourceList
    of Stream
  end

  # Streams of a session and their moderation, as the official gem's `opentok.streams`.
  class Streams < Area
    ERROR = nil

    # The Stream `stream_id` of a session.
    def find(session_id, stream_id)
      Stream.new(call(:get_stream, Rest.id(session_id), Rest.id(stream_id)))
    end

    # The streams of a session (a StreamList).
    def all(session_id)
      StreamList.new(call(:list_streams, Rest.id(session_id)))
    end

    # Replaces the layout classes of streams, as the official gem:
    #   opentok.streams.layout(session_id, items: [{ id: stream_id, layoutClassList: %w[focus] }])
    # (`layout_class_list` is accepted too). Returns true. Raises OpenTokStreamLayoutError.
    def layout(session_id, options)
      items = options.is_a?(Hash) ? (options[:items] || options["items"]) : options
      items = Options::STREAM_CLASSES.list.read.call(items, "items")
      @rest.for_area(OpenTokStreamLayoutError).run(:set_stream_class_lists, Rest.id(session_id), items)
    end

    # Forces one stream's audio off. Returns true. Raises OpenTokConnectionError (kind
    # "not_found") for an unknown stream, as the official gem.
    def force_mute(session_id, stream_id)
      moderation.run(:mute_stream, Rest.id(session_id), Rest.id(stream_id))
    end

    # Mutes every stream of the session, and streams published later, except
    # `excluded_streams` (or `excluded_stream_ids`; sent as excludedStreamIds). Returns true.
    def force_mute_all(session_id, options = {})
      opts = options.is_a?(Hash) ? options.reject { |k, _| k.to_s == "active" } : options # the official gem's own flag
      moderation.run(:mute_all, Rest.id(session_id), Options::MUTE_ALL.build(opts))
    end

    # Stops muting streams published from now on. Returns true.
    def disable_force_mute(session_id)
      moderation.run(:disable_force_mute, Rest.id(session_id))
    end

    private

    # Moderation failures are OpenTokConnectionErrors, as in the official gem.
    def moderation
      @rest.for_area(OpenTokConnectionError)
    end
  end
end
