"""Test helpers: a real ``opentok-emulator`` process for a test, and a client pointed at it.

A pytest plugin (registered through the ``pytest11`` entry point, so installing
``opentok-native`` is enough) with two fixtures::

    def test_create_session(opentok_client, opentok_emulator):
        session = opentok_client.create_session(media_mode="routed")
        token = opentok_client.generate_token(session.session_id)
        assert opentok_emulator.connect(session.session_id, token)["connectionId"]

``opentok_emulator`` starts the emulator on a free loopback port, in memory, and stops it after
the test even when the test fails; ``opentok_client`` is an ``opentok_native.Client`` pointed at
it. One emulator per test by default; ``opentok_emulator_scope = session`` (or ``module``) in the
pytest ini options shares one. The binary is ``$EMULATOR_BIN`` when set, else the
``opentok-emulator`` command of the ``opentok-emulator`` package (``pip install
opentok-emulator``) on ``PATH`` or beside the running interpreter.

Without pytest: ``with start_emulator() as emu: client = emu.client()``.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Dict, Iterator, List, Literal, Optional, Sequence, Set, Tuple

#: The emulator's development project (served when no ``--project`` is given).
DEFAULT_API_KEY = "123456"
DEFAULT_API_SECRET = "1234567890abcdef1234567890abcdef1234567890"

_COMMAND = "opentok-emulator"
_LISTENING = "listening on "


class EmulatorNotFoundError(RuntimeError):
    """No ``opentok-emulator`` binary: neither ``$EMULATOR_BIN`` nor the packaged command."""


class EmulatorStartError(RuntimeError):
    """The emulator process exited or stayed silent instead of announcing its address."""


def find_emulator(binary: Optional[str] = None) -> str:
    """The emulator binary to run: ``binary`` when given, else ``$EMULATOR_BIN``, else the
    ``opentok-emulator`` command on ``PATH``, in this interpreter's scripts folder or beside it.
    Raises ``EmulatorNotFoundError`` naming what was tried."""
    if binary is None:
        binary = os.environ.get("EMULATOR_BIN") or None
    if binary is not None:
        if os.path.isfile(binary) and os.access(binary, os.X_OK):
            return binary
        raise EmulatorNotFoundError(
            "opentok-emulator binary %r does not exist or is not executable (from %s)"
            % (binary, "$EMULATOR_BIN" if os.environ.get("EMULATOR_BIN") == binary else "the binary argument")
        )
    tried: List[str] = ["$EMULATOR_BIN (unset)", "PATH"]
    found = shutil.which(_COMMAND)
    if found:
        return found
    for folder in (sysconfig.get_path("scripts"), str(Path(sys.executable).parent)):
        candidate = Path(folder) / _COMMAND
        tried.append(str(candidate))
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    raise EmulatorNotFoundError(
        "opentok-emulator not found (tried %s): `pip install opentok-emulator`, or set EMULATOR_BIN "
        "to the binary" % ", ".join(tried)
    )


_running: Set["RunningEmulator"] = set()
_running_lock = threading.Lock()


def _stop_all() -> None:
    with _running_lock:
        left = list(_running)
    for emu in left:
        emu.stop()


atexit.register(_stop_all)


class RunningEmulator:
    """A started ``opentok-emulator`` process: its ``url``, the credentials of the project it
    serves (``api_key``, ``api_secret``), its ``pid``; ``client()`` makes a client pointed at it,
    ``connect()`` joins a simulated client, ``stop()`` ends it (also on ``with`` exit)."""

    def __init__(self, process: "subprocess.Popen[str]", url: str, api_key: str, api_secret: str) -> None:
        self.process = process
        self.url = url
        self.api_key = api_key
        self.api_secret = api_secret

    def __repr__(self) -> str:
        return "RunningEmulator(url=%r, api_key=%r, pid=%d)" % (self.url, self.api_key, self.pid)

    @property
    def pid(self) -> int:
        """The emulator's process id."""
        return self.process.pid

    def client(self, **kwargs: Any) -> Any:
        """An ``opentok_native.Client`` for this emulator's project (``kwargs`` as for ``Client``)."""
        from .client import Client

        return Client(self.api_key, self.api_secret, self.url, **kwargs)

    def request(self, method: str, path: str, body: Optional[Dict[str, Any]] = None) -> Tuple[int, Any]:
        """One HTTP request to the emulator (``path`` from the root); answers (status, parsed JSON)."""
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

    def connect(self, session_id: str, token: str) -> Dict[str, Any]:
        """Connects a simulated client with ``token`` (the emulator checks it as the service
        would); answers the connection. A refused token raises ``AssertionError`` with the reason."""
        status, body = self.request("POST", "/emulator/v1/sessions/%s/connections" % session_id, {"token": token})
        if status != 201:
            raise AssertionError("the emulator refused the token (%d): %s" % (status, body))
        return dict(body)

    def stop(self) -> None:
        """Ends the process (SIGTERM, then SIGKILL after 5 s) and waits for it. Idempotent."""
        with _running_lock:
            _running.discard(self)
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()

    def __enter__(self) -> "RunningEmulator":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()


