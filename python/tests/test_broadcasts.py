"""Broadcasts against the real emulator: every operation, its result, an error case each."""

from __future__ import annotations

import pytest

import opentok_native as opentok

from conftest import Room, assert_layout_refusals

HLS = {"outputs": {"hls": {"lowLatency": True}}, "maxDuration": 3600, "resolution": "1280x720"}
RTMP = {
    "outputs": {
        "rtmp": [
            {"id": "foo", "serverUrl": "rtmp://myfooserver/myfooapp", "streamName": "myfoostream"},
            {"id": "bar", "serverUrl": "rtmps://mybarserver/mybarapp", "streamName": "mybarstream"},
        ]
    }
}


def test_start_stop_get_list(room: Room, client: opentok.Client) -> None:
    b = client.start_broadcast(room.session_id, HLS)
    assert isinstance(b, opentok.Broadcast)
    assert (b.status, b.sessionId, b.resolution, b.maxDuration) == ("started", room.session_id, "1280x720", 3600)
    assert b.broadcastUrls is not None and b.broadcastUrls["hls"].endswith(".m3u8")
    assert b.stream_mode == "auto"

    with pytest.raises(opentok.BroadcastError) as e409:
        client.start_broadcast(room.session_id, HLS)
    assert isinstance(e409.value, opentok.ConflictError) and e409.value.status == 409

    tagged = client.start_broadcast(room.session_id, {**RTMP, "multiBroadcastTag": "second"})
    assert tagged.broadcastUrls is not None
    assert [r["id"] for r in tagged.broadcastUrls["rtmp"]] == ["foo", "bar"]

    got = client.get_broadcast(b.id)
    assert got.id == b.id and got.status == "started"
    listed = client.list_broadcasts(session_id=room.session_id)
    assert isinstance(listed, opentok.BroadcastList)
    assert listed.count == 2 and {x.id for x in listed} == {b.id, tagged.id}

    stopped = client.stop_broadcast(b.id)
    assert stopped.status == "stopped"
    with pytest.raises(opentok.BroadcastError) as again:
        client.stop_broadcast(b.id)
    assert again.value.status == 409
    client.stop_broadcast(tagged.id)


def test_start_broadcast_needs_clients_and_valid_outputs(room: Room, client: opentok.Client) -> None:
    empty = Room(room.emulator, client, connect=False)
    with pytest.raises(opentok.BroadcastError) as e404:
        client.start_broadcast(empty.session_id, HLS)
    assert isinstance(e404.value, opentok.NotFoundError) and e404.value.status == 404
    # client-side rules (the core's), raised as the official option classes; nothing is sent
    with pytest.raises(opentok.BroadcastHLSOptionsError) as hls:
        client.start_broadcast(room.session_id, {"outputs": {"hls": {"dvr": True, "lowLatency": True}}})
    assert isinstance(hls.value, opentok.InvalidArgumentError) and hls.value.kind == "invalid_argument"
    with pytest.raises(opentok.BroadcastOptionsError) as bitrate:
        client.start_broadcast(room.session_id, {"outputs": {"hls": {}}, "maxBitrate": 5})
    assert bitrate.value.field == "maxBitrate"
    with pytest.raises(opentok.BroadcastOptionsError) as rtmp:
        client.start_broadcast(room.session_id, {"outputs": {"rtmp": [{"serverUrl": "http://x", "streamName": "s"}]}})
    assert "serverUrl" in str(rtmp.value)
    with pytest.raises(opentok.InvalidArgumentError):
        client.start_broadcast(room.session_id, {"outputs": {}})
    assert client.list_broadcasts(session_id=room.session_id).count == 0


def test_unknown_broadcast_is_404(client: opentok.Client) -> None:
    with pytest.raises(opentok.BroadcastError) as e:
        client.get_broadcast("00000000-0000-0000-0000-000000000000")
    assert isinstance(e.value, opentok.NotFoundError) and e.value.status == 404


def test_set_broadcast_layout(room: Room, client: opentok.Client) -> None:
    b = client.start_broadcast(room.session_id, HLS)
    client.set_broadcast_layout(b.id, "verticalPresentation")
    # a stylesheet goes only with the custom layout
    assert_layout_refusals(
        client.set_broadcast_layout, client.stop_broadcast, b.id, "pip", stylesheet="a {}", error=opentok.BroadcastError
    )


def test_add_and_remove_broadcast_streams(room: Room, client: opentok.Client) -> None:
    stream_id = room.publish()
    auto = client.start_broadcast(room.session_id, HLS)
    with pytest.raises(opentok.BroadcastStreamModeError) as e405:
        client.add_broadcast_stream(auto.id, stream_id)
    assert e405.value.status == 405
    client.stop_broadcast(auto.id)

    manual = client.start_broadcast(room.session_id, HLS, stream_mode=opentok.BroadcastStreamModes.manual)
    assert manual.stream_mode == "manual"
    client.add_broadcast_stream(manual.id, stream_id, has_audio=False)
    assert client.get_broadcast(manual.id).streams == [{"streamId": stream_id, "hasAudio": False, "hasVideo": True}]
    client.remove_broadcast_stream(manual.id, stream_id)
    assert client.get_broadcast(manual.id).streams == []
    with pytest.raises(opentok.BroadcastError) as missing:
        client.remove_broadcast_stream(manual.id, "no-such-stream")
    assert missing.value.status == 404
