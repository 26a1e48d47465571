"""Streams, moderation, signals and connections against the real emulator: every operation and
an error case each."""

from __future__ import annotations

import warnings
from typing import Any, Dict, List

import pytest

import opentok_native as opentok

from conftest import Room

UNKNOWN_SID = "1_MX4xMjM0NTZ-fjE3MDAwMDAwMDAwMDB-bm9zdWNoc2Vzc2lvbn5-"


def streams_state(room: Room) -> Dict[str, Any]:
    body: Dict[str, Any] = room.emu("/streams")
    return body


def test_get_and_list_streams(room: Room, client: opentok.Client) -> None:
    cam = room.publish(name="cam", layoutClassList=["full"])
    screen = room.publish(name="share", videoType="screen")
    s = client.get_stream(room.session_id, cam)
    assert isinstance(s, opentok.Stream)
    assert (s.id, s.name, s.videoType, s.layoutClassList) == (cam, "cam", "camera", ["full"])
    listed = client.list_streams(room.session_id)
    assert isinstance(listed, opentok.StreamList)
    assert listed.count == 2 and {x.id for x in listed} == {cam, screen} and len(listed) == 2
    with pytest.raises(opentok.GetStreamError) as e:
        client.get_stream(room.session_id, "no-such-stream")
    assert isinstance(e.value, opentok.NotFoundError) and (e.value.status, e.value.kind) == (404, "not_found")


def test_list_streams_of_an_unknown_session_is_404(client: opentok.Client) -> None:
    with pytest.raises(opentok.GetStreamError) as e:
        client.list_streams(UNKNOWN_SID)
    assert e.value.status == 404


def test_session_ids_are_the_services_business(client: opentok.Client) -> None:
    """The core sends any non-blank session id (another project's, a placeholder) and the
    service's answer reaches the caller as the official class with its status."""
    for sid in ("1_MX45OTk5OTl-fjE3MDAwMDAwMDAwMDB-eHh4fn4", "SESSIONID"):
        with pytest.raises(opentok.GetStreamError) as e:
            client.list_streams(sid)
        assert isinstance(e.value, opentok.NotFoundError) and e.value.status == 404 and e.value.kind == "not_found"
    for blank in ("", " ", "a\nb"):
        with pytest.raises(opentok.InvalidArgumentError) as bad:
            client.list_streams(blank)
        assert bad.value.field == "sessionId" and bad.value.status is None


def test_set_stream_class_lists(room: Room, client: opentok.Client) -> None:
    a, b = room.publish(), room.publish()
    payload: List[Dict[str, Any]] = [{"id": a, "layoutClassList": ["focus"]}, {"id": b, "layoutClassList": []}]
    client.set_stream_class_lists(room.session_id, payload)
    assert client.get_stream(room.session_id, a).layoutClassList == ["focus"]
    assert client.get_stream(room.session_id, b).layoutClassList == []
    with pytest.raises(opentok.SetStreamClassError) as e:
        client.set_stream_class_lists(room.session_id, [{"id": "no-such-stream", "layoutClassList": ["x"]}])
    assert e.value.status == 404
    # all or nothing: a's classes did not change
    assert client.get_stream(room.session_id, a).layoutClassList == ["focus"]
    with pytest.raises(opentok.InvalidArgumentError):
        client.set_stream_class_lists(room.session_id, [])
    with pytest.raises(opentok.InvalidArgumentError) as shape:
        client.set_stream_class_lists(room.session_id, [{"id": a, "classes": ["x"]}])
    assert shape.value.field == "payload.classes"


def test_force_disconnect(room: Room, client: opentok.Client) -> None:
    other = room.connect(role="publisher")
    room.publish(connection_id=other)
    client.force_disconnect(room.session_id, other)
    assert [c.connection_id for c in client.list_connections(room.session_id)] == [room.connection_id]
    assert client.list_streams(room.session_id).count == 0
    with pytest.raises(opentok.ForceDisconnectError) as e:
        client.force_disconnect(room.session_id, other)
    assert isinstance(e.value, opentok.NotFoundError) and e.value.status == 404


def test_mute_stream_mute_all_and_disable(room: Room, client: opentok.Client) -> None:
    a, b = room.publish(), room.publish()
    client.mute_stream(room.session_id, a)
    muted = {s["id"]: s["forceMuted"] for s in streams_state(room)["items"]}
    assert muted == {a: True, b: False}
    with pytest.raises(opentok.GetStreamError) as e:
        client.mute_stream(room.session_id, "no-such-stream")
    assert isinstance(e.value, opentok.NotFoundError) and e.value.status == 404

    c = room.publish()
    client.mute_all(room.session_id, [c])
    state = streams_state(room)
    assert {s["id"]: s["forceMuted"] for s in state["items"]} == {a: True, b: True, c: False}
    later = room.publish()
    assert {s["id"]: s["forceMuted"] for s in streams_state(room)["items"]}[later] is True

    client.disable_force_mute(room.session_id)
    after = room.publish()
    assert {s["id"]: s["forceMuted"] for s in streams_state(room)["items"]}[after] is False
    with pytest.raises(opentok.GetStreamError) as gone:
        client.mute_all(UNKNOWN_SID)
    assert gone.value.status == 404
    with pytest.raises(opentok.GetStreamError):
        client.disable_force_mute(UNKNOWN_SID)


def test_send_signal_to_session_and_connection(room: Room, client: opentok.Client) -> None:
    other = room.connect()
    client.send_signal(room.session_id, {"type": "chat", "data": "to all"})
    client.send_signal(room.session_id, {"type": "chat", "data": "to one"}, other)
    first = room.emu(f"/connections/{room.connection_id}/signals")
    second = room.emu(f"/connections/{other}/signals")
    items = lambda body: body["items"] if isinstance(body, dict) else body  # noqa: E731
    assert [(s["type"], s["data"]) for s in items(first)] == [("chat", "to all")]
    assert [(s["type"], s["data"]) for s in items(second)] == [("chat", "to all"), ("chat", "to one")]

    with pytest.raises(opentok.SignalingError) as big:
        client.send_signal(room.session_id, {"type": "chat", "data": "x" * 8193})
    err = big.value
    assert isinstance(err, opentok.PayloadTooLargeError) and (err.status, err.kind) == (413, "payload_too_large")
    with pytest.raises(opentok.SignalingError) as nobody:
        client.send_signal(room.session_id, {"data": "x"}, "no-such-connection")
    assert nobody.value.status == 404
    with pytest.raises(opentok.InvalidArgumentError) as bad_type:
        client.send_signal(room.session_id, {"type": "no spaces", "data": "x"})
    assert bad_type.value.field == "type"


def test_deprecated_signal_warns_and_sends(room: Room, client: opentok.Client) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        client.signal(room.session_id, {"type": "t", "data": "d"})
    assert any(issubclass(w.category, DeprecationWarning) for w in caught)
    body = room.emu(f"/connections/{room.connection_id}/signals")
    items = body["items"] if isinstance(body, dict) else body
    assert [s["data"] for s in items] == ["d"]


def test_list_connections(room: Room, client: opentok.Client) -> None:
    other = room.connect()
    listed = client.list_connections(room.session_id)
    assert isinstance(listed, opentok.ConnectionList)
    assert listed.count == 2 and listed.session_id == room.session_id and listed.project_id == "123456"
    assert [c.connection_id for c in listed] == [room.connection_id, other]
    assert all(c.connection_state == "Connected" and c.created_at for c in listed)
    with pytest.raises(opentok.NotFoundError) as e:
        client.list_connections(UNKNOWN_SID)
    assert e.value.status == 404
