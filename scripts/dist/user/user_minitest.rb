# frozen_string_literal: true

# A user's Minitest file (make test-dist runs it against the gem installed with gem install
# --local): OpenTok::Testing::Minitest finds the opentok-emulator command on PATH (the wheel's).
require "opentok_native"
require "opentok/testing"
require "minitest/autorun"

class UserTest < Minitest::Test
  include OpenTok::Testing::Minitest

  def test_session_token_and_connect
    assert_nil ENV["EMULATOR_BIN"]
    session = opentok_client.create_session(media_mode: :routed)
    conn = opentok_emulator.connect(session.session_id, session.generate_token(role: :moderator))
    assert_equal "moderator", conn["role"]
  end
end
