"""Shared fixtures: a real emulator process, a scriptable socket server for faults the emulator
cannot produce, the token vectors, and a scratch venv holding the official ``opentok`` package."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import pytest

REPO = Path(__file__).resolve().parents[2]
API_KEY = "123456"
API_SECRET = "1234567890abcdef1234567890abcdef1234567890"
SID = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4"
OFFICIAL_VERSION = "3.15.0"


def emulator_binary() -> Path:
    candidates = []
    if os.environ.get("EMULATOR_BIN"):
        candidates.append(Path(os.environ["EMULATOR_BIN"]))
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    candidates += [target / "debug" / "opentok-emulator", REPO / "target" / "debug" / "opentok-emulator"]
    for c in candidates:
        if c.is_file():
            return c
    raise RuntimeError(
        "opentok-emulator binary not found (tried %s); build it with `cargo build -p opentok-emulator`"
        % ", ".join(map(str, candidates))
    )


class Emulator:
    """A running `opentok-emulator --port 0 --in-memory` process, started by the package's own
    fixture helper (``opentok_native.testing.start_emulator``)."""

    def __init__(self, *extra: str) -> None:
        from opentok_native.testing import start_emulator

        self.running = start_emulator(*extra, binary=str(emulator_binary()))
        self.proc = self.running.process
        self.url = self.running.url

    def request(self, method: str, path: str, body: Optional[Dict[str, Any]] = None) -> Tuple[int, Any]:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                raw = r.read()
                return r.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as e:
            raw = e.read()
            return e.code, json.loads(raw) if raw else None

    def connect(self, session_id: str, token: str) -> Tuple[int, Any]:
        """A simulated client connecting with `token`."""
        return self.request("POST", f"/emulator/v1/sessions/{session_id}/connections", {"token": token})

    def stop(self) -> None:
        self.running.stop()


@pytest.fixture(scope="session")
def emulator() -> Iterator[Emulator]:
    emu = Emulator()
    try:
        yield emu
    finally:
        emu.stop()


APP_ID = "29f760f8-7ce1-46c9-ade3-f2dedee4ed5f"
APP_PRIVATE_KEY = REPO / "tests" / "keys" / "app_private.pem"
APP_PUBLIC_KEY = REPO / "tests" / "keys" / "app_public.pem"


@pytest.fixture(scope="session")
def app_emulator() -> Iterator[Emulator]:
    """An emulator that also serves a Vonage application (RS256 REST auth and tokens)."""
    emu = Emulator("--application", f"{APP_ID}:{APP_PUBLIC_KEY}")
    try:
        yield emu
    finally:
        emu.stop()


Reply = Tuple[int, Dict[str, str], bytes]


class LoopbackServer:
    """A real HTTP server on a loopback port (HTTP/1.1, keep-alive, quiet); ``respond`` (a
    subclass's) answers every request, given the handler (method, path, headers) and the body."""

    def __init__(self) -> None:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, headers, payload = server.respond(self, body)
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_PUT = do_PATCH = do_DELETE = do_POST

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def respond(self, request: BaseHTTPRequestHandler, body: bytes) -> Reply:
        raise NotImplementedError

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class StubServer(LoopbackServer):
    """A real HTTP server on a loopback port answering with scripted replies, recording requests.

    Used only for what the emulator cannot do: arbitrary error statuses, broken bodies.
    """

    def __init__(self) -> None:
        self.replies: List[Reply] = []
        self.default: Reply = (200, {"Content-Type": "application/json"}, b"[]")
        self.requests: List[Dict[str, Any]] = []
        super().__init__()

    def respond(self, request: BaseHTTPRequestHandler, body: bytes) -> Reply:
        self.requests.append(
            {"method": request.command, "path": request.path, "headers": dict(request.headers), "body": body.decode()}
        )
        return self.replies.pop(0) if self.replies else self.default

    def reply(self, status: int, body: Any, content_type: str = "application/json", **headers: str) -> None:
        payload = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.replies.append((status, {"Content-Type": content_type, **headers}, payload))


@pytest.fixture
def stub() -> Iterator[StubServer]:
    s = StubServer()
    try:
        yield s
    finally:
        s.close()


class SilentServer:
    """Accepts TCP connections and never answers (for timeouts)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.url = "http://127.0.0.1:%d" % self.sock.getsockname()[1]
        self.conns: List[socket.socket] = []
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stop:
            try:
                c, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(c)

    def close(self) -> None:
        self._stop = True
        for c in self.conns:
            c.close()
        self.sock.close()


@pytest.fixture
def silent() -> Iterator[SilentServer]:
    s = SilentServer()
    try:
        yield s
    finally:
        s.close()


def assert_layout_refusals(
    set_layout: Callable[..., Any], stop: Callable[[str], Any], resource_id: str, *bad: Any, error: Any, **bad_kw: Any
) -> None:
    """The layout rules of a running archive or broadcast: ``set_layout(resource_id, *bad,
    **bad_kw)`` breaks the stylesheet rule (an ``InvalidArgumentError`` naming the field, nothing
    sent); once stopped (``stop``), a layout change is refused with 409 as ``error``."""
    import opentok_native as opentok

    with pytest.raises(opentok.InvalidArgumentError) as e:
        set_layout(resource_id, *bad, **bad_kw)
    assert e.value.field is not None and "stylesheet" in e.value.field
    stop(resource_id)
    with pytest.raises(error) as stopped:
        set_layout(resource_id, "pip")
    assert stopped.value.status == 409


class Spinner:
    """A thread counting its turns (about one a millisecond) while the ``with`` block runs: a call
    that held the GIL all along would leave it (almost) none."""

    def __init__(self) -> None:
        self.ticks = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._spin)

    def _spin(self) -> None:
        while not self._done.is_set():
            self.ticks += 1
            time.sleep(0.001)

    def __enter__(self) -> "Spinner":
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._done.set()
        self._thread.join()


@pytest.fixture(scope="session")
def vectors() -> Dict[str, Any]:
    with open(REPO / "tests" / "vectors" / "tokens.json", encoding="utf-8") as f:
        return json.load(f)


def _official_python() -> Path:
    """A scratch venv (under .scratch/, gitignored) with the official opentok package from PyPI."""
    venv = REPO / ".scratch" / "python-official"
    py = venv / "bin" / "python"
    marker = venv / f".opentok-{OFFICIAL_VERSION}"
    if not marker.exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        subprocess.run(
            [str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", f"opentok=={OFFICIAL_VERSION}"],
            check=True,
        )
        marker.touch()
    return py


@pytest.fixture(scope="session")
def official() -> Callable[[str, Any], Any]:
    """Runs a snippet in the official package's venv: `official(code, payload)`; the snippet reads
    `payload` and assigns `result`, which comes back through JSON."""
    py = _official_python()

    def run(code: str, payload: Any = None) -> Any:
        script = (
            "import json, sys\n"
            "payload = json.loads(sys.stdin.read())\n" + code + "\nprint(json.dumps(result))\n"
        )
        out = subprocess.run(
            [str(py), "-c", script], input=json.dumps(payload), capture_output=True, text=True, timeout=120
        )
        if out.returncode != 0:
            raise AssertionError("official snippet failed:\n" + out.stderr)
        return json.loads(out.stdout.strip().splitlines()[-1])

    return run


def wait_until(cond: Callable[[], bool], timeout: float = 5.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.01)
    return cond()


class Room:
    """A routed session on the emulator with one connected moderator client (simulated), able to
    publish streams and read what its connections received."""

    def __init__(self, emulator: Emulator, client: Any, media_mode: str = "routed", connect: bool = True) -> None:
        self.emulator = emulator
        self.client = client
        self.session_id: str = client.create_session(media_mode=media_mode).session_id
        self.token: str = client.generate_token(self.session_id, role="moderator")
        self.connection_id = ""
        if connect:
            self.connection_id = self.connect()

    def connect(self, role: str = "moderator") -> str:
        """Connects one more simulated client; returns its connection id."""
        status, body = self.emulator.connect(self.session_id, self.client.generate_token(self.session_id, role=role))
        assert status == 201, body
        return str(body["connectionId"])

    def publish(self, connection_id: Optional[str] = None, **stream: Any) -> str:
        """Publishes a stream from a simulated connection; returns the stream id."""
        cid = connection_id or self.connection_id
        status, body = self.emulator.request(
            "POST", f"/emulator/v1/sessions/{self.session_id}/connections/{cid}/streams", stream
        )
        assert status == 201, body
        return str(body["id"])

    def emu(self, path: str) -> Any:
        """GETs an emulator-only endpoint of this session (`/emulator/v1/sessions/{id}` + path)."""
        status, body = self.emulator.request("GET", f"/emulator/v1/sessions/{self.session_id}{path}")
        assert status == 200, body
        return body


@pytest.fixture
def client(emulator: Emulator) -> Any:
    import opentok_native

    return opentok_native.Client(API_KEY, API_SECRET, emulator.url)


@pytest.fixture
def room(emulator: Emulator, client: Any) -> Room:
    return Room(emulator, client)
