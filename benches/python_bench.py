"""Benchmark: opentok_native vs the official opentok==3.15.0, same run, same machine.

    make bench-python            # or: EMULATOR_BIN=... .venv/bin/python benches/python_bench.py

Measures JWT and T1 tokens/s, create_session calls/s against a local emulator (ours sequential,
ours asyncio with 64 in flight, official sequential), and import time / RSS added by the import.
Prints each figure with the ratio ours/official. Not a test: it never fails on a number.
The official package is installed from PyPI into .scratch/python-official (as the tests do).
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable, Dict, List

REPO = Path(__file__).resolve().parents[1]
API_KEY = "123456"
API_SECRET = "1234567890abcdef1234567890abcdef1234567890"
SID = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4"
OFFICIAL = "opentok==3.15.0"
TOKEN_SECONDS = 2.0
SESSION_CALLS = 400


def rate(fn: Callable[..., Any], arg: Any, use_jwt: bool = True, seconds: float = TOKEN_SECONDS) -> float:
    """Calls per second of `fn(arg)` (or `fn(arg, use_jwt=False)`), best of 3 runs of about
    `seconds`/3 each. The loop calls the bound method directly, as applications do."""
    best = 0.0
    batch = range(200)
    for _ in range(3):
        n = 0
        start = time.perf_counter()
        end = start + seconds / 3
        while True:
            if use_jwt:
                for _ in batch:
                    fn(arg)
            else:
                for _ in batch:
                    fn(arg, use_jwt=False)
            n += 200
            now = time.perf_counter()
            if now >= end:
                break
        best = max(best, n / (now - start))
    return best


def sequential_sessions(client: Any, calls: int = SESSION_CALLS) -> float:
    client.create_session()  # warm the connection
    start = time.perf_counter()
    for _ in range(calls):
        client.create_session()
    return calls / (time.perf_counter() - start)


IMPORT_PROBE = r"""
import json, sys, time
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096
r0 = rss(); t0 = time.perf_counter()
import {module}
t1 = time.perf_counter(); r1 = rss()
print(json.dumps({{"seconds": t1 - t0, "rss": r1 - r0}}))
"""


def import_cost(python: str, module: str, runs: int = 7) -> Dict[str, float]:
    secs: List[float] = []
    rss: List[float] = []
    for _ in range(runs):
        out = subprocess.run([python, "-c", IMPORT_PROBE.format(module=module)], capture_output=True, text=True, check=True)
        d = json.loads(out.stdout)
        secs.append(d["seconds"])
        rss.append(d["rss"])
    return {"import_ms": statistics.median(secs) * 1000, "import_rss_mib": statistics.median(rss) / 2**20}


def official_side(api_url: str) -> Dict[str, float]:
    """Runs inside the official package's venv."""
    import opentok  # type: ignore[import-not-found]

    client = opentok.Client(API_KEY, API_SECRET, api_url=api_url)
    return {
        "jwt_per_s": rate(client.generate_token, SID),
        "t1_per_s": rate(client.generate_token, SID, use_jwt=False),
        "sessions_seq_per_s": sequential_sessions(client, SESSION_CALLS // 2),
    }


def our_side(api_url: str) -> Dict[str, float]:
    import opentok_native as opentok

    client = opentok.Client(API_KEY, API_SECRET, api_url=api_url)
    aclient = opentok.AsyncClient(API_KEY, API_SECRET, api_url=api_url)

    async def in_flight(total: int, width: int) -> float:
        sem = asyncio.Semaphore(width)

        async def one() -> None:
            async with sem:
                await aclient.create_session()

        await asyncio.gather(*[one() for _ in range(width)])  # warm the pool
        start = time.perf_counter()
        await asyncio.gather(*[one() for _ in range(total)])
        return total / (time.perf_counter() - start)

    return {
        "jwt_per_s": rate(client.generate_token, SID),
        "t1_per_s": rate(client.generate_token, SID, use_jwt=False),
        "sessions_seq_per_s": sequential_sessions(client),
        "sessions_async64_per_s": asyncio.run(in_flight(SESSION_CALLS * 5, 64)),
    }


def official_python() -> str:
    venv = REPO / ".scratch" / "python-official"
    py = venv / "bin" / "python"
    marker = venv / ".opentok-3.15.0"
    if not marker.exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", OFFICIAL], check=True)
        marker.touch()
    return str(py)


def start_emulator() -> "tuple[subprocess.Popen[str], str]":
    binary = os.environ.get("EMULATOR_BIN") or str(REPO / "target" / "debug" / "opentok-emulator")
    proc = subprocess.Popen([binary, "--port", "0", "--in-memory"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    if not line.startswith("listening on "):
        proc.kill()
        raise SystemExit("emulator did not start: %r" % line)
    threading.Thread(target=proc.stdout.read, daemon=True).start()
    return proc, line[len("listening on ") :]


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--official-side":
        print(json.dumps(official_side(sys.argv[2])))
        return
    py_official = official_python()
    proc, url = start_emulator()
    try:
        ours = our_side(url)
        out = subprocess.run([py_official, __file__, "--official-side", url], capture_output=True, text=True, check=True)
        theirs = json.loads(out.stdout.strip().splitlines()[-1])
    finally:
        proc.terminate()
        proc.wait(5)
    ours.update(import_cost(sys.executable, "opentok_native"))
    theirs.update(import_cost(py_official, "opentok"))

    rows = [
        ("JWT tokens/s", ours["jwt_per_s"], theirs["jwt_per_s"], "x"),
        ("T1 tokens/s", ours["t1_per_s"], theirs["t1_per_s"], "x"),
        ("create_session/s sequential", ours["sessions_seq_per_s"], theirs["sessions_seq_per_s"], "x"),
        ("create_session/s asyncio, 64 in flight", ours["sessions_async64_per_s"], theirs["sessions_seq_per_s"], "x vs official sequential"),
        ("import time (ms)", ours["import_ms"], theirs["import_ms"], "x faster"),
        ("RSS added by import (MiB)", ours["import_rss_mib"], theirs["import_rss_mib"], "x smaller"),
    ]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus; official = {OFFICIAL}; emulator at {url}")
    print(f"{'metric':42} {'opentok_native':>15} {'official':>12} {'ratio':>10}")
    for name, a, b, unit in rows:
        ratio = (b / a) if unit.startswith("x faster") or unit.startswith("x smaller") else (a / b)
        print(f"{name:42} {a:15.1f} {b:12.1f} {ratio:9.1f}{unit}")
    print(json.dumps({"ours": ours, "official": theirs}))


if __name__ == "__main__":
    main()
