# frozen_string_literal: true

require_relative "test_helper"
require_relative "support/rest_helpers"

# opentok.callbacks (not in the official gem) against the emulator.
class CallbackTest < Minitest::Test
  include RestHelpers

  def test_register_all_unregister
    callback = @opentok.callbacks.register(group: "connection", event: "connectionCreated", url: "https://example.com/cb")
    assert_instance_of OpenTok::Callback, callback
    assert_equal "connection", callback.group
    assert_equal "connectionCreated", callback.event
    assert_equal "https://example.com/cb", callback.url
    all = @opentok.callbacks.all
    assert_kind_of Array, all
    assert_includes all.map(&:id), callback.id
    assert_equal true, @opentok.callbacks.unregister(callback.id)
    refute_includes @opentok.callbacks.all.map(&:id), callback.id
  end

  def test_errors
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") do
      @opentok.callbacks.register(group: "archive", event: "connectionCreated", url: "https://example.com/cb")
    end
    assert_includes e.message, "event"
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.callbacks.register(group: "stream", event: "streamCreated", url: "nope") }
    assert_api_error(OpenTok::OpenTokCallbackError, "not_found", 404) { @opentok.callbacks.unregister(RestHelpers::UNKNOWN_ID) }
    bad = OpenTok::OpenTok.new(Emulator::API_KEY, "y" * 40, api_url: EMULATOR.url)
    assert_api_error(OpenTok::OpenTokAuthenticationError, "authentication", 403) { bad.callbacks.all }
  end
end
