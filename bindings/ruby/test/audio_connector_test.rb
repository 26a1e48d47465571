# frozen_string_literal: true

require_relative "test_helper"
require_relative "support/rest_helpers"

# opentok.websocket (Audio Connector) against the emulator.
class AudioConnectorTest < Minitest::Test
  include RestHelpers

  def test_connect_and_stop
    session_id, _connection_id, stream_id = routed_with_stream
    conn = @opentok.websocket.connect(session_id, token(session_id), "wss://service.example.com/ws",
                                      streams: [stream_id], headers: { "key1" => "val1" }, audio_rate: 24_000,
                                      bidirectional: true,
                                      audio_transport: { transport: "websocket", encoding: "pcm",
                                                         static_fields: { "room" => "7" } })
    assert_instance_of OpenTok::AudioConnection, conn
    refute_empty conn.id
    assert_equal conn.id, conn["id"]
    assert_includes @opentok.connections.list(session_id).map(&:connection_id), conn.connection_id
    asked = EMULATOR.audio_connector(conn.id)
    assert_equal "wss://service.example.com/ws", asked["uri"]
    assert_equal [stream_id], asked["streams"]
    assert_equal({ "key1" => "val1" }, asked["headers"])
    assert_equal 24_000, asked["audioRate"]
    # audioTransport travels as a JSON object (not the Python SDK's string)
    assert_kind_of Hash, asked["audioTransport"]
    assert_equal({ "room" => "7" }, asked["audioTransport"]["static_fields"])

    assert_equal true, @opentok.websocket.stop(conn.id)
    refute_includes @opentok.connections.list(session_id).map(&:connection_id), conn.connection_id
  end

  def test_errors
    relayed = @opentok.create_session.session_id
    EMULATOR.connect(relayed, token(relayed))
    assert_api_error(OpenTok::OpenTokWebSocketError, "conflict", 409) do
      @opentok.websocket.connect(relayed, token(relayed), "wss://service.example.com/ws")
    end
    session_id, = routed_with_client
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") do
      @opentok.websocket.connect(session_id, token(session_id), "https://service.example.com/ws")
    end
    assert_includes e.message, "uri"
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") do
      @opentok.websocket.connect(session_id, token(session_id), "wss://service.example.com/ws", audio_rate: 44_100)
    end
    assert_includes e.message, "audioRate"
    assert_api_error(OpenTok::OpenTokWebSocketError, "not_found", 404) { @opentok.websocket.stop(RestHelpers::UNKNOWN_ID) }
  end
end
