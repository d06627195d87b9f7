"""A dbt process started before the dbt step needs it: dbt-core's imports are paid while the run ingests.

Every dbt invocation of a run is a new `dbt` process, and about 2.5 s of each is Python importing
dbt-core and the DuckDB adapter before dbt reads a single argument: a seventh of a one-user refresh.
The pipeline's `DbtResource` starts this server when a run's resources are set up (before ingestion),
so those imports happen while the run ingests and checks the raw tables. dagster-dbt then starts
`connection-score-dbt` (dbt_client.py) instead of `dbt`: the client hands the server its arguments,
environment, working folder and its stdout/stderr, the server runs dbt's own command line entry point
(`dbt.cli.main.cli`, exactly what the `dbt` script runs) writing straight into dagster-dbt's pipe, and
the client exits with dbt's exit code once the server process has exited (DuckDB closed).

One server serves one invocation, then exits, like a `dbt` process (`DbtResource` hands each server
to one `cli()` call). Without a server (none started for the call, or it died) the client runs the
`dbt` script itself.
"""

from __future__ import annotations

import gc
import json
import os
import socket
import sys
from pathlib import Path

# The request: arguments, environment and working folder, sent as one JSON message with two
# file descriptors (the client's stdout and stderr).
MAX_REQUEST_BYTES = 16 * 1024 * 1024
# How often a server nobody has called checks that the process that started it is still there.
ORPHAN_CHECK_S = 5.0


def serve(socket_path: Path) -> int:
    """Import dbt, listen on `socket_path`, run one dbt command line for the first client; its exit code."""
    from dbt.cli.main import cli   # the seconds this process exists to spend early
    import dbt.adapters.duckdb  # noqa: F401 (the adapter plugin, loaded by dbt once it reads the profile)
    _warm_schemas()
    gc.freeze()   # dbt's modules live until exit: later full collections need not walk them (definitions.py)

    parent = os.getppid()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        listener.bind(os.fspath(socket_path))
        listener.listen(1)
        listener.settimeout(ORPHAN_CHECK_S)
        while True:
            try:
                conn, _ = listener.accept()
                break
            except TimeoutError:
                if os.getppid() != parent:   # the run worker is gone: nobody will call
                    return 0
        socket_path.unlink(missing_ok=True)
    conn.settimeout(None)
    message, fds, _, _ = socket.recv_fds(conn, MAX_REQUEST_BYTES, 2)
    request = json.loads(message)
    os.dup2(fds[0], 1)
    os.dup2(fds[1], 2)
    for fd in fds:
        os.close(fd)
    os.environ.clear()
    os.environ.update(request["env"])
    os.chdir(request["cwd"])
    sys.argv = ["dbt", *request["args"]]
    try:
        code = cli.main(args=request["args"], prog_name="dbt")   # what the `dbt` script runs
    except SystemExit as exc:
        code = exc.code
    except KeyboardInterrupt:   # the client forwards the SIGINT dagster-dbt sends it on termination
        code = 130
    code = code if isinstance(code, int) else (0 if code is None else 1)
    # What dbt leaves (the manifest, the results) needs no collection before exit: the garbage collections
    # of interpreter exit took about 0.25 s of the step, which waits for this process to end. DuckDB is
    # still closed at exit: dbt-duckdb's atexit handler drops the last reference to it (py-spy shows the
    # close and its checkpoint with the freeze in place).
    gc.freeze()
    sys.stdout.flush()
    sys.stderr.flush()
    conn.sendall(f"{code}\n".encode())
    # `conn` stays open until this process ends: the client waits for that (dbt-duckdb closes the
    # DuckDB file at exit, and the next step opens it).
    _KEEP_OPEN.append(conn)
    return code


_KEEP_OPEN: list[socket.socket] = []


def _warm_schemas() -> None:
    """Build the JSON schemas dbt validates dbt_project.yml, its flags and the profile's credentials
    against. dbt builds each on first use and caches it for the process: about 0.3 s of every command's
    start, spent here before the command arrives. Best effort: these are dbt's internals, and a miss
    only costs the time it would have cost anyway."""
    try:
        from dbt.adapters.duckdb.credentials import DuckDBCredentials
        from dbt.contracts.project import PackageConfig, Project, ProjectFlags

        for schema_class in (Project, ProjectFlags, PackageConfig, DuckDBCredentials):
            schema_class.json_schema()
    except Exception:  # noqa: BLE001
        pass


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    return serve(Path(args[0]))


if __name__ == "__main__":
    raise SystemExit(main())
