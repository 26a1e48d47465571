"""What apps written for the official ``opentok`` 3.15 do beyond calling the client: build a
``Session`` from a stored id, mint tokens for odd session ids (accepted and refused exactly as
the official SDK does), and read odd-but-plausible response documents (core/tests/tolerance.rs)
through the Python binding without errors."""

from __future__ import annotations

import base64
from typing import Any, Callable, List

import pytest

import opentok_native as opentok

from conftest import API_KEY, API_SECRET, SID, StubServer


def test_session_from_a_stored_id_mints_tokens(official: Callable[..., Any]) -> None:
    client = opentok.Client(API_KEY, API_SECRET)
    s = opentok.Session(client, SID, media_mode=opentok.MediaModes.routed, location="12.34.56.78", tag="x")
    assert (s.session_id, s.sdk, s.media_mode, s.location, s.tag) == (SID, client, opentok.MediaModes.routed, "12.34.56.78", "x")
    assert str(s) == SID and s.getSessionId() == SID
    d = opentok.decode_token(s.generate_token(role=opentok.Roles.moderator, data="name=Ada"))
    assert (d.session_id, d.role, d.connection_data) == (SID, "moderator", "name=Ada")
    t1 = opentok.decode_token(s.generate_token(use_jwt=False))
    assert t1.format == "T1"
    with pytest.raises(AttributeError):
        s.missing  # noqa: B018
    # the official attributes from the same constructor call
    theirs = official(
        "import opentok\n"
        "c = opentok.Client(payload[0], payload[1])\n"
        "s = opentok.Session(c, payload[2], media_mode=opentok.MediaModes.routed, location='12.34.56.78')\n"
        "result = [s.session_id, s.media_mode.value, s.location, s.generate_token().startswith('eyJ')]",
        [API_KEY, API_SECRET, SID],
    )
    assert theirs == [s.session_id, s.media_mode.value, s.location, True]
    # an AsyncClient mints as well (tokens are pure CPU)
    a = opentok.Session(opentok.AsyncClient(API_KEY, API_SECRET), SID)
    assert opentok.decode_token(a.generate_token()).session_id == SID
    assert (a.media_mode, a.archive_mode, a.e2ee, a.location) == (opentok.MediaModes.relayed, opentok.ArchiveModes.manual, False, None)


def test_session_constructor_refusals_and_foreign_clients() -> None:
    client = opentok.Client(API_KEY, API_SECRET)
    for bad in ("", "   ", None):
        with pytest.raises(opentok.OpenTokException):
            opentok.Session(client, bad)  # type: ignore[arg-type]
    with pytest.raises(opentok.OpenTokException):
        opentok.Session(client, SID, media_mode="sideways")

    class Foreign:
        def generate_token(self, session_id: str, **kwargs: Any) -> str:
            return "minted:%s:%s" % (session_id, sorted(kwargs.items()))

    s = opentok.Session(Foreign(), "any-id", media_mode="disabled")
    assert s.media_mode is opentok.MediaModes.routed
    assert s.generate_token(role="moderator", use_jwt=False) == "minted:any-id:[('role', 'moderator'), ('use_jwt', False)]"


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


#: session ids whose payload decodes oddly or not at all (spec section 4.2)
ODD_IDS: List[str] = [
    SID,
    "",
    "1_",
    "1_!!!!",
    "1_" + SID[2:] + "!",
    "1_!" + SID[2:],
    "1_!!!!" + SID[2:],
    "2_" + SID[2:],
    "xx" + SID[2:],
    SID[2:],
    "1_" + _b64("1~654321~~1~r~"),
    "1_" + _b64("a~b~123456~"),
    "1_" + _b64("1~1234567~~"),
    "1_" + _b64("1~123456"),
    "1_" + _b64("123456"),
    "1_" + base64.b64encode("1~123456~~~ü?>~".encode()).decode(),
    "1_" + SID[2:] + "==",
    "1_" + SID[2:] + "=junk",
    "1_" + base64.urlsafe_b64encode(b"\xff\xfe~123456~").decode(),
    "1_" + SID[2:6] + " " + SID[6:],
    "1_MX4xMjM0NTZ-fn5",
]


