# frozen_string_literal: true

require_relative "test_helper"
require_relative "support/rest_helpers"

# opentok.archives against the emulator: every method, and its errors.
class ArchiveTest < Minitest::Test
  include RestHelpers

  def test_create_stop_find_all_delete
    session_id, = routed_with_client
    archive = @opentok.archives.create(session_id, name: "standup", has_audio: true, output_mode: :composed,
                                                   resolution: "1280x720")
    assert_instance_of OpenTok::Archive, archive
    assert_equal "started", archive.status
    assert_equal "standup", archive.name
    assert_equal session_id, archive.session_id
    assert_equal "1280x720", archive.resolution
    assert_equal "composed", archive.output_mode
    # the official gem's spellings read the same fields
    assert_equal session_id, archive.sessionId
    assert_equal session_id, archive["sessionId"]
    assert_equal session_id, archive[:session_id]
    assert_respond_to archive, :created_at
    assert_kind_of Integer, archive.created_at

    stopped = @opentok.archives.stop_by_id(archive.id)
    assert_equal "stopped", stopped.status
    found = @opentok.archives.find(archive.id)
    assert_equal "available", found.status
    assert_operator found.size, :>, 0
    assert_kind_of Integer, found.duration

    list = @opentok.archives.all(offset: 0, count: 10, sessionId: session_id)
    assert_instance_of OpenTok::ArchiveList, list
    assert_equal 1, list.total
    assert_equal [archive.id], list.map(&:id)
    assert_equal list.map(&:id), @opentok.archives.all(session_id: session_id).map(&:id)

    assert_equal true, @opentok.archives.delete_by_id(archive.id)
    assert_equal "deleted", @opentok.archives.find(archive.id).status
  end

  def test_archive_object_stops_and_deletes_itself
    session_id, = routed_with_client
    archive = @opentok.archives.create(session_id)
    assert_same archive, archive.stop
    assert_equal "stopped", archive.status
    assert_equal "available", archive.reload.status
    assert_equal true, archive.delete
  end

  def test_create_409_when_already_recording_and_404_without_clients
    session_id, = routed_with_client
    first = @opentok.archives.create(session_id, "name" => "one")
    e = assert_api_error(OpenTok::OpenTokArchiveError, "conflict", 409) { @opentok.archives.create(session_id) }
    assert_includes e.message, "409"
    # a kind class catches the area error of its kind; the area class catches both
    assert_raises(OpenTok::OpenTokConflictError) { @opentok.archives.create(session_id) }
    assert_raises(OpenTok::OpenTokRequestError) { @opentok.archives.create(session_id) }
    # another multiArchiveTag records the same session twice
    second = @opentok.archives.create(session_id, multi_archive_tag: "second")
    refute_equal first.id, second.id

    empty = @opentok.create_session(media_mode: :routed).session_id
    e = assert_api_error(OpenTok::OpenTokArchiveError, "not_found", 404) { @opentok.archives.create(empty) }
    caught = begin
      @opentok.archives.create(empty)
    rescue OpenTok::OpenTokConflictError
      :conflict
    rescue OpenTok::OpenTokNotFoundError
      :not_found
    end
    assert_equal :not_found, caught
    assert_equal 404, e.status

    relayed = @opentok.create_session.session_id
    EMULATOR.connect(relayed, token(relayed))
    assert_api_error(OpenTok::OpenTokArchiveError, "conflict", 409) { @opentok.archives.create(relayed) }
  end

  def test_create_rules_are_the_cores
    session_id, = routed_with_client
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") do
      @opentok.archives.create(session_id, output_mode: :individual, resolution: "1280x720")
    end
    assert_includes e.message, "resolution"
    assert_equal "resolution", e.field
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.archives.create(session_id, colour: "blue") }
    assert_equal "colour", e.field
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.archives.create("", name: "x") }
    assert_includes e.message, "sessionId"
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.archives.create(session_id, "not a hash") }
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.archives.create(session_id, has_audio: false, has_video: false) }
  end

  def test_stop_find_delete_errors
    session_id, = routed_with_client
    assert_api_error(OpenTok::OpenTokArchiveError, "not_found", 404) { @opentok.archives.stop_by_id(RestHelpers::UNKNOWN_ID) }
    assert_api_error(OpenTok::OpenTokArchiveError, "not_found", 404) { @opentok.archives.find(RestHelpers::UNKNOWN_ID) }
    assert_api_error(OpenTok::OpenTokArchiveError, "not_found", 404) { @opentok.archives.delete_by_id(RestHelpers::UNKNOWN_ID) }
    archive = @opentok.archives.create(session_id)
    assert_api_error(OpenTok::OpenTokArchiveError, "conflict", 409) { @opentok.archives.delete_by_id(archive.id) }
    @opentok.archives.stop_by_id(archive.id)
    assert_api_error(OpenTok::OpenTokArchiveError, "conflict", 409) { @opentok.archives.stop_by_id(archive.id) }
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.archives.find("") }
    assert_includes e.message, "archive"
  end

  def test_all_errors
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.archives.all(count: 1001) }
    assert_equal "count", e.field
    # a session id filter is the service's to judge: this one has no archives
    assert_equal 0, @opentok.archives.all(sessionId: "not-a-session").total
  end

  def test_layout
    session_id, = routed_with_client
    archive = @opentok.archives.create(session_id, layout: { type: "bestFit", screenshare_type: "pip" })
    assert_equal true, @opentok.archives.layout(archive.id, type: "verticalPresentation")
    assert_equal true, archive.layout(type: "custom", stylesheet: "stream { width: 100% }")
    e = assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.archives.layout(archive.id, type: "custom") }
    assert_includes e.message, "stylesheet"
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.archives.layout(archive.id, type: "sideways") }
    @opentok.archives.stop_by_id(archive.id)
    assert_api_error(OpenTok::OpenTokArchiveError, "conflict", 409) { @opentok.archives.layout(archive.id, type: "pip") }
    assert_api_error(OpenTok::OpenTokArchiveError, "not_found", 404) { @opentok.archives.layout(RestHelpers::UNKNOWN_ID, type: "pip") }
  end

  def test_add_and_remove_stream
    session_id, _connection_id, stream_id = routed_with_stream
    archive = @opentok.archives.create(session_id, stream_mode: :manual)
    assert_equal "manual", archive.stream_mode
    assert_equal true, @opentok.archives.add_stream(archive.id, stream_id, has_audio: true, has_video: false)
    streams = @opentok.archives.find(archive.id).streams
    assert_equal [stream_id], streams.map { |s| s["streamId"] }
    assert_equal false, streams.first["hasVideo"]
    assert_api_error(OpenTok::OpenTokArchiveError, "conflict", 409) { @opentok.archives.add_stream(archive.id, stream_id) }
    assert_equal true, @opentok.archives.remove_stream(archive.id, stream_id)
    assert_equal [], @opentok.archives.find(archive.id).streams
    assert_api_error(OpenTok::OpenTokArchiveError, "not_found", 404) { @opentok.archives.add_stream(archive.id, RestHelpers::UNKNOWN_ID) }
    assert_api_error(OpenTok::OpenTokArchiveError, "not_found", 404) { @opentok.archives.remove_stream(RestHelpers::UNKNOWN_ID, stream_id) }
    assert_api_error(OpenTok::OpenTokArgumentError, "invalid_argument") { @opentok.archives.add_stream(archive.id, stream_id, has_audio: "yes") }

    auto = @opentok.archives.create(session_id, multi_archive_tag: "auto")
    e = assert_api_error(OpenTok::OpenTokArchiveError, "request", 405) { @opentok.archives.add_stream(auto.id, stream_id) }
    assert_includes e.message, "405"
  end
end
