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

print(f"python official SDK: {passed} passed, 0 failed")
