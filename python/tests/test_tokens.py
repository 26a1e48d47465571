"""Tokens: the shared vectors (T1 byte-exact, JWT claims exact, rejects), argument shapes,
decode/verify/explain, session ids."""

from __future__ import annotations

import datetime
import threading
from typing import Any, Dict, List, Set

import pytest

import opentok_native as opentok
from opentok_native import Roles

from conftest import API_KEY, API_SECRET, SID

NOW = 1795823052


def fixed_client(case: Dict[str, Any]) -> opentok.Client:
    inp = case["input"]
    return opentok.Client(inp["api_key"], inp["api_secret"], _now=inp["now"], _nonce=inp.get("nonce", 1))


def mint(case: Dict[str, Any], use_jwt: bool) -> str:
    inp = case["input"]
    return fixed_client(case).generate_token(
        inp["session_id"],
        role=inp.get("role", "publisher"),
        expire_time=inp.get("expire_time"),
        data=inp.get("data"),
        initial_layout_class_list=inp.get("initial_layout_class_list", []),
        use_jwt=use_jwt,
    )


def test_vectors_t1_byte_exact(vectors: Dict[str, Any]) -> None:
    assert len(vectors["t1"]) >= 10
    for case in vectors["t1"]:
        assert mint(case, use_jwt=False) == case["token"], case["name"]
        d = opentok.verify_token(case["token"], case["input"]["api_secret"], now=case["input"]["now"])
        assert d.format == "T1"
        assert {k: v for k, v in d.claims.items() if k in case["fields"]} == case["fields"], case["name"]


def test_vectors_jwt_claims_exact(vectors: Dict[str, Any]) -> None:
    assert len(vectors["jwt"]) >= 10
    for case in vectors["jwt"]:
        token = mint(case, use_jwt=True)
        assert opentok.decode_token(token).claims == case["claims"], case["name"]
        d = opentok.verify_token(token, case["input"]["api_secret"], now=case["input"]["now"])
        assert d.format == "JWT" and d.algorithm == "HS256"
        # the official SDK's own JWT decodes to the same claims and verifies with ours
        assert opentok.verify_token(case["token"], case["input"]["api_secret"], now=case["input"]["now"]).claims == case["claims"]


def test_vectors_rejects(vectors: Dict[str, Any]) -> None:
    for case in vectors["reject"]:
        inp = case["input"]
        client = opentok.Client(inp["api_key"], API_SECRET, _now=inp["now"], _nonce=1)
        for use_jwt in (True, False):
            with pytest.raises(opentok.InvalidArgumentError) as ei:
                client.generate_token(
                    inp["session_id"],
                    role=inp.get("role", "admin" if case["name"] == "role_not_a_role" else "publisher"),
                    expire_time=inp.get("expire_time"),
                    data=inp.get("data"),
                    initial_layout_class_list=inp.get("initial_layout_class_list", []),
                    use_jwt=use_jwt,
                )
            e = ei.value
            assert isinstance(e, opentok.OpenTokException) and e.kind == "invalid_argument", case["name"]
            assert e.field and e.field in str(e), case["name"]


def test_vectors_node_tokens_verify(vectors: Dict[str, Any]) -> None:
    for case in vectors["node_tokens"]:
        first = opentok.decode_token(case["token"])
        d = opentok.verify_token(case["token"], vectors["api_secret"], now=first.issued_at)
        assert d.format == case["format"]
        assert d.session_id == SID
        with pytest.raises(opentok.InvalidTokenError) as ei:
            opentok.verify_token(case["token"], "0" * 40, now=first.issued_at)
        assert ei.value.reason == "bad_signature"


def test_vectors_session_ids(vectors: Dict[str, Any]) -> None:
    for case in vectors["session_ids"]:
        sid = opentok.SessionId(case["session_id"])
        assert sid.fields == case["fields"]
        assert sid.api_key == case["api_key"]
        assert sid.location == case["location"]
        assert sid.create_time_field == case["create_time_field"]
        assert str(sid) == case["session_id"]
    for bad in vectors["bad_session_ids"]:
        with pytest.raises(opentok.InvalidArgumentError):
            opentok.SessionId(bad)


@pytest.fixture
def client() -> opentok.Client:
    return opentok.Client(API_KEY, API_SECRET, _now=NOW, _nonce=7)


def claims(token: str) -> Dict[str, Any]:
    return opentok.decode_token(token).claims


def test_defaults_are_publisher_24h_jwt(client: opentok.Client) -> None:
    c = claims(client.generate_token(SID))
    assert c["role"] == "publisher" and c["iat"] == NOW and c["exp"] == NOW + 86400
    assert c["iss"] == API_KEY and c["ist"] == "project" and c["scope"] == "session.connect"


@pytest.mark.parametrize(
    "role,wire",
    [(Roles.subscriber, "subscriber"), (Roles.publisher, "publisher"), (Roles.moderator, "moderator"),
     (Roles.publisher_only, "publisheronly"), ("moderator", "moderator"), ("publisher_only", "publisheronly")],
)
def test_roles(client: opentok.Client, role: Any, wire: str) -> None:
    assert claims(client.generate_token(SID, role=role))["role"] == wire
    assert opentok.decode_token(client.generate_token(SID, role=role, use_jwt=False)).role == wire


@pytest.mark.parametrize(
    "expire,expected",
    [
        (NOW + 3600, NOW + 3600),
        (str(NOW + 3600), NOW + 3600),
        (float(NOW + 3600) + 0.7, NOW + 3600),
        (datetime.datetime.fromtimestamp(NOW + 7200, tz=datetime.timezone.utc), NOW + 7200),
        (datetime.datetime.utcfromtimestamp(NOW + 7200), NOW + 7200),
        (datetime.timedelta(hours=2), NOW + 7200),
        (NOW + 30 * 86400, NOW + 30 * 86400),
    ],
)
def test_expire_time_shapes(client: opentok.Client, expire: Any, expected: int) -> None:
    assert claims(client.generate_token(SID, expire_time=expire))["exp"] == expected


