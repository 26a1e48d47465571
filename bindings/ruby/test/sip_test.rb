# frozen_string_literal: true

require_relative "test_helper"
require_relative "support/rest_helpers"

# opentok.sip (dial, DTMF) against the emulator.
class SipTest < Minitest::Test
  include RestHelpers

  URI_ = "sip:+15128675309@acme.pstn.example.com;transport=tls"

  def test_dial_adds_a_connection_with_an_audio_stream
    session_id, = routed_with_client
    call = @opentok.sip.dial(session_id, token(session_id), URI_,
                             from: "14155550101@example.com", headers: { "X-Room" => "7" },
                             auth: { username: "user", password: "secret-pw" }, secure: true, video: false,
                             observe_force_mute: true)
    assert_instance_of OpenTok::SipCall, call
    refute_empty call.id
    assert_equal call.id, call["id"]
    assert_includes @opentok.connections.list(session_id).map(&:connection_id), call.connection_id
    assert_equal call.stream_id, @opentok.streams.find(session_id, call.stream_id).id
    refute_includes call.inspect, "secret-pw"
  end

  def test_dial_errors
    relayed = @opentok.create_session.session_id
    EMULATOR.connect(relayed, token(relayed))
    assert_api_error(OpenTok::OpenTokSipError, "conflict", 409) { @opentok.sip.dial(relayed, token(relayed), URI_) }
    session_id, = routed_with_client
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.sip.dial(session_id, token(session_id), "tel:+1555") }
    assert_includes e.message, "uri"
    e = assert_api_error(OpenTok::OpenTokSipError, "request", 400) do
      @opentok.sip.dial(session_id, token(session_id), URI_, headers: { "Room" => "7" })
    end
    assert_includes e.message, "X-"
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.sip.dial(session_id, "", URI_) }
    # "true"/"false" are booleans, as the official gem takes them; other text is refused.
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.sip.dial(session_id, token(session_id), URI_, secure: "yes") }
    assert_includes e.message, "secure"
  end

  def test_play_dtmf_to_session_and_connection
    session_id, = routed_with_client
    call = @opentok.sip.dial(session_id, token(session_id), URI_)
    assert_equal true, @opentok.sip.play_dtmf_to_session(session_id, "1234#")
    assert_equal true, @opentok.sip.play_dtmf_to_connection(session_id, call.connection_id, "9p*")
    played = EMULATOR.dtmf(session_id)["items"].map { |d| [d["connectionId"], d["digits"]] }
    assert_equal [[nil, "1234#"], [call.connection_id, "9p*"]], played
  end

  def test_play_dtmf_errors
    session_id, = routed_with_client
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.sip.play_dtmf_to_session(session_id, "12a") }
    assert_includes e.message, "digits"
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.sip.play_dtmf_to_connection(session_id, "", "1") }
    assert_api_error(OpenTok::OpenTokSipError, "not_found", 404) { @opentok.sip.play_dtmf_to_connection(session_id, RestHelpers::UNKNOWN_ID, "1") }
  end
end