def test_token_minting_accepts_and_refuses_session_ids_as_the_official_sdk(official: Callable[..., Any]) -> None:
    theirs = official(
        "import opentok\n"
        "c = opentok.Client(payload['key'], payload['secret'])\n"
        "result = []\n"
        "for sid in payload['ids']:\n"
        "    row = []\n"
        "    for jwt in (True, False):\n"
        "        try:\n"
        "            c.generate_token(sid, use_jwt=jwt)\n"
        "            row.append('ok')\n"
        "        except opentok.OpenTokException as e:\n"
        "            row.append('OpenTokException')\n"
        "    result.append(row)\n",
        {"key": API_KEY, "secret": API_SECRET, "ids": ODD_IDS},
    )
    client = opentok.Client(API_KEY, API_SECRET)
    ours = []
    for sid in ODD_IDS:
        row = []
        for jwt in (True, False):
            try:
                client.generate_token(sid, use_jwt=jwt)
                row.append("ok")
            except opentok.OpenTokException:
                row.append("OpenTokException")
        ours.append(row)
    assert dict(zip(ODD_IDS, ours)) == dict(zip(ODD_IDS, theirs))
    assert theirs[0] == ["ok", "ok"] and theirs[1] == ["OpenTokException", "OpenTokException"]


#: (client call, odd-but-plausible document) from core/tests/tolerance.rs
ODD_DOCUMENTS = [
    ("get_archive", ("a1",), b'{"id":"a1","status":42,"name":7,"sessionId":null,"partnerId":true,"createdAt":"17","size":"x",'
     b'"hasAudio":"yes","streams":{"s1":{"streamId":"s1","hasAudio":"true"}},"transcription":[1],'
     b'"transcriptionProperties":"x","url":{"nested":true},"extra":[1,2]}'),
    ("get_archives", (), b'{"count":"3","items":{"x":{"id":"a1"},"y":{"id":"a2","status":"paused"}}}'),
    ("get_broadcast", ("b1",), b'{"id":"b1","broadcastUrls":null,"hasVideo":0,"streams":"none","maxDuration":"7200"}'),
    ("get_render", ("5",), b'{"id":5,"status":["x"],"streamId":123}'),
    ("get_stream", (SID, "st"), b'{"id":"st","layoutClassList":"full","forceMuted":"true","videoType":1}'),
    ("list_streams", (SID,), b'{"count":null,"items":[{"id":"s1","videoType":"screen"},{"id":2}]}'),
    ("list_renders", (), b'{"count":"1","items":[{"id":"r1","status":"started","extra":{}}]}'),
]


@pytest.mark.parametrize("method,args,body", ODD_DOCUMENTS, ids=[m for m, _, _ in ODD_DOCUMENTS])
def test_odd_but_plausible_documents_read(stub: StubServer, method: str, args: Any, body: bytes) -> None:
    stub.reply(200, body)
    client = opentok.Client(API_KEY, API_SECRET, api_url=stub.url)
    result = getattr(client, method)(*args)
    assert result is not None
    items = getattr(result, "items", None)
    if items is not None:
        assert len(items) >= 1
    else:
        assert str(getattr(result, "id")) in {"a1", "b1", "5", "st"}
    # and the request had the official JSON headers, bodiless GET included
    headers = {k.lower(): v for k, v in stub.requests[0]["headers"].items()}
    assert (headers.get("content-type"), headers.get("accept")) == ("application/json", "application/json")


def test_a_missing_identity_is_refused(stub: StubServer) -> None:
    stub.reply(200, b'{"status":"started"}')
    client = opentok.Client(API_KEY, API_SECRET, api_url=stub.url)
    with pytest.raises(opentok.OpenTokException):
        client.get_archive("a1")


def test_low_latency_hls_sends_only_what_was_set(stub: StubServer) -> None:
    import json

    broadcast = {"id": "b1", "sessionId": SID, "status": "started", "broadcastUrls": {"hls": "https://h/1.m3u8"}}
    for outputs, sent in [
        ({"hls": {"lowLatency": True}}, {"lowLatency": True}),
        ({"hls": {}}, {}),
        ({"hls": {"dvr": False}}, {"dvr": False}),
    ]:
        stub.requests.clear()
        stub.reply(200, broadcast)
        opentok.Client(API_KEY, API_SECRET, api_url=stub.url).start_broadcast(SID, {"outputs": outputs})
        assert json.loads(stub.requests[0]["body"])["outputs"] == {"hls": sent}
