# frozen_string_literal: true

require_relative "test_helper"
require_relative "support/rest_helpers"

# opentok.captions against the emulator.
class CaptionsTest < Minitest::Test
  include RestHelpers

  def test_start_find_stop
    session_id, = routed_with_client
    captions = @opentok.captions.start(session_id, token(session_id, role: :moderator),
                                       language_code: "en-US", max_duration: 1800, partial_captions: true,
                                       status_callback_url: "https://example.com/captions")
    assert_instance_of OpenTok::LiveCaptions, captions
    refute_empty captions.captions_id
    assert_equal captions.captions_id, captions["captionsId"]
    status = @opentok.captions.find(captions.captions_id)
    assert_instance_of OpenTok::CaptionStatus, status
    assert_equal "started", status.status
    assert_equal "en-US", status.language_code
    assert_equal session_id, status.session_id
    assert_equal 1800, status.max_duration
    assert_equal true, @opentok.captions.stop(captions.captions_id)
    assert_equal "stopped", @opentok.captions.find(captions.captions_id).status
  end

  def test_start_errors
    session_id, = routed_with_client
    moderator = token(session_id, role: :moderator)
    @opentok.captions.start(session_id, moderator)
    assert_api_error(OpenTok::OpenTokCaptionsError, "conflict", 409) { @opentok.captions.start(session_id, moderator) }
    other, = routed_with_client
    # the service wants a moderator token: 403, raised as the official gem does
    assert_api_error(OpenTok::OpenTokAuthenticationError, "authentication", 403) { @opentok.captions.start(other, token(other)) }
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.captions.start(other, moderator, language_code: "english") }
    assert_includes e.message, "languageCode"
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.captions.start(other, moderator, max_duration: 100) }
  end

  def test_stop_and_find_errors
    assert_api_error(OpenTok::OpenTokCaptionsError, "not_found", 404) { @opentok.captions.stop(RestHelpers::UNKNOWN_ID) }
    assert_api_error(OpenTok::OpenTokCaptionsError, "not_found", 404) { @opentok.captions.find(RestHelpers::UNKNOWN_ID) }
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.captions.find(" ") }
  end
end
