"""The REST operations of `AsyncClient` (coroutine twins of `Client`'s) against the real
emulator, with their errors; plus the binding's argument handling (nothing sent on bad input)."""

from __future__ import annotations

import asyncio
import enum
import inspect
from typing import Any, Callable, Coroutine, TypeVar

import pytest

import opentok_native as opentok

from conftest import API_KEY, API_SECRET, Emulator, Room, Spinner, StubServer

T = TypeVar("T")


def run(coro: Callable[[], Coroutine[Any, Any, T]]) -> T:
    return asyncio.run(coro())


@pytest.fixture
def aclient(emulator: Emulator) -> opentok.AsyncClient:
    return opentok.AsyncClient(API_KEY, API_SECRET, emulator.url)


def test_async_client_has_every_sync_rest_method_as_a_coroutine() -> None:
    names = [n for n, f in inspect.getmembers(opentok.Client, inspect.isfunction) if not n.startswith("_")]
    assert len(names) >= 40
    for name in names:
        assert inspect.iscoroutinefunction(getattr(opentok.AsyncClient, name)), name
        assert inspect.signature(getattr(opentok.AsyncClient, name)) == inspect.signature(getattr(opentok.Client, name))


def test_async_archive_lifecycle(room: Room, aclient: opentok.AsyncClient) -> None:
    async def main() -> None:
        archive = await aclient.start_archive(room.session_id, name="async")
        assert archive.status == "started"
        with pytest.raises(opentok.ArchiveError) as e:
            await aclient.start_archive(room.session_id)
        assert isinstance(e.value, opentok.ConflictError) and e.value.status == 409
        await archive.stop()  # the result object's method awaits through the async client
        assert archive.status == "stopped"
        got, listed = await asyncio.gather(
            aclient.get_archive(archive.id), aclient.list_archives(session_id=room.session_id)
        )
        assert got.status == "available" and listed.count == 1
        await aclient.delete_archive(archive.id)
        with pytest.raises(opentok.NotFoundError):
            await aclient.get_archive("00000000-0000-0000-0000-000000000000")

    run(main)


def test_async_broadcast_signal_streams_moderation(room: Room, aclient: opentok.AsyncClient) -> None:
    async def main() -> None:
        stream_id = room.publish(name="cam")
        b = await aclient.start_broadcast(room.session_id, {"outputs": {"hls": {}}})
        assert (await aclient.get_broadcast(b.id)).status == "started"
        assert (await aclient.stop_broadcast(b.id)).status == "stopped"
        await aclient.send_signal(room.session_id, {"type": "t", "data": "async"})
        with pytest.raises(opentok.SignalingError) as big:
            await aclient.send_signal(room.session_id, {"data": "x" * 9000})
        assert big.value.status == 413
        assert (await aclient.get_stream(room.session_id, stream_id)).name == "cam"
        assert (await aclient.list_streams(room.session_id)).count == 1
        await aclient.mute_stream(room.session_id, stream_id)
        await aclient.mute_all(room.session_id, [])
        await aclient.disable_force_mute(room.session_id)
        assert (await aclient.list_connections(room.session_id)).count == 1
        other = room.connect()
        await aclient.force_disconnect(room.session_id, other)
        with pytest.raises(opentok.ForceDisconnectError):
            await aclient.force_disconnect(room.session_id, other)

    run(main)


def test_async_sip_captions_renders_audio(room: Room, aclient: opentok.AsyncClient) -> None:
    async def main() -> None:
        call = await aclient.dial(room.session_id, room.token, "sip:a@example.com")
        assert call.connectionId
        await aclient.play_dtmf(room.session_id, None, "42")
        captions = await aclient.start_captions(room.session_id, room.token)
        with pytest.raises(opentok.CaptioningAlreadyInProgressError):
            await aclient.start_captions(room.session_id, room.token)
        await aclient.stop_captions(captions.captions_id)
        render = await aclient.start_render(room.session_id, room.token, "https://example.com/page")
        assert (await aclient.get_render(render.id)).status == "started"
        await aclient.stop_render(render.id)
        conn = await aclient.connect_audio_to_websocket(room.session_id, room.token, {"uri": "ws://example.com/a"})
        await aclient.stop_audio_connector(conn.id)
        cb = await aclient.register_callback("connection", "connectionCreated", "https://example.com/cb")
        await aclient.unregister_callback(cb.id)

    run(main)


def test_async_argument_errors_raise_when_awaited_nothing_sent(stub: StubServer) -> None:
    aclient = opentok.AsyncClient(API_KEY, API_SECRET, stub.url)

    async def main() -> None:
        with pytest.raises(opentok.InvalidArgumentError) as e:
            await aclient.start_archive("not a session id")
        assert e.value.field == "sessionId"

    run(main)
    assert stub.requests == []


