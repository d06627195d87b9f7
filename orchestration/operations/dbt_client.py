"""`connection-score-dbt`: the `dbt` command dagster-dbt runs in the pipeline. It hands the command to
the run's dbt server (dbt_server.py) when there is one, else runs the `dbt` script itself.

Arguments, exit code, output and signals are dbt's: the server writes to this process's own stdout
and stderr, SIGINT and SIGTERM are passed on to it, and this process exits with dbt's exit code once
the server has exited."""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
import time
from pathlib import Path

# Set by DbtResource for the dbt calls of a run: the server's socket and process id.
SERVER_SOCKET_ENV = "CONNECTION_SCORE_DBT_SERVER"
SERVER_PID_ENV = "CONNECTION_SCORE_DBT_SERVER_PID"
# A server still importing dbt is waited for (normally 2-3 s; a loaded machine can take longer).
CONNECT_TIMEOUT_S = 60.0


def dbt_script() -> Path:
    """The `dbt` entry point next to this interpreter (the venv's)."""
    return Path(sys.executable).parent / "dbt"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def connect(socket_path: str, pid: int, timeout_s: float = CONNECT_TIMEOUT_S) -> socket.socket | None:
    """A connection to the server, waiting while it starts; None when there is no server to wait for."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(socket_path)
            return sock
        except (FileNotFoundError, ConnectionRefusedError):
            sock.close()
            if not _alive(pid):
                return None
            time.sleep(0.02)
    return None


def run_on_server(sock: socket.socket, pid: int, args: list[str]) -> int:
    request = json.dumps({"args": args, "env": dict(os.environ), "cwd": os.getcwd()}).encode()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda sig, _frame: _forward(pid, sig))
    socket.send_fds(sock, [request], [sys.stdout.fileno(), sys.stderr.fileno()])
    reply = b""
    while True:
        chunk = sock.recv(64)     # the exit code, then EOF when the server process has ended
        if not chunk:
            break
        reply += chunk
    sock.close()
    text = reply.decode().strip()
    return int(text) if text.lstrip("-").isdigit() else 1   # no code: the server died mid-command


def _forward(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except ProcessLookupError:
        pass


def main() -> int:
    args = sys.argv[1:]
    socket_path, pid = os.environ.get(SERVER_SOCKET_ENV), os.environ.get(SERVER_PID_ENV)
    sock = connect(socket_path, int(pid)) if socket_path and pid else None
    if sock is None:
        script = os.fspath(dbt_script())
        os.execv(script, [script, *args])
    return run_on_server(sock, int(pid), args)


if __name__ == "__main__":
    raise SystemExit(main())
