"""Vonage application credentials (application id + private key) against an emulator serving the
application: RS256 REST auth, RS256 client tokens accepted by the simulated connect."""

from __future__ import annotations

import asyncio

import pytest

import opentok_native as opentok

from conftest import APP_ID, APP_PRIVATE_KEY, APP_PUBLIC_KEY, Emulator


def test_create_session_and_connect(app_emulator: Emulator) -> None:
    client = opentok.Client(APP_ID, str(APP_PRIVATE_KEY), api_url=app_emulator.url)
    assert client.uses_application_credentials and client.api_key == APP_ID
    s = client.create_session(media_mode=opentok.MediaModes.routed)
    assert s.project_id == APP_ID and opentok.SessionId(s.session_id).api_key == APP_ID
    token = s.generate_token(role=opentok.Roles.moderator, data="app user")
    d = opentok.verify_token(token, APP_PUBLIC_KEY.read_text())
    assert d.algorithm == "RS256" and d.claims["application_id"] == APP_ID
    status, body = app_emulator.connect(s.session_id, token)
    assert status == 201, body
    assert body["role"] == "moderator" and body["data"] == "app user"


def test_async_with_pem_text(app_emulator: Emulator) -> None:
    client = opentok.AsyncClient(APP_ID, APP_PRIVATE_KEY.read_text(), api_url=app_emulator.url)

    async def main() -> list:
        return await asyncio.gather(*[client.create_session() for _ in range(10)])

    assert len({s.session_id for s in asyncio.run(main())}) == 10


def test_unknown_application_is_refused(app_emulator: Emulator) -> None:
    client = opentok.Client("00000000-0000-0000-0000-000000000000", str(APP_PRIVATE_KEY), api_url=app_emulator.url)
    with pytest.raises(opentok.AuthError) as ei:
        client.create_session()
    assert ei.value.status in (401, 403) and ei.value.api_message


def test_t1_needs_project_credentials() -> None:
    client = opentok.Client(APP_ID, APP_PRIVATE_KEY)
    sid = opentok.Client(APP_ID, APP_PRIVATE_KEY).api_key
    assert sid == APP_ID
    with pytest.raises(opentok.InvalidArgumentError):
        client.generate_token(
            "1_MX4yOWY3NjBmOC03Y2UxLTQ2YzktYWRlMy1mMmRlZGVlNGVkNWZ-fjE3MjY0NjI1ODg2NDd-MTF4TGExYmJoelBlR1FHbVhzbWd4STBrfn5-",
            use_jwt=False,
        )
