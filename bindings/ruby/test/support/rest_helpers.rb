# frozen_string_literal: true

# Shared setup of the REST tests: a client on the emulator, routed sessions with connected
# simulated clients, and their published streams.
module RestHelpers
  # Well-formed ids that no emulator holds.
  UNKNOWN_ID = "00000000-0000-4000-8000-000000000000"

  def setup
    @opentok = OpenTok::OpenTok.new(Emulator::API_KEY, Emulator::API_SECRET, api_url: EMULATOR.url)
  end

  # A routed session with one connected moderator: [session_id, connection_id].
  def routed_with_client(role: :moderator, **session_opts)
    session = @opentok.create_session(media_mode: :routed, **session_opts)
    status, body = EMULATOR.connect(session.session_id, session.generate_token(role: role))
    assert_equal 201, status, body.inspect
    [session.session_id, body["connectionId"]]
  end

  # A routed session with a connected client publishing a stream: [session_id, connection_id, stream_id].
  def routed_with_stream(**publish_opts)
    session_id, connection_id = routed_with_client
    stream = EMULATOR.publish(session_id, connection_id, **publish_opts)
    [session_id, connection_id, stream["id"]]
  end

  def token(session_id, role: :publisher)
    @opentok.generate_token(session_id, role: role)
  end

  # Asserts the block raises `klass` with this kind and status; returns the error.
  def assert_api_error(klass, kind, status = nil, &block)
    e = assert_raises(klass, &block)
    assert_equal klass, e.class, "#{e.class}: #{e.message}"
    assert_equal kind, e.kind, e.message
    status.nil? ? assert_nil(e.status) : assert_equal(status, e.status, e.message)
    assert_kind_of OpenTok::OpenTokError, e
    e
  end
end
