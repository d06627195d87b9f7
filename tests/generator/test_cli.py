"""The command line (`python -m orchestration.generator ...`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from orchestration.generator.cli import main

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_cli_export(tmp_path, capsys, rx):
    assert main(["export", "--persona", "specialist", "--seed", "7", "--out", str(tmp_path), "--era", "2021",
                 "--kind", "Basic", "--layout", "folder"]) == 0
    out = capsys.readouterr().out
    target = tmp_path / "Basic_LinkedInDataExport_09-12-2022"
    assert str(target) in out and "connections=400" in out
    assert (target / "Connections.csv").is_file()


def test_cli_users_and_demo(tmp_path, capsys):
    assert main(["users", "--n", "2", "--out", str(tmp_path / "u"), "--seed", "1"]) == 0
    assert sorted(p.name for p in (tmp_path / "u").iterdir()) == ["user-00000", "user-00001"]
    assert main(["demo", "--out", str(tmp_path / "d")]) == 0
    out = capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == ["collector", "new_grad", "specialist"]
    assert "collector" in out


def test_python_dash_m_entry_point(tmp_path):
    res = subprocess.run([sys.executable, "-m", "orchestration.generator", "export", "--persona", "new_grad",
                          "--out", str(tmp_path), "--split-rows", "30", "--bom", "Connections.csv"],
                         cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert "Complete_LinkedInDataExport_11-20-2026.zip" in res.stdout
