# Lotse — the two commands that matter: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
POSTGRES_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test
PYTEST_ARGS ?=

.PHONY: run setup migrate initial demo worker test test-sqlite test-postgres test-e2e lint typecheck format check-migrations check-migration-upgrade check-deploy messages bench cluster wheel clean

## Set-up ------------------------------------------------------------------------------------
$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# One catalogue for the project, one per app (lotse/<app>/locale); compilemessages does them all.
PO_FILES := $(wildcard lotse/locale/en/LC_MESSAGES/django.po lotse/*/locale/en/LC_MESSAGES/django.po)

lotse/locale/en/LC_MESSAGES/django.mo: $(PO_FILES) $(VENV)/.installed
	cd lotse && ../$(PY) ../manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

messages: $(VENV)/.installed  ## Refresh the translation catalogue after changing UI texts
	cd lotse && ../$(PY) ../manage.py makemessages -l en --ignore=static --no-obsolete
	for dir in $(patsubst %/locale,%,$(wildcard lotse/*/locale)); do \
		(cd $$dir && ../../$(PY) ../../manage.py makemessages -l en --ignore=static --no-obsolete); \
	done

setup: $(VENV)/.installed node_modules/.installed lotse/locale/en/LC_MESSAGES/django.mo

migrate: setup
	mkdir -p var
	$(PY) manage.py migrate --noinput -v 0

## Run (SQLite demo with a task worker) ------------------------------------------------------
# load_demo loads the initial content (load_initial_content: real pages, actors, wages) first and
# the demo data (lotse/demo: invented contacts, offers, events, inquiries, accounts) on top.
var/.demo-loaded: | migrate
	$(PY) manage.py load_demo
	touch $@

initial: migrate  ## Load the initial content only (what a real installation gets; no accounts)
	$(PY) manage.py load_initial_content

demo: migrate  ## (Re)load initial content and demo data and print the demo accounts
	$(PY) manage.py load_demo

run: migrate var/.demo-loaded
	@echo "Lotse runs on http://$(HOST):$(PORT)/ — back office: http://$(HOST):$(PORT)/admin/"
	@echo "Demo accounts for the back office ('make demo' reloads the demo data and resets them):"
	@$(PY) manage.py demo_accounts --host $(HOST) --port $(PORT)
	@$(PY) manage.py db_worker --interval 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

worker: migrate
	$(PY) manage.py db_worker

## Package ----------------------------------------------------------------------------------
# dist/lotse-*.whl with templates, static files, translations (compiled first) and data files;
# fails if a file git tracks below lotse/ (other than Python) or a compiled .mo is missing.
wheel: setup
	rm -rf build dist
	$(PY) -m pip wheel . -w dist --no-deps --quiet
	rm -rf build
	$(PY) -c "import glob, subprocess, sys, zipfile; \
	names = set(zipfile.ZipFile(glob.glob('dist/lotse-*.whl')[0]).namelist()); \
	files = subprocess.run(['git', 'ls-files', 'lotse'], capture_output=True, text=True).stdout.split(); \
	wanted = [f for f in files if not f.endswith('.py')] + glob.glob('lotse/**/*.mo', recursive=True); \
	missing = [f for f in wanted if f not in names]; \
	print(len(names), 'files in the wheel; missing:', missing or 'none'); sys.exit(bool(missing))"

## Quality -----------------------------------------------------------------------------------
lint: setup  ## ruff, and the import contracts of pyproject.toml (the layers of the apps, no circles)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# mypy (django-stubs) over the files listed in pyproject.toml [tool.mypy]: services, selectors
# and the core helpers they use. The cache (.mypy_cache, git-ignored) makes reruns fast.
typecheck: setup
	$(VENV)/bin/mypy

check-migrations: setup
	env -u DATABASE_URL DJANGO_SETTINGS_MODULE=lotse.settings.test $(PY) manage.py makemigrations --check --dry-run

# Upgrade path: a database migrated by the trees at the BASE commits in turn (default: the last
# commits before the squashes of docs/decisions/0007: events/tariffs/network/offers, then desk,
# then core (0029)) must migrate with this tree's files and end with nothing left.
MIGRATION_BASE ?= 0648543 449d166 1057344
check-migration-upgrade: setup
	set -e; work=$$(mktemp -d); trap 'rm -rf $$work' EXIT; \
	db="$${UPGRADE_DATABASE_URL:-sqlite:///$$work/upgrade.sqlite3}"; \
	for base in $(MIGRATION_BASE); do \
	  rm -rf $$work/tree; mkdir $$work/tree; git archive $$base | tar -x -C $$work/tree; \
	  (cd $$work/tree && DATABASE_URL=$$db $(abspath $(PY)) manage.py migrate --noinput -v 0); \
	done; \
	DATABASE_URL=$$db $(PY) manage.py migrate --noinput -v 0; \
	left=$$(DATABASE_URL=$$db $(PY) manage.py showmigrations --plan | grep -v '^\[X\]' || true); \
	test -z "$$left" || { echo "Not applied after the upgrade:"; echo "$$left"; exit 1; }; \
	echo "Upgrade from $(MIGRATION_BASE): every migration applied."

test-sqlite: setup
	env -u DATABASE_URL $(VENV)/bin/pytest $(PYTEST_ARGS)

test-postgres: setup
	DATABASE_URL=$${DATABASE_URL:-$(POSTGRES_TEST_URL)} $(VENV)/bin/pytest -m "not e2e" $(PYTEST_ARGS)

# The whole suite: lint, type check, migrations, SQLite (with browser tests), and PostgreSQL
# when asked (LOTSE_TEST_POSTGRES=1) or when DATABASE_URL is set.
test: lint typecheck check-migrations test-sqlite
	@if [ "$${LOTSE_TEST_POSTGRES:-0}" = "1" ] || [ -n "$${DATABASE_URL:-}" ]; then \
		$(MAKE) --no-print-directory test-postgres; \
	else \
		echo "PostgreSQL pass skipped (set LOTSE_TEST_POSTGRES=1 to run it)."; \
	fi

## Benchmarks --------------------------------------------------------------------------------
bench: setup
	$(PY) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf var/lotse.sqlite3* var/.demo-loaded static_collected

# nginx in front of two gunicorn app servers, PostgreSQL `lotse_cluster`, Redis db 5, two task
# workers, all on loopback: the registration burst, the burst with one app server killed, writes
# through one server read through the other, throughput with one and two (docs/operations.md).
cluster: setup
	$(PY) bench/cluster.py $(CLUSTER_ARGS)
