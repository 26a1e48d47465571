# frozen_string_literal: true

require_relative "test_helper"
require_relative "support/rest_helpers"

# opentok.renders (Experience Composer) against the emulator.
class RenderTest < Minitest::Test
  include RestHelpers

  URL = "https://example.com/experience"

  def test_start_find_list_stop
    session_id, = routed_with_client
    render = @opentok.renders.start(session_id, token: token(session_id), url: URL, max_duration: 120,
                                                resolution: "1280x720", properties: { name: "composer" })
    assert_instance_of OpenTok::Render, render
    assert_equal "starting", render.status
    assert_equal URL, render.url
    assert_equal session_id, render.session_id
    found = @opentok.renders.find(render.id)
    assert_equal "started", found.status
    refute_nil found.stream_id
    assert_equal found.stream_id, @opentok.streams.find(session_id, found.stream_id).id
    list = @opentok.renders.list(count: 1000)
    assert_instance_of OpenTok::RenderList, list
    assert_includes list.map(&:id), render.id
    assert_operator list.total, :>=, 1
    assert_equal true, @opentok.renders.stop(render.id)
    assert_equal "stopped", @opentok.renders.find(render.id).status
  end

  def test_render_object_info_and_stop
    session_id, = routed_with_client
    render = @opentok.renders.start(session_id, "token" => token(session_id), "url" => URL)
    assert_same render, render.info
    assert_equal "started", render.status
    assert_equal true, render.stop
  end

  def test_errors
    session_id, = routed_with_client
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.renders.start(session_id, token: token(session_id), url: "ftp://x") }
    assert_includes e.message, "url"
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.renders.start(session_id, url: URL) }
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") do
      @opentok.renders.start(session_id, token: token(session_id), url: URL, resolution: "10x10")
    end
    assert_api_error(OpenTok::OpenTokRenderError, "not_found", 404) { @opentok.renders.find(RestHelpers::UNKNOWN_ID) }
    assert_api_error(OpenTok::OpenTokRenderError, "not_found", 404) { @opentok.renders.stop(RestHelpers::UNKNOWN_ID) }
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.renders.list(count: 1001) }
    assert_equal "count", e.field
    relayed = @opentok.create_session.session_id
    assert_raises(OpenTok::OpenTokRenderError) { @opentok.renders.start(relayed, token: token(relayed), url: URL) }
  end
end
