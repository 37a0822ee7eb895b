# Two commands for a newcomer: `make run` and `make test`.
# DATABASE_URL switches both to PostgreSQL; PYTHON= picks the interpreter.
# VENV= and CONSTRAINTS= (a pinned ci/constraints-*.txt) set up one cell of the
# compatibility matrix in a venv of its own, as .ci/run does.

PYTHON ?= $(shell ./scripts/find-python)
PORT ?= 8000
HOST ?= 127.0.0.1
VENV ?= .venv
CONSTRAINTS ?=
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# One stamp per constraints file, so a venv set up without them is set up again with them.
STAMP := $(VENV)/.installed$(if $(CONSTRAINTS),-$(notdir $(CONSTRAINTS)))
TEMPLATE_DIRS := partnerships/templates home/templates templates tests/podcasts/templates

.PHONY: run test setup migrate demo lint format faults fleet clean bench load

$(STAMP): pyproject.toml $(CONSTRAINTS)
	@test -n "$(PYTHON)" || { echo "No Python 3.11+ found: run make PYTHON=/path/to/python3"; exit 1; }
	@if [ -x $(BIN)/python ] && ! $(BIN)/python -c 'import sys' 2>/dev/null; then rm -rf $(VENV); fi
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]" $(if $(CONSTRAINTS),--constraint $(CONSTRAINTS))
	@touch $(STAMP)

# axe-core, which the browser tests inject into pages (package-lock.json pins it).
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

setup: $(STAMP) $(NODE_STAMP)

migrate: setup
	$(MANAGE) migrate --no-input

demo: migrate
	$(MANAGE) load_demo --site-url http://$(HOST):$(PORT) --create-admin

# Scheduled go-live and expiry need publish_scheduled: a loop runs it every minute
# beside the server and is killed when the server stops.
run: demo
	@echo "Serving on http://$(HOST):$(PORT)/ — the seed page is http://$(HOST):$(PORT)/partnerships-collaboration/"
	@while sleep 60; do $(MANAGE) publish_scheduled --verbosity 0; done & \
	trap 'kill $$! 2>/dev/null' EXIT INT TERM; \
	WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT) $(MANAGE) runserver $(HOST):$(PORT)

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# gunicorn on production settings under load, an editor publishing, then a
# PostgreSQL outage (on a throwaway cluster of its own). Needs root for runuser.
faults: setup
	$(BIN)/python scripts/load_faults.py

# The plugin as a fleet on this machine: HAProxy, two gunicorn app servers, a
# PostgreSQL primary and streaming replica, a Redis, all of its own (ports
# 15400-15499), under load through five faults. Needs root; not part of `make test`.
fleet: setup
	$(BIN)/python -m benchmarks.fleet

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
	$(BIN)/djlint $(TEMPLATE_DIRS) --lint
	DJANGO_SETTINGS_MODULE=demosite.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=demosite.settings.test $(BIN)/python -W error::DeprecationWarning manage.py check

# The plugin's English catalogue, after adding or changing a translatable string.
messages: setup
	cd partnerships && PYTHONPATH=.. DJANGO_SETTINGS_MODULE=demosite.settings.test ../$(BIN)/python -m django makemessages -l en --no-obsolete
	cd partnerships && PYTHONPATH=.. DJANGO_SETTINGS_MODULE=demosite.settings.test ../$(BIN)/python -m django compilemessages

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .venv-lowest .venv-newest db.sqlite3 media static test-artifacts build dist *.egg-info node_modules