@pytest.mark.parametrize(
    "expire",
    [NOW - 1, NOW + 30 * 86400 + 1, "tomorrow", "", True, [1], datetime.timedelta(days=31), datetime.timedelta(seconds=-5)],
)
def test_expire_time_rejected(client: opentok.Client, expire: Any) -> None:
    with pytest.raises(opentok.InvalidArgumentError) as ei:
        client.generate_token(SID, expire_time=expire)
    assert ei.value.field == "expire_time"


def test_data_and_layout(client: opentok.Client) -> None:
    c = claims(client.generate_token(SID, data="name=Zoë", initial_layout_class_list=["focus", "small"]))
    assert c["connection_data"] == "name=Zoë" and c["initial_layout_class_list"] == "focus small"
    assert "connection_data" not in claims(client.generate_token(SID, data=""))
    client.generate_token(SID, data="x" * 1000)
    with pytest.raises(opentok.InvalidArgumentError) as ei:
        client.generate_token(SID, data="x" * 1001)
    assert ei.value.field == "data" and "1000" in str(ei.value)
    with pytest.raises(opentok.InvalidArgumentError) as ei:
        client.generate_token(SID, data=42)  # type: ignore[arg-type]
    assert ei.value.field == "data"
    with pytest.raises(opentok.InvalidArgumentError) as ei:
        client.generate_token(SID, initial_layout_class_list=["ok", 3])  # type: ignore[list-item]
    assert ei.value.field == "initial_layout_class_list"
    with pytest.raises(opentok.InvalidArgumentError):
        client.generate_token(SID, initial_layout_class_list="focus")
    assert claims(client.generate_token(SID, initial_layout_class_list=("a", "b")))["initial_layout_class_list"] == "a b"


def test_session_id_ownership(client: opentok.Client) -> None:
    other = "1_MX42NTQzMjF-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4"
    with pytest.raises(opentok.InvalidArgumentError) as ei:
        client.generate_token(other)
    assert ei.value.field == "session_id" and "654321" in str(ei.value)
    with pytest.raises(opentok.InvalidArgumentError):
        client.generate_token(None)  # type: ignore[arg-type]


def test_verify_and_explain() -> None:
    c = opentok.Client(API_KEY, API_SECRET)
    token = c.generate_token(SID, role="moderator")
    d = opentok.verify_token(token, API_SECRET)
    assert d.role == "moderator" and d.session_id == SID and d.project_id == API_KEY
    assert d.expires_at is not None and d.issued_at is not None and d.expires_at - d.issued_at == 86400
    with pytest.raises(opentok.InvalidTokenError) as ei:
        opentok.verify_token(token, "0" * 40)
    assert ei.value.reason == "bad_signature" and ei.value.kind == "invalid_token"
    assert API_SECRET not in str(ei.value)
    ex = opentok.explain_token(token, API_SECRET)
    assert ex.valid and "moderator" in ex.verdict and ex.reason is None
    assert ex.decoded is not None and ex.decoded.role == "moderator"
    late = opentok.explain_token(token, API_SECRET, now=d.expires_at + 3 * 3600)
    assert not late.valid and late.reason == "expired" and "expired" in late.verdict
    bad = opentok.explain_token("garbage")
    assert not bad.valid and bad.decoded is None
    with pytest.raises(opentok.InvalidTokenError):
        opentok.decode_token("garbage")
    t1 = c.generate_token(SID, use_jwt=False)
    assert opentok.verify_token(t1, API_SECRET).format == "T1"


def test_eight_threads_minting() -> None:
    client = opentok.Client(API_KEY, API_SECRET)
    results: List[List[str]] = [[] for _ in range(8)]
    errors: List[BaseException] = []

    def work(i: int) -> None:
        try:
            for n in range(1500):
                results[i].append(client.generate_token(SID, data=f"t{i}-{n}", use_jwt=(n % 2 == 0)))
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    seen: Set[str] = set()
    for i, tokens in enumerate(results):
        assert len(tokens) == 1500
        for n, tok in enumerate(tokens[:50] + tokens[-50:]):
            assert opentok.verify_token(tok, API_SECRET).connection_data is not None
        seen.update(tokens)
    assert len(seen) == 8 * 1500


def test_session_id_object() -> None:
    sid = opentok.SessionId(SID)
    assert sid.prefix == "1" and sid.belongs_to(API_KEY) and not sid.belongs_to("654321")
    assert sid == opentok.SessionId(SID) and len({sid, opentok.SessionId(SID)}) == 1
    assert repr(sid).startswith("SessionId(")


def test_forked_child_draws_fresh_nonces() -> None:
    import os

    if not hasattr(os, "fork"):
        pytest.skip("needs os.fork")
    client = opentok.Client(API_KEY, API_SECRET, _now=NOW)  # real random nonces, fixed clock
    client.generate_token(SID)  # the parent now holds pooled randomness
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            nonces = [str(opentok.decode_token(client.generate_token(SID)).nonce) for _ in range(8)]
            os.write(w, ",".join(nonces).encode())
        finally:
            os._exit(0)
    os.close(w)
    child = os.read(r, 4096).decode().split(",")
    os.close(r)
    os.waitpid(pid, 0)
    parent = [str(opentok.decode_token(client.generate_token(SID)).nonce) for _ in range(8)]
    assert len(child) == 8
    assert child != parent
    assert all(0 <= int(n) <= 999999 for n in child + parent)
