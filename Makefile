# The two commands of the README: `make demo` (set up + run the pipeline on the demo users) and
# `make test`. Everything installs into .venv from the committed lock file.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

export DAGSTER_DISABLE_TELEMETRY := 1
export DO_NOT_TRACK := 1
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
# dagster.yaml at the repo root is the instance config; storage lives in data/dagster_home/.
export DAGSTER_HOME := $(CURDIR)
# dagster-dbt looks for `dbt` on PATH (e.g. `dagster dev` re-parses the project): use the venv's.
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)

.PHONY: install demo test dev lint clean-data

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	$(BIN)/python -m orchestration.operations.dbt_parse
	touch $@

demo: install
	$(BIN)/python -m orchestration.operations.demo

test: install
	$(BIN)/python -m pytest

dev: install
	$(BIN)/dagster dev

lint: install
	cd dbt_project && ../$(BIN)/sqlfluff lint models

clean-data:
	rm -rf data/warehouse.duckdb data/serving.duckdb data/dagster_home/storage data/data_docs
