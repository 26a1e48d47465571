# frozen_string_literal: true

require "socket"
require_relative "test_helper"

# Webhook events: the shared documents of tests/events/ parsed by OpenTok::Events.parse show what
# tests/events/expected.json lists (the core and every binding check the same values), plus the
# Ruby shapes: frozen Structs, any String encoding, OpenTokArgumentError for what is not JSON.
class EventsTest < Minitest::Test
  DOCS = File.expand_path("../../../tests/events", __dir__)
  EXPECTED = JSON.parse(File.read(File.join(DOCS, "expected.json")))

  def read(name)
    File.read(File.join(DOCS, name))
  end

  def at(event, path)
    path.split(".").reduce(event) { |v, name| v&.public_send(name) }
  end

  EXPECTED["events"].each do |name, want|
    define_method("test_#{name.tr('.', '_')}_shows_the_expected_values") do
      event = OpenTok::Events.parse(read(name))
      assert_equal want["type"], event.type
      assert_equal want["session_id"], event.session_id
      status = event.respond_to?(:status) ? event.status : nil
      want["status"].nil? ? assert_nil(status) : assert_equal(want["status"], status)
      assert_instance_of OpenTok::Events::CLASSES.fetch(want["type"]), event
      want["fields"].each do |path, value|
        value.nil? ? assert_nil(at(event, path), path) : assert_equal(value, at(event, path), path)
      end
    end
  end

  EXPECTED["unknown"].each do |name|
    define_method("test_#{name.tr('.', '_')}_comes_back_whole") do
      event = OpenTok::Events.parse(read(name))
      assert_instance_of OpenTok::Events::Unknown, event
      assert_equal JSON.parse(read(name)), JSON.parse(event.raw)
    end
  end

  def test_events_are_frozen_and_any_encoding_reads_alike
    body = read("stream_created.json")
    event = OpenTok::Events.parse(body)
    assert event.frozen?
    assert event.stream.frozen?
    assert_equal "name=Ada", event.stream.connection.data
    assert_equal event, OpenTok::Events.parse(body.dup.force_encoding(Encoding::ASCII_8BIT))
    assert_raises(FrozenError) { event.session_id = "x" }
  end

  def test_an_archive_status_the_sdk_does_not_know_is_kept
    event = OpenTok::Events.parse(read("archive_unknown_status.json"))
    assert_equal %w[transcoding unknown], [event.status, event.archive.status]
  end

  def test_the_archive_password_stays_out_of_inspect
    event = OpenTok::Events.parse(JSON.generate(id: "a", sessionId: "s", status: "started", password: "hunter2-secret"))
    assert_equal "hunter2-secret", event.archive.password
    refute_includes event.inspect, "hunter2-secret"
  end

  def test_a_body_that_is_not_json_is_an_argument_error_naming_the_rule
    ["not json", "", "{\"event\":", "\xff\xfe".b].each do |body|
      e = assert_raises(OpenTok::OpenTokArgumentError) { OpenTok::Events.parse(body) }
      assert_match(/body/, e.message)
      assert_match(/must be a JSON document/, e.message)
      assert_equal "body", e.field
    end
  end

  def test_a_body_that_is_not_a_string_is_an_argument_error
    [nil, 42, { "event" => "connectionCreated" }].each do |body|
      e = assert_raises(OpenTok::OpenTokArgumentError) { OpenTok::Events.parse(body) }
      assert_equal "body", e.field
    end
  end

  # A real HTTP listener on loopback collecting the bodies POSTed to it.
  class Receiver
    attr_reader :url, :bodies

    def initialize
      @server = TCPServer.new("127.0.0.1", 0)
      @url = "http://127.0.0.1:#{@server.addr[1]}/hook"
      @bodies = Queue.new
      @thread = Thread.new { loop { serve(@server.accept) } }
    end

    def serve(client)
      client.gets
      length = 0
      while (line = client.gets) && line != "\r\n"
        length = line.split(":", 2).last.to_i if line.downcase.start_with?("content-length:")
      end
      @bodies << client.read(length).to_s
      client.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    rescue IOError, SystemCallError
      nil
    ensure
      client&.close
    end

    def close
      @thread.kill
      @server.close
    end
  end

  def emulator_put(path, body)
    uri = URI("#{EMULATOR.url}#{path}")
    req = Net::HTTP::Put.new(uri, "Content-Type" => "application/json")
    req.body = JSON.generate(body)
    Net::HTTP.start(uri.host, uri.port) { |http| http.request(req) }.code.to_i
  end

  # The issue's end-to-end check: a listener registered as the project's callback receives, parsed
  # by OpenTok::Events.parse, connectionCreated, streamCreated, archive started / stopped /
  # available, and broadcast stopped once the simulated clock passes the broadcast's maxDuration.
  def test_the_emulator_delivers_a_sessions_events_in_order
    receiver = Receiver.new
    assert_equal 200, emulator_put("/emulator/v1/projects/#{Emulator::API_KEY}/callback-url", url: receiver.url)
    opentok = OpenTok::OpenTok.new(Emulator::API_KEY, Emulator::API_SECRET, api_url: EMULATOR.url)
    session_id = opentok.create_session(media_mode: :routed).session_id
    status, connection = EMULATOR.connect(session_id, opentok.generate_token(session_id))
    assert_equal 201, status, connection.inspect
    EMULATOR.publish(session_id, connection["connectionId"], name: "cam")
    archive = opentok.archives.create(session_id, name: "e2e")
    opentok.archives.stop_by_id(archive.id)
    broadcast = opentok.broadcasts.create(session_id, outputs: { hls: {} }, maxDuration: 60)
    assert_equal 200, EMULATOR.post("/emulator/v1/clock", advance: 61).first

    label = ->(e) { %w[archive broadcast].include?(e.type) ? "#{e.type} #{e.status}" : e.type }
    mine = []
    deadline = Time.now + 15
    until mine.map(&label).include?("broadcast stopped") || Time.now > deadline
      begin
        event = OpenTok::Events.parse(receiver.bodies.pop(true))
        mine << event if event.session_id == session_id
      rescue ThreadError # empty for now
        sleep 0.02
      end
    end
    wanted = ["connectionCreated", "streamCreated", "archive started", "archive stopped", "archive available", "broadcast stopped"]
    assert_equal wanted, mine.map(&label).select { |l| wanted.include?(l) }, mine.map(&label).inspect
    by_label = mine.to_h { |e| [label.call(e), e] }
    assert_equal archive.id, by_label["archive available"].archive.id
    assert_equal broadcast.id, by_label["broadcast stopped"].broadcast.id
    assert_equal "cam", by_label["streamCreated"].stream.name
  ensure
    uri = URI("#{EMULATOR.url}/emulator/v1/projects/#{Emulator::API_KEY}/callback-url")
    Net::HTTP.start(uri.host, uri.port) { |http| http.request(Net::HTTP::Delete.new(uri)) }
    receiver&.close
  end
end
