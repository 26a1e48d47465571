# frozen_string_literal: true

require_relative "test_helper"
require_relative "support/rest_helpers"

# opentok.broadcasts against the emulator: every method, and its errors.
class BroadcastTest < Minitest::Test
  include RestHelpers

  RTMP = { id: "yt", server_url: "rtmps://live.example.com/app", stream_name: "key-1" }.freeze

  def test_create_find_all_stop
    session_id, = routed_with_client
    broadcast = @opentok.broadcasts.create(session_id, outputs: { hls: { dvr: true }, rtmp: [RTMP] },
                                                       max_duration: 600, resolution: "1280x720")
    assert_instance_of OpenTok::Broadcast, broadcast
    assert_equal "started", broadcast.status
    assert_equal session_id, broadcast.session_id
    assert_equal 600, broadcast.max_duration
    assert_equal "1280x720", broadcast.resolution
    urls = broadcast.broadcast_urls
    assert_match(/m3u8/, urls["hls"])
    assert_equal ["rtmps://live.example.com/app"], urls["rtmp"].map { |r| r["serverUrl"] }
    assert_equal "key-1", broadcast.broadcastUrls["rtmp"].first["streamName"]

    assert_equal broadcast.id, @opentok.broadcasts.find(broadcast.id).id
    list = @opentok.broadcasts.all(sessionId: session_id)
    assert_instance_of OpenTok::BroadcastList, list
    assert_equal [broadcast.id], list.map(&:id)
    assert_equal 1, list.total

    stopped = @opentok.broadcasts.stop(broadcast.id)
    assert_equal "stopped", stopped.status
    assert_equal "ended", stopped.broadcast_urls["hlsStatus"]
  end

  def test_broadcast_object_methods
    session_id, _connection_id, stream_id = routed_with_stream
    broadcast = @opentok.broadcasts.create(session_id, "outputs" => { "hls" => {} }, "streamMode" => "manual")
    assert_equal true, broadcast.layout(type: "pip")
    assert_equal true, broadcast.add_stream(stream_id, has_video: false)
    assert_equal [stream_id], broadcast.reload.streams.map { |s| s["streamId"] }
    assert_equal true, broadcast.remove_stream(stream_id)
    assert_same broadcast, broadcast.stop
    assert_equal "stopped", broadcast.status
  end

  def test_create_errors
    session_id, = routed_with_client
    @opentok.broadcasts.create(session_id, outputs: { hls: {} })
    assert_api_error(OpenTok::OpenTokBroadcastError, "conflict", 409) { @opentok.broadcasts.create(session_id, outputs: { hls: {} }) }
    @opentok.broadcasts.create(session_id, outputs: { hls: {} }, multi_broadcast_tag: "second")
    empty = @opentok.create_session(media_mode: :routed).session_id
    assert_api_error(OpenTok::OpenTokBroadcastError, "not_found", 404) { @opentok.broadcasts.create(empty, outputs: { hls: {} }) }

    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.broadcasts.create(session_id, {}) }
    assert_includes e.message, "outputs"
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") do
      @opentok.broadcasts.create(session_id, outputs: { rtmp: Array.new(6) { |i| RTMP.merge(id: "r#{i}") } })
    end
    assert_includes e.message, "rtmp"
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") do
      @opentok.broadcasts.create(session_id, outputs: { hls: { dvr: true, low_latency: true } })
    end
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.broadcasts.create(session_id, outputs: { hls: {} }, max_duration: 10) }
  end

  def test_stop_find_all_errors
    assert_api_error(OpenTok::OpenTokBroadcastError, "not_found", 404) { @opentok.broadcasts.stop(RestHelpers::UNKNOWN_ID) }
    assert_api_error(OpenTok::OpenTokBroadcastError, "not_found", 404) { @opentok.broadcasts.find(RestHelpers::UNKNOWN_ID) }
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.broadcasts.all(count: 0) }
    session_id, = routed_with_client
    broadcast = @opentok.broadcasts.create(session_id, outputs: { hls: {} })
    @opentok.broadcasts.stop(broadcast.id)
    assert_api_error(OpenTok::OpenTokBroadcastError, "conflict", 409) { @opentok.broadcasts.stop(broadcast.id) }
  end

  def test_layout_and_streams_errors
    session_id, _connection_id, stream_id = routed_with_stream
    broadcast = @opentok.broadcasts.create(session_id, outputs: { hls: {} })
    assert_equal true, @opentok.broadcasts.layout(broadcast.id, type: "bestFit", screenshare_type: "verticalPresentation")
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") do
      @opentok.broadcasts.layout(broadcast.id, type: "pip", screenshare_type: "pip")
    end
    assert_includes e.message, "screenshare"
    assert_api_error(OpenTok::OpenTokBroadcastError, "not_found", 404) { @opentok.broadcasts.layout(RestHelpers::UNKNOWN_ID, type: "pip") }
    # auto stream mode: the service refuses stream changes with 405
    assert_api_error(OpenTok::OpenTokBroadcastError, "request", 405) { @opentok.broadcasts.add_stream(broadcast.id, stream_id) }
    assert_api_error(OpenTok::OpenTokBroadcastError, "request", 405) { @opentok.broadcasts.remove_stream(broadcast.id, stream_id) }
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.broadcasts.add_stream(broadcast.id, stream_id, has_audio: false, has_video: false) }
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.broadcasts.remove_stream(broadcast.id, "") }
  end
end
