"""The binding's edge: one native method per operation, shared by `Client` and `AsyncClient`;
answers are the core's models (its defaults and aliases, not the binding's); Python arguments
that contain themselves or nest too deep are refused with an argument error, never a crash."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any, Dict, List

import pytest

import opentok_native as opentok

from conftest import API_KEY, API_SECRET, SID, Emulator, StubServer


def rest_names(cls: type) -> List[str]:
    return sorted(n for n, _ in inspect.getmembers(cls, callable) if not n.startswith("_"))


def test_client_and_async_client_expose_the_same_rest_names() -> None:
    sync_names, async_names = rest_names(opentok.Client), rest_names(opentok.AsyncClient)
    assert sync_names == async_names
    assert {"start_archive", "list_broadcasts", "send_signal", "dial", "create_session"} <= set(dir(opentok.AsyncClient))
    # each operation is one native method, `_<name>`, on the one native class both share
    for name in ("start_archive", "get_stream", "send_signal", "list_callbacks", "create_session"):
        assert hasattr(opentok._native._Client, "_" + name), name
    assert opentok._native._Client in opentok.Client.__mro__ and opentok._native._Client in opentok.AsyncClient.__mro__


def test_a_placeholder_session_id_reaches_the_service(emulator: Emulator) -> None:
    client = opentok.Client(API_KEY, API_SECRET, emulator.url)
    with pytest.raises(opentok.ArchiveError) as e:
        client.start_archive("SESSIONID")
    assert isinstance(e.value, opentok.NotFoundError) and e.value.status == 404 and e.value.kind == "not_found"
    with pytest.raises(opentok.SignalingError) as s:
        client.send_signal("SESSIONID", {"type": "t", "data": "d"})
    assert isinstance(s.value, opentok.NotFoundError) and s.value.status == 404
    aclient = opentok.AsyncClient(API_KEY, API_SECRET, emulator.url)

    async def main() -> None:
        with pytest.raises(opentok.GetStreamError) as a:
            await aclient.list_streams("SESSIONID")
        assert a.value.status == 404

    asyncio.run(main())


def test_model_values_are_the_cores(stub: StubServer) -> None:
    client = opentok.Client(API_KEY, API_SECRET, stub.url, max_retries=0)
    # the service omits hasAudio/hasVideo and sends only projectId: the core settles both
    stub.reply(200, {"id": "a1", "status": "started", "sessionId": SID, "projectId": API_KEY, "createdAt": 1})
    archive = client.get_archive("a1")
    assert archive.has_audio is True and archive.has_video is True
    assert archive.partner_id == archive.project_id == API_KEY
    stub.reply(200, {"id": "b1", "status": "started", "sessionId": SID, "partnerId": API_KEY})
    broadcast = client.get_broadcast("b1")
    assert broadcast.projectId == API_KEY and broadcast.hasAudio is True and broadcast.hasVideo is True
    stub.reply(200, {"id": "r1", "sessionId": SID, "applicationId": API_KEY, "status": "started"})
    assert client.get_render("r1").projectId == API_KEY
    # a page without count counts its items
    stub.reply(200, {"items": [{"id": "a1", "status": "available", "sessionId": SID}]})
    page = client.list_archives()
    assert page.count == 1 and len(page) == 1 and page[0].has_audio is True


def test_exception_class_is_picked_by_kind() -> None:
    pick = opentok.exceptions._error_class
    assert pick("not_found", None, 404) is opentok.NotFoundError
    assert pick("timeout", "start_archive", None) is opentok.RequestTimeoutError
    conflict = pick("conflict", "start_archive", 409)
    assert issubclass(conflict, opentok.ArchiveError) and issubclass(conflict, opentok.ConflictError)
    assert issubclass(pick("conflict", "start_captions", 409), opentok.CaptioningAlreadyInProgressError)
    assert issubclass(pick("request", "add_archive_stream", 405), opentok.ArchiveStreamModeError)
    assert issubclass(pick("invalid_argument", "start_broadcast", None, "outputs.hls.dvr"), opentok.BroadcastHLSOptionsError)
    assert pick("authentication", "start_archive", 401) is opentok.AuthError


def test_cyclic_and_deep_arguments_are_refused_not_crashing(stub: StubServer) -> None:
    client = opentok.Client(API_KEY, API_SECRET, stub.url, max_retries=0)
    d: Dict[str, Any] = {}
    d["x"] = d
    with pytest.raises(opentok.InvalidArgumentError) as cyc:
        client.start_archive(SID, layout=d)
    assert cyc.value.field == "layout.x" and "must not contain itself" in str(cyc.value)
    loop: List[Any] = []
    loop.append(loop)
    with pytest.raises(opentok.InvalidArgumentError) as cyc_list:
        client.send_signal(SID, {"type": "t", "data": loop})
    assert cyc_list.value.field == "data[0]"
    deep: Any = "leaf"
    for _ in range(5000):
        deep = {"d": deep}
    with pytest.raises(opentok.InvalidArgumentError) as too_deep:
        client.send_signal(SID, {"type": "t", "data": deep})
    assert "deeper than 64" in str(too_deep.value) and too_deep.value.field is not None
    assert too_deep.value.field.startswith("data.d.d.")
    nested: Any = []
    for _ in range(5000):
        nested = [nested]
    aclient = opentok.AsyncClient(API_KEY, API_SECRET, stub.url)

    async def main() -> None:
        with pytest.raises(opentok.InvalidArgumentError):
            await aclient.start_broadcast(SID, {"outputs": {"rtmp": nested}})

    asyncio.run(main())
    # 64 levels are fine: the limit is about runaway values, not real options
    ok: Any = "x"
    for _ in range(60):
        ok = [ok]
    assert stub.requests == []
    stub.reply(204, b"")
    try:
        client.send_signal(SID, {"type": "t", "data": ok})
    except opentok.InvalidArgumentError as e:  # the core's own signal rules may refuse it
        assert "deeper" not in str(e)
