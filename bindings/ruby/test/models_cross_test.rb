# frozen_string_literal: true

require_relative "test_helper"

# The cross-binding model documents (tests/models/): an archive, a broadcast and a render with
# odd-but-plausible fields, served by a real loopback server (tests/models/serve.py), read through
# this gem show the values of tests/models/expected.json, which every other binding checks too.
class ModelsCrossTest < Minitest::Test
  MODELS = File.expand_path("../../../tests/models", __dir__)
  EXPECTED = JSON.parse(File.read(File.join(MODELS, "expected.json")))

  def setup
    @server = IO.popen(["python3", File.join(MODELS, "serve.py")], "r+")
    url = @server.gets.to_s.strip
    raise "tests/models/serve.py did not start" unless url.start_with?("http://")

    @opentok = OpenTok::OpenTok.new(Emulator::API_KEY, Emulator::API_SECRET, api_url: url)
  end

  def teardown
    @server&.close
  end

  def test_archive_shows_the_expected_values
    want = EXPECTED["archive"]
    a = @opentok.archives.find(want["id"])
    assert_equal [want["id"], want["status"], want["name"], want["session_id"]], [a.id, a.status, a.name, a.session_id]
    assert_equal [want["partner_id"], want["project_id"]], [a.partner_id, a.project_id]
    assert_equal [want["has_audio"], want["has_video"]], [a.has_audio, a.has_video]
    assert_equal [want["size"], want["duration"], want["created_at"]], [a.size, a.duration, a.created_at]
    assert_equal [want["output_mode"], want["url"], want["resolution"]], [a.output_mode, a.url, a.resolution]
  end

  def test_broadcast_shows_the_expected_values
    want = EXPECTED["broadcast"]
    b = @opentok.broadcasts.find(want["id"])
    assert_equal [want["id"], want["status"], want["session_id"]], [b.id, b.status, b.session_id]
    assert_equal [want["partner_id"], want["project_id"]], [b.partner_id, b.project_id]
    assert_equal [want["created_at"], want["updated_at"], want["max_duration"]], [b.created_at, b.updated_at, b.max_duration]
    assert_equal [want["has_audio"], want["has_video"], want["resolution"]], [b.has_audio, b.has_video, b.resolution]
    urls = b.broadcast_urls
    assert_equal want["hls"], urls["hls"]
    assert_equal want["rtmp_ids"], urls["rtmp"].map { |r| r["id"] }
    assert_equal want["rtmp_statuses"], urls["rtmp"].map { |r| r["status"] }
  end

  def test_render_shows_the_expected_values
    want = EXPECTED["render"]
    r = @opentok.renders.find(want["id"])
    assert_equal [want["id"], want["status"], want["session_id"], want["stream_id"]], [r.id, r.status, r.session_id, r.stream_id]
    assert_equal [want["application_id"], want["project_id"], want["created_at"]], [r.application_id, r.project_id, r.created_at]
  end
end