class Color(enum.Enum):
    red = "composed"


def test_arguments_become_json_for_the_core(stub: StubServer) -> None:
    """Python values reach the core as JSON: enum members as their value, tuples as lists;
    unconvertible values are argument errors naming where they were; only set options are sent."""
    client = opentok.Client(API_KEY, API_SECRET, stub.url, max_retries=0)
    sid = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4"
    stub.reply(200, {"id": "a1", "status": "started", "sessionId": sid, "createdAt": 1700000000123})
    layout = {"type": "bestFit", "screenshareType": "pip"}
    archive = client.start_archive(sid, output_mode=Color.red, layout=layout)  # type: ignore[arg-type]
    assert archive.id == "a1" and archive.created_at is not None and archive.created_at.year == 2023
    import json

    body = json.loads(stub.requests[0]["body"])
    assert stub.requests[0]["path"] == "/v2/project/123456/archive"
    assert body == {
        "sessionId": sid, "hasAudio": True, "hasVideo": True, "outputMode": "composed", "streamMode": "auto",
        "layout": {"type": "bestFit", "screenshareType": "pip"},
    }
    with pytest.raises(opentok.InvalidArgumentError) as e:
        client.start_broadcast(sid, {"outputs": {"hls": {"dvr": object()}}})
    assert "outputs.hls.dvr" in str(e.value)
    with pytest.raises(opentok.InvalidArgumentError):
        client.send_signal(sid, {"type": "t", "data": float("nan")})
    stub.reply(204, b"")
    client.mute_all(sid, ("s1", "s2"))
    assert json.loads(stub.requests[-1]["body"]) == {"active": True, "excludedStreamIds": ["s1", "s2"]}
    assert len(stub.requests) == 2


def test_server_errors_keep_status_code_and_message(stub: StubServer) -> None:
    client = opentok.Client(API_KEY, API_SECRET, stub.url, max_retries=0)
    stub.reply(400, {"code": 15001, "message": "invalid layout"})
    with pytest.raises(opentok.ArchiveError) as e:
        client.set_archive_layout("a1", "pip")
    err = e.value
    assert stub.requests[-1]["method"] == "PUT" and stub.requests[-1]["path"] == "/v2/project/123456/archive/a1/layout"
    assert isinstance(err, opentok.RequestError)
    assert (err.status, err.code, err.kind, err.api_message) == (400, "15001", "request", "invalid layout")
    stub.reply(500, {"message": "boom"})
    with pytest.raises(opentok.ServerError) as e5:
        client.stop_broadcast("b1")
    assert not isinstance(e5.value, opentok.BroadcastError) and e5.value.status == 500
    stub.reply(403, {"message": "nope"})
    with pytest.raises(opentok.AuthError) as e403:
        client.send_signal("1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4", {"data": "x"})
    assert not isinstance(e403.value, opentok.SignalingError)


def test_sync_rest_call_releases_the_gil_and_times_out(silent: Any) -> None:
    import time

    client = opentok.Client(API_KEY, API_SECRET, api_url=silent.url, timeout=0.5, max_retries=0)
    with Spinner() as spinner:
        start = time.monotonic()
        with pytest.raises(opentok.RequestTimeoutError) as e:
            client.get_archive("a1")
    assert 0.4 <= time.monotonic() - start <= 2.0
    # a timeout is not a refusal by the service: no ArchiveError
    assert not isinstance(e.value, opentok.ArchiveError) and e.value.kind == "timeout"
    assert spinner.ticks > 100, spinner.ticks


def test_operation_errors_pickle_and_keep_their_classes(room: Room, client: opentok.Client) -> None:
    import pickle

    client.start_archive(room.session_id)
    with pytest.raises(opentok.ArchiveError) as e:
        client.start_archive(room.session_id)
    back = pickle.loads(pickle.dumps(e.value))
    assert type(back) is type(e.value)
    assert isinstance(back, opentok.ArchiveError) and isinstance(back, opentok.ConflictError)
    assert (back.status, back.kind, str(back)) == (409, "conflict", str(e.value))


def test_concurrent_async_start_archive_one_wins(room: Room, aclient: opentok.AsyncClient) -> None:
    async def main() -> list:
        return await asyncio.gather(*(aclient.start_archive(room.session_id) for _ in range(20)), return_exceptions=True)

    results = run(main)
    started = [r for r in results if isinstance(r, opentok.Archive)]
    refused = [r for r in results if isinstance(r, opentok.ArchiveError)]
    assert len(started) == 1 and len(refused) == 19
    assert all(isinstance(r, opentok.ConflictError) and r.status == 409 for r in refused)
