"""When the dbt seeds are reloaded: only when a seed file changed, or a seed table is missing."""

from __future__ import annotations

import shutil

import duckdb

from orchestration.assets import reference_data
from orchestration.settings import DBT_PROJECT_DIR


def test_seed_reload_only_when_files_change(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(DBT_PROJECT_DIR / "seeds", seeds)
    project = DBT_PROJECT_DIR / "dbt_project.yml"
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    first = reference_data.fingerprint(seeds, project)
    assert reference_data.needs_seed(con, first, seeds)          # never loaded

    reference_data.record_seed(con, first)
    con.execute("create schema seeds")
    for name in reference_data.seed_names(seeds):
        con.execute(f"create table seeds.{name} (x int)")
    assert not reference_data.needs_seed(con, first, seeds)      # loaded, unchanged

    with (seeds / "company_industry_user.csv").open("a") as fh:  # a user adds a company mapping
        fh.write("alice,Acme Robotics,1\n")
    second = reference_data.fingerprint(seeds, project)
    assert second != first and reference_data.needs_seed(con, second, seeds)

    reference_data.record_seed(con, second)
    con.execute("drop table seeds.score_params")                 # someone dropped a seed table
    assert reference_data.needs_seed(con, second, seeds)
