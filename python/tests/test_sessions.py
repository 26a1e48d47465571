"""create_session against the real emulator: every option, every client-side rule, the seed API."""

from __future__ import annotations

from typing import Any, Dict

import pytest

import opentok_native as opentok
from opentok_native import ArchiveModes, MediaModes

from conftest import API_KEY, API_SECRET, Emulator


@pytest.fixture
def client(emulator: Emulator) -> opentok.Client:
    return opentok.Client(API_KEY, API_SECRET, api_url=emulator.url)


def stored(emulator: Emulator, session_id: str) -> Dict[str, Any]:
    status, body = emulator.request("GET", f"/emulator/v1/sessions/{session_id}")
    assert status == 200, body
    assert isinstance(body, dict)
    return body


def test_default_session_is_relayed_manual(client: opentok.Client, emulator: Emulator) -> None:
    s = client.create_session()
    assert s.media_mode is MediaModes.relayed
    assert s.archive_mode is ArchiveModes.manual
    assert s.location is None and s.e2ee is False
    assert s.getSessionId() == s.session_id == str(s)
    assert opentok.SessionId(s.session_id).belongs_to(API_KEY)
    assert s.project_id == API_KEY
    row = stored(emulator, s.session_id)
    assert (row["mediaMode"], row["archiveMode"], row["location"], row["e2ee"]) == ("relayed", "manual", None, False)


def test_routed_with_location(client: opentok.Client, emulator: Emulator) -> None:
    s = client.create_session(location="12.34.56.78", media_mode=MediaModes.routed)
    assert s.media_mode is MediaModes.routed and s.location == "12.34.56.78"
    sid = opentok.SessionId(s.session_id)
    assert sid.location == "12.34.56.78" and sid.api_key == API_KEY
    row = stored(emulator, s.session_id)
    assert row["mediaMode"] == "routed" and row["location"] == "12.34.56.78"


def test_ipv6_location(client: opentok.Client, emulator: Emulator) -> None:
    s = client.create_session(location="2001:db8::1")
    assert stored(emulator, s.session_id)["location"] == "2001:db8::1"


def test_always_archived_with_name_and_resolution(client: opentok.Client, emulator: Emulator) -> None:
    s = client.create_session(
        media_mode=MediaModes.routed,
        archive_mode=ArchiveModes.always,
        archive_name="weekly standup",
        archive_resolution="1280x720",
    )
    assert s.archive_mode is ArchiveModes.always
    assert s.archive_name == "weekly standup" and s.archive_resolution == "1280x720"
    row = stored(emulator, s.session_id)
    assert row["archiveMode"] == "always"
    assert row["archiveName"] == "weekly standup"
    assert row["archiveResolution"] == "1280x720"


@pytest.mark.parametrize("res", ["640x480", "480x640", "1280x720", "720x1280", "1920x1080", "1080x1920"])
def test_every_archive_resolution(client: opentok.Client, emulator: Emulator, res: str) -> None:
    s = client.create_session(media_mode="routed", archive_mode="always", archive_resolution=res)
    assert stored(emulator, s.session_id)["archiveResolution"] == res


def test_e2ee_routed(client: opentok.Client, emulator: Emulator) -> None:
    s = client.create_session(media_mode=MediaModes.routed, e2ee=True)
    assert s.e2ee is True
    assert stored(emulator, s.session_id)["e2ee"] is True


@pytest.mark.parametrize(
    "value,expected",
    [("routed", "routed"), ("disabled", "routed"), ("RELAYED", "relayed"), ("enabled", "relayed")],
)
def test_media_mode_strings(client: opentok.Client, emulator: Emulator, value: str, expected: str) -> None:
    s = client.create_session(media_mode=value)
    assert s.media_mode.name == expected
    assert stored(emulator, s.session_id)["mediaMode"] == expected


RULES = [
    # (kwargs, field named in the error)
    (dict(archive_mode=ArchiveModes.always), "archiveMode"),
    (dict(media_mode=MediaModes.relayed, archive_mode=ArchiveModes.always), "archiveMode"),
    (dict(archive_name="x"), "archiveName"),
    (dict(media_mode="routed", archive_mode="always", archive_name="x" * 81), "archiveName"),
    (dict(media_mode="routed", archive_mode="always", archive_name=""), "archiveName"),
    (dict(archive_resolution="1280x720"), "archiveResolution"),
    (dict(media_mode="routed", archive_mode="always", archive_resolution="800x600"), "archiveResolution"),
    (dict(e2ee=True), "e2ee"),
    (dict(media_mode="routed", archive_mode="always", e2ee=True), "e2ee"),
    (dict(location="not an ip"), "location"),
    (dict(location="999.1.1.1"), "location"),
    (dict(media_mode="sideways"), "mediaMode"),
    (dict(archive_mode="sometimes"), "archiveMode"),
    (dict(location=1234), "location"),
]


