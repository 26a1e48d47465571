"""A user's test file (make test-dist runs it in a fresh venv holding only the two wheels and
pytest): the fixtures come from the installed opentok-native's pytest plugin, the emulator binary
from the installed opentok-emulator wheel, with no EMULATOR_BIN and no venv on PATH."""

import os


def test_session_token_and_connect(opentok_client, opentok_emulator):
    assert "EMULATOR_BIN" not in os.environ
    session = opentok_client.create_session(media_mode="routed")
    token = opentok_client.generate_token(session.session_id, role="moderator", data="name=Ada")
    conn = opentok_emulator.connect(session.session_id, token)
    assert conn["role"] == "moderator" and conn["data"] == "name=Ada"


def test_one_emulator_per_test(opentok_emulator, opentok_client):
    assert opentok_client.list_archives().count == 0
