# frozen_string_literal: true

require_relative "test_helper"

# What Ruby arguments become on the wire, seen by a recording server (the emulator accepts every
# SDK's spelling, so it cannot show these): only set options, wire spellings, JSON objects.
class WireTest < Minitest::Test
  SESSION = "1_MX4xMjM0NTZ-fjE3OTU4MzA1MTM0MTh-L29OZEtSMXNhYTJMQUZIblpMelBaS244fn5-"

  def with_server(status: 200, body: "{}")
    server = RecordingServer.new(status: status, body: body)
    client = OpenTok::OpenTok.new(Emulator::API_KEY, Emulator::API_SECRET, api_url: server.url, max_retries: 0)
    yield client, server
  ensure
    server&.close
  end

  def test_force_mute_all_sends_excluded_stream_ids_and_no_active_string
    with_server do |opentok, server|
      opentok.streams.force_mute_all(SESSION, "excluded_streams" => %w[s1 s2], "active" => "true")
      req = server.next_request
      assert_equal "POST", req.method
      assert_equal "/v2/project/123456/session/#{SESSION}/mute", req.path
      assert_equal({ "active" => true, "excludedStreamIds" => %w[s1 s2] }, req.body)
    end
  end

  def test_archive_create_sends_only_set_options_in_wire_spelling
    with_server(body: JSON.generate(id: "a1", status: "started", sessionId: SESSION)) do |opentok, server|
      archive = opentok.archives.create(SESSION, name: "n", output_mode: :composed, has_video: false, max_bitrate: nil,
                                                 layout: { type: "bestFit", screenshare_type: "pip" })
      assert_equal "a1", archive.id
      body = server.next_request.body
      assert_equal({ "sessionId" => SESSION, "name" => "n", "outputMode" => "composed", "hasVideo" => false,
                     "layout" => { "type" => "bestFit", "screenshareType" => "pip" } }, body)
    end
  end

  def test_add_stream_sends_only_the_tracks_given
    with_server(status: 204) do |opentok, server|
      opentok.broadcasts.add_stream("b1", "s1", has_audio: false)
      req = server.next_request
      assert_equal "PATCH", req.method
      assert_equal "/v2/project/123456/broadcast/b1/streams", req.path
      assert_equal({ "addStream" => "s1", "hasAudio" => false }, req.body)
    end
  end

  def test_websocket_audio_transport_is_an_object
    with_server(body: JSON.generate(id: "c1", connectionId: "k1")) do |opentok, server|
      conn = opentok.websocket.connect(SESSION, "tok", "wss://x.example.com/ws", audio_transport: { transport: "websocket" })
      assert_equal "k1", conn.connection_id
      ws = server.next_request.body["websocket"]
      assert_equal "wss://x.example.com/ws", ws["uri"]
      assert_equal({ "transport" => "websocket" }, ws["audioTransport"])
    end
  end

  def test_signal_paths_and_ids_are_encoded
    with_server(status: 204) do |opentok, server|
      opentok.signals.send(SESSION, "", type: "t", data: "d")
      assert_equal "/v2/project/123456/session/#{SESSION}/signal", server.next_request.path
      opentok.signals.send(SESSION, "c/1", data: "d")
      assert_equal "/v2/project/123456/session/#{SESSION}/connection/c%2F1/signal", server.next_request.path
    end
  end

  def test_server_error_body_reaches_the_ruby_error
    with_server(status: 400, body: JSON.generate(code: 15_001, message: "bad layout")) do |opentok, _server|
      e = assert_raises(OpenTok::OpenTokArchiveError) { opentok.archives.layout("a1", type: "pip") }
      assert_equal "request", e.kind
      assert_equal 400, e.status
      assert_equal "15001", e.code
      assert_includes e.message, "bad layout"
    end
  end
end
