"""The cross-binding model documents (tests/models/): an archive, a broadcast and a render with
odd-but-plausible fields, served by a real loopback server, read through this binding show the
values of tests/models/expected.json, which every other binding's suite checks too."""

from __future__ import annotations

import importlib.util
import json
from typing import Any, Dict, Iterator

import pytest

import opentok_native as opentok
from conftest import API_KEY, API_SECRET, REPO

MODELS = REPO / "tests" / "models"
EXPECTED: Dict[str, Dict[str, Any]] = json.loads((MODELS / "expected.json").read_text())


@pytest.fixture(scope="module")
def docs_url() -> Iterator[str]:
    spec = importlib.util.spec_from_file_location("models_serve", MODELS / "serve.py")
    assert spec is not None and spec.loader is not None
    serve = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serve)
    server, url = serve.start()
    yield url
    server.shutdown()


@pytest.fixture(params=["sync", "async"])
def read(request: Any, docs_url: str) -> Any:
    if request.param == "sync":
        client = opentok.Client(API_KEY, API_SECRET, api_url=docs_url)
        return lambda name, *args: getattr(client, name)(*args)
    aclient = opentok.AsyncClient(API_KEY, API_SECRET, api_url=docs_url)
    import asyncio

    return lambda name, *args: asyncio.run(getattr(aclient, name)(*args))


def test_archive_shows_the_expected_values(read: Any) -> None:
    want = EXPECTED["archive"]
    a = read("get_archive", want["id"])
    assert (a.id, a.status, a.name, a.session_id) == (want["id"], want["status"], want["name"], want["session_id"])
    assert (a.partner_id, a.project_id) == (want["partner_id"], want["project_id"])
    assert (a.has_audio, a.has_video) == (want["has_audio"], want["has_video"])
    assert (a.size, a.duration, a.raw["createdAt"]) == (want["size"], want["duration"], want["created_at"])
    assert (a.output_mode.value, a.url, a.resolution) == (want["output_mode"], want["url"], want["resolution"])


def test_broadcast_shows_the_expected_values(read: Any) -> None:
    want = EXPECTED["broadcast"]
    b = read("get_broadcast", want["id"])
    assert (b.id, b.status, b.sessionId) == (want["id"], want["status"], want["session_id"])
    assert (b.raw["partnerId"], b.projectId) == (want["partner_id"], want["project_id"])
    assert (b.createdAt, b.updatedAt, b.maxDuration) == (want["created_at"], want["updated_at"], want["max_duration"])
    assert (b.hasAudio, b.hasVideo, b.resolution) == (want["has_audio"], want["has_video"], want["resolution"])
    urls = b.broadcastUrls
    assert urls["hls"] == want["hls"]
    assert [r["id"] for r in urls["rtmp"]] == want["rtmp_ids"]
    assert [r["status"] for r in urls["rtmp"]] == want["rtmp_statuses"]


def test_render_shows_the_expected_values(read: Any) -> None:
    want = EXPECTED["render"]
    r = read("get_render", want["id"])
    assert (r.id, r.status, r.sessionId, r.streamId) == (want["id"], want["status"], want["session_id"], want["stream_id"])
    assert (r.raw["applicationId"], r.projectId, r.createdAt) == (want["application_id"], want["project_id"], want["created_at"])
