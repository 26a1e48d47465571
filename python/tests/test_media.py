"""SIP dial and DTMF, live captions, Experience Composer renders, the Audio Connector and callback
registrations against the real emulator: every operation and an error case each."""

from __future__ import annotations

from typing import Any, List

import pytest

import opentok_native as opentok

from conftest import Room

UNKNOWN = "00000000-0000-0000-0000-000000000000"


def items(body: Any) -> List[Any]:
    return list(body["items"] if isinstance(body, dict) else body)


def test_dial_adds_a_connection_with_an_audio_stream(room: Room, client: opentok.Client) -> None:
    call = client.dial(
        room.session_id,
        room.token,
        "sip:user@sip.partner.com;transport=tls",
        {"from": "from@example.com", "headers": {"X-Call": "1"}, "auth": {"username": "u", "password": "p"},
         "secure": True, "observeForceMute": True},
    )
    assert isinstance(call, opentok.SipCall)
    assert call.id and call.connectionId and call.streamId
    assert call.connectionId in [c.connection_id for c in client.list_connections(room.session_id)]
    assert client.get_stream(room.session_id, call.streamId).id == call.streamId


def test_dial_errors(room: Room, client: opentok.Client) -> None:
    relayed = Room(room.emulator, client, media_mode="relayed", connect=False)
    with pytest.raises(opentok.SipDialError) as e409:
        client.dial(relayed.session_id, relayed.token, "sip:a@b.c")
    assert isinstance(e409.value, opentok.ConflictError) and e409.value.status == 409
    with pytest.raises(opentok.SipDialError) as header:
        client.dial(room.session_id, room.token, "sip:a@b.c", {"headers": {"Call": "1"}})
    assert (header.value.status, header.value.kind) == (400, "request")
    with pytest.raises(opentok.InvalidArgumentError) as uri:
        client.dial(room.session_id, room.token, "tel:+15551234")
    assert "sip" in str(uri.value)
    with pytest.raises(opentok.InvalidArgumentError) as unknown:
        client.dial(room.session_id, room.token, "sip:a@b.c", {"fromm": "x"})
    assert unknown.value.field == "sip.fromm"
    # the password never shows in errors
    with pytest.raises(opentok.InvalidArgumentError) as auth:
        client.dial(room.session_id, room.token, "sip:a@b.c", {"auth": {"username": "", "password": "hunter22"}})
    assert "hunter22" not in str(auth.value)


def test_play_dtmf_to_session_and_connection(room: Room, client: opentok.Client) -> None:
    client.play_dtmf(room.session_id, None, "1234#")
    client.play_dtmf(room.session_id, room.connection_id, "p*9")
    played = items(room.emu("/dtmf"))
    assert [d["digits"] for d in played] == ["1234#", "p*9"]
    with pytest.raises(opentok.InvalidArgumentError) as bad:
        client.play_dtmf(room.session_id, None, "12a")
    assert bad.value.field == "digits"
    with pytest.raises(opentok.DTMFError) as missing:
        client.play_dtmf(room.session_id, "no-such-connection", "1")
    assert isinstance(missing.value, opentok.NotFoundError) and missing.value.status == 404


def test_captions_start_get_stop(room: Room, client: opentok.Client) -> None:
    captions = client.start_captions(room.session_id, room.token, max_duration=1800, partial_captions=False)
    assert isinstance(captions, opentok.Captions) and captions.captions_id
    status = client.get_captions(captions.captions_id)
    assert (status.status, status.session_id, status.language_code) == ("started", room.session_id, "en-US")
    with pytest.raises(opentok.CaptioningAlreadyInProgressError) as e409:
        client.start_captions(room.session_id, room.token)
    assert isinstance(e409.value, opentok.ConflictError) and e409.value.status == 409
    client.stop_captions(captions.captions_id)
    assert client.get_captions(captions.captions_id).status == "stopped"
    with pytest.raises(opentok.NotFoundError) as gone:
        client.stop_captions(UNKNOWN)
    assert gone.value.status == 404


def test_captions_need_a_moderator_token_and_valid_options(room: Room, client: opentok.Client) -> None:
    publisher = client.generate_token(room.session_id, role=opentok.Roles.publisher)
    with pytest.raises(opentok.AuthError) as e403:
        client.start_captions(room.session_id, publisher)
    assert e403.value.status == 403
    with pytest.raises(opentok.InvalidArgumentError) as lang:
        client.start_captions(room.session_id, room.token, language_code="english")
    assert lang.value.field == "languageCode"
    with pytest.raises(opentok.InvalidArgumentError) as dur:
        client.start_captions(room.session_id, room.token, max_duration=10)
    assert dur.value.field == "maxDuration"


