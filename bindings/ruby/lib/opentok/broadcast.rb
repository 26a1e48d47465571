# frozen_string_literal: true

module OpenTok
  # A live streaming broadcast, as `opentok.broadcasts` returns it. Readers: id, session_id,
  # project_id, partner_id, status, created_at, updated_at, max_duration, max_bitrate, resolution,
  # has_audio, has_video, stream_mode, streams, multi_broadcast_tag, and broadcast_urls (a Hash
  # with "hls", "hlsStatus" and "rtmp" => [{"id", "serverUrl", "streamName", "status"}]).
  class Broadcast < Resource
    record Native::Broadcast

    # Stops the broadcast; this object then holds the stopped broadcast.
    def stop
      replace_with(@interface.stop(id))
    end

    include Composition::Item
  end

  # A page of broadcasts: an Array of Broadcast with `total`.
  class BroadcastList < ResourceList
    of Broadcast
  end

  # Live streaming broadcasts, as the official gem's `opentok.broadcasts`.
  class Broadcasts < Area
    ERROR = OpenTokBroadcastError
    COMPOSITION = "broadcast"
    # layout(broadcast_id, options), add_stream(broadcast_id, stream_id, options), remove_stream(broadcast_id, stream_id)
    include Composition

    # Starts broadcasting a session (routed, with a connected client). Options: outputs
    # ({hls: {dvr:, low_latency:}, rtmp: [{id:, server_url:, stream_name:}]}, at least one, at
    # most 5 RTMP), layout, max_duration (60-36000), max_bitrate, resolution, stream_mode,
    # multi_broadcast_tag, has_audio, has_video (snake_case or wire camelCase keys).
    # Returns the Broadcast. Raises OpenTokBroadcastError (409 when one is already running).
    def create(session_id, options = {})
      Broadcast.new(call(:start_broadcast, Rest.id(session_id), Options::BROADCAST.build(options)), self)
    end

    # Stops a broadcast; returns the Broadcast.
    def stop(broadcast_id)
      Broadcast.new(call(:stop_broadcast, Rest.id(broadcast_id)), self)
    end

    # The Broadcast with this id.
    def find(broadcast_id)
      Broadcast.new(call(:get_broadcast, Rest.id(broadcast_id)), self)
    end

    # Broadcasts of the project, newest first: offset, count (1-1000), sessionId/session_id.
    # Returns a BroadcastList.
    def all(options = {})
      BroadcastList.new(call(:list_broadcasts, Options::LIST.build(options)), self)
    end
  end
end
