"""The REST methods against the official `opentok==3.15.0` package (scratch venv from PyPI): the
same method names and parameters, the same result attributes, and the official SDK and this one
driving the same emulator see each other's archives, broadcasts and signals."""

from __future__ import annotations

import inspect
from typing import Any, Callable, Dict, List

import opentok_native as opentok

from conftest import API_KEY, API_SECRET, Room

OFFICIAL_SIGNATURES = r"""
import inspect
import opentok
result = {}
for name, f in inspect.getmembers(opentok.Client, inspect.isfunction):
    if name.startswith("_"):
        continue
    params = []
    for p in list(inspect.signature(f).parameters.values())[1:]:
        default = p.default
        if default is inspect.Parameter.empty:
            default = "<required>"
        elif hasattr(default, "value"):
            default = default.value
        params.append([p.name, default if isinstance(default, (str, int, float, bool, type(None))) else repr(default)])
    result[name] = params
"""

#: official methods that are not REST operations or that this package does not offer
NOT_REST = {
    "create_session", "generate_token", "append_to_user_agent", "validate_websocket_options",
    # the official auth headers (a fresh REST JWT): the core signs every request itself
    "get_headers", "get_json_headers", "headers", "json_headers",
}

#: where our defaults differ on purpose (documented in the README)
DEFAULT_DIFFERENCES = {
    ("dial", "options"),            # official `{}` (a shared mutable default); ours None
    ("play_dtmf", "options"),       # idem
    ("mute_all", "excludedStreamIds"),  # official has no default; ours None (mute everything)
}


def our_params(name: str) -> List[List[Any]]:
    params = []
    for p in list(inspect.signature(getattr(opentok.Client, name)).parameters.values())[1:]:
        default = p.default
        if default is inspect.Parameter.empty:
            default = "<required>"
        elif hasattr(default, "value"):
            default = default.value
        params.append([p.name, default])
    return params


def test_every_official_rest_method_exists_with_the_official_parameters(official: Callable[..., Any]) -> None:
    theirs: Dict[str, List[List[Any]]] = official(OFFICIAL_SIGNATURES)
    rest = sorted(set(theirs) - NOT_REST)
    assert len(rest) == 33
    for name in rest:
        assert hasattr(opentok.Client, name), name
        ours = our_params(name)
        assert [p[0] for p in ours] == [p[0] for p in theirs[name]], name
        for (pname, default), (_, their_default) in zip(ours, theirs[name]):
            if (name, pname) not in DEFAULT_DIFFERENCES:
                assert default == their_default, (name, pname, default, their_default)


OFFICIAL_APP = r"""
import opentok
c = opentok.Client(payload["key"], payload["secret"], api_url=payload["url"])
sid = payload["session_id"]
a = c.start_archive(sid, name="official", stream_mode=opentok.StreamModes.manual)
b = c.start_broadcast(sid, {"outputs": {"hls": {}}})
c.send_signal(sid, {"type": "from", "data": "official"})
streams = c.list_streams(sid)
result = {
    "archive": {k: v for k, v in a.attrs().items() if k != "created_at" and not hasattr(v, "value")},
    "archive_keys": sorted(a.attrs()),
    "broadcast_keys": sorted(vars(b)),
    "broadcast_id": b.id,
    "stream_keys": sorted(vars(streams.items[0])),
    "stream_ids": [s.id for s in streams.items],
}
"""


def test_official_and_native_share_one_emulator(room: Room, client: opentok.Client, official: Callable[..., Any]) -> None:
    stream_id = room.publish(name="cam")
    out = official(
        OFFICIAL_APP,
        {"key": API_KEY, "secret": API_SECRET, "url": room.emulator.url, "session_id": room.session_id},
    )
    # what the official SDK started, read back through ours, has the official attributes
    archive = client.get_archive(out["archive"]["id"])
    assert sorted(archive.attrs()) == sorted(set(out["archive_keys"]) | {"project_id", "updated_at", "reason"})
    assert (archive.name, archive.status, archive.stream_mode) == ("official", "started", "manual")
    for key in ("id", "name", "status", "session_id", "size", "has_audio", "has_video", "resolution"):
        assert getattr(archive, key) == out["archive"][key], key
    broadcast = client.get_broadcast(out["broadcast_id"])
    assert set(out["broadcast_keys"]) <= set(vars(broadcast))
    assert set(out["stream_keys"]) <= set(vars(client.get_stream(room.session_id, stream_id)))
    assert out["stream_ids"] == [stream_id]
    body = room.emu(f"/connections/{room.connection_id}/signals")
    items = body["items"] if isinstance(body, dict) else body
    assert [(s["type"], s["data"]) for s in items] == [("from", "official")]
    # and ours stops what theirs started
    assert client.stop_archive(archive.id).status == "stopped"
    assert client.stop_broadcast(broadcast.id).status == "stopped"
