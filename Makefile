# Two commands for a newcomer: `make run` and `make test`.
# DATABASE_URL switches both to PostgreSQL; PYTHON= picks the interpreter.

PYTHON ?= $(shell ./scripts/find-python)
PORT ?= 8000
HOST ?= 127.0.0.1
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed

.PHONY: run test setup migrate demo lint format faults clean bench load

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "No Python 3.11+ found: run make PYTHON=/path/to/python3"; exit 1; }
	@if [ -x $(BIN)/python ] && ! $(BIN)/python -c 'import sys' 2>/dev/null; then rm -rf $(VENV); fi
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

setup: $(STAMP)

migrate: setup
	$(MANAGE) migrate --no-input

demo: migrate
	$(MANAGE) load_demo --site-url http://$(HOST):$(PORT) --create-admin

run: demo
	@echo "Serving on http://$(HOST):$(PORT)/ — the seed page is http://$(HOST):$(PORT)/partnerships-collaboration/"
	WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT) $(MANAGE) runserver $(HOST):$(PORT)

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# gunicorn on production settings under load, an editor publishing, then a
# PostgreSQL outage (on a throwaway cluster of its own). Needs root for runuser.
faults: setup
	$(BIN)/python scripts/load_faults.py

# Speed at 1k, 10k and 100k items on PostgreSQL (not part of `make test`); see benchmarks/.
BENCH_DATABASE_URL ?= $(or $(DATABASE_URL),postgres://postgres@127.0.0.1:5432/perf_bench)
BENCH_ENV := DATABASE_URL=$(BENCH_DATABASE_URL) DJANGO_SETTINGS_MODULE=benchmarks.settings

bench: setup
	@psql "$(BENCH_DATABASE_URL)" -c 'select 1' >/dev/null 2>&1 || createdb -h 127.0.0.1 -U postgres "$$(basename $(BENCH_DATABASE_URL))"
	$(BENCH_ENV) $(BIN)/python -m benchmarks.run $(BENCH_ARGS)

load: setup
	$(BENCH_ENV) $(BIN)/python -m benchmarks.load $(LOAD_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=demosite.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=demosite.settings.test $(MANAGE) check

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 media static test-artifacts build dist *.egg-info