def start_emulator(
    *args: str,
    binary: Optional[str] = None,
    api_key: Optional[str] = None,
    api_secret: Optional[str] = None,
    timeout: float = 20.0,
) -> RunningEmulator:
    """Starts the emulator on a free loopback port, in memory, and waits until it listens.

    ``args`` are extra command-line flags (e.g. ``"--application", "ID:key.pem"``). With
    ``api_key``/``api_secret`` it serves that project instead of the development one. Raises
    ``EmulatorNotFoundError`` or ``EmulatorStartError``; a process that did not come up is killed.
    """
    exe = find_emulator(binary)
    key = api_key or DEFAULT_API_KEY
    secret = api_secret or DEFAULT_API_SECRET
    argv: List[str] = [exe, "--port", "0", "--in-memory"]
    if api_key is not None or api_secret is not None:
        argv += ["--project", "%s:%s" % (key, secret)]
    argv += list(args)
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first: List[str] = []
    reader = threading.Thread(target=lambda: first.append(proc.stdout.readline() if proc.stdout else ""), daemon=True)
    reader.start()
    reader.join(timeout)
    answered = bool(first)
    line = first[0].strip() if answered else ""
    if not line.startswith(_LISTENING):
        proc.kill()
        try:
            _, err = proc.communicate(timeout=5)
        except (subprocess.TimeoutExpired, ValueError):
            err = ""
        what = "printed %r" % line if line else ("exited with status %s" % proc.returncode if answered else "was silent %g s" % timeout)
        raise EmulatorStartError(
            "opentok-emulator (%s) did not start: it %s%s" % (exe, what, (": " + err.strip()[-500:]) if err else "")
        )
    url = line[len(_LISTENING) :].rstrip("/")
    # Drain both pipes so the process never blocks on a full one.
    for stream in (proc.stdout, proc.stderr):
        threading.Thread(target=_drain, args=(stream,), daemon=True).start()
    emu = RunningEmulator(proc, url, key, secret)
    with _running_lock:
        _running.add(emu)
    return emu


def _drain(stream: Any) -> None:
    try:
        for _ in stream:
            pass
    except (ValueError, OSError):
        pass


# ---- the pytest plugin ---------------------------------------------------------------------

try:
    import pytest
except ImportError:  # pragma: no cover - the helpers above work without pytest
    pytest = None  # type: ignore[assignment]


_Scope = Literal["session", "package", "module", "class", "function"]
_SCOPES: Tuple[_Scope, ...] = ("session", "package", "module", "class", "function")


def _scope(fixture_name: str, config: Any) -> _Scope:
    value = str(config.getini("opentok_emulator_scope") or "function")
    for scope in _SCOPES:
        if value == scope:
            return scope
    raise ValueError("opentok_emulator_scope: must be one of %s, got %r" % (", ".join(_SCOPES), value))


if pytest is not None:

    def pytest_addoption(parser: Any) -> None:
        """Registers the ``opentok_emulator_scope`` ini option."""
        parser.addini(
            "opentok_emulator_scope",
            "scope of the opentok_emulator fixture: function (default), class, module, package or session",
            default="function",
        )

    @pytest.fixture(scope=_scope)
    def opentok_emulator() -> Iterator[RunningEmulator]:
        """A running emulator (free port, in memory), stopped afterwards even when the test fails."""
        emu = start_emulator()
        try:
            yield emu
        finally:
            emu.stop()

    @pytest.fixture
    def opentok_client(opentok_emulator: RunningEmulator) -> Any:
        """An ``opentok_native.Client`` pointed at ``opentok_emulator``."""
        return opentok_emulator.client()


__all__: Sequence[str] = (
    "DEFAULT_API_KEY",
    "DEFAULT_API_SECRET",
    "EmulatorNotFoundError",
    "EmulatorStartError",
    "RunningEmulator",
    "find_emulator",
    "start_emulator",
)
