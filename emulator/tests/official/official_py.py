"""The official Python SDK (opentok==3.15.0) as a real client of the emulator.

Usage: python official_py.py EMULATOR_URL. Exits non-zero on the first failed check.
"""
import json
import sys
import time
import urllib.error
import urllib.request

import opentok
from opentok import ArchiveModes, Client, MediaModes, Roles

KEY, SECRET = "123456", "1234567890abcdef1234567890abcdef1234567890"
URL = sys.argv[1]
passed = 0


def check(cond, what):
    global passed
    if not cond:
        print(f"FAIL python: {what}", file=sys.stderr)
        sys.exit(1)
    passed += 1


def connect(session_id, token):
    req = urllib.request.Request(
        f"{URL}/emulator/v1/sessions/{session_id}/connections",
        data=json.dumps({"token": token}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def stored(session_id):
    with urllib.request.urlopen(f"{URL}/emulator/v1/sessions/{session_id}", timeout=10) as r:
        return json.loads(r.read())


client = Client(KEY, SECRET, api_url=URL)
check(opentok.__version__ == "3.15.0", f"installed opentok {opentok.__version__}")

cases = [
    ("relayed", dict(), dict(mediaMode="relayed", archiveMode="manual")),
    ("routed", dict(media_mode=MediaModes.routed), dict(mediaMode="routed")),
    (
        "routed+always+archive name/resolution",
        dict(media_mode=MediaModes.routed, archive_mode=ArchiveModes.always,
             archive_name="py archive", archive_resolution="1280x720"),
        dict(mediaMode="routed", archiveMode="always", archiveName="py archive", archiveResolution="1280x720"),
    ),
    ("location", dict(location="12.34.56.78"), dict(location="12.34.56.78")),
    ("e2ee", dict(media_mode=MediaModes.routed, e2ee=True), dict(e2ee=True, mediaMode="routed")),
]
for name, kwargs, expect in cases:
    s = client.create_session(**kwargs)
    check(s.session_id.startswith("1_"), f"{name}: session id {s.session_id}")
    got = stored(s.session_id)
    for k, v in expect.items():
        check(got[k] == v, f"{name}: stored {k}={got[k]!r}, expected {v!r}")
    for role in (Roles.publisher, Roles.subscriber, Roles.moderator, Roles.publisher_only):
        for use_jwt in (True, False):
            token = s.generate_token(role=role, data="name=Py & co", expire_time=int(time.time()) + 3600,
                                     initial_layout_class_list=["focus"], use_jwt=use_jwt)
            status, body = connect(s.session_id, token)
            check(status == 201, f"{name}: connect with {role.value} jwt={use_jwt}: {status} {body}")
            check(body["role"] == role.value, f"{name}: role {body['role']}")
            check(body["data"] == "name=Py & co", f"{name}: data {body['data']!r}")

# A token for one session does not open another.
a = client.create_session()
b = client.create_session()
status, body = connect(a.session_id, b.generate_token())
check(status == 403 and body["reason"] == "wrong_session", f"wrong session: {status} {body}")

# Wrong secret: the SDK sees the 403 and raises its auth error (wrapped as RequestError).
bad = Client(KEY, "f" * 40, api_url=URL)
try:
    bad.create_session()
    check(False, "wrong secret must fail")
except opentok.exceptions.OpenTokException as e:
    check("invalid credentials" in str(e), f"wrong secret error: {e}")


# No Accept header: the SDK's legacy XML path must parse the answer.
class NoAcceptClient(Client):
    def get_headers(self):
        h = super().get_headers()
        h.pop("Accept", None)
        return h


xml_session = NoAcceptClient(KEY, SECRET, api_url=URL).create_session(media_mode=MediaModes.routed)
check(stored(xml_session.session_id)["mediaMode"] == "routed", "XML-path session stored")
status, _ = connect(xml_session.session_id, xml_session.generate_token())
check(status == 201, "XML-path session connectable")


# The REST API beyond sessions, driven by the official SDK.
def emu(method, path, body=None):
    req = urllib.request.Request(f"{URL}{path}", method=method, headers={"Content-Type": "application/json"},
                                 data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read() or b"null")


rs = client.create_session(media_mode=MediaModes.routed)
sid = rs.session_id
_, c1 = connect(sid, rs.generate_token())
_, c2 = connect(sid, rs.generate_token())
st1 = emu("POST", f"/emulator/v1/sessions/{sid}/connections/{c1['connectionId']}/streams", {"name": "one"})
st2 = emu("POST", f"/emulator/v1/sessions/{sid}/connections/{c2['connectionId']}/streams", {"name": "two"})

archive = client.start_archive(sid, name="py archive", resolution="1280x720")
check(archive.status == "started" and archive.name == "py archive", f"start_archive: {archive.status}")
try:
    client.start_archive(sid)
    check(False, "second archive must be refused")
except opentok.exceptions.OpenTokException as e:
    check("409" in str(e) or "already" in str(e).lower(), f"second archive refused: {e!r}")
client.stop_archive(archive.id)
got = client.get_archive(archive.id)
check(got.status == "available" and got.size > 0, f"archive available: {got.status} {got.size}")
check(client.list_archives(session_id=sid).count == 1, "list_archives by session")
client.delete_archive(archive.id)
check(client.get_archive(archive.id).status == "deleted", "deleted")

streams = client.list_streams(sid)
check(len(streams.items) == 2, f"list_streams: {len(streams.items)}")
check(client.get_stream(sid, st1["id"]).name == "one", "get_stream")
client.set_stream_class_lists(sid, [{"id": st1["id"], "layoutClassList": ["focus"]}])
check(client.get_stream(sid, st1["id"]).layoutClassList == ["focus"], "set_stream_class_lists")
client.mute_all(sid, [st2["id"]])  # the Python SDK sends excludedStreams
muted = {s["id"]: s["forceMuted"] for s in emu("GET", f"/emulator/v1/sessions/{sid}/streams")["items"]}
check(muted == {st1["id"]: True, st2["id"]: False}, f"mute_all with exclusions: {muted}")
client.disable_force_mute(sid)
client.mute_stream(sid, st2["id"])

client.send_signal(sid, {"type": "chat", "data": "hello"})
client.send_signal(sid, {"type": "dm", "data": "psst"}, c2["connectionId"])
got = emu("GET", f"/emulator/v1/sessions/{sid}/connections/{c2['connectionId']}/signals")
check([i["data"] for i in got["items"]] == ["hello", "psst"], f"signals received: {got}")
try:
    client.send_signal(sid, {"type": "big", "data": "x" * 9000})
    check(False, "9000-byte signal must be refused")
except opentok.exceptions.OpenTokException as e:
    check(413 in getattr(e, "args", ()), f"big signal refused with 413: {e!r}")

call = client.dial(sid, rs.generate_token(), "sip:user@sip.example.com", {"from": "me@example.com", "secure": True})
check(bool(call.connectionId), f"dial: {vars(call)}")
client.play_dtmf(sid, None, "1#")
client.play_dtmf(sid, call.connectionId, "p9")
check([d["digits"] for d in emu("GET", f"/emulator/v1/sessions/{sid}/dtmf")["items"]] == ["1#", "p9"], "play_dtmf")
client.force_disconnect(sid, c1["connectionId"])
left = [c["connectionId"] for c in emu("GET", f"/emulator/v1/sessions/{sid}/connections")["items"]]
check(c1["connectionId"] not in left and len(left) == 2, f"force_disconnect: {left}")

# Captions, renders and the Audio Connector (the Python SDK sends audioTransport as a JSON string).
captions = client.start_captions(sid, rs.generate_token(role=Roles.moderator), max_duration=600)
check(bool(captions.captions_id), "start_captions")
client.stop_captions(captions.captions_id)
render = client.start_render(sid, rs.generate_token(), "https://example.com/composer", max_duration=120,
                             properties={"name": "composer"})
check(render.status == "starting", f"start_render: {render.status}")
check(client.get_render(render.id).status == "started", "render started")
check(client.list_renders().count == 1, "list_renders")
client.stop_render(render.id)
check(client.get_render(render.id).status == "stopped", "render stopped")
ws = client.connect_audio_to_websocket(sid, rs.generate_token(), {
    "uri": "wss://audio.example.com/socket", "audioRate": 16000,
    "audio_transport": {"transport": "json", "encoding": "base64"}})
stored_ws = emu("GET", f"/emulator/v1/audio-connectors/{ws.id}")
check(stored_ws["audioTransport"] == {"transport": "json", "encoding": "base64"}, f"audioTransport: {stored_ws}")

print(f"python official SDK: {passed} passed, 0 failed")
