"""Errors: every kind the server can return, with status and the server's own message; timeouts;
connection failures; nothing secret in messages or reprs."""

from __future__ import annotations

import socket
import time
from typing import Any, Type

import pytest

import opentok_native as opentok

from conftest import API_KEY, API_SECRET, Emulator, Spinner

STATUS_CASES = [
    # status, class, kind, retryable, official base class
    (400, opentok.RequestError, "request", False, opentok.RequestError),
    (401, opentok.AuthError, "authentication", False, opentok.AuthError),
    (403, opentok.AuthError, "authentication", False, opentok.AuthError),
    (404, opentok.NotFoundError, "not_found", False, opentok.NotFoundError),
    (409, opentok.ConflictError, "conflict", False, opentok.RequestError),
    (413, opentok.PayloadTooLargeError, "payload_too_large", False, opentok.RequestError),
    (429, opentok.RateLimitedError, "rate_limited", True, opentok.RequestError),
    (500, opentok.ServerError, "server", True, opentok.RequestError),
    (503, opentok.ServerError, "server", True, opentok.RequestError),
]


@pytest.mark.parametrize("status,cls,kind,retryable,official", STATUS_CASES)
def test_status_maps_to_kind_with_server_message(
    stub: Any, status: int, cls: Type[opentok.OpenTokException], kind: str, retryable: bool, official: type
) -> None:
    stub.reply(status, {"code": 1234, "message": f"server says no ({status})"})
    client = opentok.Client(API_KEY, API_SECRET, api_url=stub.url, max_retries=0)
    with pytest.raises(opentok.OpenTokException) as ei:
        client.create_session()
    e = ei.value
    assert type(e) is cls and isinstance(e, official)
    assert e.status == status and e.kind == kind and e.retryable is retryable
    assert e.code == "1234"
    assert e.api_message == f"server says no ({status})"
    assert f"server says no ({status})" in str(e) and str(status) in str(e)
    assert API_SECRET not in str(e) and API_SECRET not in repr(e)


def test_wrong_secret_against_emulator(emulator: Emulator) -> None:
    client = opentok.Client(API_KEY, "f" * 40, api_url=emulator.url)
    with pytest.raises(opentok.AuthError) as ei:
        client.create_session()
    e = ei.value
    assert e.status == 403 and e.kind == "authentication" and not e.retryable
    assert e.api_message and e.api_message in str(e)
    assert "f" * 40 not in str(e)


def test_unknown_project_against_emulator(emulator: Emulator) -> None:
    client = opentok.Client("654321", API_SECRET, api_url=emulator.url)
    with pytest.raises(opentok.AuthError) as ei:
        client.create_session()
    assert ei.value.status in (401, 403) and ei.value.api_message


def test_retries_503_then_succeeds(stub: Any) -> None:
    stub.reply(503, {"message": "busy"})
    stub.reply(200, [{"session_id": "1_MX4xMjM0NTZ-fn4"}])
    client = opentok.Client(API_KEY, API_SECRET, api_url=stub.url, max_retries=2)
    assert client.create_session().session_id == "1_MX4xMjM0NTZ-fn4"
    assert len(stub.requests) == 2


def test_no_retry_when_disabled(stub: Any) -> None:
    stub.reply(503, {"message": "busy"})
    stub.reply(200, [{"session_id": "1_MX4xMjM0NTZ-fn4"}])
    client = opentok.Client(API_KEY, API_SECRET, api_url=stub.url, max_retries=0)
    with pytest.raises(opentok.ServerError):
        client.create_session()
    assert len(stub.requests) == 1


def test_invalid_response(stub: Any) -> None:
    stub.reply(200, b"this is not json", content_type="application/json")
    client = opentok.Client(API_KEY, API_SECRET, api_url=stub.url)
    with pytest.raises(opentok.InvalidResponseError) as ei:
        client.create_session()
    assert ei.value.kind == "invalid_response"
    assert isinstance(ei.value, opentok.OpenTokException)


