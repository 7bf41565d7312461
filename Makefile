# The Academy portal. `make run` serves the demo; `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Links built outside a request (emails, QR codes, credentials) point at the port served.
SITE = SITE_URL="$${SITE_URL:-http://127.0.0.1:$(PORT)}"
PASSWORD ?=

.DEFAULT_GOAL := help
.PHONY: help install run test test-fast lint format worker messages collectstatic clean

help:  ## Show the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements-dev.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	touch $@

node_modules/axe-core/axe.min.js: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: browser tests will skip (axe-core missing)"; fi

install: $(BIN)/.installed  ## Create .venv and install the locked dependencies

run: install  ## Install, migrate, load the demo and serve on http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py migrate --noinput
	$(SITE) $(BIN)/python manage.py seed_demo $(if $(PASSWORD),--password "$(PASSWORD)")
	$(SITE) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install node_modules/axe-core/axe.min.js  ## Run the whole test suite (DATABASE_URL if set, else SQLite)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: install  ## The suite without the browser (tests/e2e) and real-worker tests
	$(BIN)/python -m pytest --ignore=tests/e2e -m "not e2e and not celery_worker" $(PYTEST_ARGS)

lint: install  ## ruff check, format check, and the layers (import-linter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install  ## Fix what ruff can fix and format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

worker: install  ## A Celery worker with beat (needs CELERY_BROKER_URL)
	@test -n "$$CELERY_BROKER_URL" || { echo "Set CELERY_BROKER_URL (e.g. redis://127.0.0.1:6379/0); without it tasks run eagerly in the web process."; exit 1; }
	mkdir -p var
	$(BIN)/celery -A config worker --beat --schedule var/celerybeat-schedule --loglevel=info

messages: install  ## Extract and compile the Dutch translations (needs gettext)
	$(BIN)/python manage.py makemessages --locale nl --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'tests/*' --no-obsolete
	$(BIN)/python manage.py compilemessages --ignore '.venv/*'

collectstatic: install  ## Collect static files for production (hashed and compressed)
	$(BIN)/python manage.py collectstatic --noinput

clean:  ## Remove the virtualenv, node_modules and local data under var/
	rm -rf $(VENV) node_modules var
