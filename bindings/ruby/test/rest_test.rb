# frozen_string_literal: true

require_relative "test_helper"
require_relative "support/rest_helpers"

# The REST plumbing: the official gem's surface, error classes and kinds, the GVL, threads.
class RestTest < Minitest::Test
  include RestHelpers

  # The official opentok 4.x gem's REST methods (name => parameters), plus the new ones.
  SURFACE = {
    archives: { create: 2, stop_by_id: 1, find: 1, all: 1, delete_by_id: 1, layout: 2, add_stream: 3, remove_stream: 2 },
    broadcasts: { create: 2, stop: 1, find: 1, all: 1, layout: 2, add_stream: 3, remove_stream: 2 },
    streams: { find: 2, all: 1, layout: 2, force_mute: 2, force_mute_all: 2, disable_force_mute: 1 },
    connections: { forceDisconnect: 2, force_disconnect: 2, list: 2 },
    signals: { send: 3 },
    sip: { dial: 4, play_dtmf_to_session: 2, play_dtmf_to_connection: 3 },
    captions: { start: 3, stop: 1, find: 1 },
    renders: { start: 2, find: 1, stop: 1, list: 1 },
    websocket: { connect: 4, stop: 1 },
    callbacks: { all: 0, register: 1, unregister: 1 }
  }.freeze

  def test_official_surface
    SURFACE.each do |area, methods|
      api = @opentok.public_send(area)
      assert_same api, @opentok.public_send(area), "#{area} is memoized"
      methods.each do |name, params|
        assert_respond_to api, name, "#{area}.#{name}"
        assert_equal params, api.method(name).parameters.size, "#{area}.#{name} parameters"
      end
    end
    assert_equal OpenTok::OpenTokError, OpenTok::OpenTokArchiveError.superclass
    %i[OpenTokArchiveError OpenTokBroadcastError OpenTokSipError OpenTokConnectionError OpenTokStreamLayoutError
       OpenTokCaptionsError OpenTokRenderError OpenTokWebSocketError OpenTokAuthenticationError].each do |name|
      assert OpenTok.const_get(name) <= OpenTok::OpenTokError, name
    end
  end

  def test_area_error_is_caught_by_its_kind_class_but_not_by_others
    session_id, = routed_with_client
    @opentok.archives.create(session_id)
    e = assert_raises(OpenTok::OpenTokArchiveError) { @opentok.archives.create(session_id) }
    assert OpenTok::OpenTokConflictError === e
    assert OpenTok::OpenTokRequestError === e
    refute OpenTok::OpenTokNotFoundError === e
    refute OpenTok::OpenTokArgumentError === e
    refute OpenTok::OpenTokBroadcastError === e
    refute_kind_of OpenTok::OpenTokConflictError, e
    caught = begin
      @opentok.archives.create(session_id)
    rescue OpenTok::OpenTokNotFoundError, OpenTok::OpenTokAuthenticationError
      :wrong
    rescue OpenTok::OpenTokConflictError => err
      err.status
    end
    assert_equal 409, caught
    assert_equal "409", e.code
    refute e.retryable?
  end

  def test_wrong_secret_is_authentication_error_in_every_area
    bad = OpenTok::OpenTok.new(Emulator::API_KEY, "z" * 40, api_url: EMULATOR.url)
    session_id, = routed_with_client
    [-> { bad.archives.all }, -> { bad.broadcasts.find(RestHelpers::UNKNOWN_ID) }, -> { bad.streams.all(session_id) },
     -> { bad.signals.send(session_id, "", data: "x") }, -> { bad.renders.list }].each do |call|
      e = assert_api_error(OpenTok::OpenTokAuthenticationError, "authentication", 403, &call)
      refute_includes e.message, "z" * 40
    end
  end

  def test_rest_call_releases_the_gvl_and_times_out_as_the_area_error
    e, ticks = SilentServer.ticking_call { |client| client.archives.find(RestHelpers::UNKNOWN_ID) }
    assert_instance_of OpenTok::OpenTokArchiveError, e
    assert_equal "timeout", e.kind
    assert OpenTok::OpenTokConnectionError === e
    assert_operator ticks, :>=, 10
  end

  def test_closed_port_is_connect_kind
    client = OpenTok::OpenTok.new(Emulator::API_KEY, Emulator::API_SECRET, api_url: SilentServer.closed_port_url, max_retries: 0)
    # any session id is sent as given (nothing listens here)
    e = assert_raises(OpenTok::OpenTokConnectionError) { client.signals.send(RestHelpers::UNKNOWN_ID, "", data: "x") }
    assert_equal "connect", e.kind
    session = @opentok.create_session
    e = assert_raises(OpenTok::OpenTokConnectionError) { client.signals.send(session.session_id, "", data: "x") }
    assert_equal "connect", e.kind
  end

  def test_threads_share_one_client
    session_id, connection_id = routed_with_client
    threads = Array.new(8) { |i| Thread.new { @opentok.signals.send(session_id, connection_id, type: "n", data: i.to_s) } }
    assert_equal [true] * 8, threads.map(&:value)
    assert_equal (0..7).map(&:to_s), EMULATOR.signals(session_id, connection_id)["items"].map { |s| s["data"] }.sort
  end

  def test_argument_shapes
    e = assert_raises(OpenTok::OpenTokArgumentError) { @opentok.archives.all(5) }
    assert_equal "options", e.field
    e = assert_raises(OpenTok::OpenTokArgumentError) { @opentok.archives.create(RestHelpers::UNKNOWN_ID, Float::NAN => 1) }
    assert_equal "invalid_argument", e.kind
  end

  def test_result_objects
    session_id, = routed_with_client
    archive = @opentok.archives.create(session_id, name: "r")
    copy = OpenTok::Archive.new(archive.to_h)
    assert_equal archive, copy
    assert_equal archive.to_h, JSON.parse(archive.to_json)
    assert_includes archive.inspect, archive.id
    assert_respond_to archive, :partner_id
    refute_respond_to archive, :no_such_field
    assert_raises(NoMethodError) { archive.no_such_field }
    assert_raises(ArgumentError) { archive.status(1) }
    assert_raises(NoMethodError) { archive.resolution_x(1) }
  end
end
