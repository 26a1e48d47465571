# frozen_string_literal: true

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
end
