# frozen_string_literal: true

require_relative "test_helper"
require "pathname"
require "tmpdir"

# Vonage application credentials (an extension of this gem) against an emulator serving the test application.
class ApplicationTest < Minitest::Test
  APP_EMULATOR = Emulator.start_with_application
  Minitest.after_run { APP_EMULATOR.close }

  PRIVATE_KEY_PATH = File.join(Emulator::KEYS, "app_private.pem")

  def setup
    @opentok = OpenTok::OpenTok.new(Emulator::APP_ID, PRIVATE_KEY_PATH, api_url: APP_EMULATOR.url)
  end

  def test_session_rs256_token_connect_and_rest
    session = @opentok.create_session(media_mode: :routed)
    token = session.generate_token(role: :moderator, data: "name=app")
    decoded = OpenTok::Token.decode(token)
    assert_equal "RS256", decoded.algorithm
    assert_equal Emulator::APP_ID, decoded.project_id
    assert_equal session.session_id, decoded.session_id

    status, body = APP_EMULATOR.connect(session.session_id, token)
    assert_equal 201, status, body.inspect
    assert_equal "moderator", body["role"]

    connections = @opentok.connections.list(session.session_id)
    assert_equal [body["connectionId"]], connections.map(&:connection_id)
    # An error path signed with the application key: authenticated, then 404.
    e = assert_raises(OpenTok::OpenTokArchiveError) { @opentok.archives.find("00000000-0000-0000-0000-000000000000") }
    assert_equal 404, e.status
    assert_equal "not_found", e.kind
  end

  def test_pem_text_and_pathname_work_like_the_path
    [File.read(PRIVATE_KEY_PATH), Pathname.new(PRIVATE_KEY_PATH)].each do |key|
      opentok = OpenTok::OpenTok.new(Emulator::APP_ID, key, api_url: APP_EMULATOR.url)
      session = opentok.create_session
      status, body = APP_EMULATOR.connect(session.session_id, opentok.generate_token(session.session_id))
      assert_equal 201, status, body.inspect
    end
  end

  def test_default_url_is_vonages_and_inspect_hides_the_key
    opentok = OpenTok::OpenTok.new(Emulator::APP_ID, File.read(PRIVATE_KEY_PATH))
    assert_equal "https://video.api.vonage.com", opentok.api_url.chomp("/")
    assert_equal Emulator::APP_ID, opentok.api_key
    refute_includes opentok.inspect, "BEGIN"
  end

  def test_bad_application_id_names_the_field
    e = assert_raises(OpenTok::OpenTokArgumentError) { OpenTok::OpenTok.new("not-a-uuid", PRIVATE_KEY_PATH) }
    assert_equal "application_id", e.field
    assert_equal "invalid_argument", e.kind
    assert_includes e.message, "not-a-uuid"
  end

  def test_non_pem_keys_name_the_field
    Dir.mktmpdir do |dir|
      path = File.join(dir, "private.key")
      File.write(path, "not a key")
      e = assert_raises(OpenTok::OpenTokArgumentError) { OpenTok::OpenTok.new(Emulator::APP_ID, path) }
      assert_equal "private_key", e.field
    end
    broken = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----\n"
    e = assert_raises(OpenTok::OpenTokArgumentError) { OpenTok::OpenTok.new(Emulator::APP_ID, broken) }
    assert_equal "private_key", e.field
    refute_includes e.message, "c2VjcmV0"
    # A public key is not a private key.
    e = assert_raises(OpenTok::OpenTokArgumentError) do
      OpenTok::OpenTok.new(Emulator::APP_ID, File.join(Emulator::KEYS, "app_public.pem"))
    end
    assert_equal "private_key", e.field
  end

  def test_unreadable_key_file_names_the_field
    e = assert_raises(OpenTok::OpenTokArgumentError) { OpenTok::OpenTok.new(Emulator::APP_ID, "/nonexistent/private.key") }
    assert_equal "private_key", e.field
  end
end
