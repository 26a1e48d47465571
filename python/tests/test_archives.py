"""Archives against the real emulator: every operation under its official name, its result
object, and an error case each (kind, status and the official class)."""

from __future__ import annotations

import datetime

import pytest

import opentok_native as opentok

from conftest import Room, assert_layout_refusals


def test_start_archive_needs_a_connected_client_404_then_409_when_running(room: Room, client: opentok.Client) -> None:
    empty = Room(room.emulator, client, connect=False)
    with pytest.raises(opentok.ArchiveError) as e404:
        client.start_archive(empty.session_id)
    assert isinstance(e404.value, opentok.NotFoundError)
    assert (e404.value.status, e404.value.kind) == (404, "not_found")

    archive = client.start_archive(
        room.session_id, name="standup", resolution="1280x720", layout={"type": "pip"}, max_bitrate=2_000_000
    )
    assert isinstance(archive, opentok.Archive)
    assert (archive.status, archive.name, archive.session_id) == ("started", "standup", room.session_id)
    assert archive.resolution == "1280x720" and archive.max_bitrate == 2_000_000
    assert archive.output_mode is opentok.OutputModes.composed
    assert isinstance(archive.created_at, datetime.datetime) and archive.created_at.tzinfo is not None
    assert archive.has_audio is True and archive.has_video is True

    with pytest.raises(opentok.ArchiveError) as e409:
        client.start_archive(room.session_id)
    err = e409.value
    assert isinstance(err, opentok.ConflictError) and isinstance(err, opentok.RequestError)
    assert (err.status, err.kind) == (409, "conflict")
    assert type(err).__name__ == "ArchiveError"
    # a different multiArchiveTag records the same session twice
    second = client.start_archive(room.session_id, multi_archive_tag="b", output_mode=opentok.OutputModes.individual)
    assert second.output_mode is opentok.OutputModes.individual
    client.stop_archive(second.id)
    client.stop_archive(archive.id)


def test_start_archive_relayed_session_is_409(emulator: object, client: opentok.Client) -> None:
    relayed = Room(emulator, client, media_mode="relayed")  # type: ignore[arg-type]
    with pytest.raises(opentok.ArchiveError) as e:
        client.start_archive(relayed.session_id)
    assert e.value.status == 409


def test_start_archive_rules_are_the_cores_and_nothing_is_sent(room: Room, client: opentok.Client) -> None:
    with pytest.raises(opentok.InvalidArgumentError) as e:
        client.start_archive(room.session_id, output_mode="individual", resolution="1280x720")
    assert e.value.kind == "invalid_argument" and e.value.status is None and "resolution" in str(e.value)
    with pytest.raises(opentok.InvalidArgumentError) as e2:
        client.start_archive(room.session_id, quantization_parameter=50)
    assert e2.value.field == "quantizationParameter" and "50" in str(e2.value)
    with pytest.raises(opentok.InvalidArgumentError) as e3:
        client.start_archive(room.session_id, layout={"type": "nope"})
    assert e3.value.field == "layout.type"
    with pytest.raises(opentok.InvalidArgumentError):
        client.start_archive(room.session_id, output_mode="zip")
    with pytest.raises(opentok.InvalidArgumentError) as e4:
        client.start_archive(room.session_id, transcription_properties={"primaryLanguageCode": "en-US"})
    assert "hasTranscription" in str(e4.value) or "transcription" in str(e4.value)
    assert client.list_archives(session_id=room.session_id).count == 0


def test_stop_get_list_delete(room: Room, client: opentok.Client) -> None:
    archive = client.start_archive(room.session_id, name="a1")
    with pytest.raises(opentok.ArchiveError) as busy:
        client.delete_archive(archive.id)
    assert busy.value.status == 409

    stopped = client.stop_archive(archive.id)
    assert stopped.status == "stopped" and stopped.id == archive.id
    with pytest.raises(opentok.ArchiveError) as again:
        client.stop_archive(archive.id)
    assert (again.value.status, again.value.kind) == (409, "conflict")

    got = client.get_archive(archive.id)
    assert got.status == "available" and got.size is not None and got.size > 0 and got.duration is not None

    listed = client.list_archives(session_id=room.session_id)
    assert isinstance(listed, opentok.ArchiveList)
    assert listed.count == 1 and len(listed) == 1 and [a.id for a in listed] == [archive.id]
    assert listed[0].name == "a1"
    assert client.get_archives(offset=0, count=10, session_id=room.session_id).count == 1
    with pytest.raises(opentok.InvalidArgumentError) as bad_count:
        client.list_archives(count=1001)
    assert bad_count.value.field == "count"

    client.delete_archive(archive.id)
    assert client.get_archive(archive.id).status == "deleted"


def test_unknown_archive_ids_are_404(client: opentok.Client) -> None:
    for call in (client.get_archive, client.stop_archive, client.delete_archive):
        with pytest.raises(opentok.NotFoundError) as e:
            call("00000000-0000-0000-0000-000000000000")
        assert isinstance(e.value, opentok.ArchiveError) and e.value.status == 404
    with pytest.raises(opentok.InvalidArgumentError) as blank:
        client.get_archive("")
    assert blank.value.field == "archiveId"


def test_archive_object_stop_and_delete(room: Room, client: opentok.Client) -> None:
    archive = client.start_archive(room.session_id)
    archive.stop()
    assert archive.status == "stopped"
    archive.delete()
    assert client.get_archive(archive.id).status == "deleted"
    assert '"status": "stopped"' in archive.json() and archive.attrs()["id"] == archive.id


def test_set_archive_layout(room: Room, client: opentok.Client) -> None:
    archive = client.start_archive(room.session_id)
    client.set_archive_layout(archive.id, "bestFit", screenshare_type="pip")
    client.set_archive_layout(archive.id, "custom", stylesheet="stream.instructor {width: 100%;}")
    # a custom layout needs its stylesheet
    assert_layout_refusals(client.set_archive_layout, client.stop_archive, archive.id, "custom", error=opentok.ArchiveError)


def test_add_and_remove_archive_streams(room: Room, client: opentok.Client) -> None:
    stream_id = room.publish(name="cam")
    auto = client.start_archive(room.session_id)
    with pytest.raises(opentok.ArchiveStreamModeError) as e405:
        client.add_archive_stream(auto.id, stream_id)
    assert isinstance(e405.value, opentok.RequestError) and (e405.value.status, e405.value.kind) == (405, "request")
    client.stop_archive(auto.id)

    manual = client.start_archive(room.session_id, stream_mode=opentok.StreamModes.manual)
    assert manual.stream_mode == "manual"
    client.add_archive_stream(manual.id, stream_id, has_video=False)
    streams = client.get_archive(manual.id).streams
    assert streams == [{"streamId": stream_id, "hasAudio": True, "hasVideo": False}]
    with pytest.raises(opentok.ArchiveError) as dup:
        client.add_archive_stream(manual.id, stream_id)
    assert dup.value.status == 409
    with pytest.raises(opentok.NotFoundError):
        client.add_archive_stream(manual.id, "no-such-stream")
    with pytest.raises(opentok.InvalidArgumentError):
        client.add_archive_stream(manual.id, stream_id, has_audio=False, has_video=False)
    client.remove_archive_stream(manual.id, stream_id)
    assert client.get_archive(manual.id).streams == []
    with pytest.raises(opentok.NotFoundError):
        client.remove_archive_stream("00000000-0000-0000-0000-000000000000", stream_id)
