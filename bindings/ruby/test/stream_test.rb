# frozen_string_literal: true

require_relative "test_helper"
require_relative "support/rest_helpers"

# opentok.streams (streams, layout classes, force mute) against the emulator.
class StreamTest < Minitest::Test
  include RestHelpers

  def test_find_and_all
    session_id, connection_id, stream_id = routed_with_stream(name: "cam", layoutClassList: %w[focus])
    screen = EMULATOR.publish(session_id, connection_id, name: "slides", videoType: "screen")
    stream = @opentok.streams.find(session_id, stream_id)
    assert_instance_of OpenTok::Stream, stream
    assert_equal stream_id, stream.id
    assert_equal "camera", stream.video_type
    assert_equal "cam", stream.name
    assert_equal %w[focus], stream.layout_class_list
    assert_equal "camera", stream.videoType
    list = @opentok.streams.all(session_id)
    assert_instance_of OpenTok::StreamList, list
    assert_equal 2, list.total
    assert_equal [screen["id"], stream_id].sort, list.map(&:id).sort
    assert_equal "screen", list.find { |s| s.id == screen["id"] }.video_type
  end

  def test_find_and_all_errors
    session_id, = routed_with_stream
    e = assert_api_error(OpenTok::OpenTokNotFoundError, "not_found", 404) { @opentok.streams.find(session_id, RestHelpers::UNKNOWN_ID) }
    assert_includes e.message, "404"
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.streams.find(session_id, "has space") }
    # session ids are the service's to judge: sent as given, its 404 comes back
    e = assert_api_error(OpenTok::OpenTokNotFoundError, "not_found", 404) { @opentok.streams.all("not-a-session") }
    assert_includes e.message, "not-a-session"
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.streams.all(" ") }
  end

  def test_layout_sets_class_lists
    session_id, connection_id, first = routed_with_stream
    second = EMULATOR.publish(session_id, connection_id)["id"]
    assert_equal true, @opentok.streams.layout(session_id, items: [{ id: first, layoutClassList: %w[full focus] },
                                                                   { "id" => second, "layout_class_list" => [] }])
    assert_equal %w[full focus], @opentok.streams.find(session_id, first).layout_class_list
    assert_equal [], @opentok.streams.find(session_id, second).layout_class_list
  end

  def test_layout_errors
    session_id, _connection_id, stream_id = routed_with_stream
    e = assert_api_error(OpenTok::OpenTokStreamLayoutError, "not_found", 404) do
      @opentok.streams.layout(session_id, items: [{ id: RestHelpers::UNKNOWN_ID, layoutClassList: %w[full] }])
    end
    assert_raises(OpenTok::OpenTokNotFoundError) { raise e }
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.streams.layout(session_id, items: []) }
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") do
      @opentok.streams.layout(session_id, items: [{ id: stream_id, classes: %w[full] }])
    end
    assert_includes e.message, "classes"
  end

  def test_force_mute_one_and_errors
    session_id, connection_id, stream_id = routed_with_stream
    other = EMULATOR.publish(session_id, connection_id)["id"]
    assert_equal true, @opentok.streams.force_mute(session_id, stream_id)
    muted = EMULATOR.streams(session_id)["items"].to_h { |s| [s["id"], s["forceMuted"]] }
    assert_equal({ stream_id => true, other => false }, muted)
    assert_api_error(OpenTok::OpenTokConnectionError, "not_found", 404) { @opentok.streams.force_mute(session_id, RestHelpers::UNKNOWN_ID) }
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.streams.force_mute(session_id, "") }
  end

  def test_force_mute_all_with_exclusions_then_disable
    session_id, connection_id, kept = routed_with_stream
    muted = EMULATOR.publish(session_id, connection_id)["id"]
    # the official gem's key (excluded_streams), sent by the core as excludedStreamIds
    assert_equal true, @opentok.streams.force_mute_all(session_id, excluded_streams: [kept])
    view = EMULATOR.streams(session_id)
    assert_equal true, view["muteAll"]["active"]
    flags = view["items"].to_h { |s| [s["id"], s["forceMuted"]] }
    assert_equal({ kept => false, muted => true }, flags)
    later = EMULATOR.publish(session_id, connection_id)
    assert_equal true, later["forceMuted"]

    assert_equal true, @opentok.streams.disable_force_mute(session_id)
    assert_equal false, EMULATOR.streams(session_id)["muteAll"]["active"]
    assert_equal false, EMULATOR.publish(session_id, connection_id)["forceMuted"]
    assert_equal true, @opentok.streams.force_mute_all(session_id, "excludedStreamIds" => [kept], "active" => "true")
  end

  def test_force_mute_all_and_disable_errors
    session_id, = routed_with_stream
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.streams.force_mute_all(session_id, excluded_streams: "abc") }
    assert_equal "excluded_streams", e.field # the key as given
    assert_includes e.message, "excluded_streams"
    assert_api_error(OpenTok::OpenTokConnectionError, "not_found", 404) { @opentok.streams.force_mute_all("nope") }
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.streams.disable_force_mute("") }
    bad = OpenTok::OpenTok.new(Emulator::API_KEY, "x" * 40, api_url: EMULATOR.url)
    assert_api_error(OpenTok::OpenTokAuthenticationError, "authentication", 403) { bad.streams.disable_force_mute(session_id) }
  end
end
