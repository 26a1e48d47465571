# frozen_string_literal: true

require_relative "test_helper"

# Sessions against a real emulator: options, rules, errors, timeouts, seed API.
class SessionTest < Minitest::Test
  def setup
    @opentok = OpenTok::OpenTok.new(Emulator::API_KEY, Emulator::API_SECRET, api_url: EMULATOR.url)
  end

  def test_default_session_is_relayed_and_admits_a_publisher
    session = @opentok.create_session
    assert session.session_id.start_with?("1_"), session.session_id
    assert_equal :relayed, session.media_mode
    assert_equal :manual, session.archive_mode
    assert_equal session.session_id, session.to_s
    status, body = EMULATOR.connect(session.session_id, session.generate_token)
    assert_equal 201, status, body.inspect
    assert_equal "publisher", body["role"]
  end

  def test_routed_always_with_location_name_and_resolution
    session = @opentok.create_session(media_mode: :routed, archive_mode: :always, location: "12.34.56.78",
                                      archive_name: "standup", archive_resolution: "1280x720")
    assert_equal :routed, session.media_mode
    assert_equal :always, session.archive_mode
    assert_equal "12.34.56.78", session.location
    assert_equal "standup", session.archive_name
    assert_equal "1280x720", session.archive_resolution
  end

  def test_e2ee_and_hash_options
    session = @opentok.create_session({ "media_mode" => "routed", e2ee: true })
    assert_equal true, session.e2ee
  end

  def test_rules_are_the_cores_and_name_the_field
    e = assert_raises(OpenTok::OpenTokArgumentError) { @opentok.create_session(archive_mode: :always) }
    assert_includes e.message, "archiveMode"
    assert_equal "invalid_argument", e.kind
    assert_nil e.status
    assert_kind_of OpenTok::OpenTokError, e

    e = assert_raises(OpenTok::OpenTokArgumentError) { @opentok.create_session(e2ee: true) }
    assert_includes e.message, "e2ee"
    assert_raises(OpenTok::OpenTokArgumentError) { @opentok.create_session(media_mode: :routed, archive_mode: :always, e2ee: true) }

    e = assert_raises(OpenTok::OpenTokArgumentError) { @opentok.create_session(location: "not-an-ip") }
    assert_equal "location", e.field
    assert_includes e.message, "not-an-ip"

    e = assert_raises(OpenTok::OpenTokArgumentError) do
      @opentok.create_session(media_mode: :routed, archive_mode: :always, archive_name: "x" * 81)
    end
    assert_includes e.message, "archiveName"
    assert_raises(OpenTok::OpenTokArgumentError) { @opentok.create_session(media_mode: :sideways) }
    assert_raises(OpenTok::OpenTokArgumentError) { @opentok.create_session(colour: :blue) }
  end

  def test_threads_create_sessions_concurrently
    sessions = Array.new(10) { |i| Thread.new { @opentok.create_session(location: "10.0.0.#{i + 1}") } }.map(&:value)
    assert_equal 10, sessions.map(&:session_id).uniq.size
    assert_equal (1..10).map { |i| "10.0.0.#{i}" }, sessions.map(&:location)
  end

  def test_wrong_secret_is_authentication_error_with_status
    bad = OpenTok::OpenTok.new(Emulator::API_KEY, "wrong-secret-00000000000000000000000000", api_url: EMULATOR.url)
    e = assert_raises(OpenTok::OpenTokAuthenticationError) { bad.create_session }
    assert_equal 403, e.status
    assert_equal "authentication", e.kind
    # The official class tree (OpenTokAuthenticationError < OpenTokError); rescue OpenTokRequestError
    # still catches it by kind.
    assert_equal OpenTok::OpenTokError, e.class.superclass
    assert_operator OpenTok::OpenTokRequestError, :===, e
    refute_includes e.message, "wrong-secret-00000000000000000000000000"
    refute_includes bad.inspect, "wrong-secret"
  end

  def test_bad_credentials_fail_at_construction
    e = assert_raises(OpenTok::OpenTokArgumentError) { OpenTok::OpenTok.new("", Emulator::API_SECRET) }
    assert_equal "invalid_argument", e.kind
  end

  def test_never_answering_server_times_out
    silent = SilentServer.new
    client = OpenTok::OpenTok.new(Emulator::API_KEY, Emulator::API_SECRET, api_url: silent.url, timeout_length: 0.3, max_retries: 0)
    started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    e = assert_raises(OpenTok::OpenTokTimeoutError) { client.create_session }
    elapsed = Process.clock_gettime(Process::CLOCK_MONOTONIC) - started
    assert_operator elapsed, :<, 5
    assert_equal "timeout", e.kind
    assert_nil e.status
    assert_kind_of OpenTok::OpenTokConnectionError, e
    assert_operator silent.accepted, :>=, 1
  ensure
    silent&.close
  end

  def test_blocking_call_releases_the_gvl
    e, ticks = SilentServer.ticking_call(&:create_session)
    assert_instance_of OpenTok::OpenTokTimeoutError, e
    assert_operator ticks, :>=, 10
  end

  def test_proxy_option_reaches_the_core
    proxy = SilentServer.new
    client = OpenTok::OpenTok.new(Emulator::API_KEY, Emulator::API_SECRET, api_url: "http://opentok.invalid",
                                                                           proxy: proxy.url, timeout_length: 0.3, max_retries: 0)
    assert_raises(OpenTok::OpenTokRequestError) { client.create_session }
    assert_operator proxy.accepted, :>=, 1, "the request never reached the proxy"
  ensure
    proxy&.close
  end

  def test_closed_port_is_connection_error
    client = OpenTok::OpenTok.new(Emulator::API_KEY, Emulator::API_SECRET, api_url: SilentServer.closed_port_url, max_retries: 0)
    e = assert_raises(OpenTok::OpenTokConnectionError) { client.create_session }
    assert_equal "connect", e.kind
  end

  def test_options_reach_the_core
    client = OpenTok::OpenTok.new(123_456, Emulator::API_SECRET, api_url: EMULATOR.url, ua_addendum: "my-app/1.0", timeout_length: 5)
    assert_equal "123456", client.api_key
    assert_includes client.user_agent, "my-app/1.0"
    assert_includes client.user_agent, "ruby/"
    assert_equal EMULATOR.url, client.api_url.chomp("/")
    assert_raises(OpenTok::OpenTokArgumentError) { OpenTok::OpenTok.new(1, "s", bogus: 1) }
  end

  def test_seed_api
    sdk = OpenTokSDK.new(Emulator::API_KEY, Emulator::API_SECRET, api_url: EMULATOR.url)
    s = sdk.create_session("12.34.56.78", "p2p.preference" => "disabled")
    assert s.session_id.start_with?("1_")
    assert_equal "routed", s.media_mode
    assert_equal "12.34.56.78", s.location
    e = assert_raises(OpenTok::OpenTokArgumentError) { sdk.create_session(nil, "p2p.preference" => "sometimes") }
    assert_includes e.message, "p2p.preference"
  end
