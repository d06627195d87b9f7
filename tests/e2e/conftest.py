"""A real `dagster dev` (webserver + daemon) on 127.0.0.1 over a temporary data folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from orchestration.generator import generate_export
from tests.e2e.dagster_server import DagsterServer

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def e2e_data(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("e2e_data")
    for user, persona, seed in (("alice", "new_grad", 3), ("bob", "new_grad", 4)):
        generate_export(data / "raw" / user, persona=persona, seed=seed, n_connections=150)
    return data


@pytest.fixture(scope="module")
def dagster_server(tmp_path_factory, e2e_data):
    home = tmp_path_factory.mktemp("dagster_home")
    server = DagsterServer(home=home, env={"CONNECTION_SCORE_DATA_DIR": str(e2e_data)})
    try:
        yield server.start()
    finally:
        server.stop()
        shutil.rmtree(home / "storage", ignore_errors=True)