def test_renders_start_get_list_stop(room: Room, client: opentok.Client) -> None:
    render = client.start_render(
        room.session_id, room.token, "https://example.com/composer", max_duration=600, resolution="640x480",
        properties={"name": "composed"},
    )
    assert isinstance(render, opentok.Render)
    assert (render.status, render.sessionId, render.resolution) == ("starting", room.session_id, "640x480")
    got = client.get_render(render.id)
    assert got.status == "started" and got.streamId
    listed = client.list_renders()
    assert isinstance(listed, opentok.RenderList) and render.id in [r.id for r in listed.items]
    assert client.list_renders(offset=0, count=1).items[0].id
    client.stop_render(render.id)
    assert client.get_render(render.id).status == "stopped"
    with pytest.raises(opentok.NotFoundError) as e:
        client.get_render(UNKNOWN)
    assert e.value.status == 404
    with pytest.raises(opentok.NotFoundError):
        client.stop_render(UNKNOWN)
    with pytest.raises(opentok.InvalidArgumentError) as url:
        client.start_render(room.session_id, room.token, "ftp://example.com/x")
    assert url.value.field == "url"
    with pytest.raises(opentok.InvalidArgumentError) as count:
        client.list_renders(count=0)
    assert count.value.field == "count"


def test_connect_audio_to_websocket_and_stop(room: Room, client: opentok.Client) -> None:
    stream = room.publish()
    conn = client.connect_audio_to_websocket(
        room.session_id,
        room.token,
        {
            "uri": "wss://example.com/ws",
            "streams": [stream],
            "headers": {"app": "x"},
            "audioRate": 16000,
            "bidirectional": True,
            "audio_transport": {"transport": "json", "encoding": "base64", "audio_field": "audio"},
        },
    )
    assert isinstance(conn, opentok.WebSocketAudioConnection) and conn.id and conn.connectionId
    status, asked = room.emulator.request("GET", f"/emulator/v1/audio-connectors/{conn.id}")
    assert status == 200, asked
    assert asked["uri"] == "wss://example.com/ws" and asked["audioRate"] == 16000
    # sent as a JSON object (the official SDK sends a JSON-encoded string)
    assert asked["audioTransport"] == {"transport": "json", "encoding": "base64", "audio_field": "audio"}
    assert conn.connectionId in [c.connection_id for c in client.list_connections(room.session_id)]
    client.stop_audio_connector(conn.id)
    assert conn.connectionId not in [c.connection_id for c in client.list_connections(room.session_id)]
    with pytest.raises(opentok.NotFoundError):
        client.stop_audio_connector(UNKNOWN)


def test_connect_audio_errors(room: Room, client: opentok.Client) -> None:
    relayed = Room(room.emulator, client, media_mode="relayed", connect=False)
    with pytest.raises(opentok.InvalidMediaModeError) as e409:
        client.connect_audio_to_websocket(relayed.session_id, relayed.token, {"uri": "wss://example.com/ws"})
    assert isinstance(e409.value, opentok.ConflictError) and e409.value.status == 409
    with pytest.raises(opentok.InvalidWebSocketOptionsError) as uri:
        client.connect_audio_to_websocket(room.session_id, room.token, {"uri": "https://example.com/ws"})
    assert isinstance(uri.value, opentok.InvalidArgumentError) and uri.value.field == "websocket.uri"
    with pytest.raises(opentok.InvalidWebSocketOptionsError) as rate:
        client.connect_audio_to_websocket(room.session_id, room.token, {"uri": "wss://e.com/ws", "audioRate": 44100})
    assert "audioRate" in str(rate.value)


def test_callbacks_register_list_unregister(client: opentok.Client) -> None:
    cb = client.register_callback("archive", "status", "https://example.com/archive-events")
    assert isinstance(cb, opentok.Callback)
    assert (cb.group, cb.event, cb.url) == ("archive", "status", "https://example.com/archive-events") and cb.id
    assert cb.id in [c.id for c in client.list_callbacks()]
    client.unregister_callback(cb.id)
    assert cb.id not in [c.id for c in client.list_callbacks()]
    with pytest.raises(opentok.NotFoundError) as e:
        client.unregister_callback(cb.id)
    assert e.value.status == 404
    with pytest.raises(opentok.InvalidArgumentError) as bad:
        client.register_callback("archive", "streamCreated", "https://example.com/x")
    assert bad.value.field == "event"


def test_more_error_cases(room: Room, client: opentok.Client) -> None:
    with pytest.raises(opentok.NotFoundError) as captions:
        client.get_captions(UNKNOWN)
    assert captions.value.status == 404
    with pytest.raises(opentok.InvalidArgumentError) as listing:
        client.list_broadcasts(count=1001)
    assert listing.value.field == "count"
    with pytest.raises(opentok.InvalidArgumentError):
        client.get_archives(session_id="not a session id")
    wrong = opentok.Client("123456", "0" * 40, room.emulator.url)
    with pytest.raises(opentok.AuthError) as auth:
        wrong.list_callbacks()
    assert auth.value.status in (401, 403) and auth.value.kind == "authentication"