end

# Tokens: options through the emulator, limits, and tests/vectors/tokens.json.
class TokenTest < Minitest::Test
  SECRET = VECTORS["api_secret"]

  def setup
    @opentok = OpenTok::OpenTok.new(Emulator::API_KEY, Emulator::API_SECRET, api_url: EMULATOR.url)
  end

  def test_token_options_reach_the_emulator
    session = @opentok.create_session(media_mode: :routed)
    token = @opentok.generate_token(session.session_id, role: :moderator, data: "name=Johnny",
                                                        initial_layout_class_list: %w[focus small], expire_time: Time.now + 3600)
    status, body = EMULATOR.connect(session.session_id, token)
    assert_equal 201, status, body.inspect
    assert_equal "moderator", body["role"]
    assert_equal "name=Johnny", body["data"]
    decoded = OpenTok::Token.verify(token, Emulator::API_SECRET)
    assert_equal "JWT", decoded.format
    assert_equal "focus small", decoded.initial_layout_class_list
  end

  def test_legacy_t1_token_is_accepted
    session = @opentok.create_session
    token = session.generate_token(role: :subscriber, token_type: "T1")
    assert token.start_with?("T1==")
    status, body = EMULATOR.connect(session.session_id, token)
    assert_equal 201, status, body.inspect
    assert_equal "subscriber", body["role"]
    t1 = session.generate_token(role: :publisher_only, use_legacy_t1_token: true, expires_in: 600)
    assert_equal 201, EMULATOR.connect(session.session_id, t1)[0]
  end

  def test_token_for_another_session_is_refused
    a = @opentok.create_session
    b = @opentok.create_session
    status, = EMULATOR.connect(b.session_id, a.generate_token)
    assert_equal 403, status
    assert_raises(OpenTok::OpenTokTokenError) { OpenTok::Token.verify(a.generate_token, "0" * 40) }
    assert_includes OpenTok::Token.explain(a.generate_token, Emulator::API_SECRET), "valid"
  end

  def test_limits_are_the_cores
    session = @opentok.create_session
    e = assert_raises(OpenTok::OpenTokArgumentError) { session.generate_token(data: "x" * 1001) }
    assert_equal "data", e.field
    e = assert_raises(OpenTok::OpenTokArgumentError) { session.generate_token(expire_time: 1_000_000_000) }
    assert_equal "expire_time", e.field
    assert_raises(OpenTok::OpenTokArgumentError) { session.generate_token(expires_in: 31 * 86_400) }
    assert_raises(OpenTok::OpenTokArgumentError) { session.generate_token(expires_in: -5) }
    assert_raises(OpenTok::OpenTokArgumentError) { session.generate_token(expire_time: 2**70) }
    assert_raises(OpenTok::OpenTokArgumentError) { session.generate_token(role: :admin) }
    assert_raises(OpenTok::OpenTokArgumentError) { @opentok.generate_token("NOT A REAL SESSIONID") }
  end

  def self.vector_client(input)
    OpenTok::OpenTok.new(input["api_key"], input["api_secret"] || SECRET, fixed_now: input["now"], fixed_nonce: input["nonce"])
  end

  def self.vector_options(name, input)
    opts = {}
    role = input["role"] || (name.start_with?("role_") ? "admin" : nil)
    opts[:role] = role if role
    opts[:expire_time] = input["expire_time"] if input.key?("expire_time")
    opts[:data] = input["data"] if input.key?("data")
    opts[:initial_layout_class_list] = input["initial_layout_class_list"] if input.key?("initial_layout_class_list")
    opts
  end

  VECTORS["t1"].each do |c|
    define_method("test_vector_t1_#{c['name']}") do
      input = c["input"]
      client = self.class.vector_client(input)
      token = client.generate_token(input["session_id"], **self.class.vector_options(c["name"], input), token_type: "T1")
      assert_equal c["token"], token
    end
  end

  VECTORS["jwt"].each do |c|
    define_method("test_vector_jwt_#{c['name']}") do
      input = c["input"]
      client = self.class.vector_client(input)
      token = client.generate_token(input["session_id"], self.class.vector_options(c["name"], input))
      assert_equal c["claims"], OpenTok::Token.decode(token).claims
    end
  end

  VECTORS["reject"].each do |c|
    define_method("test_vector_reject_#{c['name']}") do
      input = c["input"]
      e = assert_raises(OpenTok::OpenTokArgumentError) do
        self.class.vector_client(input).generate_token(input["session_id"], self.class.vector_options(c["name"], input))
      end
      assert_equal "invalid_argument", e.kind
      refute_includes e.message, SECRET
    end
  end

  VECTORS["node_tokens"].each_with_index do |c, i|
    define_method("test_vector_node_token_#{i}_#{c['format']}") do
      issued = OpenTok::Token.decode(c["token"]).issued_at
      decoded = OpenTok::Token.verify(c["token"], SECRET, now: issued + 1)
      assert_equal VECTORS["api_key"], decoded.project_id
      assert_equal c["options"]["role"] || "publisher", decoded.role
      assert_raises(OpenTok::OpenTokTokenError) { OpenTok::Token.verify(c["token"], "0" * 40, now: issued + 1) }
    end
  end
end
