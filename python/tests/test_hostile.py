"""Hostile inputs in a child process: a segfault or abort fails this test with its exit code instead
of killing the test run (issue: nothing crashes the host process)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from conftest import Emulator

CHILD = Path(__file__).with_name("hostile_child.py")


def test_hostile_inputs_never_crash_the_interpreter(emulator: Emulator) -> None:
    run = subprocess.run(
        [sys.executable, str(CHILD), emulator.url],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONFAULTHANDLER": "1"},
    )
    died = f"killed by {signal.Signals(-run.returncode).name}" if run.returncode < 0 else f"exit {run.returncode}"
    assert run.returncode == 0, f"child {died}\nstdout:\n{run.stdout[-4000:]}\nstderr:\n{run.stderr[-4000:]}"
    lines = dict(line.split(": ", 1) for line in run.stdout.splitlines() if ": " in line)
    assert "all cases survived" in run.stdout
    # every hostile value is refused with a typed error, never silently accepted
    for name in ("cyclic layout", "cyclic signal data", "deep signal 100k", "exploding token data", "huge int expire",
                 "nan expire", "surrogate data", "nul in session id", "huge data", "timeout nan"):
        assert lines[name] != "answered", f"{name} was accepted"
    assert "panicked" not in run.stderr and "PanicException" not in run.stdout, run.stderr[-4000:]
    # text Rust cannot hold is an argument error naming the field, not a bare UnicodeEncodeError
    for name in ("surrogate data", "surrogate session id", "surrogate secret"):
        assert lines[name] == "InvalidArgumentError", f"{name}: {lines[name]}"
