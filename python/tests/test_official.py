"""Cross-checks with the official `opentok==3.15.0` package (installed from PyPI into a scratch
venv under .scratch/): our tokens decode and verify with its logic, its tokens verify with ours,
and its create_session talks to the same emulator our tokens connect to."""

from __future__ import annotations

from typing import Any, Callable, Dict, List

import opentok_native as opentok

from conftest import API_KEY, API_SECRET, SID, Emulator

# The official SDK's decoding, as its test helpers do it (tests/helpers.py token_decoder and
# token_signature_validator), using the official package (its HMAC signer) and its PyJWT.
OFFICIAL_CHECK = r"""
import base64
from urllib.parse import parse_qs
import jwt
import opentok
client = opentok.Client(payload["api_key"], payload["secret"])
result = []
for token in payload["tokens"]:
    if token.startswith("T1=="):
        decoded = base64.b64decode(token[4:].encode()).decode("utf-8")
        meta, data = decoded.split(":", 1)
        fields = {k: v[0] for k, v in parse_qs(data, keep_blank_values=True).items()}
        fields.update({k: v[0] for k, v in parse_qs(meta).items()})
        fields["_sig_ok"] = client._sign_string(data, payload["secret"]) == fields["sig"]
        result.append(fields)
    else:
        claims = jwt.decode(token, payload["secret"], algorithms=["HS256"])
        claims["_sig_ok"] = True
        result.append(claims)
"""

OFFICIAL_MINT = r"""
import opentok
client = opentok.Client(payload["api_key"], payload["secret"])
result = []
for opts in payload["options"]:
    kw = dict(opts)
    if "role" in kw:
        kw["role"] = opentok.Roles(kw["role"])
    result.append(client.generate_token(payload["session_id"], **kw))
"""


def test_our_tokens_decode_and_verify_with_official_logic(official: Callable[..., Any]) -> None:
    client = opentok.Client(API_KEY, API_SECRET)
    specs: List[Dict[str, Any]] = [
        dict(),
        dict(role="subscriber"),
        dict(role="moderator", data="name=Johnny & co; a+b=c %20"),
        dict(role="publisheronly", initial_layout_class_list=["focus", "small"]),
        dict(data="user=Zoë 日本語 🎥", initial_layout_class_list=["full"]),
    ]
    tokens = [client.generate_token(SID, use_jwt=jwt, **s) for s in specs for jwt in (True, False)]
    decoded = official(OFFICIAL_CHECK, {"api_key": API_KEY, "secret": API_SECRET, "tokens": tokens})
    for (spec, jwt), d in zip([(s, j) for s in specs for j in (True, False)], decoded):
        assert d["_sig_ok"] is True
        assert d["session_id"] == SID
        assert d["role"] == spec.get("role", "publisher")
        if "data" in spec:
            assert d["connection_data"] == spec["data"]
        if "initial_layout_class_list" in spec:
            assert d["initial_layout_class_list"] == " ".join(spec["initial_layout_class_list"])
        if jwt:
            assert d["iss"] == API_KEY and d["ist"] == "project" and d["scope"] == "session.connect"
        else:
            assert d["partner_id"] == API_KEY
            assert int(d["expire_time"]) - int(d["create_time"]) == 86400


def test_official_tokens_verify_with_ours(official: Callable[..., Any]) -> None:
    options: List[Dict[str, Any]] = [
        dict(),
        dict(role="moderator", data="name=Johnny & co"),
        dict(role="publisheronly", initial_layout_class_list=["focus", "small"]),
        dict(use_jwt=False),
        dict(use_jwt=False, role="subscriber", data="user=Zoë 日本語"),
    ]
    tokens = official(OFFICIAL_MINT, {"api_key": API_KEY, "secret": API_SECRET, "session_id": SID, "options": options})
    for opts, token in zip(options, tokens):
        d = opentok.verify_token(token, API_SECRET)
        assert d.session_id == SID
        assert d.role == opts.get("role", "publisher")
        assert d.format == ("T1" if opts.get("use_jwt") is False else "JWT")
        if "data" in opts:
            assert d.connection_data == opts["data"]
        assert opentok.explain_token(token, API_SECRET).valid


def test_official_client_and_ours_share_the_emulator(official: Callable[..., Any], emulator: Emulator) -> None:
    # the official SDK creates the session, we mint the token, a simulated client connects
    sid = official(
        "import opentok\n"
        "c = opentok.Client(payload['key'], payload['secret'], api_url=payload['url'])\n"
        "result = c.create_session(media_mode=opentok.MediaModes.routed, location='12.34.56.78').session_id\n",
        {"key": API_KEY, "secret": API_SECRET, "url": emulator.url},
    )
    assert opentok.SessionId(sid).location == "12.34.56.78"
    ours = opentok.Client(API_KEY, API_SECRET)
    for use_jwt in (True, False):
        status, body = emulator.connect(sid, ours.generate_token(sid, role="subscriber", use_jwt=use_jwt))
        assert status == 201, body
        assert body["role"] == "subscriber"
