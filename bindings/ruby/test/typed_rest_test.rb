# frozen_string_literal: true

require_relative "test_helper"
require_relative "support/rest_helpers"

# The typed REST boundary: options become the core's records (one table per options type),
# answers are the core's records as it settled them, session ids are the service's to judge.
class TypedRestTest < Minitest::Test
  include RestHelpers

  def test_placeholder_session_id_reaches_the_service_and_keeps_its_status
    e = assert_api_error(OpenTok::OpenTokArchiveError, "not_found", 404) { @opentok.archives.create("SESSIONID") }
    assert_includes e.message, "SESSIONID"
    assert_api_error(OpenTok::OpenTokNotFoundError, "not_found", 404) { @opentok.streams.all("SESSIONID") }
    e = assert_raises(OpenTok::OpenTokError) { @opentok.signals.send("SESSIONID", "", data: "x") }
    assert_equal 404, e.status
    # only an empty or blank id is refused before sending
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.archives.create("  ") }
    assert_nil e.status
  end

  def test_placeholder_session_id_is_sent_as_given
    server = RecordingServer.new(status: 404, body: JSON.generate(code: 404, message: "no such session"))
    client = OpenTok::OpenTok.new(Emulator::API_KEY, Emulator::API_SECRET, api_url: server.url, max_retries: 0)
    e = assert_raises(OpenTok::OpenTokBroadcastError) { client.broadcasts.create("SESSIONID", outputs: { hls: {} }) }
    assert_equal 404, e.status
    assert_equal "not_found", e.kind
    assert_includes e.message, "no such session"
    assert_equal "SESSIONID", server.next_request.body["sessionId"]
  ensure
    server&.close
  end

  # (a broken typed option rule naming its field is archive_test's test_create_rules_are_the_cores)
  def test_typed_option_text_names_the_key
    session_id, = routed_with_client
    # an enum text the core cannot read names the key as given
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.archives.create(session_id, output_mode: :mixed) }
    assert_equal "output_mode", e.field
    assert_includes e.message, "composed or individual"
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") do
      @opentok.broadcasts.create(session_id, outputs: { hls: {} }, layout: { type: "sideways" })
    end
    assert_equal "layout.type", e.field
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.archives.create(session_id, max_bitrate: -1) }
    assert_equal "max_bitrate", e.field
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.archives.create(session_id, name: 7) }
    assert_equal "name", e.field
  end

  def test_unknown_option_keys_name_the_key_and_its_path
    session_id, = routed_with_client
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.archives.create(session_id, colour: "blue") }
    assert_equal "colour", e.field
    assert_includes e.message, "colour"
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") do
      @opentok.archives.create(session_id, "layout" => { "type" => "pip", "colour" => "red" })
    end
    assert_equal "layout.colour", e.field
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") do
      @opentok.broadcasts.create(session_id, outputs: { rtmp: [{ server_url: "rtmp://x.example.com/a", url: "y" }] })
    end
    assert_equal "outputs.rtmp[0].url", e.field
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.signals.send(session_id, "", kind: "chat") }
    assert_equal "kind", e.field
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.renders.list(page: 2) }
    assert_equal "page", e.field
    # wire camelCase, snake_case, strings and symbols name the same option
    assert_equal "r", @opentok.archives.create(session_id, "multiArchiveTag" => "r", :name => "r").name
  end

  def test_results_show_the_cores_values
    session_id, = routed_with_client
    archive = @opentok.archives.create(session_id, name: "core")
    assert_equal true, archive.has_audio
    assert_equal true, archive.has_video
    assert_equal Emulator::API_KEY, archive.partner_id
    assert_equal Emulator::API_KEY, archive.project_id
    assert_kind_of Integer, @opentok.archives.all.total
  end

  def test_results_show_the_cores_defaults_and_aliases_of_a_sparse_answer
    sparse = JSON.generate(id: "a1", status: "available", sessionId: "s1", projectId: 123_456)
    server = RecordingServer.new(body: sparse)
    client = OpenTok::OpenTok.new(Emulator::API_KEY, Emulator::API_SECRET, api_url: server.url, max_retries: 0)
    archive = client.archives.find("a1")
    assert_equal "available", archive.status
    assert_equal true, archive.has_audio
    assert_equal true, archive.has_video
    assert_equal "123456", archive.partner_id
    assert_equal "123456", archive.project_id
    assert_equal [], archive.streams
    assert_nil archive.name
  ensure
    server&.close
  end

  def test_page_count_is_the_cores
    server = RecordingServer.new(body: JSON.generate(items: [{ id: "a1", status: "started", sessionId: "s1" }]))
    client = OpenTok::OpenTok.new(Emulator::API_KEY, Emulator::API_SECRET, api_url: server.url, max_retries: 0)
    list = client.archives.all
    assert_equal 1, list.total
    assert_equal ["a1"], list.map(&:id)
  ensure
    server&.close
  end
end
