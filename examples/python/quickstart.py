"""Quickstart: create a session, mint a token, connect a simulated client through the emulator,
then record, signal and list connections through the REST API (official method names).

    OPENTOK_API_URL=http://127.0.0.1:4010 python examples/python/quickstart.py
"""

from __future__ import annotations

import json
import os
import urllib.request

import opentok_native as opentok

API_KEY = os.environ.get("OPENTOK_API_KEY", "123456")
API_SECRET = os.environ.get("OPENTOK_API_SECRET", "1234567890abcdef1234567890abcdef1234567890")
API_URL = os.environ.get("OPENTOK_API_URL", "http://127.0.0.1:4010")


def connect(session_id: str, token: str) -> dict:
    """Connects a simulated client with the emulator's emulator-only API."""
    req = urllib.request.Request(
        f"{API_URL}/emulator/v1/sessions/{session_id}/connections",
        data=json.dumps({"token": token}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.load(r)


def main() -> None:
    client = opentok.Client(API_KEY, API_SECRET, api_url=API_URL)
    session = client.create_session(location="12.34.56.78", media_mode=opentok.MediaModes.routed)
    print("session id:", session.session_id)
    print("media mode:", session.media_mode.name, "| location:", session.location)

    token = session.generate_token(role=opentok.Roles.moderator, data="name=Ada")
    explained = opentok.explain_token(token, API_SECRET)
    print("token:", token[:40] + "...")
    print("token verdict:", explained.verdict)

    conn = connect(session.session_id, token)
    print("connected:", conn["connectionId"], "role:", conn["role"], "data:", conn["data"])

    # The REST API under the official names: record, signal, list who is connected.
    archive = client.start_archive(session.session_id, name="quickstart", resolution="1280x720")
    print("archive:", archive.id, archive.status)
    try:
        client.start_archive(session.session_id)
    except opentok.ArchiveError as e:  # also a ConflictError: kind and status tell it from a 404
        print(f"again: {type(e).__name__} ({e.kind}, HTTP {e.status}): {e.api_message}")
    client.send_signal(session.session_id, {"type": "chat", "data": "hello from the server"})
    archive.stop()
    connections = client.list_connections(session.session_id)
    print(f"stopped: {archive.status}; {connections.count} connection(s) in the session")


if __name__ == "__main__":
    main()