@pytest.mark.parametrize("kwargs,field", RULES)
def test_rules_raise_before_sending(stub: Any, kwargs: Dict[str, Any], field: str) -> None:
    # pointed at a recording server: a rule violation must never reach the network
    client = opentok.Client(API_KEY, API_SECRET, api_url=stub.url)
    with pytest.raises(opentok.OpenTokException) as ei:
        client.create_session(**kwargs)
    e = ei.value
    assert isinstance(e, opentok.InvalidArgumentError) and isinstance(e, ValueError)
    assert e.kind == "invalid_argument" and e.field == field
    assert field in str(e) and e.status is None and e.retryable is False
    assert stub.requests == []


def test_archive_name_80_chars_is_fine(client: opentok.Client, emulator: Emulator) -> None:
    s = client.create_session(media_mode="routed", archive_mode="always", archive_name="n" * 80)
    assert stored(emulator, s.session_id)["archiveName"] == "n" * 80


def test_form_body_matches_official_sdk(stub: Any) -> None:
    stub.reply(200, [{"session_id": "1_MX4xMjM0NTZ-fn4", "project_id": API_KEY}])
    client = opentok.Client(API_KEY, API_SECRET, api_url=stub.url)
    client.create_session(
        location="12.34.56.78", media_mode="routed", archive_mode="always", archive_name="n x", archive_resolution="1280x720"
    )
    req = stub.requests[0]
    assert req["path"] == "/session/create"
    assert req["body"] == (
        "p2p.preference=disabled&archiveMode=always&archiveName=n+x&archiveResolution=1280x720"
        "&location=12.34.56.78&e2ee=false"
    )
    headers = {k.lower(): v for k, v in req["headers"].items()}
    assert headers["accept"] == "application/json"
    assert "x-opentok-auth" in headers
    assert headers["user-agent"].startswith("opentok-native/") and " python/" in headers["user-agent"]


def test_user_agent_app_version_and_append(stub: Any) -> None:
    stub.reply(200, [{"session_id": "1_MX4xMjM0NTZ-fn4"}])
    client = opentok.Client(API_KEY, API_SECRET, api_url=stub.url, app_version="9.9")
    client.append_to_user_agent("myapp/1.2")
    client.create_session()
    ua = {k.lower(): v for k, v in stub.requests[0]["headers"].items()}["user-agent"]
    assert ua.endswith(" app/9.9myapp/1.2"), ua  # plain concatenation, as the official append
    assert client.user_agent == ua


def test_seed_api(emulator: Emulator) -> None:
    sdk = opentok.OpenTokSDK(API_KEY, API_SECRET, api_url=emulator.url)
    s = sdk.create_session("12.34.56.78", {"p2p.preference": "disabled"})
    assert s.getSessionId() == s.session_id
    assert s.media_mode is MediaModes.routed and s.location == "12.34.56.78"
    row = stored(emulator, s.getSessionId())
    assert row["mediaMode"] == "routed"
    relayed = sdk.create_session(None, {"p2p.preference": "enabled"})
    assert stored(emulator, relayed.session_id)["mediaMode"] == "relayed"
    always = sdk.create_session(None, {"p2p.preference": "disabled", "archiveMode": "always", "archiveName": "a"})
    assert stored(emulator, always.session_id)["archiveName"] == "a"
    assert sdk.create_session().media_mode is MediaModes.relayed
    with pytest.raises(opentok.InvalidArgumentError) as ei:
        sdk.create_session(None, {"p2p.preference": "sometimes"})
    assert ei.value.field == "p2p.preference"
    assert sdk.generate_token(s.session_id).count(".") == 2


def test_session_generate_token_connects(client: opentok.Client, emulator: Emulator) -> None:
    s = client.create_session(media_mode=MediaModes.routed)
    status, body = emulator.connect(s.session_id, s.generate_token(role=opentok.Roles.moderator, data="n=1"))
    assert status == 201, body
    assert body["role"] == "moderator" and body["data"] == "n=1"


def test_proxies_route_requests_through_the_proxy(stub: Any) -> None:
    # the stub plays an HTTP forward proxy: it sees the absolute-form request line
    stub.reply(200, [{"session_id": "1_MX4xMjM0NTZ-fn4"}])
    client = opentok.Client(API_KEY, API_SECRET, api_url="http://opentok.invalid:8080", max_retries=0)
    client.proxies = {"http": stub.url}
    assert client.create_session().session_id == "1_MX4xMjM0NTZ-fn4"
    assert stub.requests[0]["path"] == "http://opentok.invalid:8080/session/create"
    client.proxies = None
    with pytest.raises(opentok.ConnectError):
        client.create_session()


def test_jwt_livetime_sets_rest_jwt_lifetime(stub: Any) -> None:
    import base64
    import json as _json

    stub.reply(200, [{"session_id": "1_MX4xMjM0NTZ-fn4"}])
    client = opentok.Client(API_KEY, API_SECRET, api_url=stub.url)
    client.jwt_livetime = 3
    client.create_session()
    auth = {k.lower(): v for k, v in stub.requests[0]["headers"].items()}["x-opentok-auth"]
    payload = auth.split(".")[1]
    claims = _json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    assert claims["iss"] == API_KEY and claims["ist"] == "project"
    assert claims["exp"] - claims["iat"] == 180
