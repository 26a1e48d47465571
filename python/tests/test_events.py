"""Webhook events: the shared documents of ``tests/events/`` parsed by ``opentok_native.events``
show what ``expected.json`` lists (the core and every binding check the same values), plus the
Python shapes: frozen dataclasses, ``str``/``bytes`` bodies, typed errors for what is not JSON."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any, Dict

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
