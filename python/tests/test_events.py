"""Webhook events: the shared documents of ``tests/events/`` parsed by ``opentok_native.events``
show what ``expected.json`` lists (the core and every binding check the same values), plus the
Python shapes: frozen dataclasses, ``str``/``bytes`` bodies, typed errors for what is not JSON."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any, Dict, List

import pytest

import opentok_native
from opentok_native import events

DOCS = Path(__file__).resolve().parents[2] / "tests" / "events"
EXPECTED: Dict[str, Any] = json.loads((DOCS / "expected.json").read_text())


def at(event: Any, path: str) -> Any:
    value = event
    for name in path.split("."):
        value = getattr(value, name)
    return value


@pytest.mark.parametrize("name", sorted(EXPECTED["events"]))
def test_each_document_shows_the_expected_values(name: str) -> None:
    want = EXPECTED["events"][name]
    event = events.parse((DOCS / name).read_text())
    assert event.type == want["type"]
    assert event.session_id == want["session_id"]
    assert getattr(event, "status", None) == want["status"]
    for path, value in want["fields"].items():
        assert at(event, path) == value, path


@pytest.mark.parametrize("name", EXPECTED["unknown"])
def test_unknown_documents_come_back_whole(name: str) -> None:
    body = (DOCS / name).read_text()
    event = events.parse(body)
    assert isinstance(event, events.Unknown)
    assert json.loads(event.raw) == json.loads(body)


def test_bytes_and_str_read_alike_and_events_are_frozen_dataclasses() -> None:
    body = (DOCS / "stream_created.json").read_bytes()
    event = events.parse(body)
    assert event == events.parse(body.decode()) == events.parse(bytearray(body)) == events.parse(memoryview(body))
    assert isinstance(event, events.StreamCreated) and dataclasses.is_dataclass(event)
    assert event.stream is not None and event.stream.connection is not None
    assert event.stream.connection.data == "name=Ada"
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.session_id = "x"  # type: ignore[misc]


def test_every_variant_has_its_class() -> None:
    assert {cls.type for cls in events._BY_TYPE.values()} == set(events._BY_TYPE)
    for name, want in EXPECTED["events"].items():
        assert type(events.parse((DOCS / name).read_text())).type == want["type"]


def test_an_archive_with_a_status_the_sdk_does_not_know_keeps_it() -> None:
    event = events.parse((DOCS / "archive_unknown_status.json").read_text())
    assert isinstance(event, events.ArchiveChanged)
    assert (event.status, event.archive.status) == ("transcoding", "unknown")


def test_the_archive_password_stays_out_of_the_repr() -> None:
    body = json.dumps({"id": "a", "sessionId": "s", "status": "started", "password": "hunter2-secret"})
    event = events.parse(body)
    assert isinstance(event, events.ArchiveChanged) and event.archive.password == "hunter2-secret"
    assert "hunter2-secret" not in repr(event)


@pytest.mark.parametrize("body", ["not json", "", b"\xff\xfe", '{"event":'])
def test_a_body_that_is_not_json_is_an_invalid_argument_naming_the_rule(body: Any) -> None:
    with pytest.raises(opentok_native.InvalidArgumentError) as e:
        events.parse(body)
    assert "body" in str(e.value) and "must be a JSON document" in str(e.value)


@pytest.mark.parametrize("body", [None, 42, {"event": "connectionCreated"}])
def test_a_body_of_the_wrong_type_is_an_invalid_argument(body: Any) -> None:
    with pytest.raises(opentok_native.InvalidArgumentError) as e:
        events.parse(body)
    assert "body" in str(e.value) and "must be str or bytes" in str(e.value)


def test_text_that_cannot_be_utf8_is_an_invalid_argument() -> None:
    with pytest.raises(opentok_native.InvalidArgumentError) as e:
        events.parse('{"sessionId": "\ud800"}')
    assert "body" in str(e.value) and "UTF-8" in str(e.value)


class _Receiver:
    """A real HTTP listener on loopback collecting the bodies POSTed to it."""

    def __init__(self) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.bodies: List[bytes] = []
        received = self.bodies

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                received.append(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
                self.send_response(200)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_the_emulator_delivers_a_session_s_events_in_order(emulator: Any) -> None:
    """The issue's end-to-end check: a listener registered as the project's callback receives,
    parsed by this binding, connectionCreated, streamCreated, archive started / stopped /
    available, and broadcast stopped once the clock passes the broadcast's maxDuration."""
    from conftest import API_KEY, API_SECRET, wait_until

    receiver = _Receiver()
    try:
        status, _ = emulator.request("PUT", f"/emulator/v1/projects/{API_KEY}/callback-url", {"url": receiver.url})
        assert status == 200
        client = opentok_native.Client(API_KEY, API_SECRET, emulator.url)
        session_id = client.create_session(media_mode=opentok_native.MediaModes.routed).session_id
        status, connection = emulator.request(
            "POST", f"/emulator/v1/sessions/{session_id}/connections", {"token": client.generate_token(session_id)}
        )
        assert status == 201, connection
        connection_id = connection["connectionId"] if "connectionId" in connection else connection["id"]
        status, stream = emulator.request(
            "POST", f"/emulator/v1/sessions/{session_id}/connections/{connection_id}/streams", {"name": "cam"}
        )
        assert status == 201, stream
        archive = client.start_archive(session_id, name="e2e")
        client.stop_archive(archive.id)
        broadcast = client.start_broadcast(session_id, {"outputs": {"hls": {}}, "maxDuration": 60})
        status, _ = emulator.request("POST", "/emulator/v1/clock", {"advance": 61})
        assert status == 200

        def mine() -> List[Any]:
            parsed = [events.parse(b) for b in list(receiver.bodies)]
            return [e for e in parsed if e.session_id == session_id]

        def label(e: Any) -> str:
            return f"{e.type} {e.status}" if isinstance(e, (events.ArchiveChanged, events.BroadcastChanged)) else e.type

        assert wait_until(lambda: "broadcast stopped" in [label(e) for e in mine()], timeout=15), [label(e) for e in mine()]
        seen = [label(e) for e in mine()]
        wanted = ["connectionCreated", "streamCreated", "archive started", "archive stopped", "archive available", "broadcast stopped"]
        assert [s for s in seen if s in wanted] == wanted, seen
        by_label = {label(e): e for e in mine()}
        assert by_label["archive available"].archive.id == archive.id
        assert by_label["broadcast stopped"].broadcast.id == broadcast.id
        assert by_label["streamCreated"].stream.name == "cam"
    finally:
        emulator.request("DELETE", f"/emulator/v1/projects/{API_KEY}/callback-url")
        receiver.close()
