"""The package's pytest plugin (``opentok_native.testing``): its fixtures come from the installed
package's ``pytest11`` entry point (the inner runs below have no conftest), the emulator comes up
on a free port, a missing or broken binary is a clear error, and a failing test leaves no process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Dict

import pytest

from conftest import emulator_binary
from opentok_native.testing import EmulatorNotFoundError, EmulatorStartError, find_emulator, start_emulator


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie still answers signal 0: it is gone once its state says so
    try:
        return Path("/proc/%d/stat" % pid).read_text().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _run_inner(tmp_path: Path, body: str, env: Dict[str, str]) -> subprocess.CompletedProcess:
    (tmp_path / "test_inner.py").write_text(textwrap.dedent(body))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path / "test_inner.py")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_fixtures_serve_a_client_and_a_connect(tmp_path: Path) -> None:
    env = dict(os.environ, EMULATOR_BIN=str(emulator_binary()))
    out = _run_inner(
        tmp_path,
        """
        def test_session(opentok_client, opentok_emulator):
            assert opentok_emulator.url.startswith("http://127.0.0.1:")
            assert opentok_emulator.api_key == "123456"
            session = opentok_client.create_session(media_mode="routed")
            token = opentok_client.generate_token(session.session_id, role="moderator")
            assert opentok_emulator.connect(session.session_id, token)["role"] == "moderator"
            assert "1234567890abcdef" not in repr(opentok_emulator)
        """,
        env,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "1 passed" in out.stdout


def test_a_test_that_raises_leaves_no_emulator(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    env = dict(os.environ, EMULATOR_BIN=str(emulator_binary()), PIDS=str(pids))
    out = _run_inner(
        tmp_path,
        """
        import os

        def _record(emu):
            with open(os.environ["PIDS"], "a") as f:
                f.write("%d\\n" % emu.pid)
            os.kill(emu.pid, 0)  # running while the test runs

        def test_raises(opentok_emulator):
            _record(opentok_emulator)
            raise RuntimeError("boom inside the fixture")

        def test_fails(opentok_emulator, opentok_client):
            _record(opentok_emulator)
            opentok_client.create_session()
            assert False, "failing on purpose"
        """,
        env,
    )
    assert out.returncode == 1, out.stdout + out.stderr
    assert "2 failed" in out.stdout and "boom inside the fixture" in out.stdout
    recorded = [int(p) for p in pids.read_text().split()]
    assert len(recorded) == 2 and len(set(recorded)) == 2
    for pid in recorded:
        assert not _alive(pid), "emulator pid %d left running" % pid


def test_the_fixture_errors_when_the_binary_is_missing(tmp_path: Path) -> None:
    env = dict(os.environ, EMULATOR_BIN=str(tmp_path / "no-such-emulator"))
    out = _run_inner(tmp_path, "def test_x(opentok_client):\n    pass\n", env)
    assert out.returncode == 1, out.stdout + out.stderr
    assert "1 error" in out.stdout
    assert "no-such-emulator" in out.stdout and "does not exist or is not executable" in out.stdout


def test_missing_binary_names_what_was_tried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EMULATOR_BIN", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setattr("sysconfig.get_path", lambda name: str(tmp_path / "scripts"))
    with pytest.raises(EmulatorNotFoundError) as e:
        find_emulator()
    assert "pip install opentok-emulator" in str(e.value) and str(tmp_path / "scripts") in str(e.value)


def test_packaged_command_on_path_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    link = tmp_path / "opentok-emulator"
    link.symlink_to(emulator_binary())
    monkeypatch.delenv("EMULATOR_BIN", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_emulator() == str(link)
    with start_emulator() as emu:
        assert emu.client().create_session().session_id


def test_a_binary_that_does_not_come_up_is_an_error_and_is_killed(tmp_path: Path) -> None:
    with pytest.raises(EmulatorStartError) as e:
        start_emulator("--header-read-timeout", "0", binary=str(emulator_binary()))
    assert "did not start" in str(e.value) and "header-read-timeout" in str(e.value)
    mute = tmp_path / "mute-emulator"
    mute.write_text("#!/bin/sh\necho $$ > %s.pid\nexec sleep 30\n" % mute)
    mute.chmod(0o755)
    with pytest.raises(EmulatorStartError) as silent:
        start_emulator(binary=str(mute), timeout=1)
    assert "silent" in str(silent.value)
    assert not _alive(int((tmp_path / "mute-emulator.pid").read_text()))


def test_custom_project_credentials() -> None:
    with start_emulator(binary=str(emulator_binary()), api_key="4242", api_secret="s" * 40) as emu:
        assert emu.api_key == "4242"
        emu.client().create_session()
    assert not _alive(emu.pid)
