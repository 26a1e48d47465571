"""Hostile inputs, run in a child process by test_hostile.py so that a crash (a segfault, an abort,
a Rust panic crossing the FFI) fails one test with its exit code instead of killing pytest.

Every case must end in a Python exception of ours (or a clean answer); the script prints one
line per case and ``all cases survived`` at the end. Usage: ``hostile_child.py <emulator url>``.
"""

from __future__ import annotations

import asyncio
import math
import sys
import threading
from typing import Any, Callable, Dict, List

import opentok_native as opentok

API_KEY = "123456"
API_SECRET = "1234567890abcdef1234567890abcdef1234567890"
SID = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4"


class Exploding:
    """An object whose every conversion raises."""

    def __str__(self) -> str:
        raise RuntimeError("boom in __str__")

    def __index__(self) -> int:
        raise RuntimeError("boom in __index__")

    def __float__(self) -> float:
        raise RuntimeError("boom in __float__")

    def __len__(self) -> int:
        raise RuntimeError("boom in __len__")

    def __iter__(self) -> Any:
        raise RuntimeError("boom in __iter__")


class LyingMapping(Dict[str, Any]):
    """A dict subclass whose items() raises halfway."""

    def items(self) -> Any:
        yield ("type", "t")
        raise RuntimeError("boom in items()")


def case(name: str, call: Callable[[], Any]) -> None:
    try:
        call()
        outcome = "answered"
    except opentok.OpenTokException as e:
        outcome = type(e).__name__
    except (TypeError, ValueError, OverflowError, RuntimeError) as e:
        outcome = type(e).__name__
    print(f"{name}: {outcome}", flush=True)


def deep(levels: int, leaf: Any = "x") -> Any:
    for _ in range(levels):
        leaf = {"d": leaf}
    return leaf


def main(url: str) -> None:
    client = opentok.Client(API_KEY, API_SECRET, api_url=url, max_retries=0)
    cyclic: Dict[str, Any] = {}
    cyclic["self"] = cyclic
    cyclic_list: List[Any] = []
    cyclic_list.append(cyclic_list)
    cases: Dict[str, Callable[[], Any]] = {
        "cyclic layout": lambda: client.start_archive(SID, layout=cyclic),
        "cyclic signal data": lambda: client.send_signal(SID, {"type": "t", "data": cyclic_list}),
        "deep signal 100k": lambda: client.send_signal(SID, {"type": "t", "data": deep(100_000)}),
        "deep broadcast outputs": lambda: client.start_broadcast(SID, {"outputs": deep(10_000)}),
        "deep class lists": lambda: client.set_stream_class_lists(SID, [deep(10_000)]),
        "exploding token data": lambda: client.generate_token(SID, data=Exploding()),  # type: ignore[arg-type]
        "exploding expire": lambda: client.generate_token(SID, expire_time=Exploding()),  # type: ignore[arg-type]
        "exploding role": lambda: client.generate_token(SID, role=Exploding()),  # type: ignore[arg-type]
        "exploding session id": lambda: client.generate_token(Exploding()),  # type: ignore[arg-type]
        "exploding layout": lambda: client.start_archive(SID, layout=Exploding()),  # type: ignore[arg-type]
        "lying mapping signal": lambda: client.send_signal(SID, LyingMapping()),
        "huge int expire": lambda: client.generate_token(SID, expire_time=2**200),
        "negative expire": lambda: client.generate_token(SID, expire_time=-(2**70)),
        "nan expire": lambda: client.generate_token(SID, expire_time=math.nan),
        "inf expire": lambda: client.generate_token(SID, expire_time=math.inf),
        "surrogate data": lambda: client.generate_token(SID, data="\ud800"),
        "surrogate session id": lambda: client.generate_token("\udfff"),
        "nul in session id": lambda: client.get_stream("a\x00b", "s"),
        "bytes session id": lambda: client.generate_token(b"abc"),  # type: ignore[arg-type]
        "huge data": lambda: client.generate_token(SID, data="x" * 50_000_000),
        "huge class list": lambda: client.generate_token(SID, initial_layout_class_list=["c"] * 1_000_000),
        "surrogate archive name": lambda: client.start_archive(SID, name="\ud83d"),
        "exploding client key": lambda: opentok.Client(Exploding(), API_SECRET),  # type: ignore[arg-type]
        "surrogate secret": lambda: opentok.Client(API_KEY, "\ud800" * 40),
        "timeout huge": lambda: opentok.Client(API_KEY, API_SECRET, timeout=10**400),
        "timeout nan": lambda: opentok.Client(API_KEY, API_SECRET, timeout=math.nan),
    }
    for name, call in cases.items():
        case(name, call)

    # Threads still inside native calls when the interpreter shuts down.
    stop = threading.Event()

    def mint() -> None:
        while not stop.is_set():
            client.generate_token(SID, data="thread")

    for _ in range(8):
        threading.Thread(target=mint, daemon=True).start()

    # asyncio calls cancelled mid-flight, then the loop closed with work pending.
    aclient = opentok.AsyncClient(API_KEY, API_SECRET, api_url=url, max_retries=0)

    async def cancel_many() -> None:
        tasks = [asyncio.ensure_future(aclient.create_session()) for _ in range(200)]
        await asyncio.sleep(0)
        for t in tasks[::2]:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        # left running when the loop closes
        for _ in range(3):
            asyncio.ensure_future(aclient.list_archives())

    loop = asyncio.new_event_loop()
    loop.run_until_complete(cancel_many())
    loop.close()
    print("all cases survived", flush=True)
    # daemon threads are still minting tokens: the interpreter finalises under them


if __name__ == "__main__":
    main(sys.argv[1])
