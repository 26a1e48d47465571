# frozen_string_literal: true

require_relative "test_helper"
require_relative "support/rest_helpers"

# opentok.connections and opentok.signals against the emulator.
class ConnectionTest < Minitest::Test
  include RestHelpers

  def test_list_connections
    session_id, first = routed_with_client
    _, second = EMULATOR.connect(session_id, token(session_id))
    list = @opentok.connections.list(session_id)
    assert_instance_of OpenTok::ConnectionList, list
    assert_equal 2, list.total
    assert_equal session_id, list.session_id
    assert_equal Emulator::API_KEY, list.project_id
    assert_equal [first, second["connectionId"]].sort, list.map(&:connection_id).sort
    assert_equal ["Connected"], list.map(&:connection_state).uniq
    assert_kind_of Integer, list.first.created_at
  end

  def test_list_connections_errors
    e = assert_api_error(OpenTok::OpenTokConnectionError, "not_found", 404) { @opentok.connections.list("garbage") }
    assert_includes e.message, "garbage"
    session_id, = routed_with_client
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.connections.list(session_id, count: 5) }
    assert_equal "count", e.field
  end

  def test_force_disconnect_removes_the_connection_and_its_streams
    session_id, connection_id, = routed_with_stream
    _, other = EMULATOR.connect(session_id, token(session_id))
    assert_equal true, @opentok.connections.forceDisconnect(session_id, connection_id)
    assert_equal [other["connectionId"]], @opentok.connections.list(session_id).map(&:connection_id)
    assert_equal 0, @opentok.streams.all(session_id).size
    assert_equal true, @opentok.connections.force_disconnect(session_id, other["connectionId"])
  end

  def test_force_disconnect_unknown_connection
    session_id, connection_id = routed_with_client
    @opentok.connections.forceDisconnect(session_id, connection_id)
    # the official gem raises OpenTokConnectionError when the client is not connected
    e = assert_api_error(OpenTok::OpenTokConnectionError, "not_found", 404) { @opentok.connections.forceDisconnect(session_id, connection_id) }
    assert_raises(OpenTok::OpenTokNotFoundError) { raise e }
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.connections.forceDisconnect(session_id, "") }
  end

  def test_signal_to_session_and_to_one_connection
    session_id, first = routed_with_client
    _, other = EMULATOR.connect(session_id, token(session_id))
    second = other["connectionId"]
    assert_equal true, @opentok.signals.send(session_id, "", type: "chat", data: "to everyone")
    assert_equal true, @opentok.signals.send(session_id, second, "type" => "chat", "data" => "to you")
    assert_equal true, @opentok.signals.send(session_id, { data: "no type" })
    assert_equal [["chat", "to everyone"], [nil, "no type"]], EMULATOR.signals(session_id, first)["items"].map { |s| [s["type"], s["data"]] }
    assert_equal ["to everyone", "to you", "no type"], EMULATOR.signals(session_id, second)["items"].map { |s| s["data"] }
  end

  def test_signal_errors
    session_id, connection_id = routed_with_client
    e = assert_api_error(OpenTok::OpenTokPayloadTooLargeError, "payload_too_large", 413) do
      @opentok.signals.send(session_id, connection_id, type: "big", data: "x" * 8193)
    end
    assert_includes e.message, "413"
    assert_equal true, @opentok.signals.send(session_id, connection_id, type: "big", data: "x" * 8000)
    assert_api_error(OpenTok::OpenTokNotFoundError, "not_found", 404) { @opentok.signals.send(session_id, RestHelpers::UNKNOWN_ID, data: "hi") }
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.signals.send(session_id, "", type: "no spaces allowed") }
    assert_includes e.message, "type"
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.signals.send(session_id, "", type: "t" * 129) }
    # all of them are OpenTokErrors, which the official gem raises here
    assert_raises(OpenTok::OpenTokError) { @opentok.signals.send(session_id, connection_id, data: "x" * 9000) }
  end
end