def test_timeout_near_configured_timeout(silent: Any) -> None:
    client = opentok.Client(API_KEY, API_SECRET, api_url=silent.url, timeout=1.0)
    start = time.monotonic()
    with pytest.raises(opentok.RequestTimeoutError) as ei:
        client.create_session()
    elapsed = time.monotonic() - start
    assert 0.9 <= elapsed <= 2.5, elapsed
    e = ei.value
    assert isinstance(e, opentok.RequestError) and isinstance(e, TimeoutError)
    assert e.kind == "timeout" and e.retryable and e.status is None


def test_timeout_async(silent: Any) -> None:
    import asyncio

    client = opentok.AsyncClient(API_KEY, API_SECRET, api_url=silent.url, timeout=0.5)

    async def main() -> float:
        start = time.monotonic()
        with pytest.raises(opentok.RequestTimeoutError):
            await client.create_session()
        return time.monotonic() - start

    elapsed = asyncio.run(main())
    assert 0.4 <= elapsed <= 2.0, elapsed


def test_sync_call_releases_the_gil(silent: Any) -> None:
    client = opentok.Client(API_KEY, API_SECRET, api_url=silent.url, timeout=1.0)
    with Spinner() as spinner, pytest.raises(opentok.RequestTimeoutError):
        client.create_session()
    # with the GIL held for the whole second the spinner would get (almost) no turns
    assert spinner.ticks > 200, spinner.ticks


def test_connection_refused() -> None:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    client = opentok.Client(API_KEY, API_SECRET, api_url=f"http://127.0.0.1:{port}", max_retries=0)
    with pytest.raises(opentok.ConnectError) as ei:
        client.create_session()
    e = ei.value
    assert isinstance(e, ConnectionError) and isinstance(e, opentok.RequestError)
    assert e.kind == "connect" and e.retryable and e.status is None


def test_bad_credentials_shapes() -> None:
    with pytest.raises(opentok.InvalidArgumentError) as ei:
        opentok.Client(API_KEY, "")
    assert ei.value.field == "api_secret"
    with pytest.raises(opentok.InvalidArgumentError) as ei:
        opentok.Client("", API_SECRET)
    assert ei.value.field == "api_key"
    with pytest.raises(opentok.InvalidArgumentError) as ei:
        opentok.Client(API_KEY, "/no/such/key.pem")
    assert ei.value.field == "private_key" and "/no/such/key.pem" in str(ei.value)  # the core's rule and name
    with pytest.raises(opentok.InvalidArgumentError):
        opentok.Client(API_KEY, API_SECRET, timeout=-1)


def test_secret_never_in_repr() -> None:
    client = opentok.Client(API_KEY, API_SECRET)
    assert API_SECRET not in repr(client)
    assert "123456" in repr(client)
    assert not hasattr(client, "api_secret")


def test_exception_fields_when_raised_by_app_code() -> None:
    e = opentok.RequestError("An unexpected error occurred", 500)
    assert e.status == 500 and e.kind == "request" and str(e) == "An unexpected error occurred"
    assert opentok.AuthError("x").kind == "authentication"
    assert issubclass(opentok.OpenTokException, Exception)
    assert set(opentok.KINDS) >= {"timeout", "connect", "invalid_argument", "invalid_token"}


def test_clock_skew_is_named(emulator: Emulator) -> None:
    # a local clock an hour ahead: the emulator refuses the REST JWT's future iat, and the error
    # says so instead of "invalid credentials"
    client = opentok.Client(API_KEY, API_SECRET, api_url=emulator.url, _now=int(time.time()) + 3600)
    with pytest.raises(opentok.ClockSkewError) as ei:
        client.create_session()
    e = ei.value
    assert isinstance(e, opentok.AuthError) and e.kind == "clock_skew" and e.status == 403
    assert "ahead" in str(e) and e.api_message
