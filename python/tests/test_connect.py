"""The emulator's simulated connect accepts the tokens we mint (and refuses broken ones)."""

from __future__ import annotations

import time

import pytest

import opentok_native as opentok
from opentok_native import MediaModes, Roles

from conftest import API_KEY, API_SECRET, Emulator


@pytest.fixture(scope="module")
def session_id(emulator: Emulator) -> str:
    return opentok.Client(API_KEY, API_SECRET, api_url=emulator.url).create_session(media_mode=MediaModes.routed).session_id


@pytest.mark.parametrize("role", list(Roles))
@pytest.mark.parametrize("use_jwt", [True, False])
def test_connect_every_role_and_format(emulator: Emulator, session_id: str, role: Roles, use_jwt: bool) -> None:
    client = opentok.Client(API_KEY, API_SECRET)
    token = client.generate_token(session_id, role=role, data="user=ada & co", use_jwt=use_jwt,
                                  initial_layout_class_list=["focus"])
    status, body = emulator.connect(session_id, token)
    assert status == 201, body
    assert body["role"] == role.value and body["data"] == "user=ada & co"
    assert body["connectionId"]


def test_connect_refuses_expired_token(emulator: Emulator, session_id: str) -> None:
    past = int(time.time()) - 3 * 86400
    client = opentok.Client(API_KEY, API_SECRET, _now=past)
    status, body = emulator.connect(session_id, client.generate_token(session_id))
    assert status == 403 and body["reason"] == "expired"


def test_connect_refuses_token_of_other_session(emulator: Emulator, session_id: str) -> None:
    client = opentok.Client(API_KEY, API_SECRET, api_url=emulator.url)
    other = client.create_session().session_id
    status, body = emulator.connect(session_id, client.generate_token(other))
    assert status == 403 and body["reason"] == "wrong_session"


def test_connect_refuses_wrong_secret(emulator: Emulator, session_id: str) -> None:
    client = opentok.Client(API_KEY, "0" * 40)
    status, body = emulator.connect(session_id, client.generate_token(session_id))
    assert status == 403 and body["reason"] == "bad_signature"
