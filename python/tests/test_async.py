"""AsyncClient: coroutines on the one shared runtime, truly concurrent, any loop, after fork."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from typing import Any

import pytest

import opentok_native as opentok
from opentok_native import MediaModes

from conftest import API_KEY, API_SECRET, Emulator


def test_hundred_concurrent_create_session(emulator: Emulator) -> None:
    client = opentok.AsyncClient(API_KEY, API_SECRET, api_url=emulator.url)  # outside any loop

    async def main() -> list:
        return await asyncio.gather(*[client.create_session(media_mode=MediaModes.routed) for _ in range(100)])

    sessions = asyncio.run(main())
    ids = {s.session_id for s in sessions}
    assert len(ids) == 100
    assert all(s.media_mode is MediaModes.routed for s in sessions)
    for s in sessions[:5]:
        status, _ = emulator.connect(s.session_id, s.generate_token())
        assert status == 201


def test_concurrency_is_real(silent: Any) -> None:
    # 20 requests that each time out after 0.5 s finish in about 0.5 s together, not 10 s
    client = opentok.AsyncClient(API_KEY, API_SECRET, api_url=silent.url, timeout=0.5)

    async def one() -> str:
        try:
            await client.create_session()
            return "ok"
        except opentok.RequestTimeoutError:
            return "timeout"

    async def main() -> list:
        return await asyncio.gather(*[one() for _ in range(20)])

    start = time.monotonic()
    results = asyncio.run(main())
    assert results == ["timeout"] * 20
    assert time.monotonic() - start < 3.0


def test_usable_from_several_loops_and_errors_are_typed(emulator: Emulator) -> None:
    client = opentok.AsyncClient(API_KEY, API_SECRET, api_url=emulator.url)
    for _ in range(3):
        s = asyncio.run(client.create_session())
        assert s.session_id

    async def bad() -> None:
        await client.create_session(archive_mode="always")

    with pytest.raises(opentok.InvalidArgumentError):
        asyncio.run(bad())
    wrong = opentok.AsyncClient(API_KEY, "0" * 40, api_url=emulator.url)
    with pytest.raises(opentok.AuthError) as ei:
        asyncio.run(wrong.create_session())
    assert ei.value.status == 403 and ei.value.api_message


def test_seed_api_async(emulator: Emulator) -> None:
    client = opentok.AsyncClient(API_KEY, API_SECRET, api_url=emulator.url)

    async def main() -> opentok.Session:
        return await client.create_session_from_properties("12.34.56.78", {"p2p.preference": "disabled"})

    s = asyncio.run(main())
    assert s.media_mode is MediaModes.routed and s.getSessionId() == s.session_id


def test_cancel_does_not_break_the_runtime(silent: Any, emulator: Emulator) -> None:
    slow = opentok.AsyncClient(API_KEY, API_SECRET, api_url=silent.url, timeout=5)
    fast = opentok.AsyncClient(API_KEY, API_SECRET, api_url=emulator.url)

    async def main() -> str:
        task = asyncio.ensure_future(slow.create_session())
        await asyncio.sleep(0.1)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return (await fast.create_session()).session_id

    assert asyncio.run(main())


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_after_fork(emulator: Emulator) -> None:
    sync_client = opentok.Client(API_KEY, API_SECRET, api_url=emulator.url)
    async_client = opentok.AsyncClient(API_KEY, API_SECRET, api_url=emulator.url)
    # use both in the parent first, so a runtime and connection pools exist before the fork
    sync_client.create_session()
    asyncio.run(async_client.create_session())
    parent_runtime = opentok._native._runtime_pid()
    assert parent_runtime == os.getpid()

    pid = os.fork()
    if pid == 0:  # child
        code = 1
        try:
            s = sync_client.create_session()

            async def main() -> list:
                return await asyncio.gather(*[async_client.create_session() for _ in range(10)])

            sessions = asyncio.run(main())
            ok = bool(s.session_id) and len({x.session_id for x in sessions}) == 10
            ok = ok and opentok._native._runtime_pid() == os.getpid()
            code = 0 if ok else 2
        except BaseException as e:  # pragma: no cover - reported through the exit code
            print("child failed:", repr(e), file=sys.stderr)
        finally:
            os._exit(code)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.05)
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        pytest.fail("child hung after fork")
    assert os.waitstatus_to_exitcode(status) == 0
    # and the parent still works
    assert sync_client.create_session().session_id
    assert asyncio.run(async_client.create_session()).session_id
