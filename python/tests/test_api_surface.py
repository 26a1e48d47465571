"""The official package's names and values, so `import opentok_native as opentok` moves an app."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import opentok_native as opentok

from conftest import API_KEY, API_SECRET, REPO, Emulator

OFFICIAL_EXCEPTIONS = [
    "OpenTokException", "RequestError", "AuthError", "NotFoundError", "ArchiveError", "SignalingError",
    "GetStreamError", "ForceDisconnectError", "SipDialError", "SetStreamClassError", "BroadcastError",
    "DTMFError", "ArchiveStreamModeError", "BroadcastStreamModeError", "BroadcastHLSOptionsError",
    "BroadcastOptionsError", "InvalidWebSocketOptionsError", "InvalidMediaModeError",
    "CaptioningAlreadyInProgressError",
]


def test_enum_values_are_official() -> None:
    assert {m.name: m.value for m in opentok.Roles} == {
        "subscriber": "subscriber", "publisher": "publisher", "publisher_only": "publisheronly", "moderator": "moderator"
    }
    assert {m.name: m.value for m in opentok.MediaModes} == {"routed": "disabled", "relayed": "enabled"}
    assert {m.name: m.value for m in opentok.ArchiveModes} == {"manual": "manual", "always": "always"}


def test_exception_names_and_hierarchy() -> None:
    for name in OFFICIAL_EXCEPTIONS:
        cls = getattr(opentok, name)
        assert issubclass(cls, opentok.OpenTokException), name
        assert getattr(opentok.exceptions, name) is cls
    assert opentok.OpenTokException.__bases__ == (Exception,)
    for cls in (opentok.ServerError, opentok.RequestTimeoutError, opentok.ConnectError, opentok.RateLimitedError):
        assert issubclass(cls, opentok.RequestError)
    assert issubclass(opentok.ClockSkewError, opentok.AuthError)


def test_client_names_and_signatures() -> None:
    assert opentok.OpenTok is opentok.Client
    c = opentok.Client(API_KEY, API_SECRET)
    assert c.api_key == API_KEY and c.api_url == "https://api.opentok.com" and c.timeout is None
    c2 = opentok.Client(int(API_KEY), API_SECRET, "http://127.0.0.1:1", 5, "2.0")
    assert c2.api_key == API_KEY and c2.api_url == "http://127.0.0.1:1" and c2.timeout == 5 and c2.app_version == "2.0"
    c.jwt_livetime = 3
    assert c.jwt_livetime == 3
    with pytest.raises(opentok.InvalidArgumentError):
        c.jwt_livetime = -1
    c.proxies = {"https": "http://127.0.0.1:3128"}
    assert c.proxies == {"https": "http://127.0.0.1:3128"}
    c.proxies = None
    with pytest.raises(opentok.InvalidArgumentError):
        c.proxies = 42  # type: ignore[assignment]
    # positional order of the official generate_token
    tok = c.generate_token("1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
                           opentok.Roles.subscriber, None, "d", ["a"], False)
    assert tok.startswith("T1==")


def test_subclassable() -> None:
    class Mine(opentok.Client):
        pass

    m = Mine(API_KEY, API_SECRET)
    assert repr(m).startswith("Mine(") and isinstance(m, opentok.Client)


def test_application_credentials(tmp_path: Path) -> None:
    pem = REPO / "tests" / "keys" / "app_private.pem"
    public = (REPO / "tests" / "keys" / "app_public.pem").read_text()
    app_id = "29f760f8-7ce1-46c9-ade3-f2dedee4ed5f"
    by_path = opentok.Client(app_id, str(pem))
    by_text = opentok.Client(app_id, pem.read_text())
    by_pathlike = opentok.Client(app_id, pem)
    for c in (by_path, by_text, by_pathlike):
        assert c.uses_application_credentials and c.api_url == "https://video.api.vonage.com"
    sid = "1_MX4yOWY3NjBmOC03Y2UxLTQ2YzktYWRlMy1mMmRlZGVlNGVkNWZ-fjE3MjY0NjI1ODg2NDd-MTF4TGExYmJoelBlR1FHbVhzbWd4STBrfn5-"
    d = opentok.verify_token(by_text.generate_token(sid, role="moderator"), public)
    assert d.algorithm == "RS256" and d.claims["application_id"] == app_id and d.role == "moderator"
    with pytest.raises(opentok.InvalidArgumentError):
        by_text.generate_token(sid, use_jwt=False)
    assert pem.read_text().strip().splitlines()[1] not in repr(by_text)


def test_quickstart_runs(emulator: Emulator) -> None:
    out = subprocess.run(
        [sys.executable, str(REPO / "examples" / "python" / "quickstart.py")],
        env={"OPENTOK_API_URL": emulator.url, "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert "session id:" in out.stdout and "connected:" in out.stdout


def test_docstrings_present() -> None:
    for obj in (opentok.Client.create_session, opentok.AsyncClient.create_session, opentok.decode_token,
                opentok.verify_token, opentok.explain_token, opentok.SessionId):
        assert inspect.getdoc(obj), obj
