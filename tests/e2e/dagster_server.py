"""Start and stop a real Dagster webserver + daemon (`dagster dev`) for end-to-end tests.

The server runs in its own session (process group); on stop every process of that session is
signalled by PID, including the code servers that survive the parent (see dagster-ui-testing.md)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def instance_yaml(home: Path) -> str:
    """The repo's dagster.yaml with storage moved into the test's own DAGSTER_HOME."""
    text = (REPO / "dagster.yaml").read_text()
    text = text.replace("base_dir: data/dagster_home/storage", f"base_dir: {home / 'storage'}")
    text = text.replace("base_dir: data/dagster_home/compute_logs", f"base_dir: {home / 'compute_logs'}")
    return text.replace("base_dir: data/dagster_home", f"base_dir: {home}")


def _session_pids(sid: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[3]) == sid:     # field 6 of /proc/<pid>/stat: session id
            pids.append(int(entry.name))
    return pids


def _reset_signals() -> None:
    # `dagster dev` maps SIGTERM onto SIGINT; both must be at their defaults in the child.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


@dataclass
class DagsterServer:
    home: Path
    env: dict[str, str]
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None
    log_path: Path | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 120) -> "DagsterServer":
        self.home.mkdir(parents=True, exist_ok=True)
        (self.home / "dagster.yaml").write_text(instance_yaml(self.home))
        self.log_path = self.home / "dagster_dev.log"
        env = dict(os.environ, **self.env, DAGSTER_HOME=str(self.home), DAGSTER_DISABLE_TELEMETRY="1",
                   DO_NOT_TRACK="1", PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
        dagster = Path(sys.executable).parent / "dagster"
        self.process = subprocess.Popen(
            [str(dagster), "dev", "-h", "127.0.0.1", "-p", str(self.port)],
            cwd=REPO, env=env, stdout=open(self.log_path, "w"), stderr=subprocess.STDOUT,
            start_new_session=True, preexec_fn=_reset_signals,
        )
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"dagster dev exited early:\n{self.log_path.read_text()[-3000:]}")
            try:
                data = self.graphql("{ workspaceOrError { ... on Workspace { locationEntries { name "
                                    "loadStatus locationOrLoadError { __typename ... on PythonError { message } } } } } }")
                entries = data["workspaceOrError"]["locationEntries"]
                if entries and all(e["loadStatus"] == "LOADED" for e in entries):
                    errors = [e for e in entries if e["locationOrLoadError"]["__typename"] == "PythonError"]
                    if errors:
                        raise RuntimeError(f"code location failed to load: {errors}")
                    return self
            except (OSError, KeyError, TypeError, json.JSONDecodeError):
                pass
            time.sleep(1)
        raise TimeoutError(f"dagster dev not ready after {timeout}s:\n{self.log_path.read_text()[-3000:]}")

    def graphql(self, query: str, variables: dict | None = None) -> dict:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        req = urllib.request.Request(f"{self.base}/graphql", data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            payload = json.loads(resp.read())
        if payload.get("errors"):
            raise RuntimeError(payload["errors"])
        return payload["data"]

    def stop(self) -> None:
        if self.process is None:
            return
        sid = os.getsid(self.process.pid) if self.process.poll() is None else self.process.pid
        pids = _session_pids(sid)
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass
        for pid in set(pids + _session_pids(sid)):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.process = None

    def location_name(self) -> str:
        data = self.graphql("{ workspaceOrError { ... on Workspace { locationEntries { name } } } }")
        return data["workspaceOrError"]["locationEntries"][0]["name"]

    def wait_for_run(self, run_id: str, timeout: float = 1500) -> str:
        deadline = time.time() + timeout
        status = "?"
        while time.time() < deadline:
            data = self.graphql("query($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }", {"id": run_id})
            status = data["runOrError"]["status"]
            if status in ("SUCCESS", "FAILURE", "CANCELED"):
                return status
            time.sleep(1)
        raise TimeoutError(f"run {run_id} still {status} after {timeout}s")
